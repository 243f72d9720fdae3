package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.Unit;

/** {@code org export} / {@code org import}: the tree as a file, round trip, dry run, matching by external id. */
class OrgCommandTest {
    private static final String HEADER = "Sökväg;Nivå;Verksamhetsområde;Utförare;Utförarens namn;Aktiv från;Aktiv till;Externt id";

    @TempDir
    Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path write(String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, HEADER + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private List<Unit> units(Path db) {
        try (AppContext ctx = new AppContext(Database.open(db), TestDb.clock())) {
            return ctx.units().findAll();
        }
    }

    Path a;

    @BeforeEach
    void tree() throws Exception {
        a = dir.resolve("a.db");
        Path f = write("org.csv",
                "Arbetsmarknads- och socialförvaltningen;Förvaltning;;Kommunal;;2019-01-01;;AST",
                "Arbetsmarknads- och socialförvaltningen › Individ- och familjeomsorg;Avdelning;Individ- och familjeomsorg;Kommunal;;;;1100",
                "Arbetsmarknads- och socialförvaltningen › Individ- och familjeomsorg › Socialtjänst Norr;Enhet;;Kommunal;;;;1110",
                "Arbetsmarknads- och socialförvaltningen › Individ- och familjeomsorg › Socialtjänst Norr › Barn och unga;Sektion;;Kommunal;;;;1111",
                "Arbetsmarknads- och socialförvaltningen › Individ- och familjeomsorg › Socialtjänst Söder;Enhet;;Kommunal;;;2022-12-31;1120",
                "Arbetsmarknads- och socialförvaltningen › Boende;Avdelning;Särskilt boende;Privat;Omsorgsbolaget AB;;;2200");
        assertThat(run("org", "import", f.toString(), "--db", a.toString())).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("6 skapas");
    }

    @Test
    void exportImportIntoAnEmptyDatabaseAndExportAgainGivesTheSameFile() throws Exception {
        Path first = dir.resolve("first.csv");
        assertThat(run("org", "export", "--out", first.toString(), "--db", a.toString())).isEqualTo(0);
        String csv = Files.readString(first, StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain(";1;", ";2;").contains("Socialtjänst Söder;Enhet;;Kommunal;;;2022-12-31;1120",
                "Boende;Avdelning;Särskilt boende;Privat;Omsorgsbolaget AB;;;2200");

        Path b = dir.resolve("b.db");
        assertThat(run("org", "import", first.toString(), "--db", b.toString())).as(err.toString()).isEqualTo(0);
        Path second = dir.resolve("second.csv");
        run("org", "export", "--out", second.toString(), "--db", b.toString());
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));

        Path xlsx = dir.resolve("org.xlsx");
        assertThat(run("org", "export", "--out", xlsx.toString(), "--db", a.toString())).isEqualTo(0);
        Path c = dir.resolve("c.db");
        assertThat(run("org", "import", xlsx.toString(), "--db", c.toString())).as(err.toString()).isEqualTo(0);
        Path third = dir.resolve("third.csv");
        run("org", "export", "--out", third.toString(), "--db", c.toString());
        assertThat(Files.readAllBytes(third)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void aYearlyReImportMatchedByExternalIdMovesRenamesAndClosesInsteadOfDuplicating() throws Exception {
        List<Unit> before = units(a);
        long norrId = before.stream().filter(u -> u.name().equals("Socialtjänst Norr")).findFirst().orElseThrow().id();
        Path f = write("2023.csv",
                "Arbetsmarknads- och socialförvaltningen;Förvaltning;;Kommunal;;2019-01-01;;AST",
                "Arbetsmarknads- och socialförvaltningen › Individ- och familjeomsorg;Avdelning;Individ- och familjeomsorg;Kommunal;;;;1100",
                "Arbetsmarknads- och socialförvaltningen › Boende;Avdelning;Särskilt boende;Privat;Omsorgsbolaget AB;;;2200",
                "Arbetsmarknads- och socialförvaltningen › Boende › Socialtjänst Centrum;Enhet;;Kommunal;;;;1110",
                "Arbetsmarknads- och socialförvaltningen › Boende › Socialtjänst Centrum › Barn och unga;Sektion;;Kommunal;;;2023-06-30;1111",
                "Arbetsmarknads- och socialförvaltningen › Individ- och familjeomsorg › Socialtjänst Söder;Enhet;;Kommunal;;;2022-12-31;1120",
                "Arbetsmarknads- och socialförvaltningen › Individ- och familjeomsorg › Mottagning;Enhet;;Kommunal;;2023-01-01;;1130");

        assertThat(run("org", "import", f.toString(), "--dry-run", "--db", a.toString())).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("Provkörning, inget skrevs: 1 skapas, 1 flyttas, 1 byter namn, 1 avslutas",
                "Socialtjänst Centrum flyttas (från Arbetsmarknads- och socialförvaltningen › Individ- och familjeomsorg)",
                "Socialtjänst Centrum byter namn (hette Socialtjänst Norr)",
                "Barn och unga avslutas (sista dag 2023-06-30)", "Mottagning skapas");
        assertThat(units(a)).isEqualTo(before);

        assertThat(run("org", "import", f.toString(), "--db", a.toString())).as(err.toString()).isEqualTo(0);
        List<Unit> after = units(a);
        assertThat(after).hasSize(7);
        Unit centrum = after.stream().filter(u -> u.id() == norrId).findFirst().orElseThrow();
        assertThat(centrum.name()).isEqualTo("Socialtjänst Centrum");
        assertThat(after.stream().filter(u -> u.id().equals(centrum.parentId())).findFirst().orElseThrow().name())
                .isEqualTo("Boende");
        try (AppContext ctx = new AppContext(Database.open(a), TestDb.clock())) {
            assertThat(ctx.audit().history("unit", norrId)).hasSizeGreaterThanOrEqualTo(2);
        }

        assertThat(run("org", "import", f.toString(), "--db", a.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("0 skapas, 0 flyttas, 0 byter namn, 0 avslutas, 0 ändras, 7 oförändrade");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithOneMessagePerRow() throws Exception {
        List<Unit> before = units(a);
        Path f = write("bad.csv",
                "Arbetsmarknads- och socialförvaltningen › Ny avdelning;Avdelning;;Kommunal;;;;3000",
                "Arbetsmarknads- och socialförvaltningen › Fel;Kontor;;Kommunal;;;;3001",
                "Arbetsmarknads- och socialförvaltningen › Okänt område;Avdelning;Rymdfart;Kommunal;;;;3002",
                "Saknas › Enhet;Enhet;;Kommunal;;;;3003",
                "Arbetsmarknads- och socialförvaltningen › Datum;Avdelning;;Kommunal;;2023-13-01;;3004",
                "Arbetsmarknads- och socialförvaltningen › Dubblett;Avdelning;;Kommunal;;;;3000");
        assertThat(run("org", "import", f.toString(), "--db", a.toString())).isEqualTo(ExitCodes.REJECTED);
        assertThat(err.toString()).contains("Rad 3: nivån \"Kontor\" är okänd", "Rad 4: verksamhetsområdet \"Rymdfart\" finns inte",
                "Rad 6: Aktiv från = \"2023-13-01\" är inget datum", "Rad 7: externt id 3000 finns redan", "Inget skrevs");
        assertThat(units(a)).isEqualTo(before);

        Path orphan = write("orphan.csv", "Saknas › Enhet;Enhet;;Kommunal;;;;3003");
        assertThat(run("org", "import", orphan.toString(), "--db", a.toString())).isEqualTo(ExitCodes.REJECTED);
        assertThat(err.toString()).contains("Rad 2: överordnad enhet Saknas finns varken tidigare i filen eller i databasen");
        assertThat(run("org", "export", "--out", dir.resolve("x.txt").toString(), "--db", a.toString()))
                .isEqualTo(ExitCodes.USAGE);
    }
}
