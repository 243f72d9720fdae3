package se.kvalitetshjulet.domain.spc;

/**
 * One plotted point with the lines drawn at it.
 *
 * <p>Undefined numbers are {@code NaN}, as qicharts2 uses {@code NA}: the value of a missing
 * observation (and of the first point of each part on an MR chart), the limits of a run chart, and
 * the limits of a missing subgroup on U and P charts.
 *
 * @param index       1-based position in the series
 * @param part        1-based part (phase) the point belongs to
 * @param value       the plotted value: the measurement, the count, or numerator / denominator
 * @param centreLine  median (run chart) or mean / weighted mean (control charts) of the part
 * @param lowerLimit  lower 3-sigma control limit, clipped at 0 where qicharts2 clips it
 * @param upperLimit  upper 3-sigma control limit, clipped at 1 for P and P′ charts
 * @param outside     the point is above the upper or below the lower limit (qicharts2's
 *                    {@code sigma.signal}); excluded points can be outside too
 * @param runsSignal  the runs analysis of the point's part signals (qicharts2's {@code runs.signal},
 *                    which is the same for every point of a part)
 * @param excluded    the point was excluded from centre line, limits and runs analysis
 * @param baseline    the point belongs to the baseline the centre line and limits were computed from
 *                    (all points unless a freeze was requested)
 */
public record SpcPoint(
        int index,
        int part,
        double value,
        double centreLine,
        double lowerLimit,
        double upperLimit,
        boolean outside,
        boolean runsSignal,
        boolean excluded,
        boolean baseline) {

    public boolean isMissing() {
        return Double.isNaN(value);
    }

    public boolean hasLimits() {
        return !Double.isNaN(lowerLimit) && !Double.isNaN(upperLimit);
    }
}
