package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import se.kvalitetshjulet.domain.risk.MatrixCounts;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.domain.trend.Pareto;

/**
 * Draws {@link ChartData} with JFreeChart. Trends (and self-check compliance): the values as a line with points
 * (or bars), the centre line and 3-sigma limits per part, points outside the limits in red and a centre line drawn
 * red and dashed when the runs rules signal. Pareto: bars sorted descending with the cumulative percentage as a line
 * on a second axis (0–100 %) and the 80 % reference. Actions: open and, of those, overdue at each month end.
 * Annotations are labelled vertical lines. Risk matrix: two heatmaps side by side (before and after measures) sharing
 * the probability axis, cells coloured by the template's score bands with the number of risks in large type.
 * {@code scale} enlarges every font and line, for the projector and large exports; time-axis labels are thinned
 * when they would overlap.
 */
public final class TrendChartFactory {
    static final Color VALUE = new Color(0x1f, 0x5f, 0x8b);
    static final Color SIGNAL = new Color(0xc6, 0x28, 0x28);
    static final Color CENTRE = new Color(0x44, 0x44, 0x44);
    static final Color LIMIT = new Color(0x88, 0x88, 0x88);
    static final Color ANNOTATION = new Color(0x8a, 0x4b, 0x00);
    static final Color CUMULATIVE = new Color(0xd9, 0x77, 0x06);
    /** Points of a runs signal: qicharts2's signal colour, darkened to stay visible on a projector. */
    static final Color RUNS = new Color(0xe0, 0x8a, 0x00);
    static final Color TARGET = new Color(0x05, 0x97, 0x48);
    static final Color BASELINE = new Color(0xe3, 0xec, 0xf5);
    static final Color BASELINE_LEGEND = new Color(0xc9, 0xd9, 0xea);

    /** The size at which scale 1.0 looks right; exports scale with their size so text keeps its proportion. */
    static final double DESIGN_WIDTH = 1140;
    static final double DESIGN_HEIGHT = 640;

    private TrendChartFactory() {
    }

