package se.kvalitetshjulet.ui.common;

import java.util.List;

import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;

/**
 * A group of radio buttons as one Tab stop (issue 18, decision 0026): Tab reaches the chosen answer (the first when
 * none is chosen) and leaves the group; Left/Up and Right/Down choose the previous and next answer (round the end),
 * Space and Enter choose the one with the focus. Enter may then go on ({@code onEnter}: the next question of a form).
 * A self-check of 30 yes/no questions is 30 Tab stops, not 120.
 */
public final class RadioGroups {
    private RadioGroups() {
    }

    /** Makes {@code buttons} (all in {@code group}, in visual order) one Tab stop with arrow keys. */
    public static void oneTabStop(ToggleGroup group, List<? extends ToggleButton> buttons, Runnable onEnter) {
        List<? extends ToggleButton> all = List.copyOf(buttons);
        Runnable update = () -> {
            ToggleButton stop = stop(group, all);
            for (ToggleButton b : all) {
                b.setFocusTraversable(b == stop);
            }
        };
        group.selectedToggleProperty().addListener((o, a, t) -> update.run());
        for (ToggleButton b : all) {
            b.disabledProperty().addListener((o, a, d) -> update.run());
            b.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
                    return;
                }
                switch (e.getCode()) {
                    case LEFT, UP, KP_LEFT, KP_UP -> {
                        move(all, b, -1);
                        e.consume();
                    }
                    case RIGHT, DOWN, KP_RIGHT, KP_DOWN -> {
                        move(all, b, +1);
                        e.consume();
                    }
                    case ENTER -> {
                        if (!e.isShiftDown()) {
                            b.setSelected(true);
                            e.consume();
                            if (onEnter != null) {
                                onEnter.run();
                            }
                        }
                    }
                    default -> { }
                }
            });
        }
        update.run();
    }

    /** The button Tab stops at: the chosen one, else the first that is not disabled. */
    public static ToggleButton stop(ToggleGroup group, List<? extends ToggleButton> buttons) {
        for (ToggleButton b : buttons) {
            if (b.isSelected() && b.getToggleGroup() == group && !b.isDisabled()) {
                return b;
            }
        }
        return buttons.stream().filter(b -> !b.isDisabled()).findFirst().orElse(null);
    }

    private static void move(List<? extends ToggleButton> all, ToggleButton from, int step) {
        int n = all.size();
        int i = all.indexOf(from);
        for (int k = 1; k <= n; k++) {
            ToggleButton next = all.get(Math.floorMod(i + step * k, n));
            if (!next.isDisabled()) {
                next.setSelected(true);
                next.requestFocus();
                return;
            }
        }
    }
}
