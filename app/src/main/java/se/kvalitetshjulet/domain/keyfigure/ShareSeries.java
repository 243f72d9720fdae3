package se.kvalitetshjulet.domain.keyfigure;

import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.SpcEngine;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.spc.SpcResult;

/**
 * A share over time (e.g. follow-ups with a genomförandeplan per month) with its P chart, computed by the same SPC
 * engine and rules as the trend screen: points without any assessed follow-up are missing, not 0 %.
 */
public record ShareSeries(List<String> labels, int[] yes, int[] assessed, SpcResult chart) {
    /** Builds the P chart (or a run chart when {@code run}) from the counts. */
    public static ShareSeries of(List<String> labels, int[] yes, int[] assessed, boolean run) {
        List<Double> v = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            v.add(assessed[i] == 0 ? null : (double) yes[i]);
            d.add(assessed[i] == 0 ? null : (double) assessed[i]);
        }
        SpcResult r = SpcEngine.compute(SpcRequest.of(run ? ChartType.RUN : ChartType.P, v, d));
        return new ShareSeries(List.copyOf(labels), yes.clone(), assessed.clone(), r);
    }

    public int total() {
        int s = 0;
        for (int a : assessed) {
            s += a;
        }
        return s;
    }

    public int totalYes() {
        int s = 0;
        for (int a : yes) {
            s += a;
        }
        return s;
    }
}
