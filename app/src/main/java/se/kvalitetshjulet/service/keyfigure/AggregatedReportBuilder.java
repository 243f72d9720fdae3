package se.kvalitetshjulet.service.keyfigure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.keyfigure.ShareSeries;
import se.kvalitetshjulet.domain.keyfigure.SurveyChange;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.spc.SignalExplainer;
import se.kvalitetshjulet.service.OrganisationService;

/** Drafts {@link AggregatedFollowUp} for a report period and organisation subtree. */
public final class AggregatedReportBuilder {
    private final KeyFigureService keyFigures;
    private final FollowUpService followUps;
    private final OrganisationService organisation;
    private UnitKeyFigureService units;

    public AggregatedReportBuilder(KeyFigureService keyFigures, FollowUpService followUps,
                                   OrganisationService organisation) {
        this.keyFigures = keyFigures;
        this.followUps = followUps;
        this.organisation = organisation;
    }

    /** Adds the per-unit comparisons (decision 0019). */
    public AggregatedReportBuilder withUnits(UnitKeyFigureService units) {
        this.units = units;
        return this;
    }

    /**
     * Per unit and linked measure: the unit's latest year (on or before the report year) against its year before,
     * and beside our municipality and the comparison municipalities in that year.
     */
    private static List<AggregatedFollowUp.UnitRow> perUnit(int year, Long unitId, UnitKeyFigureService units,
                                                            OrganisationService organisation) {
        List<AggregatedFollowUp.UnitRow> out = new ArrayList<>();
        if (units == null) {
            return out;
        }
        Set<Long> scope = organisation.unitScope(unitId, null);
        OrgTree tree = organisation.tree();
        for (long u : units.unitsWithComparableMeasures()) {
            if (scope != null && !scope.contains(u)) {
                continue;
            }
            for (var m : units.comparableMeasures(u)) {
                int y = units.years(u, m).stream().filter(x -> x <= year).reduce((a, b) -> b).orElse(0);
                if (y == 0) {
                    continue;
                }
                var cmp = units.compare(u, m, y);
                var previous = units.yearValue(u, m, y - 1, Integer.toString(y - 1));
                var latest = cmp.rows().getFirst().value();
                ValueSeries s = units.series(u, m);
                List<String> signals = new ArrayList<>();
                if (s.run() != null) {
                    SignalExplainer.forApplicationLocale().explainAll(s.run()).forEach(signals::addAll);
                }
                out.add(new AggregatedFollowUp.UnitRow(tree.path(u), m.label(), cmp.kpi() == null ? null : cmp.kpi().id(),
                        cmp.kpi() == null ? null : cmp.kpi().title(), y, latest, previous,
                        se.kvalitetshjulet.domain.keyfigure.Verdict.of(latest, previous), cmp.rows(), cmp.note(), signals));
            }
        }
        return out;
    }

    /**
     * The section for the period and the unit's subtree (null: everything). The organisation is read once and the
     * follow-up counts in one query, and every unit's and year's figure is answered from those readings
     * (decision 0045).
     */
    public AggregatedFollowUp build(Period period, Long unitId) {
        OrganisationService organisation = this.organisation.frozen();
        FollowUpService followUps = this.followUps.reading(organisation);
        UnitKeyFigureService units = this.units == null ? null : this.units.reading(followUps, organisation);
        int year = period.year();
        int surveyYear = keyFigures.surveyYears().stream().filter(y -> y <= year).reduce((a, b) -> b).orElse(0);
        List<SurveyChange> survey = surveyYear == 0 ? List.of() : keyFigures.whatChanged(unitId, null, surveyYear);
        survey = survey.stream().sorted(java.util.Comparator.comparing(SurveyChange::unit)
                .thenComparing(SurveyChange::questionCode)).toList();

        List<AggregatedFollowUp.KpiComparison> comparisons = new ArrayList<>();
        if (unitId == null) { // municipality comparisons concern the whole organisation
            for (Kpi k : keyFigures.followed()) {
                int y = keyFigures.years(k.id()).stream().filter(x -> x <= year).reduce((a, b) -> b).orElse(0);
                if (y == 0) {
                    continue;
                }
                List<ComparisonRow> rows = keyFigures.compare(k.id(), y, "T");
                if (!rows.isEmpty()) {
                    comparisons.add(new AggregatedFollowUp.KpiComparison(k.id(), k.title(), y, rows));
                }
            }
        }

        OrgTree tree = organisation.tree();
        Set<Long> scope = organisation.unitScope(unitId, null);
        List<AggregatedFollowUp.OwnFigureRow> own = new ArrayList<>();
        for (OwnFigure f : keyFigures.ownFigures()) {
            List<Long> unitsWithValues = keyFigures.ownValues(f.id(), unitId, null).stream().map(OwnValue::unitId)
                    .distinct().toList();
            for (long u : unitsWithValues) {
                if (scope != null && !scope.contains(u)) {
                    continue;
                }
                ValueSeries s = keyFigures.ownSeries(f, u);
                int last = -1;
                for (int i = 0; i < s.periods().size(); i++) {
                    String p = s.periods().get(i);
                    if (s.values().get(i).value() != null && Integer.parseInt(p.substring(0, 4)) <= year
                            && (p.length() == 4 || !YearMonth.parse(p).atDay(1).isAfter(period.end()))) {
                        last = i;
                    }
                }
                if (last < 0) {
                    continue;
                }
                int prev = -1;
                for (int i = last - 1; i >= 0; i--) {
                    if (s.values().get(i).value() != null) {
                        prev = i;
                        break;
                    }
                }
                List<String> signals = new ArrayList<>();
                if (s.run() != null) {
                    SignalExplainer.forApplicationLocale().explainAll(s.run()).forEach(signals::addAll);
                }
                own.add(new AggregatedFollowUp.OwnFigureRow(f.name(), tree.find(u).map(x -> x.name()).orElse("?"),
                        f.unitLabel(), s.periods().get(last), s.values().get(last).value(), s.values().get(last).respondents(),
                        prev < 0 ? null : s.periods().get(prev), prev < 0 ? null : s.values().get(prev).value(),
                        f.lowerIsBetter(), signals));
            }
        }

        LocalDate from = period.start();
        LocalDate to = period.end();
        var total = followUps.total(unitId, null, from, to, "");
        var byUnit = followUps.byUnit(unitId, null, from, to);
        var tertials = followUps.byTertial(unitId, null, year);
        YearMonth end = YearMonth.from(to);
        ShareSeries plan = followUps.monthly(unitId, null, FollowUpMeasure.PLAN_EXISTS, end.minusMonths(23), end);
        List<String> explanations = new ArrayList<>();
        if (plan.total() > 0) {
            SignalExplainer.forApplicationLocale().explainAll(plan.chart()).forEach(explanations::addAll);
        }
        return new AggregatedFollowUp(surveyYear, survey, comparisons, own, total, byUnit, tertials, plan, explanations,
                perUnit(year, unitId, units, organisation));
    }
}
