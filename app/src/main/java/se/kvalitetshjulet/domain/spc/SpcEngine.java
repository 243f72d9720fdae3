package se.kvalitetshjulet.domain.spc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes run charts and Shewhart control charts the way the R package qicharts2 (0.8.x,
 * J. Anhøj) does, so that a chart drawn here and one drawn by a quality developer in R agree.
 *
 * <p>The pipeline follows qicharts2's {@code qic.agg}: each value becomes a plotted value (the
 * value itself, or numerator / denominator); the series is split into parts; within each part the
 * chart's centre line and limits are computed from the baseline points that are not excluded; the
 * runs analysis uses every included point of the part; finally each point is checked against its
 * limits.
 *
 * <p>Formulas (sd = one sigma, all limits are centre ± 3 sd):
 * <ul>
 *   <li>RUN: centre = median; no limits.</li>
 *   <li>I: centre = mean; sd = mean moving range / 1.128, the moving ranges taken between
 *       consecutive baseline points; optionally moving ranges ≥ 3.267 × their mean are dropped and
 *       the mean recomputed once.</li>
 *   <li>MR: the values are |y_i − y_{i−1}| within the part; centre = their mean, LCL = 0,
 *       UCL = 3.267 × centre.</li>
 *   <li>C: centre = mean count, sd = √centre.</li>
 *   <li>U: centre = Σy / Σn, sd_i = √(centre / n_i).</li>
 *   <li>P: centre = Σy / Σn, sd_i = √(centre (1 − centre) / n_i).</li>
 *   <li>U′, P′ (Laney): sd_i as for U and P, multiplied by sigma_z = mean |Δz| / 1.128 where
 *       z_i = (y_i − centre) / sd_i over the baseline points (optionally screened as for I).</li>
 * </ul>
 * <ul>
 *   <li>I′ (ip): centre = Σy / Σn; s_i = √(π/2) |r_i − r_{i−1}| / √(1/n_{i−1} + 1/n_i) over all
 *       consecutive points of the part; sd_i = mean(s) × √(1/n_i); screening drops s ≥ 3.2665 × mean(s).</li>
 *   <li>G: m = mean of the baseline; sd = √(m (m + 1)); limits m ± 3 sd (LCL clipped at 0); the
 *       centre line drawn and used for the runs analysis is the median.</li>
 *   <li>T: an I chart of y^(1/3.6), centre line and limits raised to 3.6; an undefined or negative
 *       lower limit becomes 0. Times must be greater than 0.</li>
 * </ul>
 * Lower limits of C, U, P, U′ and P′ are clipped at 0 and upper limits of P and P′ at 1; I chart
 * limits are not clipped (qicharts2's default {@code y.neg = TRUE}). Limits that come out infinite
 * or undefined (a missing subgroup on a U or P chart) are reported as {@code NaN}.
 *
 * <p>Sums and means are computed exactly and rounded once, like R's extended-precision
 * {@code sum()} and {@code mean()}. That matters more than it seems: R's mean of 0.1, 0.2 and 0.3
 * is exactly 0.2, a naive double sum gives 0.20000000000000004, and a point at 0.2 would then be
 * counted above the centre line instead of on it.
 */
public final class SpcEngine {
    /** d2 for moving ranges of two, as rounded by qicharts2. */
    static final double D2 = 1.128;
    /** D4 for moving ranges of two, as rounded by qicharts2. */
    static final double D4 = 3.267;

    /** The screening factor qicharts2 uses for the I′ chart's spread (3.2665, not 3.267). */
    static final double IP_SCREEN = 3.2665;
    /** Nelson's power for times between events. */
    static final double T_POWER = 3.6;

    private static final MathContext EXACT_ENOUGH = new MathContext(60);

    private SpcEngine() {
    }

    public static SpcResult compute(SpcRequest request) {
        ChartType chart = request.chart();
        int n = request.size();
        double[] value = new double[n];
        double[] numerator = new double[n];
        double[] denominator = new double[n];
        boolean[] included = new boolean[n];
        boolean[] baseline = new boolean[n];
        int freeze = request.freeze().orElse(n);
        for (int i = 0; i < n; i++) {
            double y = request.values().get(i);
            if (chart == ChartType.IP && !request.hasDenominators()) {
                // qicharts2: without denominators every subgroup counts once (n = y.length).
                numerator[i] = y;
                denominator[i] = Double.isNaN(y) ? 0 : 1;
                value[i] = y;
            } else if (request.hasDenominators()) {
                double d = request.denominators().get(i);
                boolean missing = Double.isNaN(y) || Double.isNaN(d);
                // As qicharts2: an incomplete case has no numerator and a denominator of 0.
                numerator[i] = missing ? Double.NaN : y;
                denominator[i] = missing ? 0 : d;
                value[i] = missing ? Double.NaN : y / d;
            } else {
                numerator[i] = y;
                denominator[i] = Double.NaN;
                value[i] = y;
            }
            included[i] = true;
            baseline[i] = i < freeze;
        }
        for (int excludedIndex : request.excluded()) {
            included[excludedIndex - 1] = false;
        }

        List<SpcPoint> points = new ArrayList<>(n);
        List<SpcPart> parts = new ArrayList<>();
        int[] starts = partStarts(request.partBreaks());
        for (int p = 0; p < starts.length; p++) {
            int from = starts[p];
            int to = p + 1 < starts.length ? starts[p + 1] : n;
            Segment segment = new Segment(
                    Arrays.copyOfRange(value, from, to),
                    Arrays.copyOfRange(numerator, from, to),
                    Arrays.copyOfRange(denominator, from, to),
                    Arrays.copyOfRange(included, from, to),
                    Arrays.copyOfRange(baseline, from, to));
            Lines lines = computeLines(chart, segment, request.screenMovingRanges());
            RunsAnalysis runs = RunsRules.analyse(lines.values(), lines.centre(), segment.included());
            if (!chart.runsRulesApply()) {
                runs = runs.withoutSignal();
            }
            int outsideCount = 0;
            for (int k = 0; k < to - from; k++) {
                double y = lines.values()[k];
                double lcl = finiteOrNaN(lines.lower()[k]);
                double ucl = finiteOrNaN(lines.upper()[k]);
                boolean outside = y > ucl || y < lcl;
                if (outside) {
                    outsideCount++;
                }
                points.add(new SpcPoint(from + k + 1, p + 1, y, lines.centre(), lcl, ucl, outside,
                        runs.signal(), !segment.included()[k], segment.baseline()[k]));
            }
            parts.add(new SpcPart(p + 1, from + 1, to, lines.centre(), runs, outsideCount));
        }
        return new SpcResult(chart, points, parts);
    }

    /** 0-based start of each part; a break after point K starts a part at 0-based index K. */
    private static int[] partStarts(List<Integer> breaks) {
        int[] starts = new int[breaks.size() + 1];
        for (int i = 0; i < breaks.size(); i++) {
            starts[i + 1] = breaks.get(i);
        }
        return starts;
    }

    /** The data of one part; {@code denominator} is NaN throughout when there are no denominators. */
    private record Segment(double[] value, double[] numerator, double[] denominator, boolean[] included,
                           boolean[] baseline) {

        int size() {
            return value.length;
        }

        /** Points used for centre line and limits: in the baseline and not excluded. */
        boolean isBase(int k) {
            return baseline[k] && included[k];
        }

        double[] baseValues(double[] source) {
            double[] out = new double[size()];
            int count = 0;
            for (int k = 0; k < size(); k++) {
                if (isBase(k)) {
                    out[count++] = source[k];
                }
            }
            return Arrays.copyOf(out, count);
        }
    }

    /** The plotted values (transformed for MR charts), centre line and per-point limits of a part. */
    private record Lines(double[] values, double centre, double[] lower, double[] upper) {
    }

    private static Lines computeLines(ChartType chart, Segment s, boolean screen) {
        return switch (chart) {
            case RUN -> runChart(s);
            case I -> individuals(s, screen);
            case MR -> movingRanges(s);
            case C -> counts(s);
            case U -> rates(s, false, screen);
            case UP -> rates(s, true, screen);
            case P -> proportions(s, false, screen);
            case PP -> proportions(s, true, screen);
            case IP -> primeIndividuals(s, screen);
            case G -> geometric(s);
            case T -> timeBetween(s, screen);
        };
    }

    private static Lines runChart(Segment s) {
        double centre = median(s.baseValues(s.value()));
        return new Lines(s.value(), centre, filled(s.size(), Double.NaN), filled(s.size(), Double.NaN));
    }

    private static Lines individuals(Segment s, boolean screen) {
        double centre = mean(s.baseValues(s.value()));
        // qicharts2 takes the moving ranges of (y - cl) over the baseline points, in order;
        // excluded points are skipped, so a range bridges them, while a missing value breaks two.
        double[] base = s.baseValues(s.value());
        double[] deviations = new double[base.length];
        for (int k = 0; k < base.length; k++) {
            deviations[k] = base[k] - centre;
        }
        double sd = averageMovingRange(deviations, screen) / D2;
        double lcl = centre - 3 * sd;
        double ucl = centre + 3 * sd;
        return new Lines(s.value(), centre, filled(s.size(), lcl), filled(s.size(), ucl));
    }

    /**
     * qicharts2's {@code qic.ip}. As there, the moving ranges are taken over every consecutive pair of the
     * part (not only the baseline), while the centre line comes from the baseline.
     */
    private static Lines primeIndividuals(Segment s, boolean screen) {
        double centre = sum(s.baseValues(s.numerator())) / sum(s.baseValues(s.denominator()));
        int n = s.size();
        double[] spread = new double[Math.max(n - 1, 0)];
        for (int k = 1; k < n; k++) {
            double d1 = Math.abs(s.value()[k] - s.value()[k - 1]);
            double d2 = Math.sqrt(1 / s.denominator()[k - 1] + 1 / s.denominator()[k]);
            spread[k - 1] = Math.sqrt(Math.PI / 2) * d1 / d2;
        }
        double average = mean(spread);
        if (screen) {
            double limit = IP_SCREEN * average;
            average = mean(Arrays.stream(spread).filter(x -> x < limit).toArray());
        }
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int k = 0; k < n; k++) {
            double sd = average * Math.sqrt(1 / s.denominator()[k]);
            lower[k] = centre - 3 * sd;
            upper[k] = centre + 3 * sd;
        }
        return new Lines(s.value(), centre, lower, upper);
    }

    /** qicharts2's {@code qic.g}: limits from the mean (Montgomery p. 319), the median as centre line. */
    private static Lines geometric(Segment s) {
        double[] base = s.baseValues(s.value());
        double m = mean(base);
        double sd = Math.sqrt(m * (m + 1));
        double ucl = m + 3 * sd;
        double lcl = clipAtZero(m - 3 * sd);
        return new Lines(s.value(), median(base), filled(s.size(), lcl), filled(s.size(), ucl));
    }

    /** qicharts2's {@code qic.t}: an I chart of y^(1/3.6), back-transformed; an undefined LCL is 0. */
    private static Lines timeBetween(Segment s, boolean screen) {
        double[] transformed = new double[s.size()];
        for (int k = 0; k < s.size(); k++) {
            transformed[k] = Math.pow(s.value()[k], 1 / T_POWER);
        }
        Segment t = new Segment(transformed, transformed, s.denominator(), s.included(), s.baseline());
        Lines i = individuals(t, screen);
        double centre = Math.pow(i.centre(), T_POWER);
        double[] lower = new double[s.size()];
        double[] upper = new double[s.size()];
        for (int k = 0; k < s.size(); k++) {
            double lcl = Math.pow(i.lower()[k], T_POWER);
            lower[k] = Double.isNaN(lcl) || lcl < 0 ? 0 : lcl;
            upper[k] = Math.pow(i.upper()[k], T_POWER);
        }
        return new Lines(s.value(), centre, lower, upper);
    }

    private static Lines movingRanges(Segment s) {
        double[] ranges = new double[s.size()];
        ranges[0] = Double.NaN;
        for (int k = 1; k < s.size(); k++) {
            ranges[k] = Math.abs(s.value()[k] - s.value()[k - 1]);
        }
        double centre = mean(s.baseValues(ranges));
        double ucl = D4 * centre;
        return new Lines(ranges, centre, filled(s.size(), 0), filled(s.size(), ucl));
    }

    private static Lines counts(Segment s) {
        double centre = mean(s.baseValues(s.numerator()));
        double sd = Math.sqrt(centre);
        double lcl = clipAtZero(centre - 3 * sd);
        double ucl = centre + 3 * sd;
        return new Lines(s.numerator(), centre, filled(s.size(), lcl), filled(s.size(), ucl));
    }

    private static Lines rates(Segment s, boolean laney, boolean screen) {
        double centre = sum(s.baseValues(s.numerator())) / sum(s.baseValues(s.denominator()));
        double[] sd = new double[s.size()];
        for (int k = 0; k < s.size(); k++) {
            sd[k] = Math.sqrt(centre / s.denominator()[k]);
        }
        if (laney) {
            scaleByLaneySigma(s, centre, sd, screen);
        }
        double[] lower = new double[s.size()];
        double[] upper = new double[s.size()];
        for (int k = 0; k < s.size(); k++) {
            upper[k] = centre + 3 * sd[k];
            lower[k] = clipAtZero(centre - 3 * sd[k]);
        }
        return new Lines(s.value(), centre, lower, upper);
    }

    private static Lines proportions(Segment s, boolean laney, boolean screen) {
        double centre = sum(s.baseValues(s.numerator())) / sum(s.baseValues(s.denominator()));
        double[] sd = new double[s.size()];
        for (int k = 0; k < s.size(); k++) {
            sd[k] = Math.sqrt(centre * (1 - centre) / s.denominator()[k]);
        }
        if (laney) {
            scaleByLaneySigma(s, centre, sd, screen);
        }
        double[] lower = new double[s.size()];
        double[] upper = new double[s.size()];
        for (int k = 0; k < s.size(); k++) {
            double ucl = centre + 3 * sd[k];
            upper[k] = Double.isFinite(ucl) && ucl > 1 ? 1 : ucl;
            lower[k] = clipAtZero(centre - 3 * sd[k]);
        }
        return new Lines(s.value(), centre, lower, upper);
    }

    /**
     * Laney's adjustment: the between-subgroup variation is estimated from the moving ranges of the
     * z-scores of the baseline points, and every sd is multiplied by sigma_z.
     */
    private static void scaleByLaneySigma(Segment s, double centre, double[] sd, boolean screen) {
        double[] z = new double[s.size()];
        int count = 0;
        for (int k = 0; k < s.size(); k++) {
            if (s.isBase(k)) {
                z[count++] = (s.value()[k] - centre) / sd[k];
            }
        }
        double sigmaZ = averageMovingRange(Arrays.copyOf(z, count), screen) / D2;
        for (int k = 0; k < sd.length; k++) {
            sd[k] = sd[k] * sigmaZ;
        }
    }

    /**
     * Mean of |x_k − x_{k−1}|, ignoring ranges that involve a missing value. With screening, ranges
     * at or above 3.267 × that mean are dropped and the mean is taken again (Nelson 1982), once.
     */
    static double averageMovingRange(double[] series, boolean screen) {
        double[] ranges = new double[Math.max(series.length - 1, 0)];
        for (int k = 1; k < series.length; k++) {
            ranges[k - 1] = Math.abs(series[k] - series[k - 1]);
        }
        double average = mean(ranges);
        if (screen) {
            double upperLimit = D4 * average;
            double[] kept = Arrays.stream(ranges).filter(r -> r < upperLimit).toArray();
            average = mean(kept);
        }
        return average;
    }

    /** Exact sum of the non-missing values, rounded once (R's {@code sum(x, na.rm = TRUE)}). */
    static double sum(double[] xs) {
        BigDecimal total = BigDecimal.ZERO;
        for (double x : xs) {
            if (!Double.isNaN(x)) {
                total = total.add(new BigDecimal(x));
            }
        }
        return total.doubleValue();
    }

    /** Exact mean of the non-missing values, rounded once; NaN if there are none. */
    static double mean(double[] xs) {
        BigDecimal total = BigDecimal.ZERO;
        int count = 0;
        for (double x : xs) {
            if (!Double.isNaN(x)) {
                total = total.add(new BigDecimal(x));
                count++;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        return total.divide(BigDecimal.valueOf(count), EXACT_ENOUGH).doubleValue();
    }

    /** Median of the non-missing values (mean of the middle two for an even count); NaN if none. */
    static double median(double[] xs) {
        double[] sorted = Arrays.stream(xs).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int m = sorted.length;
        if (m == 0) {
            return Double.NaN;
        }
        if (m % 2 == 1) {
            return sorted[m / 2];
        }
        return mean(new double[] {sorted[m / 2 - 1], sorted[m / 2]});
    }

    private static double clipAtZero(double lcl) {
        return Double.isFinite(lcl) && lcl < 0 ? 0 : lcl;
    }

    private static double finiteOrNaN(double x) {
        return Double.isFinite(x) ? x : Double.NaN;
    }

    private static double[] filled(int size, double x) {
        double[] out = new double[size];
        Arrays.fill(out, x);
        return out;
    }
}
