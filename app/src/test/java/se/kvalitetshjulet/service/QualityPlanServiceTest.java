package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.plan.Dialogue;
import se.kvalitetshjulet.domain.plan.Goal;
import se.kvalitetshjulet.domain.plan.QualityPlan;

/** Dialogues feed the unit's plan; the plan's activities and linked council decisions make its progress. */
class QualityPlanServiceTest {
    @TempDir
    Path dir;
    AppContext ctx;
    Unit unit;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        unit = ctx.units().save(new Unit(null, null, "Gruppbostad Lärkan", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void aDialoguesImprovementPointsBecomeGoalsAndThePlanShowsItsProgress() {
        var refused = ctx.qualityPlanService().saveDialogue(new Dialogue(null, unit.id(), 2026, "Dag", null, null,
                "Brukaren 811218-9876 ...", null, null, null, null, null, null), true);
        assertThat(refused.problems()).extracting(Problem::messageKey).contains("deviation.validation.identityNumberRefused");
        Dialogue d = ctx.qualityPlanService().saveDialogue(new Dialogue(null, unit.id(), 2026, "Dag",
                LocalDate.of(2026, 2, 12), "Eva Ek", "Trygga i bemötande", "Vill ha fler aktiviteter", null,
                "84 % nöjda", "Två klagomål", "Gott bemötande", "Fler aktiviteter\nSäkrare dokumentation"), true).value();
        QualityPlan plan = ctx.qualityPlanService().planFor(unit.id(), 2026, "Kvalitetsplan 2026");
        assertThat(ctx.qualityPlanService().planFor(unit.id(), 2026, "annan titel").id()).isEqualTo(plan.id());
        assertThat(ctx.qualityPlanService().goalsFromDialogue(plan.id(), d.id())).isEqualTo(2);
        assertThat(ctx.qualityPlanService().goalsFromDialogue(plan.id(), d.id())).as("not repeated").isZero();

        var view = ctx.qualityPlanService().view(plan.id());
        assertThat(view.goals()).extracting(Goal::goal).containsExactly("Fler aktiviteter", "Säkrare dokumentation");
        ctx.qualityPlanService().saveGoal(view.goals().getFirst().withStatus(Goal.GoalStatus.REACHED));
        var activity = ctx.qualityPlanService().addActivity(plan.id(), "Veckoschema med aktiviteter", "Eva Ek",
                LocalDate.of(2026, 5, 31)).value();
        Meeting m = ctx.councilService().save(new Meeting(null, unit.id(), LocalDate.of(2026, 10, 6), "Kvalitetsråd",
                true, null, null, List.of())).value();
        var decision = ctx.councilService().addDecision(m.id(), "Dokumentationsutbildning", "Omar Ali",
                LocalDate.of(2026, 12, 31)).value();
        ctx.qualityPlanService().link(plan.id(), decision.id());
        ctx.qualityPlanService().link(plan.id(), decision.id());
        ctx.actionService().markDone(decision.id(), TestDb.TODAY);

        var after = ctx.qualityPlanService().view(plan.id());
        assertThat(after.activities()).extracting(r -> r.measure().id()).containsExactly(activity.id());
        assertThat(after.activities().getFirst().sourceRef()).isEqualTo("2026 – Kvalitetsplan 2026");
        assertThat(after.linked()).extracting(r -> r.measure().id()).containsExactly(decision.id());
        assertThat(after.progress().goalsReached()).isEqualTo(1);
        assertThat(after.progress().actionsDone()).isEqualTo(1);
        assertThat(after.progress().actionsOverdue()).isEqualTo(1);
        assertThat(after.progress().share()).isEqualTo(0.5);
        assertThat(ctx.actions().count(ActionFilter.all().withSource(ActionSource.QUALITY_PLAN), TestDb.TODAY)).isEqualTo(1);
        assertThat(ctx.audit().history("quality_plan", plan.id())).hasSize(2);
    }
}
