package se.kvalitetshjulet.domain.trend;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import se.kvalitetshjulet.domain.deviation.DeviationKind;

/**
 * One chart's settings, the persisted format of a deck slide (stored as JSON in {@code saved_filter} by
 * {@code service.TrendSettingsJson}): ids, not screen objects, so a saved deck survives restarts. Settings saved before
 * a field existed read it as {@code null}, which means its default: a trend chart, no annotations, no excluded points,
 * moving-range screening as qicharts2 ({@code screenMr} null), the default improvement direction and no target.
 *
 * <p>Everything a chart was computed with is here, so the controls, the deck and the {@code spc} command can show the
 * same thing: {@code freeze} (baseline points), {@code phaseStart}, {@code excluded} (1-based points), {@code screenMr},
 * the style (and so the chart type) and the period. {@code riskTemplateId} is the risk-analysis template whose matrix a
 * risk-matrix chart counts (null: the most used one). {@code target} is in the chart's own unit (per 1 000 vårddygn,
 * percent, days).
 */
public record TrendSettings(ChartKind chartKind, DeviationKind kind, Long categoryId, Long unitId, Long areaId,
                            Granularity granularity, TrendMeasure measure, ChartStyle style, LocalDate from,
                            LocalDate to, Integer freeze, LocalDate phaseStart, Long templateFamilyId,
                            List<Annotation> annotations, Long riskTemplateId, List<Integer> excluded,
                            Boolean screenMr, Improvement improvement, Double target) {

    public TrendSettings {
        chartKind = chartKind == null ? ChartKind.TREND : chartKind;
        granularity = granularity == null ? Granularity.MONTH : granularity;
        measure = measure == null ? TrendMeasure.COUNT : measure;
        style = style == null ? ChartStyle.RUN : style;
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        excluded = excluded == null ? List.of() : List.copyOf(new TreeSet<>(excluded));
        freeze = freeze == null || freeze < 1 ? null : freeze;
    }

    /** Settings with the defaults for excluded points, screening, direction and target. */
    public TrendSettings(ChartKind chartKind, DeviationKind kind, Long categoryId, Long unitId, Long areaId,
                         Granularity granularity, TrendMeasure measure, ChartStyle style, LocalDate from, LocalDate to,
                         Integer freeze, LocalDate phaseStart, Long templateFamilyId, List<Annotation> annotations,
                         Long riskTemplateId) {
        this(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to, freeze, phaseStart,
                templateFamilyId, annotations, riskTemplateId, List.of(), null, null, null);
    }

    /** Settings without a risk-analysis template. */
    public TrendSettings(ChartKind chartKind, DeviationKind kind, Long categoryId, Long unitId, Long areaId,
                         Granularity granularity, TrendMeasure measure, ChartStyle style, LocalDate from, LocalDate to,
                         Integer freeze, LocalDate phaseStart, Long templateFamilyId, List<Annotation> annotations) {
        this(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to, freeze, phaseStart,
                templateFamilyId, annotations, null);
    }

    /** A trend chart's settings (no annotations). */
    public static TrendSettings trend(DeviationKind kind, Long categoryId, Long unitId, Long areaId, Granularity g,
                                      TrendMeasure measure, ChartStyle style, LocalDate from, LocalDate to,
                                      Integer freeze, LocalDate phaseStart) {
        return new TrendSettings(ChartKind.TREND, kind, categoryId, unitId, areaId, g, measure, style, from, to, freeze,
                phaseStart, null, List.of());
    }

    /** What the chart screen opens with: all deviations per month, run chart, the last 36 complete months. */
    public static TrendSettings standard(LocalDate today) {
        LocalDate lastComplete = today.withDayOfMonth(1).minusDays(1);
        return trend(null, null, null, null, Granularity.MONTH, TrendMeasure.COUNT, ChartStyle.RUN,
                lastComplete.withDayOfMonth(1).minusMonths(35), lastComplete, null, null);
    }

    public TrendSettings withKind(ChartKind k) {
        return new TrendSettings(k, kind, categoryId, unitId, areaId, granularity, measure, style, from, to, freeze,
                phaseStart, templateFamilyId, annotations, riskTemplateId, excluded, screenMr, improvement, target);
    }

    public TrendSettings withAnnotations(List<Annotation> a) {
        return new TrendSettings(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to,
                freeze, phaseStart, templateFamilyId, a, riskTemplateId, excluded, screenMr, improvement, target);
    }

    public TrendSettings withTemplateFamily(Long family) {
        return new TrendSettings(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to,
                freeze, phaseStart, family, annotations, riskTemplateId, excluded, screenMr, improvement, target);
    }

    public TrendSettings withRiskTemplate(Long template) {
        return new TrendSettings(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to,
                freeze, phaseStart, templateFamilyId, annotations, template, excluded, screenMr, improvement, target);
    }

    /** The same chart with its SPC choices: excluded points, screening, direction and target. */
    public TrendSettings withSpc(List<Integer> excludedPoints, Boolean screen, Improvement better, Double aim) {
        return new TrendSettings(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to,
                freeze, phaseStart, templateFamilyId, annotations, riskTemplateId, excludedPoints, screen, better, aim);
    }

    public TrendSettings withFreeze(Integer points) {
        return new TrendSettings(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to,
                points, phaseStart, templateFamilyId, annotations, riskTemplateId, excluded, screenMr, improvement,
                target);
    }

    /** The phase start in force: the chosen date, or else the first annotation marked as a phase split. */
    public LocalDate effectivePhaseStart() {
        if (phaseStart != null) {
            return phaseStart;
        }
        return annotations.stream().filter(Annotation::phaseSplit).map(Annotation::date).sorted().findFirst().orElse(null);
    }

    /** Screening in force: as chosen, else what {@code library(qicharts2)} gives (on). */
    public boolean screening() {
        return screenMr == null ? se.kvalitetshjulet.domain.spc.SpcRequest.QICHARTS2_SCREENING : screenMr;
    }

    /** The improvement direction in force: as chosen, else the default for the chart. */
    public Improvement betterWhen() {
        return improvement != null ? improvement : Improvement.defaultFor(chartKind, measure);
    }
}
