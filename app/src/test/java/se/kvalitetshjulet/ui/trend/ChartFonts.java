package se.kvalitetshjulet.ui.trend;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;

/** Every font a chart draws text with: titles, legends, axis labels and ticks, marker labels, annotations. */
final class ChartFonts {
    private ChartFonts() {
    }

    static List<Font> of(JFreeChart chart) {
        List<Font> fonts = new ArrayList<>();
        fonts.add(chart.getTitle().getFont());
        for (Object o : chart.getSubtitles()) {
            Title t = (Title) o;
            if (t instanceof TextTitle tt && tt.getText() != null && !tt.getText().isBlank()) {
                fonts.add(tt.getFont());
            } else if (t instanceof LegendTitle lt) {
                fonts.add(lt.getItemFont());
            }
        }
        if (chart.getPlot() instanceof CategoryPlot p) {
            axis(fonts, p.getDomainAxis());
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axis(fonts, p.getRangeAxis(i));
            }
            for (Layer layer : new Layer[] {Layer.FOREGROUND, Layer.BACKGROUND}) {
                if (p.getDomainMarkers(layer) != null) {
                    for (Object m : p.getDomainMarkers(layer)) {
                        marker(fonts, (CategoryMarker) m);
                    }
                }
                if (p.getRangeMarkers(layer) != null) {
                    for (Object m : p.getRangeMarkers(layer)) {
                        marker(fonts, (Marker) m);
                    }
                }
                for (int i = 0; i < p.getRangeAxisCount(); i++) {
                    if (p.getRangeMarkers(i, layer) != null) {
                        for (Object m : p.getRangeMarkers(i, layer)) {
                            marker(fonts, (Marker) m);
                        }
                    }
                }
            }
        } else if (chart.getPlot() instanceof CombinedRangeXYPlot c) {
            axis(fonts, c.getRangeAxis());
            for (XYPlot sub : c.getSubplots()) {
                axis(fonts, sub.getDomainAxis());
                for (Object a : sub.getAnnotations()) {
                    if (a instanceof XYTextAnnotation t) {
                        fonts.add(t.getFont());
                    }
                }
            }
        }
        return fonts;
    }

    private static void axis(List<Font> fonts, Axis a) {
        if (a == null || !a.isVisible()) {
            return;
        }
        if (a.isTickLabelsVisible()) {
            fonts.add(a.getTickLabelFont());
        }
        if (a.getLabel() != null && !a.getLabel().isBlank()) {
            fonts.add(a.getLabelFont());
        }
    }

    private static void marker(List<Font> fonts, Marker m) {
        if (m.getLabel() != null && !m.getLabel().isBlank()) {
            fonts.add(m.getLabelFont());
        }
    }
}
