package se.kvalitetshjulet.ui.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.ui.VisibleTexts;

/**
 * Issue 18: a chart's tick labels and tooltips in the UI language, on a computer whose own language is the other
 * one (JFreeChart follows the JVM's locale: that is how a Swedish chart said "2.5").
 */
class ChartNumbersTest {
    private Locale before;

    @BeforeEach
    void englishComputer() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    /** Rates between 0,3 and 2,7 per month: JFreeChart picks ticks 0.5 apart. */
    private static JFreeChart rates() {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        double[] v = {0.3, 1.2, 2.7, 1.75, 0.9, 2.2};
        for (int i = 0; i < v.length; i++) {
            d.addValue(v[i], "Avvikelser per 1 000 vårddygn", "2026-0" + (i + 1));
        }
        LineAndShapeRenderer r = new LineAndShapeRenderer();
        r.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator());
        return new JFreeChart(new CategoryPlot(d, new CategoryAxis(), new NumberAxis("per 1 000"), r));
    }

    private static List<String> seen(JFreeChart chart, String what) {
        List<VisibleTexts.Seen> out = new ArrayList<>();
        VisibleTexts.chart(chart, 800, 500, "test", out);
        return out.stream().filter(s -> s.what().startsWith(what)).map(VisibleTexts.Seen::text).toList();
    }

    @Test
    void withoutTheLanguageTheChartFollowsTheComputer() {
        assertThat(seen(rates(), "chart axis")).contains("2.5");
    }

    @Test
    void swedishTicksAndTooltipsHaveTheDecimalComma() {
        JFreeChart chart = ChartNumbers.apply(rates(), Locale.of("sv"));
        assertThat(seen(chart, "chart axis")).contains("0,5", "2,5").noneMatch(t -> t.contains("."));
        assertThat(seen(chart, "chart tooltip")).singleElement().asString().contains("0,3").doesNotContain("0.3");
    }

    @Test
    void englishTicksHaveTheDecimalPointOnASwedishComputer() {
        Locale.setDefault(Locale.of("sv", "SE"));
        JFreeChart chart = ChartNumbers.apply(rates(), Locale.ENGLISH);
        assertThat(seen(chart, "chart axis")).contains("0.5", "2.5").noneMatch(t -> t.contains(","));
    }
}
