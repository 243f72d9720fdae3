package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.cli.HostileFiles.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/**
 * Issue 16: a CSV line of millions of delimiters, or one field of millions of characters, is read in bounded memory
 * and refused (exit 3, a Swedish message saying where and what to do, nothing written). The sizes are far beyond the
 * bounds (16 384 columns, four million characters per field), not tuned to a heap.
 */
class HostileCsvTest {
    private static final String HEADER = "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik";

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void database() {
        db = dir.resolve("k.db");
        Database.open(db).close();
    }

    private long deviations() {
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            return ctx.deviations().count(DeviationFilter.all(), ctx.today());
        }
    }

    /** {@code before}, then {@code c} {@code times} times, then {@code after}. */
    private Path file(String name, String before, char c, int times, String after) throws Exception {
        Path f = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(before);
            char[] chunk = new char[1 << 16];
            java.util.Arrays.fill(chunk, c);
            for (int left = times; left > 0; left -= chunk.length) {
                w.write(chunk, 0, Math.min(left, chunk.length));
            }
            w.write(after);
        }
        return f;
    }

    @Test
    void aLineOfFiveMillionSemicolonsIsRefusedInASmallHeap() throws Exception {
        Path f = file("semikolon.csv", HEADER + "\nA-1;2025-01-10;Nattpatrullen;Kvalitetsavvikelse;Bemötande;Titel\n",
                ';', 5_000_000, "\nA-2;2025-01-11;Nattpatrullen;Kvalitetsavvikelse;Bemötande;Titel\n");
        // a child JVM with a heap of 96 MB: the old reader made five million values (and header names) of this line
        List<String> cmd = new ArrayList<>(ChildProcess.java("import", "deviations", f.toString(), "--db", db.toString()));
        cmd.replaceAll(a -> a.equals("-Xmx256m") ? "-Xmx96m" : a);
        assertThat(cmd).contains("-Xmx96m");

        ChildProcess.Result r = ChildProcess.run(dir, cmd);

        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("rad 3 i filen har fler än 16 384 kolumner").contains("Inget har lästs in")
                .doesNotContain("Exception").doesNotContain("OutOfMemory");
        assertThat(deviations()).isZero();
    }

    @Test
    void aHeaderOfFiveMillionSemicolonsIsRefusedByEveryImportThatReadsCsv() throws Exception {
        Path f = file("rubrik.csv", "Enhet;År;Månad", ';', 5_000_000, "Brukare\nHemtjänst Norr;2025;1;10\n");

        HostileFiles.Run denominators = cli("denominators", f.toString(), "--db", db.toString());
        assertThat(denominators.code()).as(denominators.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(denominators.err()).contains("rad 1 i filen har fler än 16 384 kolumner");

        HostileFiles.Run imp = cli("import", "deviations", f.toString(), "--db", db.toString());
        assertThat(imp.code()).as(imp.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(imp.err()).contains("fler än 16 384 kolumner");
    }

    @Test
    void aFieldOfMillionsOfCharactersIsRefusedWhereItIs() throws Exception {
        Path f = file("falt.csv", HEADER + "\nA-1;2025-01-10;Nattpatrullen;Kvalitetsavvikelse;Bemötande;Titel\n"
                + "A-2;2025-01-11;Nattpatrullen;Kvalitetsavvikelse;Bemötande;", 'x', 30_000_000, "\n");

        HostileFiles.Run r = cli("import", "deviations", f.toString(), "--db", db.toString());

        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("ett fält på rad 3 i filen är längre än fyra miljoner tecken")
                .doesNotContain("Exception");
        assertThat(deviations()).isZero();
    }

    @Test
    void aQuoteThatNeverClosesIsCalledThat() throws Exception {
        Path f = file("citat.csv", HEADER + "\nA-1;2025-01-10;Nattpatrullen;Kvalitetsavvikelse;Bemötande;\"Titel",
                'y', 5_000_000, "");

        HostileFiles.Run r = cli("import", "deviations", f.toString(), "--db", db.toString());

        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("ett fält som börjar med citattecken (\") på rad 2")
                .contains("saknas det avslutande citattecknet");
        assertThat(deviations()).isZero();
    }
}
