package se.kvalitetshjulet.ui.selfcheck;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReference;

import se.kvalitetshjulet.service.ChangeService;
import se.kvalitetshjulet.service.OfflineDraftService;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Passes the offline draft service's news (a kept draft sent, or not taken) to a self-check form on the UI thread.
 * The service lives as long as the open database and the form only as long as its screen: the listener holds the
 * form weakly and leaves the service the first time it finds the form gone, so a form that was closed is not kept
 * in memory by the service (with the screen bound to it).
 */
final class KeptDraftNews implements OfflineDraftService.Listener {
    private final WeakReference<SelfCheckFormViewModel> form;
    private final TaskRunner tasks;
    private final AtomicReference<ChangeService.Watching> registration = new AtomicReference<>();

    private KeptDraftNews(SelfCheckFormViewModel form, TaskRunner tasks) {
        this.form = new WeakReference<>(form);
        this.tasks = tasks;
    }

    static void listen(OfflineDraftService drafts, TaskRunner tasks, SelfCheckFormViewModel form) {
        KeptDraftNews news = new KeptDraftNews(form, tasks);
        news.registration.set(drafts.listen(news));
    }

    @Override
    public void sent(OfflineDraftService.Sent sent) {
        SelfCheckFormViewModel f = alive();
        if (f != null) {
            tasks.onUiThread(() -> f.keptDraftSent(sent));
        }
    }

    @Override
    public void notTaken(OfflineDraftService.NotTaken notTaken) {
        SelfCheckFormViewModel f = alive();
        if (f != null) {
            tasks.onUiThread(() -> f.keptDraftNotTaken(notTaken));
        }
    }

    private SelfCheckFormViewModel alive() {
        SelfCheckFormViewModel f = form.get();
        if (f == null) {
            ChangeService.Watching w = registration.getAndSet(null);
            if (w != null) {
                w.close();
            }
        }
        return f;
    }
}
