package se.kvalitetshjulet.ui.plan;

import java.time.LocalDate;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionStatus;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.plan.Dialogue;
import se.kvalitetshjulet.domain.plan.Goal;
import se.kvalitetshjulet.domain.plan.QualityPlan;
import se.kvalitetshjulet.service.QualityPlanService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Kvalitetsdialog and kvalitetsplan: a unit's yearly dialogues per work group (inputs and outcomes), and its
 * quality plan for the year with goals (from the dialogues), activities, linked actions and progress.
 */
public final class QualityPlanViewModel {
    private final PlanContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final IntegerProperty year = new SimpleIntegerProperty();

    private final ObservableList<Dialogue> dialogues = FXCollections.observableArrayList();
    private final ObjectProperty<Dialogue> selectedDialogue = new SimpleObjectProperty<>();
    private final StringProperty workGroup = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> heldOn = new SimpleObjectProperty<>();
    private final StringProperty ledBy = new SimpleStringProperty("");
    private final StringProperty staff = new SimpleStringProperty("");
    private final StringProperty users = new SimpleStringProperty("");
    private final StringProperty relatives = new SimpleStringProperty("");
    private final StringProperty survey = new SimpleStringProperty("");
    private final StringProperty complaints = new SimpleStringProperty("");
    private final StringProperty strengths = new SimpleStringProperty("");
    private final StringProperty improvements = new SimpleStringProperty("");

    private final ObjectProperty<QualityPlanService.PlanView> plan = new SimpleObjectProperty<>();
    private final ObservableList<Goal> goals = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> activities = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> linked = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> linkable = FXCollections.observableArrayList();
    private final ObjectProperty<ActionRow> toLink = new SimpleObjectProperty<>();
    private final ObjectProperty<Goal> selectedGoal = new SimpleObjectProperty<>();
    private final ObjectProperty<Goal.GoalStatus> goalStatus = new SimpleObjectProperty<>();
    private final StringProperty goalText = new SimpleStringProperty("");
    private final StringProperty goalIndicator = new SimpleStringProperty("");
    private final StringProperty activityWhat = new SimpleStringProperty("");
    private final StringProperty activityResponsible = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> activityDue = new SimpleObjectProperty<>();
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty problems = new SimpleStringProperty("");
    private final SaveFlow saves;

    private final Command saveDialogue;
    private final Command newDialogue;
    private final Command openPlan;
    private final Command goalsFromDialogues;
    private final Command addGoal;
    private final Command setGoalStatus;
    private final Command addActivity;
    private final Command link;
    private boolean listsLoaded;

    public QualityPlanViewModel(PlanContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.saves = new SaveFlow(tasks, dialogs, problems, null, SaveFlow.oneALine(i18n));
        this.i18n = i18n;
        year.set(ctx.today().getYear());
        saveDialogue = new Command(this::saveDialogue, unit.isNotNull().and(workGroup.isNotEmpty()));
        newDialogue = Command.always(() -> selectedDialogue.set(null));
        openPlan = new Command(this::openPlan, unit.isNotNull());
        var planOpen = plan.isNotNull();
        goalsFromDialogues = new Command(this::goalsFromDialogues, planOpen);
        addGoal = new Command(this::addGoal, planOpen.and(goalText.isNotEmpty()));
        setGoalStatus = new Command(this::setGoalStatus, selectedGoal.isNotNull().and(goalStatus.isNotNull()));
        addActivity = new Command(this::addActivity, planOpen);
        link = new Command(this::link, planOpen.and(toLink.isNotNull()));
        selectedDialogue.addListener((o, a, d) -> fill(d));
        selectedGoal.addListener((o, a, g) -> goalStatus.set(g == null ? null : g.status()));
        unit.addListener((o, a, b) -> reload());
    }

    public void refresh() {
        if (!listsLoaded) {
            listsLoaded = true;
            tasks.run(i18n.get("plan.loading"), p -> ctx.organisationService().tree().all(), units::setAll, dialogs::showUnexpected);
        }
        reload();
    }

