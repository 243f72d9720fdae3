package se.kvalitetshjulet.domain.spc;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact quantiles of the binomial distribution Binomial(size, 1/2), the distribution of the number
 * of crossings of the median in a random series (Chen 2010).
 *
 * <p>The critical number of crossings decides whether staff are told that a change is probably
 * real, so it is computed with integer arithmetic rather than with a normal approximation or
 * floating-point sums: with prob = 1/2, P(X ≤ x) = Σ_{k≤x} C(size, k) / 2^size exactly.
 */
public final class FairCoinBinomial {

    private FairCoinBinomial() {
    }

    /**
     * The lower quantile as defined by R's {@code qbinom(p, size, 0.5)}: the smallest x with
     * P(X ≤ x) ≥ p.
     *
     * @param p    a probability in [0, 1], taken at its exact decimal value (0.05 is exactly 1/20)
     * @param size the number of trials, at least 0
     */
    public static int quantile(BigDecimal p, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
        // P(X <= x) >= p  <=>  cumulative * 10^scale >= unscaled * 2^size, all in integers.
        BigDecimal stripped = p.stripTrailingZeros();
        int scale = Math.max(stripped.scale(), 0);
        BigInteger numerator = stripped.setScale(scale).unscaledValue();
        BigInteger denominator = BigInteger.TEN.pow(scale);
        BigInteger target = numerator.shiftLeft(size);

        BigInteger coefficient = BigInteger.ONE; // C(size, 0)
        BigInteger cumulative = BigInteger.ONE;
        int x = 0;
        while (cumulative.multiply(denominator).compareTo(target) < 0) {
            x++;
            coefficient = coefficient.multiply(BigInteger.valueOf(size - x + 1L)).divide(BigInteger.valueOf(x));
            cumulative = cumulative.add(coefficient);
        }
        return x;
    }
}
