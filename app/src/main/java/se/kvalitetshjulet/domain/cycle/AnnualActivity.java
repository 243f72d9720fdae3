package se.kvalitetshjulet.domain.cycle;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Aktivitet i årshjulet: something due every year on a month and day (or once, in {@code startYear}, when not
 * recurring). Days past the end of a month fall on its last day (30 February is the last of February).
 */
public record AnnualActivity(Long id, String title, String description, int dueMonth, int dueDay, boolean recurring,
                             Integer startYear, boolean active) {

    /** The due date in {@code year}, or null when the activity does not fall in that year. */
    public LocalDate dueIn(int year) {
        if (!recurring && startYear != null && startYear != year) {
            return null;
        }
        if (recurring && startYear != null && year < startYear) {
            return null;
        }
        YearMonth ym = YearMonth.of(year, dueMonth);
        return ym.atDay(Math.min(dueDay, ym.lengthOfMonth()));
    }
}
