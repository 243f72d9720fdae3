package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.Versioned;
import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.DEADLINE_RULE;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CAUSE;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_LINK;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.StaleRecordException;
import se.kvalitetshjulet.data.jooq.tables.records.ActionItemRecord;
import se.kvalitetshjulet.data.jooq.tables.records.DeviationRecord;
import se.kvalitetshjulet.domain.Page;
import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationLink;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.Measure;

/**
 * The deviation register. Lists are paged and counted in the database; aggregates are
 * grouped in the database: nothing here loads the whole register into memory.
 */
public final class DeviationRepository {
    static final String ENTITY = "deviation";
    static final String ACTION_ENTITY = "action_item";
    private static final String PRELIMINARY = "preliminary";

    /** Count of deviations per unit, kind, year and month: the raw material of patterns and trends. */
    public record MonthlyCount(long unitId, DeviationKind kind, int year, int month, long count) { }

    /** Count per taxonomy entry in a period (top categories, causes, measure types). */
    public record NamedCount(String name, long count) { }

    private final Database db;
    private final AuditTrail audit;
    /** The register search's statement texts and prepared statements on a SQLite file (decision 0044). */
    private final RegisterReads.Cache reads = new RegisterReads.Cache();

    public DeviationRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    // ---- queries ---------------------------------------------------------------------

    /**
     * How the register reads its page on a SQLite file (decision 0041); both give the same rows in the same order.
     * {@code SORTED}: the planner may start from the free-text index's matches and sort all of them (best for a rare
     * term). {@code INDEX_ORDER}: the matches are only a filter and the rows come in the order of an index on the sort
     * column, so the page stops after its rows (best for a frequent term, where sorting every match was the cost).
     */
    public enum PagePlan { SORTED, INDEX_ORDER }

    /** The sorts whose order (the column, then the id) an index of {@code deviation} gives: ix_dev_registered. */
    private static final java.util.Set<DeviationSort> ORDERED_BY_INDEX = java.util.EnumSet.of(DeviationSort.REGISTERED_ON);

    /**
     * The page is read in index order when the index entries a scan in the sort order must pass, about
     * {@code (offset + page) × N / M} for M matches among N deviations if the matches are spread evenly, are at most
     * this many times the M matches the sorted plan looks up and sorts: measured with sqlite3 at 100 000 rows, a match
     * looked up, joined and sorted cost about 0.4 µs of CPU, an index entry passed and tested against the matches about
     * 0.06 µs (decision 0041).
     */
    static final double INDEX_ORDER_FACTOR = 8;

    /**
     * Matches are not always spread evenly (a case-reference prefix such as "AV-2024-01" finds one month, a scan from
     * today passes every later row first), so index order also needs the matches to be at least this share of the
     * register: then even a scan of the whole index costs at most a few times the sort it replaces.
     */
    static final double INDEX_ORDER_MIN_SHARE = 1.0 / 32;

    /**
     * How a search's statements are read (decision 0044): {@code JDBC} on a SQLite file, the SQL text rendered by jOOQ
     * once per shape and executed as plain prepared statements on one connection; {@code JOOQ} every statement built,
     * rendered and fetched by jOOQ (always on PostgreSQL, and for free text the FTS5 index cannot answer). The same SQL
     * and the same answer either way; the choice is only there to compare them.
     */
    public enum Reader { JDBC, JOOQ }

    public Page<DeviationRow> search(DeviationFilter filter, DeviationSort sort, boolean ascending, int pageIndex,
                                     int pageSize, LocalDate today) {
        return search(filter, sort, ascending, pageIndex, pageSize, today, null, null);
    }

    /** {@link #search} read with the given plan (null: the one {@link #planFor} chooses): to compare the plans. */
    public Page<DeviationRow> search(DeviationFilter filter, DeviationSort sort, boolean ascending, int pageIndex,
                                     int pageSize, LocalDate today, PagePlan plan) {
        return search(filter, sort, ascending, pageIndex, pageSize, today, plan, null);
    }

    /** {@link #search} with the given plan and reader (null: the register's own choice): to compare them. */
    public Page<DeviationRow> search(DeviationFilter filter, DeviationSort sort, boolean ascending, int pageIndex,
                                     int pageSize, LocalDate today, PagePlan plan, Reader reader) {
        return read(filter, reader, null, r -> search(r, filter, sort, ascending, pageIndex, pageSize, today, plan));
    }

    /** Runs {@code work} with the reads of {@code reader}; {@code recorder} (null: none) gets every statement inlined. */
    private <T> T read(DeviationFilter filter, Reader reader, java.util.function.Consumer<String> recorder,
                       java.util.function.Function<RegisterReads.Reads, T> work) {
        if (reader != Reader.JOOQ && !db.engine().isServer() && RegisterReads.jdbcReads(filter)) {
            return reads.withConnection(db.dsl(), recorder, work);
        }
        DSLContext ctx = recorder == null ? db.dsl()
                : DSL.using(db.dsl().configuration().deriveAppending(new org.jooq.ExecuteListener() {
                    @Override
                    public void executeStart(org.jooq.ExecuteContext c) {
                        if (c.query() != null) {
                            recorder.accept(c.dsl().renderInlined(c.query()));
                        }
                    }
                }));
        return work.apply(new RegisterReads.Jooq(ctx));
    }

    /** For tests: statement shapes whose values the JDBC reader computed differently from jOOQ (0 when right). */
    public long readerMismatches() {
        return RegisterReads.mismatches(reads);
    }

    private Page<DeviationRow> search(RegisterReads.Reads r, DeviationFilter filter, DeviationSort sort,
                                      boolean ascending, int pageIndex, int pageSize, LocalDate today, PagePlan forced) {
        if (pageIndex == 0 && pageSize > 0 && (forced != null || !mayReadInIndexOrder(r, filter, sort))) {
            // the first page needs no count to be read: when it is not full, it is the count (decision 0044)
            List<DeviationRow> rows = r.page(filter, sort, ascending, 0, pageSize, today, ivoLateBefore(r, today),
                    forced != null ? forced : PagePlan.SORTED);
            long total = rows.size() < pageSize ? rows.size() : count(r, filter, today);
            return new Page<>(rows, 0, pageSize, total);
        }
        long total = count(r, filter, today);
        if (total == 0 || (long) pageIndex * pageSize >= total) {
            // nothing on this page: the count says so, the page query would read the matches only to find none
            return new Page<>(List.of(), pageIndex, pageSize, total);
        }
        LocalDate lateBefore = ivoLateBefore(r, today);
        PagePlan plan = forced != null ? forced : planFor(r, filter, sort, pageIndex, pageSize, total);
        List<DeviationRow> rows = r.page(filter, sort, ascending, pageIndex, pageSize, today, lateBefore, plan);
        return new Page<>(rows, pageIndex, pageSize, total);
    }

    /** Whether the page might be read in index order (decision 0041): the choice needs the count first. */
    private static boolean mayReadInIndexOrder(RegisterReads.Reads r, DeviationFilter filter, DeviationSort sort) {
        return r.sqlite() && ORDERED_BY_INDEX.contains(sort) && filter.text() != null
                && TextSearch.usesIndex(filter.text().strip());
    }

    /**
     * The plan of a page of {@code matches} rows (decision 0041): in index order when the filter's free text goes
     * through the FTS5 index, the sort has an index in its order and the matches are frequent enough that a scan in
     * that order reaches the page's rows sooner than a sort of every match would; sorted otherwise (and always on
     * PostgreSQL, whose planner weighs this itself).
     */
    private static PagePlan planFor(RegisterReads.Reads r, DeviationFilter filter, DeviationSort sort, int pageIndex,
                                    int pageSize, long matches) {
        if (!mayReadInIndexOrder(r, filter, sort) || matches <= 0) {
            return PagePlan.SORTED;
        }
        // the highest id bounds how many deviations there are (one step down the table's tree)
        Long highest = r.maxId();
        double rows = highest == null ? 0 : highest;
        double scanned = ((double) pageIndex * pageSize + pageSize) * rows / matches;
        return scanned <= INDEX_ORDER_FACTOR * matches && matches >= INDEX_ORDER_MIN_SHARE * rows
                ? PagePlan.INDEX_ORDER : PagePlan.SORTED;
    }

    static org.jooq.ResultQuery<org.jooq.Record1<Long>> maxIdQuery(DSLContext ctx) {
        return ctx.select(DSL.max(DEVIATION.ID)).from(DEVIATION);
    }

    private static final String OVERDUE = "overdue";

    /** The day before which a serious case not yet notified to IVO is late (the IVO_ANMALAN rule, default 7 days). */
    public LocalDate ivoLateBefore(LocalDate today) {
        return ivoLateBefore(db.dsl(), today);
    }

