package se.kvalitetshjulet.ui.keyfigure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.ShareSeries;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The key-figure charts: a run chart over periods (points with their 95 % intervals where known, the median, gaps
 * for missing or suppressed periods), a P chart of follow-up shares, and the comparison as a dot-and-interval plot
 * in the chosen order with respondents and response rate in each row's label — never a ranked bar chart.
 */
final class KeyFigureCharts {
    private static final Color VALUE = new Color(0x1F3864);
    private static final Color OWN = new Color(0xC55A11);
    private static final Color CENTRE = new Color(0x404040);
    private static final Color LIMIT = new Color(0x7F7F7F);
    private static final Color SIGNAL = new Color(0xC00000);

    private KeyFigureCharts() {
    }

    /**
     * Shows the chart, or hides the viewer when there is none (JFreeChart's viewer refuses a null chart; an empty
     * plot would look like data that is zero).
     */
    static void show(org.jfree.chart.fx.ChartViewer viewer, JFreeChart chart) {
        viewer.setVisible(chart != null);
        viewer.setManaged(chart != null);
        if (chart != null) {
            viewer.setChart(chart);
            se.kvalitetshjulet.ui.common.AccessibleNames.chart(viewer);
        }
    }

    static JFreeChart runChart(ValueSeries s, String yLabel, I18n i18n) {
        XYIntervalSeries values = new XYIntervalSeries(i18n.get("kf.chart.value"));
        XYSeries median = new XYSeries(i18n.get("kf.chart.median"));
        boolean signal = false;
        for (int i = 0; i < s.periods().size(); i++) {
            ComparedValue v = s.values().get(i);
            if (v.value() != null) {
                double lo = v.interval() == null ? v.value() : v.interval().lower();
                double hi = v.interval() == null ? v.value() : v.interval().upper();
                values.add(i, i, i, v.value(), lo, hi);
            }
            if (s.run() != null) {
                SpcPoint p = s.run().points().get(i);
                if (!Double.isNaN(p.centreLine())) {
                    median.add(i, p.centreLine());
                }
                signal |= p.runsSignal();
            }
        }
        XYPlot plot = basePlot(s.periods(), yLabel);
        XYIntervalSeriesCollection ds = new XYIntervalSeriesCollection();
        ds.addSeries(values);
        XYErrorRenderer er = new XYErrorRenderer();
        er.setDrawXError(false);
        er.setDefaultLinesVisible(true);
        er.setSeriesPaint(0, VALUE);
        er.setErrorPaint(LIMIT);
        plot.setDataset(0, ds);
        plot.setRenderer(0, er);
        XYLineAndShapeRenderer mr = new XYLineAndShapeRenderer(true, false);
        mr.setSeriesPaint(0, signal ? SIGNAL : CENTRE);
        mr.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        plot.setDataset(1, new XYSeriesCollection(median));
        plot.setRenderer(1, mr);
        return se.kvalitetshjulet.ui.trend.ChartNumbers.apply(chart(s.title(), plot,
                i18n.get(signal ? "kf.chart.runSignal" : "kf.chart.runNoSignal")), i18n.locale());
    }

