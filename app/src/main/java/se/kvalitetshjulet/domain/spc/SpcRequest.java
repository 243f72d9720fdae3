package se.kvalitetshjulet.domain.spc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Everything the {@link SpcEngine} needs for one chart, validated on construction so that the
 * engine itself never has to guess.
 *
 * <p>Indices follow qicharts2 and are 1-based, because that is how staff count the points on a
 * chart ("punkt 7 var under en semestervecka"):
 * <ul>
 *   <li>{@code freeze} = K: centre line and limits come from points 1..K and are extended over the
 *       rest (a baseline). As in qicharts2 it cannot be combined with parts.</li>
 *   <li>{@code partBreaks} = K1, K2, ...: a new part (phase) starts after point K1, after K2, ...,
 *       e.g. after the last month before "ny rutin införd". Each part gets its own centre line,
 *       limits and runs analysis.</li>
 *   <li>{@code excluded}: points that are shown but not used for centre line, limits or runs
 *       analysis (qicharts2's {@code exclude}).</li>
 * </ul>
 *
 * @param chart              the chart type
 * @param values             the numerators or measurements; {@code NaN} (or {@code null} on
 *                           construction) marks a missing observation
 * @param denominators       one denominator per value, or an empty list when there are none;
 *                           {@code NaN} marks a missing denominator, which makes the point missing
 * @param freeze             the number of baseline points, if any
 * @param partBreaks         sorted, distinct points after which a new part starts
 * @param excluded           sorted, distinct points excluded from the calculations
 * @param screenMovingRanges whether moving ranges at or above 3.267 × their mean are dropped before
 *                           the mean is recomputed (qicharts2's option {@code qic.screenedmr}; used
 *                           by I, I′, T, P′ and U′ charts). {@code library(qicharts2)} sets it to
 *                           TRUE when the package is attached, so the factory methods here default to
 *                           {@link #QICHARTS2_SCREENING} (decision 0014).
 */
public record SpcRequest(
        ChartType chart,
        List<Double> values,
        List<Double> denominators,
        OptionalInt freeze,
        List<Integer> partBreaks,
        List<Integer> excluded,
        boolean screenMovingRanges) {

    /** What a qicharts2 user gets after {@code library(qicharts2)}: {@code options(qic.screenedmr = TRUE)}. */
    public static final boolean QICHARTS2_SCREENING = true;

    public SpcRequest {
        Objects.requireNonNull(chart, "chart");
        values = withNaNForNull(Objects.requireNonNull(values, "values"));
        denominators = denominators == null ? List.of() : withNaNForNull(denominators);
        freeze = freeze == null ? OptionalInt.empty() : freeze;
        partBreaks = sortedDistinct(partBreaks);
        excluded = sortedDistinct(excluded);
        validate(chart, values, denominators, freeze, partBreaks, excluded);
    }

    /** A request with only the chart type and values; add the rest with the {@code with...} methods. */
    public static SpcRequest of(ChartType chart, List<Double> values) {
        return of(chart, values, List.of());
    }

    public static SpcRequest of(ChartType chart, double... values) {
        return of(chart, Arrays.stream(values).boxed().toList());
    }

    /** A request with numerators and denominators (U, P, P′, U′; optional for run, I and MR charts). */
    public static SpcRequest of(ChartType chart, List<Double> values, List<Double> denominators) {
        return new SpcRequest(chart, values, denominators, OptionalInt.empty(), List.of(), List.of(),
                QICHARTS2_SCREENING);
    }

    public static SpcRequest of(ChartType chart, double[] values, double[] denominators) {
        return of(chart, Arrays.stream(values).boxed().toList(), Arrays.stream(denominators).boxed().toList());
    }

    /** Computes centre line and limits from the first {@code points} points only. */
    public SpcRequest withFreeze(int points) {
        return new SpcRequest(chart, values, denominators, OptionalInt.of(points), partBreaks, excluded,
                screenMovingRanges);
    }

    /** Starts a new part after each of the given (1-based) points. */
    public SpcRequest withPartBreaks(List<Integer> breaks) {
        return new SpcRequest(chart, values, denominators, freeze, breaks, excluded, screenMovingRanges);
    }

    public SpcRequest withPartBreaks(Integer... breaks) {
        return withPartBreaks(List.of(breaks));
    }

    /** Excludes the given (1-based) points from centre line, limits and runs analysis. */
    public SpcRequest withExcluded(List<Integer> points) {
        return new SpcRequest(chart, values, denominators, freeze, partBreaks, points, screenMovingRanges);
    }

    public SpcRequest withExcluded(Integer... points) {
        return withExcluded(List.of(points));
    }

    public SpcRequest withScreenedMovingRanges(boolean screen) {
        return new SpcRequest(chart, values, denominators, freeze, partBreaks, excluded, screen);
    }

    public int size() {
        return values.size();
    }

    public boolean hasDenominators() {
        return !denominators.isEmpty();
    }

    private static List<Double> withNaNForNull(List<Double> list) {
        List<Double> copy = new ArrayList<>(list.size());
        for (Double d : list) {
            copy.add(d == null ? Double.NaN : d);
        }
        return List.copyOf(copy);
    }

    private static List<Integer> sortedDistinct(List<Integer> list) {
        if (list == null) {
            return List.of();
        }
        TreeSet<Integer> set = new TreeSet<>();
        for (Integer i : list) {
            set.add(Objects.requireNonNull(i, "index"));
        }
        return List.copyOf(set);
    }

    private static void validate(ChartType chart, List<Double> values, List<Double> denominators,
                                 OptionalInt freeze, List<Integer> partBreaks, List<Integer> excluded) {
        int n = values.size();
        if (n == 0) {
            throw new InvalidSpcRequestException("error.values.empty");
        }
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(values.get(i))) {
                throw new InvalidSpcRequestException("error.value.notFinite", i + 1);
            }
        }
        switch (chart.denominators()) {
            case REQUIRED -> {
                if (denominators.isEmpty()) {
                    throw new InvalidSpcRequestException("error.denominators.required", chart.code());
                }
            }
            case NOT_ALLOWED -> {
                if (!denominators.isEmpty()) {
                    throw new InvalidSpcRequestException("error.denominators.notAllowed", chart.code());
                }
            }
            case OPTIONAL -> { }
        }
        if (!denominators.isEmpty() && denominators.size() != n) {
            throw new InvalidSpcRequestException("error.denominators.length", denominators.size(), n);
        }
        for (int i = 0; i < denominators.size(); i++) {
            double d = denominators.get(i);
            if (!Double.isNaN(d) && !(d > 0 && Double.isFinite(d))) {
                throw new InvalidSpcRequestException("error.denominator.notPositive", i + 1, format(d));
            }
        }
        boolean counts = chart.denominators() != ChartType.Denominators.OPTIONAL;
        for (int i = 0; i < n; i++) {
            double v = values.get(i);
            if (counts && v < 0) {
                throw new InvalidSpcRequestException("error.value.negative", i + 1, chart.code());
            }
            if (chart == ChartType.T && !(v > 0) && !Double.isNaN(v)) {
                throw new InvalidSpcRequestException("error.value.notPositiveTime", i + 1, format(v));
            }
            if ((chart == ChartType.P || chart == ChartType.PP) && v > denominators.get(i)) {
                throw new InvalidSpcRequestException("error.value.aboveDenominator", i + 1, format(v),
                        format(denominators.get(i)));
            }
        }
        if (freeze.isPresent()) {
            if (!partBreaks.isEmpty()) {
                throw new InvalidSpcRequestException("error.freeze.withParts");
            }
            int k = freeze.getAsInt();
            if (k < 1 || k > n) {
                throw new InvalidSpcRequestException("error.freeze.range", k, n);
            }
        }
        for (int k : partBreaks) {
            if (k < 1 || k >= n) {
                throw new InvalidSpcRequestException("error.part.range", k, n - 1);
            }
        }
        for (int k : excluded) {
            if (k < 1 || k > n) {
                throw new InvalidSpcRequestException("error.exclude.range", k, n);
            }
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
