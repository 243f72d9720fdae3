package se.kvalitetshjulet.domain.keyfigure;

/** A confidence interval in the same scale as its value (percent for shares). */
public record Interval(double lower, double upper) {
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("lower must not exceed upper: " + lower + " > " + upper);
        }
    }

    /** Whether the two intervals share at least one value. */
    public boolean overlaps(Interval o) {
        return lower <= o.upper && o.lower <= upper;
    }

    public double width() {
        return upper - lower;
    }
}
