package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.AGG_CAUSE_KIND_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_CAUSE_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_CATEGORY_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_LAW_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_STATUS_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_UNIT_CATEGORY_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_UNIT_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_MEASURE_KIND_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_MEASURE_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/**
 * Reading the roll-up aggregates of migration V27_5 (decision 0021): deviations counted per month at four levels of
 * detail (× unit × kind × category × status; × unit × kind; × kind × category; × kind × status) and stated causes at two (× unit × kind
 * × cause; × kind × cause), kept exact by triggers in the transaction of every write.
 *
 * <p>A filter on those dimensions and a period is answered from the roll-ups for the months wholly inside the period
 * and from the deviations themselves for the days of a month only partly inside it (a month counts as whole when no
 * deviation is registered on its days outside the period). Anything else (free text, overdue, late IVO
 * notifications) and every PostgreSQL database, where row-level security decides what a user may count, read the base
 * tables: the answer is the same either way.
 */
final class Rollups {
    private Rollups() {
    }

    /**
     * One roll-up table and its columns; a dimension it does not keep is null. The deviation levels are listed
     * smallest first: a question reads the first one that keeps every dimension it filters or groups by.
     */
    record Level(Table<?> table, Field<String> ym, Field<Long> unit, Field<String> kind, Field<Long> categoryKey,
                 Field<String> status, Field<Long> cause, Field<Long> n) {
        boolean answers(DeviationFilter f, boolean byUnit, boolean byCategory) {
            return (unit != null || (f.unitIds() == null && !byUnit))
                    // grouped by unit is grouped by unit and kind (the tertial table's counts)
                    && (kind != null || ((f.kinds() == null || f.kinds().isEmpty()) && !byUnit))
                    && (categoryKey != null || (f.categoryId() == null && !byCategory))
                    && (status != null || f.statuses() == null || f.statuses().isEmpty());
        }
    }

    private static final List<Level> DEVIATION_LEVELS = List.of(
            new Level(AGG_DEVIATION_STATUS_MONTH, AGG_DEVIATION_STATUS_MONTH.YM, null, AGG_DEVIATION_STATUS_MONTH.KIND,
                    null, AGG_DEVIATION_STATUS_MONTH.STATUS, null, AGG_DEVIATION_STATUS_MONTH.N),
            new Level(AGG_DEVIATION_CATEGORY_MONTH, AGG_DEVIATION_CATEGORY_MONTH.YM, null, AGG_DEVIATION_CATEGORY_MONTH.KIND,
                    AGG_DEVIATION_CATEGORY_MONTH.CATEGORY_KEY, null, null, AGG_DEVIATION_CATEGORY_MONTH.N),
            new Level(AGG_DEVIATION_UNIT_MONTH, AGG_DEVIATION_UNIT_MONTH.YM, AGG_DEVIATION_UNIT_MONTH.UNIT_ID,
                    AGG_DEVIATION_UNIT_MONTH.KIND, null, null, null, AGG_DEVIATION_UNIT_MONTH.N),
            // V46 (decision 0047): a unit's (and its subtree's) categories over every kind and status
            new Level(AGG_DEVIATION_UNIT_CATEGORY_MONTH, AGG_DEVIATION_UNIT_CATEGORY_MONTH.YM,
                    AGG_DEVIATION_UNIT_CATEGORY_MONTH.UNIT_ID, null, AGG_DEVIATION_UNIT_CATEGORY_MONTH.CATEGORY_KEY, null,
                    null, AGG_DEVIATION_UNIT_CATEGORY_MONTH.N),
            new Level(AGG_DEVIATION_MONTH, AGG_DEVIATION_MONTH.YM, AGG_DEVIATION_MONTH.UNIT_ID, AGG_DEVIATION_MONTH.KIND,
                    AGG_DEVIATION_MONTH.CATEGORY_KEY, AGG_DEVIATION_MONTH.STATUS, null, AGG_DEVIATION_MONTH.N));
    private static final Level CAUSES_ALL_UNITS = new Level(AGG_CAUSE_KIND_MONTH, AGG_CAUSE_KIND_MONTH.YM, null,
            AGG_CAUSE_KIND_MONTH.KIND, null, null, AGG_CAUSE_KIND_MONTH.CAUSE_CATEGORY_ID, AGG_CAUSE_KIND_MONTH.N);
    private static final Level CAUSES_PER_UNIT = new Level(AGG_CAUSE_MONTH, AGG_CAUSE_MONTH.YM, AGG_CAUSE_MONTH.UNIT_ID,
            AGG_CAUSE_MONTH.KIND, null, null, AGG_CAUSE_MONTH.CAUSE_CATEGORY_ID, AGG_CAUSE_MONTH.N);

