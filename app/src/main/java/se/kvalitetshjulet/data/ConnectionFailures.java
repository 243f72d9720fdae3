package se.kvalitetshjulet.data;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** h5 (decision 0030): tells a lost or unreachable server from every other failure, for the offline drafts. */
public final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /**
     * True when {@code e} says the server could not be reached or dropped the connection (SQLSTATE class 08, the
     * server shutting down or terminating the session, 57P, the pool timing out, a socket error).
     */
    public static boolean lost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketException) {
                return true;
            }
            String state = t instanceof SQLException s ? s.getSQLState()
                    : t instanceof org.jooq.exception.DataAccessException d ? d.sqlState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** h6: the first SQLSTATE in {@code e}'s chain, or null. */
    private static String state(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String state = t instanceof SQLException s ? s.getSQLState()
                    : t instanceof org.jooq.exception.DataAccessException d ? d.sqlState() : null;
            if (state != null && !state.isBlank() && !"00000".equals(state)) {
                return state;
            }
        }
        return null;
    }

    /** h6: true when the database refused for want of a privilege or a row policy (SQLSTATE 42501). */
    public static boolean permissionDenied(Throwable e) {
        return "42501".equals(state(e));
    }

    /** h6: the exception classes of {@code e}'s chain and its SQLSTATE, for the log (never a message). */
    public static String reason(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(b.isEmpty() ? "" : " < ").append(t.getClass().getSimpleName());
        }
        String state = state(e);
        return state == null ? b.toString() : b + " " + state;
    }
}
