package se.kvalitetshjulet.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.deviation.Measure;

/** A dialogue's improvement points and a plan's progress. */
class PlanRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void improvementPointsAreTheNonBlankLinesWithoutBullets() {
        Dialogue d = new Dialogue(null, 1, 2026, "Kväll", null, null, null, null, null, null, null, null,
                "- Bättre information\n\n  • Färre olika personal \r\nSäkrare dokumentation");
        assertThat(d.improvementPoints()).containsExactly("Bättre information", "Färre olika personal",
                "Säkrare dokumentation");
    }

    @Test
    void progressCountsGoalsReachedAndActionsDone() {
        List<Goal> goals = List.of(new Goal(1L, 1, 1, "A", null, Goal.GoalStatus.REACHED, null),
                new Goal(2L, 1, 2, "B", null, Goal.GoalStatus.ONGOING, null));
        List<Measure> actions = List.of(
                new Measure(1L, "QUALITY_PLAN", 1L, 1L, "x", null, "E", TODAY.minusDays(1), null, null, null),
                new Measure(2L, "QUALITY_PLAN", 1L, 1L, "y", null, "E", TODAY, TODAY, "ok", true),
                new Measure(3L, "COUNCIL", 9L, 1L, "z", null, "E", TODAY.plusDays(5), TODAY, null, null));
        PlanProgress p = PlanProgress.of(goals, actions, TODAY);
        assertThat(p).isEqualTo(new PlanProgress(2, 1, 3, 2, 1, 1));
        assertThat(p.share()).isEqualTo(0.6);
        assertThat(PlanProgress.of(List.of(), List.of(), TODAY).share()).isZero();
    }
}
