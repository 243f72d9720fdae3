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
}
