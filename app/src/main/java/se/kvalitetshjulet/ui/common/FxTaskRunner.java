package se.kvalitetshjulet.ui.common;

import javafx.application.Platform;

/** The application's {@link TaskRunner}: {@link ThreadedTaskRunner} delivering on the JavaFX application thread. */
public final class FxTaskRunner extends ThreadedTaskRunner {
    public FxTaskRunner() {
        super(Platform::runLater, Platform::isFxApplicationThread);
    }
}
