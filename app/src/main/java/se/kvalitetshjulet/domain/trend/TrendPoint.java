package se.kvalitetshjulet.domain.trend;

import java.time.LocalDate;

/**
 * One period of a trend: the count and, for rates and shares, the denominator (already in
 * the measure's unit: thousands of care days, hundreds of recipients, all deviations).
 */
public record TrendPoint(LocalDate periodStart, String label, double count, Double denominator) {
    public double value() {
        return denominator == null ? count : denominator == 0 ? Double.NaN : count / denominator;
    }
}
