package se.kvalitetshjulet.domain.spc;

import java.math.BigDecimal;

/**
 * The Anhøj rules for non-random variation, as qicharts2 applies them (Anhøj &amp; Olesen 2014,
 * "Run charts revisited", PLoS ONE 9(11): e113825).
 *
 * <p>Both critical values depend only on the number of useful observations n (points not on the
 * centre line and not missing):
 * <ul>
 *   <li>shift rule: a run longer than round(log2(n)) + 3 (Schilling 2012);</li>
 *   <li>crossings rule: fewer crossings than the 5th percentile of Binomial(n − 1, 0.5)
 *       (Chen 2010), i.e. qicharts2's {@code qbinom(0.05, n - 1, 0.5)}.</li>
 * </ul>
 * Either rule signals a probable persistent shift; their joint false positive rate stays around
 * 5&nbsp;% whatever n is.
 */
public final class RunsRules {
    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");

    private RunsRules() {
    }

    /**
     * Upper limit for the longest run: round(log2(n)) + 3, computed in integers. round(log2(n)) is
     * the k with 2^(2k−1) ≤ n² &lt; 2^(2k+1); log2(n) is never exactly halfway for an integer n, so
     * R's round-half-to-even never comes into play.
     */
    public static int longestRunLimit(int nUseful) {
        if (nUseful < 1) {
            throw new IllegalArgumentException("nUseful must be >= 1: " + nUseful);
        }
        long square = (long) nUseful * nUseful;
        int k = 0;
        while (square >= (1L << (2 * k + 1))) {
            k++;
        }
        return k + 3;
    }

    /** Lower limit for the number of crossings: the exact 5th percentile of Binomial(n − 1, 0.5). */
    public static int crossingsLimit(int nUseful) {
        return FairCoinBinomial.quantile(FIVE_PERCENT, Math.max(nUseful - 1, 0));
    }

    /**
     * Runs analysis of one part.
     *
     * @param values   the plotted values of the part
     * @param centre   the centre line of the part
     * @param included which points take part (not excluded)
     */
    static RunsAnalysis analyse(double[] values, double centre, boolean[] included) {
        int nUseful = 0;
        int runs = 0;
        int currentSign = 0;
        int currentLength = 0;
        int longest = 0;
        int longestSign = 0;
        for (int i = 0; i < values.length; i++) {
            if (!included[i]) {
                continue;
            }
            double difference = values[i] - centre;
            int sign = difference > 0 ? 1 : difference < 0 ? -1 : 0; // NaN and 0 are not useful
            if (sign == 0) {
                continue;
            }
            nUseful++;
            if (sign == currentSign) {
                currentLength++;
            } else {
                runs++;
                currentSign = sign;
                currentLength = 1;
            }
            if (currentLength > longest) {
                longest = currentLength;
                longestSign = sign;
            }
        }
        if (nUseful == 0) {
            return RunsAnalysis.empty();
        }
        int longestLimit = longestRunLimit(nUseful);
        int crossings = runs - 1;
        int crossingsLimit = crossingsLimit(nUseful);
        boolean signal = longest > longestLimit || crossings < crossingsLimit;
        RunsAnalysis.Side side = longestSign > 0 ? RunsAnalysis.Side.ABOVE : RunsAnalysis.Side.BELOW;
        return new RunsAnalysis(nUseful, longest, side, longestLimit, crossings, crossingsLimit, signal);
    }
}
