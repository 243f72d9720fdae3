package se.kvalitetshjulet.domain.trend;

import se.kvalitetshjulet.domain.spc.ChartType;

/**
 * What a trend chart counts, and so which control chart fits it: counts are C, rates with a
 * denominator are U, shares are P (each with its run chart as the alternative).
 */
public enum TrendMeasure {
    /** Antal avvikelser per period. */
    COUNT(ChartType.C, 1),
    /** Avvikelser per 1 000 vårddygn. */
    PER_1000_CARE_DAYS(ChartType.U, 1000),
    /** Avvikelser per 100 brukare (brukare summed over the months of the period). */
    PER_100_RECIPIENTS(ChartType.U, 100),
    /** Andel av alla avvikelser i urvalets enheter som matchar filtret. */
    SHARE(ChartType.P, 1),
    /** Dagar mellan händelser (T-diagram): for rare kinds such as lex Sarah, one point per event after the first. */
    DAYS_BETWEEN(ChartType.T, 1),
    /** Övriga avvikelser mellan händelser (G-diagram): the other deviations registered between two rare events. */
    DEVIATIONS_BETWEEN(ChartType.G, 1);

    private final ChartType controlChart;
    private final double scale;

    TrendMeasure(ChartType controlChart, double scale) {
        this.controlChart = controlChart;
        this.scale = scale;
    }

    public ChartType controlChart() {
        return controlChart;
    }

    /** Rates are shown per this many units of the denominator. */
    public double scale() {
        return scale;
    }

    /** Charts of time or cases between events, where a higher value means fewer events. */
    public boolean betweenEvents() {
        return controlChart.betweenEvents();
    }

    public boolean needsDenominator() {
        return this == PER_1000_CARE_DAYS || this == PER_100_RECIPIENTS || this == SHARE;
    }
}
