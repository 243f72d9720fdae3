package se.kvalitetshjulet.ui.common;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs database and file work off the FX thread and delivers the outcome on it. View models
 * get it injected; tests inject {@link SyncTaskRunner}. One status (running, progress,
 * message) is shared by the shell's status bar, with a cancel button.
 */
public interface TaskRunner {
    /** Work that may report progress and be cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    <T> void run(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    ReadOnlyBooleanProperty runningProperty();

    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    /** Cancels the running work (if it checks {@link Progress#isCancelled()}). */
    void cancel();
}
