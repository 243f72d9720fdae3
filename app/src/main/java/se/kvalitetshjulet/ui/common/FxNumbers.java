package se.kvalitetshjulet.ui.common;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Issue 18: the numbers of a JavaFX chart's axis in the UI language ({@link I18n#numbers()}): JavaFX formats them
 * with the JVM's locale, so a Swedish window on an English Windows said "2.5".
 */
public final class FxNumbers {
    private FxNumbers() {
    }

    /** The axis, its tick labels in the UI language. */
    public static NumberAxis axis(NumberAxis axis, I18n i18n) {
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : i18n.numbers().number(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                try {
                    return i18n.numbers().format(0, 3).parse(s.strip());
                } catch (java.text.ParseException | RuntimeException e) {
                    return 0;
                }
            }
        });
        return axis;
    }
}
