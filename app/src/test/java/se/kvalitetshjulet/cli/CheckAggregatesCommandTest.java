package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.ChartRepository;
import se.kvalitetshjulet.data.repo.RollupRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/**
 * {@code check} tells whether the roll-up aggregates equal a full recount; {@code check --rebuild-aggregates}
 * repairs them when something outside the application changed the file, with an audit row, and the charts answer
 * right again.
 */
class CheckAggregatesCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int check(Path db, String... extra) {
        CommandLine cl = new CommandLine(new CheckCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        String[] args = new String[extra.length + 2];
        args[0] = "--db";
        args[1] = db.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return cl.execute(args);
    }

    private static long paretoTotal(AppContext ctx) {
        return new ChartRepository(ctx.database()).paretoCategories(DeviationFilter.all(), TestDb.TODAY).stream()
                .mapToLong(c -> c.count()).sum();
    }

    @Test
    void checkFindsTamperedAggregatesAndTheRebuildRepairsThem() {
        Path db = dir.resolve("test.db");
        long deviations;
        long auditRows;
        try (AppContext ctx = TestDb.demo(dir)) {
            deviations = ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY);
            assertThat(paretoTotal(ctx)).isEqualTo(deviations);
            // someone edits the file with another tool, past the triggers
            // (the whole register's Pareto reads the roll-up per month, kind and category)
            ctx.database().dsl().execute("UPDATE agg_deviation_category_month SET n = n + 5 WHERE (ym, kind, category_key) IN "
                    + "(SELECT ym, kind, category_key FROM agg_deviation_category_month LIMIT 3)");
            ctx.database().dsl().execute("DELETE FROM agg_cause_month WHERE (unit_id, ym, kind, cause_category_id) IN "
                    + "(SELECT unit_id, ym, kind, cause_category_id FROM agg_cause_month LIMIT 2)");
            assertThat(paretoTotal(ctx)).isEqualTo(deviations + 15);
            auditRows = ctx.audit().count();
        }

        assertThat(check(db)).isZero();
        assertThat(out.toString()).contains("rader skiljer sig från en full omräkning", "check --rebuild-aggregates");

        out.getBuffer().setLength(0);
        assertThat(check(db, "--rebuild-aggregates")).isZero();
        assertThat(out.toString()).contains("Sammanställningar före ombyggnaden: 8 rader skilde sig")
                .contains("Sammanställningar ombyggda: stämmer med en full omräkning");

        try (AppContext ctx = new AppContext(Database.open(db), TestDb.clock())) {
            assertThat(new RollupRepository(ctx.database(), ctx.audit()).verify().exact()).isTrue();
            assertThat(paretoTotal(ctx)).isEqualTo(deviations);
            assertThat(ctx.audit().count()).as("the rebuild has its audit row").isEqualTo(auditRows + 1);
        }

        out.getBuffer().setLength(0);
        assertThat(check(db)).isZero();
        assertThat(out.toString()).contains("Sammanställningar: stämmer med en full omräkning");
    }

    @Test
    void checkFindsAFreeTextIndexChangedBehindItsBackAndTheRebuildRepairsIt() {
        Path db = dir.resolve("test.db");
        try (AppContext ctx = TestDb.demo(dir)) {
            // another tool changes a title while holding the triggers back (as only the import may)
            ctx.database().dsl().execute("INSERT INTO agg_suspension (reason) VALUES ('ett annat verktyg')");
            ctx.database().dsl().execute("UPDATE deviation SET title = 'Kvastskaftet' WHERE id = (SELECT min(id) FROM deviation)");
            ctx.database().dsl().execute("DELETE FROM agg_suspension");
        }
        assertThat(check(db)).isZero();
        assertThat(out.toString()).contains("Fritextindex: stämmer INTE med registret", "FTS5-kontrollen hittade fel",
                "check --rebuild-aggregates");

        out.getBuffer().setLength(0);
        assertThat(check(db, "--rebuild-aggregates")).isZero();
        assertThat(out.toString()).contains("Fritextindex ombyggt: stämmer med registret");
        try (AppContext ctx = new AppContext(Database.open(db), TestDb.clock())) {
            assertThat(ctx.deviations().count(DeviationFilter.all().withText("KVASTSKAFT"), TestDb.TODAY)).isOne();
        }
        out.getBuffer().setLength(0);
        assertThat(check(db)).isZero();
        assertThat(out.toString()).contains("Fritextindex: stämmer med registret");
    }
}
