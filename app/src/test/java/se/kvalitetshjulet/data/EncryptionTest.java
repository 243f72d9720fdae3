package se.kvalitetshjulet.data;

import se.kvalitetshjulet.domain.Passphrase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/**
 * Encryption at rest (decision 0013) on real files: the demo municipality written into an encrypted database leaves
 * none of its words readable in the file or its WAL; a wrong or missing passphrase is refused and the file stays
 * byte-for-byte the same; encrypt and rekey keep every record.
 */
class EncryptionTest {
    static final Passphrase PASS = Passphrase.of("rätt häst batteri häftklammer");
    static final Passphrase OTHER = Passphrase.of("en helt annan lösenfras");

    @TempDir
    static Path shared;
    static Path plainDemo;
    static long demoDeviations;
    /** Words of the demo's records: unit names, case texts, people. */
    static Set<String> demoWords;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildDemo() throws Exception {
        assertThat(Database.encryptionAvailable())
                .as("this build must have SQLite3 Multiple Ciphers (a C compiler at build time, decision 0013)").isTrue();
        try (AppContext ctx = TestDb.demo(shared)) {
            plainDemo = ctx.database().file();
            demoDeviations = ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY);
            demoWords = wordsOf(ctx.database());
        }
        assertThat(demoWords).hasSizeGreaterThan(20);
    }

    /** Distinct words of 7 letters or more from the texts of the records (what a thief would look for). */
    static Set<String> wordsOf(Database db) {
        Set<String> words = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        texts.addAll(db.dsl().fetch("SELECT name FROM unit").getValues(0, String.class));
        texts.addAll(db.dsl().fetch("SELECT description FROM deviation WHERE description IS NOT NULL LIMIT 300")
                .getValues(0, String.class));
        for (String t : texts) {
            for (String w : t.split("[^\\p{L}]+")) {
                if (w.length() >= 7) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    static void assertNoWordReadable(Path file, Set<String> words) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String asLatin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String w : words) {
            String utf8 = new String(w.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertThat(asLatin1).as("'%s' readable in %s", w, file.getFileName()).doesNotContain(utf8);
        }
        assertThat(asLatin1).doesNotContain("SQLite format 3");
    }

    private static String digest(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private Path copyOfDemo(String name) throws Exception {
        Path f = dir.resolve(name);
        Files.copy(plainDemo, f);
        return f;
    }

    @Test
    void theDemoWrittenIntoAnEncryptedDatabaseLeavesNoWordInTheFileOrItsWal() throws Exception {
        Path f = dir.resolve("enc.db");
        try (AppContext ctx = new AppContext(Database.open(f, PASS), TestDb.clock())) {
            assertThat(ctx.database().encrypted()).isTrue();
            ctx.demoData().generate(42, TestDb.TODAY, p -> { });
            // while open: the WAL holds the latest pages
            Path wal = dir.resolve("enc.db-wal");
            assertThat(wal).exists();
            assertThat(Files.size(wal)).isPositive();
            assertNoWordReadable(f, demoWords);
            assertNoWordReadable(wal, demoWords);
            assertThat(String.valueOf(ctx.database().dsl().fetchValue("PRAGMA cipher"))).isEqualTo("chacha20");
            assertThat(String.valueOf(ctx.database().dsl().fetchValue("PRAGMA temp_store"))).isEqualTo("2");
        }
        assertNoWordReadable(f, demoWords);
        try (AppContext ctx = new AppContext(Database.open(f, PASS), TestDb.clock())) {
            assertThat(ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(demoDeviations);
        }
    }

    @Test
    void aWrongOrMissingPassphraseIsRefusedAndTheFileStaysByteForByteTheSame() throws Exception {
        Path f = dir.resolve("enc.db");
        Database.open(f, PASS).close();
        String before = digest(f);
        assertThatThrownBy(() -> Database.open(f, OTHER)).isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("Lösenfrasen öppnar inte")
                .extracting(e -> ((DatabaseRefusedException) e).reason())
                .isEqualTo(DatabaseRefusedException.Reason.PASSPHRASE_WRONG);
        assertThatThrownBy(() -> Database.open(f)).isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("ange lösenfrasen");
        assertThat(Database.mayBeEncrypted(f)).isTrue();
        assertThat(digest(f)).isEqualTo(before);
        assertThat(dir.resolve("enc.db-wal")).doesNotExist();
    }

    @Test
    void encryptKeepsEveryRecordLeavesNoWordReadableAndWritesAnEncryptedBackup() throws Exception {
        Path f = copyOfDemo("plain.db");
        DatabaseEncryption.Result r = DatabaseEncryption.encrypt(f, PASS);
        assertThat(r.rows()).isPositive();
        assertNoWordReadable(f, demoWords);
        assertNoWordReadable(r.backup(), demoWords);
        assertThat(r.plainBackupsLeft()).isEmpty();
        assertThat(dir.resolve("plain.db.kvh-rewrite")).doesNotExist();
        try (AppContext ctx = new AppContext(Database.open(f, PASS), TestDb.clock())) {
            assertThat(ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(demoDeviations);
            assertThat(wordsOf(ctx.database())).isEqualTo(demoWords);
        }
        try (AppContext ctx = new AppContext(Database.open(r.backup(), PASS), TestDb.clock())) {
            assertThat(ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(demoDeviations);
        }
        assertThatThrownBy(() -> DatabaseEncryption.encrypt(f, PASS)).isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("redan krypterad");
    }

    @Test
    void rekeyChangesThePassphraseAndKeepsEveryRecord() throws Exception {
        Path f = copyOfDemo("plain.db");
        DatabaseEncryption.encrypt(f, PASS);
        String encrypted = digest(f);
        assertThatThrownBy(() -> DatabaseEncryption.rekey(f, OTHER, PASS)).isInstanceOf(DatabaseRefusedException.class)
                .extracting(e -> ((DatabaseRefusedException) e).reason())
                .isEqualTo(DatabaseRefusedException.Reason.PASSPHRASE_WRONG);
        assertThat(digest(f)).isEqualTo(encrypted);

        DatabaseEncryption.rekey(f, PASS, OTHER);
        assertThatThrownBy(() -> Database.open(f, PASS)).isInstanceOf(DatabaseRefusedException.class);
        try (AppContext ctx = new AppContext(Database.open(f, OTHER), TestDb.clock())) {
            assertThat(ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(demoDeviations);
            assertThat(wordsOf(ctx.database())).isEqualTo(demoWords);
        }
        assertNoWordReadable(f, demoWords);
    }

    @Test
    void aShortNewPassphraseIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path f = copyOfDemo("plain.db");
        String before = digest(f);
        assertThatThrownBy(() -> DatabaseEncryption.encrypt(f, Passphrase.of("kort")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minst 10 tecken");
        assertThat(digest(f)).isEqualTo(before);
        assertThat(Files.list(dir)).containsExactly(f);
    }

    @Test
    void aCopyOfAnEncryptedDatabaseIsEncryptedWithTheSamePassphrase() throws Exception {
        Path f = copyOfDemo("plain.db");
        DatabaseEncryption.encrypt(f, PASS);
        Path copy = dir.resolve("copy.db");
        try (Database db = Database.open(f, PASS)) {
            db.copyTo(copy);
        }
        assertNoWordReadable(copy, demoWords);
        try (AppContext ctx = new AppContext(Database.open(copy, PASS), TestDb.clock())) {
            assertThat(ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(demoDeviations);
        }
    }

    @Test
    void aPlainDatabaseStillOpensAsBeforeAndIsNotEncryptedByAPassphrase() throws Exception {
        Path f = copyOfDemo("plain.db");
        try (Database db = Database.open(f, PASS)) {
            assertThat(db.encrypted()).isFalse();
        }
        assertThat(DatabaseEncryption.isPlainSqlite(f)).isTrue();
    }
}
