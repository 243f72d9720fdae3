package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;

/**
 * The V13 migration (indexes on foreign keys, unique case references, the unused person table gone) on a fresh
 * database and on the demo database of the previous version, and the validation that a current database still
 * gets on a fast open.
 */
class SchemaHygieneTest {
    @TempDir
    Path dir;

    private static List<String> query(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Foreign-key columns (table.column) that are not the leading column of any index or the primary key. */
    private static List<String> unindexedForeignKeys(Path db) throws Exception {
        List<String> missing = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                List<String> leading = new ArrayList<>();
                List<String> indexes = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("PRAGMA index_list('" + t + "')")) {
                    while (rs.next()) {
                        indexes.add(rs.getString("name"));
                    }
                }
                for (String ix : indexes) {
                    try (ResultSet rs = st.executeQuery("PRAGMA index_info('" + ix + "')")) {
                        if (rs.next()) {
                            leading.add(rs.getString("name"));
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery("PRAGMA table_info('" + t + "')")) {
                    while (rs.next()) {
                        if (rs.getInt("pk") == 1) {
                            leading.add(rs.getString("name"));
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_list('" + t + "')")) {
                    while (rs.next()) {
                        if (!leading.contains(rs.getString("from"))) {
                            missing.add(t + "." + rs.getString("from"));
                        }
                    }
                }
            }
        }
        return missing;
    }

    @Test
    void everyForeignKeyColumnHasAnIndexAndThePersonTableIsGone() throws Exception {
        Path f = dir.resolve("fresh.db");
        Database.open(f).close();
        assertThat(unindexedForeignKeys(f)).isEmpty();
        assertThat(query(f, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'person'")).isEmpty();
    }

    @Test
    void aCaseReferenceNamesOneDeviation() throws Exception {
        Path f = dir.resolve("refs.db");
        try (AppContext ctx = new AppContext(Database.open(f), TestDb.clock())) {
            ctx.demoData().generate(7, TestDb.TODAY, p -> { });
        }
        String ref = query(f, "SELECT case_ref FROM deviation ORDER BY id LIMIT 1").getFirst();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE deviation SET case_ref = '" + ref
                    + "' WHERE id = (SELECT max(id) FROM deviation)"))
                    .hasMessageContaining("UNIQUE");
            // the placeholder a row carries inside the transaction that inserts it may repeat
            st.executeUpdate("UPDATE deviation SET case_ref = 'preliminary' WHERE id IN "
                    + "(SELECT id FROM deviation ORDER BY id DESC LIMIT 2)");
        }
    }

    /** The demo database as the previous version (schema 11) left it, then opened by this version. */
    @Test
    void theDemoDatabaseOfThePreviousVersionKeepsEveryRowThroughTheUpgrade() throws Exception {
        Path f = dir.resolve("demo-v11.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + f, null, null).locations("classpath:db/migration")
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY")).target("11").load().migrate();
        // demo data written by today's code into the schema-11 file (nothing of it needs V13)
        assertThat(query(f, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history")).containsExactly("11");
        Path v13 = dir.resolve("demo-v13.db");
        try (AppContext ctx = new AppContext(Database.open(v13), TestDb.clock())) {
            ctx.demoData().generate(3, TestDb.TODAY, p -> { });
        }
        Map<String, String> counts = new LinkedHashMap<>();
        for (String t : query(v13, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                + "AND name <> 'flyway_schema_history' ORDER BY name")) {
            counts.put(t, query(v13, "SELECT count(*) FROM " + t).getFirst());
        }
        // copy every row into the schema-11 file, table by table, then let this version open (and upgrade) it
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("ATTACH DATABASE '" + v13 + "' AS src");
            st.execute("BEGIN");
            for (String t : counts.keySet()) {
                st.execute("DELETE FROM main." + t);
                st.execute("INSERT INTO main." + t + " SELECT * FROM src." + t);
            }
            st.execute("COMMIT");
            st.execute("DETACH DATABASE src");
        }
        assertThat(query(f, "SELECT count(*) FROM deviation").getFirst()).isEqualTo(counts.get("deviation"));
        assertThat(Integer.parseInt(counts.get("deviation"))).isGreaterThan(1000);

        Database.open(f).close();

        assertThat(query(f, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"))
                .containsExactly(Database.SCHEMA_VERSION);
        for (var e : counts.entrySet()) {
            assertThat(query(f, "SELECT count(*) FROM " + e.getKey())).as(e.getKey()).containsExactly(e.getValue());
        }
        assertThat(unindexedForeignKeys(f)).isEmpty();
        assertThat(query(f, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(query(f, "PRAGMA integrity_check")).containsExactly("ok");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("a backup before the upgrade")
                    .anyMatch(n -> n.startsWith("demo-v11") && n.contains("backup"));
        }
    }

    @Test
    void ourChecksumIsFlywaysForEveryScript() throws Exception {
        Path f = dir.resolve("sums.db");
        Database.open(f).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT script, checksum FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(MigrationChecksums.checksum(rs.getString(1))).as(rs.getString(1)).isEqualTo(rs.getInt(2));
            }
            assertThat(rows).isGreaterThanOrEqualTo(12);
        }
        assertThat(MigrationChecksums.historyMatchesScripts(f)).isTrue();
    }

    @Test
    void aCurrentDatabaseWhoseHistoryNoLongerMatchesTheScriptsIsRefusedAndLeftUntouched() throws Exception {
        Path f = dir.resolve("tampered.db");
        Database.open(f).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        assertThat(MigrationChecksums.historyMatchesScripts(f)).isFalse();
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> Database.open(f)).isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("ändringshistorik");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }
}
