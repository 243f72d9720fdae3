package se.kvalitetshjulet.ui.home;

import se.kvalitetshjulet.domain.council.MeetingRow;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionStatus;
import se.kvalitetshjulet.domain.council.AgendaBuilder;
import se.kvalitetshjulet.domain.cycle.Occurrence;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.ui.action.ActionListViewModel;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Home: what needs me now. Overdue deviations and actions, open lex Sarah/Maria, recent volume; my overdue and
 * upcoming actions (by the name remembered in the action list), pending self-checks, upcoming council meetings and
 * annual-cycle activities, recent run chart signals.
 */
public final class HomeViewModel {
    /** How far ahead "upcoming" looks. */
    public static final int UPCOMING_DAYS = 30;
    private static final int LIST_LIMIT = 8;

    private final HomeContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    /** h2 (decision 0033): false until the first counts are back (the screen shows "Läser in …", not 0). */
    private final javafx.beans.property.BooleanProperty countsLoaded = new javafx.beans.property.SimpleBooleanProperty();
    private final LongProperty overdueDeviations = new SimpleLongProperty();
    private final LongProperty overdueActions = new SimpleLongProperty();
    private final LongProperty openSerious = new SimpleLongProperty();
    private final LongProperty lastThirtyDays = new SimpleLongProperty();
    private final ObservableList<DeviationRow> mostOverdue = FXCollections.observableArrayList();

    private final StringProperty myName = new SimpleStringProperty("");
    private final ObservableList<ActionRow> myOverdue = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> myUpcoming = FXCollections.observableArrayList();
    private final ObservableList<ResponseRow> pendingSelfChecks = FXCollections.observableArrayList();
    private final ObservableList<MeetingRow> upcomingMeetings = FXCollections.observableArrayList();
    private final ObservableList<Occurrence> upcomingCycle = FXCollections.observableArrayList();
    private final ObservableList<AgendaBuilder.Signal> signals = FXCollections.observableArrayList();
    private final Command rememberName;

    private record Snapshot(long overdue, long actions, long serious, long recent, List<DeviationRow> rows,
                            String name, List<ActionRow> myOverdue, List<ActionRow> myUpcoming,
                            List<ResponseRow> selfChecks, List<MeetingRow> meetings,
                            List<Occurrence> cycle, List<AgendaBuilder.Signal> signals) { }

    public HomeViewModel(HomeContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        rememberName = Command.always(this::rememberName);
    }

    public void load() {
        String typed = myName.get();
        tasks.run(i18n.get("home.loading"), p -> snapshot(typed), this::apply, dialogs::showUnexpected);
    }

    /**
     * h5 (decision 0030): someone else changed deviations, actions, self-checks or councils: the counts and lists are
     * read again (latest wins, only changed rows replaced, no error dialog), but not while the user is typing a name
     * that is not yet remembered.
     */
    public void othersChanged() {
        if (loaded == null || !java.util.Objects.equals(myName.get(), loaded.name())) {
            return;
        }
        String typed = myName.get();
        tasks.runLatest(liveKey, i18n.get("home.loading"), p -> snapshot(typed), this::applyKeeping, e -> { });
    }

    private final Object liveKey = new Object();
    private Snapshot loaded;

    private void applyKeeping(Snapshot s) {
        loaded = s;
        overdueDeviations.set(s.overdue());
        overdueActions.set(s.actions());
        openSerious.set(s.serious());
        lastThirtyDays.set(s.recent());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(mostOverdue, s.rows());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(myOverdue, s.myOverdue());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(myUpcoming, s.myUpcoming());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(pendingSelfChecks, s.selfChecks());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(upcomingMeetings, s.meetings());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(upcomingCycle, s.cycle());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(signals, s.signals());
    }

    private boolean aggregatesOnly;

    /**
     * h5 (issue 15): a läsare/nämnd login sees the counts only: no case list, no actions, self-checks or meetings
     * (tables the role cannot read), so nothing is asked that the database would refuse.
     */
    public void showAggregatesOnly() {
        aggregatesOnly = true;
    }

    public boolean aggregatesOnly() {
        return aggregatesOnly;
    }

