package se.kvalitetshjulet.service.imports;

import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.kvalitetshjulet.data.jooq.Tables.AUDIT_LOG;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.HEADER;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.count;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.goodRows;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.run;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.utf8;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.jooq.tables.records.DeviationRecord;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

class DeviationImporterTest {
    @TempDir
    Path dir;
    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = ImportTestSupport.context(dir);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private DeviationRecord byExternal(String id) {
        return ctx.database().dsl().selectFrom(DEVIATION).where(DEVIATION.EXTERNAL_ID.eq(id)).fetchOne();
    }

    private int audits(String entity) {
        return ctx.database().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq(entity));
    }

    @Test
    void goodFileImportsEveryRowWithConvertedValues() {
        Path f = write(dir.resolve("avvikelser.csv"), goodRows(), StandardCharsets.UTF_8, true);

        ImportResult r = run(ctx, f, false);

        assertThat(r.errors()).isEmpty();
        assertThat(r.format()).isEqualTo("CSV, UTF-8 med BOM, semikolon");
        assertThat(r.rowsRead()).isEqualTo(3);
        assertThat(r.imported()).isEqualTo(3);
        assertThat(count(ctx)).isEqualTo(3);

        DeviationRecord a1 = byExternal("A-1");
        assertThat(a1.getKind()).isEqualTo("KVALITETSAVVIKELSE");
        assertThat(a1.getLaw()).isEqualTo("SOL");
        assertThat(a1.getStatus()).isEqualTo("REGISTRERAD");
        assertThat(a1.getRegisteredOn()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(a1.getOccurredOn()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(a1.getDueOn()).isEqualTo(LocalDate.of(2025, 4, 14)); // 30 days for kvalitetsavvikelse
        assertThat(a1.getExternalSource()).isEqualTo("Gamla systemet");
        assertThat(a1.getCaseRef()).isEqualTo("AV-2025-%06d".formatted(a1.getId()));
        assertThat(a1.getReporterRole()).isEqualTo("Undersköterska");
        assertThat(a1.getUpdatedAt()).isNotNull();

        DeviationRecord a2 = byExternal("A-2");
        assertThat(a2.getKind()).isEqualTo("HSL_AVVIKELSE");
        assertThat(a2.getLaw()).isEqualTo("HSL");
        assertThat(ctx.taxonomies().list(TaxonomyKind.CATEGORY).stream()
                .filter(t -> t.id() == a2.getCategoryId()).findFirst().orElseThrow().name()).isEqualTo("Fall");
        assertThat(ctx.organisation().tree().path(a2.getUnitId()))
                .isEqualTo("Omsorgsförvaltningen › Särskilt boende › Solbacken › Våning 1");
        assertThat(a2.getRegisteredOn()).isEqualTo(LocalDate.of(2025, 3, 15));

        DeviationRecord a3 = byExternal("A-3");
        assertThat(a3.getKind()).isEqualTo("KLAGOMAL_EXTERN");
        assertThat(ctx.organisation().tree().path(a3.getUnitId())).endsWith("Ekhagen › Våning 1");
        assertThat(a3.getTitle()).startsWith("Närstående framför klagomål").endsWith("…").hasSizeLessThanOrEqualTo(80);
        assertThat(a3.getDueOn()).isEqualTo(LocalDate.of(2025, 4, 13)); // 28 days for complaints

        // the import is audited once, the rows not one by one
        assertThat(audits(DeviationImporter.AUDIT_ENTITY)).isEqualTo(1);
        assertThat(audits("deviation")).isZero();
        // and the records read back through the repository like any other
        assertThat(ctx.deviations().find(a1.getId())).isPresent();
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        Path f = write(dir.resolve("avvikelser.csv"), goodRows(), StandardCharsets.UTF_8, true);
        run(ctx, f, false);
        int auditRows = ctx.audit().count();
        List<String> refs = ctx.database().dsl().select(DEVIATION.CASE_REF).from(DEVIATION).orderBy(DEVIATION.ID)
                .fetch(DEVIATION.CASE_REF);

        ImportResult again = run(ctx, f, false);

        assertThat(again.ok()).isTrue();
        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.summary()).contains("3 fanns redan").contains("Inget nytt att importera");
        assertThat(count(ctx)).isEqualTo(3);
        assertThat(ctx.audit().count()).isEqualTo(auditRows);
        assertThat(ctx.database().dsl().select(DEVIATION.CASE_REF).from(DEVIATION).orderBy(DEVIATION.ID)
                .fetch(DEVIATION.CASE_REF)).isEqualTo(refs);
    }

    @Test
    void anotherSourceWithTheSameIdsIsImportedSeparately() {
        Path f = write(dir.resolve("avvikelser.csv"), goodRows(), StandardCharsets.UTF_8, true);
        run(ctx, f, "System A", false);
        ImportResult b = run(ctx, f, "System B", false);
        assertThat(b.imported()).isEqualTo(3);
        assertThat(count(ctx)).isEqualTo(6);
    }

    @Test
    void dryRunChecksEverythingAndWritesNothing() {
        Path f = write(dir.resolve("avvikelser.csv"), goodRows(), StandardCharsets.UTF_8, true);
        int auditRows = ctx.audit().count();

        ImportResult r = run(ctx, f, true);

        assertThat(r.ok()).isTrue();
        assertThat(r.dryRun()).isTrue();
        assertThat(r.valid()).isEqualTo(3);
        assertThat(r.imported()).isZero();
        assertThat(r.summary()).contains("Provkörning: inget har sparats");
        assertThat(count(ctx)).isZero();
        assertThat(ctx.audit().count()).isEqualTo(auditRows);
    }

    @Test
    void oneBadRowRejectsTheWholeFileThenTheFixedFileImportsEveryRow() {
        String messy = String.join("\r\n", HEADER,
                "B-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Sen insats;Text;Undersköterska",
                "B-2;31/13/2024;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Fel datum;Text;Undersköterska",
                "B-3;2025-03-16;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Bra rad;Text;Undersköterska",
                "B-4;2025-03-16;;Hemtjänst Söder;Kvalitetsavvikelse;Bemötande;Okänd enhet;Text;Undersköterska",
                "B-1;2025-03-17;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Dubblett;Text;Undersköterska",
                "B-6;2025-03-17;;Hemtjänst Norr;Okänd typ;Fallolyckor;Två fel;Text;Undersköterska",
                "B-7;2025-03-18;;Våning 1;Lex Sarah;Bemötande;Tvetydig enhet;Text;Undersköterska") + "\r\n";
        Path f = utf8(dir.resolve("messy.csv"), messy);

        ImportResult r = run(ctx, f, false);

        assertThat(r.ok()).isFalse();
        assertThat(r.imported()).isZero();
        assertThat(count(ctx)).isZero();
        assertThat(r.rowsRead()).isEqualTo(7);
        assertThat(r.rejectedRows()).isEqualTo(5);
        assertThat(r.errors()).extracting(RowError::row).containsExactly(3L, 5L, 6L, 7L, 7L, 8L);
        assertThat(r.errors().get(0)).satisfies(e -> {
            assertThat(e.column()).isEqualTo("Registrerad");
            assertThat(e.value()).isEqualTo("31/13/2024");
            assertThat(e.reason()).contains("31/13/2024").contains("ÅÅÅÅ-MM-DD");
        });
        assertThat(r.errors().get(1).column()).isEqualTo("Enhet");
        assertThat(r.errors().get(1).reason()).contains("Hemtjänst Söder").contains("Organisation");
        assertThat(r.errors().get(2).column()).isEqualTo("Ärendenummer");
        assertThat(r.errors().get(2).reason()).contains("rad 2");
        assertThat(r.errors().get(3).column()).isEqualTo("Typ");
        assertThat(r.errors().get(4).column()).isEqualTo("Kategori");
        assertThat(r.errors().get(4).reason()).contains("Fallolyckor").contains("Befintliga kategorier");
        assertThat(r.errors().get(5).reason()).contains("flera enheter").contains("Solbacken › Våning 1")
                .contains("Ekhagen › Våning 1");

        String fixed = String.join("\r\n", HEADER,
                "B-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Sen insats;Text;Undersköterska",
                "B-2;2024-12-31;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Fel datum;Text;Undersköterska",
                "B-3;2025-03-16;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Bra rad;Text;Undersköterska",
                "B-4;2025-03-16;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Okänd enhet;Text;Undersköterska",
                "B-5;2025-03-17;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Dubblett;Text;Undersköterska",
                "B-6;2025-03-17;;Hemtjänst Norr;Fall;Fall;Två fel;Text;Undersköterska",
                "B-7;2025-03-18;;Ekhagen › Våning 1;Lex Sarah;Bemötande;Tvetydig enhet;Text;Undersköterska") + "\r\n";
        Path f2 = utf8(dir.resolve("messy.csv"), fixed);
        ImportResult ok = run(ctx, f2, false);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.imported()).isEqualTo(7);
        assertThat(count(ctx)).isEqualTo(7);

        ImportResult again = run(ctx, f2, false);
        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(7);
        assertThat(count(ctx)).isEqualTo(7);
    }

    @Test
    void skipInvalidImportsTheValidRowsOnly() {
        String text = String.join("\n", HEADER,
                "C-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Bra;Text;Undersköterska",
                "C-2;2025-02-30;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;30 februari;Text;Undersköterska",
                "C-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Dubblett;Text;Undersköterska",
                "C-4;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Bra;Text;Undersköterska");
        Path f = utf8(dir.resolve("c.csv"), text);
        DeviationImporter imp = ImportTestSupport.importer(ctx);
        ImportMapping m = ImportMapping.guess(imp.open(f).headers());

        ImportResult r = imp.run(f, m, new ImportOptions("S", false, true), (p, s) -> { }, () -> false);

        assertThat(r.rejectedRows()).isEqualTo(2);
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.errors()).extracting(RowError::row).containsExactly(3L, 4L);
        assertThat(r.errors().getFirst().reason()).contains("finns inte i kalendern");
        assertThat(ctx.database().dsl().select(DEVIATION.EXTERNAL_ID, DEVIATION.TITLE).from(DEVIATION)
                .orderBy(DEVIATION.ID).fetch().map(x -> x.value1() + ":" + x.value2()))
                .containsExactly("C-1:Bra", "C-4:Bra");
    }

    @Test
    void rowsAlreadyInTheRegisterAreUnchangedAndOnlyNewRowsAreWritten() {
        Path f = write(dir.resolve("avvikelser.csv"), goodRows(), StandardCharsets.UTF_8, true);
        run(ctx, f, false);
        String more = goodRows() + "A-4;2025-04-01;;Hemtjänst Norr;HSL;Läkemedel - missad dos;Missad dos;Text;Sjuksköterska\r\n";
        Path f2 = write(dir.resolve("avvikelser.csv"), more, StandardCharsets.UTF_8, true);

        ImportResult r = run(ctx, f2, false);

        assertThat(r.unchanged()).isEqualTo(3);
        assertThat(r.imported()).isEqualTo(1);
        assertThat(count(ctx)).isEqualTo(4);
        DeviationRecord a4 = byExternal("A-4");
        assertThat(a4.getCaseRef()).isEqualTo("AV-2025-%06d".formatted(a4.getId()));
        assertThat(audits(DeviationImporter.AUDIT_ENTITY)).isEqualTo(2);
    }

    @Test
    void identityNumbersInFreeTextAreWarningsNotErrors() {
        String text = HEADER + "\n"
                + "P-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Besök;Brukare 19121212-1212 fick inget besök;"
                + "Undersköterska\n"
                + "P-2;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Besök;Ingen uppgift;Undersköterska\n";
        Path f = utf8(dir.resolve("p.csv"), text);

        ImportResult r = run(ctx, f, false);

        assertThat(r.ok()).isTrue();
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.identityNumberRows()).isEqualTo(1);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.row()).isEqualTo(2);
            assertThat(w.column()).isEqualTo("Beskrivning");
            assertThat(w.value()).doesNotContain("19121212-1212").contains("[personnummer borttaget]");
            assertThat(w.reason()).contains("personnummer");
        });
    }

    @Test
    void rulesOfTheRegisterApplyToImportedRows() {
        String text = HEADER + ";Lagrum;Status\n"
                + "R-1;2025-07-01;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Framtid;Text;Undersköterska;SoL;Registrerad\n"
                + "R-2;2025-03-01;2025-03-05;Hemtjänst Norr;Lex Sarah;Bemötande;Fel lag;Text;Undersköterska;PSL;Utreds\n"
                + "R-3;2025-03-01;;Hemtjänst Norr;Lex Maria;Fall;Okänd status;Text;;PSL;Halvklar\n";
        Path f = utf8(dir.resolve("r.csv"), text);

        ImportResult r = run(ctx, f, true);

        assertThat(r.errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "Registrerad"),
                org.assertj.core.groups.Tuple.tuple(3L, "Lagrum"),
                org.assertj.core.groups.Tuple.tuple(4L, "Status"));
        assertThat(r.errors().get(0).reason()).contains("framtiden");
        assertThat(r.errors().get(1).reason()).contains("PSL").contains("Lex Sarah").contains("SoL, LSS");
        assertThat(r.errors().get(2).reason()).contains("Halvklar");
    }

    @Test
    void reportIsCsvForExcelWithEveryProblem() throws Exception {
        String text = HEADER + "\n"
                + "E-1;=1+1;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Brukare 19121212-1212;Undersköterska\n";
        Path f = utf8(dir.resolve("e.csv"), text);
        ImportResult r = run(ctx, f, true);
        Path report = dir.resolve("rapport.csv");

        r.writeReport(report);

        byte[] bytes = Files.readAllBytes(report);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        String content = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(content.split("\r\n")).containsExactly(
                "Rad;Kolumn;Värde;Orsak;Typ",
                "2;Registrerad;'=1+1;Datumet '=1+1' kunde inte tolkas. Använd ÅÅÅÅ-MM-DD, t.ex. 2024-03-15.;Fel",
                "2;Beskrivning;Brukare [personnummer borttaget];Texten innehåller något som ser ut som personnummer. "
                        + "Avvikelser omfattas av sekretess: ta bort uppgiften (i källsystemet, eller i registret efter "
                        + "importen) och beskriv personen med roll eller ärendereferens.;Varning");
    }

    @Test
    void previewShowsTheFirstRowsAsMapped() {
        Path f = write(dir.resolve("avvikelser.csv"), goodRows().replace("15/3/2025", "15/3/25"),
                StandardCharsets.UTF_8, true);
        DeviationImporter imp = ImportTestSupport.importer(ctx);
        ImportMapping m = ImportMapping.guess(imp.open(f).headers());

        List<PreviewRow> rows = imp.preview(f, m, 2);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).row()).isEqualTo(2);
        assertThat(rows.get(0).ok()).isTrue();
        assertThat(rows.get(0).values()).containsEntry(ImportField.EXTERNAL_ID, "A-1")
                .containsEntry(ImportField.UNIT, "Hemtjänst Norr");
        assertThat(rows.get(1).ok()).isFalse();
        assertThat(rows.get(1).errors().getFirst().reason()).contains("två siffror");
        assertThat(count(ctx)).isZero();
    }

    @Test
    void mappingDefaultsFillMissingColumns() {
        String text = "Id;Datum;Rubrik\n1;2025-03-01;Utebliven insats\n2;2025-03-02;Sen insats\n";
        Path f = utf8(dir.resolve("d.csv"), text);
        DeviationImporter imp = ImportTestSupport.importer(ctx);
        ImportMapping guess = ImportMapping.guess(imp.open(f).headers());
        ImportResult refused = imp.run(f, guess, "Larmsystemet", false, (p, s) -> { }, () -> false);
        assertThat(refused.fileRejected()).isTrue();
        assertThat(refused.errors()).extracting(RowError::reason).anySatisfy(s -> assertThat(s)
                .contains("'Typ'").contains("Rubriker i filen: 'Id', 'Datum', 'Rubrik'"));

        ImportMapping m = guess.withDefault(ImportField.KIND, "Kvalitetsavvikelse")
                .withDefault(ImportField.UNIT, "Hemtjänst Norr")
                .withDefault(ImportField.CATEGORY, "Larm ej besvarat i tid");
        ImportResult r = imp.run(f, m, "Larmsystemet", false, (p, s) -> { }, () -> false);

        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(2);
        assertThat(byExternal("1").getReporterRole()).isEqualTo(RowConverter.UNKNOWN_ROLE);
    }

    @Test
    void cancellingWritesNothing() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 5000; i++) {
            sb.append("X-").append(i).append(";2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Text;Roll\n");
        }
        Path f = utf8(dir.resolve("x.csv"), sb.toString());
        DeviationImporter imp = ImportTestSupport.importer(ctx);
        ImportMapping m = ImportMapping.guess(imp.open(f).headers());
        int[] calls = {0};

        // cancelled during the write pass (the check pass polls 5 times for 5 000 rows)
        assertThatThrownBy(() -> imp.run(f, m, "S", false, (p, s) -> { }, () -> ++calls[0] > 6))
                .isInstanceOf(CancellationException.class);
        assertThat(count(ctx)).isZero();
        assertThat(audits(DeviationImporter.AUDIT_ENTITY)).isZero();
    }

    @Test
    void sourceIsRequired() {
        Path f = write(dir.resolve("avvikelser.csv"), goodRows(), StandardCharsets.UTF_8, true);
        ImportResult r = run(ctx, f, " ", false);
        assertThat(r.fileRejected()).isTrue();
        assertThat(r.errors().getFirst().reason()).contains("källsystemets namn");
    }

    @Test
    void ourOwnExportImportsIntoAnotherDatabaseWithTheDefaultMapping() {
        Path export = dir.resolve("export.csv");
        List<se.kvalitetshjulet.domain.deviation.Deviation> originals = new java.util.ArrayList<>();
        try (AppContext other = ImportTestSupport.context(dir.resolve("other"))) {
            var tree = other.organisation().tree();
            long norr = tree.all().stream().filter(u -> u.name().equals("Hemtjänst Norr")).findFirst().orElseThrow().id();
            long ek1 = tree.all().stream().filter(u -> tree.path(u.id()).endsWith("Ekhagen › Våning 1")).findFirst()
                    .orElseThrow().id();
            Map<String, Long> cat = new java.util.HashMap<>();
            other.taxonomies().list(TaxonomyKind.CATEGORY)
                    .forEach(t -> cat.put(t.name(), t.id()));
            LocalDate d = LocalDate.of(2025, 2, 3);
            originals.add(new se.kvalitetshjulet.domain.deviation.Deviation(null, null,
                    se.kvalitetshjulet.domain.deviation.DeviationKind.KLAGOMAL_EXTERN, se.kvalitetshjulet.domain.deviation.Law.SOL,
                    norr, cat.get("Bemötande"), se.kvalitetshjulet.domain.deviation.DeviationStatus.BEDOMD, d.minusDays(2),
                    d.minusDays(1), d, d.plusDays(28), null, "Närstående", "Klagomål på bemötande", "Beskrivning; med semikolon\n"
                    + "och radbrytning \"citat\"", "Samtal", "Fakta", "Orsak", List.of(),
                    se.kvalitetshjulet.domain.deviation.Assessment.BEFOGAD, false, null, null, null, null));
            originals.add(new se.kvalitetshjulet.domain.deviation.Deviation(null, null,
                    se.kvalitetshjulet.domain.deviation.DeviationKind.LEX_SARAH, se.kvalitetshjulet.domain.deviation.Law.LSS,
                    ek1, cat.get("Övergrepp"), se.kvalitetshjulet.domain.deviation.DeviationStatus.AVSLUTAD, d, d, d,
                    d.plusDays(14), d.plusDays(40), "Stödassistent", "Misstanke om övergrepp", "Text", "", "Fakta", "Orsak",
                    List.of(), se.kvalitetshjulet.domain.deviation.Assessment.MISSFORHALLANDE, true, d.plusDays(5),
                    "IVO 3.5.1-12345/2025", null, null));
            originals.add(new se.kvalitetshjulet.domain.deviation.Deviation(null, null,
                    se.kvalitetshjulet.domain.deviation.DeviationKind.HSL_AVVIKELSE, se.kvalitetshjulet.domain.deviation.Law.HSL,
                    ek1, cat.get("Läkemedel – missad dos"), se.kvalitetshjulet.domain.deviation.DeviationStatus.REGISTRERAD,
                    null, null, d, d.plusDays(30), null, "Sjuksköterska", "Missad kvällsdos", "", "", "", "", List.of(), null,
                    false, null, null, null, null));
            originals.replaceAll(x -> other.deviations().save(x));
            long n = other.deviationExporter().export(DeviationFilter.all(), export, true, other.today(), (p, s) -> { },
                    () -> false);
            assertThat(n).isEqualTo(3);
        }
        DeviationImporter imp = ImportTestSupport.importer(ctx);
        ImportMapping m = ImportMapping.guess(imp.open(export).headers());
        assertThat(m.columns()).containsEntry(ImportField.EXTERNAL_ID, "Ärendereferens")
                .containsEntry(ImportField.REPORTER_ROLE, "Rapporterad av (roll)")
                .containsEntry(ImportField.REPORTED_ON, "Rapporterad")
                .containsEntry(ImportField.UNIT, "Enhet")
                .containsEntry(ImportField.DESCRIPTION, "Beskrivning")
                .doesNotContainValue("Externt id");

        // Units are exported as paths, so the two "Våning 1" are told apart without any editing of the file.
        assertThat(readUtf8(export)).contains(";Omsorgsförvaltningen › Särskilt boende › Ekhagen › Våning 1;");
        ImportResult r = imp.run(export, m, "Gamla databasen", false, (p, s) -> { }, () -> false);
        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(3);
        for (var o : originals) {
            var copy = ctx.deviations().find(ctx.deviations().findByExternal("Gamla databasen", o.caseRef()).orElseThrow())
                    .orElseThrow();
            assertThat(copy).usingRecursiveComparison()
                    .ignoringFields("id", "caseRef", "unitId", "categoryId", "externalSource", "externalId")
                    .isEqualTo(o);
        }
    }

    @Test
    void idsThatShareAHashAreDifferentRowsAndARepeatedIdOutsideLatin1IsADuplicate() {
        // "Aa" and "BB" hash alike in Java; the duplicate check holds the ids compactly (decision 0046) and exactly
        String text = String.join("\n", HEADER,
                "Aa;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Första;Text;Undersköterska",
                "BB;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Andra;Text;Undersköterska",
                "Ärende-Ω-7;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Tredje;Text;Undersköterska",
                "Ärende-Ω-7;2025-03-16;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Dubblett;Text;Undersköterska");
        Path f = utf8(dir.resolve("hash.csv"), text);

        ImportResult refused = run(ctx, f, false);

        assertThat(refused.imported()).isZero();
        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(5);
            assertThat(e.reason()).contains("'Ärende-Ω-7' finns redan på rad 4");
        });

        Path fixed = utf8(dir.resolve("hash.csv"), text.substring(0, text.lastIndexOf('\n')));
        ImportResult r = run(ctx, fixed, false);
        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(3);
        assertThat(byExternal("Aa").getTitle()).isEqualTo("Första");
        assertThat(byExternal("BB").getTitle()).isEqualTo("Andra");
        assertThat(byExternal("Ärende-Ω-7").getTitle()).isEqualTo("Tredje");
        assertThat(run(ctx, fixed, false).unchanged()).isEqualTo(3);
    }

    private static String readUtf8(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).substring(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
