package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code audit verify}: an intact trail gives 0; a row edited or deleted with another tool gives 3 and says where. */
class AuditVerifyCommandTest {
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

    /** A small database with a unit and a few audited changes (the demo would take a minute). */
    private static Path smallDb(Path dir) {
        Path db = dir.resolve("a.db");
        try (var ctx = new se.kvalitetshjulet.app.AppContext(se.kvalitetshjulet.data.Database.open(db),
                se.kvalitetshjulet.TestDb.clock())) {
            var adm = ctx.units().save(new se.kvalitetshjulet.domain.org.Unit(null, null, "Förvaltningen",
                    se.kvalitetshjulet.domain.org.OrgLevel.FORVALTNING, null,
                    se.kvalitetshjulet.domain.org.ProviderKind.KOMMUNAL, null, null, null));
            for (int i = 0; i < 8; i++) {
                ctx.units().save(new se.kvalitetshjulet.domain.org.Unit(null, adm.id(), "Stödassistent-enheten " + i,
                        se.kvalitetshjulet.domain.org.OrgLevel.ENHET, null,
                        se.kvalitetshjulet.domain.org.ProviderKind.KOMMUNAL, null, null, null));
            }
        }
        return db;
    }

    private static void sql(Path db, String statement) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void detectsAnEditedAndADeletedRow() throws Exception {
        Path db = smallDb(dir);
        Run ok = run("audit", "verify", "--db", db.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Ändringsloggen är hel").containsPattern("\\d+ rader");

        sql(db, "UPDATE audit_log SET after_json = replace(after_json, 'Stödassistent', 'Enhetschef') "
                + "WHERE id = (SELECT MIN(id) + 4 FROM audit_log)");
        Run edited = run("audit", "verify", "--db", db.toString());
        assertThat(edited.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(edited.err()).contains("Ändringsloggen är bruten").containsPattern("rad \\d+: före/efter-bilden har ändrats");
    }

    @Test
    void detectsTheNewestRowsRemoved() throws Exception {
        Path db = smallDb(dir);
        sql(db, "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)");
        Run r = run("audit", "verify", "--db", db.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("slutpunkten");
    }

    @Test
    void withoutASubcommandItIsAUsageError() {
        assertThat(run("audit").code()).isEqualTo(ExitCodes.USAGE);
    }
}
