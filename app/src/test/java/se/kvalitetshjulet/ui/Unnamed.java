package se.kvalitetshjulet.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Accordion;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

import se.kvalitetshjulet.ui.common.AccessibleNames;

/**
 * Issue 18, screen readers: the controls a keyboard user can reach (and every chart) in a window that have no
 * accessible name – no accessible text, no label naming them, no words of their own.
 */
public final class Unnamed {
    private Unnamed() {
    }

    public static List<String> in(Scene scene, String where) {
        List<String> out = new ArrayList<>();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        walk(scene.getRoot(), where, out);
        return out;
    }

    private static void walk(Node n, String where, List<String> out) {
        if (n == null || !n.isVisible()) {
            return;
        }
        if (needsName(n) && AccessibleNames.of(n) == null) {
            out.add(where + ": " + describe(n));
        }
        for (Node c : children(n)) {
            walk(c, where, out);
        }
    }

    private static boolean needsName(Node n) {
        if (n instanceof org.jfree.chart.fx.ChartViewer || n instanceof javafx.scene.chart.Chart) {
            return true;
        }
        return n instanceof Control c && c.isFocusTraversable() && !(n instanceof Label || n instanceof ScrollPane
                || n instanceof ScrollBar || n instanceof SplitPane || n instanceof TabPane || n instanceof ToolBar
                || n instanceof TitledPane || n instanceof Separator || n instanceof ProgressIndicator
                || n instanceof MenuBar || n instanceof ButtonBar || n instanceof Accordion);
    }

    /** What a user reaches inside {@code n}: a container's contents, never a control's own parts (its skin). */
    private static List<Node> children(Node n) {
        if (n instanceof ScrollPane s) {
            return s.getContent() == null ? List.of() : List.of(s.getContent());
        }
        if (n instanceof TabPane t) {
            return t.getSelectionModel().getSelectedItem() == null || t.getSelectionModel().getSelectedItem().getContent() == null
                    ? List.of() : List.of(t.getSelectionModel().getSelectedItem().getContent());
        }
        if (n instanceof SplitPane s) {
            return s.getItems();
        }
        if (n instanceof TitledPane t) {
            return t.isExpanded() && t.getContent() != null ? List.of(t.getContent()) : List.of();
        }
        if (n instanceof Accordion a) {
            return List.copyOf(a.getPanes());
        }
        if (n instanceof ToolBar t) {
            return t.getItems();
        }
        if (n instanceof ButtonBar b) {
            return b.getButtons();
        }
        if (n instanceof Control) {
            return List.of();
        }
        return n instanceof Parent p ? p.getChildrenUnmodifiable() : List.of();
    }

    private static String describe(Node n) {
        StringBuilder s = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) {
            s.append(" #").append(n.getId());
        }
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank()) {
            s.append(" ”").append(l.getText()).append('”');
        }
        if (n instanceof javafx.scene.control.TextInputControl t && t.getPromptText() != null) {
            s.append(" prompt ”").append(t.getPromptText()).append('”');
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            Tooltip t = c.getTooltip();
            s.append(" tooltip ”").append(t.getText()).append('”');
        }
        return s.toString();
    }
}
