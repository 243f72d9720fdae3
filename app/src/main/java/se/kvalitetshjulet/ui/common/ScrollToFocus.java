package se.kvalitetshjulet.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Keeps what has the keyboard focus in view inside a scroll pane (issue 18): when Tab or an arrow key moves the focus
 * to a question below the visible part of a long form, the form scrolls so that its card (the child of the content
 * that holds the focus) shows whole, or at least the focused control when the card is taller than the view.
 */
public final class ScrollToFocus {
    private static final double MARGIN = 8;

    private ScrollToFocus() {
    }

    public static void follow(ScrollPane scroll) {
        ChangeListener<Node> onFocus = (o, a, focused) -> {
            if (focused != null) {
                show(scroll, focused);
            }
        };
        scroll.sceneProperty().addListener((o, before, scene) -> {
            if (before != null) {
                before.focusOwnerProperty().removeListener(onFocus);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(onFocus);
            }
        });
        Scene now = scroll.getScene();
        if (now != null) {
            now.focusOwnerProperty().addListener(onFocus);
        }
    }

    /** Scrolls {@code scroll} vertically so that {@code node} (inside its content) is visible; false if it is not inside. */
    public static boolean show(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        if (content == null) {
            return false;
        }
        Node card = null;
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getParent() == content) {
                card = n;
            }
            if (n == content) {
                break;
            }
            if (n.getParent() == null) {
                return false;
            }
        }
        if (card == null && node != content) {
            return false;
        }
        double viewport = scroll.getViewportBounds().getHeight();
        double height = content.getLayoutBounds().getHeight();
        if (viewport <= 0 || height <= viewport) {
            return true;
        }
        Bounds b = bounds(content, card != null && bounds(content, card).getHeight() <= viewport - 2 * MARGIN ? card : node);
        double range = scroll.getVmax() - scroll.getVmin();
        double top = (range <= 0 ? 0 : (scroll.getVvalue() - scroll.getVmin()) / range) * (height - viewport);
        if (b.getMinY() - MARGIN < top) {
            top = b.getMinY() - MARGIN;
        } else if (b.getMaxY() + MARGIN > top + viewport) {
            top = b.getMaxY() + MARGIN - viewport;
        } else {
            return true;
        }
        double v = Math.max(0, Math.min(1, top / (height - viewport)));
        scroll.setVvalue(scroll.getVmin() + v * range);
        return true;
    }

    private static Bounds bounds(Node content, Node n) {
        return content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
    }
}
