package se.kvalitetshjulet.domain.me;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Arrays;

/**
 * How the deviation register opens for me (issue 18, decision 0027): only my units, only open cases, and a period
 * that moves with the calendar (a fixed date would be stale next month). Stored per person as
 * {@code myUnits=1;open=1;period=THIS_YEAR}; anything unreadable is the register as it always opened (everything).
 */
public record RegisterDefaults(boolean myUnits, boolean openOnly, Period period) {
    /** The period the register opens with, counted back from today. */
    public enum Period {
        ALL, LAST_30_DAYS, LAST_12_MONTHS, THIS_YEAR;

        /** The first day of the period, or null for everything. */
        public LocalDate from(LocalDate today) {
            return switch (this) {
                case ALL -> null;
                case LAST_30_DAYS -> today.minusDays(30);
                case LAST_12_MONTHS -> today.minusMonths(12).plusDays(1);
                case THIS_YEAR -> today.withDayOfYear(1);
            };
        }
    }

    public RegisterDefaults {
        period = period == null ? Period.ALL : period;
    }

    public static RegisterDefaults none() {
        return new RegisterDefaults(false, false, Period.ALL);
    }

    public boolean isNone() {
        return equals(none());
    }

    public String format() {
        return "myUnits=" + (myUnits ? 1 : 0) + ";open=" + (openOnly ? 1 : 0) + ";period=" + period.name();
    }

    public static RegisterDefaults parse(String text) {
        if (text == null || text.isBlank()) {
            return none();
        }
        Map<String, String> m = Arrays.stream(text.split(";")).map(s -> s.split("=", 2)).filter(a -> a.length == 2)
                .collect(Collectors.toMap(a -> a[0].strip(), a -> a[1].strip(), (a, b) -> b));
        Period p = Arrays.stream(Period.values()).filter(v -> v.name().equals(m.get("period"))).findFirst()
                .orElse(Period.ALL);
        return new RegisterDefaults("1".equals(m.get("myUnits")), "1".equals(m.get("open")), p);
    }
}
