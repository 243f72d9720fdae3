package se.kvalitetshjulet.ui.common;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs database and file work off the FX thread and delivers the outcome on it. View models
 * get it injected; tests inject {@link SyncTaskRunner} (same thread) or a {@link ThreadedTaskRunner} (real
 * threads, where ordering matters). One status (running, progress, message) is shared by the shell's status
 * bar, with a cancel button. Called on the FX thread only; read what the work needs from properties <em>before</em>
 * handing it over (a snapshot), never inside the work.
 */
public interface TaskRunner {
    /** Work that may report progress and be cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** One task handed over: cancel it alone (the outcome then arrives as a {@code CancellationException}). */
    interface Handle {
        void cancel();

        boolean isDone();
    }

    <T> Handle run(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * "Latest wins" per {@code key}: a newer call with the same key supersedes an older task that has not finished;
     * the older one sees {@link Progress#isCancelled()} and its outcome (success or failure) is never delivered.
     * For searches and loads that the user's typing and clicking fire one after another.
     */
    <T> Handle runLatest(Object key, String description, Work<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure);

    ReadOnlyBooleanProperty runningProperty();

    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    /** Cancels the running work (if it checks {@link Progress#isCancelled()}). */
    void cancel();

    /**
     * h6: hands {@code news} that arrived on another thread (a kept offline draft was sent) to the UI thread; runs it
     * at once when called there. This runner's default (and {@link SyncTaskRunner}'s): on the calling thread.
     */
    default void onUiThread(Runnable news) {
        news.run();
    }
}
