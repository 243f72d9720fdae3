package se.kvalitetshjulet.domain.spc;

import java.util.List;

/**
 * The computed chart: one {@link SpcPoint} per input value, in order, and one {@link SpcPart} per
 * part. Pure data, ready to draw or to explain with {@link SignalExplainer}.
 */
public record SpcResult(ChartType chart, List<SpcPoint> points, List<SpcPart> parts) {

    public SpcResult {
        points = List.copyOf(points);
        parts = List.copyOf(parts);
    }

    /** The point with the given 1-based index. */
    public SpcPoint point(int index) {
        return points.get(index - 1);
    }

    /** The part with the given 1-based number. */
    public SpcPart part(int number) {
        return parts.get(number - 1);
    }

    /** Whether any part has a runs signal or any point is outside its limits. */
    public boolean hasSignal() {
        return parts.stream().anyMatch(p -> p.runs().signal() || p.pointsOutside() > 0);
    }
}
