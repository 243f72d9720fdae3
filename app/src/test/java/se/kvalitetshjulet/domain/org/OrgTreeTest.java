package se.kvalitetshjulet.domain.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OrgTreeTest {
    private static Unit unit(long id, Long parent, String name, OrgLevel level, Long area) {
        return new Unit(id, parent, name, level, area, ProviderKind.KOMMUNAL, null, null, null);
    }

    private final OrgTree tree = new OrgTree(List.of(
            unit(1, null, "Förvaltningen", OrgLevel.FORVALTNING, null),
            unit(2, 1L, "Hemtjänst", OrgLevel.AVDELNING, 10L),
            unit(3, 2L, "Hemtjänst Norr", OrgLevel.ENHET, null),
            unit(4, 3L, "Sektion A", OrgLevel.SEKTION, null),
            unit(5, 1L, "LSS", OrgLevel.AVDELNING, 20L)));

    @Test
    void subtreeContainsTheUnitAndEverythingBelow() {
        assertThat(tree.subtreeIds(2)).containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(tree.subtreeIds(4)).containsExactly(4L);
    }

    @Test
    void sectionsInheritTheBusinessAreaOfTheirDepartment() {
        assertThat(tree.effectiveBusinessArea(4L)).isEqualTo(10L);
        assertThat(tree.effectiveBusinessArea(1L)).isNull();
    }

    @Test
    void movingAUnitUnderItsOwnDescendantIsACycle() {
        Unit moved = unit(2, 4L, "Hemtjänst", OrgLevel.AVDELNING, 10L);
        assertThat(tree.validate(moved)).contains("org.validation.cycle");
    }

    @Test
    void siblingNamesMustBeUniqueIgnoringCase() {
        Unit dup = new Unit(null, 1L, " hemtjänst ", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL, null, null, null);
        assertThat(tree.validate(dup)).contains("org.validation.duplicateSibling");
        Unit sameNameElsewhere = new Unit(null, 5L, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null, null, null);
        assertThat(tree.validate(sameNameElsewhere)).isEmpty();
    }

    @Test
    void levelsMustGoDownwardsAndRootsAreAdministrations() {
        Unit wrong = new Unit(null, 4L, "Under sektion", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null, null, null);
        assertThat(tree.validate(wrong)).contains("org.validation.levelOrder");
        Unit root = new Unit(null, null, "Fristående", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null, null, null);
        assertThat(tree.validate(root)).contains("org.validation.rootMustBeAdministration");
    }

    @Test
    void blankNameIsRefused() {
        Unit blank = new Unit(null, 1L, "  ", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL, null, null, null);
        assertThat(tree.validate(blank)).containsExactly("org.validation.nameRequired");
    }

    @Test
    void pathNamesTheWayDown() {
        assertThat(tree.path(4L)).isEqualTo("Förvaltningen › Hemtjänst › Hemtjänst Norr › Sektion A");
    }
}
