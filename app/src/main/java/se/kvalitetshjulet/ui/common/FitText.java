package se.kvalitetshjulet.ui.common;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * Issue 18, nothing cut on a 1366×768 laptop: every table column is at least as wide as its header's words (the
 * header never reads "Inskic…"), a column without a width of its own gets room for its contents (the first rows
 * measured), and a cell or list row that still has to be cut carries its whole text as a tooltip. Applied by the
 * shell to every screen when it is shown, after its loads and when a tab is chosen; each table and list once.
 */
public final class FitText {
    private static final String DONE = "kh.fitText";
    /** Sort arrow, padding and the column's borders beside the header's words. */
    private static final double HEADER_EXTRA = 30;
    /** A column fitted to its contents is never wider than this; the rest is in the tooltip. */
    private static final double MAX_CONTENT_WIDTH = 420;
    private static final int MEASURED_ROWS = 60;

    private FitText() {
    }

    /** Fits the tables and lists in {@code root} (and below it) that have not been fitted yet. */
    public static void apply(Node root) {
        if (root == null) {
            return;
        }
        AccessibleNames.name(root); // h3 (issue 18): every control named for screen readers
        if (root instanceof TableView<?> t) {
            table(t);
        } else if (root instanceof TreeTableView<?> t) {
            if (t.getProperties().putIfAbsent(DONE, Boolean.TRUE) == null) {
                t.getColumns().forEach(FitText::treeColumn);
            }
        } else if (root instanceof ListView<?> l) {
            list(l);
        } else if (root instanceof javafx.scene.control.TabPane tabs
                && tabs.getProperties().putIfAbsent(DONE, Boolean.TRUE) == null) {
            // a tab's content may be built when the tab is first chosen
            tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) ->
                    javafx.application.Platform.runLater(() -> apply(tab == null ? null : tab.getContent())));
        }
        if (root instanceof javafx.scene.control.ButtonBase b && b.getMinWidth() == javafx.scene.layout.Region.USE_COMPUTED_SIZE
                && !isInComboBox(b)
                && b.getText() != null && !b.getText().isBlank()) {
            // a button keeps its words: a row of buttons too long for the window wraps or scrolls, never "Ny a…"
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        if (root instanceof javafx.scene.control.ComboBox<?> combo
                && combo.getProperties().putIfAbsent(DONE, Boolean.TRUE) == null) {
            // the chosen value of a narrow drop-down, whole in its tooltip; the cell is the skin's, made on first show
            Runnable hook = () -> combo.getChildrenUnmodifiable().stream().filter(ListCell.class::isInstance)
                    .map(ListCell.class::cast)
                    .filter(c -> c.getProperties().putIfAbsent(DONE, Boolean.TRUE) == null)
                    .forEach(FitText::tooltipWhenCut);
            combo.skinProperty().addListener((o, a, skin) -> javafx.application.Platform.runLater(hook));
            combo.buttonCellProperty().addListener((o, a, cell) -> javafx.application.Platform.runLater(hook));
            hook.run();
        }
        if (root instanceof javafx.scene.layout.Pane pane) {
            AccessibleNames.watch(pane); // h3: what the screen adds later is named too
        }
        if (root instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                apply(c);
            }
        }
        if (root instanceof javafx.scene.control.ScrollPane sp) {
            apply(sp.getContent());
        }
        // h3: a tab pane's, split pane's or titled pane's contents even before its skin has made them children
        if (root instanceof javafx.scene.control.TabPane tabs && tabs.getSelectionModel().getSelectedItem() != null) {
            apply(tabs.getSelectionModel().getSelectedItem().getContent());
        }
        if (root instanceof javafx.scene.control.SplitPane split) {
            List.copyOf(split.getItems()).forEach(FitText::apply);
        }
        if (root instanceof javafx.scene.control.TitledPane titled) {
            apply(titled.getContent());
        }
    }

    private static boolean isInComboBox(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ComboBoxBase<?>) {
                return true;
            }
        }
        return false;
    }

    private static <S> void table(TableView<S> t) {
        if (t.getProperties().putIfAbsent(DONE, Boolean.TRUE) != null) {
            return;
        }
        for (TableColumn<S, ?> c : t.getColumns()) {
            column(t, c);
        }
        t.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<S, ?>>) ch -> {
            while (ch.next()) {
                ch.getAddedSubList().forEach(c -> column(t, c));
            }
        });
        if (t.getItems() != null) {
            t.getItems().addListener((javafx.collections.ListChangeListener<S>) ch -> contentWidths(t));
        }
        t.itemsProperty().addListener((o, a, items) -> {
            if (items != null) {
                items.addListener((javafx.collections.ListChangeListener<S>) ch -> contentWidths(t));
            }
            contentWidths(t);
        });
        contentWidths(t);
    }

    private static <S, T> void column(TableView<S> t, TableColumn<S, T> c) {
        if (c.getProperties().putIfAbsent(DONE, Boolean.TRUE) != null) {
            return;
        }
        c.getColumns().forEach(sub -> column(t, sub));
        headerMinimum(c);
        c.textProperty().addListener((o, a, b) -> headerMinimum(c));
        Callback<TableColumn<S, T>, TableCell<S, T>> original = c.getCellFactory();
        c.setCellFactory(col -> {
            TableCell<S, T> cell = original.call(col);
            tooltipWhenCut(cell);
            return cell;
        });
        // a column that sets no width of its own starts as wide as its contents (at most MAX_CONTENT_WIDTH)
        c.getProperties().put(DONE + ".auto", c.getPrefWidth() == 80.0);
    }

    private static <S, T> void treeColumn(TreeTableColumn<S, T> c) {
        c.getColumns().forEach(FitText::treeColumn);
        headerMinimum(c);
    }

    /** Whole words in the header: the column is never narrower than them. */
    private static void headerMinimum(TableColumnBase<?, ?> c) {
        String text = c.getText();
        if (text == null || text.isBlank() || c.getGraphic() != null) {
            return;
        }
        double need = Math.ceil(width(text, true)) + HEADER_EXTRA;
        if (c.getMinWidth() < need) {
            c.setMinWidth(need);
        }
        if (c.getPrefWidth() < need) {
            c.setPrefWidth(need);
        }
        if (c.getMaxWidth() < need) {
            c.setMaxWidth(need);
        }
    }

    /** Columns that set no width of their own get room for what the first rows hold. */
    private static <S> void contentWidths(TableView<S> t) {
        if (t.getItems() == null || t.getItems().isEmpty()) {
            return;
        }
        int rows = Math.min(MEASURED_ROWS, t.getItems().size());
        for (TableColumn<S, ?> c : t.getColumns()) {
            if (!Boolean.TRUE.equals(c.getProperties().get(DONE + ".auto")) || !c.getColumns().isEmpty()) {
                continue;
            }
            double widest = 0;
            for (int i = 0; i < rows; i++) {
                Object v = c.getCellData(i);
                if (v != null && !(v instanceof Node)) {
                    widest = Math.max(widest, width(String.valueOf(v), false));
                }
            }
            double want = Math.min(MAX_CONTENT_WIDTH, Math.ceil(widest) + 24);
            if (want > c.getPrefWidth()) {
                c.setPrefWidth(want);
            }
        }
    }

    private static <T> void list(ListView<T> l) {
        if (l.getProperties().putIfAbsent(DONE, Boolean.TRUE) != null) {
            return;
        }
        Callback<ListView<T>, ListCell<T>> original = l.getCellFactory();
        l.setCellFactory(v -> {
            ListCell<T> cell = original != null ? original.call(v) : plainCell();
            tooltipWhenCut(cell);
            return cell;
        });
    }

    /** What the default list cell does: an item's text, or the item itself when it is a node. */
    private static <T> ListCell<T> plainCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                } else if (item instanceof Node n) {
                    setText(null);
                    setGraphic(n);
                } else {
                    setText(item.toString());
                    setGraphic(null);
                }
            }
        };
    }

    /** The cell's whole text as its tooltip, so what the column cannot show is one hover away. */
    public static void tooltipWhenCut(javafx.scene.control.Labeled cell) {
        // the tooltip is made when the pointer first comes to a cell with text: one per cell made eagerly (a popup
        // control with a scene of its own each) kept tens of thousands alive on screens with long tables
        cell.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            String text = cell.getText();
            if (cell.getTooltip() == null && text != null && !text.isBlank()) {
                Tooltip tip = (Tooltip) cell.getProperties().computeIfAbsent(TIP, k -> {
                    Tooltip t = new Tooltip();
                    t.setWrapText(true);
                    t.setMaxWidth(520);
                    t.setShowDelay(javafx.util.Duration.millis(400));
                    t.textProperty().bind(cell.textProperty());
                    return t;
                });
                cell.setTooltip(tip);
            }
        });
        cell.textProperty().addListener((o, a, text) -> {
            if ((text == null || text.isBlank()) && cell.getTooltip() != null
                    && cell.getTooltip() == cell.getProperties().get(TIP)) {
                cell.setTooltip(null);
            }
        });
    }

    /** The cell's own tooltip, once the pointer has come to it. */
    private static final String TIP = "kh.fitText.tip";

    private static final Font PLAIN = Font.font("System", 14);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 14);

    private static double width(String s, boolean bold) {
        Text t = new Text(s);
        t.setFont(bold ? BOLD : PLAIN);
        return t.getLayoutBounds().getWidth();
    }
}
