package se.kvalitetshjulet.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.HEADER;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.WINDOWS_1252;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.count;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.goodRows;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.run;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.utf8;
import static se.kvalitetshjulet.service.imports.ImportTestSupport.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.jooq.tables.records.DeviationRecord;

/**
 * The corpus of bad (and awkward but good) files from the issue: wrong encodings, missing and
 * extra columns, bad dates, duplicate ids, empty files, a 1 MB field, quotes and line breaks
 * inside fields, XLSX. Every rejected file leaves the register untouched.
 */
class ImportCorpusTest {
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

    private ImportResult rejected(Path f) {
        ImportResult r = run(ctx, f, false);
        assertThat(r.ok()).as("file should be rejected").isFalse();
        assertThat(r.imported()).isZero();
        assertThat(count(ctx)).as("nothing written").isZero();
        return r;
    }

    // ---- encodings ---------------------------------------------------------------------

    @Test
    void windows1252WithSwedishLettersIsReadCorrectly() {
        String text = goodRows().replace("Utebliven insats/besök", "Läkemedel – missad dos");
        Path f = write(dir.resolve("ansi.csv"), text, WINDOWS_1252, false);

        ImportResult r = run(ctx, f, false);

        assertThat(r.format()).isEqualTo("CSV, Windows-1252, semikolon");
        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(3);
        assertThat(byExternal("A-1").getTitle()).isEqualTo("Besök uteblev");
        assertThat(byExternal("A-1").getDescription()).isEqualTo("Planerat besök uteblev på morgonen.");
    }

    @Test
    void utf8WithoutBomIsRecognisedFromItsBytes() {
        Path f = write(dir.resolve("utf8.csv"), goodRows(), StandardCharsets.UTF_8, false);
        ImportResult r = run(ctx, f, false);
        assertThat(r.format()).isEqualTo("CSV, UTF-8, semikolon");
        assertThat(r.imported()).isEqualTo(3);
        assertThat(byExternal("A-3").getReporterRole()).isEqualTo("Närstående");
    }

    @Test
    void utf16WithBomAndTabsAsExcelsUnicodeTextIsRead() throws IOException {
        String text = goodRows().replace(';', '\t');
        Path f = dir.resolve("unicode.txt");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(f, all);
        ImportResult r = run(ctx, f, false);
        assertThat(r.format()).isEqualTo("CSV, UTF-16, tabb");
        assertThat(r.imported()).isEqualTo(3);
    }

