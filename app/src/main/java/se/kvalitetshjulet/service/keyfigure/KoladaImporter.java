package se.kvalitetshjulet.service.keyfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.KeyFigureRepository;
import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.domain.keyfigure.KoladaValue;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.Municipality;

/**
 * Reads a file saved from the Kolada API v3 — {@code {"values": [...], "next_url": ...}}, a list of such pages, or a
 * bare list — and writes what it holds: data values ({@code data/kpi/…} and {@code oudata/kpi/…}), KPI metadata
 * ({@code kpi}) or municipalities ({@code municipality}), recognised per object. Everything is checked first; one
 * bad object and nothing is written. Values are written as Kolada has them: {@code null} stays missing (never 0),
 * {@code status} is kept, the K/M/T gender rows are kept, and {@code count} &gt; 1 marks a municipality group (an
 * unweighted mean). Importing the same file again changes nothing.
 */
public final class KoladaImporter {
    /** The setting holding our own municipality's Kolada code, e.g. "1280". */
    public static final String OWN_MUNICIPALITY = "keyfigures.municipality";
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{4}|G\\d{1,8}|[A-Z0-9]{1,20}");
    private static final Set<String> GENDERS = Set.of("T", "K", "M");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the import did or why it wrote nothing. */
    public record Result(int kpis, int municipalities, int inserted, int updated, int unchanged, int missingValues,
                         int groupValues, String municipalitySet, String municipalityNote, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }

