package se.kvalitetshjulet.ui.trend;

import static se.kvalitetshjulet.ui.trend.TrendChartFactory.*;
import static se.kvalitetshjulet.ui.trend.ChartLook.*;
import static se.kvalitetshjulet.ui.trend.SpcPlot.*;
import static se.kvalitetshjulet.ui.trend.ChartFiles.*;

import se.kvalitetshjulet.domain.trend.ChartData;
import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import se.kvalitetshjulet.domain.risk.MatrixCounts;
import se.kvalitetshjulet.domain.risk.RiskMatrix;

/** The risk matrix before and after measures, side by side, cells coloured by the template's score bands. */
final class RiskMatrixChart {
    private RiskMatrixChart() {
    }

    /** The risk matrix before and after measures, side by side, on one probability axis. */
    static JFreeChart riskMatrix(ChartData data, double scale) {
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

    static org.jfree.chart.axis.SymbolAxis symbolAxis(String label, String[] symbols, double scale) {
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
    record BandPaintScale(RiskMatrix matrix) implements org.jfree.chart.renderer.PaintScale {
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
}
