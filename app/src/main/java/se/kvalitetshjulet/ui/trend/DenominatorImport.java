package se.kvalitetshjulet.ui.trend;

import java.util.List;

import se.kvalitetshjulet.service.DenominatorService;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Reads denominators (brukare, vårddygn, besök per unit and month) from a CSV file chosen by the user, all or
 * nothing, and says how many rows were read or why the file was rejected (the first 20 reasons).
 */
final class DenominatorImport {
    private DenominatorImport() {
    }

    /** @param onImported what to do after a file was read (reload the chart) */
    static void run(DenominatorService denominators, TaskRunner tasks, DialogService dialogs, I18n i18n,
                    Runnable onImported) {
        dialogs.chooseOpenFile(i18n.get("trend.denominators.title"), List.of("*.csv")).ifPresent(path ->
                tasks.run(i18n.get("trend.denominators.running"), p -> denominators.importCsv(path), r -> {
                    if (r.ok()) {
                        dialogs.showInfo(i18n.get("trend.denominators.title"), i18n.get("trend.denominators.done", r.rows()));
                        onImported.run();
                    } else {
                        dialogs.showError(i18n.get("trend.denominators.title"), i18n.get("trend.denominators.rejected",
                                String.join("\n", r.errors().stream().limit(20).toList())));
                    }
                }, dialogs::showUnexpected));
    }
}
