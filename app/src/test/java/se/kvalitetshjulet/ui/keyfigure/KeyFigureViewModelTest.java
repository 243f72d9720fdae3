package se.kvalitetshjulet.ui.keyfigure;

import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;

/** The comparison list as the user types it. */
class KeyFigureViewModelTest {
    @Test
    void comparisonsAreTypedPerRoleAndReadBack() {
        List<ComparisonChoice> list = KeyFigureViewModel.parseComparisons("liknande: 1281, 1283; län: 0012; riket").orElseThrow();
        assertThat(list).containsExactly(new ComparisonChoice("1281", ComparisonRole.SIMILAR),
                new ComparisonChoice("1283", ComparisonRole.SIMILAR), new ComparisonChoice("0012", ComparisonRole.COUNTY),
                new ComparisonChoice("0000", ComparisonRole.NATIONAL));
        assertThat(KeyFigureViewModel.formatComparisons(list)).isEqualTo("liknande: 1281, 1283; län: 0012; riket");
        assertThat(KeyFigureViewModel.parseComparisons("grannar: 1281")).isEmpty();
        assertThat(KeyFigureViewModel.parseComparisons("1281")).isEmpty();
    }
}
