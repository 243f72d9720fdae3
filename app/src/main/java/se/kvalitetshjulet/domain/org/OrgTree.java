package se.kvalitetshjulet.domain.org;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation as an immutable tree, with the rules that keep it sound: no cycles,
 * no two siblings with the same name, levels that go downwards. Small enough (hundreds of
 * units) to hold in memory; used to expand "a unit and its subtree" into unit ids.
 */
public final class OrgTree {
    private final Map<Long, Unit> byId = new HashMap<>();
    private final Map<Long, List<Unit>> children = new HashMap<>();
    private final List<Unit> roots = new ArrayList<>();

    public OrgTree(List<Unit> units) {
        for (Unit u : units) {
            byId.put(u.id(), u);
        }
        for (Unit u : units) {
            if (u.parentId() == null || !byId.containsKey(u.parentId())) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        roots.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        children.values().forEach(l -> l.sort((a, b) -> a.name().compareToIgnoreCase(b.name())));
    }

    public List<Unit> roots() {
        return Collections.unmodifiableList(roots);
    }

    public List<Unit> children(long id) {
        return children.getOrDefault(id, List.of());
    }

    public Optional<Unit> find(Long id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<Unit> all() {
        List<Unit> out = new ArrayList<>();
        for (Unit r : roots) {
            collect(r, out);
        }
        return out;
    }

    private void collect(Unit u, List<Unit> out) {
        out.add(u);
        for (Unit c : children(u.id())) {
            collect(c, out);
        }
    }

    /** The unit itself and every unit below it. */
    public Set<Long> subtreeIds(long id) {
        Set<Long> out = new LinkedHashSet<>();
        Unit u = byId.get(id);
        if (u == null) {
            return out;
        }
        List<Unit> list = new ArrayList<>();
        collect(u, list);
        list.forEach(x -> out.add(x.id()));
        return out;
    }

    /** Names from the root down to the unit, e.g. "Vård- och omsorgsförvaltningen › Hemtjänst Norr". */
    public String path(Long id) {
        List<String> names = new ArrayList<>();
        Unit u = id == null ? null : byId.get(id);
        int guard = 0;
        while (u != null && guard++ < 100) {
            names.addFirst(u.name());
            u = u.parentId() == null ? null : byId.get(u.parentId());
        }
        return String.join(" › ", names);
    }

    /** The nearest business area on the way up from the unit (sections inherit their unit's). */
    public Long effectiveBusinessArea(Long id) {
        Unit u = id == null ? null : byId.get(id);
        int guard = 0;
        while (u != null && guard++ < 100) {
            if (u.businessAreaId() != null) {
                return u.businessAreaId();
            }
            u = u.parentId() == null ? null : byId.get(u.parentId());
        }
        return null;
    }

    /**
     * Validates a new or changed unit against the tree. Returns problems as message keys
     * (resolved to Swedish by the caller's bundle); empty when the unit may be saved.
     */
    public List<String> validate(Unit candidate) {
        List<String> problems = new ArrayList<>();
        String name = candidate.name() == null ? "" : candidate.name().strip();
        if (name.isEmpty()) {
            problems.add("org.validation.nameRequired");
        } else if (name.length() > 200) {
            problems.add("org.validation.nameTooLong");
        }
        if (candidate.level() == null) {
            problems.add("org.validation.levelRequired");
        }
        Long parentId = candidate.parentId();
        if (parentId != null) {
            Unit parent = byId.get(parentId);
            if (parent == null) {
                problems.add("org.validation.parentMissing");
            } else {
                if (candidate.id() != null && subtreeIds(candidate.id()).contains(parentId)) {
                    problems.add("org.validation.cycle");
                }
                if (candidate.level() != null && !candidate.level().mayBeChildOf(parent.level())) {
                    problems.add("org.validation.levelOrder");
                }
            }
        } else if (candidate.level() != null && candidate.level() != OrgLevel.FORVALTNING) {
            problems.add("org.validation.rootMustBeAdministration");
        }
        List<Unit> siblings = parentId == null ? roots : children(parentId);
        for (Unit s : siblings) {
            if (!s.id().equals(candidate.id()) && s.name().strip().equalsIgnoreCase(name)) {
                problems.add("org.validation.duplicateSibling");
                break;
            }
        }
        if (candidate.activeFrom() != null && candidate.activeTo() != null
                && candidate.activeTo().isBefore(candidate.activeFrom())) {
            problems.add("org.validation.activePeriod");
        }
        return problems;
    }
}
