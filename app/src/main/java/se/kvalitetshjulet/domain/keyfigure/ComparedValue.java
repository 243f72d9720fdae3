package se.kvalitetshjulet.domain.keyfigure;

/**
 * One value as a comparison shows it: never bare, but with what it rests on.
 *
 * @param label        who or when (a municipality, a unit, a year)
 * @param value        the value (percent for shares); {@code null} when missing or suppressed
 * @param interval     the 95 % interval, {@code null} when none can be computed
 * @param respondents  the number of respondents (or measured cases), {@code null} when unknown
 * @param responseRate the response rate in percent, {@code null} when unknown
 * @param suppressed   the value rests on fewer respondents than the survey's threshold and is not shown
 * @param unweighted   the value is a municipality group's unweighted mean of its members (Kolada's groups)
 * @param status       Kolada's status text, "" when none
 */
public record ComparedValue(String label, Double value, Interval interval, Integer respondents, Double responseRate,
                            boolean suppressed, boolean unweighted, String status) {
    public ComparedValue {
        status = status == null ? "" : status;
        if (suppressed) {
            value = null;
            interval = null;
        }
    }

    /**
     * A share in percent with its Wilson interval when the respondents are known; suppressed below
     * {@link SurveyRules#SUPPRESSION_THRESHOLD} respondents.
     */
    public static ComparedValue share(String label, Double sharePercent, Integer respondents, Double responseRate,
                                      boolean unweighted, String status) {
        boolean suppressed = SurveyRules.suppressed(respondents);
        Interval interval = null;
        if (!suppressed && sharePercent != null && respondents != null && respondents > 0 && !unweighted) {
            interval = Intervals.wilsonPercent(sharePercent, respondents);
        }
        return new ComparedValue(label, sharePercent, interval, respondents, responseRate, suppressed, unweighted,
                status);
    }

    /** A value without a known sampling uncertainty (a count, a mean of registered data). */
    public static ComparedValue plain(String label, Double value, boolean unweighted, String status) {
        return new ComparedValue(label, value, null, null, null, false, unweighted, status);
    }

    public boolean missing() {
        return value == null;
    }
}
