package se.kvalitetshjulet.domain.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Moving, renaming, replacing and removing charts of a deck. */
class ChartDeckTest {
    private final ChartDeck deck = ChartDeck.empty().put("Trend", "{1}").put("Pareto", "{2}").put("Åtgärder", "{3}");

    @Test
    void movesStayInsideTheDeckAndKeepTheSettings() {
        assertThat(deck.move(1, -1).titles()).containsExactly("Pareto", "Trend", "Åtgärder");
        assertThat(deck.move(0, 1).entries().get(1)).isEqualTo(new ChartDeck.Entry("Trend", "{1}"));
        assertThat(deck.move(0, -1).titles()).containsExactly("Trend", "Pareto", "Åtgärder");
        assertThat(deck.move(2, 1).titles()).containsExactly("Trend", "Pareto", "Åtgärder");
        assertThat(deck.remove(1).titles()).containsExactly("Trend", "Åtgärder");
        assertThatThrownBy(() -> deck.remove(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void titlesAreUniqueAndNotBlankAndReplacingKeepsTitleAndPlace() {
        assertThat(deck.titleProblem(2, "Pareto")).get().extracting(p -> p.messageKey())
                .isEqualTo("trend.deck.validation.taken");
        assertThat(deck.titleProblem(1, " Pareto ")).isEmpty();
        assertThat(deck.titleProblem(1, "  ")).get().extracting(p -> p.messageKey())
                .isEqualTo("trend.deck.validation.blank");
        assertThat(deck.titleProblem(1, "x".repeat(ChartDeck.MAX_TITLE + 1))).isPresent();
        assertThat(deck.rename(2, " Öppna åtgärder ").titles()).containsExactly("Trend", "Pareto", "Öppna åtgärder");
        assertThatThrownBy(() -> deck.rename(2, "Trend")).isInstanceOf(IllegalArgumentException.class);
        assertThat(deck.replace(1, "{9}").entries()).containsExactly(new ChartDeck.Entry("Trend", "{1}"),
                new ChartDeck.Entry("Pareto", "{9}"), new ChartDeck.Entry("Åtgärder", "{3}"));
        assertThat(deck.put("Pareto", "{8}").titles()).isEqualTo(List.of("Trend", "Pareto", "Åtgärder"));
    }
}
