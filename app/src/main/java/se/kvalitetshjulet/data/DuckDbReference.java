package se.kvalitetshjulet.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The benchmark's reference engine for aggregates (decision 0021): DuckDB, a column store, holding the same rows as
 * a SQLite file. The rows are loaded untimed (each table written to CSV and read with DuckDB's own {@code COPY}, no
 * extension needed); a query is then timed in this JVM through JDBC exactly as the application's are: the whole
 * result read, repeated, after one warm-up round.
 *
 * <p>DuckDB is not a dependency of the shipped application (80 MB with the native code of every platform): it is on
 * the test class path, on the class path of a {@code -Pbench} build, or loaded from a jar given to the bench. When it
 * is nowhere, {@link #driver} answers empty and the bench judges nothing against it.
 */
public final class DuckDbReference implements AutoCloseable {
    static final String DRIVER = "org.duckdb.DuckDBDriver";

    /** The tables the aggregate figures read (the deviations, their causes and actions, and the actions' sources). */
    public static final List<String> TABLES = List.of("business_area", "unit", "deviation_category", "cause_category",
            "measure_type", "deviation", "deviation_cause", "action_item", "council_meeting", "risk_analysis", "risk_item",
            "self_check_template", "self_check_question", "self_check_round", "self_check_response", "self_check_answer",
            "quality_plan");

    private final Connection connection;
    private final String version;

    private DuckDbReference(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            this.version = rs.getString(1);
        }
    }

    /**
     * DuckDB's JDBC driver: from {@code jar} when given (a {@code duckdb_jdbc-*.jar}), otherwise from the class path.
     * Empty when it is not there or cannot load its native library on this machine.
     */
    public static Optional<Driver> driver(Path jar) {
        try {
            ClassLoader loader = jar == null ? DuckDbReference.class.getClassLoader()
                    : Files.isRegularFile(jar) ? new URLClassLoader(new URL[] {jar.toUri().toURL()},
                            DuckDbReference.class.getClassLoader()) : null;
            if (loader == null) {
                return Optional.empty();
            }
            return Optional.of((Driver) Class.forName(DRIVER, true, loader).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError | IOException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens a DuckDB database at {@code duckFile} (replaced if it exists) and copies {@link #TABLES} of the SQLite
     * file into it, every row and every column; CSV files of the copy are written beside it and deleted again.
     */
    public static DuckDbReference load(Driver driver, Path sqliteFile, Path duckFile) throws IOException {
        Files.deleteIfExists(duckFile);
        Files.deleteIfExists(duckFile.resolveSibling(duckFile.getFileName() + ".wal"));
        Connection duck = null;
        try {
            duck = driver.connect("jdbc:duckdb:" + duckFile.toAbsolutePath(), new Properties());
            try (Statement st = duck.createStatement()) {
                // the machine is shared: a bounded share of memory (DuckDB spills to disk beyond it)
                st.execute("SET memory_limit = '2GB'");
            }
            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile.toAbsolutePath())) {
                for (String table : TABLES) {
                    copyTable(sqlite, duck, table, duckFile.resolveSibling(duckFile.getFileName() + "." + table + ".csv"));
                }
            }
            return new DuckDbReference(duck);
        } catch (SQLException e) {
            if (duck != null) {
                try {
                    duck.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            throw new IOException("DuckDB kunde inte läsa in raderna: " + e.getMessage(), e);
        }
    }

    private record Column(String name, String type) { }

    private static void copyTable(Connection sqlite, Connection duck, String table, Path csv) throws SQLException, IOException {
        List<Column> columns = new ArrayList<>();
        DatabaseMetaData meta = sqlite.getMetaData();
        try (Statement st = sqlite.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, type FROM pragma_table_info('" + table + "') ORDER BY cid")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString(1), duckType(rs.getString(2))));
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("Tabellen " + table + " finns inte i " + meta.getURL());
        }
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             Statement st = sqlite.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns.stream().map(Column::name).toList())
                    + " FROM " + table)) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        if (i > 0) {
                            w.write(',');
                        }
                        w.write(csvValue(rs.getString(i + 1), columns.get(i).type()));
                    }
                    w.write('\n');
                }
            }
        }
        try (Statement st = duck.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table);
            st.execute("CREATE TABLE " + table + " (" + String.join(", ",
                    columns.stream().map(c -> c.name() + " " + c.type()).toList()) + ")");
            st.execute("COPY " + table + " FROM '" + csv.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT csv, HEADER false, NULLSTR '\\N', QUOTE '\"', ESCAPE '\"')");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * DuckDB's type for a column declared in the migrations: dates stay dates (the filters compare them), time stamps
     * are kept as their ISO text (the aggregates only read their first characters, as on SQLite).
     */
    static String duckType(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return "BIGINT";
        }
        if (t.startsWith("BOOL")) {
            return "BOOLEAN";
        }
        if (t.equals("DATE")) {
            return "DATE";
        }
        if (t.startsWith("REAL") || t.startsWith("DOUBLE") || t.startsWith("NUMERIC") || t.startsWith("DECIMAL")
                || t.startsWith("FLOAT")) {
            return "DOUBLE";
        }
        return "VARCHAR";
    }

    private static String csvValue(String v, String type) {
        if (v == null) {
            return "\\N";
        }
        return switch (type) {
            case "BIGINT", "DOUBLE", "DATE" -> v;
            case "BOOLEAN" -> v.equals("1") || v.equalsIgnoreCase("true") ? "true" : "false";
            default -> '"' + v.replace("\"", "\"\"") + '"';
        };
    }

    public String version() {
        return version;
    }

    /** One run of a query: the rows it returned and the sum of its last column (what an aggregate counted). */
    public record Answer(long rows, long counted) { }

    /** Runs the query once and reads the whole result. */
    public Answer run(String sql) throws IOException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int last = rs.getMetaData().getColumnCount();
            long rows = 0;
            long counted = 0;
            while (rs.next()) {
                rows++;
                counted += rs.getLong(last);
            }
            return new Answer(rows, counted);
        } catch (SQLException e) {
            throw new IOException("DuckDB kunde inte köra frågan: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** Seconds of each of {@code repeats} runs of the query after one warm-up run (as the application is timed). */
    public List<Double> time(String sql, int repeats) throws IOException {
        run(sql);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            run(sql);
            out.add((System.nanoTime() - t0) / 1e9);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
