package se.kvalitetshjulet.domain.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Measure;

/** An action is closed only after it is done and its effect is checked, whatever its source. */
class ActionRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Measure action(LocalDate due, LocalDate done, String check, Boolean effective) {
        return new Measure(1L, "COUNCIL", 5L, 3L, "Inför dubbelkontroll av läkemedel", null, "Eva Ek", due, done, check,
                effective);
    }

    @Test
    void statusFollowsDueDoneAndEffectCheck() {
        assertThat(ActionStatus.of(action(TODAY.plusDays(3), null, null, null), TODAY)).isEqualTo(ActionStatus.OPEN);
        assertThat(ActionStatus.of(action(TODAY.minusDays(1), null, null, null), TODAY)).isEqualTo(ActionStatus.OVERDUE);
        assertThat(ActionStatus.of(action(TODAY.minusDays(1), TODAY, null, null), TODAY)).isEqualTo(ActionStatus.DONE);
        assertThat(ActionStatus.of(action(TODAY.minusDays(1), TODAY, "Stickprov 20 av 20 rätt", true), TODAY))
                .isEqualTo(ActionStatus.EFFECT_CHECKED);
    }

    @Test
    void closingNeedsDoneAWrittenCheckAndAJudgement() {
        assertThat(ActionRules.checkClose(action(TODAY, null, "Kontrollerat", true))).extracting(Problem::messageKey)
                .containsExactly("action.validation.closeNotDone");
        assertThat(ActionRules.checkClose(action(TODAY, TODAY, "  ", true))).extracting(Problem::messageKey)
                .containsExactly("action.validation.effectCheckRequired");
        assertThat(ActionRules.checkClose(action(TODAY, TODAY, "Kontrollerat", null))).extracting(Problem::messageKey)
                .containsExactly("action.validation.effectCheckRequired");
        assertThat(ActionRules.checkClose(action(TODAY, TODAY, "Kontrollerat", false))).isEmpty();
    }

    @Test
    void theCloseRuleIsTheDeviationMeasuresEffectCheckedRule() {
        Measure m = action(TODAY, TODAY, "Uppföljning efter tre månader", true);
        assertThat(m.effectChecked()).isTrue();
        assertThat(ActionRules.checkClose(ActionRules.withEffectCheck(m, "", true))).isNotEmpty();
    }

    @Test
    void anEffectJudgementBeforeDoneIsRefused() {
        assertThat(ActionRules.validate(action(TODAY, null, null, true))).extracting(Problem::messageKey)
                .containsExactly("measure.validation.effectBeforeDone");
        assertThat(ActionRules.validate(new Measure(null, "COUNCIL", 1L, null, " ", null, "", null, null, null, null)))
                .extracting(Problem::field).containsExactly("what", "responsible", "dueOn");
    }
}
