package se.kvalitetshjulet.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sqlite3 reference as the import bench uses it (decision 0046). */
class SqliteCliTest {
    @TempDir
    Path dir;

    @Test
    void theBareImportReferenceReadsTheSemicolonCsvIntoEveryColumn() throws Exception {
        Optional<SqliteCli> sqlite = SqliteCli.find();
        if (sqlite.isEmpty()) {
            org.junit.jupiter.api.Assumptions.abort("sqlite3 saknas: apt-get install sqlite3");
        }
        Path csv = dir.resolve("import.csv");
        Files.writeString(csv, "Ärendenummer;Typ;Rubrik;Beskrivning\n"
                + "EXT-1;Lex Sarah;Fall, i badrum;\"Beskriven utan namn; se referens.\"\n"
                + "EXT-2;HSL-avvikelse;Missad dos;\"Två, tre; fyra\"\n", StandardCharsets.UTF_8);
        Path db = dir.resolve("ref.db");

        sqlite.get().timeImport(db, "CREATE TABLE t (external_id TEXT, kind TEXT, title TEXT, description TEXT)", csv, "t");

        List<String> rows = new java.util.ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement();
             var rs = st.executeQuery("SELECT external_id || '|' || kind || '|' || title || '|' || description "
                     + "FROM t ORDER BY external_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        assertThat(rows).containsExactly("EXT-1|Lex Sarah|Fall, i badrum|Beskriven utan namn; se referens.",
                "EXT-2|HSL-avvikelse|Missad dos|Två, tre; fyra");
    }

    @Test
    void aFloodOfOutputIsReadToTheEndButKeptOnlyInPart() throws Exception {
        byte[] line = "/tmp/import.csv:2: expected 12 columns but found 2 - filling the rest with NULL\n"
                .getBytes(StandardCharsets.UTF_8);
        int lines = 200_000; // about 17 MB, as sqlite3 warning once a row for a fifth of a million rows
        byte[] all = new byte[line.length * lines];
        for (int i = 0; i < lines; i++) {
            System.arraycopy(line, 0, all, i * line.length, line.length);
        }
        InputStream in = new ByteArrayInputStream(all);

        String kept = SqliteCli.bounded(in);

        assertThat(in.read()).as("read to the end").isEqualTo(-1);
        assertThat(kept.length()).isLessThan(SqliteCli.MAX_OUTPUT + 100);
        assertThat(kept).startsWith(new String(Arrays.copyOf(line, line.length), StandardCharsets.UTF_8))
                .endsWith("byte till utelämnade)\n").contains((all.length - SqliteCli.MAX_OUTPUT) + " byte");
        assertThat(SqliteCli.bounded(new ByteArrayInputStream(line))).isEqualTo(new String(line, StandardCharsets.UTF_8));
    }
}
