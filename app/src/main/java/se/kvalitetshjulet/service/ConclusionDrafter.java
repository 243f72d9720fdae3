package se.kvalitetshjulet.service;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.Variation;

/**
 * Drafts the sentence a report author starts from for a chart, from its signals: "Fall per 1 000 vårddygn på
 * Avdelning Linden: försämring — 14 månader i rad över medianen sedan mars 2025; 6 månader över den övre
 * styrgränsen". The author edits it; nothing in it is more than the chart shows.
 */
public final class ConclusionDrafter {
    private final ChartTexts texts;

    public ConclusionDrafter(ChartTexts texts) {
        this.texts = texts;
    }

    /** The drafted sentence for a run or control chart ({@code subject}: what and where, e.g. the chart's title). */
    public String draft(String subject, ChartData chart) {
        if (chart.spc() == null || chart.spc().variation() == null) {
            return texts.get("conclusion.noSpc", subject);
        }
        Variation v = chart.spc().variation();
        List<String> facts = new ArrayList<>();
        List<ChartData.Point> points = chart.points();
        int lastPart = points.getLast().part();
        // The longest run of the last part: consecutive useful points on one side of the centre line (a point on the
        // line or left out neither breaks nor extends a run, as in Anhøj's rules). The latest wins a tie, so a shift
        // that goes on to the last point reads "sedan <month>", one that ended reads "<month>–<month>".
        int bestLen = 0;
        int bestSide = 0;
        String bestStart = null;
        String bestEnd = null;
        boolean bestOngoing;
        boolean bestSignals = false;
        int len = 0;
        int side = 0;
        String start = null;
        String end = null;
        for (ChartData.Point p : points) {
            if (p.part() != lastPart || p.excluded() || Double.isNaN(p.value()) || Double.isNaN(p.centre())
                    || p.value() == p.centre()) {
                continue;
            }
            int sd = p.value() > p.centre() ? 1 : -1;
            if (sd != side) {
                side = sd;
                len = 0;
                start = p.label();
            }
            len++;
            end = p.label();
            if (len >= bestLen) {
                bestLen = len;
                bestSide = side;
                bestStart = start;
                bestEnd = end;
                bestSignals = p.inRunsSignal();
            }
        }
        bestOngoing = bestEnd != null && bestEnd.equals(end) && bestSide == side;
        String line = texts.get(chart.chartType().medianCentre() ? "conclusion.line.median" : "conclusion.line.centre");
        // A run is named when it is the shift behind the verdict (or, without one, when it signals at all).
        boolean shiftVerdict = v != Variation.COMMON_CAUSE && bestLen >= 2 && bestSignals;
        if (shiftVerdict) {
            facts.add(bestOngoing
                    ? texts.get(bestSide > 0 ? "conclusion.runAbove" : "conclusion.runBelow", bestLen, line,
                            month(bestStart))
                    : texts.get(bestSide > 0 ? "conclusion.runAboveBetween" : "conclusion.runBelowBetween", bestLen,
                            line, month(bestStart), month(bestEnd)));
        }
        long above = points.stream().filter(p -> p.part() == lastPart && p.outside() && p.value() > p.upper()).count();
        long below = points.stream().filter(p -> p.part() == lastPart && p.outside() && p.value() < p.lower()).count();
        if (above > 0) {
            facts.add(texts.get("conclusion.aboveUpper", above));
        }
        if (below > 0) {
            facts.add(texts.get("conclusion.belowLower", below));
        }
        if (facts.isEmpty()) {
            facts.add(texts.get("conclusion.noSignal"));
        }
        String word = texts.get("conclusion.word." + (v.improvement() ? "improvement" : v.concern() ? "concern"
                : v == Variation.SPECIAL_NO_DIRECTION ? "special" : "common"));
        return texts.get("conclusion.sentence", subject, word, String.join("; ", facts));
    }

    /** "2025-03" as "mars 2025"; other labels as they are. */
    private String month(String label) {
        try {
            return YearMonth.parse(label).format(DateTimeFormatter.ofPattern("MMMM yyyy", texts.locale()));
        } catch (DateTimeParseException e) {
            return label;
        }
    }
}
