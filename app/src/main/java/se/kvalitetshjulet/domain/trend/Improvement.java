package se.kvalitetshjulet.domain.trend;

/**
 * Which way is better for a measure, as the NHS "Making Data Count" variation icons need it: fewer falls is better,
 * a higher share of genomförandeplaner is better, more days between two lex Sarah reports is better.
 */
public enum Improvement {
    /** Fewer is better (deviations, falls, overdue actions). */
    LOWER,
    /** More is better (compliance, days between rare events). */
    HIGHER;

    /** The sensible default for a chart: higher for compliance and for time or cases between rare events. */
    public static Improvement defaultFor(ChartKind kind, TrendMeasure measure) {
        if (kind == ChartKind.SELF_CHECK_COMPLIANCE) {
            return HIGHER;
        }
        if (kind == ChartKind.TREND && measure != null && measure.betweenEvents()) {
            return HIGHER;
        }
        return LOWER;
    }
}
