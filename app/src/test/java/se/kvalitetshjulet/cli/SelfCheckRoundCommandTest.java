package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;

/** {@code selfcheck create-round}: a round sent to a chosen set of enheter (not every leaf below them). */
class SelfCheckRoundCommandTest {
    @TempDir
    Path dir;
    Path db;
    long template;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        db = dir.resolve("k.db");
        try (AppContext ctx = new AppContext(Database.open(db), TestDb.clock())) {
            Unit adm = save(ctx, null, "Förvaltningen", OrgLevel.FORVALTNING);
            Unit ifo = save(ctx, adm, "IFO", OrgLevel.AVDELNING);
            for (String e : List.of("Enhet Ungdom", "Enhet Unga och vuxna", "Enhet Barn och familj Söder")) {
                Unit enhet = save(ctx, ifo, e, OrgLevel.ENHET);
                save(ctx, enhet, "Sektion 1", OrgLevel.SEKTION);
                save(ctx, enhet, "Sektion 2", OrgLevel.SEKTION);
            }
            template = ctx.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value().id();
        }
    }

    private static Unit save(AppContext ctx, Unit parent, String name, OrgLevel level) {
        return ctx.units().save(new Unit(null, parent == null ? null : parent.id(), name, level, null,
                ProviderKind.KOMMUNAL, null, null, null));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aRoundGoesToTheChosenEnheterOneFormEach() {
        int code = run("selfcheck", "create-round", "--template", Long.toString(template), "--name", "Tjänstegenomgång 2026",
                "--from", "2026-03-01", "--to", "2026-03-31", "--unit", "Enhet Ungdom", "--unit",
                "IFO › Enhet Barn och familj Söder", "--db", db.toString());
        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("skickades till 2 enheter");
        try (AppContext ctx = new AppContext(Database.open(db), TestDb.clock())) {
            long round = ctx.selfChecks().rounds().getFirst().round().id();
            assertThat(ctx.selfChecks().responses(round, null)).extracting(ResponseRow::unitName)
                    .containsExactlyInAnyOrder("Enhet Ungdom", "Enhet Barn och familj Söder");
        }
    }

    @Test
    void anAmbiguousOrUnknownUnitCreatesNoRound() {
        int code = run("selfcheck", "create-round", "--template", Long.toString(template), "--name", "X", "--from",
                "2026-03-01", "--to", "2026-03-31", "--unit", "Sektion 1", "--unit", "Enhet Okänd", "--db", db.toString());
        assertThat(code).isEqualTo(ExitCodes.REJECTED);
        assertThat(err.toString()).contains("\"Sektion 1\" är tvetydig", "Enhet Ungdom › Sektion 1", "\"Enhet Okänd\" finns inte",
                "Ingen omgång skapades");
        try (AppContext ctx = new AppContext(Database.open(db), TestDb.clock())) {
            assertThat(ctx.selfChecks().rounds()).isEmpty();
        }
    }
}
