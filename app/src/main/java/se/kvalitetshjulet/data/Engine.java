package se.kvalitetshjulet.data;

import java.sql.Connection;
import java.sql.SQLException;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;

/**
 * The one seam between the two database engines (decision 10). Everything that differs between the local SQLite
 * file and a förvaltning's PostgreSQL server is answered here; repositories and services have one code path and ask
 * the engine only for these few things. Opening, inspection/refusal, migration and backup are the engine's too
 * ({@link Database} for SQLite, {@link PostgresServer} for PostgreSQL).
 */
public interface Engine {
    /** The jOOQ dialect, chosen from what the user opened (a file path or a {@code postgresql://} address). */
    SQLDialect dialect();

    /** True for a shared server database (many people, roles and row-level security), false for a local file. */
    boolean isServer();

    /** What was opened, for titles and messages: the file path or the server address (never a password). */
    String describe();

    /** h5: what the person who opened it may do (a file: everything; a server login: its roles). */
    default se.kvalitetshjulet.domain.org.SessionAccess access() {
        return se.kvalitetshjulet.domain.org.SessionAccess.EVERYTHING;
    }

    /**
     * True when the database itself seals every audit row (decision 0029: PostgreSQL's trigger names the login, takes
     * the chain's lock, computes the hashes and moves the head); the client then only inserts the row's content.
     * False for the SQLite file, where {@code AuditTrail} computes the chain in the same transaction.
     */
    default boolean sealsAuditTrail() {
        return false;
    }

    /**
     * Case-insensitive "contains" for free-text search that folds å, ä, ö and the rest of Unicode (decision 7).
     * User-typed {@code %} and {@code _} match themselves.
     */
    Condition containsIgnoreCase(Field<String> field, String term);

    /** {@link #containsIgnoreCase} of the engine with {@code dialect} (for conditions built before a database is known). */
    static Condition containsIgnoreCase(SQLDialect dialect, Field<String> field, String term) {
        return dialect.family() == SQLDialect.POSTGRES ? PostgresServer.ilike(field, term)
                : SqliteEngine.unicodeContains(field, term);
    }

    /**
     * Prepares the connection of a large import of {@code rows} deviations into a register of {@code existing}
     * rows, inside the caller's transaction; {@link Bulk#finish} undoes it (also on failure).
     */
    Bulk beginBulkImport(Connection c, long rows, long existing) throws SQLException;

    /** What a bulk import changed on its connection, undone by {@link #finish}. */
    interface Bulk {
        /** Called after the rows are written (rebuilds what was dropped); {@code success} false on failure. */
        void finish(boolean success) throws SQLException;
    }
}
