package se.kvalitetshjulet.domain.deviation;

import java.util.List;
import java.util.Map;

/**
 * Patterns of a period: counts per kind and business area with the same period of the
 * previous years beside them, and the top categories, causes and measure types.
 */
public record PatternReport(Period period, List<String> areas, Map<DeviationKind, Map<String, long[]>> counts,
                            List<NamedCount> topCategories, List<NamedCount> topCauses, List<NamedCount> topMeasureTypes,
                            List<NamedCount> assessments, long ivoReports, int yearsCompared) {

    /** A named count (category, cause, measure type, assessment). */
    public record NamedCount(String name, long count) { }

    public static final String TOTAL = "__total__";

    /** "210 (2021: 154, 2020: 120)": the boards' style of showing a count with earlier years. */
    public String boardStyle(DeviationKind kind, String area) {
        long[] values = counts.getOrDefault(kind, Map.of()).get(area);
        return boardStyle(values, period);
    }

    public static String boardStyle(long[] values, Period period) {
        if (values == null) {
            return "0";
        }
        StringBuilder sb = new StringBuilder(Long.toString(values[0]));
        if (values.length > 1) {
            sb.append(" (");
            for (int i = 1; i < values.length; i++) {
                if (i > 1) {
                    sb.append(", ");
                }
                sb.append(period.yearsBefore(i).year()).append(": ").append(values[i]);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    public long count(DeviationKind kind, String area, int yearsBack) {
        long[] v = counts.getOrDefault(kind, Map.of()).get(area);
        return v == null ? 0 : v[yearsBack];
    }
}
