package se.kvalitetshjulet.ui;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The words a user sees in a window: labels, buttons, cells, headers, plain texts, the values of fields, and what a
 * chart draws (title, subtitles, the tick labels of its number axes as laid out, marker and annotation labels, the
 * tooltip of its first point). For the issue-18 tests on numbers in the UI language.
 */
public final class VisibleTexts {
    private VisibleTexts() {
    }

    /** One text seen: where, on what, and the words. */
    public record Seen(String where, String what, String text) {
        @Override
        public String toString() {
            return where + ": " + what + " ”" + text + "”";
        }
    }

    public static List<Seen> in(Scene scene, String where) {
        List<Seen> out = new ArrayList<>();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        walk(scene.getRoot(), where, out);
        return out;
    }

    private static void walk(Node n, String where, List<Seen> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            add(out, where, kind(n), l.getText());
        } else if (n instanceof Text t && !(n.getParent() instanceof Labeled) && !insideField(n)) {
            add(out, where, "Text", t.getText());
        } else if (n instanceof TextInputControl f) {
            add(out, where, kind(n), f.getText());
        }
        if (n instanceof ChartViewer v && v.getChart() != null) {
            chart(v.getChart(), Math.max(400, (int) v.getWidth()), Math.max(300, (int) v.getHeight()), where, out);
        }
        if (n instanceof Parent p && !(n instanceof Labeled) && !(n instanceof TextInputControl)) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, where, out);
            }
        }
        if (n instanceof Labeled l && l.getGraphic() != null) {
            walk(l.getGraphic(), where, out);
        }
    }

    private static boolean insideField(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TextInputControl) {
                return true;
            }
        }
        return false;
    }

    private static String kind(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : " #" + n.getId());
    }

    private static void add(List<Seen> out, String where, String what, String text) {
        if (text != null && !text.isBlank()) {
            out.add(new Seen(where, what, text));
        }
    }

    /** What the chart draws at this size: its titles, axis tick labels, marker and annotation labels, a tooltip. */
    public static void chart(JFreeChart chart, int w, int h, String where, List<Seen> out) {
        String what = "chart";
        if (chart.getTitle() != null) {
            add(out, where, what + " title", chart.getTitle().getText());
        }
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle tt) {
                add(out, where, what + " subtitle", tt.getText());
            } else if (t instanceof Title) {
                // legends: the series' names, words from the bundle
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, w, h), info);
            plot(chart.getPlot(), info.getPlotInfo(), g2, where, what, out);
        } finally {
            g2.dispose();
        }
    }

    private static void plot(Plot p, PlotRenderingInfo info, Graphics2D g2, String where, String what, List<Seen> out) {
        Rectangle2D area = info == null ? null : info.getDataArea();
        if (p instanceof CategoryPlot c) {
            for (int i = 0; i < c.getRangeAxisCount(); i++) {
                ticks(c.getRangeAxis(i), c.getRangeAxisEdge(i), area, g2, where, what, out);
            }
            for (int i = 0; i < c.getRendererCount(); i++) {
                if (c.getRenderer(i) != null && c.getDataset(i) != null && c.getDataset(i).getRowCount() > 0
                        && c.getDataset(i).getColumnCount() > 0 && c.getRenderer(i).getToolTipGenerator(0, 0) != null) {
                    add(out, where, what + " tooltip",
                            c.getRenderer(i).getToolTipGenerator(0, 0).generateToolTip(c.getDataset(i), 0, 0));
                }
            }
            markers(c.getRangeMarkers(Layer.FOREGROUND), where, what, out);
            markers(c.getRangeMarkers(Layer.BACKGROUND), where, what, out);
            for (Object a : c.getAnnotations()) {
                if (a instanceof CategoryTextAnnotation t) {
                    add(out, where, what + " annotation", t.getText());
                }
            }
            if (c instanceof org.jfree.chart.plot.CombinedDomainCategoryPlot k) {
                sub(k.getSubplots(), info, g2, where, what, out);
            } else if (c instanceof org.jfree.chart.plot.CombinedRangeCategoryPlot k) {
                sub(k.getSubplots(), info, g2, where, what, out);
            }
        } else if (p instanceof XYPlot x) {
            for (int i = 0; i < x.getRangeAxisCount(); i++) {
                ticks(x.getRangeAxis(i), x.getRangeAxisEdge(i), area, g2, where, what, out);
            }
            for (int i = 0; i < x.getDomainAxisCount(); i++) {
                ticks(x.getDomainAxis(i), x.getDomainAxisEdge(i), area, g2, where, what, out);
            }
            for (int i = 0; i < x.getRendererCount(); i++) {
                if (x.getRenderer(i) != null && x.getDataset(i) != null && x.getDataset(i).getSeriesCount() > 0
                        && x.getDataset(i).getItemCount(0) > 0 && x.getRenderer(i).getToolTipGenerator(0, 0) != null) {
                    add(out, where, what + " tooltip",
                            x.getRenderer(i).getToolTipGenerator(0, 0).generateToolTip(x.getDataset(i), 0, 0));
                }
            }
            markers(x.getRangeMarkers(Layer.FOREGROUND), where, what, out);
            markers(x.getRangeMarkers(Layer.BACKGROUND), where, what, out);
            markers(x.getDomainMarkers(Layer.FOREGROUND), where, what, out);
            markers(x.getDomainMarkers(Layer.BACKGROUND), where, what, out);
            for (Object a : x.getAnnotations()) {
                if (a instanceof XYTextAnnotation t) {
                    add(out, where, what + " annotation", t.getText());
                }
            }
            if (x instanceof org.jfree.chart.plot.CombinedDomainXYPlot k) {
                sub(k.getSubplots(), info, g2, where, what, out);
            } else if (x instanceof org.jfree.chart.plot.CombinedRangeXYPlot k) {
                sub(k.getSubplots(), info, g2, where, what, out);
            }
        }
    }

    private static void sub(List<?> plots, PlotRenderingInfo info, Graphics2D g2, String where, String what,
                            List<Seen> out) {
        for (int i = 0; i < plots.size(); i++) {
            PlotRenderingInfo si = info != null && i < info.getSubplotCount() ? info.getSubplotInfo(i) : null;
            plot((Plot) plots.get(i), si, g2, where, what, out);
        }
    }

    private static void markers(Collection<?> markers, String where, String what, List<Seen> out) {
        if (markers != null) {
            for (Object m : markers) {
                add(out, where, what + " marker", ((Marker) m).getLabel());
            }
        }
    }

    private static void ticks(ValueAxis a, RectangleEdge edge, Rectangle2D area, Graphics2D g2, String where,
                              String what, List<Seen> out) {
        if (!(a instanceof NumberAxis n) || a instanceof org.jfree.chart.axis.SymbolAxis || area == null
                || !a.isVisible() || !a.isTickLabelsVisible()) {
            return;
        }
        for (Object t : n.refreshTicks(g2, new AxisState(), area, edge)) {
            add(out, where, what + " axis " + (a.getLabel() == null ? "" : a.getLabel()), ((Tick) t).getText());
        }
    }

    /** The texts that hold a match of {@code p}, with the match. */
    public static List<String> matching(List<Seen> seen, Pattern p) {
        List<String> out = new ArrayList<>();
        for (Seen s : seen) {
            Matcher m = p.matcher(s.text());
            if (m.find()) {
                out.add(s + " (”" + m.group() + "”)");
            }
        }
        return out;
    }
}