    public static JFreeChart create(ChartData data, double scale) {
        if (data.kind() == ChartKind.RISK_MATRIX && data.matrix() != null) {
            return riskMatrix(data, scale);
        }
        CategoryPlot plot = basePlot(data, scale);
        if (data.kind() != null && data.kind().pareto()) {
            pareto(plot, data, scale);
        } else if (data.kind() == ChartKind.ACTIONS) {
            actions(plot, data, scale);
        } else {
            spc(plot, data, scale);
        }
        addMarkers(plot, data, scale);
        JFreeChart chart = new JFreeChart(null, font(TITLE, scale, true), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(data.title(), font(TITLE, scale, true)));
        chart.addSubtitle(new TextTitle(data.subtitle(), font(13, scale, false)));
        if (data.spc() != null && data.spc().verdict() != null) {
            TextTitle verdict = new TextTitle(VariationStyle.glyph(data.spc().variation()) + " "
                    + data.spc().verdict(), font(14, scale, true));
            verdict.setPaint(VariationStyle.colour(data.spc().variation()));
            chart.addSubtitle(verdict);
        }
        List<String> abbreviations = abbreviations(data);
        if (!abbreviations.isEmpty()) {
            // Abbreviated category names are given in full under the chart.
            TextTitle full = new TextTitle(String.join("   ·   ", abbreviations), font(SMALLEST, scale, false));
            full.setPosition(RectangleEdge.BOTTOM);
            full.setMaximumLinesToDisplay(6);
            chart.addSubtitle(full);
        }
        if (data.spc() != null && data.spc().legend() != null) {
            chart.addSubtitle(spcLegend(data, scale));
        } else if (data.kind() == ChartKind.ACTIONS || (data.kind() != null && data.kind().pareto())) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(font(12, scale, false));
            legend.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(legend);
        }
        return chart;
    }

    /** Base sizes (points at scale 1): the title, and the smallest text on a chart (tick and marker labels). */
    static final int TITLE = 20;
    static final int SMALLEST = 11;
    /** In presentation mode every chart text is at least this share of the screen height (30 px at 1080). */
    public static final double MIN_TEXT_SHARE = 0.028;
    /** ... and titles at least this share (54 px at 1080). */
    public static final double MIN_TITLE_SHARE = 0.05;

    /**
     * The scale for presentation mode on a screen of this height: the smallest chart text gets 2.8 % of it, which
     * makes titles (20/11 of that) just over 5 %; lines and points grow with it.
     */
    public static double presentationScale(double screenHeight) {
        return MIN_TEXT_SHARE * screenHeight / SMALLEST;
    }

    /** The scale that keeps text in proportion for an image of this size. */
    public static double scaleFor(int width, int height) {
        return Math.max(0.6, Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT));
    }

    /** Category names longer than {@value #MAX_LABEL} characters end in "…" (kept unique), so rotated labels never collide. */
    static String shortLabel(String label, java.util.Set<String> used) {
        String l = label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1).strip() + "…";
        String unique = l;
        for (int i = 2; !used.add(unique); i++) {
            unique = l + " (" + i + ")";
        }
        return unique;
    }

    private static final int MAX_LABEL = 22;

    /** "Short… = Full name" for every Pareto category whose axis label is abbreviated. */
    static List<String> abbreviations(ChartData data) {
        if (data.kind() == null || !data.kind().pareto()) {
            return List.of();
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        List<String> out = new java.util.ArrayList<>();
        for (ChartData.Point p : data.points()) {
            String label = shortLabel(p.label(), used);
            if (!label.equals(p.label())) {
                out.add(label + " = " + p.label());
            }
        }
        return out;
    }

    private static CategoryPlot basePlot(ChartData data, double scale) {
        boolean pareto = data.kind() != null && data.kind().pareto();
        CategoryAxis x = new ThinningCategoryAxis(!pareto);
        if (pareto) {
            // Many categories: vertical labels, one line each (long names end in "…"), none overlapping.
            int n = data.points().size();
            x.setCategoryLabelPositions(n > 8 ? CategoryLabelPositions.UP_90 : n > 5 ? CategoryLabelPositions.UP_45
                    : CategoryLabelPositions.STANDARD);
            x.setMaximumCategoryLabelLines(n > 5 ? 1 : 3);
        } else {
            x.setCategoryLabelPositions(data.points().size() > 14 ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
        }
        x.setTickLabelFont(font(11, scale, false));
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        NumberAxis y = new NumberAxis(data.yLabel());
        y.setLabelFont(font(13, scale, false));
        y.setTickLabelFont(font(12, scale, false));
        y.setAutoRangeIncludesZero(true);
        if (data.kind() == ChartKind.ACTIONS || pareto) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        CategoryPlot plot = new CategoryPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOutlineVisible(false);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return plot;
    }

    /**
     * Run and control charts in one visual language: the values as a line with points, the centre line solid and
     * dark, the limits dashed grey, on every kind of chart. Points outside the limits are red, points of a runs
     * signal orange, excluded points a grey cross; the baseline is shaded and labelled, each new phase labelled.
     */
    private static void spc(CategoryPlot plot, ChartData data, double scale) {
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

    static BasicStroke centreStroke(double scale) {
        return new BasicStroke(2.4f * (float) scale);
    }

    static BasicStroke limitStroke(double scale) {
        return dashed(1.8f * (float) scale);
    }

    private static java.awt.Shape cross(double r) {
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
    private static LegendTitle spcLegend(ChartData data, double scale) {
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

    private static void pareto(CategoryPlot plot, ChartData data, double scale) {
        DefaultCategoryDataset counts = new DefaultCategoryDataset();
        DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (ChartData.Point p : data.points()) {
            String label = shortLabel(p.label(), used);
            counts.addValue(p.value(), data.valueName(), label);
            cumulative.addValue(p.second(), data.secondName(), label);
        }
        plot.setDataset(0, counts);
        plot.setRenderer(0, bars(VALUE));
        NumberAxis percent = new NumberAxis(data.secondName());
        percent.setRange(0, 100);
        percent.setLabelFont(font(13, scale, false));
        percent.setTickLabelFont(font(12, scale, false));
        plot.setRangeAxis(1, percent);
        plot.setDataset(1, cumulative);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        double r = 3.5 * scale;
        line.setSeriesShape(0, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        line.setSeriesPaint(0, CUMULATIVE);
        line.setSeriesStroke(0, new BasicStroke(2.2f * (float) scale));
        plot.setRenderer(1, line);
        ValueMarker reference = new ValueMarker(Pareto.REFERENCE_PERCENT, CENTRE, dashed(1.4f * (float) scale));
        reference.setLabel("80 %");
        reference.setLabelFont(font(11, scale, true));
        reference.setLabelPaint(CENTRE);
        reference.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        reference.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(1, reference, Layer.FOREGROUND);
    }

    private static void actions(CategoryPlot plot, ChartData data, double scale) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (ChartData.Point p : data.points()) {
            ds.addValue(p.value(), data.valueName(), p.label());
            ds.addValue(p.second(), data.secondName(), p.label());
        }
        plot.setDataset(0, ds);
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        double r = 3.5 * scale;
        for (int s = 0; s < 2; s++) {
            lines.setSeriesShape(s, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
            lines.setSeriesStroke(s, new BasicStroke(2.2f * (float) scale));
        }
        lines.setSeriesPaint(0, VALUE);
        lines.setSeriesPaint(1, SIGNAL);
        plot.setRenderer(0, lines);
    }

    /** The risk matrix before and after measures, side by side, on one probability axis. */
    private static JFreeChart riskMatrix(ChartData data, double scale) {
        MatrixCounts counts = data.matrix();
        RiskMatrix m = counts.matrix();
        int n = m.size();
        String[] probabilities = new String[n];
        String[] consequences = new String[n];
        for (int i = 1; i <= n; i++) {
            probabilities[i - 1] = i + " " + m.probability(i).label();
            consequences[i - 1] = i + " " + m.consequence(i).label();
        }
        org.jfree.chart.axis.SymbolAxis probability = symbolAxis(data.yLabel(), probabilities, scale);
        org.jfree.chart.plot.CombinedRangeXYPlot combined = new org.jfree.chart.plot.CombinedRangeXYPlot(probability);
        combined.setGap(24 * scale);
        combined.setBackgroundPaint(Color.WHITE);
        combined.setOutlineVisible(false);
        for (boolean after : new boolean[] {false, true}) {
            double[] xs = new double[n * n];
            double[] ys = new double[n * n];
            double[] zs = new double[n * n];
            org.jfree.chart.plot.XYPlot sub = new org.jfree.chart.plot.XYPlot();
            int i = 0;
            for (int p = 1; p <= n; p++) {
                for (int c = 1; c <= n; c++) {
                    xs[i] = c - 1;
                    ys[i] = p - 1;
                    zs[i] = m.score(p, c);
                    i++;
                    long count = counts.count(after, p, c);
                    if (count > 0) {
                        org.jfree.chart.annotations.XYTextAnnotation label =
                                new org.jfree.chart.annotations.XYTextAnnotation(Long.toString(count), c - 1, p - 1);
                        label.setFont(font(n > 4 ? 24 : 28, scale, true));
                        label.setPaint(new Color(0x11, 0x11, 0x11));
                        sub.addAnnotation(label);
                    }
                }
            }
            org.jfree.data.xy.DefaultXYZDataset ds = new org.jfree.data.xy.DefaultXYZDataset();
            ds.addSeries(after ? "after" : "before", new double[][] {xs, ys, zs});
            org.jfree.chart.renderer.xy.XYBlockRenderer cells = new org.jfree.chart.renderer.xy.XYBlockRenderer();
            cells.setBlockWidth(0.95);
            cells.setBlockHeight(0.95);
            cells.setPaintScale(new BandPaintScale(m));
            sub.setDataset(ds);
            sub.setRenderer(cells);
            org.jfree.chart.axis.SymbolAxis consequenceAxis = symbolAxis(after ? data.secondName() : data.valueName(),
                    consequences, scale);
            // Consequence names written upwards: four or five of them fit under a narrow half of the chart.
            consequenceAxis.setVerticalTickLabels(true);
            sub.setDomainAxis(consequenceAxis);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setOutlineVisible(false);
            sub.setDomainGridlinesVisible(false);
            sub.setRangeGridlinesVisible(false);
            combined.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart(null, font(TITLE, scale, true), combined, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(data.title(), font(TITLE, scale, true)));
        chart.addSubtitle(new TextTitle(data.subtitle(), font(13, scale, false)));
        org.jfree.chart.LegendItemCollection bands = new org.jfree.chart.LegendItemCollection();
        for (var b : m.bands()) {
            bands.add(new org.jfree.chart.LegendItem(b.label() + " (" + b.from() + "–" + b.to() + ")",
                    Color.decode(b.colour())));
        }
        LegendTitle legend = new LegendTitle(() -> bands);
        legend.setItemFont(font(12, scale, false));
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(legend);
        return chart;
    }

    private static org.jfree.chart.axis.SymbolAxis symbolAxis(String label, String[] symbols, double scale) {
        org.jfree.chart.axis.SymbolAxis axis = new org.jfree.chart.axis.SymbolAxis(label, symbols);
        axis.setRange(-0.5, symbols.length - 0.5);
        axis.setGridBandsVisible(false);
        axis.setLabelFont(font(13, scale, true));
        axis.setTickLabelFont(font(11, scale, false));
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        return axis;
    }

    /** Colours a cell by the score band of its risk score (probability × consequence). */
    private record BandPaintScale(RiskMatrix matrix) implements org.jfree.chart.renderer.PaintScale {
        @Override
        public double getLowerBound() {
            return 1;
        }

        @Override
        public double getUpperBound() {
            return matrix.maxScore();
        }

        @Override
        public Paint getPaint(double value) {
            return Color.decode(matrix.band((int) Math.round(value)).colour());
        }
    }

    private static BarRenderer bars(Color color) {
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, color);
        bars.setItemMargin(0.05);
        return bars;
    }

    private static void addMarkers(CategoryPlot plot, ChartData data, double scale) {
        for (ChartData.Marker m : data.markers()) {
            if (m.index() < 0 || m.index() >= data.points().size()) {
                continue;
            }
            CategoryMarker marker = new CategoryMarker(data.points().get(m.index()).label(), ANNOTATION,
                    new BasicStroke(2f * (float) scale));
            marker.setDrawAsLine(true);
            marker.setLabel(m.text());
            marker.setLabelFont(font(12, scale, true));
            marker.setLabelPaint(ANNOTATION);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
    }

    /** The chart drawn into an image of exactly this size, text scaled with it. */
    public static BufferedImage render(ChartData data, int width, int height) {
        return render(data, width, height, scaleFor(width, height));
    }

    /** The chart drawn into an image of exactly this size at this text scale (a deck slide: the projector's scale). */
    public static BufferedImage render(ChartData data, int width, int height, double scale) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            create(data, scale).draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the chart as PNG of this size, with its resolution (dots per inch) in the pHYs chunk. */
    public static void writePng(ChartData data, Path target, int width, int height, int dpi) {
        writePng(render(data, width, height), target, dpi);
    }

    static void writePng(BufferedImage img, Path target, int dpi) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(target))) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, meta), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Bilden kunde inte sparas: " + target, e);
        } finally {
            writer.dispose();
        }
    }

    /** Writes the chart as SVG (vector, for reports and web pages) of the given size, text scaled with it. */
    public static void writeSvg(ChartData data, Path target, int width, int height) {
        org.jfree.svg.SVGGraphics2D g2 = new org.jfree.svg.SVGGraphics2D(width, height);
        create(data, scaleFor(width, height)).draw(g2, new Rectangle2D.Double(0, 0, width, height));
        try {
            Files.writeString(target, g2.getSVGDocument(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Bilden kunde inte sparas: " + target, e);
        }
    }

    /**
     * The chart's numbers as CSV (UTF-8 with BOM, semicolons): period, value, centre line, limits, signal; for a
     * risk matrix one row per cell (probability, consequence, score, band, risks before and after measures).
     */
    public static void writeCsv(ChartData data, Path target) {
        try (java.io.Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            var csv = new org.apache.commons.csv.CSVPrinter(w, org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                    .setDelimiter(';').setRecordSeparator("\r\n").get());
            if (data.kind() == ChartKind.RISK_MATRIX && data.matrix() != null) {
                MatrixCounts counts = data.matrix();
                RiskMatrix m = counts.matrix();
                csv.printRecord("Sannolikhet", "Konsekvens", "Riskpoäng", "Riskområde", "Före åtgärder", "Efter åtgärder");
                for (int p = m.size(); p >= 1; p--) {
                    for (int c = 1; c <= m.size(); c++) {
                        int score = m.score(p, c);
                        csv.printRecord(p + " " + m.probability(p).label(), c + " " + m.consequence(c).label(), score,
                                m.band(score).label(), counts.count(false, p, c), counts.count(true, p, c));
                    }
                }
            } else if (data.kind() != null && (data.kind().pareto() || data.kind() == ChartKind.ACTIONS)) {
                csv.printRecord("Grupp", data.valueName(), data.secondName());
                for (ChartData.Point p : data.points()) {
                    csv.printRecord(p.label(), num(p.value()), num(p.second()));
                }
            } else {
                csv.printRecord("Period", "Värde", "Centrallinje", "Nedre gräns", "Övre gräns", "Utanför gränserna",
                        "Seriesignal", "Del");
                for (ChartData.Point p : data.points()) {
                    csv.printRecord(p.label(), num(p.value()), num(p.centre()), num(p.lower()), num(p.upper()),
                            p.outside() ? "ja" : "nej", p.inRunsSignal() ? "ja" : "nej", p.part());
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Filen kunde inte sparas: " + target, e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.of("sv"), "%.4f", v);
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
    }

    private static Font font(int size, double scale, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.ceil(size * scale - 1e-9));
    }
}
