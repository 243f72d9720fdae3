package se.kvalitetshjulet.domain.keyfigure;

/**
 * "What changed" for the kvalitetsdialog: one unit's answer to one question this year against the year before, with
 * the verdict the intervals allow.
 */
public record SurveyChange(long unitId, String unit, String questionCode, String question, int year,
                           ComparedValue previous, ComparedValue current, Verdict verdict) {
    /** The change in percentage points, {@code null} when either year is missing or suppressed. */
    public Double changePoints() {
        return previous == null || previous.value() == null || current.value() == null ? null
                : current.value() - previous.value();
    }
}
