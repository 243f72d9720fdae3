package se.kvalitetshjulet.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.kvalitetshjulet.data.repo.DenominatorRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.trend.Granularity;
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

    public TrendService(DeviationRepository deviations, DenominatorRepository denominators) {
        this.deviations = deviations;
        this.denominators = denominators;
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
