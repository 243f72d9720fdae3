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
        JFreeChart chart = new JFreeChart(null, font(18, scale, true), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(data.title(), font(18, scale, true)));
        chart.addSubtitle(new TextTitle(data.subtitle(), font(13, scale, false)));
        if (data.kind() == ChartKind.ACTIONS || (data.kind() != null && data.kind().pareto())) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(font(12, scale, false));
            legend.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(legend);
        }
        return chart;
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

    private static CategoryPlot basePlot(ChartData data, double scale) {
        boolean pareto = data.kind() != null && data.kind().pareto();
        CategoryAxis x = pareto ? new CategoryAxis() : new ThinningCategoryAxis();
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

    private static void spc(CategoryPlot plot, ChartData data, double scale) {
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
            plot.setRenderer(1, bars(VALUE));
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
        JFreeChart chart = new JFreeChart(null, font(18, scale, true), combined, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(data.title(), font(18, scale, true)));
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
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            create(data, scaleFor(width, height)).draw(g, new Rectangle2D.Double(0, 0, width, height));
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
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size * scale));
    }
}
