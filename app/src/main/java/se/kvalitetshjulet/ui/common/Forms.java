package se.kvalitetshjulet.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/** Small helpers that every form view uses: labelled grids, Swedish dates, readable combo boxes. */
public final class Forms {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private Forms() {
    }

    public static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    /** Adds a label (with mnemonic focus target) and a field on the next row. */
    public static void row(GridPane g, String label, javafx.scene.Node field) {
        int r = g.getRowCount();
        Label l = new Label(label);
        l.setLabelFor(field);
        l.setMnemonicParsing(true);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the field's name in whole words (issue 18)
        g.add(l, 0, r);
        g.add(field, 1, r);
        if (field instanceof javafx.scene.control.Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
    }

    /** A date picker that shows and accepts yyyy-mm-dd, the format Swedish authorities use. */
    public static DatePicker datePicker() {
        DatePicker dp = new DatePicker();
        dp.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DATE.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.strip(), DATE);
                } catch (DateTimeParseException e) {
                    return dp.getValue();
                }
            }
        });
        dp.setPromptText("ÅÅÅÅ-MM-DD");
        // Commit typed text when focus leaves, so keyboard users never lose a typed date.
        dp.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                dp.setValue(dp.getConverter().fromString(dp.getEditor().getText()));
            }
        });
        return dp;
    }

    public static <T> void display(ComboBox<T> box, Function<T, String> text) {
        display(box, text, "");
    }

    /** Shows items by {@code text}; the empty choice ({@code null}) as {@code nullText}, e.g. "Alla enheter". */
    public static <T> void display(ComboBox<T> box, Function<T, String> text, String nullText) {
        StringConverter<T> conv = new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? nullText : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return box.getItems().stream().filter(i -> text.apply(i).equals(s)).findFirst().orElse(null);
            }
        };
        box.setConverter(conv);
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : item == null ? nullText : text.apply(item));
            }
        });
    }
}
