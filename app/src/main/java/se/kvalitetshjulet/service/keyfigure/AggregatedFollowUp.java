package se.kvalitetshjulet.service.keyfigure;

import java.util.List;

import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.FollowUpCount;
import se.kvalitetshjulet.domain.keyfigure.ShareSeries;
import se.kvalitetshjulet.domain.keyfigure.SurveyChange;

/**
 * The report section "Uppföljning på aggregerad nivå" drafted from data: the user survey per unit against the year
 * before, comparisons with the chosen municipalities per followed KPI, own key figures, and the aggregated individual
 * follow-up with its P chart and tertial pattern. Empty lists where there is nothing to report.
 *
 * @param surveyYear      the survey year shown (the latest on or before the report year), 0 when none
 * @param comparisonYear  the Kolada year shown per KPI is in each {@link KpiComparison}
 */
public record AggregatedFollowUp(int surveyYear, List<SurveyChange> survey, List<KpiComparison> comparisons,
                                 List<OwnFigureRow> ownFigures, FollowUpCount followUpTotal,
                                 List<FollowUpCount> followUpByUnit, List<FollowUpService.TertialRow> tertials,
                                 ShareSeries planSeries, List<String> planExplanations, List<UnitRow> perUnit) {

    /**
     * One unit's measure (decision 0019): its latest year against the year before (with the verdict by the intervals)
     * and beside our municipality and the comparison municipalities for the linked KPI in that year.
     *
     * @param rows the unit first, then the municipalities with their verdicts against the unit
     * @param note how the unit's year value was formed when it is not one published value, else ""
     */
    public record UnitRow(String unit, String measure, String kpiId, String kpiTitle, int year,
                          se.kvalitetshjulet.domain.keyfigure.ComparedValue latest,
                          se.kvalitetshjulet.domain.keyfigure.ComparedValue previous,
                          se.kvalitetshjulet.domain.keyfigure.Verdict change, List<ComparisonRow> rows, String note,
                          List<String> runSignals) { }

    /** One followed KPI compared in its latest year. */
    public record KpiComparison(String kpiId, String title, int year, List<ComparisonRow> rows) { }

    /** An own key figure for one unit: the latest period against the one before. */
    public record OwnFigureRow(String figure, String unit, String unitLabel, String latestPeriod, Double latest,
                               Integer latestN, String previousPeriod, Double previous, boolean lowerIsBetter,
                               List<String> runSignals) { }

    public boolean isEmpty() {
        return survey.isEmpty() && comparisons.isEmpty() && ownFigures.isEmpty() && followUpTotal.followUps() == 0
                && perUnit.isEmpty();
    }
}
