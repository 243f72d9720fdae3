package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.MappingRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.imports.ImportField;
import se.kvalitetshjulet.service.imports.ImportMapping;

/** {@code import deviations FILE …}: exit codes, printed errors, nothing written on rejection. */
class ImportCommandTest {
    private static final String HEADER = "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Rapportör";

    @TempDir
    Path dir;
    Path db;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void database() {
        db = dir.resolve("k.db");
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Norr", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL,
                    null, null, null));
        }
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ImportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private long count() {
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            return ctx.deviations().count(DeviationFilter.all(), ctx.today());
        }
    }

    private Path file(String name, String... rows) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static String row(String id, String date) {
        return id + ";" + date + ";Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel " + id + ";Undersköterska";
    }

    @Test
    void importsAGoodFileAndReimportChangesNothing() throws Exception {
        Path f = file("export.csv", row("1", "2025-01-10"), row("2", "2025-01-11"));

        assertThat(run("deviations", f.toString(), "--db", db.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("Källa: export").contains("2 avvikelser importerade");
        assertThat(count()).isEqualTo(2);

        assertThat(run("deviations", f.toString(), "--db", db.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("2 fanns redan");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void rejectedRowsExitThreePrintTheErrorsAndWriteNothing() throws Exception {
        Path f = file("export.csv", row("1", "2025-01-10"), row("2", "31/13/2024"), row("3", "2025-01-12"));
        Path report = dir.resolve("fel.csv");

        int code = run("deviations", f.toString(), "--db", db.toString(), "--report", report.toString());

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("rad 3, kolumn 'Datum', värde '31/13/2024': Datumet '31/13/2024' "
                + "finns inte i kalendern. Använd ÅÅÅÅ-MM-DD, t.ex. 2024-03-15.");
        assertThat(out.toString()).contains("Inget har sparats");
        assertThat(count()).isZero();
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("3;Datum;31/13/2024;");
    }

    @Test
    void dryRunWritesNothingAndExitsZeroWhenTheFileIsGood() throws Exception {
        Path f = file("export.csv", row("1", "2025-01-10"));
        assertThat(run("deviations", f.toString(), "--dry-run", "--db", db.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("Provkörning");
        assertThat(count()).isZero();

        Path bad = file("bad.csv", row("1", "fel"));
        assertThat(run("deviations", bad.toString(), "--dry-run", "--db", db.toString())).isEqualTo(3);
    }

    @Test
    void fileLevelProblemsExitThree() throws Exception {
        Path empty = dir.resolve("tom.csv");
        Files.writeString(empty, "");
        assertThat(run("deviations", empty.toString(), "--db", db.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("fil: ").contains("är tom");

        Path noId = dir.resolve("utan-id.csv");
        Files.writeString(noId, "Datum;Enhet;Typ;Kategori;Rubrik\n2025-01-10;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;T\n");
        assertThat(run("deviations", noId.toString(), "--db", db.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("externt id").contains("Rubriker i filen: 'Datum'");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path f = file("export.csv", row("1", "2025-01-10"));
        assertThat(run("units", f.toString(), "--db", db.toString())).isEqualTo(2);
        assertThat(run("deviations", dir.resolve("saknas.csv").toString(), "--db", db.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("finns inte");
        assertThat(run("deviations", f.toString(), "--mapping", "Okänd", "--db", db.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Mappningen 'Okänd' finns varken");
        assertThat(run("deviations")).isEqualTo(2);
        assertThat(count()).isZero();
    }

    @Test
    void mappingFromAFileOrASavedProfileAndSourceFromTheMapping() throws Exception {
        Path f = dir.resolve("annat.csv");
        Files.writeString(f, "Löpnr;Inkom;Var;Slag;Område;Vad\n7;2025-02-01;Hemtjänst Norr;Synpunkt;Bemötande;Sen\n");
        ImportMapping m = ImportMapping.empty().withSource("Synpunktssystemet")
                .withColumn(ImportField.EXTERNAL_ID, "Löpnr").withColumn(ImportField.REPORTED_ON, "Inkom")
                .withColumn(ImportField.UNIT, "Var").withColumn(ImportField.KIND, "Slag")
                .withColumn(ImportField.CATEGORY, "Område").withColumn(ImportField.TITLE, "Vad")
                .withDefault(ImportField.REPORTER_ROLE, "Brukare");
        Path json = dir.resolve("mappning.json");
        Files.writeString(json, m.toJson());

        assertThat(run("deviations", f.toString(), "--mapping", json.toString(), "--save-mapping", "Synpunkter",
                "--dry-run", "--db", db.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("Källa: Synpunktssystemet").contains("1 giltiga");
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            assertThat(new MappingRepository(ctx.database()).names()).containsExactly("Synpunkter");
        }

        assertThat(run("deviations", f.toString(), "--mapping", "Synpunkter", "--db", db.toString())).isEqualTo(0);
        assertThat(count()).isEqualTo(1);
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            var id = ctx.deviations().findByExternal("Synpunktssystemet", "7").orElseThrow();
            var d = ctx.deviations().find(id).orElseThrow();
            assertThat(d.reporterRole()).isEqualTo("Brukare");
            assertThat(d.registeredOn()).isEqualTo(LocalDate.of(2025, 2, 1));
        }

        Path broken = dir.resolve("trasig.json");
        Files.writeString(broken, "{\"columns\": {\"vem\": \"X\"}}");
        assertThat(run("deviations", f.toString(), "--mapping", broken.toString(), "--db", db.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Okänt fält 'vem'");
    }

    @Test
    void skipInvalidImportsTheRestAndExitsZero() throws Exception {
        Path f = file("export.csv", row("1", "2025-01-10"), row("2", "igår"));
        assertThat(run("deviations", f.toString(), "--skip-invalid", "--db", db.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("1 avvikelser importerade").contains("Avvisade rader hoppades över");
        assertThat(err.toString()).contains("rad 3");
        assertThat(count()).isEqualTo(1);
    }
}
