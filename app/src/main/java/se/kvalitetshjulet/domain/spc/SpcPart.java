package se.kvalitetshjulet.domain.spc;

/**
 * One part (phase) of a chart: a stretch of points with its own centre line, limits and runs
 * analysis, e.g. the months before and after "ny rutin införd".
 *
 * @param number        1-based part number
 * @param firstIndex    1-based index of the first point in the part
 * @param lastIndex     1-based index of the last point in the part
 * @param centreLine    the part's centre line ({@code NaN} if it has no usable data)
 * @param runs          the runs analysis of the part
 * @param pointsOutside number of points outside the control limits
 */
public record SpcPart(
        int number,
        int firstIndex,
        int lastIndex,
        double centreLine,
        RunsAnalysis runs,
        int pointsOutside) {

    public int size() {
        return lastIndex - firstIndex + 1;
    }
}
