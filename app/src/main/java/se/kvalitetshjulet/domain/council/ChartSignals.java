package se.kvalitetshjulet.domain.council;

import java.util.List;

import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.SpcEngine;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.spc.SpcResult;

/**
 * Whether a monthly series has a run chart signal (Anhøj rules: too long a run or too few crossings of the
 * median) touching its most recent months: the test for "a new chart signal" on a council's agenda.
 */
public final class ChartSignals {
    /** Fewer points than this give no useful run chart. */
    public static final int MIN_POINTS = 12;

    private ChartSignals() {
    }

    /** The run chart of {@code values}, or null when the series is too short or all zero. */
    public static SpcResult runChart(List<Double> values) {
        if (values.size() < MIN_POINTS || values.stream().allMatch(v -> v == 0.0)) {
            return null;
        }
        return SpcEngine.compute(SpcRequest.of(ChartType.RUN, values));
    }

    /** True when one of the last {@code recent} points belongs to a part with a runs signal. */
    public static boolean recentSignal(List<Double> values, int recent) {
        SpcResult r = runChart(values);
        // Rare events (median 0): most points sit on the median and do not count, so the runs rules
        // judge a handful of months. Such series need a chart of time between events, not a run chart.
        if (r == null || r.points().getLast().centreLine() == 0.0) {
            return false;
        }
        List<SpcPoint> pts = r.points();
        for (int i = Math.max(0, pts.size() - recent); i < pts.size(); i++) {
            if (pts.get(i).runsSignal()) {
                return true;
            }
        }
        return false;
    }

    /** The centre line (median) of the run chart, NaN when there is none. */
    public static double median(List<Double> values) {
        SpcResult r = runChart(values);
        return r == null ? Double.NaN : r.points().getLast().centreLine();
    }
}
