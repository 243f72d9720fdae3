package se.kvalitetshjulet.ui.common;

/**
 * A screen that reloads its data when the shell shows it again. Lives here, not in the shell, so that feature
 * screens do not depend on the shell that depends on them (no package cycle).
 */
public interface Refreshable {
    void refresh();
}
