package se.kvalitetshjulet.ui.risk;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/** The small controls every tab of the analysis editor is built from, bound to a view-model property. */
final class RiskFormControls {
    private RiskFormControls() {
    }

    /** A tab's content, scrolling when the window is small (a form grid gets the tab's padding). */
    static ScrollPane scroll(Node n) {
        ScrollPane sp = new ScrollPane(n);
        sp.setFitToWidth(true);
        if (n instanceof GridPane g) {
            g.setPadding(new Insets(12));
        }
        return sp;
    }

    static Label h2(I18n i18n, String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("h2");
        return l;
    }

    static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    static TextField text(String id, StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    static TextArea area(String id, StringProperty p, int rows) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setPrefRowCount(rows);
        t.setWrapText(true);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    static <T> ComboBox<T> combo(String id, List<T> values, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        Forms.display(box, text);
        return box;
    }

    static <T> TableColumn<T, String> column(I18n i18n, String key, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
