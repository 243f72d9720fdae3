package se.kvalitetshjulet.data;

/**
 * A save was based on a version of the record that someone else has changed since (decision 10). Nothing was
 * written; {@link #currentVersion()} and the caller's fresh read tell what the other person changed.
 */
public final class StaleRecordException extends RuntimeException {
    private final String entity;
    private final long id;
    private final long expectedVersion;
    private final long currentVersion;

    public StaleRecordException(String entity, long id, long expectedVersion, long currentVersion) {
        super("Posten " + entity + " " + id + " har ändrats av någon annan (version " + currentVersion + ", du utgick från "
                + expectedVersion + "). Inget har sparats.");
        this.entity = entity;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public String entity() {
        return entity;
    }

    public long id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
