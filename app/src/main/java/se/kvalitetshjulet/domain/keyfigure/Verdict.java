package se.kvalitetshjulet.domain.keyfigure;

/**
 * What may honestly be said about two values: a difference only when their 95 % intervals do not overlap (a
 * conservative rule, decision 0012); "no clear difference" when they overlap; "cannot be judged" when either has no
 * interval (no respondents published, suppressed, or a key figure without a sampling uncertainty).
 */
public enum Verdict {
    HIGHER, LOWER, NO_CLEAR_DIFFERENCE, CANNOT_BE_JUDGED;

    /** The verdict for {@code a} compared with {@code b}. */
    public static Verdict of(ComparedValue a, ComparedValue b) {
        if (a == null || b == null || a.interval() == null || b.interval() == null) {
            return CANNOT_BE_JUDGED;
        }
        if (a.interval().lower() > b.interval().upper()) {
            return HIGHER;
        }
        if (a.interval().upper() < b.interval().lower()) {
            return LOWER;
        }
        return NO_CLEAR_DIFFERENCE;
    }
}
