package se.kvalitetshjulet.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The moments of a start (decision 0033), recorded always (a clock read each) and printed by the start-up probe:
 * when {@code main} began, the toolkit started, the database was open and the main window was shown. JDK only, so
 * {@code Main} and the command line can mark a phase without loading JavaFX.
 */
public final class StartupPhases {
    /** {@code Main.main} entered (after the JVM's own start). */
    public static final String MAIN = "main";
    /** The JavaFX toolkit is up: {@code Application.start} called. */
    public static final String TOOLKIT = "toolkit";
    /** The database file is open, checked and current ({@code Database.open} returned), on the thread opening it. */
    public static final String DATABASE = "database";
    /** The services for the open database are built ({@code AppContext}). */
    public static final String CONTEXT = "context";
    /** The first query on the opened database (jOOQ initialised) while the toolkit starts. */
    public static final String FIRST_QUERY = "firstquery";
    /** The main window's content is built (before it is set on the stage). */
    public static final String MAIN_VIEW = "mainview";
    /** The "Öppnar …" screen is set on the stage (the stage is shown). */
    public static final String OPENING_SHOWN = "opening";
    /** The main window's scene is set and the stage shown (its numbers may still be loading). */
    public static final String WINDOW = "window";
    /** The home screen's numbers are shown (loaded after the window). */
    public static final String HOME_LOADED = "home";

    /** One recorded moment: milliseconds since the epoch (as {@link System#currentTimeMillis()}). */
    public record Phase(String name, long epochMillis) {
    }

    private static final List<Phase> PHASES = new ArrayList<>();

    private StartupPhases() {
    }

    /** Records {@code name} now; only the first mark of each name counts (a second window is not a start). */
    public static synchronized void mark(String name) {
        for (Phase p : PHASES) {
            if (p.name().equals(name)) {
                return;
            }
        }
        PHASES.add(new Phase(name, System.currentTimeMillis()));
    }

    /** What was recorded so far, in the order it happened. */
    public static synchronized List<Phase> recorded() {
        List<Phase> copy = new ArrayList<>(PHASES);
        copy.sort(java.util.Comparator.comparingLong(Phase::epochMillis));
        return List.copyOf(copy);
    }

    /** The phases as the probe prints them: {@code name=ms,…} in milliseconds since {@code jvmStartMillis}. */
    public static String format(long jvmStartMillis) {
        StringBuilder b = new StringBuilder();
        for (Phase p : recorded()) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(p.name()).append('=').append(p.epochMillis() - jvmStartMillis);
        }
        return b.toString();
    }

    /** For tests: forget what was recorded. */
    public static synchronized void reset() {
        PHASES.clear();
    }
}
