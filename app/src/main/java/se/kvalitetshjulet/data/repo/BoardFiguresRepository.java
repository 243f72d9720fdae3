package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_ASSESSED_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

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

    /**
     * Records registered in the period that have an assessment but no assessment date (assessed before V27): the
     * whole months from the roll-up of V42 (decision 0042), the days of a month only partly inside the period from the
     * deviations; {@link #assessedWithoutDateFromBase} on a server.
     */
    public long assessedWithoutDate(Set<Long> scope, LocalDate from, LocalDate to) {
        if (!Rollups.assessedKept(db)) {
            return assessedWithoutDateFromBase(scope, from, to);
        }
        var a = AGG_DEVIATION_ASSESSED_MONTH;
        DSLContext ctx = db.dsl();
        Rollups.Split split = Rollups.split(ctx, from, to);
        long months = 0;
        if (split.months()) {
            Condition m = a.DATED.eq(0L).and(months(a.YM, split)).and(unitIn(a.UNIT_ID, scope));
            Long n = ctx.select(DSL.sum(a.N).cast(SQLDataType.BIGINT)).from(a).where(m).fetchOne(0, Long.class);
            months = n == null ? 0 : n;
        }
        long edges = 0;
        for (LocalDate[] e : split.edges()) {
            edges += withoutDate(ctx, scope, e[0], e[1]);
        }
        return months + edges;
    }

    /** {@link #assessedWithoutDate} from the deviations themselves: the reference. */
    public long assessedWithoutDateFromBase(Set<Long> scope, LocalDate from, LocalDate to) {
        return withoutDate(db.dsl(), scope, from, to);
    }

    private static long withoutDate(DSLContext ctx, Set<Long> scope, LocalDate from, LocalDate to) {
        Condition c = DEVIATION.REGISTERED_ON.between(from, to).and(DEVIATION.ASSESSMENT.isNotNull())
                .and(DEVIATION.ASSESSED_ON.isNull());
        if (scope != null) {
            c = c.and(DEVIATION.UNIT_ID.in(scope));
        }
        return ctx.selectCount().from(DEVIATION).where(c).fetchOne(0, Long.class);
    }

    /** The split's whole months on a roll-up's month column (a null bound: none). */
    private static Condition months(Field<String> ym, Rollups.Split split) {
        Condition c = DSL.trueCondition();
        if (split.fromYm() != null) {
            c = c.and(ym.ge(split.fromYm()));
        }
        if (split.toYm() != null) {
            c = c.and(ym.le(split.toYm()));
        }
        return c;
    }

    private static Condition unitIn(Field<Long> unit, Set<Long> scope) {
        return scope == null ? DSL.trueCondition() : scope.isEmpty() ? DSL.falseCondition() : unit.in(scope);
    }

    /**
     * Counts per unit, kind and month of assessment, for a report that counts by decision date: the whole months from
     * the roll-up of V42 (decision 0042), the days of a month only partly inside the period from the deviations;
     * {@link #monthlyCountsByAssessmentFromBase} on a server. One row per unit, kind and month, in no set order.
     */
    public List<DeviationRepository.MonthlyCount> monthlyCountsByAssessment(LocalDate from, LocalDate to) {
        if (!Rollups.assessedKept(db)) {
            return monthlyCountsByAssessmentFromBase(from, to);
        }
        var a = AGG_DEVIATION_ASSESSED_MONTH;
        DSLContext ctx = db.dsl();
        Rollups.Split split = Rollups.split(ctx, from, to, DEVIATION.ASSESSED_ON);
        List<DeviationRepository.MonthlyCount> out = new java.util.ArrayList<>();
        if (split.months()) {
            ctx.select(a.UNIT_ID, a.KIND, a.YM, DSL.sum(a.N).cast(SQLDataType.BIGINT)).from(a)
                    .where(a.DATED.eq(1L).and(months(a.YM, split)))
                    .groupBy(a.UNIT_ID, a.KIND, a.YM)
                    .fetch().forEach(r -> out.add(monthly(r.value1(), r.value2(), r.value3(), r.value4())));
        }
        for (LocalDate[] e : split.edges()) {
            out.addAll(byAssessment(ctx, e[0], e[1]));
        }
        return out;
    }

    /** {@link #monthlyCountsByAssessment} from the deviations themselves: the reference. */
    public List<DeviationRepository.MonthlyCount> monthlyCountsByAssessmentFromBase(LocalDate from, LocalDate to) {
        return byAssessment(db.dsl(), from, to);
    }

    private static List<DeviationRepository.MonthlyCount> byAssessment(DSLContext ctx, LocalDate from, LocalDate to) {
        Field<String> ym = DSL.substring(DEVIATION.ASSESSED_ON.cast(SQLDataType.VARCHAR), DSL.inline(1), DSL.inline(7));
        return ctx.select(DEVIATION.UNIT_ID, DEVIATION.KIND, ym, DSL.count()).from(DEVIATION)
                .where(DEVIATION.ASSESSED_ON.between(from, to))
                .groupBy(DEVIATION.UNIT_ID, DEVIATION.KIND, ym)
                .fetch(r -> monthly(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static DeviationRepository.MonthlyCount monthly(long unitId, String kind, String ym, long count) {
        return new DeviationRepository.MonthlyCount(unitId, DeviationKind.valueOf(kind),
                Integer.parseInt(ym.substring(0, 4)), Integer.parseInt(ym.substring(5, 7)), count);
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
