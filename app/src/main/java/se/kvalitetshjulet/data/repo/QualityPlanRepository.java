package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.QUALITY_DIALOGUE;
import static se.kvalitetshjulet.data.jooq.Tables.QUALITY_GOAL;
import static se.kvalitetshjulet.data.jooq.Tables.QUALITY_PLAN;
import static se.kvalitetshjulet.data.jooq.Tables.QUALITY_PLAN_LINK;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.QualityDialogueRecord;
import se.kvalitetshjulet.data.jooq.tables.records.QualityGoalRecord;
import se.kvalitetshjulet.data.jooq.tables.records.QualityPlanRecord;
import se.kvalitetshjulet.domain.plan.Dialogue;
import se.kvalitetshjulet.domain.plan.Goal;
import se.kvalitetshjulet.domain.plan.QualityPlan;

/** Kvalitetsdialoger and kvalitetsplaner (goals, linked actions); every write audited. */
public final class QualityPlanRepository {
    private final Database db;
    private final AuditTrail audit;

    public QualityPlanRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    private static Condition units(org.jooq.Field<Long> field, Set<Long> unitIds) {
        return unitIds == null ? DSL.trueCondition() : unitIds.isEmpty() ? DSL.falseCondition() : field.in(unitIds);
    }

    // ---- dialogues -------------------------------------------------------------------------

    public List<Dialogue> dialogues(Set<Long> unitIds) {
        return db.dsl().selectFrom(QUALITY_DIALOGUE).where(units(QUALITY_DIALOGUE.UNIT_ID, unitIds))
                .orderBy(QUALITY_DIALOGUE.DIALOGUE_YEAR.desc(), QUALITY_DIALOGUE.WORK_GROUP, QUALITY_DIALOGUE.ID)
                .fetch(QualityPlanRepository::toDialogue);
    }

    public Optional<Dialogue> dialogue(long id) {
        return db.dsl().selectFrom(QUALITY_DIALOGUE).where(QUALITY_DIALOGUE.ID.eq(id)).fetchOptional()
                .map(QualityPlanRepository::toDialogue);
    }

