package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.INDIVIDUAL_FOLLOW_UP;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.IndividualFollowUpRecord;
import se.kvalitetshjulet.domain.keyfigure.FollowUp;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;

/** Individual follow-ups (individuppföljningar), pseudonymous, and their counts per unit and month. */
public final class FollowUpRepository {
    static final String ENTITY = "individual_follow_up";

    /**
     * Counts of one unit and month, grouped in the database: follow-ups, and per measure (in
     * {@link FollowUpMeasure} order) how many were assessed and how many were yes.
     */
    public record MonthCount(long unitId, int year, int month, int followUps, int[] assessed, int[] yes) { }

    private final Database db;
    private final AuditTrail audit;

    public FollowUpRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Inserts or updates (by id) one follow-up with its audit row; returns the id. */
    public long save(DSLContext tx, FollowUp f, LocalDateTime now) {
        IndividualFollowUpRecord before = f.id() == null ? null
                : tx.selectFrom(INDIVIDUAL_FOLLOW_UP).where(INDIVIDUAL_FOLLOW_UP.ID.eq(f.id())).fetchOne();
        IndividualFollowUpRecord after = tx.newRecord(INDIVIDUAL_FOLLOW_UP);
        fill(after, f);
        if (before == null) {
            after.setCreatedAt(now);
            after.store();
            audit.append(tx, ENTITY, after.getId(), AuditAction.INSERT, null, after);
            return after.getId();
        }
        after.setId(before.getId());
        after.setCreatedAt(before.getCreatedAt());
        if (AuditTrail.differs(before, after)) {
            tx.update(INDIVIDUAL_FOLLOW_UP).set(after).where(INDIVIDUAL_FOLLOW_UP.ID.eq(before.getId())).execute();
            audit.append(tx, ENTITY, before.getId(), AuditAction.UPDATE, before, after);
        }
        return before.getId();
    }

    /** Whether this follow-up (case reference, date and insats) is already recorded: imports skip it. */
    public Optional<Long> find(DSLContext tx, String caseRef, LocalDate date, String insats) {
        return tx.select(INDIVIDUAL_FOLLOW_UP.ID).from(INDIVIDUAL_FOLLOW_UP)
                .where(INDIVIDUAL_FOLLOW_UP.CASE_REF.eq(caseRef).and(INDIVIDUAL_FOLLOW_UP.FOLLOWED_UP_ON.eq(date))
                        .and(INDIVIDUAL_FOLLOW_UP.INSATS.eq(insats)))
                .fetchOptional(INDIVIDUAL_FOLLOW_UP.ID);
    }

    /** Inserts without a per-row audit row (imports write one summary row). */
    public void insertImported(DSLContext tx, FollowUp f, LocalDateTime now) {
        IndividualFollowUpRecord r = tx.newRecord(INDIVIDUAL_FOLLOW_UP);
        fill(r, f);
        r.setCreatedAt(now);
        r.store();
    }

    public boolean delete(DSLContext tx, long id) {
        IndividualFollowUpRecord before = tx.selectFrom(INDIVIDUAL_FOLLOW_UP).where(INDIVIDUAL_FOLLOW_UP.ID.eq(id)).fetchOne();
        if (before == null) {
            return false;
        }
        tx.deleteFrom(INDIVIDUAL_FOLLOW_UP).where(INDIVIDUAL_FOLLOW_UP.ID.eq(id)).execute();
        audit.append(tx, ENTITY, id, AuditAction.DELETE, before, null);
        return true;
    }

    private static void fill(IndividualFollowUpRecord r, FollowUp f) {
        r.setCaseRef(f.caseRef().strip());
        r.setFollowedUpOn(f.date());
        r.setUnitId(f.unitId());
        r.setInsats(f.insats().strip());
        r.setPlanExists(f.planExists());
        r.setPlanUpToDate(f.planUpToDate());
        r.setMeetsDecision(f.meetsDecision());
        r.setWishesFollowedUp(f.wishesFollowedUp());
        r.setRemark(f.remark() == null || f.remark().isBlank() ? null : f.remark().strip());
    }

    /** The latest follow-ups of the units ({@code null}: all) in the period, newest first, at most {@code limit}. */
    public List<FollowUp> list(Set<Long> unitIds, LocalDate from, LocalDate to, int limit) {
        return db.dsl().selectFrom(INDIVIDUAL_FOLLOW_UP).where(scope(unitIds, from, to))
                .orderBy(INDIVIDUAL_FOLLOW_UP.FOLLOWED_UP_ON.desc(), INDIVIDUAL_FOLLOW_UP.ID.desc()).limit(limit)
                .fetch(r -> new FollowUp(r.getId(), r.getCaseRef(), r.getFollowedUpOn(), r.getUnitId(), r.getInsats(),
                        r.getPlanExists(), r.getPlanUpToDate(), r.getMeetsDecision(), r.getWishesFollowedUp(),
                        r.getRemark()));
    }

    public int count() {
        return db.dsl().fetchCount(INDIVIDUAL_FOLLOW_UP);
    }

