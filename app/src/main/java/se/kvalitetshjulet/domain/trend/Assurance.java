package se.kvalitetshjulet.domain.trend;

/**
 * The assurance icon of "Making Data Count": with a target and control limits, whether the current process will
 * reliably meet the target (both limits on the good side), reliably miss it (both on the wrong side), or hit and miss
 * (the target between the limits).
 */
public enum Assurance {
    PASS, FAIL, HIT_AND_MISS;

    /** From the current limits (in the target's unit); {@code null} when the chart has no limits. */
    public static Assurance of(double lower, double upper, double target, Improvement better) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            return null;
        }
        if (better == Improvement.LOWER) {
            return upper <= target ? PASS : lower > target ? FAIL : HIT_AND_MISS;
        }
        return lower >= target ? PASS : upper < target ? FAIL : HIT_AND_MISS;
    }
}
