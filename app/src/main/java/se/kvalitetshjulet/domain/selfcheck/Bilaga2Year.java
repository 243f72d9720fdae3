package se.kvalitetshjulet.domain.selfcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A year's Bilaga 2 as the board reads it (issue 21, decision 0015): one line per self-check and reporting unit of the
 * year's rounds, grouped by verksamhetsområde in the organisation's order, within an area in the coordinator's order
 * (a year-wide position), the rest by check and unit. Forms not submitted are listed apart, never as results.
 *
 * @param rounds     rounds of the year with at least one unit in scope
 * @param units      units those rounds were sent to (in scope)
 * @param submitted  of them, submitted
 * @param findings   findings in the submitted forms
 * @param rows       the submitted lines, in the board's order
 * @param unanswered the lines whose form was not submitted, in the same order
 */
public record Bilaga2Year(int year, long rounds, long units, long submitted, long findings, List<Line> rows,
                          List<Line> unanswered) {

    /**
     * One line: what the board reads (area, check, unit as written, result, actions, routines) and where it comes
     * from (the round, when its period starts, and the response), with its stored position ({@code null}: not placed by the coordinator).
     */
    public record Line(long roundId, java.time.LocalDate roundStart, long responseId, String area, String check,
                       String unit, String result, String actions, String routines, Integer position) {
        public Line withPosition(Integer p) {
            return new Line(roundId, roundStart, responseId, area, check, unit, result, actions, routines, p);
        }
    }

    public Bilaga2Year {
        rows = List.copyOf(rows);
        unanswered = List.copyOf(unanswered);
    }

    /** The board's order: area (in {@code areaOrder}, unknown areas last), position, check, unit. */
    public static Comparator<Line> boardOrder(List<String> areaOrder) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < areaOrder.size(); i++) {
            order.putIfAbsent(areaOrder.get(i), i);
        }
        return Comparator.comparingInt((Line l) -> order.getOrDefault(l.area(), Integer.MAX_VALUE))
                .thenComparingInt(l -> l.position() == null ? Integer.MAX_VALUE : l.position())
                .thenComparing(Line::check).thenComparing(Line::unit);
    }

    /**
     * Moves the line at {@code index} one step up ({@code delta} -1) or down (+1) within its area and returns the new
     * list, or the same list when the move would leave the area or the list. Positions are not changed here: the
     * order of the list is what {@code Bilaga2Service.orderYear} stores.
     */
    public static List<Line> move(List<Line> lines, int index, int delta) {
        int to = index + delta;
        if (index < 0 || index >= lines.size() || to < 0 || to >= lines.size()
                || !java.util.Objects.equals(lines.get(index).area(), lines.get(to).area())) {
            return lines;
        }
        List<Line> out = new ArrayList<>(lines);
        out.set(to, lines.get(index));
        out.set(index, lines.get(to));
        return out;
    }
}
