package se.kvalitetshjulet.ui.shell;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import se.kvalitetshjulet.domain.change.ChangeTopic;
import se.kvalitetshjulet.service.ChangeService;
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * Others' changes reach the screen that is shown (decision 0030): the change service calls on its own thread, this
 * hands the topics over to the UI thread (several that arrive meanwhile as one) and tells the shown screen when it
 * shows one of them. A screen that is not shown reloads anyway when it is shown again.
 */
final class LiveRefresh implements AutoCloseable {
    private final Executor ui;
    private final Supplier<Object> shown;
    private final ChangeService.Watching watching;
    private final Set<ChangeTopic> pending = EnumSet.noneOf(ChangeTopic.class);
    private boolean scheduled;

    /** {@code ui} runs on the UI thread ({@code Platform::runLater}); {@code shown} is the screen shown now. */
    LiveRefresh(ChangeService changes, Executor ui, Supplier<Object> shown) {
        this.ui = ui;
        this.shown = shown;
        this.watching = changes.watch(EnumSet.allOf(ChangeTopic.class), this::arrived);
    }

    private void arrived(Set<ChangeTopic> topics) {
        synchronized (pending) {
            pending.addAll(topics);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        ui.execute(this::deliver);
    }

    private void deliver() {
        Set<ChangeTopic> now;
        synchronized (pending) {
            now = EnumSet.copyOf(pending);
            pending.clear();
            scheduled = false;
        }
        if (now.isEmpty() || !(shown.get() instanceof Refreshable screen)) {
            return;
        }
        now.retainAll(screen.shows());
        if (!now.isEmpty()) {
            screen.othersChanged(now);
        }
    }

    @Override
    public void close() {
        watching.close();
    }
}
