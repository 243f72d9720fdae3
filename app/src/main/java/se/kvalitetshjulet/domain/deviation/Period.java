package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;

/**
 * A reporting period: a whole year or a tertial (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec), the
 * periods in which deviations are compiled to find patterns.
 */
public record Period(int year, int tertial) {
    public static Period year(int year) {
        return new Period(year, 0);
    }

    public static Period tertial(int year, int t) {
        if (t < 1 || t > 3) {
            throw new IllegalArgumentException("Tertial måste vara 1, 2 eller 3");
        }
        return new Period(year, t);
    }

    public static int tertialOf(int month) {
        return (month - 1) / 4 + 1;
    }

    public boolean isYear() {
        return tertial == 0;
    }

    public LocalDate start() {
        return isYear() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, (tertial - 1) * 4 + 1, 1);
    }

    public LocalDate end() {
        return isYear() ? LocalDate.of(year, 12, 31) : start().plusMonths(4).minusDays(1);
    }

    public boolean containsMonth(int y, int month) {
        return y == year && (isYear() || tertialOf(month) == tertial);
    }

    /** The same period the given number of years earlier. */
    public Period yearsBefore(int years) {
        return new Period(year - years, tertial);
    }

    public String label() {
        return isYear() ? Integer.toString(year) : "T" + tertial + " " + year;
    }
}
