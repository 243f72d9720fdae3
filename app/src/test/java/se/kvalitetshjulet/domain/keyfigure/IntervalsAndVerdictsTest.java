package se.kvalitetshjulet.domain.keyfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.spc.SpcPoint;

/** Interval arithmetic, suppression and verdicts on hand-computed cases. */
class IntervalsAndVerdictsTest {
    @Test
    void wilsonIntervalOfEightOfTen() {
        // p = 0.8, z² = 3.8415: centre = (0.8 + 0.19207)/1.38415 = 0.71680; half = 1.41600·√(0.016 + 0.0096037) = 0.22658
        Interval i = Intervals.wilson(8, 10);
        assertThat(i.lower()).isCloseTo(0.4902, within(0.0005));
        assertThat(i.upper()).isCloseTo(0.9433, within(0.0005));
    }

    @Test
    void wilsonStaysInsideZeroAndOneHundredPercent() {
        Interval none = Intervals.wilson(0, 10);
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isCloseTo(0.2775, within(0.0005)); // z²/(n+z²) = 3.8415/13.8415
        Interval all = Intervals.wilson(10, 10);
        assertThat(all.upper()).isCloseTo(1.0, within(1e-12));
        assertThat(all.lower()).isCloseTo(0.7225, within(0.0005));
    }

    @Test
    void wilsonInPercentForAPublishedShare() {
        // 87 % of 61 respondents: x = 53.07; p = 0.87, centre = (0.87 + 0.031488)/1.062976 = 0.84809,
        // half = 1.84383·√(0.0018541 + 0.0002581) = 0.08474 → 76.3–93.3 %
        Interval i = Intervals.wilsonPercent(87, 61);
        assertThat(i.lower()).isCloseTo(76.3, within(0.1));
        assertThat(i.upper()).isCloseTo(93.3, within(0.1));
    }

