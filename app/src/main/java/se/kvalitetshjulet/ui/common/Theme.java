package se.kvalitetshjulet.ui.common;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Inställningar → Utseende (issue 18): the standard look or high contrast. Both have the thick focus ring of
 * {@code theme.css}; high contrast adds {@code high-contrast.css} on top (black on white, at least 7:1 for text,
 * black borders, a yellow-and-black focus ring) and darker chart colours ({@code ui.trend.ChartTheme}). The choice is
 * the user's, remembered on this computer like the language ({@code theme=standard|high-contrast}).
 */
public enum Theme {
    STANDARD("standard"),
    HIGH_CONTRAST("high-contrast");

    static final String BASE = "/ui/theme.css";
    static final String HIGH = "/ui/high-contrast.css";
    /** The preferences file's key. */
    public static final String PREFERENCE = "theme";

    private static final ObjectProperty<Theme> CURRENT = new SimpleObjectProperty<>(STANDARD);

    private final String preference;

    Theme(String preference) {
        this.preference = preference;
    }

    /** What the preferences file says: "standard" or "high-contrast". */
    public String preference() {
        return preference;
    }

    /** The theme the preferences file names; the standard one for anything else. */
    public static Theme fromPreference(String value) {
        return HIGH_CONTRAST.preference.equals(value) ? HIGH_CONTRAST : STANDARD;
    }

    /** The theme in use in this window session (charts read it when they are drawn). */
    public static Theme current() {
        return CURRENT.get();
    }

    public static ObjectProperty<Theme> currentProperty() {
        return CURRENT;
    }

    /** The stylesheets of this theme, in order. */
    public List<String> stylesheets() {
        String base = Theme.class.getResource(BASE).toExternalForm();
        return this == HIGH_CONTRAST ? List.of(base, Theme.class.getResource(HIGH).toExternalForm()) : List.of(base);
    }

    /** Applies this theme to the scene at once (and makes it the current one). */
    public void applyTo(Scene scene) {
        CURRENT.set(this);
        if (scene != null) {
            scene.getStylesheets().setAll(stylesheets());
        }
    }

    /** A dialog's or window's own root gets the current theme (dialogs do not inherit the owner's stylesheets). */
    public static void style(Parent root) {
        if (root != null) {
            root.getStylesheets().setAll(current().stylesheets());
        }
    }
}
