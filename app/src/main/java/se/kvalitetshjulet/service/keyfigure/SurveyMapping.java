package se.kvalitetshjulet.service.keyfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.ValueParsers;

/**
 * Which column of a survey file fills which {@link SurveyField}, as the deviation import's {@link ImportMapping}
 * does for deviations: guessed from the headers, or saved as JSON among the import mappings (the name starts with
 * {@value #NAME_PREFIX}), e.g. {@code {"kind": "survey", "columns": {"unit": "Verksamhet", "share": "Resultat"}}}.
 */
public record SurveyMapping(Map<SurveyField, String> columns) {
    public static final String NAME_PREFIX = "Brukarundersökning: ";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SurveyMapping {
        EnumMap<SurveyField, String> m = new EnumMap<>(SurveyField.class);
        if (columns != null) {
            columns.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                    m.put(k, v.strip());
                }
            });
        }
        columns = Collections.unmodifiableMap(m);
    }

    /** Each field gets the first header matching one of its synonyms; a header is used once. */
    public static SurveyMapping guess(List<String> headers) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String h : headers) {
            byKey.putIfAbsent(ValueParsers.key(h), h);
        }
        Set<String> used = new HashSet<>();
        EnumMap<SurveyField, String> cols = new EnumMap<>(SurveyField.class);
        for (SurveyField f : SurveyField.values()) {
            for (String s : f.synonyms()) {
                String h = byKey.get(ValueParsers.key(s));
                if (h != null && used.add(h)) {
                    cols.put(f, h);
                    break;
                }
            }
        }
        return new SurveyMapping(cols);
    }

    /** This mapping with the columns of {@code other} taking precedence. */
    public SurveyMapping overriddenBy(SurveyMapping other) {
        EnumMap<SurveyField, String> m = new EnumMap<>(SurveyField.class);
        m.putAll(columns);
        m.putAll(other.columns);
        return new SurveyMapping(m);
    }

    public int index(List<String> headers, SurveyField f) {
        return ImportMapping.indexOf(headers, columns.get(f));
    }

    /** What stops this mapping from reading a file with {@code headers}, in plain Swedish. */
    public List<String> problems(List<String> headers, boolean yearGiven) {
        List<String> out = new ArrayList<>();
        String found = headers.stream().map(h -> "'" + h + "'").collect(Collectors.joining(", "));
        columns.forEach((f, h) -> {
            if (ImportMapping.indexOf(headers, h) < 0) {
                out.add("Kolumnen '" + h + "' för '" + f.label() + "' finns inte i filen. Rubriker i filen: " + found + ".");
            }
        });
        for (SurveyField f : List.of(SurveyField.UNIT, SurveyField.QUESTION, SurveyField.SHARE)) {
            if (!columns.containsKey(f)) {
                out.add("Filen saknar en kolumn för '" + f.label() + "' (t.ex. " + f.synonyms().stream().limit(3)
                        .map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + "). Rubriker i filen: " + found
                        + ". Ange kolumnen i en mappning.");
            }
        }
        if (!yearGiven && !columns.containsKey(SurveyField.YEAR)) {
            out.add("Filen saknar en kolumn för år. Ange året med --year (t.ex. --year 2025) eller välj kolumnen i en mappning.");
        }
        if (!columns.containsKey(SurveyField.RESPONDENTS)) {
            out.add("Filen saknar en kolumn för antal svarande. Utan den kan varken osäkerhet eller sekretessgränsen "
                    + "(färre än 30 svarande) bedömas. Rubriker i filen: " + found + ".");
        }
        return out;
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "survey");
        Map<String, String> cols = new LinkedHashMap<>();
        columns.forEach((f, h) -> cols.put(f.jsonName(), h));
        root.put("columns", cols);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException with a Swedish message when the JSON is broken or names an unknown field */
    public static SurveyMapping fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Mappningen är inte giltig JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode cols = root == null ? null : root.get("columns");
        if (cols == null || !cols.isObject()) {
            throw new IllegalArgumentException("Mappningen ska vara ett JSON-objekt med \"columns\".");
        }
        EnumMap<SurveyField, String> m = new EnumMap<>(SurveyField.class);
        for (Map.Entry<String, JsonNode> e : cols.properties()) {
            SurveyField f = SurveyField.fromJsonName(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "Okänt fält '" + e.getKey() + "' i mappningen. Giltiga fält: " + java.util.Arrays.stream(
                            SurveyField.values()).map(SurveyField::jsonName).collect(Collectors.joining(", ")) + "."));
            m.put(f, e.getValue().asText());
        }
        return new SurveyMapping(m);
    }
}
