package se.kvalitetshjulet.domain.keyfigure;

import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.SpcEngine;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.spc.SpcResult;

/**
 * A key figure over periods (years or months) as a run chart: the median and the Anhøj rules of the SPC engine;
 * missing and suppressed periods are gaps, never zeros.
 */
public record ValueSeries(String title, List<String> periods, List<ComparedValue> values, SpcResult run) {
    public static ValueSeries of(String title, List<String> periods, List<ComparedValue> values) {
        List<Double> v = new ArrayList<>();
        for (ComparedValue c : values) {
            v.add(c.value());
        }
        SpcResult run = v.isEmpty() ? null : SpcEngine.compute(SpcRequest.of(ChartType.RUN, v));
        return new ValueSeries(title, List.copyOf(periods), List.copyOf(values), run);
    }

    public int present() {
        return (int) values.stream().filter(c -> c.value() != null).count();
    }
}
