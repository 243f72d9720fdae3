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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import se.kvalitetshjulet.domain.backup.BackupFile;
import se.kvalitetshjulet.domain.backup.BackupKind;
import se.kvalitetshjulet.domain.backup.BackupPolicy;
import se.kvalitetshjulet.domain.backup.BackupRotation;

/**
 * The one place that makes, lists and restores backups of a database file (decision 11). A backup is a complete
 * SQLite file beside the database, named {@code <db>.backup-yyyyMMdd-HHmmss[-kind]} ({@link BackupKind}); it is written under a
 * {@code .partial} name and renamed only when SQLite's integrity check passes, so a backup that failed (a full disk)
 * never leaves a file with a backup's name and never counts among the kept ones. Which are kept is
 * {@link BackupRotation} under the database's {@link BackupPolicy} (settings {@value #KEEP_DAILY},
 * {@value #KEEP_WEEKLY}, {@value #KEEP_OTHER}; decision 0020).
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    /** Backups of the kinds other than daily kept beside a database by default; see {@link BackupPolicy}. */
    public static final int KEPT = BackupPolicy.DEFAULT.other();
    /** The settings (table {@code app_setting}) that hold the database's {@link BackupPolicy}. */
    public static final String KEEP_DAILY = "backup.keep.daily";
    public static final String KEEP_WEEKLY = "backup.keep.weekly";
    public static final String KEEP_OTHER = "backup.keep.other";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String PARTIAL = ".partial";

    private Backups() {
    }

    /** What a restore did: the backup put in place and where the file it replaced was kept. */
    public record Restored(Path restoredFrom, Path previousKeptAs) {
    }

    private static Pattern namePattern(Path db) {
        return Pattern.compile(Pattern.quote(db.getFileName().toString()) + "\\.backup-(\\d{8}-\\d{6})(?:-("
                + BackupKind.tagPattern() + "))?(-\\d+)?");
    }

    /** The backups of {@code db}, newest first. */
    public static List<BackupFile> list(Path db) {
        Path abs = db.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        Pattern name = namePattern(abs);
        List<BackupFile> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = name.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    try {
                        found.add(new BackupFile(p, LocalDateTime.parse(m.group(1), STAMP), Files.size(p),
                                BackupKind.ofTag(m.group(2))));
                    } catch (DateTimeParseException | IOException e) {
                        LOG.debug("Not a backup: {}", p, e);
                    }
                }
            }
        } catch (IOException e) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN, "Mappen " + dir
                    + " kunde inte läsas. Kontrollera att du har läsrättighet där.", e);
        }
        found.sort(Comparator.comparing(BackupFile::taken).thenComparing(BackupFile::name).reversed());
        return found;
    }

    /**
     * Writes a backup of the open database (SQLite's online backup, so a running program's latest commit is in it)
     * and prunes what the database's {@link BackupPolicy} no longer keeps.
     *
     * @param connection a connection to {@code db}
     * @return the backup file
     * @throws DatabaseRefusedException when the backup cannot be written (full disk, read-only folder); no file with
     *         a backup's name is left behind
     */
    static Path create(Connection connection, Path db) {
        return create(connection, db, null);
    }

    /** As {@link #create(Connection, Path)}; with a key the backup is encrypted like the database (decision 0013). */
    static Path create(Connection connection, Path db, Passphrase key) {
        return create(connection, db, key, BackupKind.MANUAL, LocalDateTime.now());
    }

    /**
     * As {@link #create(Connection, Path, Passphrase)}, of a given kind, named with the time {@code now} (the
     * caller's clock).
     */
    static Path create(Connection connection, Path db, Passphrase key, BackupKind kind, LocalDateTime now) {
        Path abs = db.toAbsolutePath().normalize();
        Path target = freeName(abs, kind, now);
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        try {
            try (Statement st = connection.createStatement()) {
                if (key != null) {
                    Files.deleteIfExists(partial);
                    st.executeUpdate(Database.vacuumInto(partial, key));
                } else {
                    st.executeUpdate("backup to '" + partial.toString().replace("'", "''") + "'");
                }
            }
            FilePermissions.ownerOnly(partial);
            List<String> problems = integrity(partial, true, key);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the new backup fails its integrity check: " + problems);
            }
            fsync(partial);
            move(partial, target);
            LOG.info("Backed up the database ({}, {})", kind, key != null ? "encrypted" : "plain");
        } catch (SQLException | IOException | RuntimeException e) {
            deleteQuietly(partial);
            LOG.warn("Backup of {} failed", abs, e);
            // the source is open and sound (quick_check at open), so an I/O error here is writing the copy
            if (DatabaseProblems.diskFull(e) || DatabaseProblems.sqliteCode(e).startsWith("SQLITE_IOERR")) {
                throw new DatabaseRefusedException(DatabaseRefusedException.Reason.DISK_FULL, "Säkerhetskopian av "
                        + abs.getFileName() + " kunde inte skrivas eftersom disken är full eller inte går att skriva "
                        + "till. Databasen har inte ändrats "
                        + "och ingen ofullständig kopia finns kvar. Frigör utrymme och försök igen.", e);
            }
            if (DatabaseProblems.readOnly(e) || e instanceof java.nio.file.AccessDeniedException) {
                throw new DatabaseRefusedException(DatabaseRefusedException.Reason.READ_ONLY, "Säkerhetskopian av "
                        + abs.getFileName() + " kunde inte skrivas eftersom mappen " + abs.getParent()
                        + " är skrivskyddad. Databasen har inte ändrats.", e);
            }
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN, "Säkerhetskopian av "
                    + abs.getFileName() + " kunde inte skrivas. Databasen har inte ändrats och ingen ofullständig "
                    + "kopia finns kvar. Detaljer finns i loggen.", e);
        }
        prune(abs, policy(connection));
        return target;
    }

    /**
     * Puts {@code backup} in place of {@code db}, all or nothing: the backup must pass SQLite's full integrity
     * check and be a Kvalitetshjulet database this version can open; the current file (damaged or not) is first
     * kept as a backup of its own; the backup is copied to a temporary file beside the database, checked again and
     * renamed over it in one step.
     *
     * @throws DatabaseRefusedException when the backup is not usable or the database is in use; nothing changed then
     */
    public static Restored restore(Path db, Path backup) {
        return restore(db, backup, null);
    }

    /** As {@link #restore(Path, Path)} for an encrypted database: the backup must open with the same passphrase. */
    public static Restored restore(Path db, Path backup, Passphrase key) {
        Path abs = db.toAbsolutePath().normalize();
        Path from = backup.toAbsolutePath().normalize();
        if (!Files.isRegularFile(from)) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN, "Säkerhetskopian " + from
                    + " finns inte. Se vilka som finns med 'kvalitetshjulet backup list --db " + abs + "'.", null);
        }
        if (from.equals(abs)) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN,
                    "Säkerhetskopian och databasen är samma fil. Välj en säkerhetskopia.", null);
        }
        List<String> problems;
        try {
            Database.Inspection inspected = Database.inspect(from, key);
            if (key != null && !inspected.encrypted()) {
                key = null; // an older, plain backup of a database encrypted since
            }
            problems = integrity(from, false, key);
        } catch (DatabaseRefusedException e) {
            if (e.reason() != DatabaseRefusedException.Reason.DAMAGED) {
                throw new DatabaseRefusedException(e.reason(), "Säkerhetskopian kan inte återställas: "
                        + e.getMessage(), e);
            }
            problems = List.of(e.getMessage());
        }
        if (!problems.isEmpty()) {
            LOG.warn("Backup {} fails the integrity check: {}", from, problems);
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.DAMAGED, "Säkerhetskopian " + from
                    + " är själv skadad (integritetskontrollen hittade fel) och återställs "
                    + "inte. Databasen har inte ändrats. Välj en äldre säkerhetskopia.", null);
        }
        Path kept = null;
        Path tmp = abs.resolveSibling(abs.getFileName() + ".restore" + PARTIAL);
        try {
            if (Files.exists(abs)) {
                kept = keepCurrent(abs, key);
            }
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            FilePermissions.ownerOnly(tmp);
            fsync(tmp);
            List<String> again = integrity(tmp, true, key);
            if (!again.isEmpty()) {
                throw new IllegalStateException("the copied backup fails its integrity check: " + again);
            }
            Files.deleteIfExists(abs.resolveSibling(abs.getFileName() + "-wal"));
            Files.deleteIfExists(abs.resolveSibling(abs.getFileName() + "-shm"));
            move(tmp, abs);
        } catch (DatabaseRefusedException e) {
            deleteQuietly(tmp);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            String reason = DatabaseProblems.diskFull(e) ? "disken är full" : "kopieringen misslyckades";
            throw new DatabaseRefusedException(DatabaseProblems.diskFull(e) ? DatabaseRefusedException.Reason.DISK_FULL
                    : DatabaseRefusedException.Reason.CANNOT_OPEN, "Säkerhetskopian kunde inte återställas ("
                    + reason + "). Databasen " + abs + " har inte ändrats" + (kept != null ? "; den finns dessutom "
                    + "kvar som " + kept.getFileName() : "") + ". Frigör utrymme eller kontrollera behörigheten och "
                    + "försök igen.", e);
        }
        LOG.info("Restored the database from a backup (previous file kept: {})", kept != null);
        return new Restored(from, kept);
    }

    /** Copies the current file (and its unwritten WAL) aside under a backup name, holding SQLite's lock. */
    private static Path keepCurrent(Path db, Passphrase key) throws IOException {
        Path target = freeName(db, BackupKind.RESTORE, LocalDateTime.now());
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(0);
        if (key != null && Database.mayBeEncrypted(db)) {
            config.setHexKeyMode(SQLiteConfig.HexKeyMode.SSE);
            config.setPragma(SQLiteConfig.Pragma.PASSWORD, key.hex());
        }
        try (Connection c = config.createConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                st.execute("BEGIN EXCLUSIVE");
            } catch (SQLException e) {
                if (DatabaseProblems.busy(e)) {
                    throw DatabaseProblems.locked(db, e);
                }
                LOG.info("Current database {} cannot be locked before the restore (damaged?): {}", db, e.toString());
            }
            Files.copy(db, partial, StandardCopyOption.REPLACE_EXISTING);
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            if (Files.exists(wal) && Files.size(wal) > 0) {
                Files.copy(wal, partial.resolveSibling(target.getFileName() + "-wal"), StandardCopyOption.REPLACE_EXISTING);
            }
            FilePermissions.ownerOnly(partial);
            fsync(partial);
            move(partial, target);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw DatabaseProblems.refusal(db, e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        return target;
    }

    /**
     * SQLite's integrity check of a file, opened read-only.
     *
     * @param quick {@code PRAGMA quick_check} (no index contents) instead of the full {@code integrity_check}
     * @return the problems found, empty when the file is sound
     */
    static List<String> integrity(Path file, boolean quick) {
        return integrity(file, quick, null);
    }

    static List<String> integrity(Path file, boolean quick, Passphrase key) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        if (key != null) {
            config.setHexKeyMode(SQLiteConfig.HexKeyMode.SSE);
            config.setPragma(SQLiteConfig.Pragma.PASSWORD, key.hex());
        }
        List<String> problems = new ArrayList<>();
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        Path shm = file.resolveSibling(file.getFileName() + "-shm");
        boolean hadWal = Files.exists(wal);
        boolean hadShm = Files.exists(shm);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(quick ? "PRAGMA quick_check(20)" : "PRAGMA integrity_check(20)")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    problems.add(line);
                }
            }
        } catch (SQLException e) {
            problems.add(e.getMessage());
        }
        // A read-only look at a WAL file leaves an empty -wal and an -shm behind: remove what the check made
        try {
            if (!hadWal && Files.exists(wal) && Files.size(wal) == 0) {
                Files.deleteIfExists(wal);
            }
            if (!hadShm && !Files.exists(wal)) {
                Files.deleteIfExists(shm);
            }
        } catch (IOException e) {
            LOG.debug("Could not remove the check's -wal/-shm", e);
        }
        return problems;
    }

    /** A backup name that is not taken yet (a -2, -3 … suffix when two backups fall in the same second). */
    static Path freeName(Path db, BackupKind kind, LocalDateTime now) {
        String base = db.getFileName() + ".backup-" + now.format(STAMP) + kind.tag().map(t -> "-" + t).orElse("");
        Path target = db.resolveSibling(base);
        for (int i = 2; Files.exists(target) || Files.exists(target.resolveSibling(base + PARTIAL)); i++) {
            target = db.resolveSibling(base + "-" + i);
        }
        return target;
    }

    /**
     * The database's backup policy from its settings (read on the connection that is being backed up); the default
     * for a missing, unreadable or out-of-range value, and for a database without the settings table yet.
     */
    static BackupPolicy policy(Connection connection) {
        int daily = BackupPolicy.DEFAULT.daily();
        int weekly = BackupPolicy.DEFAULT.weekly();
        int other = BackupPolicy.DEFAULT.other();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT setting_key, setting_value FROM app_setting WHERE setting_key IN ('"
                     + KEEP_DAILY + "', '" + KEEP_WEEKLY + "', '" + KEEP_OTHER + "')")) {
            while (rs.next()) {
                int v;
                try {
                    v = Integer.parseInt(rs.getString(2).strip());
                } catch (RuntimeException e) {
                    continue;
                }
                switch (rs.getString(1)) {
                    case KEEP_DAILY -> daily = v;
                    case KEEP_WEEKLY -> weekly = v;
                    default -> other = v;
                }
            }
        } catch (SQLException e) {
            LOG.debug("No backup policy stored (settings not readable): the default applies");
            return BackupPolicy.DEFAULT;
        }
        BackupPolicy stored = new BackupPolicy(daily, weekly, other);
        return stored.problems().isEmpty() ? stored : BackupPolicy.DEFAULT;
    }

    private static void prune(Path db, BackupPolicy policy) {
        for (BackupFile old : BackupRotation.toDelete(list(db), policy)) {
            deleteQuietly(old.file());
            deleteQuietly(old.file().resolveSibling(old.file().getFileName() + "-wal"));
        }
        try (Stream<Path> files = Files.list(db.getParent())) {
            String prefix = db.getFileName() + ".backup-";
            files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().contains(PARTIAL)).forEach(Backups::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Could not clean partial backups of {}", db, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", p, e);
        }
    }
}
