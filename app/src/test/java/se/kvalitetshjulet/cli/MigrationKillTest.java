package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.cli.HostileFiles.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.data.Backups;
import se.kvalitetshjulet.data.Database;

/**
 * Issue 16: SIGKILL of a child JVM in the middle of upgrading an old database (version 9, with 300 000 deviations
 * so that the upgrade takes a while) leaves the file at its old version, whole, or — if the kill came after the
 * commit — at the new one; never between two. The next open upgrades it cleanly, and the backup made before the
 * upgrade is complete and can be restored.
 */
class MigrationKillTest {
    private static final int ROWS = 300_000;

    @TempDir
    Path dir;

    /** A database as version 9 of the program left it, with {@value #ROWS} deviations. */
    private Path oldDatabase() throws Exception {
        Path db = dir.resolve("gammal.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("classpath:db/migration")
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY")).target("9").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO unit (name, level) VALUES ('Hemtjänst Norr', 'ENHET')");
            st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                    + "INSERT INTO deviation (case_ref, kind, law, unit_id, status, registered_on, title, updated_at) "
                    + "SELECT 'AV-' || i, 'KVALITETSAVVIKELSE', 'SOL', 1, 'REGISTRERAD', '2024-01-01', "
                    + "'Händelse nummer ' || i || ' med en rubrik som är lagom lång', '2024-01-01 10:00:00' FROM n");
        }
        return db;
    }

    private static String query(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String version(Path db) throws Exception {
        return query(db, "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank DESC LIMIT 1");
    }

    /** Kills {@code p} once a complete pre-upgrade backup exists and the database's WAL has grown: mid-upgrade. */
    private static boolean killDuringUpgrade(Process p, Path db) throws Exception {
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        long deadline = System.nanoTime() + 150_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (!Backups.list(db).isEmpty() && Files.exists(wal) && Files.size(wal) > 256 * 1024) {
                p.destroyForcibly().waitFor();
                return true;
            }
            Thread.sleep(10);
        }
        p.destroyForcibly().waitFor();
        return false;
    }

    @Test
    void anUpgradeKilledHalfWayLeavesTheOldVersionWholeAndTheNextOpenUpgradesIt() throws Exception {
        Path db = oldDatabase();
        assertThat(version(db)).isEqualTo("9");

        Process p = ChildProcess.start(dir, ChildProcess.java("check", "--db", db.toString()));
        assertThat(killDuringUpgrade(p, db)).as("killed while upgrading").isTrue();

        assertThat(query(db, "PRAGMA integrity_check")).isEqualTo("ok");
        String after = version(db);
        assertThat(after).as("the old version or the new one, never between").isIn("9", Database.SCHEMA_VERSION);
        assertThat(query(db, "SELECT count(*) FROM flyway_schema_history WHERE success = 0")).isEqualTo("0");
        if (after.equals("9")) {
            // nothing of the upgrade is in the file: a table of V10 does not exist
            assertThat(query(db, "SELECT count(*) FROM sqlite_master WHERE name = 'self_check_form_copy'")).isEqualTo("0");
        }
        assertThat(query(db, "SELECT count(*) FROM deviation")).isEqualTo(Integer.toString(ROWS));

        // The backup made before the upgrade is complete, of the old version, and passes SQLite's own check.
        List<se.kvalitetshjulet.domain.backup.BackupFile> backups = Backups.list(db);
        assertThat(backups).hasSize(1);
        Path backup = backups.getFirst().file();
        assertThat(query(backup, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(version(backup)).isEqualTo("9");

        // The next open upgrades the file cleanly, with every row.
        HostileFiles.Run check = cli("check", "--db", db.toString());
        assertThat(check.code()).as(check.all()).isZero();
        assertThat(check.out()).contains("Integritetskontroll: inga fel");
        assertThat(version(db)).isEqualTo(Database.SCHEMA_VERSION);
        assertThat(query(db, "SELECT count(*) FROM deviation")).isEqualTo(Integer.toString(ROWS));

        // And the old version can be restored from the backup.
        HostileFiles.Run restore = cli("backup", "restore", backup.getFileName().toString(), "--db", db.toString());
        assertThat(restore.code()).as(restore.all()).isZero();
        assertThat(version(db)).isEqualTo("9");
        assertThat(query(db, "SELECT count(*) FROM deviation")).isEqualTo(Integer.toString(ROWS));
    }
}
