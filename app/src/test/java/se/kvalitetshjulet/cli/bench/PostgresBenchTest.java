package se.kvalitetshjulet.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.cli.ExitCodes;
import se.kvalitetshjulet.cli.RootCommand;

/**
 * {@code bench --db postgresql://…} on the tests' own PostgreSQL (decision 0036): every query and chart figure of the
 * SQLite bench is there, psql counted what the app counted, each figure is judged in the JSON, and the named
 * database is never written. psql must be installed ({@code postgresql-client}; {@code .ci/run} installs it): without
 * it the test fails, it does not skip. No time is judged here.
 */
class PostgresBenchTest {
    /** Every figure the PostgreSQL bench must have (the SQLite bench's query and chart figures). */
    static final List<String> FIGURES = List.of(
            "Registerfråga: enhet+underenheter, typ, datum, sortering, första sidan",
            "Registerfråga: fritextsökning, första sidan",
            "Trend: antal per kategori och månad, tre år",
            "Tertialtabell: antal per enhet, typ och månad, tre år",
            BenchCommand.HOME_COUNTS, BenchCommand.UNIT_SIGNALS,
            BenchCommand.PARETO_CATEGORIES_ALL, BenchCommand.PARETO_CATEGORIES_SUBTREE, BenchCommand.PARETO_CAUSES,
            BenchCommand.ACTION_BACKLOG, BenchCommand.PARETO_MEASURES, BenchCommand.RISK_CELLS, BenchCommand.COMPLIANCE,
            BenchCommand.SEARCH_ASCII, BenchCommand.SEARCH_UNICODE);

    @TempDir
    Path dir;
    final TestPostgres pg = TestPostgres.get();

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

    private Run bench(String url, String... extra) {
        List<String> args = new ArrayList<>(List.of("bench", "--db", url, "--rows", "2000", "--repeats", "1", "--no-fork",
                "--work-dir", dir.resolve("work").toString(), "--out", dir.resolve("bench.json").toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    /**
     * psql on the PATH. Missing, the test fails where the reference tools are required ({@code .ci/run} installs them
     * and sets {@code KVH_REQUIRE_REFERENCE_TOOLS}); elsewhere (a fresh machine with only a JDK) it is reported as
     * skipped with the reason, never silently.
     */
    private static Path psql() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, "psql");
            if (java.nio.file.Files.isExecutable(p)) {
                return p;
            }
        }
        String missing = "psql saknas på den här datorn: installera postgresql-client (.ci/run gör det som root).";
        if (System.getenv("KVH_REQUIRE_REFERENCE_TOOLS") != null) {
            throw new AssertionError(missing + " Testet hoppas inte över här (KVH_REQUIRE_REFERENCE_TOOLS).");
        }
        org.junit.jupiter.api.Assumptions.abort(missing + " Jämförelsen med psql hoppas över (redovisas som överhoppad).");
        return null;
    }

