package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.Unit;

/** {@code server init|migrate|grant|users|revoke} and {@code --db postgresql://…} on a real PostgreSQL (decision 10). */
class ServerCommandTest {
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

    private long count(String database, String sql) throws SQLException {
        try (Connection c = pg.superuser(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aCoordinatorsFileMovesToTheServerInOneCommandAndARerunChangesNothing() throws Exception {
        Path file = dir.resolve("samordnare.db");
        assertThat(run("demo", "--db", file.toString()).code()).isZero();
        long deviations;
        long audit;
        long units;
        try (AppContext ctx = new AppContext(se.kvalitetshjulet.data.Database.open(file), TestDb.clock())) {
            deviations = ctx.deviations().count(se.kvalitetshjulet.domain.deviation.DeviationFilter.all(), TestDb.TODAY);
            audit = ctx.audit().count();
            units = ctx.units().findAll().size();
        }
        String db = pg.createDatabase();
        String url = pg.url(db);
        Run init = run("server", "init", "--db", url);
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("är klar");

        Run migrate = run("server", "migrate", "--from", file.toString(), "--db", url);
        assertThat(migrate.code()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("alla antal lika").containsPattern("deviation\\t" + deviations + "\\t" + deviations)
                .containsPattern("audit_log\\t" + audit + "\\t" + audit);
        assertThat(count(db, "SELECT count(*) FROM deviation")).isEqualTo(deviations);
        assertThat(count(db, "SELECT count(*) FROM audit_log")).isEqualTo(audit);
        assertThat(count(db, "SELECT count(*) FROM unit")).isEqualTo(units);

        // The copied server works as a database: a regular command on it, and new rows get fresh ids.
        Run check = run("check", "--db", url);
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("(DEMO)", "Avvikelser: " + deviations, "Ändringsloggen: " + audit + " rader");

        Run again = run("server", "migrate", "--from", file.toString(), "--db", url);
        assertThat(again.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(again.err()).contains("innehåller redan data", "Inget har ändrats");
        assertThat(count(db, "SELECT count(*) FROM deviation")).isEqualTo(deviations);
        assertThat(count(db, "SELECT count(*) FROM audit_log")).isEqualTo(audit);
    }

    @Test
    void grantUsersAndRevokeManageWhoMayDoWhatWhere() throws Exception {
        String db = pg.createDatabase();
        String url = pg.url(db);
        try (AppContext ctx = new AppContext(se.kvalitetshjulet.data.PostgresServer.open(
                se.kvalitetshjulet.data.ServerUrl.parse(url), se.kvalitetshjulet.data.PostgresServer.Mode.INIT),
                TestDb.clock())) {
            ctx.demoData().generate(42, TestDb.TODAY, p -> { });
        }
        String path;
        long id;
        try (AppContext ctx = new AppContext(se.kvalitetshjulet.data.Database.open(url), TestDb.clock())) {
            Unit sol = ctx.units().findAll().stream().filter(u -> u.name().startsWith("Solbackens")).findFirst().orElseThrow();
            id = sol.id();
            path = ctx.organisation().tree().path(id);
        }
        String login = "anna_" + db.replace("kvh_test_", "");
        Run missing = run("server", "grant", login, "--role", "sektionschef", "--unit", path, "--db", url);
        assertThat(missing.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(missing.err()).contains("finns inte på servern", "--create");

        Run grant = run("server", "grant", login, "--role", "sektionschef", "--unit", path, "--create", "--db", url);
        assertThat(grant.code()).as(grant.err()).isZero();
        assertThat(grant.out()).contains("skapades", "Sektionschef/enhetschef i " + path);
        Run twice = run("server", "grant", login, "--role", "sektionschef", "--unit", Long.toString(id), "--db", url);
        assertThat(twice.out()).contains("(fanns redan)");

        Run users = run("server", "users", "--db", url);
        assertThat(users.out()).contains(login + "\tsektionschef\t" + path, "1 behörigheter");

        assertThat(run("server", "grant", login, "--role", "chef", "--unit", path, "--db", url).code())
                .isEqualTo(ExitCodes.USAGE);
        Run noUnit = run("server", "grant", login, "--role", "sas", "--unit", "Finns inte/Någonstans", "--db", url);
        assertThat(noUnit.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(noUnit.err()).contains("finns inte");

        Run revoke = run("server", "revoke", login, "--db", url);
        assertThat(revoke.code()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("1 behörighet borttagen");
        assertThat(count(db, "SELECT count(*) FROM server_grant")).isZero();
        assertThat(count(db, "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
                + "WHERE r.rolname = '" + login + "'")).isZero();
    }

    @Test
    void serverAddressesAreCheckedBeforeAnythingIsOpened() {
        Run password = run("check", "--db", "postgresql://anna:hemligt@db.kommun.se/kvalitet");
        assertThat(password.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(password.err()).contains("PGPASSWORD", "~/.pgpass");
        Run ssl = run("check", "--db", "postgresql://anna@db.kommun.se/kvalitet?sslmode=sometimes");
        assertThat(ssl.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ssl.err()).contains("sslmode=sometimes finns inte");
        Run notServer = run("server", "init", "--db", dir.resolve("fil.db").toString());
        assertThat(notServer.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notServer.err()).contains("postgresql://");
    }

    @Test
    void aServerThatIsNotSetUpIsRefusedWithTheCommandThatSetsItUp() {
        String db = pg.createDatabase();
        Run check = run("check", "--db", pg.url(db));
        assertThat(check.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(check.err()).contains("server init --db " + pg.url(db));
    }

    @Test
    void aWrongPasswordIsExplainedWithWhereThePasswordComesFrom() {
        String db = pg.createDatabase();
        Run check = run("check", "--db", pg.url("ingen_sadan_inloggning", db));
        assertThat(check.code()).isEqualTo(ExitCodes.REJECTED);
        // No password for that login anywhere: the command line says where psql users put it (decision 0030).
        assertThat(check.err()).contains("lösenordet för ingen_sadan_inloggning", "PGPASSWORD eller i filen ~/.pgpass");
    }
}
