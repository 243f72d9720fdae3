package se.kvalitetshjulet.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.CRC32;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Flyway's validation of applied migrations, without starting Flyway: each successful row of
 * {@code flyway_schema_history} must name a script that is on the classpath with the same checksum (Flyway's:
 * CRC32 over the script's lines, UTF-8, line breaks and a byte-order mark left out). Anything else (a failed
 * row, a script that is gone or changed, a row kind we do not know) answers {@code false}, and
 * {@link Database#open} lets Flyway itself decide. {@code MigrationChecksumsTest} keeps the calculation equal
 * to Flyway's.
 */
final class MigrationChecksums {
    static final String RESOURCE_DIR = "db/migration/";

    private MigrationChecksums() {
    }

    /** Reads the history of the file (read-only) and compares it with the scripts. */
    static boolean historyMatchesScripts(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            return historyMatchesScripts(c);
        } catch (SQLException e) {
            return false;
        }
    }

    /** As {@link #historyMatchesScripts(Path)} on an open connection (an encrypted file is read with its key). */
    static boolean historyMatchesScripts(javax.sql.DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return historyMatchesScripts(c);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean historyMatchesScripts(Connection c) {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, type, script, checksum, success "
                     + "FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rs.next()) {
                String type = rs.getString(2);
                if (rs.getInt(5) != 1 || !"SQL".equals(type)) {
                    return false;
                }
                Integer expected = checksum(rs.getString(3));
                int recorded = rs.getInt(4);
                if (expected == null || rs.wasNull() || expected != recorded) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Flyway's checksum of a script under {@value #RESOURCE_DIR}, or {@code null} when there is no such script. */
    static Integer checksum(String script) {
        if (script == null || script.contains("/") || script.contains("\\")) {
            return null;
        }
        try (InputStream in = MigrationChecksums.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + script)) {
            if (in == null) {
                return null;
            }
            CRC32 crc = new CRC32();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
            String line = reader.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
            return (int) crc.getValue();
        } catch (IOException e) {
            return null;
        }
    }
}
