package se.kvalitetshjulet.domain.trend;

import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.RunsAnalysis;
import se.kvalitetshjulet.domain.spc.SpcPart;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.domain.spc.SpcResult;

/**
 * The variation icon of a chart, as in NHS England's "Making Data Count": common-cause (random) variation, or a
 * special cause that is an improvement or a concern given which way is better. Read from the last part (the current
 * process): a shift (a run longer than Anhøj's limit) gives its side; otherwise points outside the limits give the
 * side of the latest one; too few crossings alone is unusual variation without a direction.
 */
public enum Variation {
    COMMON_CAUSE, IMPROVEMENT_HIGH, IMPROVEMENT_LOW, CONCERN_HIGH, CONCERN_LOW, SPECIAL_NO_DIRECTION;

    public boolean improvement() {
        return this == IMPROVEMENT_HIGH || this == IMPROVEMENT_LOW;
    }

    public boolean concern() {
        return this == CONCERN_HIGH || this == CONCERN_LOW;
    }

    /**
     * The icon's shape, so it reads without colour vision and on a washed-out projector: ▲ or ▼ for a special cause
     * high or low, ◆ for one without a direction, ● for common-cause variation.
     */
    public String glyph() {
        if (this == COMMON_CAUSE) {
            return "●";
        }
        boolean high = this == IMPROVEMENT_HIGH || this == CONCERN_HIGH;
        return this == SPECIAL_NO_DIRECTION ? "◆" : high ? "▲" : "▼";
    }

    /** The icon's colour (0xRRGGBB): blue for an improvement, orange for a concern, grey otherwise. */
    public int rgb() {
        return improvement() ? 0x006eb3 : concern() ? 0xd95f02 : 0x595959;
    }

    public static Variation of(SpcResult result, Improvement better) {
        SpcPart part = result.parts().getLast();
        ChartType chart = result.chart();
        RunsAnalysis runs = part.runs();
        Boolean high = null;
        if (chart.runsRulesApply() && runs.longestRunTooLong()) {
            high = runs.longestRunSide() == RunsAnalysis.Side.ABOVE;
        } else if (chart.hasControlLimits() && part.pointsOutside() > 0) {
            for (SpcPoint p : result.points()) {
                if (p.part() == part.number() && p.outside()) {
                    high = p.value() > p.upperLimit();
                }
            }
        } else if (chart.runsRulesApply() && runs.tooFewCrossings()) {
            return SPECIAL_NO_DIRECTION;
        }
        if (high == null) {
            return COMMON_CAUSE;
        }
        boolean good = high == (better == Improvement.HIGHER);
        return high ? (good ? IMPROVEMENT_HIGH : CONCERN_HIGH) : (good ? IMPROVEMENT_LOW : CONCERN_LOW);
    }
}