    private long count(String database, String sql) throws SQLException {
        try (Connection c = pg.superuser(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, JsonNode> figures(JsonNode json) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        json.get("figures").forEach(f -> byName.put(f.get("name").asText(), f));
        return byName;
    }

    @Test
    void everyFigureBesidePsqlOnTheSameServerWithTheSameCountsAndTheNamedDatabaseUntouched() throws Exception {
        String db = pg.createDatabase();
        String url = pg.url(db);
        assertThat(run("server", "init", "--db", url).code()).isZero();
        long auditBefore = count(db, "SELECT count(*) FROM audit_log");
        long unitsBefore = count(db, "SELECT count(*) FROM unit");
        // a kvalitetsutvecklare IT has set up: both the app and psql read through the row security policies
        String login = "kvh_bench_kvu_" + ProcessHandle.current().pid();
        try (Connection c = pg.superuser(db); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + login + " LOGIN PASSWORD 'mät-lösen'");
            st.execute("GRANT " + se.kvalitetshjulet.domain.org.AccessRole.KVALITETSUTVECKLARE.databaseRole() + " TO " + login);
        }
        pg.rememberPassword(login, "mät-lösen");

        Run r = bench(url, "--psql", psql().toString(), "--as", login);

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
        assertThat(json.get("engine").asText()).isEqualTo("postgresql");
        assertThat(json.get("psql").asText()).isNotBlank();
        assertThat(json.get("measuredAs").asText()).startsWith(login + " (radsäkerheten gäller")
                .contains("roller: kvalitetsutvecklare");
        Map<String, JsonNode> byName = figures(json);
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(FIGURES);
        for (JsonNode f : byName.values()) {
            String name = f.get("name").asText();
            assertThat(f.get("goal").asText()).as(name).isEqualTo("≤ 1.5× psql");
            assertThat(f.get("met").isBoolean()).as(name + " is judged").isTrue();
            assertThat(f.get("count").asLong()).as(name + " counted something").isPositive();
            assertThat(f.get("referenceCount").asLong()).as(name + ": psql counted what the app counted")
                    .isEqualTo(f.get("count").asLong());
            assertThat(f.get("reference").asDouble()).as(name + ": psql's time").isPositive();
            assertThat(f.get("met").asBoolean()).as(name).isEqualTo(f.get("ratio").asDouble() <= 1.5);
            assertThat(r.out()).contains(name);
        }
        assertThat(r.out()).contains("Mäter som " + login).contains("kopierade med COPY").contains("≤ 1.5× psql");
        // the bench wrote into its own database only, and removed it
        assertThat(count(db, "SELECT count(*) FROM deviation")).isZero();
        assertThat(count(db, "SELECT count(*) FROM audit_log")).isEqualTo(auditBefore);
        assertThat(count(db, "SELECT count(*) FROM unit")).isEqualTo(unitsBefore);
        assertThat(count("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + db + "_kvh_bench'")).isZero();
    }

    @Test
    void withoutPsqlTheAppIsMeasuredAndNothingIsJudged() throws Exception {
        String db = pg.createDatabase();
        String url = pg.url(db);
        assertThat(run("server", "init", "--db", url).code()).isZero();

        Run r = bench(url, "--psql", dir.resolve("inget-psql").toString());

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("psql saknas").contains("Mäter som postgres (superanvändare: radsäkerheten gäller inte");
        Map<String, JsonNode> byName = figures(new ObjectMapper().readTree(dir.resolve("bench.json").toFile()));
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(FIGURES);
        for (JsonNode f : byName.values()) {
            assertThat(f.get("met").isNull()).as(f.get("name").asText() + " is not judged").isTrue();
            assertThat(f.get("ours").asDouble()).as(f.get("name").asText() + ": the app is measured").isPositive();
            assertThat(f.get("detail").asText()).contains("psql saknas");
        }
    }

    @Test
    void aDatabaseThatServerInitDidNotPrepareIsRefusedUntouched() throws Exception {
        String db = pg.createDatabase();

        Run r = bench(pg.url(db), "--psql", dir.resolve("inget-psql").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("server init");
        assertThat(count(db, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'")).isZero();
        assertThat(count("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + db + "_kvh_bench'")).isZero();
    }

    @Test
    void aDatabaseOfTheBenchsNameThatIsNotTheBenchsOwnIsNeverDropped() throws Exception {
        String db = pg.createDatabase();
        String url = pg.url(db);
        assertThat(run("server", "init", "--db", url).code()).isZero();
        try (Connection c = pg.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db + "_kvh_bench");
        }
        try (Connection c = pg.superuser(db + "_kvh_bench"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE viktigt (x int)");
        }

        Run r = bench(url, "--psql", dir.resolve("inget-psql").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("inte är benchens egen").contains("Inget har ändrats");
        assertThat(count(db + "_kvh_bench", "SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'viktigt'"))
                .isEqualTo(1);
    }

    @Test
    void aLoginThatIsNotAKvalitetsutvecklareIsRefusedAndTheServersRolesAreNotChanged() throws Exception {
        String db = pg.createDatabase();
        String url = pg.url(db);
        assertThat(run("server", "init", "--db", url).code()).isZero();
        String login = "kvh_bench_lasare_" + ProcessHandle.current().pid();
        try (Connection c = pg.superuser(db); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + login + " LOGIN PASSWORD 'läs'");
        }

        Run r = bench(url, "--psql", dir.resolve("inget-psql").toString(), "--as", login);

        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("är inte kvalitetsutvecklare").contains("Inget har ändrats");
        assertThat(count(db, "SELECT count(*) FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r "
                + "ON r.oid = m.member WHERE r.rolname = '" + login + "'")).isZero();
        assertThat(count("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + db + "_kvh_bench'")).isZero();
    }

    @Test
    void aFileIsAUsageError() {
        Run r = run("bench", "--db", dir.resolve("fil.db").toString(), "--no-fork");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("serverdatabas");
    }
}
