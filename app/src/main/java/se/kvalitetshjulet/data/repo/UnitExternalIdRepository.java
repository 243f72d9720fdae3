package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.util.HashMap;
import java.util.Map;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.UnitRecord;

/**
 * The external id of a unit (cost centre or the HR/economy system's id): what a yearly organisation file is matched
 * by, so a re-import updates units instead of duplicating them (decision 0015).
 */
public final class UnitExternalIdRepository {
    private final Database db;
    private final AuditTrail audit;

    public UnitExternalIdRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Unit id → external id, for the units that have one. */
    public Map<Long, String> all() {
        Map<Long, String> m = new HashMap<>();
        db.dsl().select(UNIT.ID, UNIT.EXTERNAL_ID).from(UNIT).where(UNIT.EXTERNAL_ID.isNotNull())
                .forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    /** Sets (or clears, with {@code null}) a unit's external id inside {@code tx}, with an audit row. */
    public void set(DSLContext tx, long unitId, String externalId) {
        UnitRecord rec = tx.selectFrom(UNIT).where(UNIT.ID.eq(unitId)).fetchOne();
        if (rec == null || java.util.Objects.equals(rec.getExternalId(), externalId)) {
            return;
        }
        UnitRecord before = rec.copy();
        before.setId(rec.getId());
        rec.setExternalId(externalId);
        rec.update();
        audit.append(tx, UnitRepository.ENTITY, unitId, AuditAction.UPDATE, before, rec);
    }
}
