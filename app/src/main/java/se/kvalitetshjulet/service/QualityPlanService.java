package se.kvalitetshjulet.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.ActionRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.QualityPlanRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionRules;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.plan.Dialogue;
import se.kvalitetshjulet.domain.plan.Goal;
import se.kvalitetshjulet.domain.plan.PlanProgress;
import se.kvalitetshjulet.domain.plan.QualityPlan;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;

/**
 * Kvalitetsdialog and kvalitetsplan: yearly dialogues per work group whose improvement points become goals of the
 * unit's plan for the year; the plan's activities are actions (source QUALITY_PLAN), other actions can be linked in,
 * and its progress is computed from goals reached and actions done.
 */
public final class QualityPlanService {
    private PrivacyService privacy;

    /** Whether the coordinator's policy (Inställningar) refuses identifying details in these texts (decision 0018). */
    public boolean privacyRefuses() {
        return privacy != null && privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.QUALITY_PLAN);
    }

    /** The privacy check with the coordinator's policy (Inställningar); set once by AppContext. */
    public QualityPlanService withPrivacy(PrivacyService p) {
        this.privacy = p;
        return this;
    }

    private java.util.Optional<Problem> privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind kind,
                                                       List<String> texts) {
        return privacy == null ? java.util.Optional.empty() : privacy.refusal(kind, texts);
    }

    private final Database db;
    private final QualityPlanRepository repo;
    private final ActionRepository actions;
    private final DeviationRepository measures;
    private final OrganisationService organisation;
    private final Clock clock;

    public QualityPlanService(Database db, QualityPlanRepository repo, ActionRepository actions,
                              DeviationRepository measures, OrganisationService organisation, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.actions = actions;
        this.measures = measures;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** A plan with its goals, activities, linked actions and progress. */
    public record PlanView(QualityPlan plan, List<Goal> goals, List<ActionRow> activities, List<ActionRow> linked,
                           PlanProgress progress) { }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public OrganisationService organisation() {
        return organisation;
    }

    public List<Dialogue> dialogues(Long unitId) {
        return repo.dialogues(unitId == null ? null : organisation.unitScope(unitId, null));
    }

    public SaveResult<Dialogue> saveDialogue(Dialogue d, boolean refuseIdentityNumbers) {
        List<Problem> p = new ArrayList<>();
        privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.QUALITY_PLAN, d.freeTexts())
                .ifPresent(p::add);
        if (d.workGroup() == null || d.workGroup().isBlank()) {
            p.add(new Problem("workGroup", "plan.validation.workGroupRequired"));
        }
        if (d.heldOn() != null && d.heldOn().isAfter(today())) {
            p.add(new Problem("heldOn", "plan.validation.heldInFuture"));
        }
        if (refuseIdentityNumbers && d.freeTexts().stream().anyMatch(t -> PrivacyCheck.check(t).stream()
                .anyMatch(PrivacyCheck.Finding::identityNumber))) {
            p.add(new Problem("privacy", "deviation.validation.identityNumberRefused"));
        }
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        return SaveResult.saved(db.tx(tx -> repo.save(tx, d)));
    }

    public List<QualityPlan> plans(Long unitId) {
        return repo.plans(unitId == null ? null : organisation.unitScope(unitId, null));
    }

    /** The unit's plan for the year, created when missing. */
    public QualityPlan planFor(long unitId, int year, String title) {
        return repo.plan(unitId, year).orElseGet(() -> db.tx(tx -> repo.save(tx, new QualityPlan(null, unitId, year, title))));
    }

    public PlanView view(long planId) {
        QualityPlan plan = repo.plan(planId)
                .orElseThrow(() -> new IllegalStateException("Planen finns inte längre (id " + planId + ")."));
        List<Goal> goals = repo.goals(planId);
        List<ActionRow> activities = actions.rows(actions.bySource(ActionSource.QUALITY_PLAN.code(), List.of(planId))
                .stream().map(Measure::id).toList());
        List<ActionRow> linked = actions.rows(repo.linkedActions(planId));
        List<Measure> all = new ArrayList<>();
        activities.forEach(a -> all.add(a.measure()));
        linked.forEach(a -> all.add(a.measure()));
        return new PlanView(plan, goals, activities, linked, PlanProgress.of(goals, all, today()));
    }

    public SaveResult<Goal> saveGoal(Goal g) {
        if (g.goal() == null || g.goal().isBlank()) {
            return SaveResult.rejected(List.of(new Problem("goal", "plan.validation.goalRequired")));
        }
        java.util.Optional<Problem> refused = privacyRefusal(
                se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.QUALITY_PLAN,
                java.util.Arrays.asList(g.goal(), g.indicator()));
        if (refused.isPresent()) {
            return SaveResult.rejected(List.of(refused.get()));
        }
        return SaveResult.saved(db.tx(tx -> repo.save(tx, g)));
    }

    /** Turns a dialogue's improvement points into goals of the plan (points already there are not repeated). */
    public int goalsFromDialogue(long planId, long dialogueId) {
        Dialogue d = repo.dialogue(dialogueId)
                .orElseThrow(() -> new IllegalStateException("Dialogen finns inte längre (id " + dialogueId + ")."));
        List<String> existing = repo.goals(planId).stream().map(Goal::goal).toList();
        List<String> points = d.improvementPoints().stream().filter(s -> !existing.contains(s)).toList();
        db.txRun(tx -> points.forEach(s -> repo.save(tx, new Goal(null, planId, 0, s, null,
                Goal.GoalStatus.NOT_STARTED, dialogueId))));
        return points.size();
    }

    /** An activity of the plan: an action with source QUALITY_PLAN on the plan's unit. */
    public SaveResult<Measure> addActivity(long planId, String what, String responsible, LocalDate dueOn) {
        QualityPlan plan = repo.plan(planId)
                .orElseThrow(() -> new IllegalStateException("Planen finns inte längre (id " + planId + ")."));
        Measure m = new Measure(null, ActionSource.QUALITY_PLAN.code(), planId, plan.unitId(),
                what == null ? null : what.strip(), null, responsible == null ? null : responsible.strip(), dueOn, null,
                null, null);
        List<Problem> p = new ArrayList<>(ActionRules.validate(m));
        privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.QUALITY_PLAN,
                java.util.Arrays.asList(m.what())).ifPresent(p::add);
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        return SaveResult.saved(db.tx(tx -> measures.saveMeasure(tx, m)));
    }

    /** Links an existing action of any source (e.g. a council decision) into the plan. */
    public void link(long planId, long actionId) {
        db.txRun(tx -> repo.link(tx, planId, actionId));
    }
}
