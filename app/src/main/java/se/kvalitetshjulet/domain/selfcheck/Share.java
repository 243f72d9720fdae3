package se.kvalitetshjulet.domain.selfcheck;

/**
 * Andel: {@code part} of {@code whole}, e.g. answers without a finding of the assessable answers
 * (följsamhet) or submitted responses of the units of a round (svarsfrekvens). A share of
 * nothing has no percentage.
 */
public record Share(long part, long whole) {
    public static final Share NONE = new Share(0, 0);

    public Share {
        if (part < 0 || whole < 0 || part > whole) {
            throw new IllegalArgumentException("A share needs 0 ≤ part ≤ whole, got " + part + " of " + whole);
        }
    }

    /** The share in percent (0–100), or {@code null} when the whole is zero. */
    public Double percent() {
        return whole == 0 ? null : 100.0 * part / whole;
    }

    public boolean defined() {
        return whole > 0;
    }

    /** The rest of the whole: for compliance, the findings. */
    public Share complement() {
        return new Share(whole - part, whole);
    }

    public Share plus(Share other) {
        return new Share(part + other.part, whole + other.whole);
    }

    /**
     * The change from {@code then} to {@code now} in percentage points (procentenheter), or {@code null} when either
     * share is missing or has no percentage.
     */
    public static Double changePoints(Share then, Share now) {
        if (then == null || now == null || !then.defined() || !now.defined()) {
            return null;
        }
        return now.percent() - then.percent();
    }
}
