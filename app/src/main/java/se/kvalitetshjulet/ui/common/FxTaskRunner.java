package se.kvalitetshjulet.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TaskRunner} on a small thread pool with {@link Task}; callbacks arrive on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "kvalitetshjulet-worker");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicInteger active = new AtomicInteger();
    private volatile Task<?> current;

    @Override
    public <T> void run(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(description);
                updateProgress(-1, 1);
                return work.run(new Progress() {
                    @Override
                    public void update(double fraction, String msg) {
                        updateProgress(fraction, 1.0);
                        if (msg != null) {
                            updateMessage(msg);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return Thread.currentThread().isInterrupted() || isCancelledTask();
                    }
                });
            }

            private boolean isCancelledTask() {
                return isCancelled();
            }
        };
        current = task;
        active.incrementAndGet();
        running.set(true);
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            LOG.warn("Background work failed: {}", description, task.getException());
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            finished();
            onFailure.accept(new CancellationException());
        });
        executor.submit(task);
    }

    private void finished() {
        if (active.decrementAndGet() == 0) {
            progress.unbind();
            message.unbind();
            running.set(false);
            progress.set(0);
            message.set("");
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
        Task<?> t = current;
        if (t != null) {
            t.cancel(true);
        }
    }

    /**
     * Lets work already handed over finish (a draft being saved as the window closes must reach the
     * database), waiting at most ten seconds, then stops the workers.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit; stopping it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
