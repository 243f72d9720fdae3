package se.kvalitetshjulet.ui.common;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the application's threads meet: work runs on a small pool of worker threads, and every
 * outcome (result, failure, progress, the status properties) is handed to the UI thread through {@code ui}.
 * Without the JavaFX toolkit: {@link FxTaskRunner} gives it {@code Platform::runLater}, tests give it a plain
 * executor thread, so the ordering of real threads can be tested.
 *
 * <p>Rules: {@link #run} and {@link #runLatest} are called on the UI thread; each task gets its own {@link Handle};
 * a task superseded by a newer one with the same key ({@link #runLatest}) is told to stop and its outcome is never
 * delivered. A superseded task is not interrupted (it may hold a database connection), it only sees
 * {@link Progress#isCancelled()}; a task the user cancels is interrupted, as before.
 */
public class ThreadedTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadedTaskRunner.class);

    private final java.util.concurrent.Executor workers;
    private final java.util.concurrent.Executor ui;
    private final BooleanSupplier onUiThread;
    private final boolean ownsWorkers;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicInteger active = new AtomicInteger();
    private final Map<Object, Job<?>> latest = new ConcurrentHashMap<>();
    /** The most recently started task still running: the one the status bar shows and its Cancel button stops. */
    private final AtomicReference<Job<?>> shown = new AtomicReference<>();

    /** Two daemon worker threads; outcomes go to {@code ui}. */
    public ThreadedTaskRunner(java.util.concurrent.Executor ui, BooleanSupplier onUiThread) {
        this(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "kvalitetshjulet-worker");
            t.setDaemon(true);
            return t;
        }), true, ui, onUiThread);
    }

    /** With the caller's worker threads (tests that decide the order in which work finishes). */
    public ThreadedTaskRunner(java.util.concurrent.Executor workers, java.util.concurrent.Executor ui,
            BooleanSupplier onUiThread) {
        this(workers, false, ui, onUiThread);
    }

    private ThreadedTaskRunner(java.util.concurrent.Executor workers, boolean ownsWorkers, java.util.concurrent.Executor ui,
            BooleanSupplier onUiThread) {
        this.workers = workers;
        this.ownsWorkers = ownsWorkers;
        this.ui = ui;
        this.onUiThread = onUiThread;
    }

    @Override
    public void onUiThread(Runnable news) {
        if (onUiThread.getAsBoolean()) {
            news.run();
        } else {
            ui.execute(news);
        }
    }

    @Override
    public <T> Handle run(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return start(null, description, work, onSuccess, onFailure);
    }

    @Override
    public <T> Handle runLatest(Object key, String description, Work<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        if (key == null) {
            throw new IllegalArgumentException("key");
        }
        return start(key, description, work, onSuccess, onFailure);
    }

    private <T> Handle start(Object key, String description, Work<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        Job<T> job = new Job<>(key, description, onSuccess, onFailure);
        if (key != null) {
            Job<?> older = latest.put(key, job);
            if (older != null) {
                older.superseded = true;
            }
        }
        active.incrementAndGet();
        shown.set(job);
        onUi(() -> {
            running.set(true);
            if (shown.get() == job) {
                progress.set(-1);
                message.set(description);
            }
        });
        workers.execute(() -> execute(job, work));
        return job;
    }

    private <T> void execute(Job<T> job, Work<T> work) {
        T result;
        try {
            if (!job.begin()) {
                throw new CancellationException();
            }
            result = work.run(job);
        } catch (Throwable t) {
            job.end();
            ui.execute(() -> fail(job, t));
            return;
        }
        job.end();
        ui.execute(() -> succeed(job, result));
    }

    private <T> void succeed(Job<T> job, T result) {
        finished(job);
        if (job.superseded) {
            return;
        }
        if (job.cancelled) {
            job.onFailure.accept(new CancellationException());
            return;
        }
        job.onSuccess.accept(result);
    }

    private void fail(Job<?> job, Throwable t) {
        finished(job);
        if (job.superseded) {
            return;
        }
        if (job.cancelled || t instanceof CancellationException || t instanceof InterruptedException) {
            job.onFailure.accept(t instanceof CancellationException c ? c : new CancellationException());
            return;
        }
        LOG.warn("Background work failed: {}", job.description, t);
        job.onFailure.accept(t);
    }

    /** On the UI thread. */
    private void finished(Job<?> job) {
        job.done = true;
        if (job.key != null) {
            latest.remove(job.key, job);
        }
        shown.compareAndSet(job, null);
        if (active.decrementAndGet() == 0) {
            running.set(false);
            progress.set(0);
            message.set("");
        }
    }

    private void onUi(Runnable r) {
        if (onUiThread.getAsBoolean()) {
            r.run();
        } else {
            ui.execute(r);
        }
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public void cancel() {
        Job<?> job = shown.get();
        if (job != null) {
            job.cancel();
        }
    }

    /**
     * Lets work already handed over finish (a draft being saved as the window closes must reach the
     * database), waiting at most ten seconds, then stops the workers.
     */
    @Override
    public void close() {
        if (!ownsWorkers || !(workers instanceof ExecutorService pool)) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit; stopping it");
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    /** One submitted task: its own cancel, its own progress. */
    private final class Job<T> implements Handle, Progress {
        final Object key;
        final String description;
        final Consumer<T> onSuccess;
        final Consumer<Throwable> onFailure;
        volatile boolean cancelled;
        volatile boolean superseded;
        volatile boolean done;
        /** The worker thread while the work runs (guarded by this). */
        private Thread thread;
        /** Progress updates are coalesced: at most one waits for the UI thread at a time. */
        private final AtomicReference<Object[]> pending = new AtomicReference<>();

        Job(Object key, String description, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            this.key = key;
            this.description = description;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        boolean stopped() {
            return cancelled || superseded;
        }

        /** On the worker, before the work: false when it was stopped before it began. */
        synchronized boolean begin() {
            thread = Thread.currentThread();
            return !stopped();
        }

        /** On the worker, after the work: an interrupt meant for this task must not reach the next one. */
        synchronized void end() {
            thread = null;
            Thread.interrupted();
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            if (thread != null) {
                thread.interrupt();
            }
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public void update(double fraction, String msg) {
            if (pending.getAndSet(new Object[] {fraction, msg}) == null) {
                ui.execute(() -> {
                    Object[] last = pending.getAndSet(null);
                    if (last != null && shown.get() == this) {
                        progress.set((Double) last[0]);
                        if (last[1] != null) {
                            message.set((String) last[1]);
                        }
                    }
                });
            }
        }

        @Override
        public boolean isCancelled() {
            return stopped() || Thread.currentThread().isInterrupted();
        }
    }
}
