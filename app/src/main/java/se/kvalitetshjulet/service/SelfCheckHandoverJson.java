package se.kvalitetshjulet.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.selfcheck.Handover.AnswerFile;
import se.kvalitetshjulet.domain.selfcheck.Handover.FormFile;
import se.kvalitetshjulet.domain.selfcheck.Handover.KeyedAction;
import se.kvalitetshjulet.domain.selfcheck.Handover.KeyedAnswer;
import se.kvalitetshjulet.domain.selfcheck.Handover.PathStep;
import se.kvalitetshjulet.domain.selfcheck.Handover.RoundRef;
import se.kvalitetshjulet.domain.selfcheck.Handover.UnitRef;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Template;

/**
 * The two hand-over files as JSON: a formulärfil ({@code .kvh-egenkontroll}) and a svarsfil
 * ({@code .kvh-svar}). Each holds {@code format}, {@code formatVersion}, a {@code payload} and a
 * {@code checksum}: SHA-256 over the canonical form of everything but the checksum (keys sorted,
 * no white space), so a damaged or edited file is detected however it was reformatted.
 */
public final class SelfCheckHandoverJson {
    public static final String FORM_FORMAT = "kvalitetshjulet.egenkontroll.formular";
    public static final String ANSWERS_FORMAT = "kvalitetshjulet.egenkontroll.svar";
    public static final int FORMAT_VERSION = 1;
    public static final String FORM_EXTENSION = ".kvh-egenkontroll";
    public static final String ANSWERS_EXTENSION = ".kvh-svar";
    static final String DAMAGED = "Filen är skadad: innehållet stämmer inte med kontrollsumman. "
            + "Be avsändaren att skicka filen på nytt.";
    private static final long MAX_BYTES = 5_000_000;

    /** Duplicate keys are refused: we never write them, and a reader that kept the last one could be fooled. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    /**
     * A file's content and its checksum (which identifies the file). A form file carries the key its unit signs
     * the answers with ({@code answerKey}); an answer file carries its {@code signature} (HMAC-SHA256, hex) over
     * {@code signedContent}, the canonical text of everything but the checksum and the signature. Both are
     * {@code null} in files from before signatures (decision 16).
     */
    public record Read<T>(T content, String checksum, String answerKey, String signature, String signedContent) {
        /** Whether the file carries a signature. */
        public boolean signed() {
            return signature != null;
        }

        /** Whether the signature is the one {@code key} gives for the content (compared in constant time). */
        public boolean signedWith(String key) {
            if (signature == null || key == null) {
                return false;
            }
            byte[] expected = hmac(key, signedContent);
            byte[] stated;
            try {
                stated = HexFormat.of().parseHex(signature);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return MessageDigest.isEqual(expected, stated);
        }
    }

    static final String SIGNATURE_ALGORITHM = "HMAC-SHA256";
    private static final String UNIT_KEY_LABEL = "kvalitetshjulet.egenkontroll.svarsnyckel";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private SelfCheckHandoverJson() {
    }

    // ---- fingerprint and checksum -----------------------------------------------------

