package se.kvalitetshjulet.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Cell;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;

/**
 * What a user would see cut off in a window: a label, button, tab, column header or cell that shows "…" in place of
 * its words (a cell may, when its tooltip carries the whole text), and a control or chart that reaches past the
 * window's edge where nothing scrolls to it.
 */
public final class CutText {
    private CutText() {
    }

    /** One finding, said as a user would: where and what. */
    public record Finding(String where, String text, String how) {
        @Override
        public String toString() {
            return where + ": ”" + text + "” " + how;
        }
    }

    /** Everything cut in the scene now shown; {@code where} names the screen (and tab). */
    public static List<Finding> in(Scene scene, String where) {
        return in(scene, where, false);
    }

    /**
     * The same, with the shell's own scroll pane around the screen ({@code #screenScroll}) counted as scrolling when
     * {@code screenScrolls}: what 125 % scaling may use (decision 0028); at 100 % a screen must fit without it.
     */
    public static List<Finding> in(Scene scene, String where, boolean screenScrolls) {
        List<Finding> out = new ArrayList<>();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        walk(scene.getRoot(), scene, where, false, screenScrolls, out);
        return out;
    }

    /** The same finding on many screens (the navigation) once, where it was first seen. */
    public static List<Finding> once(List<Finding> all) {
        java.util.Map<String, Finding> seen = new java.util.LinkedHashMap<>();
        for (Finding f : all) {
            seen.putIfAbsent(f.text() + "\u0000" + f.how(), f);
        }
        return List.copyOf(seen.values());
    }

    private static void walk(Node n, Scene scene, String where, boolean scrolls, boolean screenScrolls,
                             List<Finding> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof Labeled l) {
            cut(l, where).ifPresent(out::add);
        }
        if (!scrolls && (n instanceof Labeled || n instanceof Canvas || n instanceof TableView<?>
                || n instanceof ListView<?> || n instanceof TreeView<?> || n instanceof ScrollPane
                || n instanceof TextInputControl || n instanceof ComboBoxBase<?>)) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getWidth() > 0 && b.getHeight() > 0
                    && (b.getMaxY() > scene.getHeight() + 1 || b.getMaxX() > scene.getWidth() + 1)) {
                out.add(new Finding(where, describe(n), "reaches past the window's edge ("
                        + Math.round(b.getMaxX()) + "×" + Math.round(b.getMaxY()) + " in a "
                        + Math.round(scene.getWidth()) + "×" + Math.round(scene.getHeight()) + " window)"));
                return; // its insides are past the edge too: one finding is enough
            }
        }
        // the shell's own scroll pane around a screen is the last resort at 125 %, not a licence to be too tall
        boolean inside = scrolls || n instanceof ScrollPane && (screenScrolls || !"screenScroll".equals(n.getId()))
                || n instanceof TableView<?> || n instanceof ListView<?>
                || n instanceof TreeView<?> || n instanceof javafx.scene.control.TreeTableView<?>;
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, scene, where, inside, screenScrolls, out);
            }
        }
    }

    private static String describe(Node n) {
        String kind = n.getClass().getSimpleName();
        String id = n.getId() == null ? "" : " #" + n.getId();
        String text = n instanceof Labeled l && l.getText() != null ? " " + l.getText() : "";
        return kind + id + text;
    }

    /** The label's words as laid out, when they are fewer than its text. */
    static java.util.Optional<Finding> cut(Labeled l, String where) {
        String full = l.getText();
        if (full == null || full.isBlank() || l.getWidth() <= 0) {
            return java.util.Optional.empty();
        }
        String shown = null;
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                shown = t.getText();
            }
        }
        if (shown == null) {
            return java.util.Optional.empty();
        }
        String expected = l.isMnemonicParsing() ? full.replaceFirst("_(?=.)", "") : full;
        String ellipsis = l.getEllipsisString();
        if (shown.equals(expected) || ellipsis == null || ellipsis.isEmpty() || !shown.contains(ellipsis)
                || expected.contains(ellipsis) && shown.length() >= expected.length()) {
            return java.util.Optional.empty();
        }
        if (l instanceof Cell<?> && hasWholeText(l, full)) {
            return java.util.Optional.empty(); // a cell may be cut when its tooltip says all of it
        }
        String kind = l.getStyleClass().contains("label") && l.getParent() != null
                && l.getParent().getStyleClass().contains("column-header") ? "column header" : l.getClass().getSimpleName();
        return java.util.Optional.of(new Finding(where, full, "is cut to ”" + shown + "” (" + kind + ")"));
    }

    private static boolean hasWholeText(Labeled l, String full) {
        if (l.getTooltip() == null) {
            // a cell's tooltip is made when the pointer comes to it (FitText): come to it
            javafx.event.Event.fireEvent(l, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED,
                    0, 0, 0, 0, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false,
                    false, false, false, null));
        }
        Tooltip t = l.getTooltip();
        return t != null && t.getText() != null && t.getText().contains(full.strip());
    }
}
