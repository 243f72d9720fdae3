package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.selfcheck.TemplateFamily;
import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_ACTION_ALL_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_ACTION_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.CAUSE_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_MEETING;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CAUSE;
import static se.kvalitetshjulet.data.jooq.Tables.MEASURE_TYPE;
import static se.kvalitetshjulet.data.jooq.Tables.QUALITY_PLAN;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_ANALYSIS;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ANSWER;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_QUESTION;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_RESPONSE;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ROUND;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_TEMPLATE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.ReferenceDialect;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.risk.MatrixCounts;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.trend.Pareto;

/**
 * The aggregates behind the chart screen beyond monthly trends: Pareto counts (deviation
 * categories, cause categories, measure types), self-check compliance per round, the
 * open/overdue improvement actions over time and the risks per cell of a risk matrix. Everything is grouped in the database; names are
 * joined onto the small grouped result.
 */
public final class ChartRepository {
    /** One self-check round's answers that can be judged (a finding rule or a finding) and its findings. */
    public record RoundCompliance(long roundId, String name, LocalDate periodStart, long assessable, long findings) {
        public long compliant() {
            return assessable - findings;
        }
    }


    /**
     * Actions counted by the month they were opened, the month they were done (null: not done) and the
     * month they first were overdue at a month end (null: no due date). Months as "yyyy-MM".
     */
    public record ActionMonths(String opened, String done, String overdueFrom, long count) { }

    private final Database db;

    public ChartRepository(Database db) {
        this.db = db;
    }

    // ---- where a series begins, and rare events ----------------------------------------------------

    /**
     * The day the first deviation in these units ({@code null}: all) was registered, if any: a unit's series begins
     * in that month, not with invented zeros before it.
     */
    public java.util.Optional<LocalDate> firstRegistered(Set<Long> unitIds) {
        org.jooq.Condition c = unitIds == null ? DSL.trueCondition()
                : unitIds.isEmpty() ? DSL.falseCondition() : DEVIATION.UNIT_ID.in(unitIds);
        return java.util.Optional.ofNullable(db.dsl().select(DSL.min(DEVIATION.REGISTERED_ON)).from(DEVIATION).where(c)
                .fetchOne(0, LocalDate.class));
    }

    /** Deviations per registration day in the filter (its period included): the raw material of G and T charts. */
    public record DayCount(LocalDate day, long count) { }

    public List<DayCount> dailyCounts(DeviationFilter filter, LocalDate today) {
        Field<LocalDate> day = DEVIATION.REGISTERED_ON;
        return db.dsl().select(day, DSL.count()).from(DEVIATION)
                .where(DeviationRepository.condition(filter, today))
                .groupBy(day).orderBy(day)
                .fetch(r -> new DayCount(r.value1(), r.value2()));
    }

    // ---- Pareto ------------------------------------------------------------------------

    /** Deviations per category in the filter (category null: none stated), grouped on the covering period index. */
    public List<Pareto.Count> paretoCategories(DeviationFilter filter, LocalDate today) {
        var level = Rollups.deviations(db, filter, false, true);
        if (level.isPresent()) {
            return paretoCategoriesRollup(db.dsl(), level.get(), filter, today)
                    .fetch(r -> new Pareto.Count(r.value1(), r.value2()));
        }
        return paretoCategoriesQuery(db.dsl(), filter, today).fetch(r -> new Pareto.Count(r.value1(), r.value2()));
    }

