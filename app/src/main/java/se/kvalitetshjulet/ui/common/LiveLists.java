package se.kvalitetshjulet.ui.common;

import java.util.List;
import java.util.Objects;

import javafx.collections.ObservableList;

/**
 * Reloading a shown list without disturbing the person looking at it (decision 0030): only the rows that differ are
 * replaced, so a table keeps its selection and scroll position when others' changes arrive, and nothing at all
 * happens when nothing changed.
 */
public final class LiveLists {
    private LiveLists() {
    }

    /**
     * Makes {@code shown} equal to {@code fresh} with as few changes as possible: rows no longer there are removed,
     * new or changed ones inserted where they belong, and every row equal to one already shown stays that very
     * object (lists of a page, some hundred rows: the quadratic walk costs nothing).
     */
    public static <T> void replaceKeeping(ObservableList<T> shown, List<T> fresh) {
        for (int i = shown.size() - 1; i >= 0; i--) {
            if (!fresh.contains(shown.get(i))) {
                shown.remove(i);
            }
        }
        for (int i = 0; i < fresh.size(); i++) {
            T wanted = fresh.get(i);
            if (i < shown.size() && Objects.equals(shown.get(i), wanted)) {
                continue;
            }
            int later = -1;
            for (int j = i + 1; j < shown.size(); j++) {
                if (Objects.equals(shown.get(j), wanted)) {
                    later = j;
                    break;
                }
            }
            shown.add(i, later < 0 ? wanted : shown.remove(later));
        }
        if (shown.size() > fresh.size()) {
            shown.remove(fresh.size(), shown.size());
        }
    }

    /**
     * Keeps {@code table}'s selected row selected across reloads, by {@code id}: a row that others changed is a new
     * element, which a table would otherwise deselect.
     */
    public static <T> void keepSelection(javafx.scene.control.TableView<T> table,
                                         java.util.function.Function<T, Object> id) {
        Object[] remembered = new Object[1];
        table.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> {
            if (now != null) {
                remembered[0] = id.apply(now);
            }
        });
        table.getItems().addListener((javafx.collections.ListChangeListener<T>) c -> {
            if (remembered[0] == null || table.getSelectionModel().getSelectedItem() != null) {
                return;
            }
            for (T item : table.getItems()) {
                if (remembered[0].equals(id.apply(item))) {
                    table.getSelectionModel().select(item);
                    return;
                }
            }
        });
    }
}
