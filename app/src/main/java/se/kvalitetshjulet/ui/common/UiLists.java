package se.kvalitetshjulet.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;

/** Small helpers for list screens: a combo box whose first choice is "all" (null), a text column. */
public final class UiLists {
    private UiLists() {
    }

    /** Keeps the combo's items = null followed by {@code source}, shown with {@code text}. */
    public static <T> ComboBox<T> withAll(ObservableList<T> source, Function<T, String> text, String allText) {
        ComboBox<T> box = new ComboBox<>();
        Forms.display(box, text, allText);
        Runnable fill = () -> {
            T keep = box.getValue();
            List<T> items = new ArrayList<>();
            items.add(null);
            items.addAll(source);
            box.getItems().setAll(items);
            box.setValue(keep);
        };
        source.addListener((ListChangeListener<T>) c -> fill.run());
        fill.run();
        box.setPromptText(allText);
        return box;
    }

    public static <T> ComboBox<T> withAll(List<T> values, Function<T, String> text, String allText) {
        return withAll(javafx.collections.FXCollections.observableArrayList(values), text, allText);
    }

    public static <S> TableColumn<S, String> column(String title, double width, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> {
            String v = cd.getValue() == null ? "" : value.apply(cd.getValue());
            ObservableValue<String> p = new SimpleStringProperty(v == null ? "" : v);
            return p;
        });
        return c;
    }
}
