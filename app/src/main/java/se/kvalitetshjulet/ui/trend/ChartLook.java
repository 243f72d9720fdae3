package se.kvalitetshjulet.ui.trend;

import static se.kvalitetshjulet.ui.trend.TrendChartFactory.*;
import static se.kvalitetshjulet.ui.trend.SpcPlot.*;
import static se.kvalitetshjulet.ui.trend.RiskMatrixChart.*;
import static se.kvalitetshjulet.ui.trend.ChartFiles.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/** The one visual language of every chart: colours, base sizes, fonts and strokes (decision 14). */
final class ChartLook {
    private ChartLook() {
    }

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

    /** Base sizes (points at scale 1): the title, and the smallest text on a chart (tick and marker labels). */
    static final int TITLE = 20;

    static final int SMALLEST = 11;

    static BasicStroke centreStroke(double scale) {
        return new BasicStroke(2.4f * (float) scale);
    }

    static BasicStroke limitStroke(double scale) {
        return dashed(1.8f * (float) scale);
    }

    static BarRenderer bars(Color color) {
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, color);
        bars.setItemMargin(0.05);
        return bars;
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
    }

    static Font font(int size, double scale, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.ceil(size * scale - 1e-9));
    }
}
