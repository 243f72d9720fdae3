package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code keyfigures import kolada FILE.json [--municipality CODE]} and its exit codes. */
class KeyFiguresCommandTest {
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
        return Path.of(KeyFiguresCommandTest.class.getResource("/keyfigure/" + name).toURI()).toString();
    }

    @Test
    void importsKoladaOnceSetsTheMunicipalityAndShowsTheComparisonWithIntervals() throws Exception {
        String db = dir.resolve("kf.db").toString();
        Run catalogue = run("keyfigures", "import", "kolada", fixture("kpi-catalogue-elderly-care.v3.json"), "--db", db);
        assertThat(catalogue.code()).as(catalogue.err()).isZero();
        assertThat(catalogue.out()).contains("864 nyckeltal");
        Run first = run("keyfigures", "import", "kolada", fixture("kolada-data-u21468.json"), "--municipality", "1280",
                "--db", db);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Egen kommun satt till 1280.");
        Run again = run("keyfigures", "import", "kolada", fixture("kolada-data-u21468.json"), "--db", db);
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("0 nya, 0 ändrade").contains("Inget ändrades");
        assertThat(run("keyfigures", "compare", "--similar", "1283", "--national", "--db", db).code()).isZero();
        Run show = run("keyfigures", "show", "U21468", "--db", db);
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("1280: 88,0 (95 % KI 87–89); 2196 svarande, svarsfrekvens 40 % – (vi)")
                .contains("1283: 93,0 (95 % KI 91–95); 750 svarande, svarsfrekvens 47 % – högre än vårt – tydlig skillnad")
                .contains("Källa: Kolada");
        Run search = run("keyfigures", "search", "helhetssyn", "särskilt", "--db", db);
        assertThat(search.out()).contains("U23471");
    }

    @Test
    void aBrokenFileIsRejectedWithCodeThreeAndABadCodeIsAUsageError() throws Exception {
        String db = dir.resolve("kf.db").toString();
        Run broken = run("keyfigures", "import", "kolada", fixture("kolada-broken.json"), "--db", db);
        assertThat(broken.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(broken.err()).contains("Inget skrevs");
        Run badCode = run("keyfigures", "import", "kolada", fixture("kolada-data-u21468.json"), "--municipality", "Malmö",
                "--db", db);
        assertThat(badCode.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badCode.err()).contains("fyrsiffriga kod");
    }

    @Test
    void surveyAndFollowUpImportsOnTheDemoMunicipality() throws Exception {
        String db = dir.resolve("kf.db").toString();
        Run demo = run("demo", "--db", db);
        assertThat(demo.code()).as(demo.err()).isZero();
        Run dry = run("keyfigures", "import", "survey", fixture("brukarundersokning-2025-messy.csv"), "--dry-run",
                "--db", db);
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("'Verksamhet' → Enhet").contains("6 rader kan läsas in (1 utan publicerat resultat)")
                .contains("Inget skrevs");
        Run followUps = run("keyfigures", "import", "followups", fixture("individuppfoljning.csv"), "--db", db);
        assertThat(followUps.code()).as(followUps.err()).isZero();
        assertThat(followUps.out()).contains("5 uppföljningar: 5 nya, 0 fanns redan.");
        Run again = run("keyfigures", "import", "followups", fixture("individuppfoljning.csv"), "--db", db);
        assertThat(again.out()).contains("5 uppföljningar: 0 nya, 5 fanns redan.");
    }
}
