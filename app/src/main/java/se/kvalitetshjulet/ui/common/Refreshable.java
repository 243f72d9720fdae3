package se.kvalitetshjulet.ui.common;

import java.util.Set;

import se.kvalitetshjulet.domain.change.ChangeTopic;

/**
 * A screen that reloads its data when the shell shows it again. Lives here, not in the shell, so that feature
 * screens do not depend on the shell that depends on them (no package cycle).
 *
 * <p>h5 (decision 0030): a screen that names the {@link #shows() topics it shows} is also told, while it is shown,
 * when someone else changed one of them; it reloads keeping the selection and scroll position and never while the
 * user is editing.
 */
public interface Refreshable {
    void refresh();

    /** What others' changes concern this screen; none by default (it reloads only when shown again). */
    default Set<ChangeTopic> shows() {
        return Set.of();
    }

    /** Someone changed what this screen {@link #shows()}; called on the FX thread while it is shown. */
    default void othersChanged(Set<ChangeTopic> changed) {
        refresh();
    }
}
