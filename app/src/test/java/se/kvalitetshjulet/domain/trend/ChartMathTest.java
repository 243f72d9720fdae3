package se.kvalitetshjulet.domain.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Pareto accumulation, the action backlog fold and axis-label thinning, by hand-computed examples. */
class ChartMathTest {
    @Test
    void paretoSortsDescendingAccumulatesAndFindsTheVitalFew() {
        Pareto p = Pareto.of(List.of(new Pareto.Count("B", 2), new Pareto.Count("A", 6), new Pareto.Count(null, 2),
                new Pareto.Count("Z", 0), new Pareto.Count("C", 10)));
        assertThat(p.total()).isEqualTo(20);
        assertThat(p.bars()).extracting(Pareto.Bar::name).containsExactly("C", "A", "B", null);
        assertThat(p.bars()).extracting(Pareto.Bar::cumulativePercent).containsExactly(50.0, 80.0, 90.0, 100.0);
        assertThat(p.bars()).extracting(Pareto.Bar::percent).containsExactly(50.0, 30.0, 10.0, 10.0);
        assertThat(p.vitalFew()).isEqualTo(2);
        assertThat(Pareto.of(List.of()).bars()).isEmpty();
    }

    @Test
    void theBacklogCarriesInWhatWasOpenBeforeTheWindow() {
        ActionBacklog.Deltas d = new ActionBacklog.Deltas(
                Map.of(YearMonth.of(2024, 12), 4L, YearMonth.of(2025, 2), 1L),
                Map.of(YearMonth.of(2025, 1), 2L),
                Map.of(YearMonth.of(2025, 1), 3L),
                Map.of(YearMonth.of(2025, 3), 1L));
        List<ActionBacklog.MonthEnd> s = ActionBacklog.fold(d, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
        assertThat(s).extracting(ActionBacklog.MonthEnd::date).containsExactly(LocalDate.of(2025, 1, 31),
                LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31));
        assertThat(s).extracting(ActionBacklog.MonthEnd::open).containsExactly(2L, 3L, 3L);
        assertThat(s).extracting(ActionBacklog.MonthEnd::overdue).containsExactly(3L, 3L, 2L);
    }

    @Test
    void labelsAreThinnedToEveryKthWhenTheyWouldOverlapAndTheNewestIsAlwaysShown() {
        assertThat(LabelThinning.step(36, 1800, 20, 4)).isEqualTo(1);
        // 36 labels on 700 px = 19.4 px each; a 24 px label (+4 gap) needs every 2nd.
        assertThat(LabelThinning.step(36, 700, 24, 4)).isEqualTo(2);
        int k = LabelThinning.step(36, 400, 24, 4);
        assertThat(k).isEqualTo(3);
        List<Integer> shown = IntStream.range(0, 36).filter(i -> LabelThinning.shown(i, 36, k)).boxed().toList();
        assertThat(shown).contains(35).hasSize(12);
        for (int i = 1; i < shown.size(); i++) {
            assertThat((shown.get(i) - shown.get(i - 1)) * 400.0 / 36).isGreaterThanOrEqualTo(28);
        }
    }

    @Test
    void anAnnotationNeedsADateAndAText() {
        assertThatThrownBy(() -> new Annotation(null, "Ny rutin", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Annotation(LocalDate.of(2025, 1, 1), "  ", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Annotation(LocalDate.of(2025, 1, 1), " Ny rutin införd ", true).text()).isEqualTo("Ny rutin införd");
    }
}
