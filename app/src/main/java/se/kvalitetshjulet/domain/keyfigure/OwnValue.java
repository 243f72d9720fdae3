package se.kvalitetshjulet.domain.keyfigure;

/** One value of an own figure for a unit and period (month 0 = the whole year); n is how many were measured. */
public record OwnValue(long figureId, long unitId, int year, int month, Double value, Integer n) {
    public String periodLabel() {
        return month == 0 ? Integer.toString(year) : String.format("%d-%02d", year, month);
    }
}
