package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.selfcheck.TemplateFamily;
import se.kvalitetshjulet.domain.SavedFilter;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import se.kvalitetshjulet.data.repo.ChartRepository;
import se.kvalitetshjulet.data.repo.SavedFilterRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.MatrixCounts;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.ScoreBand;
import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.SignalExplainer;
import se.kvalitetshjulet.domain.spc.SpcEngine;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.spc.SpcResult;
import se.kvalitetshjulet.domain.trend.ActionBacklog;
import se.kvalitetshjulet.domain.trend.Annotation;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartDeck;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import se.kvalitetshjulet.domain.trend.Pareto;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.domain.trend.TrendPoint;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.domain.trend.Assurance;
import se.kvalitetshjulet.domain.trend.Improvement;
import se.kvalitetshjulet.domain.trend.Variation;

/**
 * Builds every chart of the chart screen, the presentation and the council's deck from its stored
 * {@link TrendSettings}: trends over time as bars, run chart or the fitting control chart, Pareto charts, self-check
 * compliance, open/overdue actions and the risk matrix, with the signals explained in plain language. One builder
 * for the screen, the deck and the reports, so a slide shows exactly what the screen showed for the same settings.
 * Runs off the FX thread; texts come from {@link ChartTexts} in the user's language.
 */
public final class ChartBuilder {
    private final OrganisationService organisation;
    private final TrendService trends;
    private final RiskService risks;
    private final TaxonomyRepository taxonomies;
    private final SavedFilterRepository savedFilters;
    private final Supplier<LocalDate> today;
    private final ChartTexts texts;

    public ChartBuilder(OrganisationService organisation, TrendService trends, RiskService risks,
                        TaxonomyRepository taxonomies, SavedFilterRepository savedFilters, Supplier<LocalDate> today,
                        ChartTexts texts) {
        this.organisation = organisation;
        this.trends = trends;
        this.risks = risks;
        this.taxonomies = taxonomies;
        this.savedFilters = savedFilters;
        this.today = today;
        this.texts = texts;
    }

    /** The same builder speaking another language. */
    public ChartBuilder withTexts(ChartTexts other) {
        return new ChartBuilder(organisation, trends, risks, taxonomies, savedFilters, today, other);
    }

    public ChartTexts texts() {
        return texts;
    }

    /**
     * A council's deck with today's data (the default deck when the council has none yet; {@code current} when that
     * is empty too). A chart whose data is missing now says so instead of failing the deck.
     */
    public List<ChartData> deck(Long councilUnitId, TrendSettings current) {
        List<SavedFilter> saved = savedFilters.inOrder(ChartDeck.screen(councilUnitId));
        if (saved.isEmpty() && councilUnitId != null) {
            saved = savedFilters.inOrder(ChartDeck.DEFAULT_SCREEN);
        }
        List<ChartData> charts = new ArrayList<>();
        if (saved.isEmpty() && current != null) {
            charts.add(build(current));
        }
        for (SavedFilter f : saved) {
            charts.add(buildForDeck(TrendSettingsJson.fromJson(f.definition())).titled(f.name()));
        }
        return charts;
    }

    /** A chart saved in a deck: its title and settings. */
    public record SavedChart(String title, TrendSettings settings) { }

    /**
     * Every trend chart saved in a deck — the default deck first, then the councils' — each settings once (the same
     * chart in two decks is one chart), for the reports. Settings that cannot be read are left out.
     */
    public List<SavedChart> savedTrendCharts() {
        List<SavedChart> out = new ArrayList<>();
        Set<TrendSettings> seen = new java.util.HashSet<>();
        for (String screen : savedFilters.screensUnder(ChartDeck.DEFAULT_SCREEN)) {
            for (SavedFilter f : savedFilters.inOrder(screen)) {
                TrendSettings s;
                try {
                    s = TrendSettingsJson.fromJson(f.definition());
                } catch (RuntimeException e) {
                    continue;
                }
                if (s.chartKind() == ChartKind.TREND && seen.add(s)) {
                    out.add(new SavedChart(f.name(), s));
                }
            }
        }
        return out;
    }

