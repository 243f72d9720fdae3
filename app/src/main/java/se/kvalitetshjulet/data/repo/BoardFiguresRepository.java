package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationKind;

/**
 * The decision-date figures of the reports (issue 21, decision 0023): assessments counted by the day they were made,
 * IVO notifications by the day they were sent and whether the investigation was finished by then, and the counts per
 * unit, kind and month by assessment date for a report that counts by decision date. Grouped in the database;
 * scopes (a unit's subtree) are applied by the caller on the unit column of each row, as for the pattern counts.
 */
public final class BoardFiguresRepository {
    /** Assessments of one kind made at one unit in a period. */
    public record AssessmentCount(long unitId, DeviationKind kind, String assessment, long count) { }

    /** IVO notifications of one kind from one unit in a period. */
    public record IvoCount(long unitId, DeviationKind kind, long notified, long afterInvestigation,
                           long decidedByIvo) { }

    private final Database db;

    public BoardFiguresRepository(Database db) {
        this.db = db;
    }

    public List<AssessmentCount> assessments(LocalDate from, LocalDate to) {
        Field<Integer> n = DSL.count();
        return db.dsl().select(DEVIATION.UNIT_ID, DEVIATION.KIND, DEVIATION.ASSESSMENT, n).from(DEVIATION)
                .where(DEVIATION.ASSESSED_ON.between(from, to).and(DEVIATION.ASSESSMENT.isNotNull()))
                .groupBy(DEVIATION.UNIT_ID, DEVIATION.KIND, DEVIATION.ASSESSMENT)
                .fetch(r -> new AssessmentCount(r.value1(), DeviationKind.valueOf(r.value2()), r.value3(),
                        r.value4()));
    }

    /**
     * Notifications sent in the period; "after investigation" when the case was assessed on or before the day it
     * was notified; "decided by IVO" when IVO's decision or its date is recorded.
     */
    public List<IvoCount> ivoNotifications(LocalDate from, LocalDate to) {
        Field<Integer> after = DSL.sum(DSL.when(DEVIATION.ASSESSED_ON.isNotNull()
                .and(DEVIATION.ASSESSED_ON.le(DEVIATION.IVO_REPORTED_ON)), DSL.inline(1)).else_(DSL.inline(0)))
                .cast(Integer.class);
        Condition decided = DEVIATION.IVO_DECISION_DATE.isNotNull()
                .or(DEVIATION.IVO_DECISION.isNotNull().and(DSL.trim(DEVIATION.IVO_DECISION).ne("")));
        Field<Integer> decidedCount = DSL.sum(DSL.when(decided, DSL.inline(1)).else_(DSL.inline(0)))
                .cast(Integer.class);
        return db.dsl().select(DEVIATION.UNIT_ID, DEVIATION.KIND, DSL.count(), after, decidedCount).from(DEVIATION)
                .where(DEVIATION.IVO_REPORTED_ON.between(from, to))
                .groupBy(DEVIATION.UNIT_ID, DEVIATION.KIND)
                .fetch(r -> new IvoCount(r.value1(), DeviationKind.valueOf(r.value2()), r.value3(),
                        r.value4() == null ? 0 : r.value4(), r.value5() == null ? 0 : r.value5()));
    }

    /** Records registered in the period that have an assessment but no assessment date (assessed before V27). */
    public long assessedWithoutDate(Set<Long> scope, LocalDate from, LocalDate to) {
        Condition c = DEVIATION.REGISTERED_ON.between(from, to).and(DEVIATION.ASSESSMENT.isNotNull())
                .and(DEVIATION.ASSESSED_ON.isNull());
        if (scope != null) {
            c = c.and(DEVIATION.UNIT_ID.in(scope));
        }
        return db.dsl().selectCount().from(DEVIATION).where(c).fetchOne(0, Long.class);
    }

    /** Counts per unit, kind and month of assessment, for a report that counts by decision date. */
    public List<DeviationRepository.MonthlyCount> monthlyCountsByAssessment(LocalDate from, LocalDate to) {
        Field<String> ym = DSL.substring(DEVIATION.ASSESSED_ON.cast(org.jooq.impl.SQLDataType.VARCHAR),
                DSL.inline(1), DSL.inline(7));
        return db.dsl().select(DEVIATION.UNIT_ID, DEVIATION.KIND, ym, DSL.count()).from(DEVIATION)
                .where(DEVIATION.ASSESSED_ON.between(from, to))
                .groupBy(DEVIATION.UNIT_ID, DEVIATION.KIND, ym)
                .fetch(r -> new DeviationRepository.MonthlyCount(r.value1(), DeviationKind.valueOf(r.value2()),
                        Integer.parseInt(r.value3().substring(0, 4)), Integer.parseInt(r.value3().substring(5, 7)),
                        r.value4()));
    }

    /** The day a deviation was assessed, if it is (and was assessed since the date is stored). */
    public java.util.Optional<LocalDate> assessedOn(long deviationId) {
        return db.dsl().select(DEVIATION.ASSESSED_ON).from(DEVIATION).where(DEVIATION.ID.eq(deviationId))
                .fetchOptional(DEVIATION.ASSESSED_ON);
    }

    /**
     * Sets or clears the day a deviation was assessed, in the caller's transaction (the status change that causes it
     * is in the same transaction's audit row).
     */
    public void markAssessed(DSLContext tx, long deviationId, LocalDate on) {
        tx.update(DEVIATION).set(DEVIATION.ASSESSED_ON, on).where(DEVIATION.ID.eq(deviationId)).execute();
    }
}