    private void reload() {
        Long unitId = unit.get() == null ? null : unit.get().id();
        tasks.run(i18n.get("plan.loading"), p -> ctx.qualityPlanService().dialogues(unitId), dialogues::setAll,
                dialogs::showUnexpected);
        plan.set(null);
        goals.clear();
        activities.clear();
        linked.clear();
        progress.set("");
    }

    private void fill(Dialogue d) {
        workGroup.set(d == null ? "" : d.workGroup());
        heldOn.set(d == null ? null : d.heldOn());
        ledBy.set(d == null ? "" : nz(d.ledBy()));
        staff.set(d == null ? "" : nz(d.staffSelfAssessment()));
        users.set(d == null ? "" : nz(d.userDialogue()));
        relatives.set(d == null ? "" : nz(d.relativeDialogue()));
        survey.set(d == null ? "" : nz(d.surveyResults()));
        complaints.set(d == null ? "" : nz(d.complaints()));
        strengths.set(d == null ? "" : nz(d.strengths()));
        improvements.set(d == null ? "" : nz(d.improvements()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void saveDialogue() {
        Dialogue current = selectedDialogue.get();
        Dialogue d = new Dialogue(current == null ? null : current.id(),
                current == null ? unit.get().id() : current.unitId(), current == null ? year.get() : current.year(),
                workGroup.get(), heldOn.get(), ledBy.get(), staff.get(), users.get(), relatives.get(), survey.get(),
                complaints.get(), strengths.get(), improvements.get());
        Long unitId = unit.get().id();
        saves.save(i18n.get("plan.saving"), p -> ctx.qualityPlanService().saveDialogue(d, true)
                .map(saved -> new Saved(saved, ctx.qualityPlanService().dialogues(unitId))), s -> {
                    dialogues.setAll(s.list());
                    s.list().stream().filter(x -> x.id().equals(s.dialogue().id())).findFirst()
                            .ifPresent(selectedDialogue::set);
                });
    }

    private record Saved(Dialogue dialogue, List<Dialogue> list) { }

    private void openPlan() {
        Unit u = unit.get();
        int y = year.get();
        tasks.run(i18n.get("plan.loading"), p -> {
            QualityPlan qp = ctx.qualityPlanService().planFor(u.id(), y, i18n.get("plan.defaultTitle", y, u.name()));
            return ctx.qualityPlanService().view(qp.id());
        }, this::show, dialogs::showUnexpected);
    }

    private void show(QualityPlanService.PlanView v) {
        plan.set(v);
        goals.setAll(v.goals());
        activities.setAll(v.activities());
        linked.setAll(v.linked());
        var pr = v.progress();
        progress.set(i18n.get("plan.progress", pr.goalsReached(), pr.goals(), pr.actionsDone(), pr.actions(),
                pr.actionsOverdue(), Math.round(pr.share() * 100)));
        long planUnit = v.plan().unitId();
        tasks.run(i18n.get("plan.loading"), p -> ctx.actionService().search(ActionFilter.all()
                .withUnits(ctx.organisationService().unitScope(planUnit, null)), 0, 200).rows().stream()
                .filter(r -> r.status(ctx.today()) == ActionStatus.OPEN || r.status(ctx.today()) == ActionStatus.OVERDUE)
                .filter(r -> !"QUALITY_PLAN".equals(r.measure().sourceType())).toList(), linkable::setAll,
                dialogs::showUnexpected);
    }

    private void reopenPlan() {
        long id = plan.get().plan().id();
        tasks.run(i18n.get("plan.loading"), p -> ctx.qualityPlanService().view(id), this::show, dialogs::showUnexpected);
    }

    private void goalsFromDialogues() {
        long planId = plan.get().plan().id();
        List<Dialogue> source = dialogues.stream().filter(d -> d.year() == plan.get().plan().year()
                && d.unitId() == plan.get().plan().unitId()).toList();
        tasks.run(i18n.get("plan.saving"), p -> {
            int n = 0;
            for (Dialogue d : source) {
                n += ctx.qualityPlanService().goalsFromDialogue(planId, d.id());
            }
            return n;
        }, n -> {
            dialogs.showInfo(i18n.get("plan.fromDialogues"), i18n.get("plan.fromDialogues.done", n));
            reopenPlan();
        }, dialogs::showUnexpected);
    }

    private void addGoal() {
        Goal g = new Goal(null, plan.get().plan().id(), 0, goalText.get(), goalIndicator.get(), Goal.GoalStatus.NOT_STARTED,
                null);
        saves.save(i18n.get("plan.saving"), p -> ctx.qualityPlanService().saveGoal(g), saved -> {
            goalText.set("");
            goalIndicator.set("");
            reopenPlan();
        });
    }

    private void setGoalStatus() {
        Goal g = selectedGoal.get().withStatus(goalStatus.get());
        saves.save(i18n.get("plan.saving"), p -> ctx.qualityPlanService().saveGoal(g), saved -> reopenPlan());
    }

    private void addActivity() {
        long planId = plan.get().plan().id();
        String what = activityWhat.get();
        String who = activityResponsible.get();
        LocalDate due = activityDue.get();
        saves.save(i18n.get("plan.saving"), p -> ctx.qualityPlanService().addActivity(planId, what, who, due), saved -> {
            activityWhat.set("");
            activityResponsible.set("");
            activityDue.set(null);
            reopenPlan();
        });
    }

    private void link() {
        long planId = plan.get().plan().id();
        long actionId = toLink.get().measure().id();
        tasks.run(i18n.get("plan.saving"), p -> {
            ctx.qualityPlanService().link(planId, actionId);
            return actionId;
        }, x -> {
            toLink.set(null);
            reopenPlan();
        }, dialogs::showUnexpected);
    }

    public ObservableList<Unit> units() { return units; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public IntegerProperty yearProperty() { return year; }
    public ObservableList<Dialogue> dialogues() { return dialogues; }
    public ObjectProperty<Dialogue> selectedDialogueProperty() { return selectedDialogue; }
    public StringProperty workGroupProperty() { return workGroup; }
    public ObjectProperty<LocalDate> heldOnProperty() { return heldOn; }
    public StringProperty ledByProperty() { return ledBy; }
    public StringProperty staffProperty() { return staff; }
    public StringProperty usersProperty() { return users; }
    public StringProperty relativesProperty() { return relatives; }
    public StringProperty surveyProperty() { return survey; }
    public StringProperty complaintsProperty() { return complaints; }
    public StringProperty strengthsProperty() { return strengths; }
    public StringProperty improvementsProperty() { return improvements; }
    public ObjectProperty<QualityPlanService.PlanView> planProperty() { return plan; }
    public ObservableList<Goal> goals() { return goals; }
    public ObservableList<ActionRow> activities() { return activities; }
    public ObservableList<ActionRow> linked() { return linked; }
    public ObservableList<ActionRow> linkable() { return linkable; }
    public ObjectProperty<ActionRow> toLinkProperty() { return toLink; }
    public ObjectProperty<Goal> selectedGoalProperty() { return selectedGoal; }
    public ObjectProperty<Goal.GoalStatus> goalStatusProperty() { return goalStatus; }
    public StringProperty goalTextProperty() { return goalText; }
    public StringProperty goalIndicatorProperty() { return goalIndicator; }
    public StringProperty activityWhatProperty() { return activityWhat; }
    public StringProperty activityResponsibleProperty() { return activityResponsible; }
    public ObjectProperty<LocalDate> activityDueProperty() { return activityDue; }
    public StringProperty progressProperty() { return progress; }
    public StringProperty problemsProperty() { return problems; }
    public Command saveDialogueCommand() { return saveDialogue; }
    public Command newDialogueCommand() { return newDialogue; }
    public Command openPlanCommand() { return openPlan; }
    public Command goalsFromDialoguesCommand() { return goalsFromDialogues; }
    public Command addGoalCommand() { return addGoal; }
    public Command setGoalStatusCommand() { return setGoalStatus; }
    public Command addActivityCommand() { return addActivity; }
    public Command linkCommand() { return link; }
    public LocalDate today() { return ctx.today(); }
}
