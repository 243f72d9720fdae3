package se.kvalitetshjulet.domain.keyfigure;

/**
 * Counted follow-ups of one group (a month, a unit, a tertial): how many were recorded and, per measure, how many
 * were assessed and how many answered yes.
 */
public record FollowUpCount(String label, int followUps, int[] assessed, int[] yes) {
    public FollowUpCount {
        if (assessed.length != FollowUpMeasure.values().length || yes.length != assessed.length) {
            throw new IllegalArgumentException("one count per measure");
        }
    }

    public static FollowUpCount empty(String label) {
        int n = FollowUpMeasure.values().length;
        return new FollowUpCount(label, 0, new int[n], new int[n]);
    }

    public int assessed(FollowUpMeasure m) {
        return assessed[m.ordinal()];
    }

    public int yes(FollowUpMeasure m) {
        return yes[m.ordinal()];
    }

    /** The share in percent, {@code null} when nothing was assessed. */
    public Double sharePercent(FollowUpMeasure m) {
        int n = assessed(m);
        return n == 0 ? null : 100.0 * yes(m) / n;
    }

    /** The share with its Wilson interval (no suppression: these are our own counts, not a survey). */
    public ComparedValue compared(FollowUpMeasure m) {
        int n = assessed(m);
        if (n == 0) {
            return new ComparedValue(label, null, null, 0, null, false, false, "");
        }
        Interval i = Intervals.wilson(yes(m), n);
        return new ComparedValue(label, 100.0 * yes(m) / n, new Interval(i.lower() * 100, i.upper() * 100), n, null,
                false, false, "");
    }

    /** Adds one follow-up. */
    public FollowUpCount plus(FollowUp f) {
        int[] a = assessed.clone();
        int[] y = yes.clone();
        for (FollowUpMeasure m : FollowUpMeasure.values()) {
            Boolean v = f.answer(m);
            if (m == FollowUpMeasure.PLAN_UP_TO_DATE && Boolean.FALSE.equals(f.planExists())) {
                v = null; // a plan that does not exist is neither up to date nor out of date
            }
            if (v != null) {
                a[m.ordinal()]++;
                if (v) {
                    y[m.ordinal()]++;
                }
            }
        }
        return new FollowUpCount(label, followUps + 1, a, y);
    }
}
