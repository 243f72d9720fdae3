package se.kvalitetshjulet.service;

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
 * tertials or years here, with every period present (a period without deviations is a real
 * zero, not a gap), and with denominators for rates and shares.
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

    public List<ChartRepository.TemplateFamily> templateFamilies() {
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
}
