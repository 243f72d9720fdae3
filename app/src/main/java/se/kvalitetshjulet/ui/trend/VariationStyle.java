package se.kvalitetshjulet.ui.trend;

import java.awt.Color;

import javafx.scene.control.Label;

import se.kvalitetshjulet.domain.trend.Variation;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The variation icon's look, one for the screen, the presentation and the exported charts (after NHS "Making Data
 * Count"): blue for an improvement, orange for a deterioration, grey for common-cause variation, with a shape as well
 * as a colour (▲ ▼ ●) so it reads without colour vision and on a washed-out projector.
 */
public final class VariationStyle {
    static final Color IMPROVEMENT = new Color(0x00, 0x6e, 0xb3);
    static final Color CONCERN = new Color(0xd9, 0x5f, 0x02);
    static final Color COMMON = new Color(0x59, 0x59, 0x59);

    private VariationStyle() {
    }

    static Color colour(Variation v) {
        return new Color((v == null ? Variation.COMMON_CAUSE : v).rgb());
    }

    static String glyph(Variation v) {
        return (v == null ? Variation.COMMON_CAUSE : v).glyph();
    }

    static String css(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Styles a verdict label: glyph, colour and weight. */
    static void apply(Label label, Variation v, I18n i18n) {
        label.setText(glyph(v) + " " + label.getText());
        label.setStyle("-fx-font-weight: bold; -fx-text-fill: " + css(colour(v)) + ";");
    }
}
