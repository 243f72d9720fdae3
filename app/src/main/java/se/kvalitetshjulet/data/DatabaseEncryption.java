package se.kvalitetshjulet.data;

import se.kvalitetshjulet.domain.Passphrase;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * {@code encrypt} and {@code rekey} (decision 0013): the whole database is written anew with the new key into a
 * temporary file beside it, read back and compared (integrity check and every table's row count), copied to a backup,
 * and only then moved over the original in one atomic rename. Killed at any moment, the original file is either still
 * the old one or already the complete new one, never half of each.
 */
public final class DatabaseEncryption {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseEncryption.class);
    /** Test hook: the step after which to stop and wait (see {@code EncryptKillTest}). */
    static final String PAUSE_PROPERTY = "kvalitetshjulet.test.encryptPauseAfter";

    private DatabaseEncryption() {
    }

    /** What was done: the backup written, the rows checked, and older plain backups still lying beside the file. */
    public record Result(Path file, Path backup, long rows, int tables, List<Path> plainBackupsLeft) {
    }

    /** Turns the plain database {@code file} into one encrypted with {@code passphrase}. */
    public static Result encrypt(Path file, Passphrase passphrase) {
        Path absolute = file.toAbsolutePath().normalize();
        requireNew(passphrase);
        if (Database.mayBeEncrypted(absolute)) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_A_DATABASE,
                    "Databasen " + absolute + " är redan krypterad (eller ingen databas). Använd rekey för att byta "
                            + "lösenfras. Filen har inte ändrats.", null);
        }
        Database.inspect(absolute, null);
        return rewrite(absolute, null, passphrase);
    }

    /** Changes the passphrase of the encrypted database {@code file}. */
    public static Result rekey(Path file, Passphrase oldPassphrase, Passphrase newPassphrase) {
        Path absolute = file.toAbsolutePath().normalize();
        requireNew(newPassphrase);
        if (oldPassphrase == null) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.PASSPHRASE_MISSING,
                    "Ange den nuvarande lösenfrasen (--passphrase-file eller KVALITETSHJULET_PASSPHRASE). "
                            + "Filen har inte ändrats.", null);
        }
        Database.Inspection inspection = Database.inspect(absolute, oldPassphrase);
        if (!inspection.encrypted()) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_A_DATABASE,
                    "Databasen " + absolute + " är inte krypterad. Använd encrypt för att kryptera den.", null);
        }
        return rewrite(absolute, oldPassphrase, newPassphrase);
    }

    private static void requireNew(Passphrase p) {
        if (!Database.encryptionAvailable()) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.ENCRYPTION_UNAVAILABLE,
                    "Den här versionen av programmet saknar krypteringsstöd (den byggdes utan C-kompilator). "
                            + "Använd det installerade programmet. Inget har ändrats.", null);
        }
        if (p == null) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.PASSPHRASE_MISSING,
                    "Ange den nya lösenfrasen. Inget har ändrats.", null);
        }
        String weak = p.weakness();
        if (weak != null) {
            throw new IllegalArgumentException(weak + " Inget har ändrats.");
        }
    }

    private static Result rewrite(Path file, Passphrase from, Passphrase to) {
        Path tmp = file.resolveSibling(file.getFileName() + ".kvh-rewrite");
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        Path shm = file.resolveSibling(file.getFileName() + "-shm");
        try {
            Files.deleteIfExists(tmp); // left by a run that was killed: the original is still the valid file
            Map<String, Long> counts;
            // Open (and if need be migrate, after a backup) the source the normal way, then write the copy.
            try (Database db = Database.open(file, from)) {
                counts = rowCounts(db);
                db.dsl().fetch("PRAGMA wal_checkpoint(TRUNCATE)");
                db.copyTo(tmp, to);
            }
            pause("written");
            verify(tmp, to, counts);
            force(tmp);
            pause("verified");
            Path backup = Backups.freeName(file, se.kvalitetshjulet.domain.backup.BackupKind.ENCRYPT,
                    java.time.LocalDateTime.now());
            Files.copy(tmp, backup, StandardCopyOption.COPY_ATTRIBUTES);
            force(backup);
            pause("backed-up");
            if (Files.exists(wal) && Files.size(wal) > 0) {
                throw new IllegalStateException("Databasen används av ett annat program (det finns en öppen "
                        + "skrivlogg). Stäng Kvalitetshjulet överallt där filen är öppen och försök igen. "
                        + "Filen har inte ändrats.");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("Filsystemet kan inte byta filen i ett steg; inget har ändrats.", e);
            }
            Files.deleteIfExists(wal);
            Files.deleteIfExists(shm);
            forceDirectory(file.getParent());
            pause("moved");
            long rows = counts.values().stream().mapToLong(Long::longValue).sum();
            LOG.info("Database rewritten with a new key: {} tables, {} rows verified", counts.size(), rows);
            return new Result(file, backup, rows, counts.size(), plainBackups(file));
        } catch (IOException e) {
            throw new IllegalStateException("Krypteringen misslyckades (" + e.getMessage() + "); filen har inte ändrats.", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("Could not remove the temporary copy", e);
            }
        }
    }

    private static Map<String, Long> rowCounts(Database db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : db.dsl().fetch("SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%' ORDER BY name").getValues(0, String.class)) {
            Object n = db.dsl().fetchValue("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"");
            counts.put(table, ((Number) n).longValue());
        }
        return counts;
    }

    /** Reads the new file back with the new key: it must be encrypted, intact and hold every row of the old one. */
    private static void verify(Path tmp, Passphrase key, Map<String, Long> expected) {
        Database.Inspection inspection = Database.inspect(tmp, key);
        if (!inspection.encrypted()) {
            throw new IllegalStateException("Kopian blev inte krypterad; filen har inte ändrats.");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setHexKeyMode(SQLiteConfig.HexKeyMode.SSE);
        config.setPragma(SQLiteConfig.Pragma.PASSWORD, key.hex());
        try (Connection c = config.createConnection("jdbc:sqlite:" + tmp); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                if (!rs.next() || !"ok".equals(rs.getString(1))) {
                    throw new IllegalStateException("Den krypterade kopian klarade inte integritetskontrollen; "
                            + "filen har inte ändrats.");
                }
            }
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + e.getKey().replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    if (rs.getLong(1) != e.getValue()) {
                        throw new IllegalStateException("Den krypterade kopian saknar rader; filen har inte ändrats.");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Den krypterade kopian kunde inte läsas tillbaka; filen har inte ändrats.", e);
        }
    }

    private static List<Path> plainBackups(Path file) throws IOException {
        List<Path> plain = new ArrayList<>();
        String prefix = file.getFileName() + ".backup-";
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                if (isPlainSqlite(p)) {
                    plain.add(p);
                }
            }
        }
        return plain;
    }

    static boolean isPlainSqlite(Path p) throws IOException {
        byte[] head = new byte[16];
        try (var in = Files.newInputStream(p)) {
            return in.readNBytes(head, 0, 16) == 16
                    && new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("SQLite format 3\0");
        }
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself
        }
    }

    private static void pause(String step) {
        if (step.equals(System.getProperty(PAUSE_PROPERTY))) {
            System.out.println("PAUSED " + step);
            System.out.flush();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
