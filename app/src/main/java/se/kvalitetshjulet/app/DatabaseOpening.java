package se.kvalitetshjulet.app;

import java.nio.file.Path;
import java.time.Clock;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.DatabaseRefusedException;
import se.kvalitetshjulet.data.ServerUrl;
import se.kvalitetshjulet.domain.Passphrase;

/**
 * How the window opens a database: a file (with its passphrase) or a server address, and the refusals the window
 * answers with a question instead of an error (a passphrase that is missing or wrong). The shell uses this and
 * {@link AppContext}; it never sees the data layer.
 */
public final class DatabaseOpening {
    private DatabaseOpening() {
    }

    /** Why a database was not opened, as far as the window acts on it. */
    public enum RefusalKind { PASSPHRASE_WRONG, PASSPHRASE_MISSING, NOT_A_DATABASE, OTHER,
        /** h5: a server login that needs a password none was found for (the window asks). */
        PASSWORD_MISSING,
        /** h5: the server refused the password (the window asks again). */
        PASSWORD_WRONG }

    /** The database was refused untouched; the message says why in Swedish and what to do. */
    public static final class Refused extends RuntimeException {
        private final RefusalKind kind;
        private final String reason;

        Refused(DatabaseRefusedException cause) {
            super(cause.getMessage(), cause);
            this.reason = cause.reason().name();
            this.kind = switch (cause.reason()) {
                case PASSPHRASE_WRONG -> RefusalKind.PASSPHRASE_WRONG;
                case PASSPHRASE_MISSING -> RefusalKind.PASSPHRASE_MISSING;
                case NOT_A_DATABASE -> RefusalKind.NOT_A_DATABASE;
                case PASSWORD_MISSING -> RefusalKind.PASSWORD_MISSING;
                case PASSWORD_WRONG -> RefusalKind.PASSWORD_WRONG;
                default -> RefusalKind.OTHER;
            };
        }

        public RefusalKind kind() {
            return kind;
        }

        /** The data layer's reason, for the log. */
        public String reason() {
            return reason;
        }
    }

    /** Opens (creating, migrating or refusing untouched) a database file. */
    public static AppContext openFile(Path file, Passphrase passphrase, Clock clock) {
        try {
            Database db = Database.open(file, passphrase);
            StartupPhases.mark(StartupPhases.DATABASE);
            AppContext ctx = new AppContext(db, clock);
            StartupPhases.mark(StartupPhases.CONTEXT);
            return ctx;
        } catch (DatabaseRefusedException e) {
            throw new Refused(e);
        }
    }

    /** Opens a förvaltning's server database (decision 10); the password comes from PGPASSWORD or ~/.pgpass. */
    public static AppContext openServer(String url, Clock clock) {
        try {
            return new AppContext(Database.open(url), clock);
        } catch (DatabaseRefusedException e) {
            throw new Refused(e);
        }
    }

    /**
     * h5: opens a server database with a password the user typed in the window ({@code null}: from PGPASSWORD or the
     * password file). The password stays in memory for this session's connections only; it is never stored or logged.
     */
    public static AppContext openServer(String url, String password, Clock clock) {
        if (password == null) {
            return openServer(url, clock);
        }
        try {
            return new AppContext(se.kvalitetshjulet.data.PostgresServer.open(ServerUrl.parse(url),
                    se.kvalitetshjulet.data.PostgresServer.Mode.USE, password), clock);
        } catch (DatabaseRefusedException e) {
            throw new Refused(e);
        }
    }

    /** h5: who logs in where, as the password question names it: {@code anna@kvh.example.se}. */
    public static String loginName(String url) {
        ServerUrl u = ServerUrl.parse(url);
        return u.user() + "@" + u.host();
    }

    public static boolean isServerAddress(String text) {
        return ServerUrl.isServerUrl(text);
    }

    /** Checks a server address; throws {@link IllegalArgumentException} with a Swedish message saying what is wrong. */
    public static void checkServerAddress(String text) {
        ServerUrl.parse(text);
    }

    /** Whether this build can encrypt (SQLite3 Multiple Ciphers compiled in, decision 0013). */
    public static boolean encryptionAvailable() {
        return Database.encryptionAvailable();
    }

    /** Whether an unreadable file could be an encrypted database (then the window asks for the passphrase). */
    public static boolean mayBeEncrypted(Path file) {
        return Database.mayBeEncrypted(file);
    }

    /** h5: what "Återställ …" did; {@code context} is the database open again (restored, or as it was). */
    public record Restore(AppContext context, String restoredFrom, String previousKeptAs, String refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    /**
     * h5: closes {@code current}'s database, restores {@code backup} over it (checked first, the current file kept as a
     * backup of its own, all or nothing) and opens the file again with the same passphrase (decision 0020). A refused
     * restore leaves the file as it was and opens it again; the refusal says why in Swedish.
     */
    public static Restore restoreAndReopen(AppContext current, se.kvalitetshjulet.domain.backup.BackupFile backup,
                                           Clock clock) {
        var outcome = current.backups().restoreAndReopen(backup);
        AppContext again = new AppContext(outcome.reopened(), clock);
        return new Restore(again, outcome.restoredFrom(), outcome.previousKeptAs(),
                outcome.ok() ? null : FailureMessages.explain(outcome.failure()));
    }
}
