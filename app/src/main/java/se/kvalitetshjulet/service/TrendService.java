package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.selfcheck.TemplateFamily;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.kvalitetshjulet.data.repo.ChartRepository;
import se.kvalitetshjulet.data.repo.DenominatorRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.risk.MatrixCounts;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.trend.ActionBacklog;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.Pareto;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.domain.trend.TrendPoint;

/**
 * Builds trend series for charts: counted per month in the database, folded into months,
 * tertials or years here, and with denominators for rates and shares.
 *
 * <p>No invented zeros: a series begins with the first period in which its units have data (the
 * first deviation registered in them, or for rates the first month with a denominator), so a unit
 * started in 2025 has no points in 2023–2024. From there every period is present: a period without
 * deviations is a real zero, while a period without a denominator is a gap ({@code NaN}), never a
 * zero.
 */
public final class TrendService {
    private final DeviationRepository deviations;
    private final DenominatorRepository denominators;
    private final ChartRepository charts;

    public TrendService(DeviationRepository deviations, DenominatorRepository denominators, ChartRepository charts) {
        this.deviations = deviations;
        this.denominators = denominators;
        this.charts = charts;
    }

    /** What a Pareto chart counts. */
    public enum ParetoSubject { CATEGORIES, CAUSES, MEASURE_TYPES }

    /** Counts per group for the filter (its period included), grouped in the database, sorted and accumulated here. */
    public Pareto pareto(ParetoSubject subject, DeviationFilter filter, LocalDate today) {
        return Pareto.of(switch (subject) {
            case CATEGORIES -> charts.paretoCategories(filter, today);
            case CAUSES -> charts.paretoCauses(filter, today);
            case MEASURE_TYPES -> charts.paretoMeasureTypes(filter, today);
        });
    }

    public List<TemplateFamily> templateFamilies() {
        return charts.templateFamilies();
    }

    /** Compliance per round of a self-check template family, for the units ({@code null}: all). */
    public List<ChartRepository.RoundCompliance> compliance(long familyId, Set<Long> unitIds) {
        return charts.compliance(familyId, unitIds);
    }

    /**
     * The risk matrix of the analyses made with one template (its matrix given), for the units ({@code null}: all)
     * and the analyses dated in [from, to]: risks per cell before and after measures, counted in the database.
     */
    public MatrixCounts riskMatrix(long templateId, RiskMatrix matrix, Set<Long> unitIds, LocalDate from, LocalDate to) {
        long analyses = charts.riskAnalysesPerTemplate(unitIds, from, to).getOrDefault(templateId, 0L);
        return MatrixCounts.of(matrix, charts.riskCells(templateId, unitIds, from, to), analyses);
    }

    /** Analyses per template for the units ({@code null}: all) dated in [from, to]. */
    public Map<Long, Long> riskAnalysesPerTemplate(Set<Long> unitIds, LocalDate from, LocalDate to) {
        return charts.riskAnalysesPerTemplate(unitIds, from, to);
    }

    /** Open improvement actions, and of those overdue, at each month end from {@code from} to {@code to}. */
    public List<ActionBacklog.MonthEnd> actionBacklog(Set<Long> unitIds, LocalDate from, LocalDate to) {
        Map<YearMonth, Long> opened = new HashMap<>();
        Map<YearMonth, Long> closed = new HashMap<>();
        Map<YearMonth, Long> overdueFrom = new HashMap<>();
        Map<YearMonth, Long> overdueTo = new HashMap<>();
        for (ChartRepository.ActionMonths a : charts.actionMonths(unitIds)) {
            YearMonth o = YearMonth.parse(a.opened());
            YearMonth d = a.done() == null ? null : YearMonth.parse(a.done());
            opened.merge(o, a.count(), Long::sum);
            if (d != null) {
                closed.merge(d, a.count(), Long::sum);
            }
            if (a.overdueFrom() != null) {
                YearMonth f = YearMonth.parse(a.overdueFrom());
                if (d == null || d.isAfter(f)) {
                    overdueFrom.merge(f, a.count(), Long::sum);
                    if (d != null) {
                        overdueTo.merge(d, a.count(), Long::sum);
                    }
                }
            }
        }
        return ActionBacklog.fold(new ActionBacklog.Deltas(opened, closed, overdueFrom, overdueTo), from, to);
    }

