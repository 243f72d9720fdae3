package se.kvalitetshjulet.ui.trend;

import static se.kvalitetshjulet.ui.trend.TrendChartFactory.*;
import static se.kvalitetshjulet.ui.trend.ChartLook.*;
import static se.kvalitetshjulet.ui.trend.RiskMatrixChart.*;
import static se.kvalitetshjulet.ui.trend.ChartFiles.*;

import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/** Run and control charts: values, centre line and limits per part, signals, the baseline band, and their legend. */
final class SpcPlot {
    private SpcPlot() {
    }

    /**
     * Run and control charts in one visual language: the values as a line with points, the centre line solid and
     * dark, the limits dashed grey, on every kind of chart. Points outside the limits are red, points of a runs
     * signal orange, excluded points a grey cross; the baseline is shaded and labelled, each new phase labelled.
     */
    static void spc(CategoryPlot plot, ChartData data, double scale) {
        DefaultCategoryDataset values = new DefaultCategoryDataset();
        DefaultCategoryDataset lines = new DefaultCategoryDataset();
        int parts = data.points().stream().mapToInt(ChartData.Point::part).max().orElse(1);
        for (ChartData.Point p : data.points()) {
            values.addValue(Double.isNaN(p.value()) ? null : p.value(), "value", p.label());
        }
        for (int part = 1; part <= parts; part++) {
            for (ChartData.Point p : data.points()) {
                boolean in = p.part() == part;
                lines.addValue(in ? nan(p.centre()) : null, "cl" + part, p.label());
                if (data.style() == ChartStyle.CONTROL) {
                    lines.addValue(in ? nan(p.lower()) : null, "lcl" + part, p.label());
                    lines.addValue(in ? nan(p.upper()) : null, "ucl" + part, p.label());
                }
            }
        }
        plot.setDataset(0, lines);
        LineAndShapeRenderer lineRenderer = new LineAndShapeRenderer(true, false);
        for (int s = 0; s < lines.getRowCount(); s++) {
            String key = (String) lines.getRowKey(s);
            if (key.startsWith("cl")) {
                lineRenderer.setSeriesPaint(s, CENTRE);
                lineRenderer.setSeriesStroke(s, centreStroke(scale));
            } else {
                lineRenderer.setSeriesPaint(s, LIMIT);
                lineRenderer.setSeriesStroke(s, limitStroke(scale));
            }
        }
        plot.setRenderer(0, lineRenderer);

        plot.setDataset(1, values);
        if (data.style() == ChartStyle.BARS) {
            plot.setRenderer(1, bars(VALUE));
        } else {
            double r = 4.5 * scale;
            java.awt.Shape dot = new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            java.awt.Shape cross = cross(r * 1.3);
            boolean[] shift = shiftPoints(data.points());
            LineAndShapeRenderer points = new LineAndShapeRenderer(true, true) {
                @Override
                public Paint getItemFillPaint(int row, int column) {
                    ChartData.Point p = data.points().get(column);
                    return p.excluded() ? LIMIT : p.outside() ? SIGNAL : shift[column] ? RUNS : VALUE;
                }

                @Override
                public java.awt.Shape getItemShape(int row, int column) {
                    return data.points().get(column).excluded() ? cross : dot;
                }
            };
            points.setUseFillPaint(true);
            points.setDrawOutlines(false);
            points.setSeriesShape(0, dot);
            points.setSeriesStroke(0, new BasicStroke(2.4f * (float) scale));
            points.setSeriesPaint(0, VALUE);
            plot.setRenderer(1, points);
        }
        ChartData.Spc spc = data.spc();
        if (spc != null && spc.legend() != null) {
            for (int i = 0; i < spc.baselineEnd() && i < data.points().size(); i++) {
                CategoryMarker band = new CategoryMarker(data.points().get(i).label(), BASELINE,
                        new BasicStroke(1f));
                band.setDrawAsLine(false);
                plot.addDomainMarker(band, Layer.BACKGROUND);
            }
            if (spc.baselineEnd() > 0 && spc.baselineEnd() <= data.points().size()) {
                // A labelled divider where the baseline ends: "Baslinje t.o.m. 2025-02" to its left.
                CategoryMarker end = new CategoryMarker(data.points().get(spc.baselineEnd() - 1).label(), CENTRE,
                        new BasicStroke(1.6f * (float) scale));
                end.setDrawAsLine(true);
                end.setLabel(spc.baselineLabel());
                end.setLabelFont(font(SMALLEST, scale, true));
                end.setLabelPaint(CENTRE);
                end.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                end.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                plot.addDomainMarker(end, Layer.FOREGROUND);
            }
            List<String> partLabels = spc.legend().partLabels();
            for (int part = 2; part <= partLabels.size(); part++) {
                int first = -1;
                for (int i = 0; i < data.points().size() && first < 0; i++) {
                    if (data.points().get(i).part() == part) {
                        first = i;
                    }
                }
                if (first >= 0) {
                    CategoryMarker m = new CategoryMarker(data.points().get(first).label(), CENTRE,
                            new BasicStroke(1.6f * (float) scale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                                    new float[] {2f * (float) scale, 4f * (float) scale}, 0f));
                    m.setDrawAsLine(true);
                    m.setLabel(partLabels.get(part - 1));
                    m.setLabelFont(font(11, scale, true));
                    m.setLabelPaint(CENTRE);
                    m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    plot.addDomainMarker(m, Layer.FOREGROUND);
                }
            }
            if (spc.target() != null) {
                ValueMarker target = new ValueMarker(spc.target(), TARGET, new BasicStroke(2.4f * (float) scale,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {10f * (float) scale, 5f * (float) scale}, 0f));
                target.setLabel(spc.legend().target());
                target.setLabelFont(font(11, scale, true));
                target.setLabelPaint(TARGET);
                target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(target, Layer.FOREGROUND);
            }
        }
    }