    /** As the query on the deviations, from the roll-ups for whole months and the deviations for the days at the ends. */
    static ResultQuery<org.jooq.Record2<String, Long>> paretoCategoriesRollup(DSLContext ctx, Rollups.Level a,
                                                                                     DeviationFilter filter, LocalDate today) {
        Rollups.Split split = Rollups.split(ctx, filter.from(), filter.to());
        Field<Long> k = DSL.field(DSL.name("k"), Long.class);
        Field<Long> n = DSL.field(DSL.name("n"), Long.class);
        var parts = ctx.select(a.categoryKey().as("k"), DSL.sum(a.n()).cast(SQLDataType.BIGINT).as("n")).from(a.table())
                .where(Rollups.months(filter, split, a)).groupBy(a.categoryKey())
                .unionAll(ctx.select(Rollups.categoryKey().as("k"), DSL.count().cast(SQLDataType.BIGINT).as("n"))
                        .from(DEVIATION).where(Rollups.edges(filter, split, today)).groupBy(Rollups.categoryKey()))
                .asTable("p");
        var g = ctx.select(parts.field(k), DSL.sum(parts.field(n)).cast(SQLDataType.BIGINT).as("n")).from(parts)
                .groupBy(parts.field(k)).asTable("g");
        return ctx.select(DEVIATION_CATEGORY.NAME, g.field(n)).from(g)
                .leftJoin(DEVIATION_CATEGORY).on(DEVIATION_CATEGORY.ID.eq(g.field(k)));
    }

    public String paretoCategoriesSql(DeviationFilter filter, LocalDate today) {
        return db.dsl().renderInlined(paretoCategoriesQuery(db.dsl(), filter, today));
    }

    /** The same answer computed from the base tables, as another engine's SQL (a benchmark reference). */
    public String paretoCategoriesSql(DeviationFilter filter, LocalDate today, ReferenceDialect dialect) {
        return dialect.render(paretoCategoriesQuery(db.dsl(), filter, today));
    }

    private static ResultQuery<org.jooq.Record2<String, Integer>> paretoCategoriesQuery(DSLContext ctx,
                                                                                       DeviationFilter filter, LocalDate today) {
        Field<Integer> n = DSL.count().as("n");
        var g = ctx.select(DEVIATION.CATEGORY_ID, n).from(DEVIATION)
                .where(DeviationRepository.condition(filter, today))
                .groupBy(DEVIATION.CATEGORY_ID).asTable("g");
        return ctx.select(DEVIATION_CATEGORY.NAME, g.field(n)).from(g)
                .leftJoin(DEVIATION_CATEGORY).on(DEVIATION_CATEGORY.ID.eq(g.field(DEVIATION.CATEGORY_ID)));
    }

    /** Stated causes (a deviation may have several) of the deviations in the filter, per cause category. */
    public List<Pareto.Count> paretoCauses(DeviationFilter filter, LocalDate today) {
        var level = Rollups.causes(db, filter);
        if (level.isPresent()) {
            return paretoCausesRollup(db.dsl(), level.get(), filter, today)
                    .fetch(r -> new Pareto.Count(r.value1(), r.value2()));
        }
        return paretoCausesQuery(db.dsl(), filter, today).fetch(r -> new Pareto.Count(r.value1(), r.value2()));
    }

    /** As the query on the deviations and their causes, from the cause roll-up for whole months. */
    static ResultQuery<org.jooq.Record2<String, Long>> paretoCausesRollup(DSLContext ctx, Rollups.Level a,
                                                                                 DeviationFilter filter, LocalDate today) {
        Rollups.Split split = Rollups.split(ctx, filter.from(), filter.to());
        Field<Long> k = DSL.field(DSL.name("k"), Long.class);
        Field<Long> n = DSL.field(DSL.name("n"), Long.class);
        var parts = ctx.select(a.cause().as("k"), DSL.sum(a.n()).cast(SQLDataType.BIGINT).as("n")).from(a.table())
                .where(Rollups.months(filter, split, a)).groupBy(a.cause())
                .unionAll(ctx.select(DEVIATION_CAUSE.CAUSE_CATEGORY_ID.as("k"), DSL.count().cast(SQLDataType.BIGINT).as("n"))
                        .from(DEVIATION).join(DEVIATION_CAUSE).on(DEVIATION_CAUSE.DEVIATION_ID.eq(DEVIATION.ID))
                        .where(Rollups.edges(filter, split, today)).groupBy(DEVIATION_CAUSE.CAUSE_CATEGORY_ID))
                .asTable("p");
        var g = ctx.select(parts.field(k), DSL.sum(parts.field(n)).cast(SQLDataType.BIGINT).as("n")).from(parts)
                .groupBy(parts.field(k)).asTable("g");
        return ctx.select(CAUSE_CATEGORY.NAME, g.field(n)).from(g)
                .join(CAUSE_CATEGORY).on(CAUSE_CATEGORY.ID.eq(g.field(k)));
    }

