package se.kvalitetshjulet.ui.trend;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws {@link ChartData} with JFreeChart: the values as a line with points (or bars), the
 * centre line and 3-sigma limits per part, points outside the limits in red and a centre line
 * drawn red and dashed when the runs rules signal. {@code scale} enlarges every font and line,
 * for the projector.
 */
public final class TrendChartFactory {
    static final Color VALUE = new Color(0x1f, 0x5f, 0x8b);
    static final Color SIGNAL = new Color(0xc6, 0x28, 0x28);
    static final Color CENTRE = new Color(0x44, 0x44, 0x44);
    static final Color LIMIT = new Color(0x88, 0x88, 0x88);

    private TrendChartFactory() {
    }

    public static JFreeChart create(ChartData data, double scale) {
        DefaultCategoryDataset values = new DefaultCategoryDataset();
        DefaultCategoryDataset lines = new DefaultCategoryDataset();
        int parts = data.points().stream().mapToInt(ChartData.Point::part).max().orElse(1);
        boolean[] partSignal = new boolean[parts + 1];
        for (ChartData.Point p : data.points()) {
            values.addValue(Double.isNaN(p.value()) ? null : p.value(), "value", p.label());
            partSignal[p.part()] |= p.inRunsSignal();
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

        CategoryAxis x = new CategoryAxis();
        x.setCategoryLabelPositions(data.points().size() > 14 ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
        x.setTickLabelFont(font(11, scale, false));
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        NumberAxis y = new NumberAxis(data.yLabel());
        y.setLabelFont(font(13, scale, false));
        y.setTickLabelFont(font(12, scale, false));
        y.setAutoRangeIncludesZero(true);

        CategoryPlot plot = new CategoryPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOutlineVisible(false);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        plot.setDataset(0, lines);
        LineAndShapeRenderer lineRenderer = new LineAndShapeRenderer(true, false);
        for (int s = 0; s < lines.getRowCount(); s++) {
            String key = (String) lines.getRowKey(s);
            int part = Integer.parseInt(key.replaceAll("\\D", ""));
            if (key.startsWith("cl")) {
                boolean sig = partSignal[part];
                lineRenderer.setSeriesPaint(s, sig ? SIGNAL : CENTRE);
                lineRenderer.setSeriesStroke(s, sig ? dashed(2f * (float) scale) : new BasicStroke(1.6f * (float) scale));
            } else {
                lineRenderer.setSeriesPaint(s, LIMIT);
                lineRenderer.setSeriesStroke(s, dashed(1.2f * (float) scale));
            }
        }
        plot.setRenderer(0, lineRenderer);

        plot.setDataset(1, values);
        if (data.style() == ChartStyle.BARS) {
            BarRenderer bars = new BarRenderer();
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, VALUE);
            bars.setItemMargin(0.05);
            plot.setRenderer(1, bars);
        } else {
            LineAndShapeRenderer points = new LineAndShapeRenderer(true, true) {
                @Override
                public Paint getItemPaint(int row, int column) {
                    ChartData.Point p = data.points().get(column);
                    return p.outside() ? SIGNAL : p.excluded() ? LIMIT : VALUE;
                }
            };
            double r = 4 * scale;
            points.setSeriesShape(0, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
            points.setSeriesStroke(0, new BasicStroke(2f * (float) scale));
            points.setSeriesPaint(0, VALUE);
            points.setUseFillPaint(false);
            plot.setRenderer(1, points);
        }

        JFreeChart chart = new JFreeChart(null, font(18, scale, true), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle title = new TextTitle(data.title(), font(18, scale, true));
        chart.setTitle(title);
        chart.addSubtitle(new TextTitle(data.subtitle(), font(13, scale, false)));
        return chart;
    }

    public static void writePng(ChartData data, Path target, int width, int height, double scale) {
        try {
            ChartUtils.saveChartAsPNG(target.toFile(), create(data, scale), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("Bilden kunde inte sparas: " + target, e);
        }
    }

    /** Writes the chart as SVG (vector, for reports and web pages) of the given size. */
    public static void writeSvg(ChartData data, Path target, int width, int height, double scale) {
        org.jfree.svg.SVGGraphics2D g2 = new org.jfree.svg.SVGGraphics2D(width, height);
        create(data, scale).draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        try {
            java.nio.file.Files.writeString(target, g2.getSVGDocument(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Bilden kunde inte sparas: " + target, e);
        }
    }

    /** The chart's numbers as CSV (UTF-8 with BOM, semicolons): period, value, centre line, limits, signal. */
    public static void writeCsv(ChartData data, Path target) {
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(target, java.nio.charset.StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            var csv = new org.apache.commons.csv.CSVPrinter(w, org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                    .setDelimiter(';').setRecordSeparator("\r\n").get());
            csv.printRecord("Period", "Värde", "Centrallinje", "Nedre gräns", "Övre gräns", "Utanför gränserna",
                    "Seriesignal", "Del");
            for (ChartData.Point p : data.points()) {
                csv.printRecord(p.label(), num(p.value()), num(p.centre()), num(p.lower()), num(p.upper()),
                        p.outside() ? "ja" : "nej", p.inRunsSignal() ? "ja" : "nej", p.part());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Filen kunde inte sparas: " + target, e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.of("sv"), "%.4f", v);
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
    }

    private static Font font(int size, double scale, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size * scale));
    }
}
