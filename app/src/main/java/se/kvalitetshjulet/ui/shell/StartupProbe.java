package se.kvalitetshjulet.ui.shell;

import java.lang.management.ManagementFactory;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

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
    /**
     * Where the CPU time went (decision 0043): each native thread's user + system time in milliseconds, by the name
     * the JVM gave it ({@code C2 CompilerThre}, {@code JavaFX Applicat} …, cut to 15 characters by Linux), busiest
     * first; only where {@code /proc/self/task} exists. Threads that had ended by then are not in it.
     */
    public static final String THREADS_PREFIX = "KH_STARTUP_THREADS=";

    private StartupProbe() {
    }

    /**
     * Prints the probe's lines once {@code scene}'s next pulse has laid it out (its CSS applied, every node sized and
     * placed: the frame handed to the renderer next), then exits. The same moment on both sides (decision 0043): the
     * bare window is laid out by its first show, the app's main window often by the pulse after it (when its root
     * replaces "Öppnar …"). Reporting from an animation, as before, came at the start of that pulse, before the main
     * window's own style and layout pass, so such a start was measured short of its first frame.
     */
    static void reportIfRequested(javafx.scene.Scene scene) {
        reportIfRequested(scene, () -> { });
    }

    /**
     * As {@link #reportIfRequested(javafx.scene.Scene)}; {@code beforeExit} runs right after the report, so that
     * nothing a window would do after its first frame (the home screen's lists and their loads, decision 0039) runs
     * in the probe: a training run's AOT cache then holds what a start needs to its first frame, not more (decision
     * 0043), and every start preloads the whole cache before {@code main}.
     */
    static void reportIfRequested(javafx.scene.Scene scene, Runnable beforeExit) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        boolean[] done = {false};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            report();
            beforeExit.run();
            Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            Platform.exit();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private static void report() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(PREFIX + (System.currentTimeMillis() - jvmStart));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            System.out.println(CPU_PREFIX + os.getProcessCpuTime() / 1_000_000);
        }
        System.out.println(PHASES_PREFIX + se.kvalitetshjulet.app.StartupPhases.format(jvmStart));
        String threads = threadCpu();
        if (!threads.isEmpty()) {
            System.out.println(THREADS_PREFIX + threads);
        }
        System.out.flush();
    }

    /** {@code name=ms,…} of the process's threads from {@code /proc/self/task/N/stat}, busiest first; "" elsewhere. */
    public static String threadCpu() {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return "";
        }
        long tick = 100; // USER_HZ: 100 on every Linux the JDK runs on
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        try (var dirs = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path d : dirs.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(d.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] rest = stat.substring(close + 2).split(" ");
                    // fields 14 and 15 (utime, stime) are rest[11] and rest[12]: rest starts at field 3
                    long ms = (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) * 1000 / tick;
                    byName.merge(stat.substring(open + 1, close).replaceAll("[,=]", "_"), ms, Long::sum);
                } catch (java.io.IOException | RuntimeException ended) {
                    // the thread ended while it was read
                }
            }
        } catch (java.io.IOException e) {
            return "";
        }
        return byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(","));
    }

    /** The reference window: the least a JavaFX application can show. */
    public static final class Minimal extends Application {
        @Override
        public void start(Stage stage) {
            se.kvalitetshjulet.app.StartupPhases.mark(se.kvalitetshjulet.app.StartupPhases.TOOLKIT);
            stage.setScene(new Scene(new Label("Kvalitetshjulet"), 400, 200));
            stage.show();
            se.kvalitetshjulet.app.StartupPhases.mark(se.kvalitetshjulet.app.StartupPhases.WINDOW);
            reportIfRequested(stage.getScene());
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
