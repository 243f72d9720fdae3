package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.KF_MEASURE_KPI;
import static se.kvalitetshjulet.data.jooq.Tables.KF_OU;
import static se.kvalitetshjulet.data.jooq.Tables.KF_OU_UNIT;
import static se.kvalitetshjulet.data.jooq.Tables.KF_VALUE;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.audit.AuditAction;
import se.kvalitetshjulet.domain.keyfigure.KoladaOu;
import se.kvalitetshjulet.domain.keyfigure.KoladaValue;

/**
 * Key figures per unit (decision 0019): Kolada's organisational units (ou), which of our units each is, the ou-level
 * values, and the Kolada KPI each of our own unit measures is set beside. Writes happen in the caller's transaction,
 * each link change with its audit row.
 */
public final class KoladaUnitRepository {
    static final String OU_LINK_ENTITY = "kf_ou_unit";
    static final String MEASURE_KPI_ENTITY = "kf_measure_kpi";

    private final Database db;
    private final AuditTrail audit;

    public KoladaUnitRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Writes Kolada's ou list; an ou equal to the stored one is left alone. Returns how many changed. */
    public int upsertOus(DSLContext tx, Collection<KoladaOu> ous) {
        int changed = 0;
        for (KoladaOu o : ous) {
            var before = tx.selectFrom(KF_OU).where(KF_OU.CODE.eq(o.code())).fetchOne();
            if (before == null) {
                tx.insertInto(KF_OU).set(KF_OU.CODE, o.code()).set(KF_OU.TITLE, o.title())
                        .set(KF_OU.MUNICIPALITY_CODE, o.municipalityCode()).execute();
                changed++;
            } else if (!Objects.equals(before.getTitle(), o.title())
                    || !Objects.equals(before.getMunicipalityCode(), o.municipalityCode())) {
                tx.update(KF_OU).set(KF_OU.TITLE, o.title()).set(KF_OU.MUNICIPALITY_CODE, o.municipalityCode())
                        .where(KF_OU.CODE.eq(o.code())).execute();
                changed++;
            }
        }
        return changed;
    }

    /** Known ous by code (from Kolada's ou list), in name order. */
    public Map<String, KoladaOu> ous() {
        Map<String, KoladaOu> out = new LinkedHashMap<>();
        db.dsl().selectFrom(KF_OU).orderBy(KF_OU.TITLE, KF_OU.CODE)
                .forEach(r -> out.put(r.getCode(), new KoladaOu(r.getCode(), r.getTitle(), r.getMunicipalityCode())));
        return out;
    }

    /** Ou codes that have values but are not in the ou list (a data file read without the list). */
    public List<String> ouCodesWithValues() {
        return db.dsl().selectDistinct(KF_VALUE.OU_CODE).from(KF_VALUE).where(KF_VALUE.OU_CODE.ne(""))
                .orderBy(KF_VALUE.OU_CODE).fetch(KF_VALUE.OU_CODE);
    }

    /** ou code → our unit id, in ou order. */
    public Map<String, Long> links() {
        Map<String, Long> out = new LinkedHashMap<>();
        db.dsl().selectFrom(KF_OU_UNIT).orderBy(KF_OU_UNIT.OU_CODE).forEach(r -> out.put(r.getOuCode(), r.getUnitId()));
        return out;
    }

    /** Links the ou to the unit (replacing an earlier link of that ou); false when it was linked so already. */
    public boolean link(DSLContext tx, String ouCode, long unitId) {
        var before = tx.selectFrom(KF_OU_UNIT).where(KF_OU_UNIT.OU_CODE.eq(ouCode)).fetchOne();
        if (before != null && before.getUnitId() == unitId) {
            return false;
        }
        var after = tx.newRecord(KF_OU_UNIT);
        after.setOuCode(ouCode);
        after.setUnitId(unitId);
        if (before == null) {
            after.insert();
        } else {
            tx.update(KF_OU_UNIT).set(KF_OU_UNIT.UNIT_ID, unitId).where(KF_OU_UNIT.OU_CODE.eq(ouCode)).execute();
        }
        audit.append(tx, OU_LINK_ENTITY, unitId, before == null ? AuditAction.INSERT : AuditAction.UPDATE,
                before, after);
        return true;
    }