    private static LocalDate ivoLateBefore(DSLContext ctx, LocalDate today) {
        return ivoLateBefore(new RegisterReads.Jooq(ctx), today);
    }

    private static LocalDate ivoLateBefore(RegisterReads.Reads r, LocalDate today) {
        Long days = r.ivoRuleDays();
        return new se.kvalitetshjulet.domain.deviation.DeadlineRules(java.util.Map.of(),
                days == null ? se.kvalitetshjulet.domain.deviation.DeadlineRules.DEFAULT_IVO_NOTIFICATION_DAYS
                        : days.intValue()).ivoLateBefore(today);
    }

    static org.jooq.ResultQuery<org.jooq.Record1<Long>> ivoRuleQuery(DSLContext ctx) {
        return ctx.select(DEADLINE_RULE.DAYS).from(DEADLINE_RULE)
                .where(DEADLINE_RULE.KIND.eq(se.kvalitetshjulet.domain.deviation.DeadlineRules.IVO_NOTIFICATION_RULE));
    }

    /** The kinds whose serious cases are notified to IVO (lex Sarah, lex Maria), by name. */
    static final List<String> IVO_REPORTABLE_KINDS = java.util.Arrays.stream(DeviationKind.values())
            .filter(DeviationKind::reportableToIvo).map(Enum::name).toList();
    /** The assessments that make a case serious by definition, by name. */
    static final List<String> IVO_SERIOUS_ASSESSMENTS = java.util.Arrays.stream(Assessment.values())
            .filter(Assessment::seriousByDefinition).map(Enum::name).toList();

    /**
     * A serious lex Sarah / lex Maria case (ticked "Allvarligt" or assessed a serious injury) without an IVO
     * notification date, registered before {@code lateBefore}: the same rule as {@code DeviationRules.requiresIvo}.
     */
    static Condition ivoLateCondition(LocalDate lateBefore) {
        return DEVIATION.KIND.in(IVO_REPORTABLE_KINDS)
                .and(DEVIATION.SERIOUS.isTrue().or(DEVIATION.ASSESSMENT.in(IVO_SERIOUS_ASSESSMENTS)))
                .and(DEVIATION.IVO_REPORTED_ON.isNull())
                .and(DEVIATION.REGISTERED_ON.lt(lateBefore));
    }

    /**
     * The SQL that {@link #search} runs, in its order and with values inlined: for benchmarks and support, so a
     * reference tool runs exactly what the app does. Recorded from a run of the search itself (its count, from the
     * roll-ups or the index where they answer it, the IVO rule, the plan's look-up and the page in the plan chosen),
     * not built beside it.
     */
    public List<String> searchSql(DeviationFilter filter, DeviationSort sort, boolean ascending, int pageIndex,
                                  int pageSize, LocalDate today) {
        return searchSql(filter, sort, ascending, pageIndex, pageSize, today, null);
    }

    /** {@link #searchSql} as {@code reader} runs it (null: the register's own choice). */
    public List<String> searchSql(DeviationFilter filter, DeviationSort sort, boolean ascending, int pageIndex,
                                  int pageSize, LocalDate today, Reader reader) {
        List<String> sql = new ArrayList<>();
        read(filter, reader, sql::add, r -> search(r, filter, sort, ascending, pageIndex, pageSize, today, null));
        return List.copyOf(sql);
    }

    static org.jooq.ResultQuery<org.jooq.Record1<Integer>> countQuery(DSLContext ctx, DeviationFilter filter,
                                                                            LocalDate today) {
        return TextSearch.indexOnlyCount(ctx, filter)
                .orElseGet(() -> ctx.selectCount().from(DEVIATION).where(condition(filter, today)));
    }

    static org.jooq.ResultQuery<org.jooq.Record12<Long, String, String, String, Long, String, String, LocalDate,
            LocalDate, String, Boolean, Boolean>> pageQuery(DSLContext ctx, DeviationFilter filter, DeviationSort sort,
                                                   boolean ascending, int pageIndex, int pageSize, LocalDate today,
                                                   LocalDate ivoLateBefore, PagePlan plan) {
        Field<Boolean> overdue = overdueField(today).as(OVERDUE);
        Field<Boolean> ivoLate = DSL.when(ivoLateCondition(ivoLateBefore), DSL.inline(true)).otherwise(DSL.inline(false));
        return ctx.select(DEVIATION.ID, DEVIATION.CASE_REF, DEVIATION.KIND, DEVIATION.STATUS, DEVIATION.UNIT_ID, UNIT.NAME,
                        DEVIATION_CATEGORY.NAME, DEVIATION.REGISTERED_ON, DEVIATION.DUE_ON, DEVIATION.TITLE, overdue,
                        ivoLate.as("ivo_late"))
                .from(DEVIATION)
                .join(UNIT).on(UNIT.ID.eq(DEVIATION.UNIT_ID))
                .leftJoin(DEVIATION_CATEGORY).on(DEVIATION_CATEGORY.ID.eq(DEVIATION.CATEGORY_ID))
                .where(condition(filter, today, plan == PagePlan.INDEX_ORDER))
                .orderBy(order(sort, ascending))
                .limit(pageSize).offset((long) pageIndex * pageSize);
    }

    /** Streams every matching deviation in register order, for export; one row at a time. */
    public void forEach(DeviationFilter filter, LocalDate today,
            Consumer<se.kvalitetshjulet.domain.deviation.DeviationExportRow> sink) {
        try (Cursor<Record> cursor = db.dsl()
                .select(DEVIATION.asterisk(), UNIT.NAME.as("unit_name"), DEVIATION_CATEGORY.NAME.as("category_name"))
                .from(DEVIATION)
                .join(UNIT).on(UNIT.ID.eq(DEVIATION.UNIT_ID))
                .leftJoin(DEVIATION_CATEGORY).on(DEVIATION_CATEGORY.ID.eq(DEVIATION.CATEGORY_ID))
                .where(condition(filter, today))
                .orderBy(DEVIATION.REGISTERED_ON, DEVIATION.ID)
                .fetchSize(1000)
                .fetchLazy()) {
            for (Record r : cursor) {
                sink.accept(new se.kvalitetshjulet.domain.deviation.DeviationExportRow(r.get(DEVIATION.CASE_REF),
                        r.get(DEVIATION.REGISTERED_ON), r.get(DEVIATION.OCCURRED_ON), r.get(DEVIATION.REPORTED_ON),
                        r.get(DEVIATION.KIND), r.get(DEVIATION.LAW), r.get(DEVIATION.STATUS), r.get(DEVIATION.UNIT_ID),
                        r.get("unit_name", String.class), r.get("category_name", String.class), r.get(DEVIATION.TITLE),
                        r.get(DEVIATION.REPORTER_ROLE), r.get(DEVIATION.DUE_ON), r.get(DEVIATION.CLOSED_ON),
                        r.get(DEVIATION.ASSESSMENT), Boolean.TRUE.equals(r.get(DEVIATION.SERIOUS)),
                        r.get(DEVIATION.IVO_REPORTED_ON), r.get(DEVIATION.IVO_REFERENCE),
                        r.get(DEVIATION.EXTERNAL_SOURCE), r.get(DEVIATION.EXTERNAL_ID), r.get(DEVIATION.DESCRIPTION),
                        r.get(DEVIATION.IMMEDIATE_ACTIONS), r.get(DEVIATION.FACTS), r.get(DEVIATION.CAUSE_TEXT),
                        r.get(DEVIATION.IVO_NOTIFIER_ROLE), r.get(DEVIATION.IVO_DECISION_DATE), r.get(DEVIATION.IVO_DECISION)));
            }
        }
    }

    public long count(DeviationFilter filter, LocalDate today) {
        return count(db.dsl(), filter, today);
    }

    /**
     * The count of the filter: from the roll-ups where they answer it (whole months there, the days of partial months
     * from the table), from the free-text index alone when the text is the only filter, else from the table.
     */
    private long count(DSLContext ctx, DeviationFilter filter, LocalDate today) {
        return count(new RegisterReads.Jooq(ctx), filter, today);
    }

    private long count(RegisterReads.Reads r, DeviationFilter filter, LocalDate today) {
        var level = Rollups.deviations(db, filter, false, false);
        if (level.isPresent()) {
            Rollups.Split split = Rollups.split(filter.from(), filter.to(), (a, b) -> !r.registeredBetween(a, b));
            Long months = r.monthsSum(level.get(), filter, split);
            long days = split.edges().isEmpty() ? 0 : r.edgesCount(filter, split, today);
            return (months == null ? 0 : months) + days;
        }
        return r.count(filter, today);
    }

