package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        CommandLine cl = RootCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "check", "export");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("check", "--no-such-option").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void demoCreatesADatabaseAndRefusesToMixIntoExistingData() {
        Path db = dir.resolve("demo.db");
        Run first = run("demo", "--db", db.toString());
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("Demodata skapad");
        Run check = run("check", "--db", db.toString());
        assertThat(check.out()).contains("(DEMO)").containsPattern("Avvikelser: [1-9]\\d{3}");
        Run again = run("demo", "--db", db.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(again.err()).contains("innehåller redan data");
    }

    @Test
    void randomBytesAreRefusedWithExitCodeThree() throws Exception {
        Path f = dir.resolve("junk.db");
        Files.write(f, "this is not a database at all, just text".repeat(100).getBytes(StandardCharsets.UTF_8));
        byte[] before = Files.readAllBytes(f);
        Run r = run("check", "--db", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("inte en läsbar databas");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void exportWritesCsvWithNeutralisedCells() throws Exception {
        Path db = dir.resolve("e.db");
        run("demo", "--db", db.toString());
        Path out = dir.resolve("avvikelser.csv");
        Run r = run("export", "deviations", "--out", out.toString(), "--year", "2025", "--db", db.toString());
        assertThat(r.code()).isZero();
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFÄrendereferens;Registrerad");
        assertThat(csv.lines().skip(1)).allSatisfy(l -> assertThat(l).contains("2025-"));
        assertThat(csv).doesNotContain("Händelsen beskrivs utan namn");
        Run bad = run("export", "deviations", "--out", dir.resolve("x.txt").toString(), "--db", db.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void denominatorsAreImportedAllOrNothing() throws Exception {
        Path db = dir.resolve("n.db");
        run("demo", "--db", db.toString());
        int before;
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Enhet;År;Månad;Brukare;Vårddygn;Besök\nVåning 1;2030;1;12;372;\nOkänd enhet;2030;13;x;;\n");
        Run rejected = run("denominators", bad.toString(), "--db", db.toString());
        assertThat(rejected.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(rejected.err()).contains("Rad 3: enheten 'Okänd enhet' finns inte", "månad = 13", "brukare = 'x'");
        try (var ctx = new se.kvalitetshjulet.app.AppContext(se.kvalitetshjulet.data.Database.open(db),
                se.kvalitetshjulet.TestDb.clock())) {
            before = ctx.denominators().count();
            assertThat(ctx.denominators().monthlySums(null, java.time.LocalDate.of(2030, 1, 1),
                    java.time.LocalDate.of(2030, 12, 31))).isEmpty();
        }
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "\uFEFFEnhet,År,Månad,Brukare,Vårddygn,Besök\nVåning 1,2030,1,12,372,\nEkhagens äldreboende › Våning 2,2030,1,11,341,\n");
        Run ok = run("denominators", good.toString(), "--db", db.toString());
        assertThat(ok.code()).isZero();
        try (var ctx = new se.kvalitetshjulet.app.AppContext(se.kvalitetshjulet.data.Database.open(db),
                se.kvalitetshjulet.TestDb.clock())) {
            assertThat(ctx.denominators().count()).isEqualTo(before + 2);
            var sums = ctx.denominators().monthlySums(null, java.time.LocalDate.of(2030, 1, 1), java.time.LocalDate.of(2030, 1, 31));
            assertThat(sums).singleElement().satisfies(m -> {
                assertThat(m.recipients()).isEqualTo(23);
                assertThat(m.careDays()).isEqualTo(713);
            });
        }
    }
}
