package se.kvalitetshjulet.domain.keyfigure;

/**
 * One unit's result for one question of the national user survey in one year: the share of positive answers in
 * percent (null = not published), the respondents, the invited and the response rate in percent.
 */
public record SurveyResult(int year, long unitId, String questionCode, String question, Double positiveShare,
                           Integer respondents, Integer invited, Double responseRate) {
    /** The value as a comparison shows it, suppressed below the survey's threshold. */
    public ComparedValue compared(String label) {
        Double rate = responseRate;
        if (rate == null && respondents != null && invited != null && invited > 0) {
            rate = 100.0 * respondents / invited;
        }
        return ComparedValue.share(label, positiveShare, respondents, rate, false, "");
    }
}