    @Test
    void utf8BomWithBrokenBytesGivesRowErrorsNotGarbage() throws IOException {
        // the BOM says UTF-8, but one description on row 3 was typed in Windows-1252
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write((HEADER + "\n" + "A-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Text;Roll\n"
                + "A-2;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;").getBytes(StandardCharsets.UTF_8));
        out.write("Skör text".getBytes(WINDOWS_1252));
        out.write(";Roll\n".getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("mixed.csv");
        Files.write(f, out.toByteArray());

        ImportResult r = rejected(f);

        assertThat(r.format()).isEqualTo("CSV, UTF-8 med BOM, semikolon");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("Beskrivning");
            assertThat(e.reason()).contains("teckenkodning");
        });
    }

    @Test
    void doubleEncodedTextIsRejected() {
        // UTF-8 that was once read as Windows-1252 and saved again as UTF-8: "Ã¤" for "ä"
        String garbled = new String("Planerat besök uteblev".getBytes(StandardCharsets.UTF_8), WINDOWS_1252);
        Path f = utf8(dir.resolve("mojibake.csv"), HEADER + "\n"
                + "A-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;" + garbled + ";Roll\n");
        ImportResult r = rejected(f);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.reason()).contains("felkodad");
        });
    }

    @Test
    void binaryAndOldExcelFilesAreRefusedAsWholeFiles() throws IOException {
        Path bin = dir.resolve("bild.csv");
        Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        assertThat(rejected(bin).errors()).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("binära data"));

        Path xls = dir.resolve("gammal.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        assertThat(rejected(xls).errors()).singleElement().satisfies(e -> {
            assertThat(e.fileLevel()).isTrue();
            assertThat(e.reason()).contains(".xls").contains(".xlsx");
        });

        Path fake = utf8(dir.resolve("inte.xlsx"), goodRows());
        assertThat(rejected(fake).errors().getFirst().reason()).contains("ingen Excel-arbetsbok");
    }

    // ---- delimiters, quotes, line breaks -----------------------------------------------------

    @Test
    void commaSeparatedWithQuotesDelimitersAndLineBreaksInsideFields() {
        String text = "Ärendenummer,Registrerad,Enhet,Typ,Kategori,Rubrik,Beskrivning,Rapportör\r\n"
                + "Q-1,2025-03-15,Hemtjänst Norr,Kvalitetsavvikelse,Bemötande,\"Sen insats, igen\","
                + "\"Första raden\r\nandra raden med \"\"citat\"\" och ; semikolon\",Undersköterska\r\n"
                + "Q-2,2025-03-16,Hemtjänst Norr,Kvalitetsavvikelse,Bemötande,Titel två,Kort,Undersköterska\r\n";
        Path f = utf8(dir.resolve("komma.csv"), text);

        ImportResult r = run(ctx, f, false);

        assertThat(r.format()).isEqualTo("CSV, UTF-8, komma");
        assertThat(r.errors()).isEmpty();
        assertThat(byExternal("Q-1").getTitle()).isEqualTo("Sen insats, igen");
        // the line break is kept, as a plain \n (a CR is a control character and is not stored, decision 11)
        assertThat(byExternal("Q-1").getDescription())
                .isEqualTo("Första raden\nandra raden med \"citat\" och ; semikolon");
    }

    @Test
    void rowNumbersCountRecordsLikeASpreadsheetEvenWithLineBreaksInFields() {
        String text = HEADER + "\n"
                + "M-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;\"rad ett\nrad två\nrad tre\";Roll\n"
                + "M-2;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Text;Roll\n"
                + "M-3;15.03.2025;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Text;Roll\n"
                + "M-4;03/15/2025;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Text;Roll\n";
        Path f = utf8(dir.resolve("rader.csv"), text);
        ImportResult r = rejected(f);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(5);
            assertThat(e.value()).isEqualTo("03/15/2025");
            assertThat(e.reason()).contains("amerikanskt");
        });
    }

    @Test
    void aQuoteThatNeverClosesRejectsTheFile() {
        String text = goodRows() + "A-4;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;\"Titel;Text;Roll\n"
                + "A-5;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Text;Roll\n";
        Path f = utf8(dir.resolve("citat.csv"), text);
        ImportResult r = rejected(f);
        assertThat(r.fileRejected()).isTrue();
        assertThat(r.errors().getFirst().reason()).contains("citattecken").contains("rad 5");
    }

    @Test
    void textAfterAClosingQuoteRejectsTheFile() {
        String text = HEADER + "\nA-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;\"Titel\" med mer;Text;Roll\n";
        ImportResult r = rejected(utf8(dir.resolve("citat2.csv"), text));
        assertThat(r.errors().getFirst().reason()).contains("dubbelt");
    }

    @Test
    void anUnquotedDelimiterOrLineBreakGivesRowErrorsWithTheRightRows() {
        String text = HEADER + "\n"
                + "F-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Text; med semikolon;Roll\n"
                + "F-2;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Text utan\n"
                + "citattecken;Roll\n"
                + "F-3;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel;Text;Roll;;\n";
        ImportResult r = rejected(utf8(dir.resolve("bredd.csv"), text));
        assertThat(r.errors()).extracting(RowError::row).containsExactly(2L, 3L, 4L);
        assertThat(r.errors().get(0).reason()).contains("10 fält").contains("semikolon");
        assertThat(r.errors().get(1).reason()).contains("bara 8 fält");
        assertThat(r.errors().get(2).reason()).contains("bara 2 fält");
        // trailing empty fields (row 5) are fine
        assertThat(r.rowsRead()).isEqualTo(4);
        assertThat(r.rejectedRows()).isEqualTo(3);
    }

    // ---- columns ----------------------------------------------------------------------------

    @Test
    void missingRequiredColumnNamesTheColumnAndListsTheHeadersFound() {
        String text = "Registrerad;Enhet;Typ;Kategori;Rubrik\n2025-03-15;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T\n";
        ImportResult r = rejected(utf8(dir.resolve("utan-id.csv"), text));
        assertThat(r.fileRejected()).isTrue();
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("externt id")
                .contains("'Ärendenummer'")
                .contains("Rubriker i filen: 'Registrerad', 'Enhet', 'Typ', 'Kategori', 'Rubrik'"));
    }

    @Test
    void mappedColumnMissingFromTheFileIsAFileError() {
        Path f = write(dir.resolve("avvikelser.csv"), goodRows(), StandardCharsets.UTF_8, true);
        DeviationImporter imp = ImportTestSupport.importer(ctx);
        ImportMapping m = ImportMapping.guess(imp.open(f).headers()).withColumn(ImportField.STATUS, "Ärendestatus");
        ImportResult r = imp.run(f, m, "S", false, (p, s) -> { }, () -> false);
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.reason())
                .contains("'Ärendestatus'").contains("'Status'").contains("Rubriker i filen: 'Ärendenummer'"));
        assertThat(count(ctx)).isZero();
    }

    @Test
    void extraColumnsAreIgnoredAndNamed() {
        String text = goodRows().replace(HEADER, HEADER + ";Handläggare;Intern kod")
                .replace(";Undersköterska\r\n", ";Undersköterska;Anna;X1\r\n")
                .replace(";Närstående\r\n", ";Närstående;Bo;X2\r\n");
        ImportResult r = run(ctx, write(dir.resolve("extra.csv"), text, StandardCharsets.UTF_8, true), false);
        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(3);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("Kolumner som inte importeras: Handläggare, Intern kod"));
    }

    // ---- empty and tiny files ---------------------------------------------------------------

    @Test
    void emptyFilesAndHeaderOnlyFilesAreClearFileErrors() throws IOException {
        Path empty = dir.resolve("tom.csv");
        Files.write(empty, new byte[0]);
        assertThat(rejected(empty).errors()).singleElement().satisfies(e -> {
            assertThat(e.fileLevel()).isTrue();
            assertThat(e.reason()).contains("är tom");
        });

        Path bomOnly = write(dir.resolve("bom.csv"), "\r\n\r\n", StandardCharsets.UTF_8, true);
        assertThat(rejected(bomOnly).errors().getFirst().reason()).contains("är tom");

        Path headerOnly = write(dir.resolve("rubrik.csv"), HEADER + "\r\n", StandardCharsets.UTF_8, true);
        assertThat(rejected(headerOnly).errors()).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("bara en rubrikrad"));
    }

    // ---- dates and ids ------------------------------------------------------------------------

    @Test
    void badDatesAreRowErrorsWithTheValueAndTheFormatToUse() {
        String text = HEADER + "\n"
                + "D-1;2025-13-01;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n"
                + "D-2;igår;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n"
                + "D-3;2025-03-15;32.1.2025;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n"
                + "D-4;2025-03-15 14:30;1 mars 2025;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n";
        ImportResult r = rejected(utf8(dir.resolve("datum.csv"), text));
        assertThat(r.errors()).extracting(RowError::row, RowError::column, RowError::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "Registrerad", "2025-13-01"),
                org.assertj.core.groups.Tuple.tuple(3L, "Registrerad", "igår"),
                org.assertj.core.groups.Tuple.tuple(4L, "Händelsedatum", "32.1.2025"));
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.reason()).contains("ÅÅÅÅ-MM-DD"));
        assertThat(r.rejectedRows()).isEqualTo(3);
        assertThat(r.valid()).isEqualTo(1);
    }

    @Test
    void duplicateIdsInTheFileAreErrorsOnTheLaterRows() {
        String text = HEADER + "\n"
                + "X;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n"
                + "Y;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n"
                + "X;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n"
                + ";2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n"
                + "X;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n";
        ImportResult r = rejected(utf8(dir.resolve("dubbletter.csv"), text));
        assertThat(r.errors()).extracting(RowError::row).containsExactly(4L, 5L, 6L);
        assertThat(r.errors().get(0).reason()).contains("'X'").contains("rad 2");
        assertThat(r.errors().get(1).reason()).contains("Externt id saknas");
        assertThat(r.errors().get(2).reason()).contains("rad 2");
    }

    // ---- sizes --------------------------------------------------------------------------------

    @Test
    void aOneMegabyteFieldIsARowErrorAndTheRestOfTheFileIsStillChecked() {
        char[] big = new char[1024 * 1024];
        Arrays.fill(big, 'x');
        String text = HEADER + "\n"
                + "S-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;\"" + new String(big) + "\";Roll\n"
                + "S-2;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n"
                + "S-3;2025-99-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;Text;Roll\n";
        ImportResult r = rejected(utf8(dir.resolve("stor.csv"), text));
        assertThat(r.errors()).extracting(RowError::row).containsExactly(2L, 4L);
        RowError e = r.errors().getFirst();
        assertThat(e.column()).isEqualTo("Beskrivning");
        assertThat(e.reason()).contains("1 048 576 tecken").contains("100 000");
        assertThat(e.value()).hasSizeLessThan(300).endsWith("(1048576 tecken)");
    }

    @Test
    void aHundredThousandCharacterFieldIsAccepted() {
        char[] big = new char[TabularReader.MAX_FIELD_LENGTH];
        Arrays.fill(big, 'y');
        String text = HEADER + "\nS-1;2025-03-15;;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T;" + new String(big) + ";Roll\n";
        ImportResult r = run(ctx, utf8(dir.resolve("gräns.csv"), text), false);
        assertThat(r.errors()).isEmpty();
        assertThat(byExternal("S-1").getDescription()).hasSize(TabularReader.MAX_FIELD_LENGTH);
    }

    // ---- XLSX -----------------------------------------------------------------------------------

    @Test
    void xlsxWithDateCellsAndNumericIdsImports() {
        List<String> headers = List.of("Id", "Datum", "Enhet", "Avvikelsetyp", "Kategori", "Rubrik", "Beskrivning", "Roll");
        Path f = ImportTestSupport.xlsx(dir.resolve("avvikelser.xlsx"), headers, List.of(
                List.of(12345678901L, LocalDate.of(2025, 3, 15), "Hemtjänst Norr", "Kvalitetsavvikelse", "Bemötande",
                        "Titel", "Text\nmed radbrytning", "Undersköterska"),
                Arrays.asList(2, "2025-03-16", "Ekhagen › Våning 1", "Lex Maria", "Fall", null, "Fall med fraktur",
                        "Sjuksköterska")));

        ImportResult r = run(ctx, f, false);

        assertThat(r.format()).isEqualTo("Excel (.xlsx), blad 'Avvikelser'");
        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(2);
        DeviationRecord one = byExternal("12345678901");
        assertThat(one.getRegisteredOn()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(one.getDescription()).isEqualTo("Text\nmed radbrytning");
        assertThat(byExternal("2").getKind()).isEqualTo("LEX_MARIA");
        assertThat(byExternal("2").getTitle()).isEqualTo("Fall med fraktur");
        assertThat(run(ctx, f, false).unchanged()).isEqualTo(2);
    }

    @Test
    void xlsxRowErrorsUseExcelRowNumbersAndSkipBlankRows() {
        List<String> headers = List.of("Id", "Datum", "Enhet", "Typ", "Kategori", "Rubrik", "Roll");
        Path f = ImportTestSupport.xlsx(dir.resolve("fel.xlsx"), headers, List.of(
                List.of("1", LocalDate.of(2025, 3, 15), "Hemtjänst Norr", "Kvalitetsavvikelse", "Bemötande", "T", "R"),
                Arrays.asList(null, null, null, null, null, null, null),
                List.of("2", "2025-31-12", "Hemtjänst Norr", "Kvalitetsavvikelse", "Bemötande", "T", "R"),
                List.of("3", LocalDate.of(2025, 3, 15), "Okänd", "Kvalitetsavvikelse", "Bemötande", "T", "R")));
        ImportResult r = rejected(f);
        assertThat(r.rowsRead()).isEqualTo(3);
        assertThat(r.errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4L, "Datum"),
                org.assertj.core.groups.Tuple.tuple(5L, "Enhet"));
    }

    @Test
    void emptyWorkbookIsAFileError() {
        Path f = ImportTestSupport.xlsx(dir.resolve("tom.xlsx"), List.of(), List.of());
        assertThat(rejected(f).errors().getFirst().reason()).contains("tomt");
    }
}
