package se.kvalitetshjulet.domain.trend;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Åtgärder över tid: from counts per month of actions opened, done, and becoming overdue (all
 * grouped in the database), the number open at each month end and how many of those were overdue.
 * An action is open at a month end when it was opened on or before it and not done by it; it is
 * overdue when, in addition, its due date lies before that month end.
 */
public final class ActionBacklog {
    /** The state at one month end. */
    public record MonthEnd(LocalDate date, long open, long overdue) { }

    /** Counts per month: opened, done (of the opened), started being overdue, stopped being overdue (done while overdue). */
    public record Deltas(Map<YearMonth, Long> opened, Map<YearMonth, Long> closed, Map<YearMonth, Long> overdueFrom,
                         Map<YearMonth, Long> overdueTo) { }

    private ActionBacklog() {
    }

    /** Month ends from the month of {@code from} to that of {@code to}; everything before {@code from} is carried in. */
    public static List<MonthEnd> fold(Deltas d, LocalDate from, LocalDate to) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        long open = before(d.opened(), first) - before(d.closed(), first);
        long overdue = before(d.overdueFrom(), first) - before(d.overdueTo(), first);
        List<MonthEnd> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            open += d.opened().getOrDefault(m, 0L) - d.closed().getOrDefault(m, 0L);
            overdue += d.overdueFrom().getOrDefault(m, 0L) - d.overdueTo().getOrDefault(m, 0L);
            out.add(new MonthEnd(m.atEndOfMonth(), open, overdue));
        }
        return out;
    }

    private static long before(Map<YearMonth, Long> counts, YearMonth first) {
        return counts.entrySet().stream().filter(e -> e.getKey().isBefore(first)).mapToLong(Map.Entry::getValue).sum();
    }
}
