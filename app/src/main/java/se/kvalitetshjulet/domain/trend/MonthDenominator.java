package se.kvalitetshjulet.domain.trend;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.Problem;

/**
 * Nämnare: one unit's care recipients (brukare), care days (vårddygn) and visits (besök) in one
 * month. Any of the three may be unknown ({@code null}); a month with all three unknown is no row.
 */
public record MonthDenominator(YearMonth month, Integer recipients, Integer careDays, Integer visits) {
    public static final int MAX_RECIPIENTS = 1_000_000;
    public static final int MAX_COUNT = 100_000_000;

    public boolean empty() {
        return recipients == null && careDays == null && visits == null;
    }

    /**
     * What is wrong with the figures, as message keys with the month: negative or absurd numbers, and
     * more care days than recipients × days of the month (one recipient has at most one care day a day).
     */
    public List<Problem> problems() {
        List<Problem> p = new ArrayList<>();
        String field = month.toString();
        check(p, field, "recipients", recipients, MAX_RECIPIENTS);
        check(p, field, "careDays", careDays, MAX_COUNT);
        check(p, field, "visits", visits, MAX_COUNT);
        if (recipients != null && careDays != null && recipients >= 0 && careDays >= 0
                && (long) careDays > (long) recipients * month.lengthOfMonth()) {
            p.add(new Problem(field, "denominator.validation.careDaysTooMany", month, careDays, recipients,
                    month.lengthOfMonth()));
        }
        return p;
    }

    private static void check(List<Problem> p, String field, String what, Integer v, int max) {
        if (v != null && (v < 0 || v > max)) {
            p.add(new Problem(field, "denominator.validation." + what, field, v, max));
        }
    }
}
