package se.kvalitetshjulet.ui.common;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Runs work at once on the calling thread: for view-model tests without the FX toolkit. */
public final class SyncTaskRunner implements TaskRunner {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean cancelled;

    @Override
    public <T> Handle runLatest(Object key, String description, Work<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        // on one thread the latest call is always the one that finishes last
        return run(description, work, onSuccess, onFailure);
    }

    @Override
    public <T> Handle run(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        cancelled = false;
        running.set(true);
        T result;
        try {
            result = work.run(new Progress() {
                @Override
                public void update(double fraction, String msg) {
                    progress.set(fraction);
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            });
        } catch (Exception e) {
            running.set(false);
            onFailure.accept(e);
            return DONE;
        }
        running.set(false);
        onSuccess.accept(result);
        return DONE;
    }

    private static final Handle DONE = new Handle() {
        @Override
        public void cancel() {
            // already finished
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

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
        cancelled = true;
    }
}