    public String paretoCausesSql(DeviationFilter filter, LocalDate today) {
        return db.dsl().renderInlined(paretoCausesQuery(db.dsl(), filter, today));
    }

    /** The same answer computed from the base tables, as another engine's SQL (a benchmark reference). */
    public String paretoCausesSql(DeviationFilter filter, LocalDate today, ReferenceDialect dialect) {
        return dialect.render(paretoCausesQuery(db.dsl(), filter, today));
    }

    private static ResultQuery<org.jooq.Record2<String, Integer>> paretoCausesQuery(DSLContext ctx,
                                                                                   DeviationFilter filter, LocalDate today) {
        Field<Integer> n = DSL.count().as("n");
        var g = ctx.select(DEVIATION_CAUSE.CAUSE_CATEGORY_ID, n).from(DEVIATION)
                .join(DEVIATION_CAUSE).on(DEVIATION_CAUSE.DEVIATION_ID.eq(DEVIATION.ID))
                .where(DeviationRepository.condition(filter, today))
                .groupBy(DEVIATION_CAUSE.CAUSE_CATEGORY_ID).asTable("g");
        return ctx.select(CAUSE_CATEGORY.NAME, g.field(n)).from(g)
                .join(CAUSE_CATEGORY).on(CAUSE_CATEGORY.ID.eq(g.field(DEVIATION_CAUSE.CAUSE_CATEGORY_ID)));
    }

    /** Measures (action_item of source DEVIATION) of the deviations in the filter, per measure type (null: none). */
    public List<Pareto.Count> paretoMeasureTypes(DeviationFilter filter, LocalDate today) {
        var level = Rollups.measures(db, filter);
        if (level.isPresent()) {
            return paretoMeasureTypesRollup(db.dsl(), level.get(), filter, today)
                    .fetch(r -> new Pareto.Count(r.value1(), r.value2()));
        }
        return paretoMeasureTypesQuery(db.dsl(), filter, today).fetch(r -> new Pareto.Count(r.value1(), r.value2()));
    }

    /**
     * As the query on the measures and their deviations, from the measure roll-up (V34, decision 0031) for whole
     * months and the base tables for the days at the ends; measure key 0 is "no type" (its name null, as there).
     */
    static ResultQuery<org.jooq.Record2<String, Long>> paretoMeasureTypesRollup(DSLContext ctx, Rollups.Level a,
                                                                                       DeviationFilter filter, LocalDate today) {
        Rollups.Split split = Rollups.split(ctx, filter.from(), filter.to());
        Field<Long> k = DSL.field(DSL.name("k"), Long.class);
        Field<Long> n = DSL.field(DSL.name("n"), Long.class);
        Field<Long> key = DSL.coalesce(ACTION_ITEM.MEASURE_TYPE_ID, DSL.inline(0L));
        var parts = ctx.select(a.cause().as("k"), DSL.sum(a.n()).cast(SQLDataType.BIGINT).as("n")).from(a.table())
                .where(Rollups.months(filter, split, a)).groupBy(a.cause())
                // the days at the ends: their deviations first (period index), then each one's measures (source
                // index); SQLite keeps the order of a CROSS JOIN, and would otherwise walk every measure first
                .unionAll(ctx.select(key.as("k"), DSL.count().cast(SQLDataType.BIGINT).as("n"))
                        .from(DEVIATION).crossJoin(ACTION_ITEM)
                        .where(ACTION_ITEM.SOURCE_ID.eq(DEVIATION.ID)
                                .and(ACTION_ITEM.SOURCE_TYPE.eq(ActionSource.DEVIATION.code()))
                                .and(Rollups.edges(filter, split, today)))
                        .groupBy(key))
                .asTable("p");
        var g = ctx.select(parts.field(k), DSL.sum(parts.field(n)).cast(SQLDataType.BIGINT).as("n")).from(parts)
                .groupBy(parts.field(k)).asTable("g");
        return ctx.select(MEASURE_TYPE.NAME, g.field(n)).from(g)
                .leftJoin(MEASURE_TYPE).on(MEASURE_TYPE.ID.eq(g.field(k)));
    }

