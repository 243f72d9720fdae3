package se.kvalitetshjulet.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.ListsRepository;
import se.kvalitetshjulet.domain.deviation.DeadlineRules;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.lists.DeadlineRule;
import se.kvalitetshjulet.domain.lists.LawEntry;
import se.kvalitetshjulet.domain.lists.LegalReference;
import se.kvalitetshjulet.domain.lists.ListEntry;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.lists.ListsConfig;

/**
 * "Listor och regler" as a use case: the screen's edits (with validation) and the lists file
 * ({@code lists export} / {@code lists import}): one JSON document, validated whole and applied all or nothing in
 * one transaction with its audit rows (decision 0015).
 */
public final class ListsService {
    public static final String FORMAT = "kvalitetshjulet-listor";
    public static final int VERSION = 1;

    /** The outcome of reading or importing a lists file: problems (nothing written) or the changes made. */
    public record ImportOutcome(List<String> problems, List<String> changes) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Jackson made when it is first needed, not when the database opens (decision 0039). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Database db;
    private final ListsRepository lists;

    public ListsService(Database db, ListsRepository lists) {
        this.db = db;
        this.lists = lists;
    }

    public ListsConfig current() {
        return lists.read();
    }

    public List<ListEntry> entries(ListKind kind) {
        return lists.entries(kind);
    }

    public List<LegalReference> references() {
        return lists.references();
    }

    public int usage(ListKind kind, long id) {
        return lists.usage(kind, id);
    }

    /** The deadline days per deviation kind as configured (defaults for kinds without a rule). */
    public DeadlineRules deadlineRules() {
        Map<DeviationKind, Integer> m = new EnumMap<>(DeviationKind.class);
        for (DeadlineRule d : lists.read().deadlines()) {
            try {
                m.put(DeviationKind.valueOf(d.kind()), d.days());
            } catch (IllegalArgumentException notAKind) {
                // another rule (for example the IVO notification), not a kind's deadline
            }
        }
        return new DeadlineRules(m);
    }

    /** The citation of {@code lawCode} valid on {@code day} ("SoL (2001:453)" for a record of 2024). */
    public String citationOn(String lawCode, LocalDate day) {
        return LegalReference.validOn(lists.references(), lawCode, day).map(LegalReference::citation).orElse(null);
    }

    // ------------------------------------------------------------ screen edits

    /** Adds an entry; returns the problem (Swedish) instead when the name or code is taken or invalid. */
    public SaveResult<Long> add(ListKind kind, String code, String name) {
        String n = name == null ? "" : name.strip();
        String c = kind.coded() ? codeFor(code, n) : null;
        List<ListEntry> now = new ArrayList<>(lists.entries(kind));
        now.add(new ListEntry(null, c, n, true, now.size() + 1));
        List<String> p = validate(kind, now);
        if (!p.isEmpty()) {
            return SaveResult.rejected(p.stream().map(m -> new se.kvalitetshjulet.domain.Problem("name", m)).toList());
        }
        return SaveResult.saved(lists.add(kind, c, n));
    }

    public SaveResult<Long> rename(ListKind kind, long id, String newName) {
        String n = newName == null ? "" : newName.strip();
        List<ListEntry> now = lists.entries(kind).stream().map(e -> e.id() == id ? e.withName(n) : e).toList();
        List<String> p = validate(kind, now);
        if (!p.isEmpty()) {
            return SaveResult.rejected(p.stream().map(m -> new se.kvalitetshjulet.domain.Problem("name", m)).toList());
        }
        lists.rename(kind, id, n);
        return SaveResult.saved(id);
    }

    public SaveResult<Long> setActive(ListKind kind, long id, boolean active) {
        List<ListEntry> now = lists.entries(kind).stream()
                .map(e -> e.id() == id ? new ListEntry(e.id(), e.code(), e.name(), active, e.sortOrder()) : e).toList();
        List<String> p = validate(kind, now);
        if (!p.isEmpty()) {
            return SaveResult.rejected(p.stream().map(m -> new se.kvalitetshjulet.domain.Problem("active", m)).toList());
        }
        lists.setActive(kind, id, active);
        return SaveResult.saved(id);
    }

