package se.kvalitetshjulet.data.repo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an import's time goes (decision 0040): wall-clock and CPU time of each phase, CPU time of the thread that runs
 * it (SQLite's own work runs on the calling thread, so it is included). On a shared machine the wall-clock is mostly
 * waiting for a core; the CPU time says what the phase costs.
 */
public final class ImportPhases {
    /** One phase: its name, wall-clock and CPU milliseconds (CPU -1 where the JVM cannot tell). */
    public record Phase(String name, long wallMs, long cpuMs) { }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Phase> done = new ArrayList<>();
    private String current;
    private long wall0;
    private long cpu0;

    /** Ends the phase running (if any) and starts {@code name}. */
    public void start(String name) {
        end();
        current = name;
        wall0 = System.nanoTime();
        cpu0 = cpu();
    }

    /** Ends the phase running, if any. */
    public void end() {
        if (current != null) {
            long cpu = cpu();
            done.add(new Phase(current, (System.nanoTime() - wall0) / 1_000_000, cpu < 0 || cpu0 < 0 ? -1
                    : (cpu - cpu0) / 1_000_000));
            current = null;
        }
    }

    /** Adds a phase measured elsewhere (another thread's). */
    public void add(Phase p) {
        done.add(p);
    }

    public List<Phase> phases() {
        end();
        return List.copyOf(done);
    }

    /** CPU nanoseconds of the calling thread so far, -1 when not available. */
    public static long cpu() {
        try {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    /** "name 1.2 s (CPU 0.9 s), …" for the log and the bench. */
    public static String describe(List<Phase> phases) {
        StringBuilder sb = new StringBuilder();
        for (Phase p : phases) {
            sb.append(sb.isEmpty() ? "" : ", ").append(p.name()).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.1f s", p.wallMs() / 1000.0));
            if (p.cpuMs() >= 0) {
                sb.append(String.format(java.util.Locale.ROOT, " (CPU %.1f s)", p.cpuMs() / 1000.0));
            }
        }
        return sb.toString();
    }
}
