package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Passphrase;

/**
 * Decision 0042-a: the quick_check at open is skipped only for a file exactly as it was after its last clean check
 * and close by this program; every other file is checked as before, a damaged one is still refused, and {@code check}
 * always makes the full check.
 */
class KnownGoodFilesTest {
    @TempDir
    static Path shared;
    static Path demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void demoDatabase() {
        try (AppContext ctx = TestDb.demo(shared)) {
            demo = ctx.database().file();
        }
    }

    @BeforeEach
    void store() {
        // the demo file is small: every size may skip here (the application's smallest is 32 MiB)
        KnownGoodFiles.useStore(dir.resolve("settings").resolve("known-good-files.properties"), 0);
    }

    @AfterEach
    void noStore() {
        KnownGoodFiles.useStore(null);
    }

    /** A copy of the demo opened once and closed by this program, so it is recorded as known good. */
    private Path checkedAndClosed(String name) throws Exception {
        Path db = dir.resolve(name);
        Files.copy(demo, db);
        assertThat(Database.inspect(db, null).quickChecked()).as("a file never seen is checked").isTrue();
        Database.open(db).close();
        return db;
    }

    private static int pageSize(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA page_size")) {
            return rs.getInt(1);
        }
    }

    private static int rootPage(Path db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + table + "'")) {
            return rs.getInt(1);
        }
    }

    /** One byte of a b-tree page (its page type) changed, as a disk or a program might; size unchanged. */
    private static void changeOneByteOfAPage(Path db) throws Exception {
        long offset = (long) (rootPage(db, "deviation") - 1) * pageSize(db);
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(0x00);
        }
    }

    /** SQLite's file change counter (header bytes 24–27) plus one, as a writer in rollback mode leaves it. */
    private static void bumpChangeCounter(Path db) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            raf.seek(24);
            int n = raf.readInt();
            raf.seek(24);
            raf.writeInt(n + 1);
        }
    }

    private static int checkCommand(Path db, StringWriter err) {
        return se.kvalitetshjulet.cli.RootCommand.commandLine(new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute("check", "--db", db.toString());
    }

    @Test
    void anUnchangedFileIsNotCheckedAgainAndItsNextCloseKeepsItKnown() throws Exception {
        Path db = checkedAndClosed("k.db");
        assertThat(Files.readString(KnownGoodFiles.store())).as("recorded beside the settings, not in the file")
                .contains("k.db");
        assertThat(Database.inspect(db, null).quickChecked()).as("unchanged since its clean check and close").isFalse();
        try (Database read = Database.openReadOnly(db)) {
            assertThat(read.dsl().fetchCount(se.kvalitetshjulet.data.jooq.Tables.DEVIATION)).isPositive();
        }
        assertThat(Database.inspect(db, null).quickChecked()).as("a read leaves it known").isFalse();
        // a session that writes: its own close records the file as it is after the writes
        try (Database write = Database.open(db)) {
            write.dsl().execute("UPDATE deviation SET title = title || '.' WHERE id = (SELECT min(id) FROM deviation)");
        }
        assertThat(Database.inspect(db, null).quickChecked()).as("changed only by this program, then closed").isFalse();
    }

    @Test
    void aPageChangedWithSizeAndModificationTimeKeptIsCheckedAndRefused() throws Exception {
        Path db = checkedAndClosed("k.db");
        FileTime modified = Files.getLastModifiedTime(db);
        long size = Files.size(db);
        changeOneByteOfAPage(db);
        bumpChangeCounter(db);
        Files.setLastModifiedTime(db, modified);
        assertThat(Files.size(db)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(modified);
        assertThatThrownBy(() -> Database.open(db)).isInstanceOf(DatabaseRefusedException.class)
                .extracting(e -> ((DatabaseRefusedException) e).reason()).isEqualTo(DatabaseRefusedException.Reason.DAMAGED);
        assertThat(Files.readString(KnownGoodFiles.store())).as("forgotten once found damaged").doesNotContain("k.db");
    }

    @Test
    void aFileWrittenByAnotherProgramIsChecked() throws Exception {
        Path db = checkedAndClosed("k.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("UPDATE deviation SET title = 'ändrad utanför programmet' WHERE id = (SELECT max(id) FROM deviation)");
        }
        assertThat(Database.inspect(db, null).quickChecked()).isTrue();
    }

    @Test
    void aFileReplacedByACopyOfItselfIsChecked() throws Exception {
        Path db = checkedAndClosed("k.db");
        Path copy = dir.resolve("copy.db");
        Files.copy(db, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(copy, db, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Database.inspect(db, null).quickChecked()).as("same bytes and times, another file").isTrue();
    }

    @Test
    void aFileWithAnUncheckpointedWriteAheadLogBesideItIsChecked() throws Exception {
        Path db = checkedAndClosed("k.db");
        Files.write(db.resolveSibling("k.db-wal"), new byte[] {1, 2, 3});
        assertThat(Database.inspect(db, null).quickChecked()).isTrue();
    }

    @Test
    void aSmallFileIsAlwaysChecked() throws Exception {
        KnownGoodFiles.useStore(KnownGoodFiles.store(), Files.size(demo) + 1);
        Path db = checkedAndClosed("k.db");
        assertThat(Database.inspect(db, null).quickChecked()).isTrue();
        KnownGoodFiles.useStore(null);
        assertThat(Database.inspect(db, null).quickChecked()).as("without a store every file is checked").isTrue();
    }

    @Test
    void damageWithoutAnyWriteIsTheTradeAndCheckStillFindsIt() throws Exception {
        Path db = checkedAndClosed("k.db");
        // rot under an unchanged stamp (no write the file system saw): simulated by recording the damaged file
        changeOneByteOfAPage(db);
        KnownGoodFiles.record(db);
        assertThat(Database.inspect(db, null).quickChecked()).as("the skip trades exactly this").isFalse();
        StringWriter err = new StringWriter();
        assertThat(checkCommand(db, err)).as("check always makes the full check").isEqualTo(3);
        assertThat(err.toString()).contains("är skadad");
        // forgotten by the check that found it: the next open checks again and refuses the file
        assertThat(Files.readString(KnownGoodFiles.store())).doesNotContain("k.db");
        assertThatThrownBy(() -> Database.open(db)).isInstanceOf(DatabaseRefusedException.class)
                .extracting(e -> ((DatabaseRefusedException) e).reason()).isEqualTo(DatabaseRefusedException.Reason.DAMAGED);
    }

    @Test
    void anEncryptedFileFollowsTheSameRule() throws Exception {
        Passphrase pass = Passphrase.of("rätt häst batteri häftklammer");
        Path db = dir.resolve("enc.db");
        Database.open(db, pass).close();
        assertThat(Database.inspect(db, pass).quickChecked()).as("a new file was never checked").isTrue();
        Database.open(db, pass).close();
        assertThat(Database.inspect(db, pass).quickChecked()).isFalse();
        assertThatThrownBy(() -> Database.inspect(db, Passphrase.of("en helt annan lösenfras")))
                .as("the skip never skips the passphrase").isInstanceOf(DatabaseRefusedException.class);
        // a byte of the encrypted first page changed, modification time set back: checked (and refused)
        FileTime modified = Files.getLastModifiedTime(db);
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            raf.seek(1000);
            int b = raf.read();
            raf.seek(1000);
            raf.write(b ^ 0xFF);
        }
        Files.setLastModifiedTime(db, modified);
        assertThat(KnownGoodFiles.unchanged(db)).isFalse();
        assertThatThrownBy(() -> Database.open(db, pass)).isInstanceOf(DatabaseRefusedException.class);
    }

    @Test
    void theStampSeesTheHeaderCounterEvenWhenNothingElseIsCompared() throws Exception {
        Path db = checkedAndClosed("k.db");
        KnownGoodFiles.Stamp before = KnownGoodFiles.stamp(db).orElseThrow();
        bumpChangeCounter(db);
        KnownGoodFiles.Stamp after = KnownGoodFiles.stamp(db).orElseThrow();
        assertThat(after.head()).as("the header's hash").isNotEqualTo(before.head());
        assertThat(after.size()).isEqualTo(before.size());
    }

    /** Random bytes over a page in the middle keep the old behaviour: refused at open. */
    @Test
    void aDamagedFileNeverRecordedIsRefusedAsBefore() throws Exception {
        Path db = dir.resolve("never.db");
        Files.copy(demo, db);
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            new Random(16).nextBytes(junk);
            raf.seek(raf.length() / 4096 / 2 * 4096);
            raf.write(junk);
        }
        assertThatThrownBy(() -> Database.open(db)).isInstanceOf(DatabaseRefusedException.class);
    }
}