    public void move(ListKind kind, long id, int direction) {
        lists.move(kind, id, direction);
    }

    /** Merges {@code fromId} into {@code intoId}; returns how many records were moved. */
    public int merge(ListKind kind, long fromId, long intoId) {
        return lists.merge(kind, fromId, intoId);
    }

    public SaveResult<DeadlineRule> saveDeadline(DeadlineRule rule) {
        if (rule.days() < 1 || rule.days() > ListsConfig.MAX_DEADLINE_DAYS) {
            return SaveResult.rejected(List.of(new se.kvalitetshjulet.domain.Problem("days",
                    "Fristen ska vara 1–" + ListsConfig.MAX_DEADLINE_DAYS + " dagar.")));
        }
        lists.saveDeadline(rule);
        return SaveResult.saved(rule);
    }

    /** Adds or changes a legal reference; rejected when it would overlap another of the same law. */
    public SaveResult<LegalReference> saveReference(LegalReference ref) {
        ListsConfig cfg = lists.read();
        List<LegalReference> refs = new ArrayList<>(cfg.references().stream()
                .filter(r -> ref.id() == null || !ref.id().equals(r.id())).toList());
        refs.add(ref);
        List<String> p = new ListsConfig(cfg.lists(), cfg.deadlines(), cfg.laws(), refs).problems();
        if (!p.isEmpty()) {
            return SaveResult.rejected(p.stream().map(m -> new se.kvalitetshjulet.domain.Problem("reference", m)).toList());
        }
        lists.saveReference(ref);
        return SaveResult.saved(ref);
    }

    public void deleteReference(long id) {
        lists.deleteReference(id);
    }

    private List<String> validate(ListKind kind, List<ListEntry> entries) {
        ListsConfig cfg = lists.read();
        Map<ListKind, List<ListEntry>> m = new EnumMap<>(cfg.lists());
        m.put(kind, entries);
        return new ListsConfig(m, cfg.deadlines(), cfg.laws(), cfg.references()).problems();
    }

    private static String codeFor(String code, String name) {
        if (code != null && !code.isBlank()) {
            return code.strip().toUpperCase(Locale.ROOT);
        }
        String c = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        return c.isEmpty() ? "POST" : c.substring(0, Math.min(40, c.length()));
    }

    // ------------------------------------------------------------ the file

    /** The current configuration as the lists file (UTF-8 JSON, stable order: the same lists give the same bytes). */
    public String exportJson() {
        return toJson(lists.read());
    }

    public void exportTo(Path out) throws IOException {
        Files.writeString(out, exportJson(), StandardCharsets.UTF_8);
    }