    static JFreeChart pChart(ShareSeries s, String title, I18n i18n) {
        XYSeries v = new XYSeries(i18n.get("kf.chart.share"));
        XYSeries c = new XYSeries(i18n.get("kf.chart.centre"));
        XYSeries lo = new XYSeries(i18n.get("kf.chart.lcl"));
        XYSeries hi = new XYSeries(i18n.get("kf.chart.ucl"));
        XYSeries sig = new XYSeries(i18n.get("kf.chart.signal"));
        for (int i = 0; i < s.labels().size(); i++) {
            SpcPoint p = s.chart().points().get(i);
            if (!p.isMissing()) {
                v.add(i, p.value() * 100);
                if (p.outside() || p.runsSignal()) {
                    sig.add(i, p.value() * 100);
                }
            }
            if (!Double.isNaN(p.centreLine())) {
                c.add(i, p.centreLine() * 100);
            }
            if (p.hasLimits()) {
                lo.add(i, p.lowerLimit() * 100);
                hi.add(i, p.upperLimit() * 100);
            }
        }
        XYPlot plot = basePlot(s.labels(), "%");
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // signals drawn on top
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(v);
        ds.addSeries(c);
        ds.addSeries(lo);
        ds.addSeries(hi);
        ds.addSeries(sig);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesPaint(0, VALUE);
        r.setSeriesPaint(1, CENTRE);
        r.setSeriesShapesVisible(1, false);
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f);
        for (int k = 2; k <= 3; k++) {
            r.setSeriesPaint(k, LIMIT);
            r.setSeriesStroke(k, dashed);
            r.setSeriesShapesVisible(k, false);
        }
        r.setSeriesPaint(4, SIGNAL);
        r.setSeriesLinesVisible(4, false);
        plot.setDataset(ds);
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        return se.kvalitetshjulet.ui.trend.ChartNumbers.apply(chart(title, plot, i18n.get("kf.chart.pNote", s.total(),
                s.totalYes())), i18n.locale());
    }

    /** Longest name shown on the left axis; longer names are shortened there and given whole in the tooltip. */
    static final int NAME_WIDTH = 34;

    /**
     * Dot-and-interval plot: one row per municipality in the chosen order (own first). The name is on the left
     * (shortened when long, so that the plot keeps its width at 1366×768), what the value rests on — respondents,
     * response rate, suppression, group mean — in a column on the right; the tooltip of a point has both in full.
     */
    static JFreeChart comparison(List<ComparisonRow> rows, String title, I18n i18n) {
        return comparison(rows, title, i18n.get("kf.chart.own"), i18n.get("kf.own"), "kf.value.respondents", i18n);
    }

    /**
     * The same plot with the reference row named {@code ownLegend} in the legend (e.g. "Enheten"), marked with
     * {@code ownMarker} (e.g. "(vi)", or "" for a unit), its n written with {@code ownCountKey} (e.g. "{0} bedömda").
     */
    static JFreeChart comparison(List<ComparisonRow> rows, String title, String ownLegend, String ownMarker,
                                 String ownCountKey, I18n i18n) {
        int n = rows.size();
        String[] names = new String[n];
        String[] support = new String[n];
        java.util.Map<Integer, String> fullByRow = new java.util.HashMap<>();
        XYIntervalSeries others = new XYIntervalSeries(i18n.get("kf.chart.others"));
        XYIntervalSeries own = new XYIntervalSeries(ownLegend);
        for (int i = 0; i < n; i++) {
            ComparisonRow r = rows.get(i);
            ComparedValue v = r.value();
            int y = n - 1 - i; // the first row at the top
            names[y] = shortName(v.label(), NAME_WIDTH) + (r.own() && !ownMarker.isEmpty() ? " " + ownMarker : "");
            support[y] = support(v, r.own() ? ownCountKey : "kf.value.respondents", i18n);
            fullByRow.put(y, fullLabel(r, r.own() ? ownMarker : "", r.own() ? ownCountKey : "kf.value.respondents", i18n));
            if (v.value() != null) {
                double lo = v.interval() == null ? v.value() : v.interval().lower();
                double hi = v.interval() == null ? v.value() : v.interval().upper();
                (r.own() ? own : others).add(v.value(), lo, hi, y, y, y);
            }
        }
        XYIntervalSeriesCollection ds = new XYIntervalSeriesCollection();
        ds.addSeries(others);
        ds.addSeries(own);
        SymbolAxis yAxis = rowAxis(names, n);
        SymbolAxis right = rowAxis(support, n);
        right.setLabel(i18n.get("kf.chart.supportAxis"));
        right.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        NumberAxis xAxis = new NumberAxis(i18n.get("kf.chart.valueAxis"));
        xAxis.setAutoRangeIncludesZero(false);
        XYErrorRenderer er = new XYErrorRenderer();
        er.setDrawYError(false);
        er.setDrawXError(true);
        er.setDefaultLinesVisible(false);
        er.setSeriesPaint(0, VALUE);
        er.setSeriesPaint(1, OWN);
        er.setErrorStroke(new BasicStroke(2f));
        er.setCapLength(8);
        er.setDefaultToolTipGenerator((dataset, series, item) -> {
            int row = (int) Math.round(dataset.getYValue(series, item));
            var d = (XYIntervalSeriesCollection) dataset;
            double lo = d.getStartXValue(series, item);
            double hi = d.getEndXValue(series, item);
            return fullByRow.get(row) + "\n" + (lo == hi ? i18n.get("kf.chart.tooltipNoInterval", number(lo, i18n))
                    : i18n.get("kf.chart.tooltip", number(d.getXValue(series, item), i18n),
                            number(lo, i18n), number(hi, i18n)));
        });
        XYPlot plot = new XYPlot(ds, xAxis, yAxis, er);
        plot.setRangeAxis(1, right);
        plot.setRangeAxisLocation(1, org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinesVisible(false);
        return se.kvalitetshjulet.ui.trend.ChartNumbers.apply(chart(title, plot, i18n.get("kf.chart.comparisonNote")),
                i18n.locale());
    }

    /** A row axis with a fixed range, so that the left (names) and right (respondents) axes stay level. */
    private static SymbolAxis rowAxis(String[] labels, int n) {
        SymbolAxis a = new SymbolAxis(null, labels);
        a.setGridBandsVisible(false);
        a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        a.setAutoRange(false);
        a.setRange(-0.6, n - 0.4);
        return a;
    }

    /** The name cut at a word boundary with "…" when longer than {@code width} characters. */
    static String shortName(String name, int width) {
        if (name == null || name.length() <= width) {
            return name;
        }
        int cut = name.lastIndexOf(' ', width - 1);
        String head = name.substring(0, cut > width / 2 ? cut : width - 1).strip();
        if (head.endsWith(",") || head.endsWith("-") || head.endsWith("–")) {
            head = head.substring(0, head.length() - 1).strip();
        }
        return head + "…";
    }

    /** What the value rests on, for the right-hand column: "577 svar · 53 %", "För få svarande (12)", … */
    static String support(ComparedValue v, String countKey, I18n i18n) {
        List<String> parts = new java.util.ArrayList<>();
        if (v.suppressed()) {
            parts.add(i18n.get("kf.value.suppressed", v.respondents()));
        } else if (v.value() == null) {
            parts.add(i18n.get("kf.value.missing"));
        }
        if (v.respondents() != null && !v.suppressed()) {
            parts.add(i18n.get(countKey, v.respondents()));
        }
        if (v.responseRate() != null) {
            parts.add(i18n.get("kf.chart.rateShort", Math.round(v.responseRate())));
        }
        if (v.unweighted()) {
            parts.add(i18n.get("kf.chart.unweighted"));
        }
        return String.join(" · ", parts);
    }

    /** The whole row in words, for the tooltip: the full name, respondents and response rate written out. */
    static String fullLabel(ComparisonRow r, String ownMarker, String countKey, I18n i18n) {
        ComparedValue v = r.value();
        StringBuilder sb = new StringBuilder(v.label());
        if (r.own() && !ownMarker.isEmpty()) {
            sb.append(' ').append(ownMarker);
        }
        if (v.suppressed()) {
            sb.append(" · ").append(i18n.get("kf.value.suppressed", v.respondents()));
        } else if (v.value() == null) {
            sb.append(" · ").append(i18n.get("kf.value.missing"));
        }
        if (v.respondents() != null && !v.suppressed()) {
            sb.append(" · ").append(i18n.get(countKey, v.respondents()));
        }
        if (v.responseRate() != null) {
            sb.append(" · ").append(i18n.get("kf.value.rate", Math.round(v.responseRate())));
        }
        if (v.unweighted()) {
            sb.append(" · ").append(i18n.get("kf.chart.unweighted"));
        }
        return sb.toString();
    }

    private static String number(double d, I18n i18n) {
        return i18n.numbers().fixed(d, 1);
    }

    private static XYPlot basePlot(List<String> periods, String yLabel) {
        SymbolAxis x = new SymbolAxis(null, periods.toArray(String[]::new));
        x.setGridBandsVisible(false);
        if (!periods.isEmpty()) { // half a period on each side, so that the first and last points and labels show
            x.setAutoRange(false);
            x.setRange(-0.5, periods.size() - 0.5);
        }
        if (periods.size() > 14) {
            x.setVerticalTickLabels(true);
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    private static JFreeChart chart(String title, XYPlot plot, String subtitle) {
        JFreeChart c = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        c.setBackgroundPaint(Color.WHITE);
        c.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 11)));
        return c;
    }
}
