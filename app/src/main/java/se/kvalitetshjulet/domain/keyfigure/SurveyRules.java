package se.kvalitetshjulet.domain.keyfigure;

/**
 * Rules of the national user survey "Vad tycker de äldre om äldreomsorgen?": Socialstyrelsen publishes no unit or
 * municipality result that rests on fewer than 30 respondents, and neither do we — such a value is shown as
 * "för få svarande" with a note, never as a number.
 */
public final class SurveyRules {
    public static final int SUPPRESSION_THRESHOLD = 30;

    private SurveyRules() {
    }

    /** Whether a result with {@code respondents} must be suppressed; unknown respondents are not suppressed here. */
    public static boolean suppressed(Integer respondents) {
        return respondents != null && respondents < SUPPRESSION_THRESHOLD;
    }

    /**
     * The Kolada KPI holding the number of respondents behind a user-survey KPI, from its title: home care
     * (U23592) or special housing (U23594); {@code null} for other KPIs.
     */
    public static String respondentsKpi(String title) {
        String t = title == null ? "" : title.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("brukarbedömning hemtjänst äldreomsorg")) {
            return "U23592";
        }
        if (t.startsWith("brukarbedömning särskilt boende äldreomsorg")) {
            return "U23594";
        }
        return null;
    }

    /** The Kolada KPI with the response rate that belongs to {@link #respondentsKpi}. */
    public static String responseRateKpi(String title) {
        String r = respondentsKpi(title);
        return r == null ? null : r.equals("U23592") ? "U23593" : "U23595";
    }
}
