package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private static String digest(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void aFileOfRandomBytesIsRefusedAndLeftUntouched() throws Exception {
        Path f = dir.resolve("random.db");
        byte[] bytes = new byte[8192];
        new Random(1).nextBytes(bytes);
        Files.write(f, bytes);
        String before = digest(f);
        assertThatThrownBy(() -> Database.open(f)).isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("inte en läsbar databas")
                .extracting(e -> ((DatabaseRefusedException) e).reason())
                .isEqualTo(DatabaseRefusedException.Reason.NOT_A_DATABASE);
        assertThat(digest(f)).isEqualTo(before);
        assertThat(Files.list(dir)).containsExactly(f);
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path f = dir.resolve("newer.db");
        Database.open(f).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, installed_on, execution_time, success) VALUES "
                    + "(99, '999', 'future', 'SQL', 'V999__future.sql', 0, 'x', '2030-01-01', 1, 1)");
        }
        String before = digest(f);
        assertThatThrownBy(() -> Database.open(f)).isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("nyare version");
        assertThat(digest(f)).isEqualTo(before);
    }

    @Test
    void anotherApplicationsSqliteFileIsRefused() throws Exception {
        Path f = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
        }
        String before = digest(f);
        assertThatThrownBy(() -> Database.open(f)).isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("inte en Kvalitetshjulet-databas");
        assertThat(digest(f)).isEqualTo(before);
    }

    @Test
    void anOlderDatabaseIsBackedUpBeforeItIsMigrated() throws Exception {
        Path f = dir.resolve("old.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + f, null, null).locations("classpath:db/migration")
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY")).target("1").load().migrate();
        try (Database db = Database.open(f)) {
            assertThat(db.dsl().fetchCount(se.kvalitetshjulet.data.jooq.Tables.DEVIATION)).isZero();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("old.db.backup-"));
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = Database.open(dir.resolve("fk.db"))) {
            assertThatThrownBy(() -> db.txRun(tx -> tx.insertInto(se.kvalitetshjulet.data.jooq.Tables.UNIT)
                    .set(se.kvalitetshjulet.data.jooq.Tables.UNIT.NAME, "X")
                    .set(se.kvalitetshjulet.data.jooq.Tables.UNIT.LEVEL, "ENHET")
                    .set(se.kvalitetshjulet.data.jooq.Tables.UNIT.PARENT_ID, 12345L).execute()))
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void theSchemaVersionConstantIsTheNewestMigration() {
        assertThat(Database.latestKnownVersion()).isEqualTo(Database.latestMigrationOnClasspath());
    }

    @Test
    void aCurrentDatabaseOpensAgainWithItsDataAndWithoutABackup() throws Exception {
        Path f = dir.resolve("again.db");
        try (Database db = Database.open(f)) {
            db.txRun(tx -> tx.insertInto(se.kvalitetshjulet.data.jooq.Tables.APP_SETTING)
                    .set(se.kvalitetshjulet.data.jooq.Tables.APP_SETTING.SETTING_KEY, "k")
                    .set(se.kvalitetshjulet.data.jooq.Tables.APP_SETTING.SETTING_VALUE, "v").execute());
        }
        try (Database db = Database.open(f)) {
            assertThat(db.dsl().fetchCount(se.kvalitetshjulet.data.jooq.Tables.APP_SETTING)).isEqualTo(1);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("backup"));
        }
    }
}
