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

    private static void migrateTo(Path f, String target) {
        Flyway.configure().dataSource("jdbc:sqlite:" + f, null, null).locations("classpath:db/migration")
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY")).target(target).load().migrate();
    }

    @Test
    void afterV13EveryForeignKeyColumnHasAnIndexAndThePersonTableIsGone() throws Exception {
        Path f = dir.resolve("v13.db");
        migrateTo(f, "13");
        assertThat(unindexedForeignKeys(f)).isEmpty();
        assertThat(query(f, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'person'")).isEmpty();

        Path current = dir.resolve("current.db");
        Database.open(current).close();
        assertThat(unindexedForeignKeys(current)).as("every foreign key of the current schema has an index (V24)")
                .isEmpty();
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

    private static List<String> columns(Connection c, String schema, String table) throws Exception {
        List<String> cols = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA " + schema + ".table_info('" + table + "')")) {
            while (rs.next()) {
                cols.add(rs.getString("name"));
            }
        }
        return cols;
    }

    /**
     * The demo municipality in a file of schema 11 (the version before V13), then opened by this version: the
     * upgrade (V13 and what follows) keeps every row of every table that existed, and the file is consistent.
     */
    @Test
    void theDemoDatabaseOfSchema11KeepsEveryRowThroughTheUpgrade() throws Exception {
        Path f = dir.resolve("demo-v11.db");
        migrateTo(f, "11");
        Path demo = dir.resolve("demo-now.db");
        try (AppContext ctx = new AppContext(Database.open(demo), TestDb.clock())) {
            ctx.demoData().generate(3, TestDb.TODAY, p -> { });
        }
        Map<String, String> counts = new LinkedHashMap<>();
        // copy the demo into the schema-11 file, table by table, the columns both have
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("ATTACH DATABASE '" + demo + "' AS src");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            st.execute("BEGIN");
            for (String t : tables) {
                boolean seeded;
                try (Statement count = c.createStatement();
                     ResultSet rs = count.executeQuery("SELECT count(*) FROM main." + t)) {
                    seeded = rs.next() && rs.getLong(1) > 0;
                }
                if (seeded) {
                    continue; // a list the migrations seeded (categories, deadline rules …): keep schema 11's rows
                }
                List<String> both = columns(c, "main", t);
                both.retainAll(columns(c, "src", t));
                if (both.isEmpty()) {
                    continue;
                }
                String cols = String.join(", ", both);
                st.execute("INSERT INTO main." + t + " (" + cols + ") SELECT " + cols + " FROM src." + t);
            }
            st.execute("COMMIT");
            st.execute("DETACH DATABASE src");
            for (String t : tables) {
                counts.put(t, query(f, "SELECT count(*) FROM " + t).getFirst());
            }
        }
        assertThat(Integer.parseInt(counts.get("deviation"))).isGreaterThan(1000);
        // rows of today's demo may point at list entries that later migrations add: the upgrade must add no others
        List<String> danglingBefore = query(f, "PRAGMA foreign_key_check");

        Database.open(f).close();

        assertThat(query(f, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL "
                + "ORDER BY installed_rank DESC LIMIT 1")).containsExactly(Database.SCHEMA_VERSION);
        for (var e : counts.entrySet()) {
            if (e.getKey().equals("person")) {
                continue; // dropped by V13 (it was empty: nothing ever wrote it)
            }
            assertThat(Long.parseLong(query(f, "SELECT count(*) FROM " + e.getKey()).getFirst())).as(e.getKey())
                    .isGreaterThanOrEqualTo(Long.parseLong(e.getValue()));
        }
        for (String t : List.of("deviation", "unit", "action_item", "audit_log", "self_check_answer",
                "risk_analysis", "council_meeting")) {
            assertThat(query(f, "SELECT count(*) FROM " + t)).as(t).containsExactly(counts.get(t));
        }
        assertThat(query(f, "PRAGMA foreign_key_check")).isSubsetOf(danglingBefore);
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