    /** The roll-up's sum over the split's whole months in the filter. */
    static org.jooq.ResultQuery<org.jooq.Record1<Long>> monthsQuery(DSLContext ctx, Rollups.Level a, DeviationFilter filter,
                                                                  Rollups.Split split) {
        return ctx.select(DSL.sum(a.n()).cast(org.jooq.impl.SQLDataType.BIGINT)).from(a.table())
                .where(Rollups.months(filter, split, a));
    }

    /** The filter's deviations on the days of the split's partial months, counted in the table. */
    static org.jooq.ResultQuery<org.jooq.Record1<Integer>> edgesQuery(DSLContext ctx, DeviationFilter filter,
                                                                    Rollups.Split split, LocalDate today) {
        return ctx.selectCount().from(DEVIATION).where(Rollups.edges(filter, split, today));
    }

    /** The SQL that counts the filter's deviations in the base table, with values inlined: for benchmarks and support. */
    public String countSql(DeviationFilter filter, LocalDate today) {
        return db.dsl().renderInlined(countQuery(db.dsl(), filter, today));
    }

    /** The same count from the base table as another engine's SQL (a benchmark reference). */
    public String countSql(DeviationFilter filter, LocalDate today, se.kvalitetshjulet.data.ReferenceDialect dialect) {
        return dialect.render(countQuery(db.dsl(), filter, today));
    }

    public Optional<Deviation> find(long id) {
        DeviationRecord r = db.dsl().selectFrom(DEVIATION).where(DEVIATION.ID.eq(id)).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        List<Long> causes = db.dsl().select(DEVIATION_CAUSE.CAUSE_CATEGORY_ID).from(DEVIATION_CAUSE)
                .where(DEVIATION_CAUSE.DEVIATION_ID.eq(id)).orderBy(DEVIATION_CAUSE.CAUSE_CATEGORY_ID)
                .fetch(DEVIATION_CAUSE.CAUSE_CATEGORY_ID);
        return Optional.of(toDeviation(r, causes));
    }

    public List<Measure> measures(long deviationId) {
        return db.dsl().selectFrom(ACTION_ITEM)
                .where(ACTION_ITEM.SOURCE_TYPE.eq(Measure.SOURCE_DEVIATION).and(ACTION_ITEM.SOURCE_ID.eq(deviationId)))
                .orderBy(ACTION_ITEM.ID).fetch(DeviationRepository::toMeasure);
    }

    public Optional<Long> findByExternal(String source, String externalId) {
        return db.dsl().select(DEVIATION.ID).from(DEVIATION)
                .where(DEVIATION.EXTERNAL_SOURCE.eq(source).and(DEVIATION.EXTERNAL_ID.eq(externalId)))
                .fetchOptional(DEVIATION.ID);
    }

