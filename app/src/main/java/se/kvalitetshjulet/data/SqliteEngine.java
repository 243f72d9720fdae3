package se.kvalitetshjulet.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The local SQLite file: the zero-set-up default. */
final class SqliteEngine implements Engine {
    /** Imports at least this large into a register at most four times their size drop and rebuild the indexes. */
    static final long BULK_MIN_ROWS = 20_000;
    private static final long IMPORT_CACHE_KIB = 256 * 1024;

    private final Path file;

    SqliteEngine(Path file) {
        this.file = file;
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.SQLITE;
    }

    @Override
    public boolean isServer() {
        return false;
    }

    @Override
    public String describe() {
        return String.valueOf(file);
    }

    /**
     * SQLite's {@code lower()} and {@code LIKE} fold only A–Z. A plain A–Z term keeps SQLite's fast path; a term with
     * other letters first narrows with SQLite's native LIKE, each non-ASCII letter as '_', so the Unicode function
     * {@value Database#UNICODE_LOWER} (a call into Java) runs only on candidates: ~1× instead of ~3× the A–Z time.
     */
    @Override
    public Condition containsIgnoreCase(Field<String> field, String term) {
        return unicodeContains(field, term);
    }

    static Condition unicodeContains(Field<String> field, String term) {
        boolean ascii = term.chars().allMatch(ch -> ch < 128);
        if (ascii) {
            return field.containsIgnoreCase(term);
        }
        StringBuilder pattern = new StringBuilder("%");
        term.codePoints().forEach(cp -> {
            if (cp >= 128) {
                pattern.append('_');
            } else {
                if (cp == '%' || cp == '_' || cp == '!') {
                    pattern.append('!');
                }
                pattern.appendCodePoint(cp);
            }
        });
        pattern.append('%');
        return field.likeIgnoreCase(pattern.toString(), '!')
                .and(DSL.function(Database.UNICODE_LOWER, String.class, field).contains(term.toLowerCase(Locale.ROOT)));
    }

    /**
     * A bigger page cache for the transaction (with SQLite's default 2 MB the indexes of a large import no longer
     * fit, and dirty pages are spilled and rewritten over and over); a large import into a comparatively small
     * register drops the table's indexes and builds them again at the end (sorting once is far cheaper than a million
     * random index inserts). Both are inside the caller's transaction: a failure brings the indexes back.
     */
    @Override
    public Bulk beginBulkImport(Connection c, long rows, long existing) throws SQLException {
        long cacheBefore = pragma(c, "cache_size");
        pragma(c, "cache_size", -IMPORT_CACHE_KIB);
        List<String> indexes;
        try {
            indexes = rows >= BULK_MIN_ROWS && rows * 4 >= existing ? dropIndexes(c) : List.of();
        } catch (SQLException | RuntimeException e) {
            pragma(c, "cache_size", cacheBefore);
            throw e;
        }
        return success -> {
            try {
                if (success) {
                    try (var st = c.createStatement()) {
                        for (String sql : indexes) {
                            st.execute(sql);
                        }
                    }
                }
            } finally {
                pragma(c, "cache_size", cacheBefore);
            }
        };
    }

    private static List<String> dropIndexes(Connection c) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT name, sql FROM sqlite_master "
                + "WHERE type = 'index' AND tbl_name = 'deviation' AND sql IS NOT NULL ORDER BY name")) {
            while (rs.next()) {
                found.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> create = new ArrayList<>();
        try (var st = c.createStatement()) {
            for (String[] idx : found) {
                st.execute("DROP INDEX \"" + idx[0].replace("\"", "\"\"") + "\"");
                create.add(idx[1]);
            }
        }
        return create;
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void pragma(Connection c, String name, long value) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("PRAGMA " + name + " = " + value);
        }
    }
}
