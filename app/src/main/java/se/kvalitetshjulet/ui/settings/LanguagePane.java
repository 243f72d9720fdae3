package se.kvalitetshjulet.ui.settings;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;

import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * Inställningar → Språk (issue 18): Svenska or English, applied at once (the window is built again in the chosen
 * language, the database stays open) and remembered for the next start. Each language is named in itself.
 */
public final class LanguagePane extends HBox {
    static final List<Locale> LANGUAGES = List.of(Locale.of("sv"), Locale.ENGLISH);

    public LanguagePane(I18n i18n, Consumer<Locale> apply) {
        super(10);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ComboBox<Locale> choice = new ComboBox<>();
        choice.setId("settingsLanguage");
        choice.getItems().setAll(LANGUAGES);
        Forms.display(choice, l -> l.getDisplayLanguage(l).substring(0, 1).toUpperCase(l) + l.getDisplayLanguage(l).substring(1));
        Locale now = "en".equals(i18n.locale().getLanguage()) ? Locale.ENGLISH : Locale.of("sv");
        choice.setValue(LANGUAGES.stream().filter(l -> l.getLanguage().equals(now.getLanguage())).findFirst().orElseThrow());
        Button use = new Button(i18n.get("h4.language.apply"));
        use.setId("settingsLanguageApply");
        use.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> choice.getValue() == null || choice.getValue().getLanguage().equals(now.getLanguage()),
                choice.valueProperty()));
        use.setOnAction(e -> apply.accept(choice.getValue()));
        getChildren().addAll(choice, use);
    }
}