    /** Measures of deviations (V34, decision 0031): per month × kind × measure type, and × unit. */
    private static final Level MEASURES_ALL_UNITS = new Level(AGG_MEASURE_KIND_MONTH, AGG_MEASURE_KIND_MONTH.YM, null,
            AGG_MEASURE_KIND_MONTH.KIND, null, null, AGG_MEASURE_KIND_MONTH.MEASURE_KEY, AGG_MEASURE_KIND_MONTH.N);
    private static final Level MEASURES_PER_UNIT = new Level(AGG_MEASURE_MONTH, AGG_MEASURE_MONTH.YM,
            AGG_MEASURE_MONTH.UNIT_ID, AGG_MEASURE_MONTH.KIND, null, null, AGG_MEASURE_MONTH.MEASURE_KEY,
            AGG_MEASURE_MONTH.N);

    /**
     * Deviations per month × unit × kind × law × assessment × reported to IVO (V39, decision 0038); the level's
     * dimensions are the ones {@link #months} filters on, law, assessment and IVO are read from the table itself.
     */
    static final Level LAWS = new Level(AGG_DEVIATION_LAW_MONTH, AGG_DEVIATION_LAW_MONTH.YM,
            AGG_DEVIATION_LAW_MONTH.UNIT_ID, AGG_DEVIATION_LAW_MONTH.KIND, null, null, null, AGG_DEVIATION_LAW_MONTH.N);

    /** Whether V39's roll-up answers the filter: one with a status or a category in it reads the base table. */
    static boolean laws(Database db, DeviationFilter f) {
        return usable(db, f) && (f.statuses() == null || f.statuses().isEmpty()) && f.categoryId() == null;
    }

    /** Whether roll-ups can answer the filter on this database at all. */
    private static boolean usable(Database db, DeviationFilter f) {
        return !db.engine().isServer() && !f.overdueOnly() && f.ivoLateBefore() == null
                && f.registeredBy() == null // who registered is not in the roll-ups (V29, decision 0025)
                && (f.text() == null || f.text().isBlank());
    }

    /**
     * The smallest deviation roll-up that answers the filter, grouped by unit and/or category when asked; empty when
     * none does (the question then reads the deviations).
     */
    static Optional<Level> deviations(Database db, DeviationFilter f, boolean byUnit, boolean byCategory) {
        if (!usable(db, f)) {
            return Optional.empty();
        }
        return DEVIATION_LEVELS.stream().filter(l -> l.answers(f, byUnit, byCategory)).findFirst();
    }

    /** The cause roll-up that answers the filter (none with a status or a category in it). */
    static Optional<Level> causes(Database db, DeviationFilter f) {
        if (!usable(db, f) || (f.statuses() != null && !f.statuses().isEmpty()) || f.categoryId() != null) {
            return Optional.empty();
        }
        return Optional.of(f.unitIds() == null ? CAUSES_ALL_UNITS : CAUSES_PER_UNIT);
    }

    /**
     * The measure roll-up that answers the filter (none with a status or a category in it, as for causes); its
     * {@code cause} column is the measure type's key (0: none).
     */
    static Optional<Level> measures(Database db, DeviationFilter f) {
        if (!usable(db, f) || (f.statuses() != null && !f.statuses().isEmpty()) || f.categoryId() != null) {
            return Optional.empty();
        }
        return Optional.of(f.unitIds() == null ? MEASURES_ALL_UNITS : MEASURES_PER_UNIT);
    }

    /** Whether the action roll-ups (V34) are kept here: a local file; a server reads its base tables. */
    static boolean actionsKept(Database db) {
        return !db.engine().isServer();
    }

    /**
     * A period split into whole months read from the roll-ups ({@code fromYm}..{@code toYm}, "yyyy-MM", null: no
     * bound; none at all when {@code months} is false) and day ranges read from the deviations ({@code edges}).
     */
    record Split(boolean months, String fromYm, String toYm, List<LocalDate[]> edges) { }

    static Split split(DSLContext ctx, LocalDate from, LocalDate to) {
        return split(ctx, from, to, DEVIATION.REGISTERED_ON);
    }

    /**
     * {@link #split} by another date of the deviation (V42, decision 0042: the day it was assessed): a month counts as
     * whole when no deviation has that date on the month's days outside the period.
     */
    static Split split(DSLContext ctx, LocalDate from, LocalDate to, Field<LocalDate> date) {
        return split(from, to, (a, b) -> noneBetween(ctx, date, a, b));
    }