    public String paretoMeasureTypesSql(DeviationFilter filter, LocalDate today) {
        return db.dsl().renderInlined(paretoMeasureTypesQuery(db.dsl(), filter, today));
    }

    /** The same answer computed from the base tables, as another engine's SQL (a benchmark reference). */
    public String paretoMeasureTypesSql(DeviationFilter filter, LocalDate today, ReferenceDialect dialect) {
        return dialect.render(paretoMeasureTypesQuery(db.dsl(), filter, today));
    }

    private static ResultQuery<org.jooq.Record2<String, Integer>> paretoMeasureTypesQuery(DSLContext ctx,
                                                                                         DeviationFilter filter, LocalDate today) {
        Field<Integer> n = DSL.count().as("n");
        var g = ctx.select(ACTION_ITEM.MEASURE_TYPE_ID, n).from(ACTION_ITEM)
                .join(DEVIATION).on(DEVIATION.ID.eq(ACTION_ITEM.SOURCE_ID))
                .where(ACTION_ITEM.SOURCE_TYPE.eq(ActionSource.DEVIATION.code())
                        .and(DeviationRepository.condition(filter, today)))
                .groupBy(ACTION_ITEM.MEASURE_TYPE_ID).asTable("g");
        return ctx.select(MEASURE_TYPE.NAME, g.field(n)).from(g)
                .leftJoin(MEASURE_TYPE).on(MEASURE_TYPE.ID.eq(g.field(ACTION_ITEM.MEASURE_TYPE_ID)));
    }

    /** SQLite's plan for a query (one line per step), for checking that aggregates use indexes. */
    public List<String> queryPlan(String sql) {
        return db.dsl().fetch("EXPLAIN QUERY PLAN " + sql).map(r -> String.valueOf(r.get(r.size() - 1)));
    }

    // ---- self-check compliance -----------------------------------------------------------

    /** Every template family, by the name of its newest version. */
    public List<TemplateFamily> templateFamilies() {
        var newer = SELF_CHECK_TEMPLATE.as("newer");
        return db.dsl().select(SELF_CHECK_TEMPLATE.FAMILY_ID, SELF_CHECK_TEMPLATE.NAME).from(SELF_CHECK_TEMPLATE)
                .whereNotExists(DSL.selectOne().from(newer).where(newer.FAMILY_ID.eq(SELF_CHECK_TEMPLATE.FAMILY_ID)
                        .and(newer.VERSION.gt(SELF_CHECK_TEMPLATE.VERSION))))
                .orderBy(SELF_CHECK_TEMPLATE.NAME)
                .fetch(r -> new TemplateFamily(r.value1(), r.value2()));
    }

