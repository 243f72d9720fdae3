package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.UNIT_DENOMINATOR;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;

/** Care recipients, care days and visits per unit and month: the denominators of rates. */
public final class DenominatorRepository {
    /** Sums over the chosen units for one month. */
    public record MonthSum(int year, int month, long recipients, long careDays, long visits) { }

    private final Database db;

    public DenominatorRepository(Database db) {
        this.db = db;
    }

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
