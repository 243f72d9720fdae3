package se.kvalitetshjulet.domain.trend;

import java.time.LocalDate;
import java.time.YearMonth;

/** The period a trend point covers: month, tertial (four months) or year. */
public enum Granularity {
    MONTH, TERTIAL, YEAR;

    /** The first day of the period that contains the month. */
    public LocalDate periodStart(int year, int month) {
        return switch (this) {
            case MONTH -> LocalDate.of(year, month, 1);
            case TERTIAL -> LocalDate.of(year, ((month - 1) / 4) * 4 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case TERTIAL -> start.plusMonths(4);
            case YEAR -> start.plusYears(1);
        };
    }

    /** A short label: "2025-03", "T1 2025", "2025". */
    public String label(LocalDate start) {
        return switch (this) {
            case MONTH -> YearMonth.from(start).toString();
            case TERTIAL -> "T" + ((start.getMonthValue() - 1) / 4 + 1) + " " + start.getYear();
            case YEAR -> Integer.toString(start.getYear());
        };
    }
}
