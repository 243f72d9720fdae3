package se.kvalitetshjulet.ui.selfcheck;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import se.kvalitetshjulet.ui.common.I18n;

/** Small pieces the self-check tabs share: a hand-over button, a text column. */
final class SelfCheckParts {
    private SelfCheckParts() {
    }

    static Button handoverButton(String id, String text, javafx.beans.binding.BooleanBinding enabled,
                                         Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(enabled.not());
        b.setOnAction(e -> action.run());
        return b;
    }

    static <T> TableColumn<T, String> col(I18n i18n, String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
