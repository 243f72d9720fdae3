package se.kvalitetshjulet.ui.shell;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import se.kvalitetshjulet.domain.org.Permissions;
import se.kvalitetshjulet.domain.org.Permissions.Capability;
import se.kvalitetshjulet.domain.org.SessionAccess;

/**
 * Which screens the navigation offers to whom (issue 15, decision 0034): each screen needs one capability of
 * {@link Permissions}; the client hides what the role cannot open, PostgreSQL refuses it anyway (decision 10). A
 * läsare/nämnd login gets the aggregate screens (Hem's counts, Trender, Nyckeltal) and its personal settings.
 */
public final class RoleNavigation {
    private static final Map<Section, Capability> NEEDS = new EnumMap<>(Section.class);

    static {
        NEEDS.put(Section.HOME, Capability.PERSONAL_SETTINGS); // everyone: counts for läsare, the rest for others
        NEEDS.put(Section.DEVIATIONS, Capability.SEE_CASES);
        NEEDS.put(Section.PATTERNS, Capability.SEE_CASES);
        NEEDS.put(Section.TRENDS, Capability.TRENDS);
        NEEDS.put(Section.SELFCHECKS, Capability.FILL_SELF_CHECKS);
        NEEDS.put(Section.RISKS, Capability.RISK_ANALYSES);
        NEEDS.put(Section.REPORTS, Capability.REPORTS);
        NEEDS.put(Section.ACTIONS, Capability.FOLLOW_ACTIONS);
        NEEDS.put(Section.COUNCILS, Capability.COUNCILS);
        NEEDS.put(Section.QUALITY, Capability.QUALITY_PLANS);
        NEEDS.put(Section.CALENDAR, Capability.ANNUAL_CYCLE);
        NEEDS.put(Section.KEYFIGURES, Capability.SEE_KEY_FIGURES);
        NEEDS.put(Section.ORGANISATION, Capability.ORGANISATION);
        NEEDS.put(Section.LISTS, Capability.LISTS);
        NEEDS.put(Section.SETTINGS, Capability.PERSONAL_SETTINGS);
    }

    private RoleNavigation() {
    }

    /** The screens {@code access} may open, in navigation order. */
    public static Set<Section> sections(SessionAccess access) {
        return sections(Permissions.of(access));
    }

    /** The screens {@code permissions} allow, in navigation order. */
    public static Set<Section> sections(Permissions permissions) {
        Set<Section> s = EnumSet.noneOf(Section.class);
        for (Section section : Section.values()) {
            if (permissions.may(NEEDS.get(section))) {
                s.add(section);
            }
        }
        return s;
    }
}
