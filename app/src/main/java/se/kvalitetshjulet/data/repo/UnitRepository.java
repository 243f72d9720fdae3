package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.BUSINESS_AREA;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.util.List;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.UnitRecord;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/** Units of the organisation tree and the business areas they belong to. */
public final class UnitRepository {
    static final String ENTITY = "unit";

    private final Database db;
    private final AuditTrail audit;

    public UnitRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    public List<Unit> findAll() {
        return db.dsl().selectFrom(UNIT).orderBy(UNIT.NAME).fetch(UnitRepository::toUnit);
    }

    public List<BusinessArea> businessAreas() {
        return db.dsl().selectFrom(BUSINESS_AREA).orderBy(BUSINESS_AREA.SORT_ORDER, BUSINESS_AREA.NAME)
                .fetch(r -> new BusinessArea(r.getId(), r.getCode(), r.getName()));
    }

    public BusinessArea insertBusinessArea(DSLContext tx, String code, String name, int order) {
        long id = tx.insertInto(BUSINESS_AREA).set(BUSINESS_AREA.CODE, code).set(BUSINESS_AREA.NAME, name)
                .set(BUSINESS_AREA.SORT_ORDER, (long) order).returning(BUSINESS_AREA.ID).fetchOne().getId();
        audit.append(tx, "business_area", id, AuditAction.INSERT, null,
                tx.selectFrom(BUSINESS_AREA).where(BUSINESS_AREA.ID.eq(id)).fetchOne());
        return new BusinessArea(id, code, name);
    }

    /** Inserts or updates the unit in its own transaction, with an audit row. */
    public Unit save(Unit unit) {
        return db.tx(tx -> save(tx, unit));
    }

    public Unit save(DSLContext tx, Unit unit) {
        if (unit.id() == null) {
            UnitRecord rec = tx.newRecord(UNIT);
            fill(rec, unit);
            rec.store();
            audit.append(tx, ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
            return toUnit(rec);
        }
        UnitRecord rec = tx.selectFrom(UNIT).where(UNIT.ID.eq(unit.id())).fetchOptional()
                .orElseThrow(() -> new IllegalStateException("Enheten finns inte längre (id " + unit.id() + ")."));
        UnitRecord before = rec.copy();
        before.setId(rec.getId());
        fill(rec, unit);
        if (AuditTrail.differs(before, rec)) {
            rec.update();
            audit.append(tx, ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
        }
        return toUnit(rec);
    }

    /** Deletes a unit that has no children and no records pointing at it. */
    public void delete(long id) {
        db.txRun(tx -> {
            UnitRecord rec = tx.selectFrom(UNIT).where(UNIT.ID.eq(id)).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Enheten finns inte längre (id " + id + ")."));
            rec.delete();
            audit.append(tx, ENTITY, id, AuditAction.DELETE, rec, null);
        });
    }

    private static void fill(UnitRecord rec, Unit u) {
        rec.setParentId(u.parentId());
        rec.setName(u.name().strip());
        rec.setLevel(u.level().name());
        rec.setBusinessAreaId(u.businessAreaId());
        rec.setProviderKind((u.providerKind() == null ? ProviderKind.KOMMUNAL : u.providerKind()).name());
        rec.setProviderName(u.providerName());
        rec.setActiveFrom(u.activeFrom());
        rec.setActiveTo(u.activeTo());
    }

    static Unit toUnit(UnitRecord r) {
        return new Unit(r.getId(), r.getParentId(), r.getName(), OrgLevel.valueOf(r.getLevel()), r.getBusinessAreaId(),
                ProviderKind.valueOf(r.getProviderKind()), r.getProviderName(), r.getActiveFrom(), r.getActiveTo());
    }
}
