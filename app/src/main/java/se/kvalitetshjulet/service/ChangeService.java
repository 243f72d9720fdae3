package se.kvalitetshjulet.service;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import se.kvalitetshjulet.data.ChangeFeed;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.change.ChangeTopic;

/**
 * Others' changes, by topic (decision 0030): a screen watches the topics it shows and reloads when one of them
 * changed. Over {@link ChangeFeed} (LISTEN/NOTIFY on a server, polling of a file); nothing runs until the first
 * {@link #watch}.
 */
public final class ChangeService implements AutoCloseable {
    /** How often a file is polled (and how long a server round waits). */
    public static final Duration INTERVAL = Duration.ofSeconds(2);

    private final Database db;
    private final Duration interval;
    private ChangeFeed feed;

    public ChangeService(Database db) {
        this(db, INTERVAL);
    }

    public ChangeService(Database db, Duration interval) {
        this.db = db;
        this.interval = interval;
    }

    /** An end to one {@link #watch}. */
    @FunctionalInterface
    public interface Watching extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Calls {@code onChange} with the topics of {@code topics} that changed, on the feed's thread (hand it over to
     * the UI thread yourself). After a lost connection comes back every watched topic counts as changed.
     */
    public synchronized Watching watch(Set<ChangeTopic> topics, java.util.function.Consumer<Set<ChangeTopic>> onChange) {
        if (feed == null) {
            feed = new ChangeFeed(db, interval);
        }
        Set<ChangeTopic> wanted = topics.isEmpty() ? EnumSet.noneOf(ChangeTopic.class) : EnumSet.copyOf(topics);
        java.util.concurrent.atomic.AtomicBoolean active = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable end = feed.subscribe(tables -> {
            if (!active.get()) {
                return; // ended while the feed was publishing
            }
            Set<ChangeTopic> hit = tables.contains(ChangeFeed.CONNECTION_RESTORED) ? EnumSet.copyOf(wanted)
                    : ChangeTopic.of(tables);
            hit.retainAll(wanted);
            if (!hit.isEmpty()) {
                onChange.accept(hit);
            }
        });
        return () -> {
            active.set(false);
            end.run();
        };
    }

    /**
     * h6: runs {@code tick} on the feed's thread about every {@link #INTERVAL} while the database answers (see
     * {@link ChangeFeed#whileConnected}).
     */
    public synchronized Watching whileConnected(Runnable tick) {
        if (feed == null) {
            feed = new ChangeFeed(db, interval);
        }
        Runnable end = feed.whileConnected(tick);
        return end::run;
    }

    /** How many watches are active (windows and services listening for others' changes). */
    public synchronized int watchers() {
        return feed == null ? 0 : feed.subscribers();
    }

    @Override
    public synchronized void close() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }
}
