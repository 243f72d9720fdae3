package se.kvalitetshjulet.ui.trend;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.Collection;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;

import se.kvalitetshjulet.ui.common.Theme;

/**
 * Issue 18: a chart readable in the high-contrast theme. Its texts and axes black, grid lines dark grey, and every
 * line, point, bar and marker colour darkened until it stands out from the white plot at least 4.5:1 (the grey
 * control limits were 3.5:1); lines a little thicker. The standard theme leaves the chart as decision 14 drew it.
 */
public final class ChartTheme {
    /** Lines, points and markers against the white plot: at least this contrast in high contrast. */
    static final double MIN_CONTRAST = 4.5;

    private ChartTheme() {
    }

    /** The chart in {@code theme}'s colours; the chart, for chaining. */
    public static JFreeChart apply(JFreeChart chart, Theme theme) {
        if (chart == null || theme != Theme.HIGH_CONTRAST) {
            return chart;
        }
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(Color.BLACK);
        }
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle tt) {
                tt.setPaint(strong(tt.getPaint()));
            } else if (t instanceof LegendTitle l) {
                l.setItemPaint(Color.BLACK);
            }
        }
        for (Plot p : ChartNumbers.plots(chart.getPlot())) {
            p.setBackgroundPaint(Color.WHITE);
            if (p instanceof CategoryPlot c) {
                c.setRangeGridlinePaint(new Color(0x59, 0x59, 0x59));
                axis(c.getDomainAxis());
                for (int i = 0; i < c.getRangeAxisCount(); i++) {
                    axis(c.getRangeAxis(i));
                }
                for (int i = 0; i < c.getRendererCount(); i++) {
                    if (c.getRenderer(i) instanceof AbstractRenderer r) {
                        series(r, c.getDataset(i) == null ? 0 : c.getDataset(i).getRowCount());
                    }
                }
                markers(c.getRangeMarkers(Layer.FOREGROUND));
                markers(c.getRangeMarkers(Layer.BACKGROUND));
                markers(c.getDomainMarkers(Layer.FOREGROUND));
            } else if (p instanceof XYPlot x) {
                x.setRangeGridlinePaint(new Color(0x59, 0x59, 0x59));
                x.setDomainGridlinePaint(new Color(0x59, 0x59, 0x59));
                for (int i = 0; i < x.getDomainAxisCount(); i++) {
                    axis(x.getDomainAxis(i));
                }
                for (int i = 0; i < x.getRangeAxisCount(); i++) {
                    axis(x.getRangeAxis(i));
                }
                for (int i = 0; i < x.getRendererCount(); i++) {
                    if (x.getRenderer(i) instanceof AbstractRenderer r) {
                        series(r, x.getDataset(i) == null ? 0 : x.getDataset(i).getSeriesCount());
                    }
                }
                markers(x.getRangeMarkers(Layer.FOREGROUND));
                markers(x.getDomainMarkers(Layer.FOREGROUND));
            }
        }
        return chart;
    }

    private static void axis(Axis a) {
        if (a != null) {
            a.setLabelPaint(Color.BLACK);
            a.setTickLabelPaint(Color.BLACK);
            a.setAxisLinePaint(Color.BLACK);
            a.setTickMarkPaint(Color.BLACK);
        }
    }

    private static void series(AbstractRenderer r, int count) {
        for (int s = 0; s < Math.max(count, 1); s++) {
            Paint paint = r.lookupSeriesPaint(s);
            r.setSeriesPaint(s, strong(paint));
            Stroke stroke = r.lookupSeriesStroke(s);
            if (stroke instanceof BasicStroke b) {
                r.setSeriesStroke(s, new BasicStroke(b.getLineWidth() * 1.4f, b.getEndCap(), b.getLineJoin(),
                        b.getMiterLimit(), b.getDashArray(), b.getDashPhase()));
            }
        }
    }

    private static void markers(Collection<?> markers) {
        if (markers != null) {
            for (Object o : markers) {
                Marker m = (Marker) o;
                m.setLabelPaint(strong(m.getLabelPaint()));
                if (!(m instanceof org.jfree.chart.plot.IntervalMarker)) {
                    m.setPaint(strong(m.getPaint()));
                }
            }
        }
    }

    /** The colour, darkened (hue kept) until it has {@link #MIN_CONTRAST} against white; other paints as they are. */
    static Paint strong(Paint p) {
        if (!(p instanceof Color c)) {
            return p;
        }
        Color out = c;
        for (int i = 0; i < 30 && contrast(out, Color.WHITE) < MIN_CONTRAST; i++) {
            out = new Color((int) (out.getRed() * 0.9), (int) (out.getGreen() * 0.9), (int) (out.getBlue() * 0.9),
                    out.getAlpha());
        }
        return out;
    }

    /** WCAG 2 contrast ratio of two colours (1 to 21). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
