package se.kvalitetshjulet.ui.settings;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;

import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Theme;

/**
 * Inställningar → Utseende (issue 18): Standard or Hög kontrast, applied at once when chosen (the window's
 * stylesheets change; charts take the new colours when they are drawn next) and remembered for the next start.
 */
public final class AppearancePane extends HBox {
    public AppearancePane(I18n i18n, Consumer<Theme> apply) {
        super(10);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ComboBox<Theme> choice = new ComboBox<>();
        choice.setId("settingsTheme");
        choice.setAccessibleText(i18n.get("h3.theme.title"));
        choice.getItems().setAll(List.of(Theme.values()));
        Forms.display(choice, t -> i18n.get("h3.theme." + t.preference()));
        choice.setValue(Theme.current());
        choice.valueProperty().addListener((o, a, t) -> {
            if (t != null && t != a) {
                apply.accept(t);
            }
        });
        getChildren().add(choice);
    }
}
