package se.kvalitetshjulet.ui.trend;

import java.util.List;

import se.kvalitetshjulet.domain.spc.ChartType;

/**
 * Everything needed to draw one trend chart and explain it, independent of the chart library:
 * per point the label, value, centre line, limits and whether it signals.
 */
public record ChartData(String title, String subtitle, String yLabel, ChartStyle style, ChartType chartType,
                        List<Point> points, List<String> explanations, boolean signal) {
    /** One plotted period. */
    public record Point(String label, double value, double centre, double lower, double upper, boolean outside,
                        boolean inRunsSignal, boolean excluded, int part) { }
}
