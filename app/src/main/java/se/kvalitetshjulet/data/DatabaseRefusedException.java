package se.kvalitetshjulet.data;

/**
 * The database file was refused before anything was written to it: it is not a
 * SQLite database, not a Kvalitetshjulet database, written by a newer version, damaged, locked by another
 * process, read-only or on a full disk ({@link DatabaseProblems} tells them apart).
 * The message is Swedish and tells the user what to do.
 */
public class DatabaseRefusedException extends RuntimeException {
    public enum Reason {
        NOT_A_DATABASE, FOREIGN_DATABASE, NEWER_VERSION, CANNOT_OPEN,
        /** The file is encrypted and no passphrase was given (decision 0013). */
        PASSPHRASE_MISSING,
        /** The passphrase does not open the file (or it is not a database at all). */
        PASSPHRASE_WRONG,
        /** The file is encrypted but this build has no encryption support. */
        ENCRYPTION_UNAVAILABLE,
        /** SQLite's integrity check found errors: restore a backup. */
        DAMAGED,
        /** Another process holds the write lock. */
        LOCKED,
        /** The file or its folder cannot be written. */
        READ_ONLY,
        /** The disk is full. */
        DISK_FULL,
        /** A server database that {@code server init} has not set up (or upgraded) yet. */
        NOT_INITIALISED,
        /** h5: the server asks for a password and none was found (PGPASSWORD, the password file) or given. */
        PASSWORD_MISSING,
        /** h5: the server refused the password (or the login) given. */
        PASSWORD_WRONG
    }

    private final Reason reason;

    public DatabaseRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
