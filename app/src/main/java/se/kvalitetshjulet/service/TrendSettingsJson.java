package se.kvalitetshjulet.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.kvalitetshjulet.domain.trend.TrendSettings;

/** The stored form of {@link TrendSettings} (saved_filter.definition): JSON, unknown fields ignored, missing ones null. */
public final class TrendSettingsJson {
    /** Jackson made when it is first needed, not when the window starts (decision 0039). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    private TrendSettingsJson() {
    }

    public static String toJson(TrendSettings s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TrendSettings fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, TrendSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Diagraminställningen kunde inte läsas.", e);
        }
    }
}
