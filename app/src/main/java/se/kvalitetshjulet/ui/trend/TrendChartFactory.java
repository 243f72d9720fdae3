package se.kvalitetshjulet.ui.trend;

import static se.kvalitetshjulet.ui.trend.ChartLook.*;
import static se.kvalitetshjulet.ui.trend.SpcPlot.*;
import static se.kvalitetshjulet.ui.trend.RiskMatrixChart.*;
import static se.kvalitetshjulet.ui.trend.ChartFiles.*;

import se.kvalitetshjulet.domain.trend.ChartData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

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

    private TrendChartFactory() {
    }

    /** The chart with its numbers in the application's language (exports, the command line). */
    public static JFreeChart create(ChartData data, double scale) {
        return create(data, scale, se.kvalitetshjulet.domain.spc.SpcMessages.applicationLocale());
    }

    /** The chart with its axes' and tooltips' numbers in {@code locale}'s format (issue 18: "2,5", never "2.5"). */
    public static JFreeChart create(ChartData data, double scale, java.util.Locale locale) {
        return ChartNumbers.apply(build(data, scale), locale);
    }

    private static JFreeChart build(ChartData data, double scale) {
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

    static final int MAX_LABEL = 22;

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

    static CategoryPlot basePlot(ChartData data, double scale) {
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

    static void pareto(CategoryPlot plot, ChartData data, double scale) {
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

    static void actions(CategoryPlot plot, ChartData data, double scale) {
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

    static void addMarkers(CategoryPlot plot, ChartData data, double scale) {
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
        return ChartFiles.render(data, width, height);
    }

    /** The chart drawn into an image of exactly this size at this text scale (a deck slide: the projector's scale). */
    public static BufferedImage render(ChartData data, int width, int height, double scale) {
        return ChartFiles.render(data, width, height, scale);
    }

    /** Writes the chart as PNG of this size, with its resolution (dots per inch) in the pHYs chunk. */
    public static void writePng(ChartData data, Path target, int width, int height, int dpi) {
        ChartFiles.writePng(data, target, width, height, dpi);
    }

    /** Writes the chart as SVG (vector, for reports and web pages) of the given size, text scaled with it. */
    public static void writeSvg(ChartData data, Path target, int width, int height) {
        ChartFiles.writeSvg(data, target, width, height);
    }

    /** Writes the numbers behind the chart as CSV (what it was computed from). */
    public static void writeCsv(ChartData data, Path target) {
        ChartFiles.writeCsv(data, target);
    }
}
