package se.kvalitetshjulet.ui.selfcheck;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import se.kvalitetshjulet.domain.selfcheck.Share;
import se.kvalitetshjulet.ui.common.I18n;

/** The table columns of the Sammanställning tabs: text, right-aligned, shares as percentages, changes in points. */
final class CompilationColumns {
    private final CompilationViewModel vm;
    private final I18n i18n;

    CompilationColumns(CompilationViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    <T> TableColumn<T, String> col(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static <T> TableColumn<T, String> right(TableColumn<T, String> c) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** A share shown as a percentage and sorted by it (no percentage sorts first). */
    <T> TableColumn<T, Double> shareCol(String id, String key, Function<T, Share> value, double width) {
        TableColumn<T, Double> c = new TableColumn<>(i18n.get(key));
        if (id != null) {
            c.setId(id);
        }
        c.setCellValueFactory(d -> {
            Share s = value.apply(d.getValue());
            return new ReadOnlyObjectWrapper<>(s == null ? null : s.percent());
        });
        return numbers(c, vm::percent, width);
    }

    /** A change in percentage points, sorted by it. */
    <T> TableColumn<T, Double> pointsCol(String key, Function<T, Double> value, double width) {
        TableColumn<T, Double> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return numbers(c, vm::points, width);
    }

    private static <T> TableColumn<T, Double> numbers(TableColumn<T, Double> c, Function<Double, String> text,
                                                      double width) {
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : text.apply(item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(width);
        return c;
    }
}
