package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_MEETING;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.QUALITY_PLAN;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_ANALYSIS;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ANSWER;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_RESPONSE;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ROUND;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.ActionItemRecord;
import se.kvalitetshjulet.domain.Page;
import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.action.ActionStatus;
import se.kvalitetshjulet.domain.deviation.Measure;

/**
 * Every improvement action (åtgärd) of every source in one list: filtered, counted and paged in the database, each
 * row joined to its source for a readable link back. Writes go through {@link DeviationRepository#saveMeasure},
 * which audits them.
 */
public final class ActionRepository {
    private static final se.kvalitetshjulet.data.jooq.tables.Unit RESPONSE_UNIT = UNIT.as("response_unit");

    private final Database db;

    public ActionRepository(Database db) {
        this.db = db;
    }

    public Page<ActionRow> search(ActionFilter filter, int pageIndex, int pageSize, LocalDate today) {
        long total = count(filter, today);
        List<ActionRow> rows = joined(db.dsl())
                .where(condition(filter, today))
                .orderBy(DSL.when(ACTION_ITEM.DUE_ON.isNull(), 1).otherwise(0), ACTION_ITEM.DUE_ON, ACTION_ITEM.ID)
                .limit(pageSize).offset((long) pageIndex * pageSize)
                .fetch(ActionRepository::toRow);
        return new Page<>(rows, pageIndex, pageSize, total);
    }

    public long count(ActionFilter filter, LocalDate today) {
        return db.dsl().selectCount().from(ACTION_ITEM).where(condition(filter, today)).fetchOne(0, Long.class);
    }

    public Optional<Measure> find(long id) {
        return db.dsl().selectFrom(ACTION_ITEM).where(ACTION_ITEM.ID.eq(id)).fetchOptional(DeviationRepository::toMeasure);
    }

    public Optional<ActionRow> findRow(long id) {
        return joined(db.dsl()).where(ACTION_ITEM.ID.eq(id)).fetchOptional(ActionRepository::toRow);
    }

    public List<ActionRow> rows(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return joined(db.dsl()).where(ACTION_ITEM.ID.in(ids)).orderBy(ACTION_ITEM.ID).fetch(ActionRepository::toRow);
    }

