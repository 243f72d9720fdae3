package se.kvalitetshjulet.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;

/**
 * A self-check template as a JSON file, so that municipalities can share forms. The file holds
 * the content only (no ids, no version history); importing it creates a new template.
 */
public final class SelfCheckTemplateJson {
    public static final String FORMAT = "kvalitetshjulet.egenkontroll.mall";
    public static final int FORMAT_VERSION = 1;
    private static final long MAX_BYTES = 2_000_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SelfCheckTemplateJson() {
    }

    public static String toJson(Template t) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.setAll(contentNode(t));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The template's content (name, description, version, sections and questions) as a JSON object. */
    static ObjectNode contentNode(Template t) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", t.name());
        root.put("description", t.description());
        root.put("sourceVersion", t.version());
        ArrayNode sections = root.putArray("sections");
        for (TemplateSection s : t.sections()) {
            ObjectNode sn = sections.addObject();
            sn.put("title", s.title());
            ArrayNode qs = sn.putArray("questions");
            for (Question q : s.questions()) {
                ObjectNode qn = qs.addObject();
                qn.put("key", q.key());
                qn.put("text", q.text());
                qn.put("type", q.type().name());
                qn.put("required", q.required());
                qn.put("help", q.helpText());
                qn.put("reference", q.reference());
                ArrayNode opts = qn.putArray("options");
                q.options().forEach(opts::add);
                ObjectNode f = qn.putObject("finding");
                ArrayNode vals = f.putArray("values");
                q.findingRule().values().stream().sorted().forEach(vals::add);
                if (q.findingRule().below() != null) {
                    f.put("below", q.findingRule().below());
                }
                if (q.findingRule().above() != null) {
                    f.put("above", q.findingRule().above());
                }
            }
        }
        return root;
    }

    public static void write(Template t, Path target) {
        try {
            Path tmp = se.kvalitetshjulet.data.TempFiles.create(".mall-", ".tmp");
            try {
                Files.writeString(tmp, toJson(t));
                se.kvalitetshjulet.data.TempFiles.moveInto(tmp, target);
            } finally {
                se.kvalitetshjulet.data.TempFiles.deleteQuietly(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Mallen kunde inte sparas till " + target + ".", e);
        }
    }

    /**
     * Reads a template file.
     *
     * @throws IllegalArgumentException with a Swedish message saying what is wrong with the file
     */
    public static Template read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("Filen är för stor för att vara en mall för egenkontroll.");
            }
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Filen " + file.getFileName() + " kunde inte läsas: " + e.getMessage(), e);
        }
    }

    public static Template fromJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Filen är inte en giltig JSON-fil och kan inte läsas som en mall.", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("Filen är inte en mall för egenkontroll från Kvalitetshjulet.");
        }
        if (root.path("formatVersion").asInt() > FORMAT_VERSION) {
            throw new IllegalArgumentException("Mallen är skapad av en nyare version av Kvalitetshjulet; uppdatera programmet.");
        }
        return fromContentNode(root);
    }

    /** A new (unsaved) template from {@link #contentNode}; Swedish message when it is incomplete. */
    static Template fromContentNode(JsonNode root) {
        List<TemplateSection> sections = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int n = 0;
        for (JsonNode sn : root.path("sections")) {
            List<Question> qs = new ArrayList<>();
            for (JsonNode qn : sn.path("questions")) {
                n++;
                AnswerType type;
                try {
                    type = AnswerType.valueOf(qn.path("type").asText());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Fråga " + n + " har en okänd svarstyp: " + qn.path("type").asText(), e);
                }
                String key = text(qn, "key");
                if (key == null || !keys.add(key)) {
                    key = "q" + n;
                    while (!keys.add(key)) {
                        key = key + "b";
                    }
                }
                List<String> options = new ArrayList<>();
                qn.path("options").forEach(o -> options.add(o.asText()));
                JsonNode f = qn.path("finding");
                Set<String> values = new HashSet<>();
                f.path("values").forEach(v -> values.add(v.asText()));
                FindingRule rule = new FindingRule(values, f.hasNonNull("below") ? f.get("below").asDouble() : null,
                        f.hasNonNull("above") ? f.get("above").asDouble() : null);
                qs.add(new Question(null, key, text(qn, "text"), type, qn.path("required").asBoolean(false),
                        text(qn, "help"), text(qn, "reference"), options, rule));
            }
            sections.add(new TemplateSection(null, text(sn, "title"), qs));
        }
        Template t = Template.draft(text(root, "name"), text(root, "description"), sections);
        if (!t.validate().isEmpty()) {
            throw new IllegalArgumentException("Mallen i filen är ofullständig (namn, avsnitt eller frågor saknas).");
        }
        return t;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