    /** A deck chart; one whose data is missing now (no denominators, nothing to count) says so instead of failing. */
    public ChartData buildForDeck(TrendSettings s) {
        try {
            return build(s);
        } catch (IllegalArgumentException e) {
            return new ChartData(texts.get("trend.title." + s.chartKind().name(), ""), "", "", ChartStyle.BARS,
                    ChartType.RUN, List.of(), List.of(e.getMessage()), false, s.chartKind(), "", "", List.of());
        }
    }

    /** Computes the chart for the settings (runs on the worker thread; also used by the presentation). */
    public ChartData build(TrendSettings s) {
        return switch (s.chartKind()) {
            case TREND -> buildTrend(s);
            case PARETO_CATEGORIES -> buildPareto(s, TrendService.ParetoSubject.CATEGORIES);
            case PARETO_CAUSES -> buildPareto(s, TrendService.ParetoSubject.CAUSES);
            case PARETO_MEASURE_TYPES -> buildPareto(s, TrendService.ParetoSubject.MEASURE_TYPES);
            case SELF_CHECK_COMPLIANCE -> buildCompliance(s);
            case ACTIONS -> buildActions(s);
            case RISK_MATRIX -> buildRiskMatrix(s);
        };
    }

    private DeviationFilter filter(TrendSettings s) {
        Set<Long> scope = organisation.unitScope(s.unitId(), s.areaId());
        return new DeviationFilter(s.kind() == null ? Set.of() : EnumSet.of(s.kind()), Set.of(), scope,
                s.categoryId(), null, null, false, null);
    }

    private ChartData buildTrend(TrendSettings s) {
        if (s.measure().betweenEvents()) {
            return buildBetweenEvents(s);
        }
        DeviationFilter f = filter(s);
        List<TrendPoint> series = trends.series(f, s.granularity(), s.measure(), s.from(), s.to(), today.get());
        if (series.isEmpty()) {
            throw new IllegalArgumentException(texts.get("trend.noData"));
        }
        if (s.measure().needsDenominator() && series.stream().allMatch(tp -> tp.denominator() == null || tp.denominator() == 0)) {
            throw new IllegalArgumentException(texts.get("trend.noDenominators"));
        }
        ChartType type = switch (s.style()) {
            case RUN, BARS -> ChartType.RUN;
            case CONTROL -> s.measure().controlChart();
        };
        List<Double> values = new ArrayList<>();
        List<Double> denominators = new ArrayList<>();
        for (TrendPoint tp : series) {
            values.add(tp.count());
            if (s.measure().needsDenominator()) {
                denominators.add(tp.denominator() == null || tp.denominator() == 0 ? Double.NaN : tp.denominator());
            }
        }
        List<LocalDate> starts = series.stream().map(TrendPoint::periodStart).toList();
        List<String> labels = series.stream().map(TrendPoint::label).toList();
        double k = s.measure() == TrendMeasure.SHARE ? 100 : 1;
        String title = texts.get("trend.title." + s.measure().name(), what(s));
        String subtitle = where(s, organisation.tree()) + " · " + labels.getFirst() + "–" + labels.getLast() + " · "
                + texts.get("trend.chartName." + (s.style() == ChartStyle.BARS ? "BARS" : type.name()));
        List<String> notes = new ArrayList<>();
        notes.add(texts.get(s.measure().needsDenominator() ? "trend.gapRule.rate" : "trend.gapRule.count",
                labels.getFirst()));
        double[] sortedCounts = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double medianCount = sortedCounts.length % 2 == 1 ? sortedCounts[sortedCounts.length / 2]
                : (sortedCounts[sortedCounts.length / 2 - 1] + sortedCounts[sortedCounts.length / 2]) / 2;
        if (medianCount == 0) {
            notes.addFirst(texts.get("trend.rare.suggest"));
        }
        return spcChart(s, type, values, denominators, starts, labels, k, title, subtitle,
                texts.get("trend.yLabel." + s.measure().name()), s.style(), ChartKind.TREND, notes,
                markers(s, starts, s.to(), true));
    }