    /**
     * @param filter what to count (its own period is replaced by [from, to])
     * @param from   first day of the first period
     * @param to     last day to include
     */
    public List<TrendPoint> series(DeviationFilter filter, Granularity g, TrendMeasure measure, LocalDate from,
                                   LocalDate to, LocalDate today) {
        LocalDate start = g.periodStart(from.getYear(), from.getMonthValue());
        LocalDate first = firstWithData(filter.unitIds(), measure, start, to);
        if (first == null) {
            return List.of();
        }
        if (first.isAfter(start)) {
            start = g.periodStart(first.getYear(), first.getMonthValue());
        }
        DeviationFilter f = filter.withPeriod(start, to);
        Map<LocalDate, double[]> byPeriod = new HashMap<>();
        for (DeviationRepository.MonthTotal m : deviations.monthlyTotals(f, today)) {
            byPeriod.computeIfAbsent(g.periodStart(m.year(), m.month()), k -> new double[2])[0] += m.count();
        }
        if (measure == TrendMeasure.SHARE) {
            DeviationFilter all = DeviationFilter.all().withUnits(filter.unitIds()).withPeriod(start, to);
            for (DeviationRepository.MonthTotal m : deviations.monthlyTotals(all, today)) {
                byPeriod.computeIfAbsent(g.periodStart(m.year(), m.month()), k -> new double[2])[1] += m.count();
            }
        } else if (measure.needsDenominator()) {
            Set<Long> units = filter.unitIds();
            for (DenominatorRepository.MonthSum m : denominators.monthlySums(units, start, to)) {
                double d = measure == TrendMeasure.PER_1000_CARE_DAYS ? m.careDays() : m.recipients();
                byPeriod.computeIfAbsent(g.periodStart(m.year(), m.month()), k -> new double[2])[1] += d / measure.scale();
            }
        }
        List<TrendPoint> out = new ArrayList<>();
        for (LocalDate p = start; !p.isAfter(to); p = g.next(p)) {
            double[] v = byPeriod.getOrDefault(p, new double[2]);
            out.add(new TrendPoint(p, g.label(p), v[0], measure.needsDenominator() ? v[1] : null));
        }
        return out;
    }

    /**
     * The first day from which the units have data for this measure: their first registered deviation (counts and
     * shares) or their first month with a denominator of the measure's kind (rates); {@code null} when there is none
     * up to {@code to}.
     */
    private LocalDate firstWithData(Set<Long> units, TrendMeasure measure, LocalDate from, LocalDate to) {
        if (measure == TrendMeasure.PER_1000_CARE_DAYS || measure == TrendMeasure.PER_100_RECIPIENTS) {
            LocalDate earliest = LocalDate.of(1900, 1, 1);
            return denominators.monthlySums(units, earliest, to).stream()
                    .filter(m -> (measure == TrendMeasure.PER_1000_CARE_DAYS ? m.careDays() : m.recipients()) > 0)
                    .map(m -> LocalDate.of(m.year(), m.month(), 1)).min(LocalDate::compareTo).orElse(null);
        }
        return charts.firstRegistered(units).filter(d -> !d.isAfter(to)).orElse(null);
    }

    /**
     * Rare events as G and T charts need them: for each day with an event in the filter (its period replaced by
     * [from, to]), the days since the previous event day and the deviations of any kind registered in the same units
     * between the two (the event day's other deviations included). The first event has no predecessor and no point.
     */
    public List<BetweenEvents> betweenEvents(DeviationFilter filter, LocalDate from, LocalDate to, LocalDate today) {
        List<ChartRepository.DayCount> events = charts.dailyCounts(filter.withPeriod(from, to), today);
        if (events.size() < 2) {
            return List.of();
        }
        DeviationFilter all = DeviationFilter.all().withUnits(filter.unitIds()).withPeriod(from, to);
        Map<LocalDate, Long> allByDay = new HashMap<>();
        for (ChartRepository.DayCount d : charts.dailyCounts(all, today)) {
            allByDay.put(d.day(), d.count());
        }
        Map<LocalDate, Long> eventsByDay = new HashMap<>();
        for (ChartRepository.DayCount d : events) {
            eventsByDay.put(d.day(), d.count());
        }
        List<LocalDate> allDays = allByDay.keySet().stream().sorted().toList();
        List<BetweenEvents> out = new ArrayList<>();
        for (int i = 1; i < events.size(); i++) {
            LocalDate previous = events.get(i - 1).day();
            LocalDate day = events.get(i).day();
            long between = 0;
            for (LocalDate d : allDays) {
                if (d.isAfter(previous) && !d.isAfter(day)) {
                    between += allByDay.get(d) - eventsByDay.getOrDefault(d, 0L);
                }
            }
            out.add(new BetweenEvents(day, java.time.temporal.ChronoUnit.DAYS.between(previous, day), between));
        }
        return out;
    }

    /** One rare event after the first: its day, the days since the previous one and the other deviations between. */
    public record BetweenEvents(LocalDate day, long days, long deviationsBetween) { }
}