    /** Reads, validates and applies a lists file, all or nothing. */
    public ImportOutcome importFrom(Path file) throws IOException {
        return importJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    public ImportOutcome importJson(String json) {
        List<String> problems = new ArrayList<>();
        ListsConfig cfg = parse(json, problems);
        if (cfg != null) {
            problems.addAll(cfg.problems());
        }
        if (!problems.isEmpty()) {
            return new ImportOutcome(problems, List.of());
        }
        try {
            List<String> changes = db.tx(tx -> lists.apply(tx, cfg)).stream().map(ListsRepository.Change::what).toList();
            return new ImportOutcome(List.of(), changes);
        } catch (IllegalArgumentException e) {
            return new ImportOutcome(List.of(e.getMessage()), List.of());
        }
    }

    static String toJson(ListsConfig cfg) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        for (ListKind k : ListKind.values()) {
            ArrayNode arr = root.putArray(k.fileKey());
            for (ListEntry e : cfg.list(k)) {
                ObjectNode n = arr.addObject();
                if (k.coded()) {
                    n.put("kod", e.code());
                }
                n.put("namn", e.name());
                n.put("aktiv", e.active());
            }
        }
        ArrayNode deadlines = root.putArray("fristregler");
        for (DeadlineRule d : cfg.deadlines()) {
            ObjectNode n = deadlines.addObject();
            n.put("typ", d.kind());
            n.put("dagar", d.days());
            n.put("lagrum", d.legalReference());
        }
        ArrayNode laws = root.putArray("lagar");
        for (LawEntry l : cfg.laws()) {
            ObjectNode n = laws.addObject();
            n.put("kod", l.code());
            n.put("namn", l.name());
            ArrayNode refs = n.putArray("lagrum");
            for (LegalReference r : cfg.references()) {
                if (r.lawCode().equals(l.code())) {
                    ObjectNode rn = refs.addObject();
                    rn.put("beteckning", r.citation());
                    rn.put("giltigFran", r.validFrom() == null ? null : r.validFrom().toString());
                    rn.put("giltigTill", r.validTo() == null ? null : r.validTo().toString());
                }
            }
        }
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return Json.MAPPER.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ListsConfig parse(String json, List<String> problems) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add("Filen är ingen giltig JSON (rad " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage() + ". Exportera listorna på nytt och ändra i den filen.");
            return null;
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            problems.add("Filen är ingen listfil från Kvalitetshjulet (\"format\": \"" + FORMAT
                    + "\" saknas). Utgå från en fil från 'lists export'.");
            return null;
        }
        if (root.path("version").asInt() > VERSION) {
            problems.add("Listfilen är av version " + root.path("version").asInt()
                    + ", som är nyare än det här programmet läser (" + VERSION + "). Uppdatera programmet.");
            return null;
        }
        Map<ListKind, List<ListEntry>> m = new EnumMap<>(ListKind.class);
        for (ListKind k : ListKind.values()) {
            JsonNode arr = root.get(k.fileKey());
            if (arr == null || !arr.isArray()) {
                problems.add("Listan \"" + k.fileKey() + "\" saknas. Ta med den (tom lista [] om den ska vara tom).");
                continue;
            }
            List<ListEntry> l = new ArrayList<>();
            int pos = 0;
            for (JsonNode n : arr) {
                pos++;
                JsonNode active = n.get("aktiv");
                if (active != null && !active.isBoolean()) {
                    problems.add("\"" + k.fileKey() + "\" post " + pos + ": \"aktiv\" ska vara true eller false.");
                }
                l.add(new ListEntry(null, k.coded() ? text(n, "kod") : null, text(n, "namn"),
                        active == null || active.asBoolean(), pos));
            }
            m.put(k, l);
        }
        List<DeadlineRule> deadlines = new ArrayList<>();
        JsonNode dl = root.get("fristregler");
        if (dl == null || !dl.isArray()) {
            problems.add("Listan \"fristregler\" saknas.");
        } else {
            for (JsonNode n : dl) {
                JsonNode days = n.get("dagar");
                if (days == null || !days.canConvertToInt() || !days.isIntegralNumber()) {
                    problems.add("\"fristregler\" " + text(n, "typ") + ": \"dagar\" ska vara ett heltal.");
                    continue;
                }
                deadlines.add(new DeadlineRule(text(n, "typ"), days.asInt(), text(n, "lagrum")));
            }
        }
        List<LawEntry> laws = new ArrayList<>();
        List<LegalReference> refs = new ArrayList<>();
        JsonNode lw = root.get("lagar");
        if (lw == null || !lw.isArray()) {
            problems.add("Listan \"lagar\" saknas.");
        } else {
            int pos = 0;
            for (JsonNode n : lw) {
                pos++;
                String code = text(n, "kod");
                laws.add(new LawEntry(code, text(n, "namn"), pos));
                for (JsonNode r : n.path("lagrum")) {
                    refs.add(new LegalReference(null, code, text(r, "beteckning") == null ? "" : text(r, "beteckning"),
                            date(r, "giltigFran", code, problems), date(r, "giltigTill", code, problems)));
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new ListsConfig(m, deadlines, laws, refs);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode n, String field, String law, List<String> problems) {
        String s = text(n, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            problems.add("\"lagar\" " + law + ": \"" + field + "\" = \"" + s + "\" är inget datum. Skriv ÅÅÅÅ-MM-DD.");
            return null;
        }
    }
}
