package se.kvalitetshjulet.service.imports;

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

/**
 * Which column of the file fills which field of a deviation, plus optional default values
 * (used when a column is not mapped or a cell is empty) and an optional source name (the
 * system the file comes from; the import remembers each row by source and external id).
 * Saved as JSON, e.g.
 *
 * <pre>{"source": "Treserva", "columns": {"externalId": "Ärendenummer", "occurredOn": "Händelsedatum",
 *   "unit": "Enhet", "category": "Kategori", "kind": "Typ", "title": "Rubrik"},
 *   "defaults": {"reporterRole": "Undersköterska"}}</pre>
 */
public record ImportMapping(Map<ImportField, String> columns, Map<ImportField, String> defaults, String source) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ImportMapping {
        columns = clean(columns);
        defaults = clean(defaults);
        source = source == null || source.isBlank() ? null : source.strip();
    }

    private static Map<ImportField, String> clean(Map<ImportField, String> in) {
        EnumMap<ImportField, String> m = new EnumMap<>(ImportField.class);
        if (in != null) {
            in.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                    m.put(k, v.strip());
                }
            });
        }
        return Collections.unmodifiableMap(m);
    }

    public static ImportMapping empty() {
        return new ImportMapping(Map.of(), Map.of(), null);
    }

    /**
     * The default mapping for a file: each field gets the first header that matches one of
     * its {@link ImportField#synonyms()} (our own export's headers, then common Swedish
     * names); a header is used for one field only.
     */
    public static ImportMapping guess(List<String> headers) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String h : headers) {
            byKey.putIfAbsent(ValueParsers.key(h), h);
        }
        Set<String> used = new HashSet<>();
        EnumMap<ImportField, String> cols = new EnumMap<>(ImportField.class);
        for (ImportField f : ImportField.values()) {
            for (String synonym : f.synonyms()) {
                String header = byKey.get(ValueParsers.key(synonym));
                if (header != null && used.add(header)) {
                    cols.put(f, header);
                    break;
                }
            }
        }
        return new ImportMapping(cols, Map.of(), null);
    }

    public String column(ImportField f) {
        return columns.get(f);
    }

    public String defaultValue(ImportField f) {
        return defaults.get(f);
    }

    public ImportMapping withColumn(ImportField f, String header) {
        EnumMap<ImportField, String> m = new EnumMap<>(ImportField.class);
        m.putAll(columns);
        if (header == null || header.isBlank()) {
            m.remove(f);
        } else {
            m.put(f, header);
        }
        return new ImportMapping(m, defaults, source);
    }

    public ImportMapping withDefault(ImportField f, String value) {
        EnumMap<ImportField, String> m = new EnumMap<>(ImportField.class);
        m.putAll(defaults);
        if (value == null || value.isBlank()) {
            m.remove(f);
        } else {
            m.put(f, value);
        }
        return new ImportMapping(columns, m, source);
    }

    public ImportMapping withSource(String s) {
        return new ImportMapping(columns, defaults, s);
    }

    /**
     * Where the mapped column of {@code f} is among {@code headers}: an exact match first,
     * else the one header that matches ignoring case and punctuation; -1 when not there.
     */
    public static int indexOf(List<String> headers, String header) {
        if (header == null) {
            return -1;
        }
        int i = headers.indexOf(header);
        if (i >= 0) {
            return i;
        }
        String key = ValueParsers.key(header);
        int found = -1;
        for (int j = 0; j < headers.size(); j++) {
            if (ValueParsers.key(headers.get(j)).equals(key)) {
                if (found >= 0) {
                    return -1;
                }
                found = j;
            }
        }
        return found;
    }

    /**
     * What stops this mapping from being used with a file that has {@code headers}: mapped
     * columns that are not in the file and required fields without a column or default.
     * Each message is plain Swedish and lists the headers that were found.
     */
    public List<String> problems(List<String> headers) {
        List<String> out = new ArrayList<>();
        String found = headers.stream().map(h -> "'" + h + "'").collect(Collectors.joining(", "));
        for (var e : columns.entrySet()) {
            if (indexOf(headers, e.getValue()) < 0) {
                out.add("Kolumnen '" + e.getValue() + "' som mappningen använder för '" + e.getKey().label()
                        + "' finns inte i filen. Rubriker i filen: " + found + ". Välj en annan kolumn i mappningen "
                        + "eller rätta rubrikraden i filen.");
            }
        }
        if (!columns.containsKey(ImportField.EXTERNAL_ID)) {
            out.add("Filen saknar en kolumn för externt id (t.ex. 'Ärendenummer' eller 'Id'). Varje rad behöver källsystemets "
                    + "id så att samma avvikelse aldrig importeras två gånger. Rubriker i filen: " + found
                    + ". Välj kolumnen för 'Externt id' i mappningen.");
        }
        for (ImportField f : List.of(ImportField.KIND, ImportField.UNIT, ImportField.CATEGORY)) {
            if (!columns.containsKey(f) && !defaults.containsKey(f)) {
                out.add(missing(f, found));
            }
        }
        if (!columns.containsKey(ImportField.REGISTERED_ON) && !columns.containsKey(ImportField.REPORTED_ON)
                && !columns.containsKey(ImportField.OCCURRED_ON) && !defaults.containsKey(ImportField.REGISTERED_ON)) {
            out.add("Filen saknar en datumkolumn (t.ex. 'Registrerad', 'Datum' eller 'Händelsedatum'). Rubriker i filen: "
                    + found + ". Välj kolumnen för 'Registrerad' (eller 'Rapporterad' eller 'Inträffad') i mappningen.");
        }
        if (!columns.containsKey(ImportField.TITLE) && !columns.containsKey(ImportField.DESCRIPTION)
                && !defaults.containsKey(ImportField.TITLE)) {
            out.add("Filen saknar en kolumn för rubrik eller beskrivning (t.ex. 'Rubrik' eller 'Beskrivning'). Rubriker i "
                    + "filen: " + found + ". Välj kolumnen för 'Rubrik' eller 'Beskrivning' i mappningen.");
        }
        return out;
    }

    private static String missing(ImportField f, String found) {
        String examples = f.synonyms().stream().limit(3).map(s -> "'" + s + "'").collect(Collectors.joining(", "));
        return "Filen saknar en kolumn för '" + f.label() + "' (t.ex. " + examples + "). Rubriker i filen: " + found
                + ". Välj kolumnen för '" + f.label() + "' i mappningen, eller ange ett standardvärde som gäller alla rader.";
    }

    /** For the command line: "Ärendenummer → Externt id, Datum → Registrerad, …". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        columns.forEach((f, h) -> parts.add("'" + h + "' → " + f.label()));
        defaults.forEach((f, v) -> parts.add(f.label() + " = '" + v + "'"));
        return String.join(", ", parts);
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        if (source != null) {
            root.put("source", source);
        }
        Map<String, String> cols = new LinkedHashMap<>();
        columns.forEach((f, h) -> cols.put(f.jsonName(), h));
        root.put("columns", cols);
        Map<String, String> defs = new LinkedHashMap<>();
        defaults.forEach((f, v) -> defs.put(f.jsonName(), v));
        root.put("defaults", defs);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a mapping saved by {@link #toJson()} or written by hand.
     *
     * @throws IllegalArgumentException with a Swedish message when the JSON is broken or names an unknown field
     */
    public static ImportMapping fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Mappningen är inte giltig JSON: " + e.getOriginalMessage()
                    + " (rad " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ").", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Mappningen ska vara ett JSON-objekt med \"columns\" (och gärna \"defaults\").");
        }
        return new ImportMapping(fields(root.get("columns"), "columns"), fields(root.get("defaults"), "defaults"),
                root.hasNonNull("source") ? root.get("source").asText() : null);
    }

    private static Map<ImportField, String> fields(JsonNode node, String what) {
        EnumMap<ImportField, String> m = new EnumMap<>(ImportField.class);
        if (node == null || node.isNull()) {
            return m;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"" + what + "\" i mappningen ska vara ett objekt, t.ex. "
                    + "{\"externalId\": \"Ärendenummer\"}.");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            ImportField f = ImportField.fromJsonName(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "Okänt fält '" + e.getKey() + "' i \"" + what + "\" i mappningen. Giltiga fält: "
                            + java.util.Arrays.stream(ImportField.values()).map(ImportField::jsonName)
                            .collect(Collectors.joining(", ")) + "."));
            if (!e.getValue().isNull()) {
                m.put(f, e.getValue().asText());
            }
        }
        return m;
    }
}
