package se.kvalitetshjulet.ui.trend;

import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.TrendMeasure;

/**
 * One chart's settings, storable as JSON: the council's deck is a list of these. Ids, not
 * screen objects, so a saved deck survives restarts.
 */
public record TrendSettings(DeviationKind kind, Long categoryId, Long unitId, Long areaId, Granularity granularity,
                            TrendMeasure measure, ChartStyle style, LocalDate from, LocalDate to, Integer freeze,
                            LocalDate phaseStart) {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

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
