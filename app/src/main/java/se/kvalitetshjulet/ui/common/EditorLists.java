package se.kvalitetshjulet.ui.common;

import javafx.application.Platform;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Pieces the structure editors (self-check and risk templates) share: a list whose selection follows a view-model
 * property, Alt+Up/Alt+Down/Delete on a list, focusing a field after a command, a multi-line field that Tab leaves.
 */
public final class EditorLists {
    private EditorLists() {
    }

    /** Keeps a list's selection and a view-model property in step (both ways). */
    public static <T> void syncSelection(ListView<T> list, Property<T> selected) {
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item != selected.getValue()) {
                selected.setValue(item);
            }
        });
        selected.addListener((o, a, item) -> {
            if (item == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != item) {
                list.getSelectionModel().select(item);
                list.scrollTo(item);
            }
        });
        list.getItems().addListener((ListChangeListener<T>) c -> {
            T item = selected.getValue();
            if (item != null && list.getSelectionModel().getSelectedItem() != item) {
                list.getSelectionModel().select(item);
            }
        });
        if (selected.getValue() != null) {
            list.getSelectionModel().select(selected.getValue());
        }
    }

    /** Alt+Up and Alt+Down move the chosen item, Delete removes it. */
    public static void listKeys(ListView<?> list, Command up, Command down, Command remove) {
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                up.execute();
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                down.execute();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                remove.execute();
                e.consume();
            }
        });
    }

    /** Focuses {@code node} once the current event is done (a text field with its text selected). */
    public static void focusLater(Node node) {
        Platform.runLater(() -> {
            node.requestFocus();
            if (node instanceof TextField tf) {
                tf.selectAll();
            }
        });
    }

    /** A wrapping multi-line field of {@code rows} rows that Tab and Shift+Tab leave, as in every other field. */
    public static TextArea textArea(String id, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPrefRowCount(rows);
        a.setWrapText(true);
        // Tab moves on (as in every other field); Ctrl+Tab is not needed to leave the area.
        a.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                Node n = a;
                if (e.isShiftDown()) {
                    n.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, true, true, false, false));
                } else {
                    n.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, true, false, false));
                }
            }
        });
        return a;
    }
}