    /**
     * A G or T chart of a rare kind ("dagar mellan lex Sarah-rapporter, Hemtjänst Syd"): one point per event after
     * the first, labelled with the event's day; events on the same day count as one.
     */
    private ChartData buildBetweenEvents(TrendSettings s) {
        List<TrendService.BetweenEvents> events = trends.betweenEvents(filter(s), s.from(), s.to(), today.get());
        if (events.size() < 2) {
            throw new IllegalArgumentException(texts.get("trend.between.tooFew"));
        }
        boolean days = s.measure() == TrendMeasure.DAYS_BETWEEN;
        ChartType type = s.style() == ChartStyle.CONTROL ? s.measure().controlChart() : ChartType.RUN;
        List<Double> values = events.stream().map(e -> (double) (days ? e.days() : e.deviationsBetween())).toList();
        List<LocalDate> starts = events.stream().map(TrendService.BetweenEvents::day).toList();
        List<String> labels = starts.stream().map(LocalDate::toString).toList();
        String title = texts.get("trend.title." + s.measure().name(), what(s), where(s, organisation.tree()));
        String subtitle = s.from() + "–" + s.to() + " · " + texts.get("trend.between.events", events.size() + 1) + " · "
                + texts.get("trend.chartName." + (s.style() == ChartStyle.BARS ? "BARS" : type.name()));
        List<String> notes = new ArrayList<>();
        notes.add(texts.get("trend.between.rule"));
        return spcChart(s, type, values, List.of(), starts, labels, 1, title, subtitle,
                texts.get("trend.yLabel." + s.measure().name()), s.style(), ChartKind.TREND, notes,
                markers(s, starts, s.to(), false));
    }

