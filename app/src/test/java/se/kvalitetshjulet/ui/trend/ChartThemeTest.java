package se.kvalitetshjulet.ui.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.ui.common.Theme;

/** Issue 18: in high contrast a chart's grey limit lines and light colours are darkened to stand out from white. */
class ChartThemeTest {
    private static JFreeChart chart() {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        d.addValue(3, "värde", "jan");
        d.addValue(5, "övre gräns", "jan");
        LineAndShapeRenderer r = new LineAndShapeRenderer();
        r.setSeriesPaint(0, ChartLook.VALUE);
        r.setSeriesPaint(1, ChartLook.LIMIT);
        CategoryPlot plot = new CategoryPlot(d, new CategoryAxis(), new NumberAxis(), r);
        plot.addRangeMarker(new ValueMarker(4, ChartLook.RUNS, ChartLook.dashed(1.4f)));
        return new JFreeChart(plot);
    }

    @Test
    void highContrastDarkensWhatIsFaintAndKeepsWhatIsDarkEnough() {
        JFreeChart chart = ChartTheme.apply(chart(), Theme.HIGH_CONTRAST);
        CategoryPlot plot = chart.getCategoryPlot();
        Color limit = (Color) plot.getRenderer().getSeriesPaint(1);
        assertThat(ChartTheme.contrast(ChartLook.LIMIT, Color.WHITE)).isLessThan(4.5);
        assertThat(ChartTheme.contrast(limit, Color.WHITE)).isGreaterThanOrEqualTo(4.5);
        assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(ChartLook.VALUE); // 6.9:1 already
        Color marker = (Color) ((ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next())
                .getPaint();
        assertThat(ChartTheme.contrast(marker, Color.WHITE)).isGreaterThanOrEqualTo(4.5);
        assertThat(plot.getRangeAxis().getTickLabelPaint()).isEqualTo(Color.BLACK);
    }

    @Test
    void theStandardThemeLeavesTheChartAsDrawn() {
        JFreeChart chart = ChartTheme.apply(chart(), Theme.STANDARD);
        assertThat(chart.getCategoryPlot().getRenderer().getSeriesPaint(1)).isEqualTo(ChartLook.LIMIT);
    }
}
