package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.Unit;

/** {@code keyfigures ou …}, {@code link-kpi} and {@code unit}: per-unit key figures from the command line, exit codes. */
class KeyFiguresUnitCommandTest {
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

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(KeyFiguresUnitCommandTest.class.getResource("/keyfigure/" + name).toURI()).toString();
    }

    @Test
    void linksKoladaUnitsFromAFileAllOrNothingAndPrintsTheUnitBesideTheMunicipalities() throws Exception {
        try (AppContext ctx = TestDb.open(dir)) {
            Unit adm = ctx.organisation().save(new Unit(null, null, "Omsorgsförvaltningen", OrgLevel.FORVALTNING, null,
                    null, null, null, null)).value();
            ctx.organisation().save(new Unit(null, adm.id(), "Hemtjänst Norr", OrgLevel.ENHET, null, null, null, null, null));
        }
        String db = dir.resolve("test.db").toString();
        assertThat(run("keyfigures", "import", "kolada", fixture("kpi-catalogue-elderly-care.v3.json"), "--db", db).code())
                .isZero();
        assertThat(run("keyfigures", "import", "kolada", fixture("kolada-data-u21468.json"), "--municipality", "1280",
                "--db", db).code()).isZero();
        assertThat(run("keyfigures", "import", "kolada", fixture("kolada-ou-u21468.json"), "--db", db).code()).isZero();

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Kolada-id;Enhet\nV15E128000101;Hemtjänst Norr\nV15E128000199;Hemtjänst Väst\n");
        Run rejected = run("keyfigures", "ou", "import", bad.toString(), "--db", db);
        assertThat(rejected.code()).isEqualTo(3);
        assertThat(rejected.err()).contains("Rad 3").contains("Hemtjänst Väst").contains("Inget skrevs");
        assertThat(run("keyfigures", "ou", "list", "--db", db).out()).contains("0 kopplade, 3 inte kopplade.");

        Run suggest = run("keyfigures", "ou", "suggest", "--db", db);
        assertThat(suggest.out()).contains("V15E128000101\tHemtjänst Norr\t→ Omsorgsförvaltningen › Hemtjänst Norr")
                .contains("1 förslag");
        assertThat(run("keyfigures", "ou", "link", "V15E128000101", "Hemtjänst Norr", "--db", db).code()).isZero();
        assertThat(run("keyfigures", "ou", "link", "V15E128000101", "Hemtjänst Söder", "--db", db).code()).isEqualTo(2);
        assertThat(run("keyfigures", "link-kpi", "followup:PLAN_EXISTS", "X1", "--db", db).code()).isEqualTo(2);

        Run unit = run("keyfigures", "unit", "Hemtjänst Norr", "--measure", "kolada:U21468", "--db", db);
        assertThat(unit.code()).as(unit.err()).isZero();
        // 70 % of 60 → Wilson 57.5–80.1 %; 1280's 88 % of 2196 (86.6–89.3) is clearly higher
        assertThat(unit.out()).contains("2025: 70,0 (95 % KI 57–80); n = 60, svarsfrekvens 52 %")
                .contains("Hemtjänst Norr: 70,0 (95 % KI 57–80); n = 60, svarsfrekvens 52 % (enheten)")
                .contains("1280 (hela kommunen): 88,0 (95 % KI 87–89); n = 2196, svarsfrekvens 40 % – högre än enheten "
                        + "– tydlig skillnad");
    }
}
