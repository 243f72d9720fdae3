package se.kvalitetshjulet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the bench's reference files (decision 0031), kept in the data layer: a copy of a benchmark database
 * without the roll-up triggers (the reference pays for the table and its indexes, not for our roll-ups), the
 * sqlite3 scripts that import the same CSV into the same indexed table and build an FTS5 index of the register's
 * text, and the counts that check what they wrote. The files are the bench's own, opened with plain JDBC.
 */
public final class BenchReferenceFiles {
    /** The external source of the rows the indexed-table reference imports. */
    public static final String REFERENCE_SOURCE = "bench-ref";
    /** The register's FTS5 index (migration V35) that the search reference counts in. */
    public static final String FTS_TABLE = "deviation_fts";

    private BenchReferenceFiles() {
    }

    /** Drops every roll-up trigger (named agg_…) from the file {@code db}. */
    public static void dropRollupTriggers(Path db) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'agg\\_%' ESCAPE '\\'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String t : names) {
                st.execute("DROP TRIGGER \"" + t + "\"");
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** How many deviations the indexed-table reference wrote into {@code db}. */
    public static long referenceRows(Path db) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM deviation WHERE external_source = '" + REFERENCE_SOURCE + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /**
     * The sqlite3 script of the indexed-table reference: the CSV (semicolons, a header row, the bench's twelve
     * columns) read by {@code .import} into a staging table, then one INSERT … SELECT into {@code deviation} with its
     * indexes, the names looked up as the importer does ({@code kinds}: Swedish name → stored value; unit and category
     * by name), in one transaction.
     */
    public static String indexedImportScript(Path csv, Map<String, String> kinds) {
        StringBuilder kind = new StringBuilder("CASE s.kind");
        kinds.forEach((name, value) -> kind.append(" WHEN '").append(name.replace("'", "''")).append("' THEN '")
                .append(value).append('\''));
        kind.append(" END");
        return "BEGIN;\n"
                + "CREATE TEMP TABLE staging (external_id TEXT, kind TEXT, law TEXT, unit TEXT, category TEXT, status TEXT, "
                + "occurred_on TEXT, reported_on TEXT, registered_on TEXT, reporter_role TEXT, title TEXT, description TEXT);\n"
                + ".mode csv\n.separator ;\n"
                + ".import --skip 1 '" + csv.toString().replace("'", "''") + "' staging\n"
                + "INSERT INTO deviation (case_ref, kind, law, unit_id, category_id, status, occurred_on, reported_on, "
                + "registered_on, reporter_role, title, description, external_source, external_id, updated_at) "
                + "SELECT 'REF-' || s.external_id, " + kind + ", s.law, (SELECT min(u.id) FROM unit u WHERE u.name = s.unit), "
                + "(SELECT min(c.id) FROM deviation_category c WHERE c.name = s.category), 'REGISTRERAD', s.occurred_on, "
                + "s.reported_on, s.registered_on, s.reporter_role, s.title, s.description, '" + REFERENCE_SOURCE
                + "', s.external_id, strftime('%Y-%m-%d %H:%M:%f', 'now') FROM staging s;\n"
                + "COMMIT;\n";
    }

    /** The FTS5 count of the deviations whose searched text contains {@code term} (a phrase: any substring). */
    public static String ftsCountSql(String term) {
        return "SELECT count(*) FROM " + FTS_TABLE + " WHERE " + FTS_TABLE + " MATCH '\""
                + term.replace("'", "''").replace("\"", "\"\"") + "\"'";
    }
}
