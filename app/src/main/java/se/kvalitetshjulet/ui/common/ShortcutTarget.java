package se.kvalitetshjulet.ui.common;

import javafx.scene.input.KeyCombination;

/**
 * A screen that answers a window-wide shortcut of {@link Shortcuts} (Ctrl+N: its "Ny …"), wherever the focus is in
 * the main window, also in the navigation (issue 18). The shell asks the screen shown.
 */
public interface ShortcutTarget {
    /** Does what {@code keys} means on this screen; false when it means nothing here. */
    boolean onShortcut(KeyCombination keys);
}
