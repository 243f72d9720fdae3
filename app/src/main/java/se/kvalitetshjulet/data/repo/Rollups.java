package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.AGG_CAUSE_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_MONTH;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/**
 * Reading the roll-up aggregates of migration V25 (decision 0021): deviations and stated causes counted per month ×
 * unit × kind × category × status, kept exact by triggers in the transaction of every write.
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

    /** Whether the roll-ups can answer the filter on this database. */
    static boolean answers(Database db, DeviationFilter f) {
        return !db.engine().isServer() && !f.overdueOnly() && f.ivoLateBefore() == null
                && (f.text() == null || f.text().isBlank());
    }

    /**
     * A period split into whole months read from the roll-ups ({@code fromYm}..{@code toYm}, "yyyy-MM", null: no
     * bound; none at all when {@code months} is false) and day ranges read from the deviations ({@code edges}).
     */
    record Split(boolean months, String fromYm, String toYm, List<LocalDate[]> edges) { }

    static Split split(DSLContext ctx, LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                return new Split(false, null, null, List.of());
            }
            if (YearMonth.from(from).equals(YearMonth.from(to))) {
                boolean whole = noneBetween(ctx, from.withDayOfMonth(1), from.minusDays(1))
                        && noneBetween(ctx, to.plusDays(1), YearMonth.from(to).atEndOfMonth());
                return whole ? new Split(true, ym(from), ym(to), List.of())
                        : new Split(false, null, null, List.<LocalDate[]>of(new LocalDate[] {from, to}));
            }
        }
        List<LocalDate[]> edges = new ArrayList<>();
        String fromYm = null;
        if (from != null) {
            if (noneBetween(ctx, from.withDayOfMonth(1), from.minusDays(1))) {
                fromYm = ym(from);
            } else {
                fromYm = ym(from.plusMonths(1));
                edges.add(new LocalDate[] {from, YearMonth.from(from).atEndOfMonth()});
            }
        }
        String toYm = null;
        if (to != null) {
            if (noneBetween(ctx, to.plusDays(1), YearMonth.from(to).atEndOfMonth())) {
                toYm = ym(to);
            } else {
                toYm = ym(to.minusMonths(1));
                edges.add(new LocalDate[] {to.withDayOfMonth(1), to});
            }
        }
        boolean months = fromYm == null || toYm == null || fromYm.compareTo(toYm) <= 0;
        return new Split(months, fromYm, toYm, edges);
    }

    /** True when no deviation is registered in [a, b] (true for an empty range). */
    private static boolean noneBetween(DSLContext ctx, LocalDate a, LocalDate b) {
        return a.isAfter(b) || !ctx.fetchExists(DSL.selectOne().from(DEVIATION).where(DEVIATION.REGISTERED_ON.between(a, b)));
    }

    private static String ym(LocalDate d) {
        return YearMonth.from(d).toString();
    }

    /** The filter's dimensions and the split's months on a roll-up table's columns. */
    private static Condition months(DeviationFilter f, Split s, Field<String> ym, Field<Long> unit, Field<String> kind,
                                    Field<Long> categoryKey, Field<String> status) {
        if (!s.months()) {
            return DSL.falseCondition();
        }
        List<Condition> c = new ArrayList<>();
        if (s.fromYm() != null) {
            c.add(ym.ge(s.fromYm()));
        }
        if (s.toYm() != null) {
            c.add(ym.le(s.toYm()));
        }
        if (f.kinds() != null && !f.kinds().isEmpty()) {
            c.add(kind.in(f.kinds().stream().map(Enum::name).toList()));
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            if (status == null) {
                throw new IllegalArgumentException("This roll-up keeps no status: " + f);
            }
            c.add(status.in(f.statuses().stream().map(Enum::name).toList()));
        }
        if (f.unitIds() != null) {
            c.add(f.unitIds().isEmpty() ? DSL.falseCondition() : unit.in(f.unitIds()));
        }
        if (f.categoryId() != null) {
            if (categoryKey == null) {
                throw new IllegalArgumentException("This roll-up keeps no category: " + f);
            }
            c.add(categoryKey.eq(f.categoryId()));
        }
        return DSL.and(c);
    }

    static Condition deviationMonths(DeviationFilter f, Split s) {
        var a = AGG_DEVIATION_MONTH;
        return months(f, s, a.YM, a.UNIT_ID, a.KIND, a.CATEGORY_KEY, a.STATUS);
    }

    /** Whether the cause roll-up (month × unit × kind × cause) can answer the filter: no status or category in it. */
    static boolean answersCauses(Database db, DeviationFilter f) {
        return answers(db, f) && (f.statuses() == null || f.statuses().isEmpty()) && f.categoryId() == null;
    }

    /** For a filter {@link #answersCauses} accepts. */
    static Condition causeMonths(DeviationFilter f, Split s) {
        var a = AGG_CAUSE_MONTH;
        return months(f, s, a.YM, a.UNIT_ID, a.KIND, null, null);
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