    /** Counts per unit and month in the period, grouped in the database. */
    public List<MonthCount> monthCounts(Set<Long> unitIds, LocalDate from, LocalDate to) {
        Field<Integer> year = DSL.year(INDIVIDUAL_FOLLOW_UP.FOLLOWED_UP_ON);
        Field<Integer> month = DSL.month(INDIVIDUAL_FOLLOW_UP.FOLLOWED_UP_ON);
        List<Field<?>> select = new java.util.ArrayList<>();
        select.add(INDIVIDUAL_FOLLOW_UP.UNIT_ID);
        select.add(year);
        select.add(month);
        select.addAll(sums());
        return db.dsl().select(select).from(INDIVIDUAL_FOLLOW_UP).where(scope(unitIds, from, to))
                .groupBy(INDIVIDUAL_FOLLOW_UP.UNIT_ID, year, month).orderBy(year, month, INDIVIDUAL_FOLLOW_UP.UNIT_ID)
                .fetch(r -> {
                    int[][] ay = measures(r, 4);
                    return new MonthCount(((Number) r.get(0)).longValue(), ((Number) r.get(1)).intValue(),
                            ((Number) r.get(2)).intValue(), ((Number) r.get(3)).intValue(), ay[0], ay[1]);
                });
    }

    /** Counts of one unit and day: what {@link MonthCount} sums, a day finer. */
    public record DayCount(long unitId, LocalDate day, int followUps, int[] assessed, int[] yes) { }

    /**
     * Every follow-up counted per unit and day, in one grouped query (by unit, then day): a report reads it once and
     * answers each unit's and year's question from it (decision 0045) instead of asking {@link #monthCounts} for each.
     * Its rows are at most the follow-ups themselves, a few hundred a year in a municipality.
     */
    public List<DayCount> dayCounts() {
        List<Field<?>> select = new java.util.ArrayList<>();
        select.add(INDIVIDUAL_FOLLOW_UP.UNIT_ID);
        select.add(INDIVIDUAL_FOLLOW_UP.FOLLOWED_UP_ON);
        select.addAll(sums());
        return db.dsl().select(select).from(INDIVIDUAL_FOLLOW_UP)
                .groupBy(INDIVIDUAL_FOLLOW_UP.UNIT_ID, INDIVIDUAL_FOLLOW_UP.FOLLOWED_UP_ON)
                .orderBy(INDIVIDUAL_FOLLOW_UP.UNIT_ID, INDIVIDUAL_FOLLOW_UP.FOLLOWED_UP_ON)
                .fetch(r -> {
                    int[][] ay = measures(r, 3);
                    return new DayCount(((Number) r.get(0)).longValue(), r.get(1, LocalDate.class),
                            ((Number) r.get(2)).intValue(), ay[0], ay[1]);
                });
    }

    /** The count of follow-ups, then per measure (in {@link FollowUpMeasure} order) the assessed and the yes. */
    private static List<Field<?>> sums() {
        List<Field<?>> select = new java.util.ArrayList<>();
        select.add(DSL.count());
        for (FollowUpMeasure m : FollowUpMeasure.values()) {
            Field<Boolean> col = column(m);
            Condition assessed = col.isNotNull();
            if (m == FollowUpMeasure.PLAN_UP_TO_DATE) {
                assessed = assessed.and(INDIVIDUAL_FOLLOW_UP.PLAN_EXISTS.isNull().or(INDIVIDUAL_FOLLOW_UP.PLAN_EXISTS.isTrue()));
            }
            select.add(DSL.sum(DSL.when(assessed, DSL.inline(1)).otherwise(DSL.inline(0))));
            select.add(DSL.sum(DSL.when(assessed.and(col.isTrue()), DSL.inline(1)).otherwise(DSL.inline(0))));
        }
        return select;
    }

    /** The assessed and yes sums of {@link #sums()} from the record's field {@code first} on. */
    private static int[][] measures(org.jooq.Record r, int first) {
        int n = FollowUpMeasure.values().length;
        int[] a = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = ((Number) r.get(first + 2 * i)).intValue();
            y[i] = ((Number) r.get(first + 1 + 2 * i)).intValue();
        }
        return new int[][] {a, y};
    }

    private static Condition scope(Set<Long> unitIds, LocalDate from, LocalDate to) {
        Condition c = INDIVIDUAL_FOLLOW_UP.FOLLOWED_UP_ON.between(from, to);
        if (unitIds != null) {
            c = c.and(unitIds.isEmpty() ? DSL.falseCondition() : INDIVIDUAL_FOLLOW_UP.UNIT_ID.in(unitIds));
        }
        return c;
    }

    private static Field<Boolean> column(FollowUpMeasure m) {
        return switch (m) {
            case PLAN_EXISTS -> INDIVIDUAL_FOLLOW_UP.PLAN_EXISTS;
            case PLAN_UP_TO_DATE -> INDIVIDUAL_FOLLOW_UP.PLAN_UP_TO_DATE;
            case MEETS_DECISION -> INDIVIDUAL_FOLLOW_UP.MEETS_DECISION;
            case WISHES_FOLLOWED_UP -> INDIVIDUAL_FOLLOW_UP.WISHES_FOLLOWED_UP;
        };
    }
}
