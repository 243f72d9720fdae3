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
        // The current run: consecutive useful points of the last part on one side of the centre line, up to the last.
        int run = 0;
        int side = 0;
        String since = null;
        for (int i = points.size() - 1; i >= 0 && points.get(i).part() == lastPart; i--) {
            ChartData.Point p = points.get(i);
            if (p.excluded() || Double.isNaN(p.value()) || p.value() == p.centre()) {
                continue;
            }
            int s = p.value() > p.centre() ? 1 : -1;
            if (side == 0) {
                side = s;
            } else if (s != side) {
                break;
            }
            run++;
            since = p.label();
        }
        String line = texts.get(chart.chartType().medianCentre() ? "conclusion.line.median" : "conclusion.line.centre");
        if (run >= 2 && (v != Variation.COMMON_CAUSE)) {
            facts.add(texts.get(side > 0 ? "conclusion.runAbove" : "conclusion.runBelow", run, line, month(since)));
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
