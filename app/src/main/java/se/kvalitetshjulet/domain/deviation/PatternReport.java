package se.kvalitetshjulet.domain.deviation;

import java.util.List;
import java.util.Map;

/**
 * Patterns of a period: counts per kind and business area with the same period of the
 * previous years beside them, and the top categories, causes and measure types.
 */
public record PatternReport(Period period, List<String> areas, Map<DeviationKind, Map<String, long[]>> counts,
                            List<NamedCount> topCategories, List<NamedCount> topCauses, List<NamedCount> topMeasureTypes,
                            List<NamedCount> assessments, long ivoReports, int yearsCompared,
                            java.time.LocalDate registerStart) {

    /** Without the register's first day: every compared year is printed as counted. */
    public PatternReport(Period period, List<String> areas, Map<DeviationKind, Map<String, long[]>> counts,
                         List<NamedCount> topCategories, List<NamedCount> topCauses, List<NamedCount> topMeasureTypes,
                         List<NamedCount> assessments, long ivoReports, int yearsCompared) {
        this(period, areas, counts, topCategories, topCauses, topMeasureTypes, assessments, ivoReports, yearsCompared,
                null);
    }

    /** What an earlier period the register has no data for prints instead of a count. */
    public static final String NO_DATA = "–";

    /** A named count (category, cause, measure type, assessment). */
    public record NamedCount(String name, long count) { }

    public static final String TOTAL = "__total__";

    /**
     * "210 (2021: 154, 2020: 120)": the boards' style of showing a count with earlier years. An earlier period that
     * ended before the register's first record prints "2020: –" (no data), never "2020: 0".
     */
    public String boardStyle(DeviationKind kind, String area) {
        return boardStyle(counts.getOrDefault(kind, Map.of()).get(area));
    }

    /** The boards' style for these counts (this period first, then the years before it). */
    public String boardStyle(long[] values) {
        return boardStyle(values, period, registerStart);
    }

    public static String boardStyle(long[] values, Period period) {
        return boardStyle(values, period, null);
    }

    /** {@code registerStart}: the day of the register's first record (null: unknown, every year counted). */
    public static String boardStyle(long[] values, Period period, java.time.LocalDate registerStart) {
        if (values == null) {
            values = new long[1];
        }
        StringBuilder sb = new StringBuilder(Long.toString(values[0]));
        if (values.length > 1) {
            sb.append(" (");
            for (int i = 1; i < values.length; i++) {
                if (i > 1) {
                    sb.append(", ");
                }
                Period earlier = period.yearsBefore(i);
                sb.append(earlier.year()).append(": ").append(before(earlier, registerStart) ? NO_DATA
                        : Long.toString(values[i]));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** Whether the register has no data for this earlier period: it ended before the first record. */
    public boolean beforeRegister(int yearsBack) {
        return yearsBack > 0 && before(period.yearsBefore(yearsBack), registerStart);
    }

    private static boolean before(Period p, java.time.LocalDate registerStart) {
        return registerStart != null && p.end().isBefore(registerStart);
    }

    public long count(DeviationKind kind, String area, int yearsBack) {
        long[] v = counts.getOrDefault(kind, Map.of()).get(area);
        return v == null ? 0 : v[yearsBack];
    }
}
