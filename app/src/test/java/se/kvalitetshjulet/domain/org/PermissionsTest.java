package se.kvalitetshjulet.domain.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.org.Permissions.Capability;

/** The rules themselves (decision 0034): a file and the owner everything, a login the union of its roles. */
class PermissionsTest {
    private static Permissions server(AccessRole... roles) {
        return Permissions.of(new SessionAccess(true, Set.of(roles)));
    }

    @Test
    void aFileAndTheServersOwnerMayDoEverything() {
        assertThat(Permissions.EVERYTHING.everything()).isTrue();
        assertThat(server().everything()).isTrue(); // holds no application role: the owner, not narrowed
        assertThat(server(AccessRole.KVALITETSUTVECKLARE).everything()).isTrue();
    }

    @Test
    void aSectionChiefRegistersAndFillsInButKeepsNoTemplatesOrSettings() {
        Permissions p = server(AccessRole.SEKTIONSCHEF);
        assertThat(p.may(Capability.REGISTER_DEVIATIONS)).isTrue();
        assertThat(p.may(Capability.FILL_SELF_CHECKS)).isTrue();
        assertThat(p.may(Capability.PERSONAL_SETTINGS)).isTrue();
        assertThat(p.may(Capability.MANAGE_SELF_CHECKS)).isFalse();
        assertThat(p.may(Capability.GENERAL_SETTINGS)).isFalse();
        assertThat(p.may(Capability.IMPORT_DEVIATIONS)).isFalse();
        assertThat(p.may(Capability.COUNCILS)).isFalse();
    }

    @Test
    void aCouncilMemberReadsAndDecidesButRegistersNothing() {
        Permissions p = server(AccessRole.RADSLEDAMOT);
        assertThat(p.may(Capability.COUNCILS)).isTrue();
        assertThat(p.may(Capability.SEE_CASES)).isTrue();
        assertThat(p.may(Capability.REGISTER_DEVIATIONS)).isFalse();
        assertThat(p.may(Capability.MANAGE_SELF_CHECKS)).isFalse();
    }

    @Test
    void aLasareSeesAggregatesOnlyAndTwoRolesGetBothParts() {
        Permissions board = server(AccessRole.LASARE);
        assertThat(board.aggregatesOnly()).isTrue();
        assertThat(board.capabilities()).containsExactlyInAnyOrder(Capability.TRENDS, Capability.SEE_KEY_FIGURES,
                Capability.PERSONAL_SETTINGS);
        Permissions both = server(AccessRole.LASARE, AccessRole.RADSLEDAMOT);
        assertThat(both.aggregatesOnly()).isFalse();
        assertThat(both.may(Capability.COUNCILS)).isTrue();
        Permissions chiefAndMember = server(AccessRole.SEKTIONSCHEF, AccessRole.RADSLEDAMOT);
        assertThat(chiefAndMember.may(Capability.FILL_SELF_CHECKS) && chiefAndMember.may(Capability.COUNCILS)).isTrue();
        assertThat(chiefAndMember.everything()).isFalse();
    }
}