    /** Links from and to this deviation. */
    public List<DeviationLink> links(long id) {
        var out = db.dsl().select(DEVIATION_LINK.TO_ID, DEVIATION.CASE_REF, DEVIATION_LINK.LINK_TYPE, DSL.inline(true))
                .from(DEVIATION_LINK).join(DEVIATION).on(DEVIATION.ID.eq(DEVIATION_LINK.TO_ID))
                .where(DEVIATION_LINK.FROM_ID.eq(id));
        var in = db.dsl().select(DEVIATION_LINK.FROM_ID, DEVIATION.CASE_REF, DEVIATION_LINK.LINK_TYPE, DSL.inline(false))
                .from(DEVIATION_LINK).join(DEVIATION).on(DEVIATION.ID.eq(DEVIATION_LINK.FROM_ID))
                .where(DEVIATION_LINK.TO_ID.eq(id));
        return out.unionAll(in).fetch(r -> new DeviationLink(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public Optional<Long> findIdByCaseRef(String caseRef) {
        return db.dsl().select(DEVIATION.ID).from(DEVIATION).where(DEVIATION.CASE_REF.eq(caseRef))
                .fetchOptional(DEVIATION.ID);
    }

    /**
     * "yyyy-MM" of the registration date. Grouping on this text is portable (a date cast to text is
     * ISO in SQLite and PostgreSQL) and far cheaper in SQLite than year()/month(), which parse dates.
     */
    private static Field<String> yearMonth() {
        return DSL.substring(DEVIATION.REGISTERED_ON.cast(org.jooq.impl.SQLDataType.VARCHAR), DSL.inline(1), DSL.inline(7));
    }

    private static int year(String ym) {
        return Integer.parseInt(ym.substring(0, 4));
    }

    private static int month(String ym) {
        return Integer.parseInt(ym.substring(5, 7));
    }

    /** Monthly counts per unit and kind in [from, to]: grouped in the database. */
    public List<MonthlyCount> monthlyCounts(LocalDate from, LocalDate to) {
        DeviationFilter f = DeviationFilter.all().withPeriod(from, to);
        var level = Rollups.deviations(db, f, true, false);
        if (level.isPresent()) {
            var a = level.get();
            Rollups.Split split = Rollups.split(db.dsl(), from, to);
            Field<String> ym = yearMonth();
            var parts = db.dsl().select(a.unit().as("u"), a.kind().as("k"), a.ym().as("ym"),
                            DSL.sum(a.n()).cast(org.jooq.impl.SQLDataType.BIGINT).as("n"))
                    .from(a.table()).where(Rollups.months(f, split, a)).groupBy(a.unit(), a.kind(), a.ym())
                    .unionAll(db.dsl().select(DEVIATION.UNIT_ID.as("u"), DEVIATION.KIND.as("k"), ym.as("ym"),
                                    DSL.count().cast(org.jooq.impl.SQLDataType.BIGINT).as("n"))
                            .from(DEVIATION).where(Rollups.edges(f, split, to)).groupBy(DEVIATION.UNIT_ID, DEVIATION.KIND, ym))
                    .asTable("p");
            Field<Long> u = parts.field("u", Long.class);
            Field<String> k = parts.field("k", String.class);
            Field<String> m = parts.field("ym", String.class);
            return db.dsl().select(u, k, m, DSL.sum(parts.field("n", Long.class))).from(parts).groupBy(u, k, m)
                    .fetch(r -> new MonthlyCount(r.value1(), DeviationKind.valueOf(r.value2()), year(r.value3()),
                            month(r.value3()), r.value4().longValue()));
        }
        return monthlyCountsQuery(db.dsl(), from, to)
                .fetch(r -> new MonthlyCount(r.value1(), DeviationKind.valueOf(r.value2()), year(r.value3()),
                        month(r.value3()), r.value4()));
    }

    public String monthlyCountsSql(LocalDate from, LocalDate to) {
        return db.dsl().renderInlined(monthlyCountsQuery(db.dsl(), from, to));
    }

    /** The same answer computed from the deviations themselves, as another engine's SQL (a benchmark reference). */
    public String monthlyCountsSql(LocalDate from, LocalDate to, se.kvalitetshjulet.data.ReferenceDialect dialect) {
        return dialect.render(monthlyCountsQuery(db.dsl(), from, to));
    }

    private static org.jooq.ResultQuery<org.jooq.Record4<Long, String, String, Integer>> monthlyCountsQuery(
            DSLContext ctx, LocalDate from, LocalDate to) {
        Field<String> ym = yearMonth();
        return ctx.select(DEVIATION.UNIT_ID, DEVIATION.KIND, ym, DSL.count())
                .from(DEVIATION)
                .where(DEVIATION.REGISTERED_ON.between(from, to))
                .groupBy(DEVIATION.UNIT_ID, DEVIATION.KIND, ym);
    }

    /** The day the register's first deviation was registered, if any (earlier years have no data, not zero). */
    public java.util.Optional<LocalDate> firstRegisteredOn() {
        return java.util.Optional.ofNullable(db.dsl().select(DSL.min(DEVIATION.REGISTERED_ON)).from(DEVIATION)
                .fetchOne(0, LocalDate.class));
    }

    /** Count per month of the deviations matching the filter. */
    public record MonthTotal(int year, int month, long count) { }

    public List<MonthTotal> monthlyTotals(DeviationFilter filter, LocalDate today) {
        var level = Rollups.deviations(db, filter, false, false);
        if (level.isPresent()) {
            var a = level.get();
            Rollups.Split split = Rollups.split(db.dsl(), filter.from(), filter.to());
            Field<String> ym = yearMonth();
            var parts = db.dsl().select(a.ym().as("ym"), DSL.sum(a.n()).cast(org.jooq.impl.SQLDataType.BIGINT).as("n"))
                    .from(a.table()).where(Rollups.months(filter, split, a)).groupBy(a.ym())
                    .unionAll(db.dsl().select(ym.as("ym"), DSL.count().cast(org.jooq.impl.SQLDataType.BIGINT).as("n"))
                            .from(DEVIATION).where(Rollups.edges(filter, split, today)).groupBy(ym))
                    .asTable("p");
            Field<String> m = parts.field("ym", String.class);
            return db.dsl().select(m, DSL.sum(parts.field("n", Long.class))).from(parts).groupBy(m)
                    .fetch(r -> new MonthTotal(year(r.value1()), month(r.value1()), r.value2().longValue()));
        }
        Field<String> ym = yearMonth();
        return db.dsl().select(ym, DSL.count()).from(DEVIATION).where(condition(filter, today))
                .groupBy(ym).fetch(r -> new MonthTotal(year(r.value1()), month(r.value1()), r.value2()));
    }

    /** The base-table query of {@link #monthlyTotals} as another engine's SQL (a benchmark reference). */
    public String monthlyTotalsSql(DeviationFilter filter, LocalDate today, se.kvalitetshjulet.data.ReferenceDialect dialect) {
        Field<String> ym = yearMonth();
        return dialect.render(db.dsl().select(ym, DSL.count()).from(DEVIATION).where(condition(filter, today)).groupBy(ym));
    }

    /** Count per category and month, in the filter: the series behind trend charts. */
    public record CategoryMonth(String category, int year, int month, long count) { }

    public List<CategoryMonth> monthlyCountsByCategory(DeviationFilter filter, LocalDate today) {
        var level = Rollups.deviations(db, filter, false, true);
        if (level.isPresent()) {
            var a = level.get();
            Rollups.Split split = Rollups.split(db.dsl(), filter.from(), filter.to());
            Field<String> ym = yearMonth();
            var parts = db.dsl().select(a.categoryKey().as("c"), a.ym().as("ym"),
                            DSL.sum(a.n()).cast(org.jooq.impl.SQLDataType.BIGINT).as("n"))
                    .from(a.table()).where(Rollups.months(filter, split, a).and(a.categoryKey().ne(0L)))
                    .groupBy(a.categoryKey(), a.ym())
                    .unionAll(db.dsl().select(DEVIATION.CATEGORY_ID.as("c"), ym.as("ym"),
                                    DSL.count().cast(org.jooq.impl.SQLDataType.BIGINT).as("n"))
                            .from(DEVIATION).where(Rollups.edges(filter, split, today).and(DEVIATION.CATEGORY_ID.isNotNull()))
                            .groupBy(DEVIATION.CATEGORY_ID, ym))
                    .asTable("p");
            Field<Long> c = parts.field("c", Long.class);
            Field<String> m = parts.field("ym", String.class);
            var g = db.dsl().select(c, m, DSL.sum(parts.field("n", Long.class)).cast(org.jooq.impl.SQLDataType.BIGINT).as("n"))
                    .from(parts).groupBy(c, m).asTable("g");
            return db.dsl().select(DEVIATION_CATEGORY.NAME, g.field(m), g.field("n", Long.class)).from(g)
                    .join(DEVIATION_CATEGORY).on(DEVIATION_CATEGORY.ID.eq(g.field(c)))
                    .fetch(r -> new CategoryMonth(r.value1(), year(r.value2()), month(r.value2()), r.value3()));
        }
        return categoryMonthQuery(db.dsl(), filter, today)
                .fetch(r -> new CategoryMonth(r.value1(), year(r.value2()), month(r.value2()), r.value3()));
    }

    public String monthlyCountsByCategorySql(DeviationFilter filter, LocalDate today) {
        return db.dsl().renderInlined(categoryMonthQuery(db.dsl(), filter, today));
    }

    /** The same answer computed from the deviations themselves, as another engine's SQL (a benchmark reference). */
    public String monthlyCountsByCategorySql(DeviationFilter filter, LocalDate today,
                                             se.kvalitetshjulet.data.ReferenceDialect dialect) {
        return dialect.render(categoryMonthQuery(db.dsl(), filter, today));
    }

    /** Grouped on category id first (from the index), names joined on the small result. */
    private static org.jooq.ResultQuery<org.jooq.Record3<String, String, Integer>> categoryMonthQuery(
            DSLContext ctx, DeviationFilter filter, LocalDate today) {
        Field<String> ym = yearMonth().as("ym");
        Field<Integer> n = DSL.count().as("n");
        var grouped = ctx.select(DEVIATION.CATEGORY_ID, ym, n)
                .from(DEVIATION)
                .where(condition(filter, today).and(DEVIATION.CATEGORY_ID.isNotNull()))
                .groupBy(DEVIATION.CATEGORY_ID, yearMonth())
                .asTable("g");
        return ctx.select(DEVIATION_CATEGORY.NAME, grouped.field(ym), grouped.field(n))
                .from(grouped)
                .join(DEVIATION_CATEGORY).on(DEVIATION_CATEGORY.ID.eq(grouped.field(DEVIATION.CATEGORY_ID)));
    }

    /**
     * The {@code limit} categories with most deviations in the filter (most first, then by name; deviations without a
     * category left out). Answered from the roll-ups where the filter allows (decision 0038), otherwise from
     * {@link #topCategoriesFromBase}, the same answer from the deviations.
     */
    public List<NamedCount> topCategories(DeviationFilter filter, LocalDate today, int limit) {
        var level = Rollups.deviations(db, filter, false, true);
        if (level.isPresent()) {
            return top(ChartRepository.paretoCategoriesRollup(db.dsl(), level.get(), filter, today)
                    .fetch(r -> new NamedCount(r.value1(), r.value2())), limit);
        }
        return topCategoriesFromBase(filter, today, limit);
    }

    /** The {@code limit} most stated causes in the filter: from the cause roll-ups where they answer it (0038). */
    public List<NamedCount> topCauses(DeviationFilter filter, LocalDate today, int limit) {
        var level = Rollups.causes(db, filter);
        if (level.isPresent()) {
            return top(ChartRepository.paretoCausesRollup(db.dsl(), level.get(), filter, today)
                    .fetch(r -> new NamedCount(r.value1(), r.value2())), limit);
        }
        return topCausesFromBase(filter, today, limit);
    }

    /** The {@code limit} most used measure types in the filter: from the measure roll-ups where they answer it (0038). */
    public List<NamedCount> topMeasureTypes(DeviationFilter filter, LocalDate today, int limit) {
        var level = Rollups.measures(db, filter);
        if (level.isPresent()) {
            return top(ChartRepository.paretoMeasureTypesRollup(db.dsl(), level.get(), filter, today)
                    .fetch(r -> new NamedCount(r.value1(), r.value2())), limit);
        }
        return topMeasureTypesFromBase(filter, today, limit);
    }

    /**
     * Counts per key (a roll-up's answer) as the base-table queries answer them: grouped by name (two list entries of
     * one name count together; a key without a name, "none stated", left out), most first, then by name in SQLite's
     * binary order (UTF-8 bytes: the order of code points, which {@code codePointCompare} keeps), at most {@code limit}.
     */
    static List<NamedCount> top(List<NamedCount> perKey, int limit) {
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        for (NamedCount c : perKey) {
            if (c.name() != null && c.count() > 0) {
                byName.merge(c.name(), c.count(), Long::sum);
            }
        }
        return byName.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry::getKey, DeviationRepository::codePointCompare))
                .limit(Math.max(0, limit)).map(e -> new NamedCount(e.getKey(), e.getValue())).toList();
    }

    private static int codePointCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** {@link #topCategories} from the deviations themselves: the reference the roll-up answer equals. */
    public List<NamedCount> topCategoriesFromBase(DeviationFilter filter, LocalDate today, int limit) {
        Field<Integer> n = DSL.count();
        return db.dsl().select(DEVIATION_CATEGORY.NAME, n).from(DEVIATION)
                .join(DEVIATION_CATEGORY).on(DEVIATION_CATEGORY.ID.eq(DEVIATION.CATEGORY_ID))
                .where(condition(filter, today))
                .groupBy(DEVIATION_CATEGORY.NAME).orderBy(n.desc(), DEVIATION_CATEGORY.NAME).limit(limit)
                .fetch(r -> new NamedCount(r.value1(), r.value2()));
    }

    /** {@link #topCauses} from the base tables: the reference. */
    public List<NamedCount> topCausesFromBase(DeviationFilter filter, LocalDate today, int limit) {
        Field<Integer> n = DSL.count();
        var cause = se.kvalitetshjulet.data.jooq.Tables.CAUSE_CATEGORY;
        return db.dsl().select(cause.NAME, n).from(DEVIATION)
                .join(DEVIATION_CAUSE).on(DEVIATION_CAUSE.DEVIATION_ID.eq(DEVIATION.ID))
                .join(cause).on(cause.ID.eq(DEVIATION_CAUSE.CAUSE_CATEGORY_ID))
                .where(condition(filter, today))
                .groupBy(cause.NAME).orderBy(n.desc(), cause.NAME).limit(limit)
                .fetch(r -> new NamedCount(r.value1(), r.value2()));
    }

    /** {@link #topMeasureTypes} from the base tables: the reference. */
    public List<NamedCount> topMeasureTypesFromBase(DeviationFilter filter, LocalDate today, int limit) {
        Field<Integer> n = DSL.count();
        var mt = se.kvalitetshjulet.data.jooq.Tables.MEASURE_TYPE;
        return db.dsl().select(mt.NAME, n).from(DEVIATION)
                .join(ACTION_ITEM).on(ACTION_ITEM.SOURCE_TYPE.eq(Measure.SOURCE_DEVIATION).and(ACTION_ITEM.SOURCE_ID.eq(DEVIATION.ID)))
                .join(mt).on(mt.ID.eq(ACTION_ITEM.MEASURE_TYPE_ID))
                .where(condition(filter, today))
                .groupBy(mt.NAME).orderBy(n.desc(), mt.NAME).limit(limit)
                .fetch(r -> new NamedCount(r.value1(), r.value2()));
    }

    /**
     * Assessments of lex Sarah / lex Maria in the filter, most first (then by name): from the roll-up of V39 (decision
     * 0038) where the filter allows it, otherwise {@link #assessmentsFromBase}.
     */
    public List<NamedCount> assessments(DeviationFilter filter, LocalDate today) {
        if (!Rollups.laws(db, filter)) {
            return assessmentsFromBase(filter, today);
        }
        var a = se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_LAW_MONTH;
        DSLContext ctx = db.dsl();
        Rollups.Split split = Rollups.split(ctx, filter.from(), filter.to());
        return top(ctx.select(a.ASSESSMENT_KEY, DSL.sum(a.N).cast(org.jooq.impl.SQLDataType.BIGINT)).from(a)
                .where(Rollups.months(filter, split, Rollups.LAWS).and(a.ASSESSMENT_KEY.ne(""))).groupBy(a.ASSESSMENT_KEY)
                .unionAll(ctx.select(DEVIATION.ASSESSMENT, DSL.count().cast(org.jooq.impl.SQLDataType.BIGINT)).from(DEVIATION)
                        .where(Rollups.edges(filter, split, today).and(DEVIATION.ASSESSMENT.isNotNull()))
                        .groupBy(DEVIATION.ASSESSMENT))
                .fetch(r -> new NamedCount(r.value1(), r.value2())), Integer.MAX_VALUE);
    }

    /** {@link #assessments} from the deviations themselves: the reference. */
    public List<NamedCount> assessmentsFromBase(DeviationFilter filter, LocalDate today) {
        Field<Integer> n = DSL.count();
        return db.dsl().select(DEVIATION.ASSESSMENT, n).from(DEVIATION)
                .where(condition(filter, today).and(DEVIATION.ASSESSMENT.isNotNull()))
                .groupBy(DEVIATION.ASSESSMENT).orderBy(n.desc())
                .fetch(r -> new NamedCount(r.value1(), r.value2()));
    }

    /**
     * How many deviations in the filter were reported to IVO: from the roll-up of V39 (decision 0038) where the filter
     * allows it, otherwise {@link #ivoReportsFromBase}.
     */
    public long ivoReports(DeviationFilter filter, LocalDate today) {
        if (!Rollups.laws(db, filter)) {
            return ivoReportsFromBase(filter, today);
        }
        var a = se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_LAW_MONTH;
        DSLContext ctx = db.dsl();
        Rollups.Split split = Rollups.split(ctx, filter.from(), filter.to());
        Long months = ctx.select(DSL.sum(a.N).cast(org.jooq.impl.SQLDataType.BIGINT)).from(a)
                .where(Rollups.months(filter, split, Rollups.LAWS).and(a.IVO.eq(1L))).fetchOne(0, Long.class);
        Long edges = ctx.selectCount().from(DEVIATION)
                .where(Rollups.edges(filter, split, today).and(DEVIATION.IVO_REPORTED_ON.isNotNull())).fetchOne(0, Long.class);
        return (months == null ? 0 : months) + (edges == null ? 0 : edges);
    }

    /** {@link #ivoReports} from the deviations themselves: the reference. */
    public long ivoReportsFromBase(DeviationFilter filter, LocalDate today) {
        return db.dsl().selectCount().from(DEVIATION)
                .where(condition(filter, today).and(DEVIATION.IVO_REPORTED_ON.isNotNull())).fetchOne(0, Long.class);
    }

    /** Improvement actions from any source that are past their due date and not done. */
    public long countOverdueActions(LocalDate today) {
        return overdueActionsQuery(db.dsl(), today).fetchOne(0, Long.class);
    }

    /** {@link #countOverdueActions}'s SQL for an engine, values inlined (a benchmark reference). */
    public String countOverdueActionsSql(LocalDate today, se.kvalitetshjulet.data.ReferenceDialect dialect) {
        return dialect.render(overdueActionsQuery(db.dsl(), today));
    }

    private static org.jooq.ResultQuery<org.jooq.Record1<Integer>> overdueActionsQuery(DSLContext ctx, LocalDate today) {
        return ctx.selectCount().from(ACTION_ITEM).where(ACTION_ITEM.DONE_ON.isNull().and(ACTION_ITEM.DUE_ON.lt(today)));
    }

    // ---- writes ----------------------------------------------------------------------

    /** Inserts or updates the deviation and its causes, with audit rows, in the caller's transaction. */
    public Deviation save(DSLContext tx, Deviation d) {
        return save(tx, d, null, null);
    }

    /**
     * Inserts or updates the deviation and its causes in the caller's transaction, with exactly one audit row
     * when anything changed (the record or only its causes) and none when nothing did; {@code reason} (an
     * explicit step back or reopening) goes into that row.
     */
    public Deviation save(DSLContext tx, Deviation d, String reason) {
        return save(tx, d, reason, null);
    }


    /** The deviation with its version, for an editor that saves with {@link #save(DSLContext, Deviation, Long)}. */
    public java.util.Optional<Versioned<Deviation>> findVersioned(long id) {
        return db.dsl().select(DEVIATION.VERSION).from(DEVIATION).where(DEVIATION.ID.eq(id)).fetchOptional(DEVIATION.VERSION)
                .flatMap(v -> find(id).map(d -> new Versioned<>(d, v)));
    }

    /** The newest row of the deviation's history: who changed it last, and when. */
    public java.util.Optional<AuditEntry> lastChange(long id) {
        List<AuditEntry> h = audit.history(ENTITY, id); // newest first
        return h.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(h.getFirst());
    }

    /** The current version of a deviation (0 for one never changed since versions exist). */
    public long version(long id) {
        return db.dsl().select(DEVIATION.VERSION).from(DEVIATION).where(DEVIATION.ID.eq(id)).fetchOptional(DEVIATION.VERSION)
                .orElseThrow(() -> new IllegalStateException("Avvikelsen finns inte längre (id " + id + ")."));
    }

    /**
     * h6: a new deviation that {@code registeredBy} reported (the demo municipality's section chiefs and staff, issue
     * 15); with its audit row like any insert. Everything else registers as the person working ({@link #save}).
     */
    public Deviation insertRegisteredBy(DSLContext tx, Deviation d, String registeredBy) {
        if (d.id() != null) {
            throw new IllegalArgumentException("Only a new deviation is registered by someone");
        }
        return insert(tx, d, null, registeredBy == null || registeredBy.isBlank() ? audit.actorName() : registeredBy);
    }

    private Deviation insert(DSLContext tx, Deviation d, String reason, String registeredBy) {
        DeviationRecord rec = tx.newRecord(DEVIATION);
        fill(rec, d);
        rec.setRegisteredBy(registeredBy);
        rec.setCaseRef("preliminary");
        rec.store();
        rec.setCaseRef(caseRef(rec.getRegisteredOn(), rec.getId()));
        rec.update();
        writeCauses(tx, rec.getId(), List.of(), d.causeIds());
        audit.appendMaps(tx, ENTITY, rec.getId(), AuditAction.INSERT, null, image(rec, d.causeIds()), reason);
        return toDeviation(rec, d.causeIds());
    }

    /** As {@link #save(DSLContext, Deviation, String, Long)} without a reason. */
    public Deviation save(DSLContext tx, Deviation d, Long expectedVersion) {
        return save(tx, d, null, expectedVersion);
    }

    /**
     * Inserts or updates the deviation and its causes in the caller's transaction, with exactly one audit row when
     * anything changed (the record or only its causes) and none when nothing did; {@code reason} (an explicit step
     * back or reopening) goes into that row. An update is written only if the record still has
     * {@code expectedVersion} (when given) and raises the version by one; the check is part of the UPDATE itself, so
     * two people saving at the same moment cannot both win.
     *
     * @throws StaleRecordException when someone else saved in between; nothing is written
     */
    public Deviation save(DSLContext tx, Deviation d, String reason, Long expectedVersion) {
        DeviationRecord rec;
        if (d.id() == null) {
            return insert(tx, d, reason, audit.actorName()); // "Mina rapporterade avvikelser" (V29)
        }
        rec = tx.selectFrom(DEVIATION).where(DEVIATION.ID.eq(d.id())).fetchOptional()
                .orElseThrow(() -> new IllegalStateException("Avvikelsen finns inte längre (id " + d.id() + ")."));
        long base = expectedVersion != null ? expectedVersion : rec.getVersion();
        if (rec.getVersion() != base) {
            throw new StaleRecordException(ENTITY, d.id(), base, rec.getVersion());
        }
        DeviationRecord before = rec.copy();
        before.setId(rec.getId());
        long id = rec.getId();
        List<Long> oldCauses = tx.select(DEVIATION_CAUSE.CAUSE_CATEGORY_ID).from(DEVIATION_CAUSE)
                .where(DEVIATION_CAUSE.DEVIATION_ID.eq(id)).orderBy(DEVIATION_CAUSE.CAUSE_CATEGORY_ID)
                .fetch(DEVIATION_CAUSE.CAUSE_CATEGORY_ID);
        fill(rec, d);
        boolean recordChanged = AuditTrail.differs(before, rec, DEVIATION.UPDATED_AT, DEVIATION.VERSION);
        boolean causesChanged = !new java.util.HashSet<>(oldCauses).equals(new java.util.HashSet<>(d.causeIds()));
        if (recordChanged || causesChanged) {
            rec.setVersion(base + 1);
            int written = tx.update(DEVIATION).set(rec).where(DEVIATION.ID.eq(id).and(DEVIATION.VERSION.eq(base)))
                    .execute();
            if (written == 0) {
                throw new StaleRecordException(ENTITY, d.id(), base, version(tx, d.id()));
            }
            rec.changed(false);
        }
        if (causesChanged) {
            writeCauses(tx, id, oldCauses, d.causeIds());
        }
        if (recordChanged || causesChanged) {
            audit.appendMaps(tx, ENTITY, id, AuditAction.UPDATE, image(before, oldCauses), image(rec, d.causeIds()),
                    reason);
        }
        return toDeviation(rec, d.causeIds());
    }

    /** The audit image of a deviation: its columns and its stated causes (a child list, same row). */
    private static java.util.Map<String, Object> image(DeviationRecord r, List<Long> causes) {
        var m = AuditTrail.toMap(r);
        m.put("causes", causes.stream().sorted().toList());
        return m;
    }

    private static void writeCauses(DSLContext tx, long id, List<Long> oldCauses, List<Long> causes) {
        if (!oldCauses.isEmpty()) {
            tx.deleteFrom(DEVIATION_CAUSE).where(DEVIATION_CAUSE.DEVIATION_ID.eq(id)).execute();
        }
        for (Long c : new java.util.LinkedHashSet<>(causes)) {
            tx.insertInto(DEVIATION_CAUSE).set(DEVIATION_CAUSE.DEVIATION_ID, id)
                    .set(DEVIATION_CAUSE.CAUSE_CATEGORY_ID, c).execute();
        }
    }

    public Deviation save(Deviation d) {
        return db.tx(tx -> save(tx, d));
    }

    private static long version(DSLContext tx, long id) {
        return tx.select(DEVIATION.VERSION).from(DEVIATION).where(DEVIATION.ID.eq(id)).fetchOne(DEVIATION.VERSION);
    }

    /**
     * Inserts many deviations with one prepared statement, batched (imports, load tests). No
     * audit row per record and no causes; call {@link #assignCaseRefs} in the same transaction.
     */
    public void insertFast(DSLContext tx, List<Deviation> rows) {
        var insert = tx.insertInto(DEVIATION, DEVIATION.CASE_REF, DEVIATION.KIND, DEVIATION.LAW, DEVIATION.UNIT_ID,
                DEVIATION.CATEGORY_ID, DEVIATION.STATUS, DEVIATION.OCCURRED_ON, DEVIATION.REPORTED_ON,
                DEVIATION.REGISTERED_ON, DEVIATION.DUE_ON, DEVIATION.REPORTER_ROLE, DEVIATION.TITLE,
                DEVIATION.DESCRIPTION, DEVIATION.IMMEDIATE_ACTIONS, DEVIATION.ASSESSMENT, DEVIATION.SERIOUS,
                DEVIATION.EXTERNAL_SOURCE, DEVIATION.EXTERNAL_ID, DEVIATION.UPDATED_AT)
                .values((String) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null);
        var batch = tx.batch(insert);
        LocalDateTime now = LocalDateTime.now();
        for (Deviation d : rows) {
            batch.bind(d.caseRef() == null ? PRELIMINARY : d.caseRef(), d.kind().name(), d.law().name(), d.unitId(),
                    d.categoryId(), d.status().name(), d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(),
                    d.reporterRole(), d.title(), d.description(), d.immediateActions(),
                    d.assessment() == null ? null : d.assessment().name(), d.serious(), d.externalSource(),
                    d.externalId(), now);
        }
        if (!rows.isEmpty()) {
            batch.execute();
        }
    }

    /** The highest deviation id so far (0 when empty), in the caller's transaction. */
    public long maxId(DSLContext tx) {
        Long max = tx.select(DSL.max(DEVIATION.ID)).from(DEVIATION).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** Ids above {@code after}, ascending: the rows just written by {@link #insertFast} in the same transaction. */
    public List<Long> idsAfter(DSLContext tx, long after) {
        return tx.select(DEVIATION.ID).from(DEVIATION).where(DEVIATION.ID.gt(after)).orderBy(DEVIATION.ID)
                .fetch(DEVIATION.ID);
    }

    /** Stated causes for many deviations at once ({deviation id, cause category id} pairs); no audit (load tests). */
    public void insertCausesFast(DSLContext tx, List<long[]> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        var batch = tx.batch(tx.insertInto(DEVIATION_CAUSE, DEVIATION_CAUSE.DEVIATION_ID, DEVIATION_CAUSE.CAUSE_CATEGORY_ID)
                .values((Long) null, null));
        for (long[] p : pairs) {
            batch.bind(p[0], p[1]);
        }
        batch.execute();
    }

    /** Many improvement actions at once with one prepared statement, batched; no audit (load tests). */
    public void insertMeasuresFast(DSLContext tx, List<Measure> measures) {
        if (measures.isEmpty()) {
            return;
        }
        var batch = tx.batch(tx.insertInto(ACTION_ITEM, ACTION_ITEM.SOURCE_TYPE, ACTION_ITEM.SOURCE_ID, ACTION_ITEM.UNIT_ID,
                        ACTION_ITEM.WHAT, ACTION_ITEM.MEASURE_TYPE_ID, ACTION_ITEM.RESPONSIBLE, ACTION_ITEM.DUE_ON,
                        ACTION_ITEM.DONE_ON)
                .values((String) null, null, null, null, null, null, null, null));
        for (Measure m : measures) {
            batch.bind(m.sourceType(), m.sourceId(), m.unitId(), m.what(), m.measureTypeId(), m.responsible(), m.dueOn(),
                    m.doneOn());
        }
        batch.execute();
    }

    /** Gives every record inserted by {@link #insertFast} its pseudonymous case reference. */
    public int assignCaseRefs(DSLContext tx) {
        return tx.update(DEVIATION)
                .set(DEVIATION.CASE_REF, DSL.concat(DSL.inline("AV-"), DSL.year(DEVIATION.REGISTERED_ON).cast(String.class),
                        DSL.inline("-"), DSL.lpad(DEVIATION.ID.cast(String.class), 6, "0")))
                .where(DEVIATION.CASE_REF.eq(PRELIMINARY)).execute();
    }

    public Measure saveMeasure(DSLContext tx, Measure m) {
        ActionItemRecord rec;
        if (m.id() == null) {
            rec = tx.newRecord(ACTION_ITEM);
            fillMeasure(rec, m);
            rec.store();
            audit.append(tx, ACTION_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        } else {
            rec = tx.selectFrom(ACTION_ITEM).where(ACTION_ITEM.ID.eq(m.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Åtgärden finns inte längre."));
            long base = m.version() != null ? m.version() : rec.getVersion();
            if (rec.getVersion() != base) {
                throw new StaleRecordException(ACTION_ENTITY, m.id(), base, rec.getVersion());
            }
            ActionItemRecord before = rec.copy();
            before.setId(rec.getId());
            fillMeasure(rec, m);
            if (AuditTrail.differs(before, rec, ACTION_ITEM.VERSION)) {
                // decision 0029: the action's own version, checked in the UPDATE itself
                rec.setVersion(base + 1);
                int written = tx.update(ACTION_ITEM).set(rec)
                        .where(ACTION_ITEM.ID.eq(m.id()).and(ACTION_ITEM.VERSION.eq(base))).execute();
                if (written == 0) {
                    throw new StaleRecordException(ACTION_ENTITY, m.id(), base, measureVersion(tx, m.id()));
                }
                rec.changed(false);
                audit.append(tx, ACTION_ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
            }
        }
        return toMeasure(rec);
    }

    /** An action's current version, empty when it no longer exists. */
    public java.util.Optional<Long> measureVersionIfAny(long id) {
        return db.dsl().select(ACTION_ITEM.VERSION).from(ACTION_ITEM).where(ACTION_ITEM.ID.eq(id))
                .fetchOptional(ACTION_ITEM.VERSION);
    }

    /** The newest row of an action's history: who changed it last, and when. */
    public java.util.Optional<AuditEntry> lastMeasureChange(long id) {
        List<AuditEntry> h = audit.history(ACTION_ENTITY, id);
        return h.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(h.getFirst());
    }

    /** An action's current version (decision 0029). */
    public static long measureVersion(DSLContext ctx, long id) {
        return ctx.select(ACTION_ITEM.VERSION).from(ACTION_ITEM).where(ACTION_ITEM.ID.eq(id))
                .fetchOptional(ACTION_ITEM.VERSION)
                .orElseThrow(() -> new IllegalStateException("Åtgärden finns inte längre (id " + id + ")."));
    }

    public void deleteMeasure(DSLContext tx, long id) {
        deleteMeasure(tx, id, null);
    }

    /**
     * Deletes an action, only if it is still at {@code expectedVersion} (when given): a measure someone changed since
     * it was read is not deleted unseen.
     *
     * @throws StaleRecordException when someone else changed it in between; nothing is deleted
     */
    public void deleteMeasure(DSLContext tx, long id, Long expectedVersion) {
        ActionItemRecord rec = tx.selectFrom(ACTION_ITEM).where(ACTION_ITEM.ID.eq(id)).fetchOne();
        if (rec != null) {
            long base = expectedVersion != null ? expectedVersion : rec.getVersion();
            int deleted = tx.deleteFrom(ACTION_ITEM).where(ACTION_ITEM.ID.eq(id).and(ACTION_ITEM.VERSION.eq(base)))
                    .execute();
            if (deleted == 0) {
                if (tx.fetchExists(ACTION_ITEM, ACTION_ITEM.ID.eq(id))) {
                    throw new StaleRecordException(ACTION_ENTITY, id, base, measureVersion(tx, id));
                }
                return; // deleted by someone else in the meantime: gone either way, their audit row says so
            }
            audit.append(tx, ACTION_ENTITY, id, AuditAction.DELETE, rec, null);
        }
    }

    /** Why a deviation may not be deleted (decision 0035); empty when it may. */
    public enum DeletionBlock { IVO_REPORTED, IN_EVENT_ANALYSIS, REVIEWED_BY_COUNCIL, MEASURE_IN_PLAN_OR_COUNCIL }

    /** What keeps the deviation from being deleted, if anything: what others built on it is kept with it. */
    public Optional<DeletionBlock> deletionBlock(DSLContext q, long id) {
        DeviationRecord r = q.selectFrom(DEVIATION).where(DEVIATION.ID.eq(id)).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        if (r.getIvoReportedOn() != null) {
            return Optional.of(DeletionBlock.IVO_REPORTED);
        }
        if (q.fetchExists(se.kvalitetshjulet.data.jooq.Tables.ANALYSIS_DEVIATION,
                se.kvalitetshjulet.data.jooq.Tables.ANALYSIS_DEVIATION.DEVIATION_ID.eq(id))) {
            return Optional.of(DeletionBlock.IN_EVENT_ANALYSIS);
        }
        if (q.fetchExists(se.kvalitetshjulet.data.jooq.Tables.COUNCIL_REVIEWED_DEVIATION,
                se.kvalitetshjulet.data.jooq.Tables.COUNCIL_REVIEWED_DEVIATION.DEVIATION_ID.eq(id))) {
            return Optional.of(DeletionBlock.REVIEWED_BY_COUNCIL);
        }
        var measures = q.select(ACTION_ITEM.ID).from(ACTION_ITEM)
                .where(ACTION_ITEM.SOURCE_TYPE.eq(Measure.SOURCE_DEVIATION).and(ACTION_ITEM.SOURCE_ID.eq(id)));
        if (q.fetchExists(se.kvalitetshjulet.data.jooq.Tables.COUNCIL_FOLLOW_UP,
                se.kvalitetshjulet.data.jooq.Tables.COUNCIL_FOLLOW_UP.ACTION_ID.in(measures))
                || q.fetchExists(se.kvalitetshjulet.data.jooq.Tables.COUNCIL_ORDERED_ANALYSIS,
                se.kvalitetshjulet.data.jooq.Tables.COUNCIL_ORDERED_ANALYSIS.ACTION_ID.in(measures))
                || q.fetchExists(se.kvalitetshjulet.data.jooq.Tables.QUALITY_PLAN_LINK,
                se.kvalitetshjulet.data.jooq.Tables.QUALITY_PLAN_LINK.ACTION_ID.in(measures))) {
            return Optional.of(DeletionBlock.MEASURE_IN_PLAN_OR_COUNCIL);
        }
        return Optional.empty();
    }

    /**
     * Deletes a deviation registered by mistake (decision 0035), only if it is still at {@code expectedVersion}: its
     * measures (one DELETE row each), its causes and links and any draft of it go with it. The deviation's own DELETE
     * row carries the whole record as it was (with causes and links) and the reason, so the trail still shows what was
     * deleted and the chain stays whole; each deviation that linked to it gets an UPDATE row saying the link is gone.
     * The roll-ups follow through their triggers. Returns the number of measures deleted with it.
     *
     * @throws StaleRecordException when someone else changed it since it was read; nothing is deleted
     */
    public int delete(DSLContext tx, long id, long expectedVersion, String reason) {
        DeviationRecord rec = tx.selectFrom(DEVIATION).where(DEVIATION.ID.eq(id)).fetchOne();
        if (rec == null) {
            throw new IllegalStateException("Avvikelsen finns inte längre (id " + id + ").");
        }
        if (rec.getVersion() != expectedVersion) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, rec.getVersion());
        }
        List<Long> causes = tx.select(DEVIATION_CAUSE.CAUSE_CATEGORY_ID).from(DEVIATION_CAUSE)
                .where(DEVIATION_CAUSE.DEVIATION_ID.eq(id)).orderBy(DEVIATION_CAUSE.CAUSE_CATEGORY_ID)
                .fetch(DEVIATION_CAUSE.CAUSE_CATEGORY_ID);
        var before = image(rec, causes);
        var linksOut = tx.select(DEVIATION_LINK.LINK_TYPE, DEVIATION.CASE_REF).from(DEVIATION_LINK).join(DEVIATION)
                .on(DEVIATION.ID.eq(DEVIATION_LINK.TO_ID)).where(DEVIATION_LINK.FROM_ID.eq(id))
                .orderBy(DEVIATION.CASE_REF).fetch(r -> r.value1() + " " + r.value2());
        before.put("links", linksOut);
        var linkedFrom = tx.select(DEVIATION_LINK.FROM_ID, DEVIATION_LINK.LINK_TYPE).from(DEVIATION_LINK)
                .where(DEVIATION_LINK.TO_ID.eq(id).and(DEVIATION_LINK.FROM_ID.ne(id))).orderBy(DEVIATION_LINK.FROM_ID)
                .fetch();
        var measures = tx.selectFrom(ACTION_ITEM)
                .where(ACTION_ITEM.SOURCE_TYPE.eq(Measure.SOURCE_DEVIATION).and(ACTION_ITEM.SOURCE_ID.eq(id)))
                .orderBy(ACTION_ITEM.ID).fetch();
        for (ActionItemRecord m : measures) {
            tx.deleteFrom(ACTION_ITEM).where(ACTION_ITEM.ID.eq(m.getId())).execute();
            audit.append(tx, ACTION_ENTITY, m.getId(), AuditAction.DELETE, m, null,
                    "ärendet " + rec.getCaseRef() + " togs bort");
        }
        int deleted = tx.deleteFrom(DEVIATION).where(DEVIATION.ID.eq(id).and(DEVIATION.VERSION.eq(expectedVersion)))
                .execute();
        if (deleted == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, version(tx, id));
        }
        for (var l : linkedFrom) {
            java.util.Map<String, Object> gone = new java.util.LinkedHashMap<>();
            gone.put("link", l.value2() + " " + rec.getCaseRef());
            audit.appendMaps(tx, ENTITY, l.value1(), AuditAction.UPDATE, gone, java.util.Map.of(),
                    "ärendet " + rec.getCaseRef() + " togs bort");
        }
        audit.appendMaps(tx, ENTITY, id, AuditAction.DELETE, before, null, reason);
        return measures.size();
    }

    /** Links two deviations; one audit row on the deviation it starts from when the link is new, none otherwise. */
    public boolean link(DSLContext tx, long fromId, long toId, String type) {
        int added = tx.insertInto(DEVIATION_LINK).set(DEVIATION_LINK.FROM_ID, fromId).set(DEVIATION_LINK.TO_ID, toId)
                .set(DEVIATION_LINK.LINK_TYPE, type).onConflictDoNothing().execute();
        if (added == 0) {
            return false;
        }
        java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("link", type + " " + tx.select(DEVIATION.CASE_REF).from(DEVIATION).where(DEVIATION.ID.eq(toId))
                .fetchOne(DEVIATION.CASE_REF));
        audit.appendMaps(tx, ENTITY, fromId, AuditAction.UPDATE, java.util.Map.of(), after, null);
        return true;
    }

    // ---- mapping ---------------------------------------------------------------------

    static String caseRef(LocalDate registered, long id) {
        return "AV-%d-%06d".formatted(registered.getYear(), id);
    }

    private static Field<Boolean> overdueField(LocalDate today) {
        return DSL.when(overdueCondition(today), DSL.inline(true)).otherwise(DSL.inline(false));
    }

    /** The statuses in which a case past its due date is overdue, by name. */
    static final List<String> OVERDUE_STATUSES = List.of(DeviationStatus.REGISTRERAD.name(),
            DeviationStatus.UTREDNING.name());

    private static Condition overdueCondition(LocalDate today) {
        return DEVIATION.DUE_ON.lt(today).and(DEVIATION.STATUS.in(OVERDUE_STATUSES));
    }

    static Condition condition(DeviationFilter f, LocalDate today) {
        return condition(f, today, false);
    }

    /** {@link #condition}; {@code textAsFilter}: the free-text index only tests membership (PagePlan.INDEX_ORDER). */
    static Condition condition(DeviationFilter f, LocalDate today, boolean textAsFilter) {
        List<Condition> c = new ArrayList<>();
        if (f.kinds() != null && !f.kinds().isEmpty()) {
            c.add(DEVIATION.KIND.in(f.kinds().stream().map(Enum::name).toList()));
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            c.add(DEVIATION.STATUS.in(f.statuses().stream().map(Enum::name).toList()));
        }
        if (f.unitIds() != null) {
            c.add(f.unitIds().isEmpty() ? DSL.falseCondition() : DEVIATION.UNIT_ID.in(f.unitIds()));
        }
        if (f.categoryId() != null) {
            c.add(DEVIATION.CATEGORY_ID.eq(f.categoryId()));
        }
        if (f.from() != null) {
            c.add(DEVIATION.REGISTERED_ON.ge(f.from()));
        }
        if (f.to() != null) {
            c.add(DEVIATION.REGISTERED_ON.le(f.to()));
        }
        if (f.overdueOnly()) {
            c.add(overdueCondition(today));
        }
        if (f.ivoLateBefore() != null) {
            c.add(ivoLateCondition(f.ivoLateBefore()));
        }
        if (f.registeredBy() != null) {
            c.add(DEVIATION.REGISTERED_BY.eq(f.registeredBy()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().strip();
            c.add(TextSearch.deviationText(t, textAsFilter));
        }
        return DSL.and(c);
    }

    private static List<SortField<?>> order(DeviationSort sort, boolean asc) {
        Field<?> f = switch (sort) {
            case REGISTERED_ON -> DEVIATION.REGISTERED_ON;
            case CASE_REF -> DEVIATION.CASE_REF;
            case KIND -> DEVIATION.KIND;
            case STATUS -> DEVIATION.STATUS;
            case UNIT -> UNIT.NAME;
            case CATEGORY -> DEVIATION_CATEGORY.NAME;
            case DUE_ON -> DEVIATION.DUE_ON;
            case TITLE -> DEVIATION.TITLE;
        };
        return List.of(asc ? f.asc() : f.desc(), asc ? DEVIATION.ID.asc() : DEVIATION.ID.desc());
    }

    private static void fill(DeviationRecord r, Deviation d) {
        r.setKind(d.kind().name());
        r.setLaw(d.law().name());
        r.setUnitId(d.unitId());
        r.setCategoryId(d.categoryId());
        r.setStatus(d.status().name());
        r.setOccurredOn(d.occurredOn());
        r.setReportedOn(d.reportedOn());
        r.setRegisteredOn(d.registeredOn());
        r.setDueOn(d.dueOn());
        r.setClosedOn(d.closedOn());
        r.setReporterRole(d.reporterRole());
        r.setTitle(d.title().strip());
        r.setDescription(d.description());
        r.setImmediateActions(d.immediateActions());
        r.setFacts(d.facts());
        r.setCauseText(d.causeText());
        r.setAssessment(d.assessment() == null ? null : d.assessment().name());
        r.setSerious(d.serious());
        r.setIvoReportedOn(d.ivoReportedOn());
        r.setIvoReference(d.ivoReference());
        r.setExternalSource(d.externalSource());
        r.setExternalId(d.externalId());
        var ivo = d.ivoDetails();
        r.setIvoNotifierRole(ivo.notifierRole() == null ? null : ivo.notifierRole().name());
        r.setIvoNotifiedBy(ivo.notifiedBy().isBlank() ? null : ivo.notifiedBy().strip());
        r.setIvoDecision(ivo.decision().isBlank() ? null : ivo.decision());
        r.setIvoDecisionDate(ivo.decisionDate());
        r.setUpdatedAt(LocalDateTime.now());
    }

    private static Deviation toDeviation(DeviationRecord r, List<Long> causes) {
        return new Deviation(r.getId(), r.getCaseRef(), DeviationKind.valueOf(r.getKind()), Law.valueOf(r.getLaw()),
                r.getUnitId(), r.getCategoryId(), DeviationStatus.valueOf(r.getStatus()), r.getOccurredOn(),
                r.getReportedOn(), r.getRegisteredOn(), r.getDueOn(), r.getClosedOn(), r.getReporterRole(), r.getTitle(),
                r.getDescription(), r.getImmediateActions(), r.getFacts(), r.getCauseText(), causes,
                r.getAssessment() == null ? null : Assessment.valueOf(r.getAssessment()), Boolean.TRUE.equals(r.getSerious()),
                r.getIvoReportedOn(), r.getIvoReference(), r.getExternalSource(), r.getExternalId(),
                new se.kvalitetshjulet.domain.deviation.IvoDetails(r.getIvoNotifierRole() == null ? null
                        : se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier.valueOf(r.getIvoNotifierRole()),
                        r.getIvoNotifiedBy(), r.getIvoDecision(), r.getIvoDecisionDate()));
    }

    private static void fillMeasure(ActionItemRecord r, Measure m) {
        r.setSourceType(m.sourceType());
        r.setSourceId(m.sourceId());
        r.setUnitId(m.unitId());
        r.setWhat(m.what());
        r.setMeasureTypeId(m.measureTypeId());
        r.setResponsible(m.responsible());
        r.setDueOn(m.dueOn());
        r.setDoneOn(m.doneOn());
        r.setEffectCheck(m.effectCheck());
        r.setEffective(m.effective());
    }

    static Measure toMeasure(ActionItemRecord r) {
        return new Measure(r.getId(), r.getSourceType(), r.getSourceId(), r.getUnitId(), r.getWhat(), r.getMeasureTypeId(),
                r.getResponsible(), r.getDueOn(), r.getDoneOn(), r.getEffectCheck(), r.getEffective(), r.getVersion());
    }
}
