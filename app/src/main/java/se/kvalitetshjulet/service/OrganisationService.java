package se.kvalitetshjulet.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.kvalitetshjulet.data.repo.UnitRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;

/** The organisation tree: reading it whole (it is small), validating and saving units. */
public final class OrganisationService {
    private final UnitRepository units;
    /** The tree read once by {@link #frozen()}; null: read at every question. */
    private final OrgTree frozen;

    public OrganisationService(UnitRepository units) {
        this(units, null);
    }

    private OrganisationService(UnitRepository units, OrgTree frozen) {
        this.units = units;
        this.frozen = frozen;
    }

    /**
     * The organisation as it is now, read once: every question to the returned service ({@link #tree()},
     * {@link #unitScope}, …) is answered from that one reading, so a report's parts all see the same tree and none
     * reads it again (decision 0045). It cannot save or delete units.
     */
    public OrganisationService frozen() {
        return frozen != null ? this : new OrganisationService(units, tree());
    }

    public OrgTree tree() {
        return frozen != null ? frozen : new OrgTree(units.findAll());
    }

    private void writable() {
        if (frozen != null) {
            throw new IllegalStateException("A frozen reading of the organisation saves nothing");
        }
    }

    public List<BusinessArea> businessAreas() {
        return units.businessAreas();
    }

    /** Validates against the current tree and saves; returns the problems instead when there are any. */
    public SaveResult<Unit> save(Unit unit) {
        writable();
        List<String> keys = tree().validate(unit);
        if (!keys.isEmpty()) {
            return SaveResult.rejected(keys.stream().map(k -> new Problem("unit", k)).toList());
        }
        return SaveResult.saved(units.save(unit));
    }

    public SaveResult<Unit> delete(long id) {
        writable();
        OrgTree t = tree();
        if (!t.children(id).isEmpty()) {
            return SaveResult.rejected(List.of(new Problem("unit", "org.validation.hasChildren")));
        }
        try {
            units.delete(id);
        } catch (org.jooq.exception.DataAccessException e) {
            return SaveResult.rejected(List.of(new Problem("unit", "org.validation.inUse")));
        }
        return SaveResult.saved(null);
    }

    /**
     * Unit ids for a filter on a unit subtree and/or a business area (inherited downwards);
     * {@code null} when neither is chosen, meaning every unit.
     */
    /** The units chosen and everything under them ("Mina enheter", decision 0027); empty when none are chosen. */
    public Set<Long> unitsScope(java.util.Collection<Long> roots) {
        Set<Long> ids = new HashSet<>();
        if (roots == null || roots.isEmpty()) {
            return ids;
        }
        OrgTree t = tree();
        for (Long r : roots) {
            if (t.find(r).isPresent()) {
                ids.addAll(t.subtreeIds(r));
            }
        }
        return ids;
    }

    public Set<Long> unitScope(Long unitId, Long businessAreaId) {
        if (unitId == null && businessAreaId == null) {
            return null;
        }
        OrgTree t = tree();
        Set<Long> ids = new HashSet<>();
        if (unitId != null) {
            ids.addAll(t.subtreeIds(unitId));
        } else {
            t.all().forEach(u -> ids.add(u.id()));
        }
        if (businessAreaId != null) {
            ids.removeIf(id -> !businessAreaId.equals(t.effectiveBusinessArea(id)));
        }
        return ids;
    }
}