    /**
     * Per round of the template family (any version), oldest first: the answered questions that can be judged
     * ({@link SelfCheckJudged}: a finding rule or a marked finding, not "ej aktuellt") and the findings among them, over the
     * submitted responses of the units ({@code null}: all units). Rounds without such answers are left out.
     */
    public List<RoundCompliance> compliance(long familyId, Set<Long> unitIds) {
        return complianceQuery(db.dsl(), familyId, unitIds)
                .fetch(r -> new RoundCompliance(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The compliance query as SQLite's SQL with values inlined (a benchmark reference). */
    public String complianceSql(long familyId, Set<Long> unitIds) {
        return db.dsl().renderInlined(complianceQuery(db.dsl(), familyId, unitIds));
    }

    /** The same answer as another engine's SQL (a benchmark reference). */
    public String complianceSql(long familyId, Set<Long> unitIds, ReferenceDialect dialect) {
        return dialect.render(complianceQuery(db.dsl(), familyId, unitIds));
    }

    private static ResultQuery<org.jooq.Record5<Long, String, LocalDate, Integer, Integer>> complianceQuery(
            DSLContext ctx, long familyId, Set<Long> unitIds) {
        Condition judged = SelfCheckJudged.condition();
        Field<Integer> assessable = DSL.count().filterWhere(judged);
        Field<Integer> findings = DSL.count().filterWhere(judged.and(SELF_CHECK_ANSWER.FINDING.isTrue()));
        Condition c = SELF_CHECK_TEMPLATE.FAMILY_ID.eq(familyId)
                .and(SELF_CHECK_RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED.name()));
        if (unitIds != null) {
            c = c.and(unitIds.isEmpty() ? DSL.falseCondition() : SELF_CHECK_RESPONSE.UNIT_ID.in(unitIds));
        }
        return ctx.select(SELF_CHECK_ROUND.ID, SELF_CHECK_ROUND.NAME, SELF_CHECK_ROUND.PERIOD_START, assessable, findings)
                .from(SELF_CHECK_ROUND)
                .join(SELF_CHECK_TEMPLATE).on(SELF_CHECK_TEMPLATE.ID.eq(SELF_CHECK_ROUND.TEMPLATE_ID))
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ROUND_ID.eq(SELF_CHECK_ROUND.ID))
                .join(SELF_CHECK_ANSWER).on(SELF_CHECK_ANSWER.RESPONSE_ID.eq(SELF_CHECK_RESPONSE.ID))
                .join(SELF_CHECK_QUESTION).on(SELF_CHECK_QUESTION.ID.eq(SELF_CHECK_ANSWER.QUESTION_ID))
                .where(c)
                .groupBy(SELF_CHECK_ROUND.ID, SELF_CHECK_ROUND.NAME, SELF_CHECK_ROUND.PERIOD_START)
                .having(assessable.gt(0))
                .orderBy(SELF_CHECK_ROUND.PERIOD_START, SELF_CHECK_ROUND.ID);
    }

    // ---- actions over time ---------------------------------------------------------------

    /**
     * Improvement actions of the units ({@code null}: all; actions without a unit then count too) grouped by the
     * month they were opened, done and first overdue. An action has no creation date of its own: it is opened on
     * its source's date — the deviation's registration, the council meeting, the risk analysis, the self-check
     * submission (or the round's end), the first of January of the quality plan's year. Actions done before they
     * were opened are left out as inconsistent.
     */
    public List<ActionMonths> actionMonths(Set<Long> unitIds) {
        if (Rollups.actionsKept(db)) {
            return actionMonthsRollup(db.dsl(), unitIds)
                    .fetch(r -> new ActionMonths(r.value1(), r.value2(), r.value3(), r.value4()));
        }
        return actionMonthsQuery(db.dsl(), unitIds)
                .fetch(r -> new ActionMonths(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public String actionMonthsSql(Set<Long> unitIds) {
        return db.dsl().renderInlined(actionMonthsQuery(db.dsl(), unitIds));
    }

    /** The same answer as another engine's SQL (a benchmark reference). */
    public String actionMonthsSql(Set<Long> unitIds, ReferenceDialect dialect) {
        return dialect.render(actionMonthsQuery(db.dsl(), unitIds));
    }

    /**
     * The same groups from the action roll-ups (V34, decision 0031): all units' from the table without units, some
     * units' summed over theirs (an action without a unit is key 0, never asked for). '' there is "none" here.
     */
    private static ResultQuery<org.jooq.Record4<String, String, String, Long>> actionMonthsRollup(DSLContext ctx,
                                                                                                Set<Long> unitIds) {
        if (unitIds == null) {
            var a = AGG_ACTION_ALL_MONTH;
            return ctx.select(a.OM, DSL.nullif(a.DM, DSL.inline("")), DSL.nullif(a.OFM, DSL.inline("")), a.N).from(a);
        }
        var a = AGG_ACTION_MONTH;
        return ctx.select(a.OM, DSL.nullif(a.DM, DSL.inline("")), DSL.nullif(a.OFM, DSL.inline("")),
                        DSL.sum(a.N).cast(SQLDataType.BIGINT))
                .from(a).where(unitIds.isEmpty() ? DSL.falseCondition() : a.UNIT_KEY.in(unitIds))
                .groupBy(a.OM, a.DM, a.OFM);
    }

    private static ResultQuery<org.jooq.Record4<String, String, String, Integer>> actionMonthsQuery(DSLContext ctx,
                                                                                                  Set<Long> unitIds) {
        Field<String> opened = DSL.case_(ACTION_ITEM.SOURCE_TYPE)
                .when(ActionSource.DEVIATION.code(), text(DSL.field(DSL.select(DEVIATION.REGISTERED_ON).from(DEVIATION)
                        .where(DEVIATION.ID.eq(ACTION_ITEM.SOURCE_ID)))))
                .when(ActionSource.COUNCIL.code(), text(DSL.field(DSL.select(COUNCIL_MEETING.HELD_ON).from(COUNCIL_MEETING)
                        .where(COUNCIL_MEETING.ID.eq(ACTION_ITEM.SOURCE_ID)))))
                .when(ActionSource.RISK_ANALYSIS.code(), text(DSL.field(DSL.select(RISK_ANALYSIS.ANALYSED_ON)
                        .from(RISK_ANALYSIS).where(RISK_ANALYSIS.ID.eq(ACTION_ITEM.SOURCE_ID)))))
                .when(ActionSource.SELF_CHECK.code(), DSL.field(DSL.select(DSL.coalesce(
                                text(SELF_CHECK_RESPONSE.SUBMITTED_AT), text(SELF_CHECK_ROUND.PERIOD_END)))
                        .from(SELF_CHECK_ANSWER)
                        .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_ANSWER.RESPONSE_ID))
                        .join(SELF_CHECK_ROUND).on(SELF_CHECK_ROUND.ID.eq(SELF_CHECK_RESPONSE.ROUND_ID))
                        .where(SELF_CHECK_ANSWER.ID.eq(ACTION_ITEM.SOURCE_ID))))
                .when(ActionSource.QUALITY_PLAN.code(), DSL.field(DSL.select(DSL.concat(
                                QUALITY_PLAN.PLAN_YEAR.cast(SQLDataType.VARCHAR), DSL.inline("-01")))
                        .from(QUALITY_PLAN).where(QUALITY_PLAN.ID.eq(ACTION_ITEM.SOURCE_ID))));
        Field<String> openedMonth = DSL.substring(opened, DSL.inline(1), DSL.inline(7));
        Field<String> doneMonth = DSL.substring(text(ACTION_ITEM.DONE_ON), DSL.inline(1), DSL.inline(7));
        // Overdue at a month end M when due_on < M, i.e. from the month that holds the day after the due date.
        Field<String> dueNextMonth = DSL.substring(text(DSL.localDateAdd(ACTION_ITEM.DUE_ON, 1)), DSL.inline(1), DSL.inline(7));
        var base = ctx.select(openedMonth.as("om"), doneMonth.as("dm"), dueNextMonth.as("nm")).from(ACTION_ITEM)
                .where(unitIds == null ? DSL.trueCondition()
                        : unitIds.isEmpty() ? DSL.falseCondition() : ACTION_ITEM.UNIT_ID.in(unitIds))
                .asTable("a");
        Field<String> om = base.field("om", String.class);
        Field<String> dm = base.field("dm", String.class);
        Field<String> nm = base.field("nm", String.class);
        Field<String> overdueFrom = DSL.when(nm.isNull(), DSL.inline((String) null))
                .when(nm.gt(om), nm).otherwise(om);
        return ctx.select(om, dm, overdueFrom.as("ofm"), DSL.count()).from(base)
                .where(om.isNotNull().and(dm.isNull().or(dm.ge(om))))
                .groupBy(om, dm, overdueFrom);
    }

    // ---- risk matrix ---------------------------------------------------------------------

    /**
     * Risks per matrix cell of the analyses made with one template, of the units ({@code null}: all) analysed in
     * [from, to], grouped in the database: before measures (probability, consequence) and after measures (the
     * residual assessment, or the one before when no residual one is given). Unscored risks are left out.
     */
    public List<MatrixCounts.Cell> riskCells(long templateId, Set<Long> unitIds, LocalDate from, LocalDate to) {
        List<MatrixCounts.Cell> out = new java.util.ArrayList<>();
        var queries = riskCellsQueries(db.dsl(), templateId, unitIds, from, to);
        for (int i = 0; i < queries.size(); i++) {
            boolean after = i == 1;
            out.addAll(queries.get(i).fetch(r -> new MatrixCounts.Cell(after, r.value1().intValue(), r.value2().intValue(),
                    r.value3())));
        }
        return out;
    }

    /** The two risk-matrix queries (before, after measures) as SQLite's SQL with values inlined (a benchmark reference). */
    public List<String> riskCellsSql(long templateId, Set<Long> unitIds, LocalDate from, LocalDate to) {
        return riskCellsQueries(db.dsl(), templateId, unitIds, from, to).stream().map(q -> db.dsl().renderInlined(q)).toList();
    }

    /** The same two queries as another engine's SQL (a benchmark reference). */
    public List<String> riskCellsSql(long templateId, Set<Long> unitIds, LocalDate from, LocalDate to,
                                     ReferenceDialect dialect) {
        return riskCellsQueries(db.dsl(), templateId, unitIds, from, to).stream().map(dialect::render).toList();
    }

    private static List<ResultQuery<org.jooq.Record3<Long, Long, Integer>>> riskCellsQueries(DSLContext ctx,
            long templateId, Set<Long> unitIds, LocalDate from, LocalDate to) {
        Condition scope = riskScope(unitIds, from, to).and(RISK_ANALYSIS.TEMPLATE_ID.eq(templateId));
        Condition residual = RISK_ITEM.RESIDUAL_PROBABILITY.isNotNull().and(RISK_ITEM.RESIDUAL_CONSEQUENCE.isNotNull());
        Field<Long> afterP = DSL.when(residual, RISK_ITEM.RESIDUAL_PROBABILITY).otherwise(RISK_ITEM.PROBABILITY);
        Field<Long> afterC = DSL.when(residual, RISK_ITEM.RESIDUAL_CONSEQUENCE).otherwise(RISK_ITEM.CONSEQUENCE);
        Condition scored = RISK_ITEM.PROBABILITY.isNotNull().and(RISK_ITEM.CONSEQUENCE.isNotNull());
        return List.of(ctx.select(RISK_ITEM.PROBABILITY, RISK_ITEM.CONSEQUENCE, DSL.count())
                        .from(RISK_ITEM).join(RISK_ANALYSIS).on(RISK_ANALYSIS.ID.eq(RISK_ITEM.ANALYSIS_ID))
                        .where(scope.and(scored))
                        .groupBy(RISK_ITEM.PROBABILITY, RISK_ITEM.CONSEQUENCE),
                ctx.select(afterP, afterC, DSL.count())
                        .from(RISK_ITEM).join(RISK_ANALYSIS).on(RISK_ANALYSIS.ID.eq(RISK_ITEM.ANALYSIS_ID))
                        .where(scope.and(scored.or(residual)))
                        .groupBy(afterP, afterC));
    }

    /** Analyses per template of the units ({@code null}: all) analysed in [from, to]. */
    public Map<Long, Long> riskAnalysesPerTemplate(Set<Long> unitIds, LocalDate from, LocalDate to) {
        Map<Long, Long> out = new HashMap<>();
        db.dsl().select(RISK_ANALYSIS.TEMPLATE_ID, DSL.count()).from(RISK_ANALYSIS)
                .where(riskScope(unitIds, from, to))
                .groupBy(RISK_ANALYSIS.TEMPLATE_ID)
                .fetch().forEach(r -> out.put(r.value1(), r.value2().longValue()));
        return out;
    }

    private static Condition riskScope(Set<Long> unitIds, LocalDate from, LocalDate to) {
        Condition c = RISK_ANALYSIS.ANALYSED_ON.between(from, to);
        if (unitIds != null) {
            c = c.and(unitIds.isEmpty() ? DSL.falseCondition() : RISK_ANALYSIS.UNIT_ID.in(unitIds));
        }
        return c;
    }

    /** A date or timestamp as ISO text ("yyyy-MM-dd…"), the same in SQLite and PostgreSQL. */
    private static Field<String> text(Field<?> f) {
        return f.cast(SQLDataType.VARCHAR);
    }
}
