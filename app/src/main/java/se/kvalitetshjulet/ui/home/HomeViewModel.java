package se.kvalitetshjulet.ui.home;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/** Home: what needs attention now (overdue deviations and actions, open lex Sarah/Maria, recent volume). */
public final class HomeViewModel {
    private final AppContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final LongProperty overdueDeviations = new SimpleLongProperty();
    private final LongProperty overdueActions = new SimpleLongProperty();
    private final LongProperty openSerious = new SimpleLongProperty();
    private final LongProperty lastThirtyDays = new SimpleLongProperty();
    private final ObservableList<DeviationRow> mostOverdue = FXCollections.observableArrayList();

    private record Snapshot(long overdue, long actions, long serious, long recent, List<DeviationRow> rows) { }

    public HomeViewModel(AppContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
    }

    public void load() {
        tasks.run(i18n.get("home.loading"), p -> {
            LocalDate today = ctx.today();
            var repo = ctx.deviations();
            DeviationFilter overdue = DeviationFilter.all().withOverdueOnly(true);
            DeviationFilter serious = new DeviationFilter(EnumSet.of(DeviationKind.LEX_SARAH, DeviationKind.LEX_MARIA),
                    EnumSet.of(DeviationStatus.REGISTRERAD, DeviationStatus.UTREDNING, DeviationStatus.BEDOMD,
                            DeviationStatus.ATGARDAD), null, null, null, null, false, null);
            DeviationFilter recent = DeviationFilter.all().withPeriod(today.minusDays(30), today);
            return new Snapshot(repo.count(overdue, today), repo.countOverdueActions(today), repo.count(serious, today),
                    repo.count(recent, today),
                    repo.search(overdue, DeviationSort.DUE_ON, true, 0, 12, today).rows());
        }, s -> {
            overdueDeviations.set(s.overdue());
            overdueActions.set(s.actions());
            openSerious.set(s.serious());
            lastThirtyDays.set(s.recent());
            mostOverdue.setAll(s.rows());
        }, dialogs::showUnexpected);
    }

    public LongProperty overdueDeviationsProperty() { return overdueDeviations; }
    public LongProperty overdueActionsProperty() { return overdueActions; }
    public LongProperty openSeriousProperty() { return openSerious; }
    public LongProperty lastThirtyDaysProperty() { return lastThirtyDays; }
    public ObservableList<DeviationRow> mostOverdue() { return mostOverdue; }
}