    public boolean unlink(DSLContext tx, String ouCode) {
        var before = tx.selectFrom(KF_OU_UNIT).where(KF_OU_UNIT.OU_CODE.eq(ouCode)).fetchOne();
        if (before == null) {
            return false;
        }
        tx.deleteFrom(KF_OU_UNIT).where(KF_OU_UNIT.OU_CODE.eq(ouCode)).execute();
        audit.append(tx, OU_LINK_ENTITY, before.getUnitId(), AuditAction.DELETE, before, null);
        return true;
    }

    /** Values of one KPI at ou level for the ous, oldest year first. */
    public List<KoladaValue> ouValues(String kpiId, Collection<String> ouCodes, String gender) {
        if (ouCodes.isEmpty()) {
            return List.of();
        }
        Condition c = KF_VALUE.KPI_ID.eq(kpiId).and(KF_VALUE.OU_CODE.in(ouCodes));
        if (gender != null) {
            c = c.and(KF_VALUE.GENDER.eq(gender));
        }
        return db.dsl().selectFrom(KF_VALUE).where(c).orderBy(KF_VALUE.PERIOD, KF_VALUE.OU_CODE)
                .fetch(r -> new KoladaValue(r.getKpiId(), r.getMunicipalityCode(), r.getOuCode(), r.getPeriod().intValue(),
                        r.getGender(), r.getValue(), r.getStatus(), r.getMemberCount().intValue()));
    }

    /** KPI ids with ou-level values for the ous. */
    public List<String> kpisWithOuValues(Collection<String> ouCodes) {
        if (ouCodes.isEmpty()) {
            return List.of();
        }
        return db.dsl().selectDistinct(KF_VALUE.KPI_ID).from(KF_VALUE).where(KF_VALUE.OU_CODE.in(ouCodes))
                .orderBy(KF_VALUE.KPI_ID).fetch(KF_VALUE.KPI_ID);
    }

    // ---- own measure ↔ Kolada KPI ------------------------------------------------------------

    public Map<String, String> measureKpis() {
        Map<String, String> out = new LinkedHashMap<>();
        db.dsl().selectFrom(KF_MEASURE_KPI).orderBy(KF_MEASURE_KPI.MEASURE)
                .forEach(r -> out.put(r.getMeasure(), r.getKpiId()));
        return out;
    }

    public Optional<String> measureKpi(String measure) {
        return db.dsl().select(KF_MEASURE_KPI.KPI_ID).from(KF_MEASURE_KPI).where(KF_MEASURE_KPI.MEASURE.eq(measure))
                .fetchOptional(KF_MEASURE_KPI.KPI_ID);
    }

    /** Sets (or with {@code kpiId} null removes) the KPI a measure is compared with; false when nothing changed. */
    public boolean setMeasureKpi(DSLContext tx, String measure, String kpiId) {
        var before = tx.selectFrom(KF_MEASURE_KPI).where(KF_MEASURE_KPI.MEASURE.eq(measure)).fetchOne();
        if (before == null && kpiId == null || before != null && before.getKpiId().equals(kpiId)) {
            return false;
        }
        if (kpiId == null) {
            tx.deleteFrom(KF_MEASURE_KPI).where(KF_MEASURE_KPI.MEASURE.eq(measure)).execute();
            audit.append(tx, MEASURE_KPI_ENTITY, 0, AuditAction.DELETE, before, null);
            return true;
        }
        var after = tx.newRecord(KF_MEASURE_KPI);
        after.setMeasure(measure);
        after.setKpiId(kpiId);
        if (before == null) {
            after.insert();
        } else {
            tx.update(KF_MEASURE_KPI).set(KF_MEASURE_KPI.KPI_ID, kpiId).where(KF_MEASURE_KPI.MEASURE.eq(measure)).execute();
        }
        audit.append(tx, MEASURE_KPI_ENTITY, 0, before == null ? AuditAction.INSERT : AuditAction.UPDATE,
                before, after);
        return true;
    }
}