    private Snapshot snapshot(String typed) {
        if (aggregatesOnly) {
            return counts();
        }
        LocalDate today = ctx.today();
        var deviations = ctx.deviationService();
        DeviationFilter overdue = DeviationFilter.all().withOverdueOnly(true);
        DeviationFilter serious = new DeviationFilter(EnumSet.of(DeviationKind.LEX_SARAH, DeviationKind.LEX_MARIA),
                EnumSet.of(DeviationStatus.REGISTRERAD, DeviationStatus.UTREDNING, DeviationStatus.BEDOMD,
                        DeviationStatus.ATGARDAD), null, null, null, null, false, null);
        DeviationFilter recent = DeviationFilter.all().withPeriod(today.minusDays(30), today);
        String name = typed != null && !typed.isBlank() ? typed.strip()
                : ctx.settingsService().userPreference(ActionListViewModel.MY_NAME_KEY).orElse("");
        // h2 (decision 0027): my name, or a role I hold in my units ("Enhetschef" is who most actions name)
        ActionFilter mine = ctx.actionService().mine(ActionFilter.all(), name, ctx.settingsService().me());
        List<ActionRow> myOverdue = ctx.actionService().search(mine.withStatus(ActionStatus.OVERDUE), 0, LIST_LIMIT).rows();
        List<ActionRow> myUpcoming = ctx.actionService().search(mine.withStatus(ActionStatus.OPEN), 0, LIST_LIMIT).rows()
                .stream().filter(r -> r.measure().dueOn() != null
                        && !r.measure().dueOn().isAfter(today.plusDays(UPCOMING_DAYS))).toList();
        List<ResponseRow> selfChecks = ctx.selfCheckService().responses(null, null).stream()
                .filter(r -> r.status().pending())
                .sorted(Comparator.comparing(ResponseRow::dueOn)).limit(LIST_LIMIT).toList();
        return new Snapshot(deviations.count(overdue), deviations.countOverdueActions(), deviations.count(serious),
                deviations.count(recent), deviations.search(overdue, DeviationSort.DUE_ON, true, 0, 12).rows(),
                name, myOverdue, myUpcoming, selfChecks, ctx.councilService().upcoming(UPCOMING_DAYS),
                ctx.annualCycleService().upcoming(UPCOMING_DAYS + 15), ctx.councilService().recentSignals(null));
    }

    /** The counts a läsare may see, from the aggregate view of their units (db/postgresql V23_1). */
    private Snapshot counts() {
        LocalDate today = ctx.today();
        var deviations = ctx.deviationService();
        DeviationFilter serious = new DeviationFilter(EnumSet.of(DeviationKind.LEX_SARAH, DeviationKind.LEX_MARIA),
                EnumSet.of(DeviationStatus.REGISTRERAD, DeviationStatus.UTREDNING, DeviationStatus.BEDOMD,
                        DeviationStatus.ATGARDAD), null, null, null, null, false, null);
        return new Snapshot(deviations.count(DeviationFilter.all().withOverdueOnly(true)), 0, deviations.count(serious),
                deviations.count(DeviationFilter.all().withPeriod(today.minusDays(30), today)), List.of(), "",
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private void apply(Snapshot s) {
        loaded = s;
        overdueDeviations.set(s.overdue());
        overdueActions.set(s.actions());
        openSerious.set(s.serious());
        lastThirtyDays.set(s.recent());
        countsLoaded.set(true);
        mostOverdue.setAll(s.rows());
        myName.set(s.name());
        myOverdue.setAll(s.myOverdue());
        myUpcoming.setAll(s.myUpcoming());
        pendingSelfChecks.setAll(s.selfChecks());
        upcomingMeetings.setAll(s.meetings());
        upcomingCycle.setAll(s.cycle());
        signals.setAll(s.signals());
    }

    /** Remembers the typed name for "mine" (shared with the action list) and reloads. */
    private void rememberName() {
        String name = myName.get() == null ? "" : myName.get().strip();
        tasks.run(i18n.get("home.loading"), p -> {
            ctx.settingsService().saveUserPreference(ActionListViewModel.MY_NAME_KEY, name);
            return snapshot(name);
        }, this::apply, dialogs::showUnexpected);
    }

    /** The words of a chart signal, as shown on the home screen. */
    public String describe(AgendaBuilder.Signal s) {
        return i18n.get("council.agenda.CHART_SIGNAL", "ALL".equals(s.series()) ? i18n.get("council.series.all")
                : i18n.get("enum.DeviationKind." + s.series()), s.median(), s.latest());
    }

    public javafx.beans.value.ObservableBooleanValue loadedProperty() { return countsLoaded; }
    public LongProperty overdueDeviationsProperty() { return overdueDeviations; }
    public LongProperty overdueActionsProperty() { return overdueActions; }
    public LongProperty openSeriousProperty() { return openSerious; }
    public LongProperty lastThirtyDaysProperty() { return lastThirtyDays; }
    public ObservableList<DeviationRow> mostOverdue() { return mostOverdue; }
    public StringProperty myNameProperty() { return myName; }
    public ObservableList<ActionRow> myOverdue() { return myOverdue; }
    public ObservableList<ActionRow> myUpcoming() { return myUpcoming; }
    public ObservableList<ResponseRow> pendingSelfChecks() { return pendingSelfChecks; }
    public ObservableList<MeetingRow> upcomingMeetings() { return upcomingMeetings; }
    public ObservableList<Occurrence> upcomingCycle() { return upcomingCycle; }
    public ObservableList<AgendaBuilder.Signal> signals() { return signals; }
    public Command rememberNameCommand() { return rememberName; }
    public LocalDate today() { return ctx.today(); }
}
