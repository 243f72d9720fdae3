package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT_DENOMINATOR;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.UnitDenominatorRecord;
import se.kvalitetshjulet.domain.trend.MonthDenominator;

/** Care recipients, care days and visits per unit and month: the denominators of rates. */
public final class DenominatorRepository {
    static final String ENTITY = "unit_denominator";

    /** Sums over the chosen units for one month. */
    public record MonthSum(int year, int month, long recipients, long careDays, long visits) { }

    private final Database db;
    private final AuditTrail audit;

    public DenominatorRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** One unit's months of one year, January first; months without figures are left out. */
    public List<MonthDenominator> year(long unitId, int year) {
        return db.dsl().selectFrom(UNIT_DENOMINATOR)
                .where(UNIT_DENOMINATOR.UNIT_ID.eq(unitId).and(UNIT_DENOMINATOR.YEAR.eq((long) year)))
                .orderBy(UNIT_DENOMINATOR.MONTH)
                .fetch(r -> new MonthDenominator(java.time.YearMonth.of(year, r.getMonth().intValue()),
                        toInt(r.getRecipients()), toInt(r.getCareDays()), toInt(r.getVisits())));
    }

    /**
     * Writes one month for a unit inside the caller's transaction, with an audit row (entity id = the unit)
     * when something changed: inserts, updates, or deletes the row when all three figures are unknown.
     * Returns whether anything changed.
     */
    public boolean save(DSLContext tx, long unitId, MonthDenominator m) {
        var key = UNIT_DENOMINATOR.UNIT_ID.eq(unitId).and(UNIT_DENOMINATOR.YEAR.eq((long) m.month().getYear()))
                .and(UNIT_DENOMINATOR.MONTH.eq((long) m.month().getMonthValue()));
        UnitDenominatorRecord before = tx.selectFrom(UNIT_DENOMINATOR).where(key).fetchOne();
        if (m.empty()) {
            if (before == null) {
                return false;
            }
            tx.deleteFrom(UNIT_DENOMINATOR).where(key).execute();
            audit.append(tx, ENTITY, unitId, AuditAction.DELETE, before, null);
            return true;
        }
        UnitDenominatorRecord after = tx.newRecord(UNIT_DENOMINATOR);
        after.setUnitId(unitId);
        after.setYear((long) m.month().getYear());
        after.setMonth((long) m.month().getMonthValue());
        after.setRecipients(toLong(m.recipients()));
        after.setCareDays(toLong(m.careDays()));
        after.setVisits(toLong(m.visits()));
        if (before != null && !AuditTrail.differs(before, after)) {
            return false;
        }
        upsert(tx, unitId, m.month().getYear(), m.month().getMonthValue(), m.recipients(), m.careDays(), m.visits());
        audit.append(tx, ENTITY, unitId, before == null ? AuditAction.INSERT : AuditAction.UPDATE,
                before, after);
        return true;
    }

    private static Integer toInt(Long v) {
        return v == null ? null : v.intValue();
    }

    private static Long toLong(Integer v) {
        return v == null ? null : v.longValue();
    }

    /** Writes one month without an audit row: for generated demo data only; people's edits go through {@link #save}. */
    public void upsert(DSLContext tx, long unitId, int year, int month, Integer recipients, Integer careDays,
                       Integer visits) {
        int n = tx.update(UNIT_DENOMINATOR)
                .set(UNIT_DENOMINATOR.RECIPIENTS, recipients == null ? null : recipients.longValue())
                .set(UNIT_DENOMINATOR.CARE_DAYS, careDays == null ? null : careDays.longValue())
                .set(UNIT_DENOMINATOR.VISITS, visits == null ? null : visits.longValue())
                .where(UNIT_DENOMINATOR.UNIT_ID.eq(unitId).and(UNIT_DENOMINATOR.YEAR.eq((long) year))
                        .and(UNIT_DENOMINATOR.MONTH.eq((long) month)))
                .execute();
        if (n == 0) {
            tx.insertInto(UNIT_DENOMINATOR)
                    .set(UNIT_DENOMINATOR.UNIT_ID, unitId)
                    .set(UNIT_DENOMINATOR.YEAR, (long) year)
                    .set(UNIT_DENOMINATOR.MONTH, (long) month)
                    .set(UNIT_DENOMINATOR.RECIPIENTS, recipients == null ? null : recipients.longValue())
                    .set(UNIT_DENOMINATOR.CARE_DAYS, careDays == null ? null : careDays.longValue())
                    .set(UNIT_DENOMINATOR.VISITS, visits == null ? null : visits.longValue())
                    .execute();
        }
    }

    /** Monthly sums for the units ({@code null}: all units) from the month of {@code from} to that of {@code to}. */
    public List<MonthSum> monthlySums(Set<Long> unitIds, LocalDate from, LocalDate to) {
        long fromKey = from.getYear() * 100L + from.getMonthValue();
        long toKey = to.getYear() * 100L + to.getMonthValue();
        Condition c = UNIT_DENOMINATOR.YEAR.mul(100).plus(UNIT_DENOMINATOR.MONTH).between(fromKey, toKey);
        if (unitIds != null) {
            c = c.and(unitIds.isEmpty() ? DSL.falseCondition() : UNIT_DENOMINATOR.UNIT_ID.in(unitIds));
        }
        return db.dsl().select(UNIT_DENOMINATOR.YEAR, UNIT_DENOMINATOR.MONTH,
                        DSL.sum(UNIT_DENOMINATOR.RECIPIENTS), DSL.sum(UNIT_DENOMINATOR.CARE_DAYS), DSL.sum(UNIT_DENOMINATOR.VISITS))
                .from(UNIT_DENOMINATOR).where(c)
                .groupBy(UNIT_DENOMINATOR.YEAR, UNIT_DENOMINATOR.MONTH)
                .fetch(r -> new MonthSum(r.value1().intValue(), r.value2().intValue(),
                        r.value3() == null ? 0 : r.value3().longValue(), r.value4() == null ? 0 : r.value4().longValue(),
                        r.value5() == null ? 0 : r.value5().longValue()));
    }

    public int count() {
        return db.dsl().fetchCount(UNIT_DENOMINATOR);
    }
}