    public Dialogue save(DSLContext tx, Dialogue d) {
        QualityDialogueRecord rec;
        QualityDialogueRecord before = null;
        if (d.id() == null) {
            rec = tx.newRecord(QUALITY_DIALOGUE);
        } else {
            rec = tx.selectFrom(QUALITY_DIALOGUE).where(QUALITY_DIALOGUE.ID.eq(d.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Dialogen finns inte längre (id " + d.id() + ")."));
            before = rec.copy();
            before.setId(rec.getId());
        }
        rec.setUnitId(d.unitId());
        rec.setDialogueYear((long) d.year());
        rec.setWorkGroup(d.workGroup().strip());
        rec.setHeldOn(d.heldOn());
        rec.setLedBy(d.ledBy());
        rec.setStaffSelfAssessment(d.staffSelfAssessment());
        rec.setUserDialogue(d.userDialogue());
        rec.setRelativeDialogue(d.relativeDialogue());
        rec.setSurveyResults(d.surveyResults());
        rec.setComplaints(d.complaints());
        rec.setStrengths(d.strengths());
        rec.setImprovements(d.improvements());
        if (before == null) {
            rec.setUpdatedAt(LocalDateTime.now());
            rec.store();
            audit.append(tx, "quality_dialogue", rec.getId(), AuditAction.INSERT, null, rec);
        } else if (AuditTrail.differs(before, rec, QUALITY_DIALOGUE.UPDATED_AT)) {
            rec.setUpdatedAt(LocalDateTime.now());
            rec.update();
            audit.append(tx, "quality_dialogue", rec.getId(), AuditAction.UPDATE, before, rec);
        }
        return toDialogue(rec);
    }

    // ---- plans -----------------------------------------------------------------------------

    public List<QualityPlan> plans(Set<Long> unitIds) {
        return db.dsl().selectFrom(QUALITY_PLAN).where(units(QUALITY_PLAN.UNIT_ID, unitIds))
                .orderBy(QUALITY_PLAN.PLAN_YEAR.desc(), QUALITY_PLAN.TITLE).fetch(QualityPlanRepository::toPlan);
    }

    public Optional<QualityPlan> plan(long id) {
        return db.dsl().selectFrom(QUALITY_PLAN).where(QUALITY_PLAN.ID.eq(id)).fetchOptional()
                .map(QualityPlanRepository::toPlan);
    }

    public Optional<QualityPlan> plan(long unitId, int year) {
        return db.dsl().selectFrom(QUALITY_PLAN).where(QUALITY_PLAN.UNIT_ID.eq(unitId)
                .and(QUALITY_PLAN.PLAN_YEAR.eq((long) year))).fetchOptional().map(QualityPlanRepository::toPlan);
    }

    public QualityPlan save(DSLContext tx, QualityPlan p) {
        QualityPlanRecord rec;
        if (p.id() == null) {
            rec = tx.newRecord(QUALITY_PLAN);
            rec.setUnitId(p.unitId());
            rec.setPlanYear((long) p.year());
            rec.setTitle(p.title().strip());
            rec.store();
            audit.append(tx, "quality_plan", rec.getId(), AuditAction.INSERT, null, rec);
        } else {
            rec = tx.selectFrom(QUALITY_PLAN).where(QUALITY_PLAN.ID.eq(p.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Planen finns inte längre (id " + p.id() + ")."));
            QualityPlanRecord before = rec.copy();
            before.setId(rec.getId());
            rec.setTitle(p.title().strip());
            if (AuditTrail.differs(before, rec)) {
                rec.update();
                audit.append(tx, "quality_plan", rec.getId(), AuditAction.UPDATE, before, rec);
            }
        }
        return toPlan(rec);
    }

    public List<Goal> goals(long planId) {
        return db.dsl().selectFrom(QUALITY_GOAL).where(QUALITY_GOAL.PLAN_ID.eq(planId))
                .orderBy(QUALITY_GOAL.POSITION, QUALITY_GOAL.ID).fetch(QualityPlanRepository::toGoal);
    }

    public Goal save(DSLContext tx, Goal g) {
        QualityGoalRecord rec;
        if (g.id() == null) {
            Long max = tx.select(DSL.max(QUALITY_GOAL.POSITION)).from(QUALITY_GOAL)
                    .where(QUALITY_GOAL.PLAN_ID.eq(g.planId())).fetchOne(0, Long.class);
            rec = tx.newRecord(QUALITY_GOAL);
            rec.setPlanId(g.planId());
            rec.setPosition(max == null ? 1L : max + 1);
            fill(rec, g);
            rec.store();
            audit.append(tx, "quality_goal", rec.getId(), AuditAction.INSERT, null, rec);
        } else {
            rec = tx.selectFrom(QUALITY_GOAL).where(QUALITY_GOAL.ID.eq(g.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Målet finns inte längre (id " + g.id() + ")."));
            QualityGoalRecord before = rec.copy();
            before.setId(rec.getId());
            fill(rec, g);
            if (AuditTrail.differs(before, rec)) {
                rec.update();
                audit.append(tx, "quality_goal", rec.getId(), AuditAction.UPDATE, before, rec);
            }
        }
        return toGoal(rec);
    }

    public List<Long> linkedActions(long planId) {
        return db.dsl().select(QUALITY_PLAN_LINK.ACTION_ID).from(QUALITY_PLAN_LINK).where(QUALITY_PLAN_LINK.PLAN_ID.eq(planId))
                .orderBy(QUALITY_PLAN_LINK.ACTION_ID).fetch(QUALITY_PLAN_LINK.ACTION_ID);
    }

    public void link(DSLContext tx, long planId, long actionId) {
        var r = tx.newRecord(QUALITY_PLAN_LINK);
        r.setPlanId(planId);
        r.setActionId(actionId);
        if (tx.fetchExists(QUALITY_PLAN_LINK, QUALITY_PLAN_LINK.PLAN_ID.eq(planId).and(QUALITY_PLAN_LINK.ACTION_ID.eq(actionId)))) {
            return;
        }
        r.store();
        audit.append(tx, "quality_plan", planId, AuditAction.UPDATE, null, r);
    }

    private static void fill(QualityGoalRecord r, Goal g) {
        r.setGoal(g.goal().strip());
        r.setIndicator(g.indicator());
        r.setStatus(g.status().name());
        r.setDialogueId(g.dialogueId());
    }

    private static Goal toGoal(QualityGoalRecord r) {
        return new Goal(r.getId(), r.getPlanId(), r.getPosition().intValue(), r.getGoal(), r.getIndicator(),
                Goal.GoalStatus.valueOf(r.getStatus()), r.getDialogueId());
    }

    private static QualityPlan toPlan(QualityPlanRecord r) {
        return new QualityPlan(r.getId(), r.getUnitId(), r.getPlanYear().intValue(), r.getTitle());
    }

    private static Dialogue toDialogue(QualityDialogueRecord r) {
        return new Dialogue(r.getId(), r.getUnitId(), r.getDialogueYear().intValue(), r.getWorkGroup(), r.getHeldOn(),
                r.getLedBy(), r.getStaffSelfAssessment(), r.getUserDialogue(), r.getRelativeDialogue(),
                r.getSurveyResults(), r.getComplaints(), r.getStrengths(), r.getImprovements());
    }
}