    /** Actions of one source type and the given source ids (e.g. the decisions of some meetings). */
    public List<Measure> bySource(String sourceType, Collection<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            return List.of();
        }
        return db.dsl().selectFrom(ACTION_ITEM)
                .where(ACTION_ITEM.SOURCE_TYPE.eq(sourceType).and(ACTION_ITEM.SOURCE_ID.in(sourceIds)))
                .orderBy(ACTION_ITEM.ID).fetch(DeviationRepository::toMeasure);
    }

    public Measure lockForUpdate(DSLContext tx, long id) {
        ActionItemRecord r = tx.selectFrom(ACTION_ITEM).where(ACTION_ITEM.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new IllegalStateException("Åtgärden finns inte längre (id " + id + ")."));
        return DeviationRepository.toMeasure(r);
    }

    private static SelectJoinStep<Record> joined(DSLContext ctx) {
        return ctx.select(ACTION_ITEM.asterisk(), UNIT.NAME.as("unit_name"), DEVIATION.CASE_REF,
                        SELF_CHECK_ROUND.NAME.as("round_name"), RESPONSE_UNIT.NAME.as("response_unit_name"),
                        RISK_ANALYSIS.TITLE.as("analysis_title"), COUNCIL_MEETING.HELD_ON.as("meeting_on"),
                        COUNCIL_MEETING.TITLE.as("meeting_title"), QUALITY_PLAN.TITLE.as("plan_title"),
                        QUALITY_PLAN.PLAN_YEAR.as("plan_year"))
                .from(ACTION_ITEM)
                .leftJoin(UNIT).on(UNIT.ID.eq(ACTION_ITEM.UNIT_ID))
                .leftJoin(DEVIATION).on(ACTION_ITEM.SOURCE_TYPE.eq(ActionSource.DEVIATION.code())
                        .and(DEVIATION.ID.eq(ACTION_ITEM.SOURCE_ID)))
                .leftJoin(SELF_CHECK_ANSWER).on(ACTION_ITEM.SOURCE_TYPE.eq(ActionSource.SELF_CHECK.code())
                        .and(SELF_CHECK_ANSWER.ID.eq(ACTION_ITEM.SOURCE_ID)))
                .leftJoin(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_ANSWER.RESPONSE_ID))
                .leftJoin(SELF_CHECK_ROUND).on(SELF_CHECK_ROUND.ID.eq(SELF_CHECK_RESPONSE.ROUND_ID))
                .leftJoin(RESPONSE_UNIT).on(RESPONSE_UNIT.ID.eq(SELF_CHECK_RESPONSE.UNIT_ID))
                .leftJoin(RISK_ANALYSIS).on(ACTION_ITEM.SOURCE_TYPE.eq(ActionSource.RISK_ANALYSIS.code())
                        .and(RISK_ANALYSIS.ID.eq(ACTION_ITEM.SOURCE_ID)))
                .leftJoin(COUNCIL_MEETING).on(ACTION_ITEM.SOURCE_TYPE.eq(ActionSource.COUNCIL.code())
                        .and(COUNCIL_MEETING.ID.eq(ACTION_ITEM.SOURCE_ID)))
                .leftJoin(QUALITY_PLAN).on(ACTION_ITEM.SOURCE_TYPE.eq(ActionSource.QUALITY_PLAN.code())
                        .and(QUALITY_PLAN.ID.eq(ACTION_ITEM.SOURCE_ID)));
    }

    private static ActionRow toRow(Record r) {
        Measure m = DeviationRepository.toMeasure(r.into(ACTION_ITEM));
        ActionSource source = ActionSource.fromCode(m.sourceType()).orElse(null);
        String ref = switch (source == null ? ActionSource.QUALITY_PLAN : source) {
            case DEVIATION -> r.get(DEVIATION.CASE_REF);
            case SELF_CHECK -> join(r.get("round_name", String.class), r.get("response_unit_name", String.class));
            case RISK_ANALYSIS -> r.get("analysis_title", String.class);
            case COUNCIL -> join(String.valueOf(r.get("meeting_on", LocalDate.class)), r.get("meeting_title", String.class));
            case QUALITY_PLAN -> join(String.valueOf(r.get("plan_year", Long.class)), r.get("plan_title", String.class));
        };
        return new ActionRow(m, source, ref == null ? m.sourceType() + " " + m.sourceId() : ref,
                r.get("unit_name", String.class));
    }

    private static String join(String a, String b) {
        if (a == null || "null".equals(a)) {
            return b;
        }
        return b == null ? a : a + " – " + b;
    }

    static Condition effectChecked() {
        return ACTION_ITEM.EFFECTIVE.isNotNull().and(ACTION_ITEM.EFFECT_CHECK.isNotNull())
                .and(DSL.trim(ACTION_ITEM.EFFECT_CHECK).ne(""));
    }

    static Condition statusCondition(ActionStatus s, LocalDate today) {
        return switch (s) {
            case OPEN -> ACTION_ITEM.DONE_ON.isNull().and(ACTION_ITEM.DUE_ON.isNull().or(ACTION_ITEM.DUE_ON.ge(today)));
            case OVERDUE -> ACTION_ITEM.DONE_ON.isNull().and(ACTION_ITEM.DUE_ON.lt(today));
            case DONE -> ACTION_ITEM.DONE_ON.isNotNull().and(effectChecked().not());
            case EFFECT_CHECKED -> ACTION_ITEM.DONE_ON.isNotNull().and(effectChecked());
        };
    }

    /**
     * "Mina åtgärder" (decision 0027): the responsible contains my name, or names one of my roles and the action is in
     * one of my units (every unit when none are given). Case- and accent-insensitive as the register's search.
     */
    static Condition mine(ActionFilter f) {
        List<Condition> any = new ArrayList<>();
        if (f.responsible() != null && !f.responsible().isBlank()) {
            any.add(TextSearch.containsIgnoreCase(ACTION_ITEM.RESPONSIBLE, f.responsible().strip()));
        }
        if (!f.roles().isEmpty() && (f.roleUnitIds() == null || !f.roleUnitIds().isEmpty())) {
            Condition role = DSL.or(f.roles().stream()
                    .map(r -> TextSearch.containsIgnoreCase(ACTION_ITEM.RESPONSIBLE, r.strip())).toList());
            any.add(f.roleUnitIds() == null ? role : role.and(ACTION_ITEM.UNIT_ID.in(f.roleUnitIds())));
        }
        return any.isEmpty() ? DSL.falseCondition() : DSL.or(any);
    }

    /** The responsibles written most often, with how many actions each has (for Inställningar → Mina roller). */
    public List<java.util.Map.Entry<String, Integer>> commonResponsibles(int limit) {
        var n = DSL.count();
        return db.dsl().select(ACTION_ITEM.RESPONSIBLE, n).from(ACTION_ITEM)
                .where(ACTION_ITEM.RESPONSIBLE.isNotNull()).and(DSL.trim(ACTION_ITEM.RESPONSIBLE).ne(""))
                .groupBy(ACTION_ITEM.RESPONSIBLE).orderBy(n.desc(), ACTION_ITEM.RESPONSIBLE).limit(limit)
                .fetch(r -> java.util.Map.entry(r.value1(), r.value2()));
    }

    static Condition condition(ActionFilter f, LocalDate today) {
        List<Condition> c = new ArrayList<>();
        if (f.hasMine()) {
            c.add(mine(f));
        }
        if (f.unitIds() != null) {
            c.add(f.unitIds().isEmpty() ? DSL.falseCondition() : ACTION_ITEM.UNIT_ID.in(f.unitIds()));
        }
        if (f.overdueOnly()) {
            c.add(statusCondition(ActionStatus.OVERDUE, today));
        }
        if (f.source() != null) {
            c.add(ACTION_ITEM.SOURCE_TYPE.eq(f.source().code()));
        }
        if (f.status() != null) {
            c.add(statusCondition(f.status(), today));
        }
        return DSL.and(c);
    }
}