    /**
     * The points of the shift the runs rules saw: in each part with a runs signal, the longest run of useful points
     * on one side of the centre line (a crossings signal alone marks no points; the verdict says it).
     */
    static boolean[] shiftPoints(List<ChartData.Point> points) {
        boolean[] out = new boolean[points.size()];
        int i = 0;
        while (i < points.size()) {
            int part = points.get(i).part();
            int end = i;
            while (end < points.size() && points.get(end).part() == part) {
                end++;
            }
            if (points.get(i).inRunsSignal()) {
                int bestStart = -1;
                int bestEnd = -1;
                int bestLength = 0;
                int runStart = -1;
                int runLength = 0;
                int side = 0;
                for (int k = i; k < end; k++) {
                    ChartData.Point p = points.get(k);
                    if (p.excluded() || Double.isNaN(p.value()) || p.value() == p.centre()) {
                        continue;
                    }
                    int s = p.value() > p.centre() ? 1 : -1;
                    if (s != side) {
                        side = s;
                        runStart = k;
                        runLength = 0;
                    }
                    runLength++;
                    if (runLength > bestLength) {
                        bestLength = runLength;
                        bestStart = runStart;
                        bestEnd = k;
                    }
                }
                for (int k = bestStart; k >= 0 && k <= bestEnd; k++) {
                    out[k] = true;
                }
            }
            i = end;
        }
        return out;
    }

    static java.awt.Shape cross(double r) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        double w = r / 3;
        p.moveTo(-r, -r + w);
        p.lineTo(-r + w, -r);
        p.lineTo(0, -w);
        p.lineTo(r - w, -r);
        p.lineTo(r, -r + w);
        p.lineTo(w, 0);
        p.lineTo(r, r - w);
        p.lineTo(r - w, r);
        p.lineTo(0, w);
        p.lineTo(-r + w, r);
        p.lineTo(-r, r - w);
        p.lineTo(-w, 0);
        p.closePath();
        return p;
    }

    /** The legend of a run or control chart: what each line, band and mark means; only what is drawn. */
    static LegendTitle spcLegend(ChartData data, double scale) {
        ChartData.Legend words = data.spc().legend();
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        java.awt.Shape line = new java.awt.geom.Line2D.Double(-12 * scale, 0, 12 * scale, 0);
        double r = 4.5 * scale;
        java.awt.Shape dot = new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
        items.add(new org.jfree.chart.LegendItem(words.value(), null, null, null, true, dot, true, VALUE, false,
                VALUE, new BasicStroke(1f), true, line, new BasicStroke(2.4f * (float) scale), VALUE));
        items.add(new org.jfree.chart.LegendItem(words.centre(), null, null, null, line, centreStroke(scale), CENTRE));
        if (data.style() == ChartStyle.CONTROL) {
            items.add(new org.jfree.chart.LegendItem(words.limits(), null, null, null, line, limitStroke(scale), LIMIT));
        }
        if (data.spc().baselineEnd() > 0) {
            items.add(new org.jfree.chart.LegendItem(words.baseline(), BASELINE_LEGEND));
        }
        if (data.points().stream().anyMatch(ChartData.Point::outside)) {
            items.add(new org.jfree.chart.LegendItem(words.outside(), null, null, null, dot, SIGNAL));
        }
        boolean[] shift = shiftPoints(data.points());
        boolean anyShift = false;
        for (int k = 0; k < shift.length; k++) {
            anyShift |= shift[k] && !data.points().get(k).outside();
        }
        if (anyShift) {
            items.add(new org.jfree.chart.LegendItem(words.runs(), null, null, null, dot, RUNS));
        }
        if (data.points().stream().anyMatch(ChartData.Point::excluded)) {
            items.add(new org.jfree.chart.LegendItem(words.excluded(), null, null, null, cross(r * 1.3), LIMIT));
        }
        if (data.spc().target() != null) {
            items.add(new org.jfree.chart.LegendItem(words.target(), null, null, null, line,
                    new BasicStroke(2.4f * (float) scale), TARGET));
        }
        LegendTitle legend = new LegendTitle(() -> items);
        legend.setItemFont(font(12, scale, false));
        legend.setPosition(RectangleEdge.BOTTOM);
        return legend;
    }
}
