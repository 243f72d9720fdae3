package se.kvalitetshjulet.domain.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds a unit from what a file says: its name ("Hemtjänst Norr") or a path of names ending in it
 * ("Ekhagen › Våning 1", also with "&gt;"). Case, spacing and dash style do not matter. A name shared by several
 * units is ambiguous and must be given as a path; the result says which units were meant.
 */
public final class UnitLookup {
    /** What a lookup found. */
    public sealed interface Result permits Found, Missing, Ambiguous { }

    /** Exactly one unit. */
    public record Found(long unitId) implements Result { }

    /**
     * No unit: {@code sameName} lists the paths of units with the last name, when the path above them did not match
     * (empty when the name is unknown).
     */
    public record Missing(List<String> sameName) implements Result { }

    /** Several units match; their paths (at most five). */
    public record Ambiguous(List<String> paths) implements Result { }

    private static final Pattern DASH = Pattern.compile("\\s*[-–—]\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[›>]\\s*");

    private final OrgTree tree;
    private final Map<String, List<Unit>> byName = new HashMap<>();

    public UnitLookup(OrgTree tree) {
        this.tree = tree;
        for (Unit u : tree.all()) {
            byName.computeIfAbsent(normalise(u.name()), k -> new ArrayList<>()).add(u);
        }
    }

    /** Names as compared: lower case, single spaces, one dash style. */
    public static String normalise(String s) {
        String n = s.strip().toLowerCase(Locale.ROOT).replace('\u00A0', ' ');
        return SPACES.matcher(DASH.matcher(n).replaceAll(" - ")).replaceAll(" ");
    }

    public Result find(String value) {
        List<String> path = new ArrayList<>();
        for (String p : SEPARATOR.split(value == null ? "" : value)) {
            if (!p.isBlank()) {
                path.add(normalise(p));
            }
        }
        if (path.isEmpty()) {
            return new Missing(List.of());
        }
        List<Unit> candidates = byName.getOrDefault(path.getLast(), List.of());
        List<Unit> matches = candidates.stream().filter(u -> endsWith(u, path)).toList();
        if (matches.size() == 1) {
            return new Found(matches.getFirst().id());
        }
        if (matches.isEmpty()) {
            return new Missing(candidates.stream().limit(5).map(u -> tree.path(u.id())).toList());
        }
        return new Ambiguous(matches.stream().limit(5).map(u -> tree.path(u.id())).toList());
    }

    private boolean endsWith(Unit u, List<String> path) {
        Unit cur = u;
        for (int i = path.size() - 1; i >= 0; i--) {
            if (cur == null || !normalise(cur.name()).equals(path.get(i))) {
                return false;
            }
            cur = cur.parentId() == null ? null : tree.find(cur.parentId()).orElse(null);
        }
        return true;
    }
}
