package se.kvalitetshjulet.ui.keyfigure;

import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.I18n;

/** The controls the Nyckeltal tabs share: command buttons, chart viewers with their notes, text columns and cells. */
final class KeyFigureControls {
    private KeyFigureControls() {
    }

    static Button button(I18n i18n, String id, String key, Command c) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        c.bind(b);
        return b;
    }

    static ChartViewer viewer(String id) {
        ChartViewer v = new ChartViewer();
        v.setId(id);
        v.setMinHeight(260);
        v.setPrefHeight(340);
        return v;
    }

    /** The explanation under a chart: its method, uncertainty and signals in words. */
    static Label note(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("explanation");
        return l;
    }

    static VBox withNote(Node chart, Label note) {
        VBox v = new VBox(6, chart, note);
        v.setPrefWidth(600);
        return v;
    }

    static <T> TableColumn<T, String> col(I18n i18n, String key, Function<T, String> f, double width) {
        TableColumn<T, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A list cell that shows each item as {@code text} says (nothing for the empty cell). */
    static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
