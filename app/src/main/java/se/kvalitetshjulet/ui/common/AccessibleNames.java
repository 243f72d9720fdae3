package se.kvalitetshjulet.ui.common;

import java.util.stream.Collectors;

import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;

/**
 * Issue 18, screen readers: every control has an accessible name. A control's name is its accessible text, else the
 * text of the label that names it ({@code Label.setLabelFor}, which {@link Forms#row} sets), else its own words (a
 * button "Spara"). A control that has none of them gets one from what a sighted user reads there: its tooltip, its
 * prompt text, a table's column headings, a chart's title. Applied with {@link FitText} to every screen shown and
 * every editor window.
 */
public final class AccessibleNames {
    private AccessibleNames() {
    }

    /** The name a screen reader says for {@code n}; null when it has none. */
    public static String of(Node n) {
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) {
            return n.getAccessibleText();
        }
        if (n.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY) instanceof Label l && words(l.getText())) {
            return l.getText();
        }
        if (n instanceof Labeled l && words(l.getText()) && !(n instanceof ComboBoxBase<?>)) {
            return l.getText();
        }
        return null;
    }

    /** Words, not only a symbol ("◀", "+", "…"): at least one letter or digit. */
    static boolean words(String s) {
        return s != null && s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static final String WATCHED = "kh.accessibleNames.watched";

    /**
     * Names what {@code pane} gets later (a grid built when its load is back, a table shown on a choice), and what
     * that holds, once it is laid out; each pane watched once.
     */
    public static void watch(javafx.scene.layout.Pane pane) {
        if (pane.getProperties().putIfAbsent(WATCHED, Boolean.TRUE) != null) {
            return;
        }
        pane.getChildren().addListener((javafx.collections.ListChangeListener<Node>) ch -> {
            while (ch.next()) {
                for (Node added : java.util.List.copyOf(ch.getAddedSubList())) {
                    javafx.application.Platform.runLater(() -> nameTree(added));
                }
            }
        });
    }

    /** Names {@code n} and everything in it, and watches the panes among them. */
    public static void nameTree(Node n) {
        if (n == null) {
            return;
        }
        name(n);
        if (n instanceof javafx.scene.layout.Pane p) {
            watch(p);
        }
        if (n instanceof javafx.scene.control.ScrollPane sp) {
            nameTree(sp.getContent());
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : java.util.List.copyOf(p.getChildrenUnmodifiable())) {
                nameTree(c);
            }
        }
    }

    /** A chart viewer named by its chart: the title, else its first line of text (call after {@code setChart}). */
    public static void chart(org.jfree.chart.fx.ChartViewer viewer) {
        org.jfree.chart.JFreeChart c = viewer.getChart();
        String name = null;
        if (c != null && c.getTitle() != null && words(c.getTitle().getText())) {
            name = c.getTitle().getText();
        } else if (c != null) {
            name = c.getSubtitles().stream().filter(t -> t instanceof org.jfree.chart.title.TextTitle)
                    .map(t -> ((org.jfree.chart.title.TextTitle) t).getText()).filter(AccessibleNames::words)
                    .findFirst().orElse(null);
        }
        viewer.setAccessibleText(name);
    }

    /** Gives {@code n}, when it is a control or a chart without a name, the name a sighted user reads there. */
    public static void name(Node n) {
        if (!(n instanceof Control || n instanceof javafx.scene.chart.Chart) || of(n) != null) {
            return;
        }
        String name = derived(n);
        if (name != null && !name.isBlank()) {
            n.setAccessibleText(name.strip());
        }
    }

    private static String derived(Node n) {
        if (n instanceof Control c && c.getTooltip() != null && words(c.getTooltip().getText())) {
            return c.getTooltip().getText();
        }
        if (n instanceof TextInputControl t && words(t.getPromptText())) {
            return t.getPromptText();
        }
        if (n instanceof ComboBoxBase<?> b && words(b.getPromptText())) {
            return b.getPromptText();
        }
        if (n instanceof TableView<?> t) {
            return headings(t.getColumns().stream().map(c -> c.getText()));
        }
        if (n instanceof TreeTableView<?> t) {
            return headings(t.getColumns().stream().map(c -> c.getText()));
        }
        if (n instanceof javafx.scene.chart.Chart c && words(c.getTitle())) {
            return c.getTitle();
        }
        return nearbyLabel(n);
    }

    /**
     * The label a sighted user reads as the control's name: in a grid the label to its left in the same row (with
     * the column's heading in row 0, "Januari, Brukare"), otherwise the nearest label before it among its siblings
     * (or its container's siblings, two levels up) with no other control in between.
     */
    static String nearbyLabel(Node n) {
        Node child = n;
        for (int depth = 0; depth < 3 && child.getParent() != null; depth++) {
            javafx.scene.Parent p = child.getParent();
            if (p instanceof javafx.scene.layout.GridPane g) {
                String s = inGrid(g, child);
                if (s != null) {
                    return s;
                }
            }
            java.util.List<Node> kids = p.getChildrenUnmodifiable();
            for (int j = kids.indexOf(child) - 1; j >= 0; j--) {
                Node k = kids.get(j);
                if (k instanceof Label l && l.getLabelFor() == null && words(l.getText())) {
                    return text(l);
                }
                if (k instanceof Control && !(k instanceof Label)) {
                    return null; // another control is between: that label is not this one's
                }
            }
            child = p;
        }
        return null;
    }

    private static String inGrid(javafx.scene.layout.GridPane g, Node child) {
        int row = index(javafx.scene.layout.GridPane.getRowIndex(child));
        int col = index(javafx.scene.layout.GridPane.getColumnIndex(child));
        Label left = null;
        int leftCol = -1;
        Label head = null;
        for (Node k : g.getChildren()) {
            if (k instanceof Label l && words(l.getText()) && l.getLabelFor() == null) {
                int r = index(javafx.scene.layout.GridPane.getRowIndex(k));
                int c = index(javafx.scene.layout.GridPane.getColumnIndex(k));
                if (r == row && c < col && c > leftCol) {
                    left = l;
                    leftCol = c;
                } else if (r == 0 && row > 0 && c == col) {
                    head = l;
                }
            }
        }
        if (left == null) {
            return head == null ? null : text(head);
        }
        return head == null ? text(left) : text(left) + ", " + text(head);
    }

    private static int index(Integer i) {
        return i == null ? 0 : i;
    }

    private static String text(Label l) {
        String t = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
        return t.strip().replaceAll("[:：]$", "");
    }

    private static String headings(java.util.stream.Stream<String> columns) {
        String s = columns.filter(AccessibleNames::words)
                .collect(Collectors.joining(", "));
        return s.isBlank() ? null : s;
    }
}
