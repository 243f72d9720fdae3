package se.kvalitetshjulet.domain.trend;

import java.util.List;

import se.kvalitetshjulet.domain.risk.MatrixCounts;
import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.SpcRequest;

/**
 * Everything needed to draw one chart and explain it, independent of the chart library: per point the label,
 * value, centre line, limits and whether it signals; for Pareto charts the cumulative percentage and for the
 * action chart the overdue count as {@code second}; the dated annotations as markers at a point. A risk-matrix
 * chart carries its cell counts in {@code matrix} (null for every other kind).
 */
public record ChartData(String title, String subtitle, String yLabel, ChartStyle style, ChartType chartType,
                        List<Point> points, List<String> explanations, boolean signal, ChartKind kind,
                        String valueName, String secondName, List<Marker> markers, MatrixCounts matrix, Spc spc) {

    /**
     * What a run or control chart was computed with and what it says, so the chart, the deck, the CLI and the
     * reports tell one story: the exact engine request (values, denominators, freeze, parts, excluded points,
     * screening), the baseline's last point (1-based, 0: none) and its label, the first label of each part, the
     * improvement direction, the variation and assurance icons, the target and the one-line verdict.
     */
    public record Spc(SpcRequest request, int baselineEnd, String baselineLabel, List<String> partStarts,
                      Improvement better, Variation variation, Assurance assurance, Double target, String verdict,
                      Legend legend) {
        public Spc {
            partStarts = partStarts == null ? List.of() : List.copyOf(partStarts);
        }
    }

    /** The legend's words, in the user's language: what the centre line, the limits, the baseline and the marks are. */
    public record Legend(String value, String centre, String limits, String baseline, String outside, String runs,
                         String excluded, String target, List<String> partLabels) {
        public Legend {
            partLabels = partLabels == null ? List.of() : List.copyOf(partLabels);
        }
    }

    /** A chart of any kind with its matrix (risk matrix) but no SPC details. */
    public ChartData(String title, String subtitle, String yLabel, ChartStyle style, ChartType chartType,
                     List<Point> points, List<String> explanations, boolean signal, ChartKind kind,
                     String valueName, String secondName, List<Marker> markers, MatrixCounts matrix) {
        this(title, subtitle, yLabel, style, chartType, points, explanations, signal, kind, valueName, secondName,
                markers, matrix, null);
    }

    /** A chart of any kind but the risk matrix. */
    public ChartData(String title, String subtitle, String yLabel, ChartStyle style, ChartType chartType,
                     List<Point> points, List<String> explanations, boolean signal, ChartKind kind,
                     String valueName, String secondName, List<Marker> markers) {
        this(title, subtitle, yLabel, style, chartType, points, explanations, signal, kind, valueName, secondName,
                markers, null);
    }

    /** A trend chart without annotations. */
    public ChartData(String title, String subtitle, String yLabel, ChartStyle style, ChartType chartType,
                     List<Point> points, List<String> explanations, boolean signal) {
        this(title, subtitle, yLabel, style, chartType, points, explanations, signal, ChartKind.TREND, null, null,
                List.of());
    }

    /** One plotted period (or Pareto group). */
    public record Point(String label, double value, double centre, double lower, double upper, boolean outside,
                        boolean inRunsSignal, boolean excluded, int part, double second) {
        public Point(String label, double value, double centre, double lower, double upper, boolean outside,
                     boolean inRunsSignal, boolean excluded, int part) {
            this(label, value, centre, lower, upper, outside, inRunsSignal, excluded, part, Double.NaN);
        }
    }

    /** A dated annotation drawn as a labelled vertical line at the point with this index. */
    public record Marker(int index, String text) { }

    public ChartData withMarkers(List<Marker> m) {
        return new ChartData(title, subtitle, yLabel, style, chartType, points, explanations, signal, kind, valueName,
                secondName, List.copyOf(m), matrix, spc);
    }

    /** The same chart under another title; the computed title moves in front of the subtitle. */
    public ChartData titled(String newTitle) {
        if (newTitle == null || newTitle.equals(title)) {
            return this;
        }
        String sub = title == null || title.isBlank() ? subtitle
                : subtitle == null || subtitle.isBlank() ? title : title + " · " + subtitle;
        return new ChartData(newTitle, sub, yLabel, style, chartType, points, explanations, signal, kind, valueName,
                secondName, markers, matrix, spc);
    }
}
