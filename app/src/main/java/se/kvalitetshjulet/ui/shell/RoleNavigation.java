package se.kvalitetshjulet.ui.shell;

import java.util.EnumSet;
import java.util.Set;

import se.kvalitetshjulet.domain.org.SessionAccess;

/**
 * Which screens the navigation offers to whom (issue 15): the client hides what the role cannot open, PostgreSQL
 * refuses it anyway (decision 10). A läsare/nämnd login gets the aggregate screens only: the home screen's counts,
 * the trends of the register, the key figures.
 */
public final class RoleNavigation {
    /** The screens of a läsare/nämnd login. */
    static final Set<Section> AGGREGATES = EnumSet.of(Section.HOME, Section.TRENDS, Section.KEYFIGURES);

    private RoleNavigation() {
    }

    /** The screens {@code access} may open, in navigation order. */
    public static Set<Section> sections(SessionAccess access) {
        return access.aggregatesOnly() ? EnumSet.copyOf(AGGREGATES) : EnumSet.allOf(Section.class);
    }
}
