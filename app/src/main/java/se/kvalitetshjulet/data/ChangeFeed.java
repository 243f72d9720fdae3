package se.kvalitetshjulet.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells subscribers which tables others (and this program) have changed, so that open screens can reload
 * (decision 0030). One daemon thread per open database, started on the first subscription, on a connection of its
 * own (never a pooled one):
 * <ul>
 * <li>PostgreSQL: {@code LISTEN kvh_change}; the statement-level triggers of {@code db/postgresql/V23} send the table's
 * name as the only payload. Notifications that arrive within {@link #SETTLE} of each other are published as one.</li>
 * <li>SQLite: every {@code interval} {@code PRAGMA data_version} says whether another connection (another window,
 * another process, this program's own pool) committed; the audit rows written since then say which tables (every
 * write has its audit row in the same transaction, decision 8). A commit without an audit row publishes nothing.</li>
 * </ul>
 * A lost connection (server restarted, network gone) is retried with a backoff of 1 s doubling to 30 s; subscribers
 * hear {@link #CONNECTION_RESTORED} once it is back, since changes made meanwhile were not announced.
 *
 * <p>This is the one thread of the data layer: the UI's threads are only {@code ThreadedTaskRunner}'s
 * ({@code LayerTest.featureScreensStartNoThreadsOfTheirOwn}); subscribers are called on this thread and hand over to
 * their own.
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    /** The PostgreSQL notification channel. */
    public static final String CHANNEL = "kvh_change";
    /** Published (as a table name) when the connection is back after a loss: anything may have changed. */
    public static final String CONNECTION_RESTORED = "*";
    static final Duration SETTLE = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Database db;
    private final Duration interval;
    private final List<Consumer<Set<String>>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Runnable> connectedTicks = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private Thread thread;
    private volatile Connection connection;

    /** For {@code db}; SQLite polls every {@code interval}, PostgreSQL waits at most that long per round. */
    public ChangeFeed(Database db, Duration interval) {
        this.db = db;
        this.interval = interval;
    }

    /**
     * {@code subscriber} hears the names of changed tables (on the feed's thread); the returned handle ends that.
     * Starts the feed on the first call.
     */
    /** How many subscribers the feed has now (an open window that ended its watch is not one of them). */
    public int subscribers() {
        return subscribers.size();
    }

    public synchronized Runnable subscribe(Consumer<Set<String>> subscriber) {
        if (closed) {
            throw new IllegalStateException("The change feed is closed");
        }
        subscribers.add(subscriber);
        start();
        return () -> subscribers.remove(subscriber);
    }

    /**
     * h6: {@code tick} runs on the feed's thread after every round in which the feed's connection answered (about
     * every {@code interval}), so that work which needs the server (kept offline drafts) can retry while it is
     * reachable, not only at the one "connected again" (a send that failed at that moment is tried again). Starts the
     * feed; the returned handle ends it.
     */
    public synchronized Runnable whileConnected(Runnable tick) {
        if (closed) {
            throw new IllegalStateException("The change feed is closed");
        }
        connectedTicks.add(tick);
        start();
        return () -> connectedTicks.remove(tick);
    }

    private void start() {
        if (thread == null) {
            thread = new Thread(this::run, "kvalitetshjulet-changes");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops the thread and closes its connection; the database itself stays open. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            closeQuietly(connection);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean stopped() {
        return closed || db.closed() || Thread.currentThread().isInterrupted();
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        boolean lost = false;
        while (!stopped()) {
            Watch watch = db.engine().isServer() ? new Listen() : new Poll();
            try (Connection c = db.ownConnection()) {
                connection = c;
                watch.open(c);
                if (lost) {
                    LOG.info("Change feed connected again");
                    publish(Set.of(CONNECTION_RESTORED));
                    lost = false;
                }
                backoff = Duration.ofSeconds(1);
                while (!stopped()) {
                    Set<String> changed = watch.next(c);
                    if (!changed.isEmpty() && !stopped()) {
                        publish(changed);
                    }
                    if (!stopped()) {
                        tick();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped()) {
                    break;
                }
                if (!lost) {
                    LOG.info("Change feed lost its connection ({}); retrying", e.getClass().getSimpleName());
                }
                lost = true;
                if (!sleep(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (InterruptedException e) {
                break;
            } finally {
                connection = null;
            }
        }
    }

    private void publish(Set<String> tables) {
        Set<String> view = Set.copyOf(tables);
        for (Consumer<Set<String>> s : subscribers) {
            try {
                s.accept(view);
            } catch (RuntimeException e) {
                LOG.warn("A change subscriber failed", e);
            }
        }
    }

    private void tick() {
        for (Runnable t : connectedTicks) {
            try {
                t.run();
            } catch (RuntimeException e) {
                LOG.warn("A connected-tick failed ({})", e.getClass().getSimpleName());
            }
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException e) {
                // closing to stop the wait; nothing to do
            }
        }
    }

    /** One engine's way of waiting for changes on the feed's own connection. */
    private interface Watch {
        void open(Connection c) throws SQLException;

        /** The tables changed since the last call; waits up to about {@code interval}. */
        Set<String> next(Connection c) throws SQLException, InterruptedException;
    }

    private final class Listen implements Watch {
        @Override
        public void open(Connection c) throws SQLException {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
            }
        }

        @Override
        public Set<String> next(Connection c) throws SQLException {
            PGConnection pg = c.unwrap(PGConnection.class);
            Set<String> out = new TreeSet<>();
            collect(pg.getNotifications((int) Math.max(1, interval.toMillis())), out);
            if (!out.isEmpty()) {
                // a save writes several tables in a row, others may save at the same moment: publish them together
                long until = System.nanoTime() + SETTLE.toNanos();
                while (System.nanoTime() < until && collect(pg.getNotifications((int) SETTLE.toMillis()), out)) {
                    // keep collecting
                }
            } else if (!c.isValid(5)) {
                throw new SQLException("The change feed's connection is gone", "08006");
            }
            return out;
        }

        private boolean collect(PGNotification[] notes, Set<String> out) {
            if (notes == null || notes.length == 0) {
                return false;
            }
            for (PGNotification n : notes) {
                if (CHANNEL.equals(n.getName()) && n.getParameter() != null && TABLE.matcher(n.getParameter()).matches()) {
                    out.add(n.getParameter());
                }
            }
            return true;
        }
    }

    private final class Poll implements Watch {
        private long dataVersion;
        private long lastAudit;

        @Override
        public void open(Connection c) throws SQLException {
            dataVersion = dataVersion(c);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM audit_log")) {
                rs.next();
                lastAudit = rs.getLong(1);
            }
        }

        @Override
        public Set<String> next(Connection c) throws SQLException, InterruptedException {
            Thread.sleep(interval.toMillis());
            long now = dataVersion(c);
            if (now == dataVersion) {
                return Set.of();
            }
            dataVersion = now;
            Set<String> out = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT max(id), entity FROM audit_log WHERE id > ? GROUP BY entity")) {
                ps.setLong(1, lastAudit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lastAudit = Math.max(lastAudit, rs.getLong(1));
                        String entity = rs.getString(2);
                        if (entity != null && TABLE.matcher(entity).matches()) {
                            out.add(entity);
                        }
                    }
                }
            }
            return out;
        }

        private static long dataVersion(Connection c) throws SQLException {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA data_version")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
