package se.kvalitetshjulet.ui.trend;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;

import se.kvalitetshjulet.domain.NumberText;

/**
 * Issue 18: a chart's numbers in the user's language. JFreeChart formats tick labels, tooltips and item labels with
 * the JVM's locale (so a Swedish window on an English Windows said "2.5"); this gives every number axis and every
 * standard generator of a chart {@link NumberText}'s format instead. Applied to each chart where it is made, with
 * the current theme's colours ({@link ChartTheme}) at the same time.
 */
public final class ChartNumbers {
    private ChartNumbers() {
    }

    /** The chart's number axes, tooltips and item labels in {@code locale}'s format; the chart, for chaining. */
    public static JFreeChart apply(JFreeChart chart, Locale locale) {
        if (chart != null) {
            NumberText numbers = NumberText.of(locale);
            for (Plot p : plots(chart.getPlot())) {
                if (p instanceof CategoryPlot c) {
                    for (int i = 0; i < c.getRangeAxisCount(); i++) {
                        axis(c.getRangeAxis(i), numbers);
                    }
                    for (int i = 0; i < c.getRendererCount(); i++) {
                        category(c.getRenderer(i), numbers);
                    }
                } else if (p instanceof XYPlot x) {
                    for (int i = 0; i < x.getRangeAxisCount(); i++) {
                        axis(x.getRangeAxis(i), numbers);
                    }
                    for (int i = 0; i < x.getDomainAxisCount(); i++) {
                        axis(x.getDomainAxis(i), numbers);
                    }
                    for (int i = 0; i < x.getRendererCount(); i++) {
                        xy(x.getRenderer(i), numbers);
                    }
                }
            }
            ChartTheme.apply(chart, se.kvalitetshjulet.ui.common.Theme.current()); // high contrast: darker colours
        }
        return chart;
    }

    /** The plot and, for a combined plot, its sub-plots. */
    static List<Plot> plots(Plot p) {
        List<Plot> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        out.add(p);
        if (p instanceof CombinedDomainXYPlot c) {
            c.getSubplots().forEach(s -> out.addAll(plots(s)));
        } else if (p instanceof CombinedRangeXYPlot c) {
            c.getSubplots().forEach(s -> out.addAll(plots(s)));
        } else if (p instanceof CombinedDomainCategoryPlot c) {
            for (Object s : c.getSubplots()) {
                out.addAll(plots((Plot) s));
            }
        } else if (p instanceof CombinedRangeCategoryPlot c) {
            for (Object s : c.getSubplots()) {
                out.addAll(plots((Plot) s));
            }
        }
        return out;
    }

    private static void axis(Axis a, NumberText numbers) {
        if (a instanceof NumberAxis n && !(a instanceof SymbolAxis)) {
            n.setNumberFormatOverride(numbers.format(0, 3));
        }
    }

    private static void category(CategoryItemRenderer r, NumberText numbers) {
        if (r == null) {
            return;
        }
        if (r.getDefaultToolTipGenerator() instanceof StandardCategoryToolTipGenerator g) {
            r.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator(g.getLabelFormat(), numbers.format(0, 3)));
        }
        if (r.getDefaultItemLabelGenerator() instanceof StandardCategoryItemLabelGenerator g) {
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(g.getLabelFormat(),
                    numbers.format(0, 3)));
        }
    }

    private static void xy(XYItemRenderer r, NumberText numbers) {
        if (r != null && r.getDefaultToolTipGenerator() instanceof StandardXYToolTipGenerator g
                && g.getXFormat() instanceof NumberFormat && g.getYFormat() instanceof NumberFormat) {
            r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator(g.getFormatString(), numbers.format(0, 3),
                    numbers.format(0, 3)));
        }
    }
}
