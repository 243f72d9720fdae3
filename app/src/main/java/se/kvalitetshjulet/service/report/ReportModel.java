package se.kvalitetshjulet.service.report;

import java.time.LocalDate;
import java.util.List;

import se.kvalitetshjulet.data.repo.ReportRepository;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.PatternReport;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.risk.AppendixRow;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;

/**
 * Everything one report shows (kvalitetsberättelse, kvalitetsrapport or nämndunderlag), as numbers and tables
 * aggregated in the database; the writers in {@code export} only lay it out.
 */
public record ReportModel(ReportKind kind, Period period, Long unitId, String scopeName, LocalDate generatedOn,
                          ReportTexts texts, ReportTexts previousTexts, PatternReport patterns,
                          List<ReportRepository.KindLawCount> lawCounts, long sarahIvo, long mariaIvo,
                          RiskSummary risks, SelfCheckSummary selfChecks, List<KeyFigure> keyFigures,
                          List<TrendSeries> trends, boolean descriptionsIncluded,
                          List<ReportRepository.DescriptionRow> descriptions, int privacyFindings,
                          BoardMeeting meeting,
                          se.kvalitetshjulet.service.keyfigure.AggregatedFollowUp aggregated,
                          String coverName, List<ChartConclusion> conclusions,
                          se.kvalitetshjulet.domain.report.BoardFigures board) {

    public ReportModel {
        conclusions = conclusions == null ? List.of() : List.copyOf(conclusions);
        board = board == null ? se.kvalitetshjulet.domain.report.BoardFigures.NONE : board;
    }

    /** Without the decision-date figures (counted by registration date). */
    public ReportModel(ReportKind kind, Period period, Long unitId, String scopeName, LocalDate generatedOn,
                       ReportTexts texts, ReportTexts previousTexts, PatternReport patterns,
                       List<ReportRepository.KindLawCount> lawCounts, long sarahIvo, long mariaIvo,
                       RiskSummary risks, SelfCheckSummary selfChecks, List<KeyFigure> keyFigures,
                       List<TrendSeries> trends, boolean descriptionsIncluded,
                       List<ReportRepository.DescriptionRow> descriptions, int privacyFindings,
                       BoardMeeting meeting, se.kvalitetshjulet.service.keyfigure.AggregatedFollowUp aggregated,
                       String coverName, List<ChartConclusion> conclusions) {
        this(kind, period, unitId, scopeName, generatedOn, texts, previousTexts, patterns, lawCounts, sarahIvo, mariaIvo,
                risks, selfChecks, keyFigures, trends, descriptionsIncluded, descriptions, privacyFindings, meeting,
                aggregated, coverName, conclusions, null);
    }

    /** Without run and control charts with conclusions. */
    public ReportModel(ReportKind kind, Period period, Long unitId, String scopeName, LocalDate generatedOn,
                       ReportTexts texts, ReportTexts previousTexts, PatternReport patterns,
                       List<ReportRepository.KindLawCount> lawCounts, long sarahIvo, long mariaIvo,
                       RiskSummary risks, SelfCheckSummary selfChecks, List<KeyFigure> keyFigures,
                       List<TrendSeries> trends, boolean descriptionsIncluded,
                       List<ReportRepository.DescriptionRow> descriptions, int privacyFindings,
                       BoardMeeting meeting, se.kvalitetshjulet.service.keyfigure.AggregatedFollowUp aggregated,
                       String coverName) {
        this(kind, period, unitId, scopeName, generatedOn, texts, previousTexts, patterns, lawCounts, sarahIvo, mariaIvo,
                risks, selfChecks, keyFigures, trends, descriptionsIncluded, descriptions, privacyFindings, meeting,
                aggregated, coverName, List.of());
    }

    /**
     * A run or control chart the report includes, built by {@link ChartBuilder} as the chart screen builds it: its key
     * ("all", "kind.LEX_SARAH", "deck.<title>"), title, the chart, its line for the report's painter, the sentence
     * {@link ConclusionDrafter} drafted from its signals and the author's own (null: the drafted one is used).
     */
    public record ChartConclusion(String key, String title, se.kvalitetshjulet.domain.trend.ChartData chart,
                                  TrendSeries series, String drafted, String edited) {
        /** What the report prints under the chart. */
        public String text() {
            return edited == null || edited.isBlank() ? drafted : edited;
        }

        /** Whether the chart shows a special cause (improvement, concern or unusual variation). */
        public boolean special() {
            return chart.spc() != null && chart.spc().variation() != null
                    && chart.spc().variation() != se.kvalitetshjulet.domain.trend.Variation.COMMON_CAUSE;
        }
    }

    /** Settings keys naming the board (nämnd) and the administration (förvaltning) on the cover (decision 0015). */
    public static final String SETTING_BOARD = se.kvalitetshjulet.domain.report.CoverNames.SETTING_BOARD;
    public static final String SETTING_ADMINISTRATION = se.kvalitetshjulet.domain.report.CoverNames.SETTING_ADMINISTRATION;

    /** Without a cover name: the cover says the scope (or the whole organisation). */
    public ReportModel(ReportKind kind, Period period, Long unitId, String scopeName, LocalDate generatedOn,
                       ReportTexts texts, ReportTexts previousTexts, PatternReport patterns,
                       List<ReportRepository.KindLawCount> lawCounts, long sarahIvo, long mariaIvo,
                       RiskSummary risks, SelfCheckSummary selfChecks, List<KeyFigure> keyFigures,
                       List<TrendSeries> trends, boolean descriptionsIncluded,
                       List<ReportRepository.DescriptionRow> descriptions, int privacyFindings,
                       BoardMeeting meeting, se.kvalitetshjulet.service.keyfigure.AggregatedFollowUp aggregated) {
        this(kind, period, unitId, scopeName, generatedOn, texts, previousTexts, patterns, lawCounts, sarahIvo, mariaIvo,
                risks, selfChecks, keyFigures, trends, descriptionsIncluded, descriptions, privacyFindings, meeting,
                aggregated, "", List.of());
    }

    /** Risk and event analyses of the year in the subtree (not drafts), and the Bilaga 1 rows. */
    public record RiskSummary(long riskAnalyses, long eventAnalyses, List<AppendixRow> appendix) { }

    /**
     * Self-check rounds of the year that reached the subtree, the Bilaga 2 rows (submitted self-checks, in the
     * board's order) and the self-checks not answered, listed apart.
     */
    public record SelfCheckSummary(long rounds, long units, long submitted, long findings, List<Bilaga2Row> rows,
                                   List<Bilaga2Row> unanswered) {
        public SelfCheckSummary(long rounds, long units, long submitted, long findings, List<Bilaga2Row> rows) {
            this(rounds, units, submitted, findings, rows, List.of());
        }
    }

    /** One row of Bilaga 2, with its verksamhetsområde for grouping. */
    public record Bilaga2Row(String area, String check, String unit, String result, String actions, String routines) { }

    /** A key figure (nyckeltal); {@code key} names it in the bundle ("report.key.*"). */
    public record KeyFigure(String key, double value, int decimals) { }

    /**
     * Monthly counts of one kind (null: all kinds) with the control chart's lines; {@code firstInPeriod} is the index
     * of the first month of the reported period, {@code signalInPeriod} whether a point of the period signals.
     */
    public record TrendSeries(DeviationKind kind, List<String> labels, double[] values, double[] centre,
                              double[] lower, double[] upper, boolean[] signal, int firstInPeriod,
                              boolean signalInPeriod, List<String> explanations) {
        public double periodTotal() {
            double s = 0;
            for (int i = firstInPeriod; i < values.length; i++) {
                s += values[i];
            }
            return s;
        }
    }

    /** The count of one kind in the reported period over the whole subtree. */
    public long count(DeviationKind kind) {
        return patterns.count(kind, PatternReport.TOTAL, 0);
    }

    public long total(int yearsBack) {
        long s = 0;
        for (DeviationKind k : DeviationKind.values()) {
            s += patterns.count(k, PatternReport.TOTAL, yearsBack);
        }
        return s;
    }

    public long lawCount(DeviationKind kind, se.kvalitetshjulet.domain.deviation.Law law) {
        return lawCounts.stream().filter(c -> c.kind() == kind && c.law() == law)
                .mapToLong(ReportRepository.KindLawCount::count).sum();
    }
}
