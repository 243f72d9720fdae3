package se.kvalitetshjulet.domain.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Paretodiagram: counts per group sorted descending, each bar with the cumulative percentage of
 * the total up to and including it, and the "vital few" — the bars up to the one where the
 * cumulative share first reaches 80 %.
 */
public final class Pareto {
    /** The reference line of a Pareto chart. */
    public static final double REFERENCE_PERCENT = 80.0;

    /** One group (category, cause, measure type); {@code name} is null for "not stated". */
    public record Count(String name, long count) { }

    /** One bar: its count, its share of the total and the cumulative share (both in percent). */
    public record Bar(String name, long count, double percent, double cumulativePercent) { }

    private final List<Bar> bars;
    private final long total;

    private Pareto(List<Bar> bars, long total) {
        this.bars = bars;
        this.total = total;
    }

    /** Sorts by count (descending, then name) and accumulates; zero counts are left out. */
    public static Pareto of(List<Count> counts) {
        List<Count> sorted = new ArrayList<>(counts.stream().filter(c -> c.count() > 0).toList());
        sorted.sort(Comparator.comparingLong(Count::count).reversed()
                .thenComparing(c -> c.name() == null ? "\uffff" : c.name()));
        long total = sorted.stream().mapToLong(Count::count).sum();
        List<Bar> bars = new ArrayList<>();
        long running = 0;
        for (Count c : sorted) {
            running += c.count();
            bars.add(new Bar(c.name(), c.count(), 100.0 * c.count() / total, 100.0 * running / total));
        }
        return new Pareto(List.copyOf(bars), total);
    }

    public List<Bar> bars() {
        return bars;
    }

    public long total() {
        return total;
    }

    /** How many bars it takes to reach the 80 % line (0 when there is nothing to count). */
    public int vitalFew() {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).cumulativePercent() >= REFERENCE_PERCENT - 1e-9) {
                return i + 1;
            }
        }
        return bars.size();
    }
}
