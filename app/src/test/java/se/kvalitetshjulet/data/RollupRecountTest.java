package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_MEETING;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.MEASURE_TYPE;
import static se.kvalitetshjulet.data.jooq.Tables.QUALITY_PLAN;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_ANALYSIS;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ANSWER;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_RESPONSE;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ROUND;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.BoardFiguresRepository;
import se.kvalitetshjulet.data.repo.ChartRepository;
import se.kvalitetshjulet.data.repo.DeviationImportRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.ListsRepository;
import se.kvalitetshjulet.data.repo.ReportRepository;
import se.kvalitetshjulet.data.repo.RollupRepository;
import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.trend.Pareto;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.ImportResult;

/**
 * The roll-up aggregates (decision 0021) are exact by construction: after random inserts, edits, status changes,
 * cause changes, deletes, list merges, imports (small and bulk) and the migration that creates them, they equal a
 * full recount, and every chart and count answered from them equals the same question asked of the base tables.
 */
class RollupRecountTest {
    private static final LocalDate TODAY = TestDb.TODAY;

    @TempDir
    Path dir;

    private static Deviation change(Deviation d, DeviationKind kind, long unit, Long category, DeviationStatus status,
                                    LocalDate registered, List<Long> causes) {
        return new Deviation(d.id(), d.caseRef(), kind, d.law(), unit, category, status, d.occurredOn(), d.reportedOn(),
                registered, d.dueOn(), d.closedOn(), d.reporterRole(), d.title(), d.description(), d.immediateActions(),
                d.facts(), d.causeText(), causes, d.assessment(), d.serious(), d.ivoReportedOn(), d.ivoReference(),
                null, null, d.ivoDetails());
    }

    private record World(List<Long> units, List<Long> categories, List<Long> causes) { }

    private static World world(AppContext ctx) {
        return new World(ctx.units().findAll().stream().map(Unit::id).toList(),
                ctx.taxonomies().list(TaxonomyKind.CATEGORY).stream().map(Taxonomy::id).toList(),
                ctx.taxonomies().list(TaxonomyKind.CAUSE).stream().map(Taxonomy::id).toList());
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private static List<Long> someCauses(Random rnd, World w) {
        Set<Long> out = new HashSet<>();
        int n = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(pick(rnd, w.causes()));
        }
        return new ArrayList<>(out);
    }