    /**
     * {@link #split} with the probes answered by {@code noneBetween}: true when no deviation has the date in [a, b]
     * (asked only for non-empty ranges). The register's search asks them through its own statements (decision 0044).
     */
    static Split split(LocalDate from, LocalDate to, java.util.function.BiPredicate<LocalDate, LocalDate> noneBetween) {
        java.util.function.BiPredicate<LocalDate, LocalDate> none = (a, b) -> a.isAfter(b) || noneBetween.test(a, b);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                return new Split(false, null, null, List.of());
            }
            if (YearMonth.from(from).equals(YearMonth.from(to))) {
                boolean whole = none.test(from.withDayOfMonth(1), from.minusDays(1))
                        && none.test(to.plusDays(1), YearMonth.from(to).atEndOfMonth());
                return whole ? new Split(true, ym(from), ym(to), List.of())
                        : new Split(false, null, null, List.<LocalDate[]>of(new LocalDate[] {from, to}));
            }
        }
        List<LocalDate[]> edges = new ArrayList<>();
        String fromYm = null;
        if (from != null) {
            if (none.test(from.withDayOfMonth(1), from.minusDays(1))) {
                fromYm = ym(from);
            } else {
                fromYm = ym(from.plusMonths(1));
                edges.add(new LocalDate[] {from, YearMonth.from(from).atEndOfMonth()});
            }
        }
        String toYm = null;
        if (to != null) {
            if (none.test(to.plusDays(1), YearMonth.from(to).atEndOfMonth())) {
                toYm = ym(to);
            } else {
                toYm = ym(to.minusMonths(1));
                edges.add(new LocalDate[] {to.withDayOfMonth(1), to});
            }
        }
        boolean months = fromYm == null || toYm == null || fromYm.compareTo(toYm) <= 0;
        return new Split(months, fromYm, toYm, edges);
    }

    /** The probe of {@link #split} as one statement: whether some deviation is registered in [a, b]. */
    static org.jooq.ResultQuery<org.jooq.Record1<Boolean>> registeredBetween(DSLContext ctx, LocalDate a, LocalDate b) {
        return ctx.select(DSL.field(DSL.exists(DSL.selectOne().from(DEVIATION).where(DEVIATION.REGISTERED_ON.between(a, b)))));
    }

    /** True when no deviation has its {@code date} in [a, b] (true for an empty range). */
    private static boolean noneBetween(DSLContext ctx, Field<LocalDate> date, LocalDate a, LocalDate b) {
        return a.isAfter(b) || !ctx.fetchExists(DSL.selectOne().from(DEVIATION).where(date.between(a, b)));
    }

    /** Whether the roll-up of V42 (decision 0042) is kept here: a local file; a server reads its base tables. */
    static boolean assessedKept(Database db) {
        return !db.engine().isServer();
    }

    private static String ym(LocalDate d) {
        return YearMonth.from(d).toString();
    }

    /** The filter's dimensions and the split's whole months on a roll-up's columns. */
    static Condition months(DeviationFilter f, Split s, Level l) {
        if (!s.months()) {
            return DSL.falseCondition();
        }
        List<Condition> c = new ArrayList<>();
        if (s.fromYm() != null) {
            c.add(l.ym().ge(s.fromYm()));
        }
        if (s.toYm() != null) {
            c.add(l.ym().le(s.toYm()));
        }
        if (f.kinds() != null && !f.kinds().isEmpty()) {
            c.add(l.kind().in(f.kinds().stream().map(Enum::name).toList()));
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            c.add(l.status().in(f.statuses().stream().map(Enum::name).toList()));
        }
        if (f.unitIds() != null) {
            c.add(f.unitIds().isEmpty() ? DSL.falseCondition() : l.unit().in(f.unitIds()));
        }
        if (f.categoryId() != null) {
            c.add(l.categoryKey().eq(f.categoryId()));
        }
        return DSL.and(c);
    }

    /** The deviations of the split's day ranges in the filter (false when there are none). */
    static Condition edges(DeviationFilter f, Split s, LocalDate today) {
        if (s.edges().isEmpty()) {
            return DSL.falseCondition();
        }
        Condition days = DSL.or(s.edges().stream().map(e -> DEVIATION.REGISTERED_ON.between(e[0], e[1])).toList());
        return DeviationRepository.condition(f.withPeriod(null, null), today).and(days);
    }

    /** The category key of a deviation as the roll-ups keep it: its category's id, 0 when none. */
    static Field<Long> categoryKey() {
        return DSL.coalesce(DEVIATION.CATEGORY_ID, DSL.inline(0L));
    }
}