        public boolean changedAnything() {
            return inserted + updated > 0;
        }
    }

    private final Database db;
    private final KeyFigureRepository repo;
    private final SettingsRepository settings;
    private final se.kvalitetshjulet.data.repo.KoladaUnitRepository ous;

    public KoladaImporter(Database db, KeyFigureRepository repo, SettingsRepository settings,
                          se.kvalitetshjulet.data.repo.KoladaUnitRepository ous) {
        this.db = db;
        this.repo = repo;
        this.settings = settings;
        this.ous = ous;
    }

    /** Whether {@code code} looks like a Kolada municipality code ("1280", "0000", a group "G33…"). */
    public static boolean validMunicipalityCode(String code) {
        return code != null && code.matches("\\d{4}");
    }

    public Result importFile(Path file, String ownMunicipality) throws IOException {
        if (!Files.isRegularFile(file)) {
            return rejected("Filen " + file + " finns inte. Kontrollera sökvägen.");
        }
        if (ownMunicipality != null && !validMunicipalityCode(ownMunicipality)) {
            return rejected("Kommunkoden '" + ownMunicipality + "' är inte giltig. Ange kommunens fyrsiffriga kod i "
                    + "Kolada, t.ex. 1280 för Malmö (0000 är riket).");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            return rejected("Filen " + file.getFileName() + " är inte giltig JSON (rad "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "): " + e.getOriginalMessage()
                    + ". Spara svaret från Kolada igen utan att ändra det.");
        }
        return importJson(root, file.getFileName().toString(), ownMunicipality);
    }

    /** Imports already parsed JSON (a fetched answer); {@code source} names it in the audit trail. */
    public Result importJson(JsonNode root, String source, String ownMunicipality) {
        List<JsonNode> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        collect(root, objects, errors);
        Map<String, Kpi> kpis = new LinkedHashMap<>();
        Map<String, Municipality> municipalities = new LinkedHashMap<>();
        Map<String, se.kvalitetshjulet.domain.keyfigure.KoladaOu> units = new LinkedHashMap<>();
        List<KoladaValue> values = new ArrayList<>();
        int missing = 0;
        int groups = 0;
        for (int i = 0; i < objects.size() && errors.size() < 100; i++) {
            JsonNode o = objects.get(i);
            String where = "Objekt " + (i + 1);
            if (o.has("kpi") && o.has("values")) {
                String kpi = text(o, "kpi");
                String municipality = text(o, "municipality");
                String ou = text(o, "ou");
                JsonNode period = o.get("period");
                if (kpi == null || kpi.isBlank()) {
                    errors.add(where + ": \"kpi\" saknas.");
                    continue;
                }
                if (municipality == null && ou == null) {
                    errors.add(where + " (" + kpi + "): varken \"municipality\" eller \"ou\" finns.");
                    continue;
                }
                if (period == null || !period.canConvertToInt() || period.asInt() < 1900 || period.asInt() > 2200) {
                    errors.add(where + " (" + kpi + "): \"period\" ska vara ett årtal, t.ex. 2025; hittade "
                            + (period == null ? "inget" : period.toString()) + ".");
                    continue;
                }
                if (!o.get("values").isArray()) {
                    errors.add(where + " (" + kpi + "): \"values\" ska vara en lista.");
                    continue;
                }
                if (municipality != null && !MUNICIPALITY_CODE.matcher(municipality).matches()) {
                    errors.add(where + " (" + kpi + "): kommunkoden '" + municipality + "' är inte giltig.");
                    continue;
                }
                for (JsonNode v : o.get("values")) {
                    String gender = text(v, "gender");
                    if (gender == null || !GENDERS.contains(gender)) {
                        errors.add(where + " (" + kpi + ", " + period.asInt() + "): kön '" + gender
                                + "' är okänt; Kolada använder T (totalt), K (kvinnor) och M (män).");
                        continue;
                    }
                    JsonNode value = v.get("value");
                    Double d = null;
                    if (value != null && !value.isNull()) {
                        if (!value.isNumber()) {
                            errors.add(where + " (" + kpi + ", " + period.asInt() + ", " + gender + "): värdet "
                                    + value + " är inget tal. Ett saknat värde ska vara null.");
                            continue;
                        }
                        d = value.asDouble();
                    } else {
                        missing++;
                    }
                    int count = v.has("count") && v.get("count").canConvertToInt() ? v.get("count").asInt() : 1;
                    String code = municipality != null ? municipality : "";
                    if (count > 1 || code.startsWith("G")) {
                        groups++;
                    }
                    values.add(new KoladaValue(kpi, code, ou, period.asInt(), gender, d, text(v, "status"),
                            Math.max(1, count)));
                }
            } else if (o.has("id") && o.has("title") && (o.has("operating_area") || o.has("is_divided_by_gender"))) {
                Kpi k = new Kpi(text(o, "id"), text(o, "title"), text(o, "description"),
                        o.path("is_divided_by_gender").asBoolean(false), text(o, "municipality_type"),
                        text(o, "operating_area"), text(o, "perspective"), o.path("has_ou_data").asBoolean(false),
                        text(o, "publ_period"));
                if (k.id() == null || k.id().isBlank() || k.title() == null) {
                    errors.add(where + ": nyckeltalet saknar id eller titel.");
                    continue;
                }
                kpis.put(k.id(), k);
            } else if (o.has("id") && o.has("title") && o.has("municipality") && !o.has("type")) {
                // an organisational unit (/v3/ou): id, title, municipality
                units.put(text(o, "id"), new se.kvalitetshjulet.domain.keyfigure.KoladaOu(text(o, "id"), text(o, "title"),
                        text(o, "municipality")));
            } else if (o.has("id") && o.has("title")) {
                Municipality m = new Municipality(text(o, "id"), text(o, "title"), text(o, "type"));
                municipalities.put(m.code(), m);
            } else {
                errors.add(where + ": varken ett värde (kpi, municipality, period, values), ett nyckeltal (id, title) "
                        + "eller en kommun (id, title, type). Är filen ett svar från Koladas API v3?");
            }
        }
        if (errors.isEmpty() && objects.isEmpty()) {
            errors.add("Filen innehåller inga värden (\"values\" är tom). Kontrollera nyckeltal, kommuner och år i "
                    + "frågan till Kolada.");
        }
        if (!errors.isEmpty()) {
            return new Result(0, 0, 0, 0, 0, 0, 0, null, null, List.copyOf(errors));
        }
        String existing = settings.get(OWN_MUNICIPALITY).orElse(null);
        String[] set = {null};
        String note = null;
        if (ownMunicipality != null && existing != null && !existing.equals(ownMunicipality)) {
            note = "Egen kommun är redan " + existing + " och ändrades inte. Byt den under Nyckeltal › Jämförelser.";
        }
        int[] w = new int[3];
        int missingValues = missing;
        int groupValues = groups;
        int[] kpiCount = {0};
        int[] municipalityCount = {0};
        db.txRun(tx -> {
            KeyFigureRepository.Written k = repo.upsertKpis(tx, kpis.values());
            KeyFigureRepository.Written m = repo.upsertMunicipalities(tx, municipalities.values());
            KeyFigureRepository.Written v = repo.upsertValues(tx, values, source);
            int ouCount = units.isEmpty() ? 0 : ous.upsertOus(tx, units.values());
            kpiCount[0] = k.inserted() + k.updated();
            municipalityCount[0] = m.inserted() + m.updated() + ouCount; // the units are counted with the municipalities
            w[0] = v.inserted();
            w[1] = v.updated();
            w[2] = v.unchanged();
            if (ownMunicipality != null && existing == null) {
                settings.put(tx, OWN_MUNICIPALITY, ownMunicipality);
                set[0] = ownMunicipality;
            }
            if (k.changedAnything() || m.changedAnything() || v.changedAnything() || set[0] != null || ouCount > 0) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("file", source);
                after.put("kpis", k.inserted() + k.updated());
                after.put("municipalities", m.inserted() + m.updated());
                after.put("organisational_units", ouCount);
                after.put("values_inserted", v.inserted());
                after.put("values_updated", v.updated());
                after.put("own_municipality", set[0]);
                repo.auditSummary(tx, KeyFigureRepository.IMPORT_ENTITY, 0, null, after);
            }
        });
        return new Result(kpiCount[0], municipalityCount[0], w[0], w[1], w[2], missingValues, groupValues, set[0], note,
                List.of());
    }

    private static void collect(JsonNode node, List<JsonNode> out, List<String> errors) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                if (n.isObject() && n.has("values") && n.get("values").isArray() && !n.has("kpi")) {
                    collect(n.get("values"), out, errors); // a page of a paged answer
                } else if (n.isObject()) {
                    out.add(n);
                } else {
                    errors.add("Listan innehåller något som inte är ett objekt: " + abbreviate(n.toString()));
                }
            }
        } else if (node.isObject() && node.has("values") && node.get("values").isArray() && !node.has("kpi")) {
            collect(node.get("values"), out, errors);
        } else {
            errors.add("Filen är inte ett svar från Koladas API v3: det ska vara ett objekt med \"values\" (en lista).");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Result rejected(String message) {
        return new Result(0, 0, 0, 0, 0, 0, 0, null, null, List.of(message));
    }
}