    @Test
    void wilsonRejectsImpossibleCounts() {
        assertThatThrownBy(() -> Intervals.wilson(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Intervals.wilson(11, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsUnderThirtyRespondentsAreSuppressedAndCarryNoNumber() {
        assertThat(SurveyRules.suppressed(29)).isTrue();
        assertThat(SurveyRules.suppressed(30)).isFalse();
        assertThat(SurveyRules.suppressed(null)).isFalse();
        ComparedValue v = ComparedValue.share("Nattpatrullen", 92.0, 12, 38.7, false, "");
        assertThat(v.suppressed()).isTrue();
        assertThat(v.value()).isNull();
        assertThat(v.interval()).isNull();
        assertThat(v.respondents()).isEqualTo(12);
    }

    @Test
    void aDifferenceOnlyWhenTheIntervalsDoNotOverlap() {
        ComparedValue a = ComparedValue.share("A", 87.0, 61, null, false, "");   // 76.3–93.3
        ComparedValue b = ComparedValue.share("B", 80.0, 60, null, false, "");   // 68.2–88.2: overlaps
        ComparedValue c = ComparedValue.share("C", 60.0, 200, null, false, "");  // 53.1–66.5: below A
        assertThat(Verdict.of(a, b)).isEqualTo(Verdict.NO_CLEAR_DIFFERENCE);
        assertThat(Verdict.of(a, c)).isEqualTo(Verdict.HIGHER);
        assertThat(Verdict.of(c, a)).isEqualTo(Verdict.LOWER);
        // a group mean (unweighted) or a value without respondents cannot be judged
        assertThat(Verdict.of(ComparedValue.share("G", 50.0, 5000, null, true, ""), a)).isEqualTo(Verdict.CANNOT_BE_JUDGED);
        assertThat(Verdict.of(ComparedValue.plain("X", 14.2, false, ""), a)).isEqualTo(Verdict.CANNOT_BE_JUDGED);
        assertThat(Verdict.of(ComparedValue.share("S", 95.0, 12, null, false, ""), a)).isEqualTo(Verdict.CANNOT_BE_JUDGED);
    }

    @Test
    void surveyKpisKnowTheirRespondentsKpi() {
        assertThat(SurveyRules.respondentsKpi("Brukarbedömning hemtjänst äldreomsorg -  helhetssyn, andel (%)"))
                .isEqualTo("U23592");
        assertThat(SurveyRules.responseRateKpi("Brukarbedömning särskilt boende äldreomsorg -  helhetssyn, andel (%)"))
                .isEqualTo("U23595");
        assertThat(SurveyRules.respondentsKpi("Personalkontinuitet, antal personal …")).isNull();
    }

    @Test
    void followUpCountsLeaveUnassessedAnswersOutAndAPlanThatDoesNotExistIsNotUpToDate() {
        FollowUpCount c = FollowUpCount.empty("Hemtjänst Norr")
                .plus(f(true, true, true, null))
                .plus(f(false, null, true, false))
                .plus(f(true, false, false, true))
                .plus(f(false, true, null, true)); // "aktuell" without a plan: not counted
        assertThat(c.followUps()).isEqualTo(4);
        assertThat(c.assessed(FollowUpMeasure.PLAN_EXISTS)).isEqualTo(4);
        assertThat(c.sharePercent(FollowUpMeasure.PLAN_EXISTS)).isEqualTo(50.0);
        assertThat(c.assessed(FollowUpMeasure.PLAN_UP_TO_DATE)).isEqualTo(2);
        assertThat(c.yes(FollowUpMeasure.PLAN_UP_TO_DATE)).isEqualTo(1);
        assertThat(c.assessed(FollowUpMeasure.MEETS_DECISION)).isEqualTo(3);
        assertThat(c.sharePercent(FollowUpMeasure.WISHES_FOLLOWED_UP)).isCloseTo(66.67, within(0.01));
        ComparedValue v = c.compared(FollowUpMeasure.PLAN_EXISTS);
        assertThat(v.interval().lower()).isCloseTo(15.0, within(0.1)); // Wilson 2/4: 0.1500–0.8500
        assertThat(v.interval().upper()).isCloseTo(85.0, within(0.1));
    }

    @Test
    void thePChartOfSharesUsesTheEngineAndLeavesEmptyMonthsMissing() {
        // months: 8/10, none assessed, 6/10, 9/10 → p̄ = 23/30; month 1: 0.7667 ± 3·√(0.7667·0.2333/10) = ±0.4011
        ShareSeries s = ShareSeries.of(java.util.List.of("2025-01", "2025-02", "2025-03", "2025-04"),
                new int[] {8, 0, 6, 9}, new int[] {10, 0, 10, 10}, false);
        SpcPoint first = s.chart().points().getFirst();
        assertThat(first.centreLine()).isCloseTo(23.0 / 30, within(1e-9));
        assertThat(first.upperLimit()).isEqualTo(1.0); // clipped at 100 %
        assertThat(first.lowerLimit()).isCloseTo(0.3654, within(0.0005));
        assertThat(s.chart().points().get(1).isMissing()).isTrue();
        assertThat(s.total()).isEqualTo(30);
        assertThat(s.totalYes()).isEqualTo(23);
    }

    @Test
    void theCaseReferenceMustBePseudonymous() {
        LocalDate today = LocalDate.of(2025, 6, 1);
        assertThat(FollowUpRules.problems(ref("HT-2025-0142"), today)).isEmpty();
        assertThat(FollowUpRules.problems(ref("811218-9876"), today)).extracting(Problem::messageKey)
                .containsExactly("followUp.validation.caseRefIdentity");
        assertThat(FollowUpRules.problems(ref("Ärende 19811218 9876"), today)).extracting(Problem::messageKey)
                .containsExactly("followUp.validation.caseRefIdentity");
        assertThat(FollowUpRules.problems(ref("Anna Svensson"), today)).extracting(Problem::messageKey)
                .containsExactly("followUp.validation.caseRefName");
        assertThat(FollowUpRules.problems(ref(" "), today)).extracting(Problem::messageKey)
                .containsExactly("followUp.validation.caseRefMissing");
        FollowUp inRemark = new FollowUp(null, "HT-1", today, 1, "Hemtjänst", true, true, true, true, "pnr 811218-9876");
        assertThat(FollowUpRules.problems(inRemark, today)).extracting(Problem::messageKey)
                .containsExactly("followUp.validation.remarkIdentity");
        FollowUp future = new FollowUp(null, "HT-1", today.plusDays(1), 1, "Hemtjänst", null, null, null, null, null);
        assertThat(FollowUpRules.problems(future, today)).extracting(Problem::messageKey)
                .containsExactly("followUp.validation.dateFuture");
    }

    private static FollowUp ref(String caseRef) {
        return new FollowUp(null, caseRef, LocalDate.of(2025, 5, 2), 1, "Hemtjänst", true, true, true, true, null);
    }

    private static FollowUp f(Boolean plan, Boolean upToDate, Boolean decision, Boolean wishes) {
        return new FollowUp(null, "HT-x", LocalDate.of(2025, 1, 1), 1, "Hemtjänst", plan, upToDate, decision, wishes, null);
    }
}
