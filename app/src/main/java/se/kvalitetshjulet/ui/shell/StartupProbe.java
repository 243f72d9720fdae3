package se.kvalitetshjulet.ui.shell;

import java.lang.management.ManagementFactory;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Start-up measurement for the benchmark: with {@code -Dkvalitetshjulet.startupProbe=true}
 * the application prints the milliseconds from JVM start to its first shown main window and
 * exits. {@link Minimal} is the reference: a bare JavaFX window started the same way.
 */
public final class StartupProbe {
    public static final String PROPERTY = "kvalitetshjulet.startupProbe";
    public static final String PREFIX = "KH_STARTUP_MS=";

    private StartupProbe() {
    }

    static void reportIfRequested() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        // Report after the next pulse, when the window has been rendered.
        PauseTransition p = new PauseTransition(Duration.millis(1));
        p.setOnFinished(e -> {
            System.out.println(PREFIX + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
            System.out.flush();
            Platform.exit();
        });
        p.play();
    }

    /** The reference window: the least a JavaFX application can show. */
    public static final class Minimal extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Kvalitetshjulet"), 400, 200));
            stage.show();
            reportIfRequested();
        }

    }

    /** Starts {@link Minimal} from a class that is not an Application (as {@code Main} starts the app on the classpath). */
    public static final class MinimalLauncher {
        private MinimalLauncher() {
        }

        public static void main(String[] args) {
            System.setProperty(PROPERTY, "true");
            Application.launch(Minimal.class, args);
        }
    }
}
