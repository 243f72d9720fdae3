package se.kvalitetshjulet.domain.org;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the person who opened the database may do in the program, derived from the login's application roles
 * (issue 15, decision 0034). The one place the client decides what to offer: navigation, tabs, buttons and the
 * sections of Inställningar ask here, never the roles themselves. PostgreSQL stays the guard (decision 10): these
 * rules mirror the grants and row policies of {@code db/postgresql} so nobody meets a refusal they could not avoid.
 * A local file (one person, the file's owner) and a server login the client does not narrow may do everything.
 */
public final class Permissions {
    /** Something the program offers or hides as a whole. */
    public enum Capability {
        /** Case lists with free text: the register, patterns, a deviation's details. */
        SEE_CASES,
        /** Register a new deviation and work on one in the register. */
        REGISTER_DEVIATIONS,
        /** Import deviations from a file, saved import mappings (the coordinator's). */
        IMPORT_DEVIATIONS,
        /** Follow actions: the action list and its follow-up notes. */
        FOLLOW_ACTIONS,
        /** Fill in and submit the own units' self-checks. */
        FILL_SELF_CHECKS,
        /** Templates, rounds, compilation and Bilaga 2 of the self-checks. */
        MANAGE_SELF_CHECKS,
        /** Quality councils: read the meetings of the own councils and record decisions. */
        COUNCILS,
        /** Risk and event analyses and their templates. */
        RISK_ANALYSES,
        /** Rapporter: the kvalitetsberättelse and the other reports (they quote free text). */
        REPORTS,
        /** Quality dialogues and plans. */
        QUALITY_PLANS,
        /** The annual cycle (årshjul): activities and what is done. */
        ANNUAL_CYCLE,
        /** Key figures, survey results and comparisons: read. */
        SEE_KEY_FIGURES,
        /** Key figures: imports, own figures, follow-ups, links. */
        EDIT_KEY_FIGURES,
        /** Charts and trends of the register (aggregates). */
        TRENDS,
        /** The organisation tree and denominators. */
        ORGANISATION,
        /** Listor och regler. */
        LISTS,
        /** The database's own settings: privacy policy, history retention, IVO days. */
        GENERAL_SETTINGS,
        /** The person's own settings: name, language, appearance, my units, how the register opens. */
        PERSONAL_SETTINGS
    }

    private static final Set<Capability> EVERYONE = EnumSet.of(Capability.TRENDS, Capability.SEE_KEY_FIGURES,
            Capability.PERSONAL_SETTINGS);

    /** A local file: everything. */
    public static final Permissions EVERYTHING = of(SessionAccess.EVERYTHING);

    private final SessionAccess access;
    private final Set<Capability> capabilities;

    private Permissions(SessionAccess access, Set<Capability> capabilities) {
        this.access = access;
        this.capabilities = capabilities;
    }

    /** The permissions of {@code access}: the union of what each of its roles may do. */
    public static Permissions of(SessionAccess access) {
        if (!narrowed(access)) {
            return new Permissions(access, EnumSet.allOf(Capability.class));
        }
        Set<Capability> c = EnumSet.copyOf(EVERYONE);
        for (AccessRole r : access.roles()) {
            c.addAll(of(r));
        }
        return new Permissions(access, c);
    }

    /** What one role adds to what everyone may do; mirrors db/postgresql V1's grants and policies. */
    static Set<Capability> of(AccessRole role) {
        return switch (role) {
            case KVALITETSUTVECKLARE -> EnumSet.allOf(Capability.class);
            case SEKTIONSCHEF -> EnumSet.of(Capability.SEE_CASES, Capability.REGISTER_DEVIATIONS,
                    Capability.FOLLOW_ACTIONS, Capability.FILL_SELF_CHECKS);
            case SAS, MAS -> EnumSet.of(Capability.SEE_CASES, Capability.REGISTER_DEVIATIONS,
                    Capability.FOLLOW_ACTIONS);
            case RADSLEDAMOT -> EnumSet.of(Capability.SEE_CASES, Capability.FOLLOW_ACTIONS, Capability.COUNCILS);
            case LASARE -> EnumSet.noneOf(Capability.class);
        };
    }

    /** Whether the client narrows this session at all (a server login holding at least one application role). */
    private static boolean narrowed(SessionAccess access) {
        return access.server() && !access.roles().isEmpty();
    }

    public boolean may(Capability c) {
        return capabilities.contains(c);
    }

    /** Whether this session may do everything the program offers (a file, the owner, a kvalitetsutvecklare). */
    public boolean everything() {
        return capabilities.size() == Capability.values().length;
    }

    /** Läsare/nämnd only: aggregates, no free text anywhere. */
    public boolean aggregatesOnly() {
        return access.aggregatesOnly();
    }

    public Set<Capability> capabilities() {
        return EnumSet.copyOf(capabilities);
    }

    public SessionAccess access() {
        return access;
    }

    @Override
    public String toString() {
        return "Permissions" + access.roles() + capabilities;
    }
}