    /** Identity of a template version in every database: SHA-256 over its canonical content. */
    public static String fingerprint(Template t) {
        return sha256(canonical(SelfCheckTemplateJson.contentNode(t)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compact JSON with the keys of every object sorted, so equal content always gives equal text. */
    static String canonical(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                out.set(n, sorted(node.get(n)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return node;
    }

    // ---- signing keys (decision 16) -----------------------------------------------------

    /** A new round secret: 32 random bytes, hex. Made once per round, kept only in the coordinator's database. */
    public static String newRoundSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * The key one unit's answers to a round are signed with: HMAC-SHA256 of the round's uid and the unit's id
     * (in the coordinator's database) under the round secret. It travels in that unit's form file only, so an
     * answer file signed with it was made from that form; the coordinator derives it again to verify.
     */
    public static String unitKey(String roundSecret, String roundUid, long unitId) {
        return HexFormat.of().formatHex(hmac(roundSecret, UNIT_KEY_LABEL + "\n" + roundUid + "\n" + unitId));
    }

    private static byte[] hmac(String keyHex, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(HexFormat.of().parseHex(keyHex), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Canonical text of what a signature covers: the whole file but its checksum and its signature. */
    private static String signedContentOf(ObjectNode root) {
        ObjectNode covered = root.deepCopy();
        covered.remove("checksum");
        covered.remove("signature");
        return canonical(covered);
    }

    private static String checksumOf(ObjectNode root) {
        ObjectNode covered = root.deepCopy();
        covered.remove("checksum");
        return sha256(canonical(covered));
    }

    // ---- writing ----------------------------------------------------------------------

    /** Writes a form file without a key for the answers (as files from before decision 16); returns its checksum. */
    public static String write(FormFile f, Path target) {
        return write(f, null, target);
    }

    /**
     * Writes a form file carrying {@code answerKey}, the key the unit's answer file is to be signed with;
     * returns its checksum.
     */
    public static String write(FormFile f, String answerKey, Path target) {
        ObjectNode payload = JSON.createObjectNode();
        payload.set("round", round(f.round()));
        ObjectNode template = payload.putObject("template");
        template.put("fingerprint", f.templateFingerprint());
        template.set("content", SelfCheckTemplateJson.contentNode(f.template()));
        ObjectNode unit = payload.putObject("unit");
        unit.put("id", f.unit().id());
        unit.put("name", f.unit().name());
        ArrayNode path = unit.putArray("path");
        for (PathStep s : f.unit().path()) {
            ObjectNode step = path.addObject();
            step.put("name", s.name());
            step.put("level", s.level() == null ? null : s.level().name());
        }
        ObjectNode response = payload.putObject("response");
        response.put("status", f.status().name());
        response.set("answers", answers(f.answers()));
        payload.put("exportedBy", f.exportedBy());
        payload.put("exportedAt", time(f.exportedAt()));
        if (answerKey != null) {
            payload.put("answerKey", answerKey);
        }
        return writeFile(FORM_FORMAT, payload, null, target);
    }

    /** Writes an unsigned answer file (as files from before decision 16); returns its checksum. */
    public static String write(AnswerFile f, Path target) {
        return write(f, null, target);
    }

    /** Writes an answer file signed with {@code signingKey} (the key from the unit's form); returns its checksum. */
    public static String write(AnswerFile f, String signingKey, Path target) {
        ObjectNode payload = JSON.createObjectNode();
        payload.set("round", round(f.round()));
        ObjectNode template = payload.putObject("template");
        template.put("fingerprint", f.templateFingerprint());
        template.put("name", f.templateName());
        template.put("version", f.templateVersion());
        ObjectNode unit = payload.putObject("unit");
        unit.put("id", f.unitId());
        unit.put("name", f.unitName());
        unit.put("path", f.unitPath());
        ObjectNode response = payload.putObject("response");
        response.put("status", f.status().name());
        response.put("submittedBy", f.submittedBy());
        response.put("submittedAt", time(f.submittedAt()));
        response.set("answers", answers(f.answers()));
        ArrayNode actions = response.putArray("actions");
        for (KeyedAction a : f.actions()) {
            ObjectNode n = actions.addObject();
            n.put("question", a.key());
            n.put("what", a.what());
            n.put("responsible", a.responsible());
            n.put("dueOn", a.dueOn() == null ? null : a.dueOn().toString());
            n.put("doneOn", a.doneOn() == null ? null : a.doneOn().toString());
        }
        payload.put("exportedBy", f.exportedBy());
        payload.put("exportedAt", time(f.exportedAt()));
        return writeFile(ANSWERS_FORMAT, payload, signingKey, target);
    }

    private static ObjectNode round(RoundRef r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("uid", r.uid());
        n.put("name", r.name());
        n.put("periodStart", r.periodStart() == null ? null : r.periodStart().toString());
        n.put("periodEnd", r.periodEnd() == null ? null : r.periodEnd().toString());
        n.put("dueOn", r.dueOn() == null ? null : r.dueOn().toString());
        return n;
    }

    private static ArrayNode answers(List<KeyedAnswer> answers) {
        ArrayNode out = JSON.createArrayNode();
        for (KeyedAnswer a : answers) {
            ObjectNode n = out.addObject();
            n.put("question", a.key());
            n.put("value", a.value());
            n.put("comment", a.comment());
            n.put("finding", a.finding());
        }
        return out;
    }

    private static String time(LocalDateTime t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String writeFile(String format, ObjectNode payload, String signingKey, Path target) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", format);
        root.put("formatVersion", FORMAT_VERSION);
        root.set("payload", payload);
        if (signingKey != null) {
            String value = HexFormat.of().formatHex(hmac(signingKey, signedContentOf(root)));
            ObjectNode sig = root.putObject("signature");
            sig.put("algorithm", SIGNATURE_ALGORITHM);
            sig.put("value", value);
        }
        String checksum = checksumOf(root);
        ObjectNode sum = root.putObject("checksum");
        sum.put("algorithm", "SHA-256");
        sum.put("value", checksum);
        try {
            Path dir = target.toAbsolutePath().getParent();
            Path tmp = se.kvalitetshjulet.data.TempFiles.create(".kvh-", ".tmp");
            try {
                Files.writeString(tmp, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
                se.kvalitetshjulet.data.TempFiles.moveInto(tmp, target);
            } finally {
                se.kvalitetshjulet.data.TempFiles.deleteQuietly(tmp);
            }
            return checksum;
        } catch (IOException e) {
            throw new UncheckedIOException("Filen kunde inte sparas till " + target + ".", e);
        }
    }

    // ---- reading ----------------------------------------------------------------------

    /**
     * Reads a form file.
     *
     * @throws IllegalArgumentException with a Swedish message saying what is wrong with the file
     */
    public static Read<FormFile> readForm(Path file) {
        Checked c = check(file, FORM_FORMAT);
        JsonNode p = c.payload();
        try {
            JsonNode t = required(p, "template");
            Template template = SelfCheckTemplateJson.fromContentNode(required(t, "content"));
            int version = t.path("content").path("sourceVersion").asInt(1);
            template = new Template(null, null, Math.max(1, version), template.name(), template.description(), true,
                    template.sections());
            JsonNode u = required(p, "unit");
            List<PathStep> path = new ArrayList<>();
            for (JsonNode s : u.path("path")) {
                String level = text(s, "level");
                path.add(new PathStep(requiredText(s, "name"), level == null ? null : known(OrgLevel.class, level, "level")));
            }
            UnitRef unit = new UnitRef(required(u, "id").asLong(), requiredText(u, "name"), path);
            JsonNode r = required(p, "response");
            return new Read<>(new FormFile(roundRef(required(p, "round")), template, requiredText(t, "fingerprint"), unit,
                    known(ResponseStatus.class, requiredText(r, "status"), "status"), keyedAnswers(r),
                    text(p, "exportedBy"), dateTime(text(p, "exportedAt"))), c.checksum(), key(text(p, "answerKey")),
                    null, null);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw incomplete(e);
        }
    }

    /**
     * Reads an answer file.
     *
     * @throws IllegalArgumentException with a Swedish message saying what is wrong with the file
     */
    public static Read<AnswerFile> readAnswers(Path file) {
        Checked c = check(file, ANSWERS_FORMAT);
        JsonNode p = c.payload();
        try {
            JsonNode t = required(p, "template");
            JsonNode u = required(p, "unit");
            JsonNode r = required(p, "response");
            List<KeyedAction> actions = new ArrayList<>();
            for (JsonNode a : r.path("actions")) {
                actions.add(new KeyedAction(requiredText(a, "question"), requiredText(a, "what"), text(a, "responsible"),
                        date(text(a, "dueOn")), date(text(a, "doneOn"))));
            }
            return new Read<>(new AnswerFile(roundRef(required(p, "round")), requiredText(t, "fingerprint"),
                    text(t, "name"), t.path("version").asInt(1), required(u, "id").asLong(), requiredText(u, "name"),
                    text(u, "path"), known(ResponseStatus.class, requiredText(r, "status"), "status"), text(r, "submittedBy"),
                    dateTime(text(r, "submittedAt")), keyedAnswers(r), actions, text(p, "exportedBy"),
                    dateTime(text(p, "exportedAt"))), c.checksum(), null, c.signature(), c.signedContent());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw incomplete(e);
        }
    }

    private record Checked(JsonNode payload, String checksum, String signature, String signedContent) { }

    /** A key as written by {@link #unitKey}: 64 hex digits; anything else is damage. */
    private static String key(String k) {
        if (k == null) {
            return null;
        }
        if (!k.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("nyckeln för svaren är ogiltig.");
        }
        return k.toLowerCase(java.util.Locale.ROOT);
    }

    private static Checked check(Path file, String expected) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("Filen " + file.getFileName() + " är för stor för att vara en "
                        + kind(expected) + " från Kvalitetshjulet.");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Filen " + file.getFileName() + " kunde inte läsas. Kontrollera att den "
                    + "finns och att du har läsrättighet.", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(looksLikeOurs(new String(bytes, StandardCharsets.ISO_8859_1))
                    ? DAMAGED : notOurs(expected), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark (an editor's or a mail program's) is not damage
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw new IllegalArgumentException("Filen innehåller samma fält två gånger, vilket Kvalitetshjulet "
                        + "aldrig skriver; den har ändrats efter att den sparades och läses inte. Be om en ny fil.", e);
            }
            throw new IllegalArgumentException(looksLikeOurs(text) ? DAMAGED : notOurs(expected), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(notOurs(expected));
        }
        String format = root.path("format").asText("");
        if (!format.equals(expected)) {
            if (format.equals(FORM_FORMAT) || format.equals(ANSWERS_FORMAT)) {
                throw new IllegalArgumentException("Filen är en " + kind(format) + ", inte en " + kind(expected) + ".");
            }
            throw new IllegalArgumentException(looksLikeOurs(text) ? DAMAGED : notOurs(expected));
        }
        if (root.path("formatVersion").asInt(0) > FORMAT_VERSION) {
            throw new IllegalArgumentException("Filen är skapad av en nyare version av Kvalitetshjulet; uppdatera programmet.");
        }
        String stated = root.path("checksum").path("value").asText("");
        String actual = checksumOf((ObjectNode) root);
        if (!actual.equalsIgnoreCase(stated) || !root.path("payload").isObject()) {
            throw new IllegalArgumentException(DAMAGED);
        }
        JsonNode sig = root.get("signature");
        String signature = null;
        if (sig != null && !sig.isNull()) {
            if (!SIGNATURE_ALGORITHM.equals(sig.path("algorithm").asText("")) || !sig.path("value").isTextual()) {
                throw new IllegalArgumentException(DAMAGED);
            }
            signature = sig.path("value").asText();
        }
        return new Checked(root.get("payload"), actual, signature,
                signature == null ? null : signedContentOf((ObjectNode) root));
    }

    private static boolean looksLikeOurs(String text) {
        return text.contains("kvalitetshjulet.egenkontroll") || text.contains("\"checksum\"");
    }

    private static String kind(String format) {
        return format.equals(FORM_FORMAT) ? "formulärfil för egenkontroll" : "svarsfil för egenkontroll";
    }

    private static String notOurs(String expected) {
        return "Filen är inte en " + kind(expected) + " från Kvalitetshjulet.";
    }

    private static IllegalArgumentException incomplete(Exception e) {
        return new IllegalArgumentException("Filen är skadad eller ofullständig: " + e.getMessage(), e);
    }

    private static RoundRef roundRef(JsonNode r) {
        return new RoundRef(requiredText(r, "uid"), requiredText(r, "name"), date(text(r, "periodStart")),
                date(text(r, "periodEnd")), date(text(r, "dueOn")));
    }

    private static List<KeyedAnswer> keyedAnswers(JsonNode response) {
        List<KeyedAnswer> out = new ArrayList<>();
        for (JsonNode a : response.path("answers")) {
            out.add(new KeyedAnswer(requiredText(a, "question"), text(a, "value"), text(a, "comment"),
                    a.path("finding").asBoolean(false)));
        }
        return out;
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("uppgiften ”" + field + "” saknas.");
        }
        return v;
    }

    private static String requiredText(JsonNode n, String field) {
        return required(n, field).asText();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A value of {@code type} by its name, or a Swedish refusal naming the field (never "No enum constant …"). */
    private static <E extends Enum<E>> E known(Class<E> type, String name, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("uppgiften ”" + field + "” har ett värde som Kvalitetshjulet inte känner till (”"
                + se.kvalitetshjulet.domain.Printable.escape(shorten(name)) + "”).");
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("”" + se.kvalitetshjulet.domain.Printable.escape(shorten(s))
                    + "” är inget giltigt datum (ÅÅÅÅ-MM-DD).", e);
        }
    }

    private static LocalDateTime dateTime(String s) {
        try {
            return s == null ? null : LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("”" + se.kvalitetshjulet.domain.Printable.escape(shorten(s))
                    + "” är ingen giltig tidpunkt (ÅÅÅÅ-MM-DDTtt:mm:ss).", e);
        }
    }

    /** A file name made of the given words: lower case, letters and digits, hyphens between. */
    public static String fileName(String... words) {
        String joined = String.join("-", words).toLowerCase(java.util.Locale.ROOT);
        String s = joined.replaceAll("[^a-z0-9åäöéü]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "egenkontroll" : s;
    }

}
