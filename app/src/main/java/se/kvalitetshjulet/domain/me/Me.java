package se.kvalitetshjulet.domain.me;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import se.kvalitetshjulet.domain.org.AccessRole;

/**
 * Who "I" am for "Mina åtgärder", "Mina enheter" and the register's defaults (issue 18, decision 0027): the units I
 * work in (the units chosen, each meaning its whole subtree) and the role words I answer to as responsible
 * ("Enhetschef", "MAS" …). Locally chosen in Inställningar; on a server read from the login's grants
 * ({@code fromLogin}), each access role mapped to the words used as responsible ({@link #wordsOf}).
 */
public record Me(List<Long> units, List<String> roles, boolean fromLogin) {
    /** At most this many roles, each at most {@link #MAX_ROLE_LENGTH} characters. */
    public static final int MAX_ROLES = 20;
    public static final int MAX_ROLE_LENGTH = 60;

    public Me {
        units = List.copyOf(new LinkedHashSet<>(units == null ? List.of() : units));
        roles = List.copyOf(roles == null ? List.of() : roles);
    }

    public static Me nobody() {
        return new Me(List.of(), List.of(), false);
    }

    /** From the login's grants: the granted units, and the role words of every granted role. */
    public static Me fromGrants(List<RoleGrant> grants) {
        Set<Long> units = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>();
        for (RoleGrant g : grants) {
            units.add(g.unitId());
            words.addAll(wordsOf(g.role()));
        }
        return new Me(new ArrayList<>(units), new ArrayList<>(words), true);
    }

    /**
     * The words an action's "Ansvarig" uses for a person holding this access role. A section chief is called
     * sektionschef or enhetschef depending on the municipality, MAS and MAR are the same office for health care;
     * council members and readers are never responsible for an action as a role.
     */
    public static List<String> wordsOf(AccessRole role) {
        return switch (role) {
            case SEKTIONSCHEF -> List.of("Enhetschef", "Sektionschef");
            case KVALITETSUTVECKLARE -> List.of("Kvalitetsutvecklare");
            case SAS -> List.of("SAS");
            case MAS -> List.of("MAS", "MAR");
            case RADSLEDAMOT, LASARE -> List.of();
        };
    }

    /** "Enhetschef, MAS ,, mas" → [Enhetschef, MAS]: split on commas or semicolons, trimmed, once each (ignoring case). */
    public static List<String> parseRoles(String text) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,;\\n]")) {
            String r = part.strip().replaceAll("\\s+", " ");
            if (!r.isEmpty() && seen.add(r.toLowerCase(Locale.ROOT))) {
                out.add(r);
            }
        }
        return out;
    }

    public static String formatRoles(List<String> roles) {
        return String.join(", ", roles);
    }

    /** Stored form of the units: "12,40". */
    public static String formatUnits(List<Long> units) {
        return units.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static List<Long> parseUnits(String text) {
        List<Long> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String p : text.split(",")) {
            if (p.strip().matches("\\d{1,18}")) {
                out.add(Long.valueOf(p.strip()));
            }
        }
        return out;
    }
}
