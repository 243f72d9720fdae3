package se.kvalitetshjulet.ui.selfcheck;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Omgångar: the coordinator's rounds with their status per unit ("only unanswered" on request), and the form that
 * starts a new round — choosing a template fills in the standard half-year name, period and due date.
 */
public final class RoundsViewModel {
    private final SelfCheckContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final BooleanProperty busy;
    private final Runnable refresh;
    private final Consumer<Throwable> failed;

    private final ObservableList<RoundRow> rounds = FXCollections.observableArrayList();
    private final ObjectProperty<RoundRow> selectedRound = new SimpleObjectProperty<>();
    private final ObservableList<ResponseRow> roundResponses = FXCollections.observableArrayList();
    private final ObjectProperty<ResponseRow> selectedRoundResponse = new SimpleObjectProperty<>();
    private final BooleanProperty onlyUnanswered = new SimpleBooleanProperty();
    private final StringProperty roundName = new SimpleStringProperty("");
    private final ObjectProperty<Template> roundTemplate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> roundStart = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> roundEnd = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> roundDue = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> roundScopeUnit = new SimpleObjectProperty<>();
    private final ObjectProperty<BusinessArea> roundScopeArea = new SimpleObjectProperty<>();
    private final StringProperty roundProblems = new SimpleStringProperty("");
    private final ObservableList<Unit> allUnits = FXCollections.observableArrayList();
    private final ObservableList<BusinessArea> areas = FXCollections.observableArrayList();
    private final Command createRound;
    /** "Skicka till valda enheter": the round goes to exactly the checked units (any level), one form each. */
    private final BooleanProperty chooseUnits = new SimpleBooleanProperty();
    private final javafx.collections.ObservableSet<Long> chosenUnits = FXCollections.observableSet(new java.util.LinkedHashSet<>());
    private final java.util.Map<Long, BooleanProperty> chosenFlags = new java.util.HashMap<>();
    private final StringProperty chosenSummary = new SimpleStringProperty("");

    /** @param refresh reloads the whole screen (after a round was created) */
    RoundsViewModel(SelfCheckContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, BooleanProperty busy,
                    Runnable refresh, Consumer<Throwable> failed) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.busy = busy;
        this.refresh = refresh;
        this.failed = failed;
        createRound = new Command(this::createRound, roundTemplate.isNotNull().and(busy.not())
                .and(javafx.beans.binding.Bindings.createBooleanBinding(() -> !chooseUnits.get() || !chosenUnits.isEmpty(),
                        chooseUnits, chosenUnits)));
        chosenUnits.addListener((javafx.collections.SetChangeListener<Long>) c -> chosenSummary.set(
                i18n.get("selfcheck.round.chosenCount", chosenUnits.size())));
        chosenSummary.set(i18n.get("selfcheck.round.chosenCount", 0));
        selectedRound.addListener((o, a, r) -> {
            selectedRoundResponse.set(null);
            reloadResponses();
        });
        onlyUnanswered.addListener((o, a, b) -> reloadResponses());
        roundTemplate.addListener((o, a, t) -> {
            if (t != null && roundName.get().isBlank()) {
                LocalDate today = ctx.today();
                boolean spring = today.getMonthValue() <= 6;
                Round standard = Round.standard(t.name(), t.id(), today.getYear(), spring);
                roundName.set(standard.name());
                roundStart.set(standard.periodStart());
                roundEnd.set(standard.periodEnd());
                roundDue.set(standard.dueOn());
            }
        });
    }

    /** The round with this id among the loaded ones, or null. */
    RoundRow find(Long roundId) {
        return roundId == null ? null : rounds.stream().filter(r -> r.round().id().equals(roundId)).findFirst().orElse(null);
    }

    /** Reloads the units' status of the selected round. */
    void reloadResponses() {
        RoundRow r = selectedRound.get();
        if (r == null) {
            roundResponses.clear();
            return;
        }
        boolean only = onlyUnanswered.get();
        tasks.run(i18n.get("selfcheck.loading"), p -> ctx.selfCheckService().responses(r.round().id(), null),
                rows -> roundResponses.setAll(only ? rows.stream().filter(x -> x.status().pending()).toList() : rows),
                dialogs::showUnexpected);
    }

    /** Whether a unit is checked in the list of units the round goes to (kept in step with {@link #chosenUnits()}). */
    public BooleanProperty chosenProperty(Unit u) {
        return chosenFlags.computeIfAbsent(u.id(), id -> {
            BooleanProperty flag = new SimpleBooleanProperty(chosenUnits.contains(id));
            flag.addListener((o, a, on) -> {
                if (on) {
                    chosenUnits.add(id);
                } else {
                    chosenUnits.remove(id);
                }
            });
            return flag;
        });
    }

    private void clearChosen() {
        chosenFlags.values().forEach(f -> f.set(false));
        chosenUnits.clear();
    }

    private void createRound() {
        Template t = roundTemplate.get();
        boolean chosen = chooseUnits.get();
        Round r = new Round(null, roundName.get(), t.id(), roundStart.get(), roundEnd.get(), roundDue.get(),
                chosen || roundScopeUnit.get() == null ? null : roundScopeUnit.get().id(),
                chosen || roundScopeArea.get() == null ? null : roundScopeArea.get().id());
        // the units in tree order, as the round's forms (and Bilaga 2's rows) will be listed
        List<Long> targets = allUnits.stream().map(Unit::id).filter(chosenUnits::contains).toList();
        busy.set(true);
        tasks.run(i18n.get("selfcheck.round.creating"), p -> chosen ? ctx.selfCheckService().createRound(r, targets)
                : ctx.selfCheckService().createRound(r), res -> {
            busy.set(false);
            if (!res.ok()) {
                roundProblems.set(res.problems().stream().map(i18n::problem).collect(Collectors.joining("\n")));
                return;
            }
            roundProblems.set("");
            roundName.set("");
            roundTemplate.set(null);
            clearChosen();
            selectedRound.set(null);
            refresh.run();
        }, failed);
    }

    public ObservableList<RoundRow> rounds() { return rounds; }
    public ObjectProperty<RoundRow> selectedRoundProperty() { return selectedRound; }
    public ObservableList<ResponseRow> roundResponses() { return roundResponses; }
    public ObjectProperty<ResponseRow> selectedRoundResponseProperty() { return selectedRoundResponse; }
    public BooleanProperty onlyUnansweredProperty() { return onlyUnanswered; }
    public StringProperty roundNameProperty() { return roundName; }
    public ObjectProperty<Template> roundTemplateProperty() { return roundTemplate; }
    public ObjectProperty<LocalDate> roundStartProperty() { return roundStart; }
    public ObjectProperty<LocalDate> roundEndProperty() { return roundEnd; }
    public ObjectProperty<LocalDate> roundDueProperty() { return roundDue; }
    public ObjectProperty<Unit> roundScopeUnitProperty() { return roundScopeUnit; }
    public ObjectProperty<BusinessArea> roundScopeAreaProperty() { return roundScopeArea; }
    public StringProperty roundProblemsProperty() { return roundProblems; }
    public ObservableList<Unit> allUnits() { return allUnits; }
    public ObservableList<BusinessArea> areas() { return areas; }
    public Command createRoundCommand() { return createRound; }
    public BooleanProperty chooseUnitsProperty() { return chooseUnits; }
    public javafx.collections.ObservableSet<Long> chosenUnits() { return chosenUnits; }
    public StringProperty chosenSummaryProperty() { return chosenSummary; }
}
