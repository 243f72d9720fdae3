package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.ANNUAL_ACTIVITY;
import static se.kvalitetshjulet.data.jooq.Tables.ANNUAL_ACTIVITY_DONE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.AnnualActivityDoneRecord;
import se.kvalitetshjulet.data.jooq.tables.records.AnnualActivityRecord;
import se.kvalitetshjulet.domain.cycle.AnnualActivity;
import se.kvalitetshjulet.domain.cycle.AnnualCycle;

/** Årshjulets aktiviteter (defaults come with migration V7) and their completion per year. */
public final class AnnualCycleRepository {
    static final String ENTITY = "annual_activity";

    private final Database db;
    private final AuditTrail audit;

    public AnnualCycleRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    public List<AnnualActivity> activities() {
        return db.dsl().selectFrom(ANNUAL_ACTIVITY).orderBy(ANNUAL_ACTIVITY.DUE_MONTH, ANNUAL_ACTIVITY.DUE_DAY,
                ANNUAL_ACTIVITY.ID).fetch(AnnualCycleRepository::toActivity);
    }

    public AnnualActivity save(DSLContext tx, AnnualActivity a) {
        AnnualActivityRecord rec;
        if (a.id() == null) {
            rec = tx.newRecord(ANNUAL_ACTIVITY);
            fill(rec, a);
            rec.store();
            audit.append(tx, ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        } else {
            rec = tx.selectFrom(ANNUAL_ACTIVITY).where(ANNUAL_ACTIVITY.ID.eq(a.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Aktiviteten finns inte längre (id " + a.id() + ")."));
            AnnualActivityRecord before = rec.copy();
            before.setId(rec.getId());
            fill(rec, a);
            if (AuditTrail.differs(before, rec)) {
                rec.update();
                audit.append(tx, ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
            }
        }
        return toActivity(rec);
    }

    /** Completion dates of every activity in {@code year}. */
    public Map<AnnualCycle.Key, LocalDate> done(int year) {
        Map<AnnualCycle.Key, LocalDate> out = new HashMap<>();
        db.dsl().selectFrom(ANNUAL_ACTIVITY_DONE).where(ANNUAL_ACTIVITY_DONE.YEAR.eq((long) year))
                .forEach(r -> out.put(new AnnualCycle.Key(r.getActivityId(), r.getYear().intValue()), r.getDoneOn()));
        return out;
    }

    /** Marks the activity done for the year ({@code doneOn} null: not done). */
    public void setDone(DSLContext tx, long activityId, int year, LocalDate doneOn) {
        AnnualActivityDoneRecord r = tx.selectFrom(ANNUAL_ACTIVITY_DONE)
                .where(ANNUAL_ACTIVITY_DONE.ACTIVITY_ID.eq(activityId).and(ANNUAL_ACTIVITY_DONE.YEAR.eq((long) year))).fetchOne();
        if (doneOn == null) {
            if (r != null) {
                r.delete();
                audit.append(tx, ENTITY, activityId, AuditAction.DELETE, r, null);
            }
            return;
        }
        if (r == null) {
            r = tx.newRecord(ANNUAL_ACTIVITY_DONE);
            r.setActivityId(activityId);
            r.setYear((long) year);
            r.setDoneOn(doneOn);
            r.store();
            audit.append(tx, ENTITY, activityId, AuditAction.INSERT, null, r);
        } else {
            AnnualActivityDoneRecord before = r.copy();
            before.setActivityId(activityId);
            before.setYear((long) year);
            r.setDoneOn(doneOn);
            if (AuditTrail.differs(before, r)) {
                r.update();
                audit.append(tx, ENTITY, activityId, AuditAction.UPDATE, before, r);
            }
        }
    }

    private static void fill(AnnualActivityRecord r, AnnualActivity a) {
        r.setTitle(a.title().strip());
        r.setDescription(a.description());
        r.setDueMonth((long) a.dueMonth());
        r.setDueDay((long) a.dueDay());
        r.setRecurring(a.recurring());
        r.setStartYear(a.startYear() == null ? null : a.startYear().longValue());
        r.setActive(a.active());
    }

    private static AnnualActivity toActivity(AnnualActivityRecord r) {
        return new AnnualActivity(r.getId(), r.getTitle(), r.getDescription(), r.getDueMonth().intValue(), r.getDueDay().intValue(),
                Boolean.TRUE.equals(r.getRecurring()),
                r.getStartYear() == null ? null : r.getStartYear().intValue(), Boolean.TRUE.equals(r.getActive()));
    }
}
