package se.kvalitetshjulet.data;

/**
 * The database file was refused before anything was written to it: it is not a
 * SQLite database, not a Kvalitetshjulet database, or written by a newer version.
 * The message is Swedish and tells the user what to do.
 */
public class DatabaseRefusedException extends RuntimeException {
    public enum Reason { NOT_A_DATABASE, FOREIGN_DATABASE, NEWER_VERSION, CANNOT_OPEN,
        /** A server database that {@code server init} has not set up (or upgraded) yet. */
        NOT_INITIALISED }

    private final Reason reason;

    public DatabaseRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
