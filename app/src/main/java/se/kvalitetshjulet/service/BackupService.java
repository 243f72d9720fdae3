package se.kvalitetshjulet.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.kvalitetshjulet.data.Backups;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.backup.BackupFile;
import se.kvalitetshjulet.domain.backup.BackupKind;
import se.kvalitetshjulet.domain.backup.BackupPolicy;
import se.kvalitetshjulet.domain.backup.BackupRotation;

/**
 * The backups of the open database file for the app (decision 0020): the list, a backup now, the automatic daily
 * backup (at most one a day, of a database that passed its check at open, encrypted like it), how many are kept,
 * and a restore that closes the database, puts the backup in place and opens the file again. Every file is made by
 * {@link Backups}, the one place that writes backups.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    private final Database db;
    private final SettingsRepository settings;
    private final AuditTrail audit;
    private final Clock clock;

    public BackupService(Database db, SettingsRepository settings, AuditTrail audit, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this database has backups the app makes: a writable file, not a server database. */
    public boolean available() {
        return db.file() != null && !db.readOnly();
    }

    /** The folder the backups are in (beside the database). */
    public Path folder() {
        return db.file().toAbsolutePath().getParent();
    }

    /** Whether the database (and so every backup the app makes of it) is encrypted. */
    public boolean encrypted() {
        return db.encrypted();
    }

    /** The backups beside the database, newest first. */
    public List<BackupFile> list() {
        return available() ? Backups.list(db.file()) : List.of();
    }

    /** A manual backup now ("Ta säkerhetskopia nu"). */
    public BackupFile createNow() {
        return find(db.backupNow(BackupKind.MANUAL, LocalDateTime.now(clock)));
    }

    /**
     * Today's automatic backup, if it is due: none is made for a server or read-only database, for the demo, or when
     * a daily backup dated today is already there. The database passed SQLite's check when it was opened (a damaged
     * file is refused before this can run) and the new backup is checked before it gets its name.
     *
     * @return the backup made, or empty when none was due
     */
    public Optional<BackupFile> dailyIfDue() {
        if (!available() || settings.isDemo()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        if (!BackupRotation.dailyDue(Backups.list(db.file()), today)) {
            return Optional.empty();
        }
        Path made = db.backupNow(BackupKind.DAILY, LocalDateTime.now(clock));
        LOG.info("Daily backup made");
        return Optional.of(find(made));
    }

    /** How many backups are kept (the database's setting, or {@link BackupPolicy#DEFAULT}). */
    public BackupPolicy policy() {
        int daily = number(Backups.KEEP_DAILY, BackupPolicy.DEFAULT.daily());
        int weekly = number(Backups.KEEP_WEEKLY, BackupPolicy.DEFAULT.weekly());
        int other = number(Backups.KEEP_OTHER, BackupPolicy.DEFAULT.other());
        BackupPolicy stored = new BackupPolicy(daily, weekly, other);
        return stored.problems().isEmpty() ? stored : BackupPolicy.DEFAULT;
    }

    /**
     * Stores how many backups are kept, with its audit row, in one transaction. Takes effect at the next backup (none
     * is deleted now).
     */
    public SaveResult<BackupPolicy> savePolicy(BackupPolicy policy) {
        List<Problem> problems = policy.problems();
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        BackupPolicy before = policy();
        if (before.equals(policy)) {
            return SaveResult.saved(policy);
        }
        db.txRun(tx -> {
            settings.put(tx, Backups.KEEP_DAILY, Integer.toString(policy.daily()));
            settings.put(tx, Backups.KEEP_WEEKLY, Integer.toString(policy.weekly()));
            settings.put(tx, Backups.KEEP_OTHER, Integer.toString(policy.other()));
            audit.appendMaps(tx, "app_setting", 0, se.kvalitetshjulet.domain.audit.AuditAction.UPDATE, image(before), image(policy), null);
        });
        return SaveResult.saved(policy());
    }

    /** What a restore did; {@code reopened} is the database open again (restored, or as it was when it failed). */
    public record RestoreOutcome(Database reopened, String restoredFrom, String previousKeptAs, RuntimeException failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * Closes the database, restores {@code backup} over it ({@link Backups#restore}: the backup is checked first, the
     * current file kept as a backup of its own, all or nothing) and opens the file again. When the restore is refused
     * the file is as it was and is opened again the same. Whoever holds this service must use
     * {@link RestoreOutcome#reopened()} from now on; this service's database is closed.
     */
    public RestoreOutcome restoreAndReopen(BackupFile backup) {
        Backups.Restored restored;
        try {
            restored = db.closeAndRestore(backup.file());
        } catch (RuntimeException e) {
            LOG.warn("Restore refused ({})", e.getClass().getSimpleName());
            return new RestoreOutcome(db.reopen(), null, null, e);
        }
        Database again = db.reopen();
        return new RestoreOutcome(again, restored.restoredFrom().getFileName().toString(),
                restored.previousKeptAs() == null ? null : restored.previousKeptAs().getFileName().toString(), null);
    }

    private BackupFile find(Path made) {
        return Backups.list(db.file()).stream().filter(b -> b.file().equals(made)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the new backup is not listed: " + made.getFileName()));
    }

    private int number(String key, int fallback) {
        return settings.get(key).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    private static Map<String, Object> image(BackupPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backup_keep_daily", p.daily());
        m.put("backup_keep_weekly", p.weekly());
        m.put("backup_keep_other", p.other());
        return m;
    }
}
