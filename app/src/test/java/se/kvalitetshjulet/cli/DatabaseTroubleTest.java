package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.cli.HostileFiles.cli;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.data.Backups;

/**
 * Issue 16, items 2–5: a damaged database is found before anything is written to it, a locked one is called locked,
 * writers wait their turn, and backups can be listed, made and restored from the command line.
 */
class DatabaseTroubleTest {
    private static final String HEADER = "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Rapportör";

    @TempDir
    static Path shared;
    static Path demo;

    @TempDir
    Path dir;
    Path db;

    @BeforeAll
    static void demoDatabase() {
        demo = shared.resolve("demo.db");
        assertThat(cli("demo", "--db", demo.toString()).code()).isZero();
    }

    @BeforeEach
    void copy() throws Exception {
        db = dir.resolve("k.db");
        Files.copy(demo, db);
    }

    @AfterEach
    void timeout() {
        System.clearProperty("kvalitetshjulet.busyTimeoutMs");
    }

    private Path importFile(String id) throws Exception {
        Path f = dir.resolve("in-" + id + ".csv");
        Files.writeString(f, HEADER + "\n" + id + ";2025-01-10;Nattpatrullen;Kvalitetsavvikelse;Bemötande;Titel;"
                + "Undersköterska\n", StandardCharsets.UTF_8);
        return f;
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    /** Overwrites one page in the middle of the file with random bytes, as a failing disk might. */
    private static void damagePage(Path f) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            int pageSize = 4096;
            long pages = raf.length() / pageSize;
            byte[] junk = new byte[pageSize];
            new Random(16).nextBytes(junk);
            raf.seek(pages / 2 * pageSize);
            raf.write(junk);
        }
    }

    private static long count(Path f, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getLong(1);
        }
    }

    @Test
    void aDamagedDatabaseIsFoundByCheckAndNothingIsImportedIntoIt() throws Exception {
        damagePage(db);
        String before = sha(db);

        HostileFiles.Run check = cli("check", "--db", db.toString());
        assertThat(check.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(check.err()).contains("är skadad").contains("backup list").contains("backup restore")
                .doesNotContain("SQLITE").doesNotContain("Exception");

        HostileFiles.Run imp = cli("import", "deviations", importFile("X1").toString(), "--db", db.toString());
        assertThat(imp.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(imp.err()).contains("är skadad").contains("Ingenting har skrivits");
        assertThat(sha(db)).as("not a byte written into the damaged file").isEqualTo(before);
    }

    @Test
    void checkRunsTheFullIntegrityCheckOnAHealthyDatabase() {
        HostileFiles.Run check = cli("check", "--db", db.toString());
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("Integritetskontroll: inga fel");
    }

    @Test
    void backupsAreMadeListedAndADamagedDatabaseIsRestoredKeepingTheDamagedFile() throws Exception {
        long deviations = count(db, "deviation");
        HostileFiles.Run made = cli("backup", "create", "--db", db.toString());
        assertThat(made.code()).as(made.all()).isZero();
        assertThat(made.out()).contains("Säkerhetskopian sparades som");
        Path backup = Backups.list(db).getFirst().file();
        assertThat(cli("backup", "list", "--db", db.toString()).out()).contains(backup.getFileName().toString());

        damagePage(db);
        String damaged = sha(db);
        HostileFiles.Run restored = cli("backup", "restore", backup.getFileName().toString(), "--db", db.toString());

        assertThat(restored.code()).as(restored.all()).isZero();
        assertThat(restored.out()).contains("återställdes från " + backup.getFileName())
                .contains("Den tidigare filen finns kvar som");
        assertThat(cli("check", "--db", db.toString()).code()).isZero();
        assertThat(count(db, "deviation")).isEqualTo(deviations);
        Path kept = Backups.list(db).stream().map(se.kvalitetshjulet.domain.backup.BackupFile::file).filter(p -> !p.equals(backup)).findFirst()
                .orElseThrow();
        assertThat(sha(kept)).as("the damaged file is kept as it was").isEqualTo(damaged);
    }

    @Test
    void aDamagedBackupIsNotRestoredAndTheDatabaseIsLeftAsItWas() throws Exception {
        Path backup = dir.resolve("k.db.backup-20260101-120000");
        Files.copy(demo, backup);
        damagePage(backup);
        String before = sha(db);

        HostileFiles.Run r = cli("backup", "restore", backup.toString(), "--db", db.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("Säkerhetskopian").contains("är själv skadad").contains("inte ändrats");
        assertThat(sha(db)).isEqualTo(before);
        assertThat(Backups.list(db)).extracting(se.kvalitetshjulet.domain.backup.BackupFile::file).containsExactly(backup);
    }

    @Test
    void onlyTheNewestFiveBackupsAreKept() {
        for (int i = 0; i < 7; i++) {
            assertThat(cli("backup", "create", "--db", db.toString()).code()).isZero();
        }
        assertThat(Backups.list(db)).hasSize(Backups.KEPT);
    }

    @Test
    void aDatabaseLockedByAnotherProgramIsCalledLockedNotDamaged() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
                st.execute("PRAGMA locking_mode = EXCLUSIVE");
                st.execute("BEGIN EXCLUSIVE");
                st.execute("UPDATE app_setting SET setting_value = setting_value");
                locked.countDown();
                release.await(30, TimeUnit.SECONDS);
                st.execute("ROLLBACK");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            HostileFiles.Run r = cli("import", "deviations", importFile("L1").toString(), "--db", db.toString());
            assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.err()).contains("En annan process skriver").contains("Ingenting har ändrats")
                    .doesNotContain("skadad").doesNotContain("återställ").doesNotContain("SQLITE");
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(count(db, "deviation WHERE external_id = 'L1'")).isZero();
    }

    @Test
    void aSecondWriterWaitsItsTurn() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().start(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.execute("UPDATE app_setting SET setting_value = setting_value");
                writing.countDown();
                Thread.sleep(1500);
                st.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        HostileFiles.Run r = cli("import", "deviations", importFile("W1").toString(), "--db", db.toString());
        writer.join();

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(count(db, "deviation WHERE external_id = 'W1'")).isEqualTo(1);
    }

    @Test
    void aWriterThatCannotGetItsTurnSaysSoAndChangesNothing() throws Exception {
        System.setProperty("kvalitetshjulet.busyTimeoutMs", "300");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().start(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.execute("UPDATE app_setting SET setting_value = setting_value");
                writing.countDown();
                release.await(30, TimeUnit.SECONDS);
                st.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        HostileFiles.Run r;
        try {
            r = cli("import", "deviations", importFile("B1").toString(), "--db", db.toString());
        } finally {
            release.countDown();
            writer.join();
        }
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("En annan process skriver i databasen").contains("Ingenting har ändrats")
                .doesNotContain("ConnectionCallable").doesNotContain("SQLITE_BUSY");
        assertThat(count(db, "deviation WHERE external_id = 'B1'")).isZero();
    }
}
