package se.kvalitetshjulet.domain.keyfigure;

/**
 * The uncertainty of a share (andel) measured among n people.
 *
 * <p>We use the <b>Wilson score interval</b> at 95 %: unlike the textbook "p ± 1.96·√(p(1−p)/n)" (the Wald interval) it
 * never goes below 0 % or above 100 %, and it keeps its promised coverage when the share is near 0 or 100 % and n is
 * small — which is exactly where the survey's unit results lie (often 85–100 % positive among 30–60 respondents).
 * It is what Socialstyrelsen's and SKR's guidance on comparing small groups recommends for proportions.
 */
public final class Intervals {
    /** The standard normal quantile for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    private Intervals() {
    }

    /**
     * The Wilson interval for {@code successes} of {@code n}, as fractions 0–1.
     *
     * @throws IllegalArgumentException when n &lt; 1 or successes is outside 0..n
     */
    public static Interval wilson(double successes, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in 0.." + n + ": " + successes);
        }
        double p = successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The Wilson interval in percent for a share published in percent (0–100) among {@code n} respondents. */
    public static Interval wilsonPercent(double sharePercent, int n) {
        double p = Math.max(0, Math.min(100, sharePercent)) / 100.0;
        Interval i = wilson(p * n, n);
        return new Interval(i.lower() * 100, i.upper() * 100);
    }
}
