package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.cli.HostileFiles.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.data.Backups;

/**
 * Issue 16: a read-only folder, a full disk and a killed process, with the real command line. The full disk is
 * simulated with RLIMIT_FSIZE ({@code prlimit --fsize}) on a child JVM: every write beyond the limit fails as it
 * would on a full disk. Kills are SIGKILL of a child JVM (no shutdown hooks, no finally blocks).
 */
class DiskTroubleTest {
    private static final String HEADER = "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Rapportör;Beskrivning";

    @TempDir
    static Path shared;
    static Path demo;
    static Path sqliteLib;

    @TempDir
    Path dir;

    @BeforeAll
    static void demoDatabase() throws Exception {
        demo = shared.resolve("demo.db");
        assertThat(cli("demo", "--db", demo.toString()).code()).isZero();
        // the child's SQLite library is unpacked here beforehand: with a file-size limit it could not unpack it
        sqliteLib = Files.createDirectories(shared.resolve("sqlite-native"));
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(
                "/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so")) {
            Files.copy(in, sqliteLib.resolve("libsqlitejdbc.so"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path copyOfDemo(Path folder) throws Exception {
        Path db = folder.resolve("k.db");
        Files.createDirectories(folder);
        Files.copy(demo, db);
        return db;
    }

    private static long count(Path db, String where) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM deviation" + where)) {
            return rs.getLong(1);
        }
    }

    private static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.getString(1);
        }
    }

    private Path bigImport(int rows) throws Exception {
        Path f = dir.resolve("big.csv");
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        String text = "Beskrivning av händelsen med lite längre text så att filen blir stor. ".repeat(6);
        for (int i = 1; i <= rows; i++) {
            b.append("BIG-").append(i).append(";2025-03-").append(10 + i % 18).append(";Nattpatrullen;Kvalitetsavvikelse;")
                    .append("Bemötande;Rubrik ").append(i).append(";Undersköterska;").append(text).append('\n');
        }
        Files.writeString(f, b, StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> child(String... args) {
        List<String> cmd = new ArrayList<>(ChildProcess.java(args));
        cmd.add(1, "-Dorg.sqlite.lib.path=" + sqliteLib);
        cmd.add(2, "-Dorg.sqlite.lib.name=libsqlitejdbc.so");
        return cmd;
    }

    private static List<String> leftovers(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.endsWith(".partial"))
                    .toList();
        }
    }

    @Test
    void aDatabaseInAReadOnlyFolderCanBeCheckedExportedAndReportedButNotWrittenTo() throws Exception {
        Path folder = dir.resolve("readonly");
        Path db = copyOfDemo(folder);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, HEADER + "\nRO-1;2025-01-10;Nattpatrullen;Kvalitetsavvikelse;Bemötande;Titel;"
                + "Undersköterska;Text\n", StandardCharsets.UTF_8);
        ChildProcess.readOnly(folder);
        try {
            HostileFiles.Run check = cli("check", "--db", db.toString());
            assertThat(check.code()).as(check.all()).isZero();
            assertThat(check.out()).contains("skrivskyddad: bara läsning").contains("Integritetskontroll: inga fel");

            HostileFiles.Run export = cli("export", "deviations", "--out", out.resolve("x.csv").toString(), "--db",
                    db.toString());
            assertThat(export.code()).as(export.all()).isZero();
            assertThat(Files.readAllLines(out.resolve("x.csv"))).hasSizeGreaterThan(1000);

            HostileFiles.Run report = cli("report", "annual", "--year", "2025", "--format", "xlsx", "--out",
                    out.resolve("r.xlsx").toString(), "--db", db.toString());
            assertThat(report.code()).as(report.all()).isZero();
            assertThat(Files.size(out.resolve("r.xlsx"))).isPositive();

            HostileFiles.Run imp = cli("import", "deviations", csv.toString(), "--db", db.toString());
            assertThat(imp.code()).isEqualTo(ExitCodes.FAILURE);
            assertThat(imp.err()).contains("är skrivskyddad").contains("Ingenting har ändrats")
                    .doesNotContain("skadad").doesNotContain("återställ");
        } finally {
            ChildProcess.writable(folder);
        }
        assertThat(count(db, " WHERE external_id = 'RO-1'")).isZero();
    }

    @Test
    void aFullDiskDuringAnImportChangesNothingAndSaysTheDiskIsFull() throws Exception {
        Path db = copyOfDemo(dir);
        long before = count(db, "");
        Path csv = bigImport(8_000);
        // RLIMIT_FSIZE holds per file: the 4 MB of new rows do not fit in a write-ahead log of at most 1 MB
        long limit = 1_000_000;

        ChildProcess.Result r = ChildProcess.run(dir, ChildProcess.withFileSizeLimit(limit,
                child("import", "deviations", csv.toString(), "--db", db.toString())));

        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("Disken är full eller går inte att skriva till").contains("Ingenting har ändrats")
                .doesNotContain("Fel: Ett oväntat fel");
        assertThat(integrity(db)).isEqualTo("ok");
        assertThat(count(db, "")).as("all or nothing of the killed run").isIn(before, before + 200_000);
    }

    @Test
    void aFullDiskDuringAnExportLeavesNoFileBehind() throws Exception {
        Path db = copyOfDemo(dir);
        Path out = Files.createDirectories(dir.resolve("out"));

        ChildProcess.Result r = ChildProcess.run(dir, ChildProcess.withFileSizeLimit(64_000,
                child("export", "deviations", "--include-text", "--out", out.resolve("x.csv").toString(), "--db",
                        db.toString())));

        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("Disken är full eller går inte att skriva till")
                .doesNotContain("Fel: Ett oväntat fel");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).as("no export and no temporary file").isEmpty();
        }
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void aBackupThatFailsForLackOfSpaceLeavesNoFileWithABackupName() throws Exception {
        Path db = copyOfDemo(dir);

        ChildProcess.Result r = ChildProcess.run(dir, ChildProcess.withFileSizeLimit(Files.size(db) / 2,
                child("backup", "create", "--db", db.toString())));

        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("disken är full eller inte går att skriva till")
                .contains("ingen ofullständig kopia finns kvar");
        assertThat(Backups.list(db)).isEmpty();
        assertThat(leftovers(dir)).isEmpty();
        assertThat(cli("check", "--db", db.toString()).code()).isZero();
    }

    /** Kills {@code p} with SIGKILL once its write-ahead log has grown past {@code bytes}: in the middle of writing. */
    private static boolean killWhileWriting(Process p, Path db, long bytes) throws Exception {
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(wal) && Files.size(wal) > bytes) {
                p.destroyForcibly().waitFor();
                return true;
            }
            Thread.sleep(20);
        }
        p.destroyForcibly().waitFor();
        return false;
    }

    @Test
    void anImportKilledWhileWritingLeavesAllOrNothingAndCanBeRunAgain() throws Exception {
        Path db = copyOfDemo(dir);
        long before = count(db, "");
        Path csv = bigImport(10_000);

        Process p = ChildProcess.start(dir, child("import", "deviations", csv.toString(), "--db", db.toString()));
        assertThat(killWhileWriting(p, db, 1_000_000)).as("killed while writing").isTrue();

        assertThat(integrity(db)).isEqualTo("ok");
        // killed before its commit: none of the rows; after it: all of them (never a part)
        assertThat(count(db, "")).as("all or nothing of the killed import").isIn(before, before + 10_000);
        ChildProcess.Result again = ChildProcess.run(dir, child("import", "deviations", csv.toString(), "--db",
                db.toString()));
        assertThat(again.code()).as(again.all()).isZero();
        assertThat(count(db, "")).isEqualTo(before + 10_000);
    }

    @Test
    void aBulkDemoKilledWhileWritingLeavesAllOrNothing() throws Exception {
        Path db = copyOfDemo(dir);
        long before = count(db, "");

        Process p = ChildProcess.start(dir, child("demo", "--deviations", "200000", "--db", db.toString()));
        assertThat(killWhileWriting(p, db, 2_000_000)).as("killed while writing").isTrue();

        assertThat(integrity(db)).isEqualTo("ok");
        assertThat(count(db, "")).as("all or nothing of the killed run").isIn(before, before + 200_000);
    }

    @Test
    void aBackupKilledMidwayLeavesNoFileWithABackupName() throws Exception {
        Path db = copyOfDemo(dir);
        for (long delay : new long[] {900}) {
            Process p = ChildProcess.start(dir, child("backup", "create", "--db", db.toString()));
            Thread.sleep(delay);
            p.destroyForcibly().waitFor();
            for (se.kvalitetshjulet.domain.backup.BackupFile b : Backups.list(db)) {
                assertThat(integrity(b.file())).as("a file with a backup's name is a complete backup").isEqualTo("ok");
            }
        }
        assertThat(integrity(db)).isEqualTo("ok");
    }
}
