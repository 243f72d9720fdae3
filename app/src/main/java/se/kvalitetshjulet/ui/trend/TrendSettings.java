package se.kvalitetshjulet.ui.trend;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.trend.Annotation;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.TrendMeasure;

/**
 * One chart's settings, storable as JSON: a council's deck is a list of these. Ids, not screen objects, so a
 * saved deck survives restarts. Settings saved before chart kinds and annotations existed read as a trend
 * chart without annotations. {@code riskTemplateId} is the risk-analysis template whose matrix a risk-matrix chart
 * counts (null: the most used one).
 */
public record TrendSettings(ChartKind chartKind, DeviationKind kind, Long categoryId, Long unitId, Long areaId,
                            Granularity granularity, TrendMeasure measure, ChartStyle style, LocalDate from,
                            LocalDate to, Integer freeze, LocalDate phaseStart, Long templateFamilyId,
                            List<Annotation> annotations, Long riskTemplateId) {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public TrendSettings {
        chartKind = chartKind == null ? ChartKind.TREND : chartKind;
        granularity = granularity == null ? Granularity.MONTH : granularity;
        measure = measure == null ? TrendMeasure.COUNT : measure;
        style = style == null ? ChartStyle.RUN : style;
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
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

    public TrendSettings withKind(ChartKind k) {
        return new TrendSettings(k, kind, categoryId, unitId, areaId, granularity, measure, style, from, to, freeze,
                phaseStart, templateFamilyId, annotations, riskTemplateId);
    }

    public TrendSettings withAnnotations(List<Annotation> a) {
        return new TrendSettings(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to,
                freeze, phaseStart, templateFamilyId, a, riskTemplateId);
    }

    public TrendSettings withTemplateFamily(Long family) {
        return new TrendSettings(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to,
                freeze, phaseStart, family, annotations, riskTemplateId);
    }

    public TrendSettings withRiskTemplate(Long template) {
        return new TrendSettings(chartKind, kind, categoryId, unitId, areaId, granularity, measure, style, from, to,
                freeze, phaseStart, templateFamilyId, annotations, template);
    }

    /** The phase start in force: the chosen date, or else the first annotation marked as a phase split. */
    public LocalDate effectivePhaseStart() {
        if (phaseStart != null) {
            return phaseStart;
        }
        return annotations.stream().filter(Annotation::phaseSplit).map(Annotation::date).sorted().findFirst().orElse(null);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TrendSettings fromJson(String json) {
        try {
            return JSON.readValue(json, TrendSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Diagraminställningen kunde inte läsas.", e);
        }
    }
}