    /**
     * Computes a run or control chart exactly as the settings say (freeze, phase, excluded points, screening) and
     * explains it: the verdict line (förbättring, försämring or slumpmässig variation), the assurance against the
     * target, the signals, and every setting that could not be used on these data.
     */
    ChartData spcChart(TrendSettings s, ChartType type, List<Double> values, List<Double> denominators,
                       List<LocalDate> starts, List<String> labels, double k, String title, String subtitle,
                       String yLabel, ChartStyle style, ChartKind kind, List<String> notes,
                       List<ChartData.Marker> markers) {
        int n = values.size();
        SpcRequest req = SpcRequest.of(type, values, denominators).withScreenedMovingRanges(s.screening());
        List<String> problems = new ArrayList<>();
        int baselineEnd = 0;
        if (s.freeze() != null) {
            if (s.freeze() >= 2 && s.freeze() < n) {
                req = req.withFreeze(s.freeze());
                baselineEnd = s.freeze();
            } else {
                problems.add(texts.get("trend.freeze.outOfRange", s.freeze(), n));
            }
        }
        LocalDate phase = s.effectivePhaseStart();
        if (phase != null) {
            if (baselineEnd > 0) {
                problems.add(texts.get("trend.phase.withFreeze"));
            } else {
                int idx = 0;
                for (int i = 0; i < starts.size(); i++) {
                    if (starts.get(i).isBefore(phase)) {
                        idx = i + 1;
                    }
                }
                if (idx >= 2 && idx < n - 1) {
                    req = req.withPartBreaks(idx);
                } else {
                    problems.add(texts.get("trend.phase.outOfRange", phase));
                }
            }
        }
        List<Integer> excluded = s.excluded().stream().filter(i -> i >= 1 && i <= n).toList();
        if (excluded.size() < s.excluded().size()) {
            problems.add(texts.get("trend.exclude.outOfRange", n));
        }
        req = req.withExcluded(excluded);
        SpcResult result = SpcEngine.compute(req);
        List<ChartData.Point> points = points(result, labels, k, style);
        boolean bars = style == ChartStyle.BARS;
        Improvement better = s.betterWhen();
        Variation variation = bars ? null : Variation.of(result, better);
        Assurance assurance = null;
        if (!bars && s.target() != null && type.hasControlLimits()) {
            ChartData.Point last = points.getLast();
            assurance = Assurance.of(last.lower(), last.upper(), s.target(), better);
        }
        List<String> partStarts = new ArrayList<>();
        for (var part : result.parts()) {
            partStarts.add(labels.get(part.firstIndex() - 1));
        }
        String baselineLabel = baselineEnd > 0 ? texts.get("trend.baseline.until", labels.get(baselineEnd - 1)) : null;
        List<String> explanations = new ArrayList<>();
        String verdict = bars ? null : texts.get("trend.variation." + variation.name());
        if (verdict != null) {
            explanations.add(verdict);
        }
        if (assurance != null) {
            explanations.add(texts.get("trend.assurance." + assurance.name(), number(s.target())));
        } else if (!bars && s.target() != null) {
            explanations.add(texts.get("trend.assurance.needsLimits", number(s.target())));
        }
        if (baselineLabel != null) {
            explanations.add(texts.get("trend.baseline.explained", baselineEnd, labels.get(baselineEnd - 1)));
        }
        if (!excluded.isEmpty()) {
            explanations.add(texts.get("trend.exclude.explained", String.join(", ",
                    excluded.stream().map(i -> labels.get(i - 1)).toList())));
        }
        String none = se.kvalitetshjulet.domain.spc.SpcMessages.forLocale(texts.locale()).get("signal.none");
        // "Inga signaler" would only repeat the verdict "Slumpmässig variation".
        explanations.addAll(explanations(style, result).stream()
                .filter(e -> !(variation == Variation.COMMON_CAUSE && e.equals(none))).toList());
        explanations.addAll(problems);
        explanations.addAll(notes);
        if (!bars && usesScreening(type)) {
            explanations.add(texts.get(s.screening() ? "trend.screening.on" : "trend.screening.off"));
        }
        List<String> partLabels = new ArrayList<>();
        for (int i = 0; i < partStarts.size(); i++) {
            partLabels.add(texts.get("trend.part.from", i + 1, partStarts.get(i)));
        }
        ChartData.Legend legend = new ChartData.Legend(texts.get("trend.legend.value"),
                texts.get(type.medianCentre() ? "trend.legend.centre.median" : "trend.legend.centre.mean"),
                texts.get("trend.legend.limits"), baselineLabel == null ? texts.get("trend.legend.baseline")
                : baselineLabel, texts.get("trend.legend.outside"), texts.get("trend.legend.runs"),
                texts.get("trend.legend.excluded"), s.target() == null ? texts.get("trend.legend.target")
                : texts.get("trend.legend.target") + " " + number(s.target()), partLabels);
        ChartData.Spc spc = new ChartData.Spc(req, baselineEnd, baselineLabel, partStarts, better, variation,
                assurance, s.target(), verdict, legend);
        boolean signal = !bars && result.hasSignal();
        return new ChartData(title, subtitle, yLabel, style, type, points, explanations, signal, kind, null, null,
                markers, null, spc);
    }

    /** The chart types whose limits come from moving ranges, where screening matters. */
    static boolean usesScreening(ChartType type) {
        return switch (type) {
            case I, IP, T, PP, UP -> true;
            default -> false;
        };
    }

    private String number(double x) {
        return se.kvalitetshjulet.domain.NumberText.of(texts.locale()).number(x);
    }

