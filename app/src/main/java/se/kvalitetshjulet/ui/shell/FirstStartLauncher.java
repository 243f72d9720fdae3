package se.kvalitetshjulet.ui.shell;

import java.util.function.Supplier;

import javafx.stage.Window;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.home.HomeView;
import se.kvalitetshjulet.ui.start.FirstStartView;
import se.kvalitetshjulet.ui.start.FirstStartViewModel;

/**
 * Where the main window offers "Kom igång" (decision 0027): by itself on an empty database (called by the app once
 * the window shows), as a banner on the home screen while the guide is offered, and from Inställningar.
 */
final class FirstStartLauncher {
    private final AppContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Supplier<Window> owner;

    FirstStartLauncher(AppContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, Supplier<Window> owner) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.owner = owner;
    }

    void open(Runnable afterClose) {
        FirstStartView.open(new FirstStartViewModel(FeatureContexts.firstStart(ctx), tasks, dialogs, i18n), i18n,
                owner.get(), afterClose);
    }

    /** Opens the guide when the database is empty and not the demo. */
    void openIfEmpty() {
        tasks.run(i18n.get("h2.guide.loading"), p -> ctx.firstStart().status().offered()
                && ctx.organisation().tree().all().isEmpty(), due -> {
                    if (due) {
                        open(() -> { });
                    }
                }, t -> { });
    }

    /** The home screen's banner while the guide is offered; checked again when the guide closes. */
    void offerOn(HomeView home) {
        tasks.run(i18n.get("h2.guide.loading"), p -> ctx.firstStart().status().offered(),
                due -> home.offerGuide(i18n.get("h2.guide.homeBanner"), i18n.get("h2.guide.open"),
                        due ? () -> open(() -> offerOn(home)) : null), t -> { });
    }

    javafx.scene.Node settingsButton() {
        return FirstStartView.openButton(i18n, () -> open(() -> { }));
    }
}
