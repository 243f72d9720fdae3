package se.kvalitetshjulet.ui.common;

import java.util.function.Predicate;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window an editor opens in (redigeringsfönster): owned by the main window, styled like it, and closed either by
 * the window's own close box or by the view model's close request, both only when {@code mayClose} agrees (which is
 * where an editor asks before unsaved edits are dropped).
 */
public final class EditorWindow {
    private EditorWindow() {
    }

    /**
     * Builds the (not yet shown) stage for {@code view}; the caller sets the title and shows it.
     *
     * @param closeRequested set to true by the view model (its Close button); reset here
     * @param mayClose       asked before the window closes, with the stage (to own a confirmation dialog)
     */
    public static Stage create(Parent view, Window owner, double width, double height, BooleanProperty closeRequested,
                               Predicate<Stage> mayClose) {
        Stage[] stage = new Stage[1];
        stage[0] = open(view, owner, width, height, () -> mayClose.test(stage[0]));
        closeRequested.addListener((o, a, requested) -> {
            if (requested) {
                closeRequested.set(false);
                if (mayClose.test(stage[0])) {
                    stage[0].close();
                }
            }
        });
        return stage[0];
    }

    /**
     * The wanted size, made smaller where the screen is smaller (a 1366×768 laptop), so that no part of a window,
     * least of all its Save button, ends up outside the screen. The window's content scrolls or shrinks instead.
     */
    public static javafx.geometry.Dimension2D fitted(double width, double height, Window owner) {
        javafx.geometry.Rectangle2D bounds = screenOf(owner).getVisualBounds();
        return new javafx.geometry.Dimension2D(Math.min(width, bounds.getWidth() - 32),
                Math.min(height, bounds.getHeight() - 48));
    }

    private static javafx.stage.Screen screenOf(Window owner) {
        if (owner == null || owner.getWidth() <= 0) {
            return javafx.stage.Screen.getPrimary();
        }
        var screens = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
                owner.getHeight());
        return screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.getFirst();
    }

    /**
     * Opens {@code view} in a window owned by {@code owner}, styled like it and no larger than the screen, that closes
     * (by its close box) only when {@code mayClose} agrees — for editors that close themselves from their own buttons.
     */
    public static Stage open(Parent view, Window owner, double width, double height,
                             java.util.function.BooleanSupplier mayClose) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        javafx.geometry.Dimension2D size = fitted(width, height, owner);
        Scene scene = new Scene(view, size.getWidth(), size.getHeight());
        // On the scene, not the view, so that the window's pop-ups (combo lists, date pickers) are styled too.
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> Mnemonics.install(scene)); // h1: Alt+letter
        // issue 18: editor windows get the screens' fixes too (columns fit headers, tooltips on cut cells, buttons
        // keep their words, every control named)
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> FitText.apply(view));
        stage.setOnCloseRequest(e -> {
            if (!mayClose.getAsBoolean()) {
                e.consume();
            }
        });
        return stage;
    }

    /** h1 (issue 18): what F1 in an editor window does, set by the shell (help lives there): owner window, topic. */
    private static java.util.function.BiConsumer<Window, String> help = (w, topic) -> { };

    /** The shell's help, for F1 in every editor window. */
    public static void helpOpener(java.util.function.BiConsumer<Window, String> opener) {
        help = opener == null ? (w, topic) -> { } : opener;
    }

    /** F1 in {@code stage} opens help at {@code topic} (e.g. "deviation-editor"). */
    public static void helpTopic(Stage stage, String topic) {
        stage.getScene().getAccelerators().put(Shortcuts.HELP, () -> help.accept(stage, topic));
    }

    /** Gives {@code view} the projector style (larger text) when the owner window is in projector mode. */
    public static void followProjectorMode(Parent view, Window owner) {
        if (owner != null && owner.getScene() != null
                && owner.getScene().getRoot().getStyleClass().contains("projector")) {
            view.getStyleClass().add("projector");
        }
    }
}