    /** A random filter on the dimensions the roll-ups keep, with periods that start and end on any day. */
    private static DeviationFilter randomFilter(Random rnd, World w) {
        Set<DeviationKind> kinds = EnumSet.noneOf(DeviationKind.class);
        if (rnd.nextBoolean()) {
            for (DeviationKind k : DeviationKind.values()) {
                if (rnd.nextBoolean()) {
                    kinds.add(k);
                }
            }
        }
        Set<DeviationStatus> statuses = EnumSet.noneOf(DeviationStatus.class);
        if (rnd.nextInt(3) == 0) {
            statuses.add(pick(rnd, List.of(DeviationStatus.values())));
        }
        Set<Long> units = null;
        if (rnd.nextBoolean()) {
            units = new HashSet<>();
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                units.add(pick(rnd, w.units()));
            }
        }
        Long category = rnd.nextInt(4) == 0 ? pick(rnd, w.categories()) : null;
        LocalDate from = rnd.nextInt(5) == 0 ? null : TODAY.minusDays(rnd.nextInt(4 * 365));
        LocalDate to = rnd.nextInt(5) == 0 ? null
                : (from == null ? TODAY.minusDays(rnd.nextInt(3 * 365)) : from.plusDays(rnd.nextInt(500) - 10));
        return new DeviationFilter(kinds, statuses, units, category, from, to, false, null);
    }

    private static Map<String, Long> pareto(List<Pareto.Count> counts) {
        Map<String, Long> m = new HashMap<>();
        counts.forEach(c -> m.merge(String.valueOf(c.name()), c.count(), Long::sum));
        return m;
    }

    /**
     * A query's rows keyed by all columns but the last, the last summed (what the base-table SQL answers). Read with
     * JDBC's getString: jOOQ's plain-SQL fetch types a column by its first row, and a column whose first value is
     * NULL (a backlog group of actions not done) then reads as NULL in every row.
     */
    private static Map<String, Long> rows(DSLContext q, String sql) {
        Map<String, Long> m = new HashMap<>();
        q.connection(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder key = new StringBuilder();
                    for (int i = 1; i < columns; i++) {
                        key.append(rs.getString(i)).append('|');
                    }
                    m.merge(key.toString(), rs.getLong(columns), Long::sum);
                }
            }
        });
        return m;
    }

    /** The backlog's groups as the base-table SQL's rows are keyed (opened|done|overdue from|). */
    private static Map<String, Long> actionMonths(ChartRepository charts, Set<Long> units) {
        Map<String, Long> m = new HashMap<>();
        charts.actionMonths(units).forEach(a -> m.merge(a.opened() + "|" + a.done() + "|" + a.overdueFrom() + "|",
                a.count(), Long::sum));
        return m;
    }

    /** Monthly counts keyed by unit, kind and month, summed (the roll-up's rows and the edges' may be listed apart). */
    private static Map<String, Long> byMonth(List<DeviationRepository.MonthlyCount> counts) {
        Map<String, Long> m = new HashMap<>();
        counts.forEach(c -> m.merge(c.unitId() + "|" + c.kind() + "|" + c.year() + "-" + c.month(), c.count(), Long::sum));
        return m;
    }

    private static Map<String, Long> named(List<DeviationRepository.NamedCount> counts) {
        Map<String, Long> m = new HashMap<>();
        counts.forEach(c -> m.merge(c.name(), c.count(), Long::sum));
        return m;
    }

    /** The roll-ups equal a recount, and every answer read from them equals the base tables' answer. */
    private static void assertExact(AppContext ctx, Random rnd, World w, String when) {
        RollupRepository.Verification v = new RollupRepository(ctx.database(), ctx.audit()).verify();
        assertThat(v.exact()).as("roll-ups equal a full recount " + when + ": " + v).isTrue();
        var index = new se.kvalitetshjulet.data.repo.TextIndexRepository(ctx.database()).verify();
        assertThat(index.exact()).as("the free-text index equals the register " + when + ": " + index).isTrue();
        DeviationRepository repo = ctx.deviations();
        ChartRepository charts = new ChartRepository(ctx.database());
        DSLContext q = ctx.database().dsl();
        for (int i = 0; i < 12; i++) {
            DeviationFilter f = randomFilter(rnd, w);
            String as = when + ", " + f;
            assertThat(repo.count(f, TODAY)).as("count " + as).isEqualTo(q.fetchOne(repo.countSql(f, TODAY)).get(0, Long.class));
            Map<String, Long> base = new HashMap<>();
            rows(q, charts.paretoCategoriesSql(f, TODAY)).forEach((k, n) -> base.put(k.substring(0, k.length() - 1), n));
            assertThat(pareto(charts.paretoCategories(f, TODAY))).as("categories " + as).isEqualTo(base);
            Map<String, Long> causes = new HashMap<>();
            rows(q, charts.paretoCausesSql(f, TODAY)).forEach((k, n) -> causes.put(k.substring(0, k.length() - 1), n));
            assertThat(pareto(charts.paretoCauses(f, TODAY))).as("causes " + as).isEqualTo(causes);
            Map<String, Long> measures = new HashMap<>();
            rows(q, charts.paretoMeasureTypesSql(f, TODAY)).forEach((k, n) -> measures.put(k.substring(0, k.length() - 1), n));
            assertThat(pareto(charts.paretoMeasureTypes(f, TODAY))).as("measure types " + as).isEqualTo(measures);
            // the kvalitetsberättelse's figures (decision 0038): top lists, counts by kind and law, assessments, IVO
            int limit = 1 + rnd.nextInt(10);
            assertThat(repo.topCategories(f, TODAY, limit)).as("top categories " + as)
                    .isEqualTo(repo.topCategoriesFromBase(f, TODAY, limit));
            assertThat(repo.topCauses(f, TODAY, limit)).as("top causes " + as)
                    .isEqualTo(repo.topCausesFromBase(f, TODAY, limit));
            assertThat(repo.topMeasureTypes(f, TODAY, limit)).as("top measure types " + as)
                    .isEqualTo(repo.topMeasureTypesFromBase(f, TODAY, limit));
            ReportRepository reports = ctx.reportRepository();
            assertThat(reports.countsByKindAndLaw(f, TODAY)).as("counts by kind and law " + as)
                    .containsExactlyInAnyOrderElementsOf(reports.countsByKindAndLawFromBase(f, TODAY));
            assertThat(named(repo.assessments(f, TODAY))).as("assessments " + as)
                    .isEqualTo(named(repo.assessmentsFromBase(f, TODAY)));
            assertThat(repo.ivoReports(f, TODAY)).as("IVO reports " + as).isEqualTo(repo.ivoReportsFromBase(f, TODAY));
            Set<Long> units = i % 3 == 0 ? null : f.unitIds() == null ? Set.copyOf(w.units().subList(0, 5)) : f.unitIds();
            assertThat(actionMonths(charts, units)).as("action backlog of " + units + " " + when)
                    .isEqualTo(rows(q, charts.actionMonthsSql(units)));
            Map<String, Long> trend = new HashMap<>();
            repo.monthlyCountsByCategory(f, TODAY).forEach(c -> trend.merge(
                    c.category() + "|" + "%04d-%02d".formatted(c.year(), c.month()) + "|", c.count(), Long::sum));
            assertThat(trend).as("trend " + as).isEqualTo(rows(q, repo.monthlyCountsByCategorySql(f, TODAY)));
            long totals = repo.monthlyTotals(f, TODAY).stream().mapToLong(DeviationRepository.MonthTotal::count).sum();
            assertThat(totals).as("monthly totals " + as).isEqualTo(repo.count(f, TODAY));
            if (f.from() != null && f.to() != null) {
                Map<String, Long> tertial = new HashMap<>();
                repo.monthlyCounts(f.from(), f.to()).forEach(c -> tertial.merge(c.unitId() + "|" + c.kind() + "|"
                        + "%04d-%02d".formatted(c.year(), c.month()) + "|", c.count(), Long::sum));
                assertThat(tertial).as("tertial " + as).isEqualTo(rows(q, repo.monthlyCountsSql(f.from(), f.to())));
                // counting by decision date (decision 0042): per unit, kind and month of assessment, and the assessed
                // without a date registered in the period
                BoardFiguresRepository board = new BoardFiguresRepository(ctx.database());
                assertThat(byMonth(board.monthlyCountsByAssessment(f.from(), f.to()))).as("by assessment month " + as)
                        .isEqualTo(byMonth(board.monthlyCountsByAssessmentFromBase(f.from(), f.to())));
                assertThat(board.assessedWithoutDate(f.unitIds(), f.from(), f.to())).as("assessed without date " + as)
                        .isEqualTo(board.assessedWithoutDateFromBase(f.unitIds(), f.from(), f.to()));
            }
        }
    }

    @Test
    void afterRandomEditsDeletesMergesAndImportsTheRollupsEqualARecount() throws Exception {
        try (AppContext ctx = TestDb.demo(dir)) {
            ctx.demoData().addBulkDeviations(7, 2_000, TODAY, p -> { });
            Random rnd = new Random(2026);
            World w = world(ctx);
            DeviationRepository repo = ctx.deviations();
            assertExact(ctx, rnd, w, "after the demo data");
            assertThat(ctx.database().dsl().selectDistinct(ACTION_ITEM.SOURCE_TYPE).from(ACTION_ITEM).fetch(ACTION_ITEM.SOURCE_TYPE))
                    .as("the demo's actions come from every kind of source").contains("DEVIATION", "COUNCIL",
                            "RISK_ANALYSIS", "SELF_CHECK", "QUALITY_PLAN");
            List<Long> ours = new ArrayList<>();
            List<Long> all = ctx.database().dsl().select(DEVIATION.ID).from(DEVIATION).fetch(DEVIATION.ID);
            for (int op = 0; op < 320; op++) {
                int kind = rnd.nextInt(12);
                ctx.database().txRun(tx -> {
                    switch (kind) {
                        case 0, 1 -> { // a new deviation, like one saved in the editor
                            Deviation template = repo.find(pick(rnd, all)).orElseThrow();
                            Deviation d = change(template, pick(rnd, List.of(DeviationKind.values())), pick(rnd, w.units()),
                                    rnd.nextInt(5) == 0 ? null : pick(rnd, w.categories()),
                                    pick(rnd, List.of(DeviationStatus.values())), TODAY.minusDays(rnd.nextInt(1200)),
                                    someCauses(rnd, w));
                            d = new Deviation(null, null, d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(),
                                    d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(),
                                    d.title(), d.description(), d.immediateActions(), d.facts(), d.causeText(), d.causeIds(),
                                    d.assessment(), d.serious(), d.ivoReportedOn(), d.ivoReference(), null, null, d.ivoDetails());
                            ours.add(repo.save(tx, d).id());
                        }
                        case 2, 3, 4 -> { // an edit of every dimension the roll-ups keep
                            Deviation d = repo.find(pick(rnd, all)).orElseThrow();
                            repo.save(tx, change(d, rnd.nextBoolean() ? d.kind() : pick(rnd, List.of(DeviationKind.values())),
                                    rnd.nextBoolean() ? d.unitId() : pick(rnd, w.units()),
                                    rnd.nextInt(4) == 0 ? null : pick(rnd, w.categories()),
                                    pick(rnd, List.of(DeviationStatus.values())),
                                    rnd.nextBoolean() ? d.registeredOn() : d.registeredOn().plusDays(rnd.nextInt(90) - 45),
                                    rnd.nextBoolean() ? d.causeIds() : someCauses(rnd, w)));
                        }
                        case 6 -> { // the law, the assessment, its date and the IVO notification (V39's and V42's dimensions)
                            long id = pick(rnd, all);
                            tx.update(DEVIATION)
                                    .set(DEVIATION.ASSESSED_ON, rnd.nextInt(3) == 0 ? null : TODAY.minusDays(rnd.nextInt(1200)))
                                    .set(DEVIATION.LAW, pick(rnd, List.of(Law.values())).name())
                                    .set(DEVIATION.ASSESSMENT, rnd.nextInt(3) == 0 ? null : pick(rnd, List.of(Assessment.values())).name())
                                    .set(DEVIATION.IVO_REPORTED_ON, rnd.nextBoolean() ? null : TODAY.minusDays(rnd.nextInt(900)))
                                    .where(DEVIATION.ID.eq(id)).execute();
                        }
                        case 5 -> { // a status change (the workflow)
                            Deviation d = repo.find(pick(rnd, all)).orElseThrow();
                            repo.save(tx, d.withStatus(pick(rnd, List.of(DeviationStatus.values())), null));
                        }
                        case 7 -> { // only the causes
                            Deviation d = repo.find(pick(rnd, all)).orElseThrow();
                            repo.save(tx, change(d, d.kind(), d.unitId(), d.categoryId(), d.status(), d.registeredOn(),
                                    someCauses(rnd, w)));
                        }
                        case 8 -> actionEdit(tx, rnd, w, all);
                        case 9 -> sourceEdit(tx, rnd);
                        default -> { // a delete of one of the deviations this test made (the demo's have links)
                            if (!ours.isEmpty()) {
                                long id = ours.remove(rnd.nextInt(ours.size()));
                                assertThat(tx.deleteFrom(DEVIATION).where(DEVIATION.ID.eq(id)).execute()).isOne();
                            }
                        }
                    }
                });
                if (op % 80 == 79) {
                    assertExact(ctx, rnd, w, "after " + (op + 1) + " random writes");
                }
            }
            // the roll-up by assessment (V42) holds both halves: dated assessments and assessments without a date
            assertThat(ctx.database().dsl().fetchCount(DSL.table(DSL.name("agg_deviation_assessed_month")),
                    DSL.field(DSL.name("dated")).eq(1L))).as("months with dated assessments").isPositive();
            assertThat(ctx.database().dsl().fetchCount(DSL.table(DSL.name("agg_deviation_assessed_month")),
                    DSL.field(DSL.name("dated")).eq(0L))).as("months with assessments without a date").isPositive();
            // merges of lists move deviations and causes to another entry
            ListsRepository lists = new ListsRepository(ctx.database(), ctx.audit());
            lists.merge(ListKind.DEVIATION_CATEGORY, w.categories().get(0), w.categories().get(1));
            lists.merge(ListKind.CAUSE, w.causes().get(0), w.causes().get(1));
            World merged = world(ctx);
            assertExact(ctx, rnd, merged, "after merging a category and a cause");
            // an import of another system's export, causes included
            ImportResult r = importRows(ctx, 300, "Litet");
            assertThat(r.imported()).isEqualTo(300);
            assertExact(ctx, rnd, merged, "after an import");
        }
    }

    /** Every action source there is in the database, as (source type, id). */
    private static List<Object[]> sources(DSLContext tx) {
        List<Object[]> out = new ArrayList<>();
        tx.select(DEVIATION.ID).from(DEVIATION).orderBy(DEVIATION.ID).limit(200).fetch(DEVIATION.ID)
                .forEach(id -> out.add(new Object[] {"DEVIATION", id}));
        tx.select(COUNCIL_MEETING.ID).from(COUNCIL_MEETING).fetch(COUNCIL_MEETING.ID).forEach(id -> out.add(new Object[] {"COUNCIL", id}));
        tx.select(RISK_ANALYSIS.ID).from(RISK_ANALYSIS).fetch(RISK_ANALYSIS.ID).forEach(id -> out.add(new Object[] {"RISK_ANALYSIS", id}));
        tx.select(QUALITY_PLAN.ID).from(QUALITY_PLAN).fetch(QUALITY_PLAN.ID).forEach(id -> out.add(new Object[] {"QUALITY_PLAN", id}));
        tx.select(SELF_CHECK_ANSWER.ID).from(SELF_CHECK_ANSWER).limit(200).fetch(SELF_CHECK_ANSWER.ID)
                .forEach(id -> out.add(new Object[] {"SELF_CHECK", id}));
        out.add(new Object[] {"COUNCIL", 999_999L}); // a source that is not there: never opened, never counted
        return out;
    }

    /** A new action of any source, or an edit of any column the backlog and the measure Pareto read, or a delete. */
    private static void actionEdit(DSLContext tx, Random rnd, World w, List<Long> deviations) {
        List<Long> actions = tx.select(ACTION_ITEM.ID).from(ACTION_ITEM).fetch(ACTION_ITEM.ID);
        List<Long> types = tx.select(MEASURE_TYPE.ID).from(MEASURE_TYPE).fetch(MEASURE_TYPE.ID);
        Long type = rnd.nextInt(4) == 0 ? null : pick(rnd, types);
        LocalDate due = rnd.nextInt(4) == 0 ? null : TODAY.minusDays(rnd.nextInt(1300) - 60);
        LocalDate done = rnd.nextBoolean() ? null : TODAY.minusDays(rnd.nextInt(1300));
        Long unit = rnd.nextInt(6) == 0 ? null : pick(rnd, w.units());
        switch (rnd.nextInt(5)) {
            case 0, 1 -> {
                Object[] src = rnd.nextBoolean() ? new Object[] {"DEVIATION", pick(rnd, deviations)} : pick(rnd, sources(tx));
                tx.insertInto(ACTION_ITEM).set(ACTION_ITEM.SOURCE_TYPE, (String) src[0]).set(ACTION_ITEM.SOURCE_ID, (Long) src[1])
                        .set(ACTION_ITEM.UNIT_ID, unit).set(ACTION_ITEM.WHAT, "Åtgärd i testet").set(ACTION_ITEM.MEASURE_TYPE_ID, type)
                        .set(ACTION_ITEM.DUE_ON, due).set(ACTION_ITEM.DONE_ON, done).execute();
            }
            case 2 -> tx.update(ACTION_ITEM).set(ACTION_ITEM.DONE_ON, done).set(ACTION_ITEM.DUE_ON, due)
                    .where(ACTION_ITEM.ID.eq(pick(rnd, actions))).execute();
            case 3 -> {
                Object[] src = pick(rnd, sources(tx));
                var u = tx.update(ACTION_ITEM).set(ACTION_ITEM.UNIT_ID, unit).set(ACTION_ITEM.MEASURE_TYPE_ID, type);
                (rnd.nextBoolean() ? u.set(ACTION_ITEM.SOURCE_TYPE, (String) src[0]).set(ACTION_ITEM.SOURCE_ID, (Long) src[1]) : u)
                        .where(ACTION_ITEM.ID.eq(pick(rnd, actions))).execute();
            }
            default -> tx.deleteFrom(ACTION_ITEM).where(ACTION_ITEM.ID.eq(pick(rnd, actions))).execute();
        }
    }

    /** A change of the date an action's source gives it, or a delete of a whole source with what hangs on it. */
    private static void sourceEdit(DSLContext tx, Random rnd) {
        LocalDate day = TODAY.minusDays(rnd.nextInt(1200));
        switch (rnd.nextInt(8)) {
            case 0 -> tx.update(COUNCIL_MEETING).set(COUNCIL_MEETING.HELD_ON, day)
                    .where(COUNCIL_MEETING.ID.eq(pickId(tx, rnd, COUNCIL_MEETING, COUNCIL_MEETING.ID))).execute();
            case 1 -> tx.update(RISK_ANALYSIS).set(RISK_ANALYSIS.ANALYSED_ON, day)
                    .where(RISK_ANALYSIS.ID.eq(pickId(tx, rnd, RISK_ANALYSIS, RISK_ANALYSIS.ID))).execute();
            case 2 -> tx.update(QUALITY_PLAN).set(QUALITY_PLAN.PLAN_YEAR, (long) (2022 + rnd.nextInt(6)))
                    .where(QUALITY_PLAN.ID.eq(pickId(tx, rnd, QUALITY_PLAN, QUALITY_PLAN.ID))).execute();
            case 3 -> tx.update(SELF_CHECK_RESPONSE)
                    .set(SELF_CHECK_RESPONSE.SUBMITTED_AT, rnd.nextInt(3) == 0 ? null : day.atTime(9, 30))
                    .where(SELF_CHECK_RESPONSE.ID.eq(pickId(tx, rnd, SELF_CHECK_RESPONSE, SELF_CHECK_RESPONSE.ID))).execute();
            case 4 -> tx.update(SELF_CHECK_ROUND).set(SELF_CHECK_ROUND.PERIOD_END, day)
                    .where(SELF_CHECK_ROUND.ID.eq(pickId(tx, rnd, SELF_CHECK_ROUND, SELF_CHECK_ROUND.ID))).execute();
            case 5 -> tx.deleteFrom(SELF_CHECK_RESPONSE) // its answers go with it (ON DELETE CASCADE)
                    .where(SELF_CHECK_RESPONSE.ID.eq(pickId(tx, rnd, SELF_CHECK_RESPONSE, SELF_CHECK_RESPONSE.ID))).execute();
            case 6 -> { // an answer moved to another unit's response (where that question is not answered yet)
                long response = pickId(tx, rnd, SELF_CHECK_RESPONSE, SELF_CHECK_RESPONSE.ID);
                var other = SELF_CHECK_ANSWER.as("other");
                tx.update(SELF_CHECK_ANSWER).set(SELF_CHECK_ANSWER.RESPONSE_ID, response)
                        .where(SELF_CHECK_ANSWER.ID.eq(pickId(tx, rnd, SELF_CHECK_ANSWER, SELF_CHECK_ANSWER.ID)))
                        .and(DSL.notExists(DSL.selectOne().from(other).where(other.RESPONSE_ID.eq(response)
                                .and(other.QUESTION_ID.eq(SELF_CHECK_ANSWER.QUESTION_ID)))))
                        .execute();
            }
            default -> tx.update(DEVIATION).set(DEVIATION.REGISTERED_ON, day)
                    .where(DEVIATION.ID.in(tx.select(ACTION_ITEM.SOURCE_ID).from(ACTION_ITEM)
                            .where(ACTION_ITEM.SOURCE_TYPE.eq("DEVIATION")).orderBy(DSL.rand()).limit(1))).execute();
        }
    }

    private static long pickId(DSLContext tx, Random rnd, org.jooq.Table<?> t, org.jooq.Field<Long> id) {
        List<Long> ids = tx.select(id).from(t).orderBy(id).fetch(id);
        return ids.isEmpty() ? -1 : ids.get(rnd.nextInt(ids.size()));
    }

    /** A CSV of {@code rows} deviations in the demo's units, categories and causes, imported all or nothing. */
    private ImportResult importRows(AppContext ctx, int rows, String source) throws Exception {
        List<Unit> units = ctx.units().findAll();
        List<Taxonomy> cats = ctx.taxonomies().list(TaxonomyKind.CATEGORY).stream().filter(Taxonomy::active).toList();
        List<Taxonomy> causes = ctx.taxonomies().list(TaxonomyKind.CAUSE).stream().filter(Taxonomy::active).toList();
        Random rnd = new Random(rows);
        StringBuilder csv = new StringBuilder("Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Orsakskategorier\n");
        String[] kinds = {"Kvalitetsavvikelse", "Klagomål", "Lex Sarah", "HSL-avvikelse"};
        for (int i = 0; i < rows; i++) {
            csv.append(source).append('-').append(i).append(';').append(TODAY.minusDays(rnd.nextInt(1000))).append(';')
                    .append(pick(rnd, units).name()).append(';').append(pick(rnd, List.of(kinds))).append(';')
                    .append(pick(rnd, cats).name()).append(";Importerad händelse ").append(i).append(';')
                    .append(pick(rnd, causes).name()).append('\n');
        }
        Path file = dir.resolve(source + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        var reader = se.kvalitetshjulet.service.imports.TabularReader.open(file);
        ImportMapping mapping = ImportMapping.guess(reader.headers());
        ImportResult r = ctx.deviationImporter().run(file, mapping, source, false, (p, s) -> { }, () -> false);
        assertThat(r.errors()).as("import errors").isEmpty();
        return r;
    }

    @Test
    void aBulkImportThatDropsAndRebuildsIndexesKeepsTheRollupsExact() throws Exception {
        try (AppContext ctx = TestDb.demo(dir)) {
            ImportResult r = importRows(ctx, (int) DeviationImportRepository.BULK_MIN_ROWS, "Stort");
            assertThat(r.imported()).isEqualTo(DeviationImportRepository.BULK_MIN_ROWS);
            assertExact(ctx, new Random(7), world(ctx), "after a bulk import");
            // the import's suspension of the row triggers ended with its transaction: the next save is counted again
            assertThat(ctx.database().dsl().fetchCount(DSL.table(DSL.name("agg_suspension")))).isZero();
            DeviationRepository repo = ctx.deviations();
            Deviation any = repo.find(ctx.database().dsl().select(DSL.max(DEVIATION.ID)).from(DEVIATION).fetchOne().value1())
                    .orElseThrow();
            long before = repo.count(DeviationFilter.all(), TODAY);
            ctx.database().txRun(tx -> repo.save(tx, new Deviation(null, null, any.kind(), any.law(), any.unitId(),
                    any.categoryId(), any.status(), any.occurredOn(), any.reportedOn(), any.registeredOn(), any.dueOn(),
                    any.closedOn(), any.reporterRole(), any.title(), any.description(), any.immediateActions(), any.facts(),
                    any.causeText(), any.causeIds(), any.assessment(), any.serious(), any.ivoReportedOn(), any.ivoReference(),
                    null, null, any.ivoDetails())));
            assertThat(repo.count(DeviationFilter.all(), TODAY)).as("counted from the roll-ups").isEqualTo(before + 1);
            assertExact(ctx, new Random(8), world(ctx), "after a save following a bulk import");
        }
    }

    @Test
    void theMigrationFillsTheRollupsFromTheRowsAlreadyThere() throws Exception {
        Path demo = Files.createDirectories(dir.resolve("demo"));
        try (AppContext ctx = TestDb.demo(demo)) {
            ctx.demoData().addBulkDeviations(3, 500, TODAY, p -> { });
        }
        // a database at schema 24 (before the roll-ups) holding the demo's organisation, lists, deviations and causes
        Path old = dir.resolve("old.db");
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + old, null, null).locations("classpath:db/migration")
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY", "sqlite_only", "")).target("24").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("ATTACH DATABASE '" + demo.resolve("test.db") + "' AS demo");
            for (String t : List.of("business_area", "unit", "deviation_category", "cause_category", "deviation",
                    "deviation_cause", "measure_type", "action_item", "council_meeting", "risk_analysis", "quality_plan",
                    "self_check_round", "self_check_response", "self_check_answer")) {
                List<String> columns = new ArrayList<>();
                try (var rs = st.executeQuery("SELECT name FROM pragma_table_info('" + t + "', 'main')")) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                String cols = String.join(", ", columns);
                st.execute("DELETE FROM main." + t);
                st.execute("INSERT INTO main." + t + " (" + cols + ") SELECT " + cols + " FROM demo." + t);
            }
        }
        try (AppContext ctx = new AppContext(Database.open(old), TestDb.clock())) {
            assertThat(ctx.deviations().count(DeviationFilter.all().withText("a"), TODAY)).as("rows were there").isPositive();
            RollupRepository.Verification v = new RollupRepository(ctx.database(), ctx.audit()).verify();
            assertThat(v.rows()).as("filled by the migration").isPositive();
            assertExact(ctx, new Random(25), world(ctx), "after migrating a database with rows");
        }
    }
}
