package se.kvalitetshjulet.ui.keyfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.data.repo.KeyFigureRepository.Comparison;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;

/** The comparison list as the user types it. */
class KeyFigureViewModelTest {
    @Test
    void comparisonsAreTypedPerRoleAndReadBack() {
        List<Comparison> list = KeyFigureViewModel.parseComparisons("liknande: 1281, 1283; län: 0012; riket").orElseThrow();
        assertThat(list).containsExactly(new Comparison("1281", ComparisonRole.SIMILAR),
                new Comparison("1283", ComparisonRole.SIMILAR), new Comparison("0012", ComparisonRole.COUNTY),
                new Comparison("0000", ComparisonRole.NATIONAL));
        assertThat(KeyFigureViewModel.formatComparisons(list)).isEqualTo("liknande: 1281, 1283; län: 0012; riket");
        assertThat(KeyFigureViewModel.parseComparisons("grannar: 1281")).isEmpty();
        assertThat(KeyFigureViewModel.parseComparisons("1281")).isEmpty();
    }
}