    private static List<ChartData.Point> points(SpcResult result, List<String> labels, double k, ChartStyle style) {
        List<ChartData.Point> points = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            SpcPoint p = result.points().get(i);
            points.add(new ChartData.Point(labels.get(i), p.value() * k, p.centreLine() * k, p.lowerLimit() * k,
                    p.upperLimit() * k, style != ChartStyle.BARS && p.outside(),
                    style != ChartStyle.BARS && p.runsSignal(), p.excluded(), p.part()));
        }
        return points;
    }

    private List<String> explanations(ChartStyle style, SpcResult result) {
        List<String> explanations = new ArrayList<>();
        if (style == ChartStyle.BARS) {
            explanations.add(texts.get("trend.barsWarning"));
        } else {
            SignalExplainer explainer = new SignalExplainer(texts.locale());
            List<List<String>> parts = explainer.explainAll(result);
            for (int i = 0; i < parts.size(); i++) {
                if (parts.size() > 1) {
                    explanations.add(texts.get("trend.part", i + 1));
                }
                explanations.addAll(parts.get(i));
            }
        }
        return explanations;
    }

    /**
     * Markers for the annotations inside the chart's span. With {@code containing} an annotation sits at the
     * period that contains its date (periods given by their first days); otherwise at the first point dated on
     * or after it (self-check rounds: the first round after the change).
     */
    private List<ChartData.Marker> markers(TrendSettings s, List<LocalDate> starts, LocalDate end, boolean containing) {
        List<ChartData.Marker> out = new ArrayList<>();
        for (Annotation a : s.annotations()) {
            int idx = -1;
            if (containing) {
                if (!a.date().isAfter(end)) {
                    for (int i = 0; i < starts.size(); i++) {
                        if (!starts.get(i).isAfter(a.date())) {
                            idx = i;
                        }
                    }
                }
            } else {
                for (int i = starts.size() - 1; i >= 0; i--) {
                    if (!starts.get(i).isBefore(a.date())) {
                        idx = i;
                    }
                }
            }
            if (idx >= 0) {
                out.add(new ChartData.Marker(idx, a.text()));
            }
        }
        return out;
    }

    private String what(TrendSettings s) {
        String what = s.kind() == null ? texts.get("trend.allKinds") : texts.of(s.kind());
        if (s.categoryId() != null) {
            what += " · " + taxonomies.list(TaxonomyKind.CATEGORY).stream().filter(c -> c.id() == s.categoryId()).map(Taxonomy::name).findFirst().orElse("");
        }
        return what;
    }

    private String where(TrendSettings s, OrgTree t) {
        return s.unitId() != null ? t.find(s.unitId()).map(Unit::name).orElse("")
                : s.areaId() != null ? organisation.businessAreas().stream().filter(a -> a.id() == s.areaId()).map(BusinessArea::name)
                .findFirst().orElse("") : texts.get("trend.wholeOrganisation");
    }

    private ChartData buildPareto(TrendSettings s, TrendService.ParetoSubject subject) {
        DeviationFilter f = filter(s).withPeriod(s.from(), s.to());
        Pareto pareto = trends.pareto(subject, f, today.get());
        if (pareto.total() == 0) {
            throw new IllegalArgumentException(texts.get("trend.pareto.empty"));
        }
        List<ChartData.Point> points = new ArrayList<>();
        for (Pareto.Bar b : pareto.bars()) {
            points.add(new ChartData.Point(b.name() == null ? texts.get("trend.pareto.none") : b.name(), b.count(),
                    Double.NaN, Double.NaN, Double.NaN, false, false, false, 1, b.cumulativePercent()));
        }
        String key = s.chartKind().name();
        int vital = pareto.vitalFew();
        List<String> explanations = new ArrayList<>();
        explanations.add(texts.get("trend.pareto.vitalFew", vital, points.size(), pareto.total(),
                String.join(", ", points.subList(0, vital).stream().map(ChartData.Point::label).toList())));
        explanations.add(texts.get("trend.pareto.hint." + key));
        String subtitle = where(s, organisation.tree()) + " · " + s.from() + "–" + s.to() + " · "
                + texts.get("trend.pareto.total." + key, pareto.total());
        return new ChartData(texts.get("trend.title." + key, what(s)), subtitle, texts.get("trend.yLabel." + key),
                ChartStyle.BARS, ChartType.RUN, points, explanations, false, s.chartKind(),
                texts.get("trend.yLabel." + key), texts.get("trend.pareto.cumulative"), List.of());
    }

    private ChartData buildCompliance(TrendSettings s) {
        if (s.templateFamilyId() == null) {
            throw new IllegalArgumentException(texts.get("trend.compliance.chooseTemplate"));
        }
        Set<Long> scope = organisation.unitScope(s.unitId(), s.areaId());
        List<ChartRepository.RoundCompliance> rounds = trends.compliance(s.templateFamilyId(), scope);
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException(texts.get("trend.compliance.empty"));
        }
        List<Double> values = rounds.stream().map(r -> (double) r.compliant()).toList();
        List<Double> denominators = rounds.stream().map(r -> (double) r.assessable()).toList();
        boolean pChart = s.style() != ChartStyle.BARS && rounds.size() >= 2
                && rounds.stream().allMatch(r -> r.assessable() > 0);
        List<String> labels = rounds.stream().map(r -> r.name() + " (" + YearMonth.from(r.periodStart()) + ")").toList();
        ChartRepository.RoundCompliance last = rounds.getLast();
        String latest = texts.get("trend.compliance.latest", last.name(), last.compliant(), last.assessable(),
                String.format(texts.locale(), "%.0f", 100.0 * last.compliant() / last.assessable()));
        String family = trends.templateFamilies().stream().filter(f -> f.familyId() == s.templateFamilyId())
                .map(TemplateFamily::name).findFirst().orElse("");
        String subtitle = where(s, organisation.tree()) + " · "
                + texts.get("trend.compliance.rounds", rounds.size()) + " · "
                + texts.get("trend.chartName." + (pChart ? "P" : "BARS"));
        List<LocalDate> starts = rounds.stream().map(ChartRepository.RoundCompliance::periodStart).toList();
        List<ChartData.Marker> markers = markers(s, starts, null, false);
        String title = texts.get("trend.title.SELF_CHECK_COMPLIANCE", family);
        String yLabel = texts.get("trend.yLabel.SELF_CHECK_COMPLIANCE");
        if (pChart) {
            List<String> notes = new ArrayList<>();
            notes.add(latest);
            return spcChart(s, ChartType.P, values, denominators, starts, labels, 100, title, subtitle, yLabel,
                    ChartStyle.CONTROL, ChartKind.SELF_CHECK_COMPLIANCE, notes, markers);
        }
        List<ChartData.Point> points = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            ChartRepository.RoundCompliance r = rounds.get(i);
            points.add(new ChartData.Point(labels.get(i), 100.0 * r.compliant() / r.assessable(), Double.NaN,
                    Double.NaN, Double.NaN, false, false, false, 1));
        }
        List<String> explanations = new ArrayList<>();
        explanations.add(latest);
        explanations.add(texts.get(s.style() == ChartStyle.BARS ? "trend.barsWarning" : "trend.compliance.tooFew"));
        return new ChartData(title, subtitle, yLabel, ChartStyle.BARS, ChartType.RUN, points, explanations, false,
                ChartKind.SELF_CHECK_COMPLIANCE, null, null, markers);
    }

    private ChartData buildActions(TrendSettings s) {
        Set<Long> scope = organisation.unitScope(s.unitId(), s.areaId());
        List<ActionBacklog.MonthEnd> series = trends.actionBacklog(scope, s.from(), s.to());
        List<ChartData.Point> points = new ArrayList<>();
        for (ActionBacklog.MonthEnd m : series) {
            points.add(new ChartData.Point(YearMonth.from(m.date()).toString(), m.open(), Double.NaN, Double.NaN,
                    Double.NaN, false, false, false, 1, m.overdue()));
        }
        List<String> explanations = new ArrayList<>();
        ActionBacklog.MonthEnd last = series.getLast();
        explanations.add(texts.get("trend.actions.latest", last.date(), last.open(), last.overdue()));
        if (series.size() > 12) {
            ActionBacklog.MonthEnd yearBefore = series.get(series.size() - 13);
            explanations.add(texts.get("trend.actions.yearBefore", yearBefore.date(), yearBefore.open(), yearBefore.overdue()));
        }
        explanations.add(texts.get("trend.actions.hint"));
        String subtitle = where(s, organisation.tree()) + " · " + points.getFirst().label() + "–"
                + points.getLast().label();
        return new ChartData(texts.get("trend.title.ACTIONS"), subtitle, texts.get("trend.yLabel.ACTIONS"),
                ChartStyle.RUN, ChartType.RUN, points, explanations, false, ChartKind.ACTIONS,
                texts.get("trend.actions.open"), texts.get("trend.actions.overdue"),
                markers(s, series.stream().map(m -> m.date().withDayOfMonth(1)).toList(), s.to(), true));
    }

    /**
     * The risk matrix for the unit subtree and the analyses dated in the period, counted in the database, for one
     * template only (matrices of different templates cannot be added up): the chosen one, else the most used.
     */
    private ChartData buildRiskMatrix(TrendSettings s) {
        Set<Long> scope = organisation.unitScope(s.unitId(), s.areaId());
        Long templateId = s.riskTemplateId();
        if (templateId == null) {
            templateId = risks.templateUsage().entrySet().stream()
                    .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            java.util.Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(null);
        }
        if (templateId == null) {
            throw new IllegalArgumentException(texts.get("trend.risk.noAnalyses"));
        }
        RiskTemplate template = risks.template(templateId);
        MatrixCounts counts = trends.riskMatrix(templateId, template.matrix(), scope, s.from(), s.to());
        long all = trends.riskAnalysesPerTemplate(scope, s.from(), s.to()).values().stream()
                .mapToLong(Long::longValue).sum();
        if (counts.total(false) == 0 && counts.total(true) == 0) {
            throw new IllegalArgumentException(texts.get("trend.risk.empty", templateName(template), all - counts.analyses()));
        }
        List<String> explanations = new ArrayList<>();
        ScoreBand top = template.matrix().bands().getLast();
        long topAfter = counts.byBand(true).get(top);
        if (topAfter > 0) {
            explanations.add(texts.get("trend.risk.topAfter", topAfter, top.label().toLowerCase(texts.locale())));
        }
        explanations.add(texts.get("trend.risk.analyses", counts.analyses(), templateName(template), counts.total(false)));
        explanations.add(texts.get("trend.risk.before", bands(counts.byBand(false))));
        explanations.add(texts.get("trend.risk.after", bands(counts.byBand(true))));
        if (all > counts.analyses()) {
            explanations.add(texts.get("trend.risk.otherTemplates", all - counts.analyses()));
        }
        if (counts.outside() > 0) {
            explanations.add(texts.get("trend.risk.outside", counts.outside()));
        }
        explanations.add(texts.get("trend.risk.hint"));
        String subtitle = where(s, organisation.tree()) + " · " + s.from() + "–" + s.to() + " · "
                + texts.get("trend.risk.onlyTemplate", templateName(template), counts.analyses());
        return new ChartData(texts.get("trend.title.RISK_MATRIX"), subtitle, texts.get("risk.field.probability"),
                ChartStyle.BARS, ChartType.RUN, List.of(), explanations, topAfter > 0, ChartKind.RISK_MATRIX,
                texts.get("trend.risk.axis.before"), texts.get("trend.risk.axis.after"), List.of(), counts);
    }

    private String bands(Map<ScoreBand, Long> byBand) {
        return String.join(", ", byBand.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase(texts.locale())).toList());
    }

    /** The template's name with its matrix size ("4×4") unless the name already says it. */
    static String templateName(RiskTemplate t) {
        return t.nameWithSize();
    }

}
