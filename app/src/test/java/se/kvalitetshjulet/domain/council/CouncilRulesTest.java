package se.kvalitetshjulet.domain.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Agenda building, carry-over of decisions between meetings, and the run chart signal test. */
class CouncilRulesTest {

    private static FollowUpRules.MeetingRecord meeting(long id, List<Long> decisions, Map<Long, FollowUpOutcome> outcomes) {
        return new FollowUpRules.MeetingRecord(id, decisions, outcomes);
    }

    @Test
    void theFirstMeetingHasNothingToFollowUpAndTheSecondFollowsUpTheFirstsDecisions() {
        assertThat(FollowUpRules.actionsToFollowUp(List.of())).isEmpty();
        assertThat(FollowUpRules.actionsToFollowUp(List.of(meeting(1, List.of(10L, 11L), Map.of()))))
                .containsExactly(10L, 11L);
    }

    @Test
    void onlyWhatIsReportedDoneLeavesTheFollowUpList() {
        var first = meeting(1, List.of(10L, 11L, 12L), Map.of());
        var second = meeting(2, List.of(20L), Map.of(10L, FollowUpOutcome.DONE, 11L, FollowUpOutcome.CARRIED_OVER,
                12L, FollowUpOutcome.NOT_DONE));
        // 11 carried over and 12 not done come back, with the second meeting's own decision.
        assertThat(FollowUpRules.actionsToFollowUp(List.of(first, second))).containsExactly(11L, 12L, 20L);
    }

    @Test
    void aDecisionLeftWithoutAnOutcomeDoesNotSlipAndCarriesOverUntilDone() {
        var first = meeting(1, List.of(10L), Map.of());
        var second = meeting(2, List.of(), Map.of());
        var third = meeting(3, List.of(), Map.of(10L, FollowUpOutcome.CARRIED_OVER));
        assertThat(FollowUpRules.actionsToFollowUp(List.of(first, second, third))).containsExactly(10L);
        var fourth = meeting(4, List.of(), Map.of(10L, FollowUpOutcome.DONE));
        assertThat(FollowUpRules.actionsToFollowUp(List.of(first, second, third, fourth))).isEmpty();
    }

    @Test
    void theAgendaListsFollowUpDeviationsOverdueSignalsThenAddedItems() {
        var in = new AgendaBuilder.Input(LocalDate.of(2026, 10, 20), 7, List.of(1L, 2L), List.of(10L),
                List.of(30L, 31L), List.of(new AgendaBuilder.Signal("ALL", 4.5, 11)),
                List.of(AgendaItem.added(5L, "Bemanning i jul", null)));
        List<AgendaItem> agenda = AgendaBuilder.build(in);
        assertThat(agenda).extracting(AgendaItem::kind).containsExactly(AgendaItem.Kind.FOLLOW_UP,
                AgendaItem.Kind.DEVIATIONS_SINCE, AgendaItem.Kind.OVERDUE_ACTIONS, AgendaItem.Kind.CHART_SIGNAL,
                AgendaItem.Kind.ADDED);
        assertThat(agenda.get(1).count()).isEqualTo(7);
        assertThat(agenda.get(1).label()).isEqualTo("2026-10-20");
        assertThat(agenda.get(2).refIds()).containsExactly(30L, 31L);
        assertThat(agenda.get(3).signal().latest()).isEqualTo(11);
    }

    @Test
    void anEmptyPeriodStillPutsTheDeviationsOnTheAgendaButNoEmptyFollowUpOrOverdueItems() {
        var agenda = AgendaBuilder.build(new AgendaBuilder.Input(LocalDate.of(2026, 10, 20), 0, List.of(), List.of(),
                List.of(), List.of(), List.of()));
        assertThat(agenda).extracting(AgendaItem::kind).containsExactly(AgendaItem.Kind.DEVIATIONS_SINCE);
    }

    @Test
    void aShiftInTheLastMonthsIsASignalAndAStableSeriesIsNot() {
        List<Double> shifted = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            shifted.add(i % 2 == 0 ? 3.0 : 4.0);
        }
        for (int i = 0; i < 8; i++) {
            shifted.add(9.0);
        }
        assertThat(ChartSignals.recentSignal(shifted, 12)).isTrue();
        List<Double> stable = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            stable.add(i % 2 == 0 ? 3.0 : 5.0);
        }
        assertThat(ChartSignals.recentSignal(stable, 12)).isFalse();
        assertThat(ChartSignals.recentSignal(List.of(1.0, 9.0, 9.0), 12)).as("too short").isFalse();
    }

    @Test
    void rareEventsWithMedianZeroRaiseNoRunChartSignal() {
        java.util.List<Double> rare = new java.util.ArrayList<>(java.util.Collections.nCopies(20, 0.0));
        rare.set(19, 1.0);
        rare.set(18, 1.0);
        rare.set(17, 2.0);
        org.assertj.core.api.Assertions.assertThat(ChartSignals.recentSignal(rare, 12)).isFalse();
        java.util.List<Double> shift = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            shift.add(10.0 + (i % 3));
        }
        for (int i = 0; i < 10; i++) {
            shift.add(20.0 + (i % 3));
        }
        org.assertj.core.api.Assertions.assertThat(ChartSignals.recentSignal(shift, 12)).isTrue();
    }
}
