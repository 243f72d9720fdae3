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
    /** The process's CPU time (all threads) up to the same moment, in milliseconds (decision 0033). */
    public static final String CPU_PREFIX = "KH_STARTUP_CPU_MS=";
    /** The recorded {@link se.kvalitetshjulet.app.StartupPhases}, {@code name=ms,…} since JVM start. */
    public static final String PHASES_PREFIX = "KH_STARTUP_PHASES=";

    private StartupProbe() {
    }

    static void reportIfRequested() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        // Report after the next pulse, when the window has been rendered.
        PauseTransition p = new PauseTransition(Duration.millis(1));
        p.setOnFinished(e -> {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(PREFIX + (System.currentTimeMillis() - jvmStart));
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    && os.getProcessCpuTime() >= 0) {
                System.out.println(CPU_PREFIX + os.getProcessCpuTime() / 1_000_000);
            }
            System.out.println(PHASES_PREFIX + se.kvalitetshjulet.app.StartupPhases.format(jvmStart));
            System.out.flush();
            Platform.exit();
        });
        p.play();
    }

    /** The reference window: the least a JavaFX application can show. */
    public static final class Minimal extends Application {
        @Override
        public void start(Stage stage) {
            se.kvalitetshjulet.app.StartupPhases.mark(se.kvalitetshjulet.app.StartupPhases.TOOLKIT);
            stage.setScene(new Scene(new Label("Kvalitetshjulet"), 400, 200));
            stage.show();
            se.kvalitetshjulet.app.StartupPhases.mark(se.kvalitetshjulet.app.StartupPhases.WINDOW);
            reportIfRequested();
        }

    }

    /** Starts {@link Minimal} from a class that is not an Application (as {@code Main} starts the app on the classpath). */
    public static final class MinimalLauncher {
        private MinimalLauncher() {
        }

        public static void main(String[] args) {
            se.kvalitetshjulet.app.StartupPhases.mark(se.kvalitetshjulet.app.StartupPhases.MAIN);
            System.setProperty(PROPERTY, "true");
            Application.launch(Minimal.class, args);
        }
    }
}
