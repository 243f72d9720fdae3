package se.kvalitetshjulet.service.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.DeadlineRules;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRules;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.UnitLookup;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Turns one row of the file into a {@link Deviation}, or into row errors. The rules:
 * <ul>
 *   <li>Values are trimmed; an empty cell counts as missing; a mapping default fills a missing value.</li>
 *   <li>No value may be longer than {@value TabularReader#MAX_FIELD_LENGTH} characters; values with
 *       unreadable characters (wrong encoding) are rejected.</li>
 *   <li>External id: required, at most 200 characters.</li>
 *   <li>Kind: see {@link ValueParsers}; law: from the file or the kind's default law.</li>
 *   <li>Unit: by exact name (case and spacing ignored) or by path "Förvaltning › Enhet › Sektion"
 *       (also with "&gt;"); a name that is not unique must be given as a path.</li>
 *   <li>Category: by name (case, spacing and dash style ignored).</li>
 *   <li>Status: default Registrerad. Dates: see {@link ValueParsers#date}; the registration date
 *       falls back to the reported date, then to the date it occurred; the due date, when not
 *       in the file, follows the configured deadline of the kind.</li>
 *   <li>Title: falls back to the first {@value #TITLE_FROM_DESCRIPTION} characters of the description.
 *       Reporter role: falls back to "{@value #UNKNOWN_ROLE}".</li>
 *   <li>Then the same rules as a deviation saved by hand ({@link DeviationRules#validate}).</li>
 *   <li>Free text that seems to hold a personnummer gives a warning, not an error.</li>
 * </ul>
 */
final class RowConverter {
    static final int TITLE_FROM_DESCRIPTION = 80;
    static final String UNKNOWN_ROLE = "Uppgift saknas (import)";
    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_ROLE = 100;
    static final int MAX_IVO_REFERENCE = 100;
    private static final int CACHE_LIMIT = 10_000;
    /** What follows 'Ã' when UTF-8 text has been read as Windows-1252 (bytes 0x80–0xBF). */
    private static final String MOJIBAKE_SECOND = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
    private static final ResourceBundle MESSAGES = bundle();

    /** The outcome for one row: a deviation (null when rejected), the external id, errors and warnings. */
    record Converted(Deviation deviation, String externalId, List<RowError> errors, List<RowError> warnings,
                     List<Long> measureTypeIds) {
        Converted(Deviation deviation, String externalId, List<RowError> errors, List<RowError> warnings) {
            this(deviation, externalId, errors, warnings, List.of());
        }
    }

    private final TabularReader reader;
    private final List<String> headers;
    private final ImportMapping mapping;
    private final String source;
    private final OrgTree tree;
    private final UnitLookup units;
    private final Map<String, Taxonomy> categories = new HashMap<>();
    private final String categoryNames;
    private final DeadlineRules deadlines;
    private final LocalDate today;
    private final int[] column = new int[ImportField.values().length];
    private final Map<String, Object> unitCache = new HashMap<>();
    private final Map<String, Taxonomy> categoryCache = new HashMap<>();
    private final Map<String, Object> kindCache = new HashMap<>();
    private final Map<String, Object> statusCache = new HashMap<>();
    private final Map<String, Taxonomy> causes = new HashMap<>();
    private final Map<String, Taxonomy> measureTypes = new HashMap<>();
    private String causeNames = "";
    private String measureTypeNames = "";
    /** Under the "refuse" privacy policy, findings in free text are errors; rows refused so, counted. */
    private boolean refusePrivacy;
    private long privacyRefusedRows;
    /** The verksamhetsområde code of a unit, for the law when the file has none (LSS unit → LSS). */
    private java.util.function.LongFunction<String> areaCode = id -> null;

    RowConverter(TabularReader reader, ImportMapping mapping, String source, OrgTree tree, List<Taxonomy> categoryList,
                 DeadlineRules deadlines, LocalDate today) {
        this.reader = reader;
        this.headers = reader.headers();
        this.mapping = mapping;
        this.source = source;
        this.tree = tree;
        this.deadlines = deadlines;
        this.today = today;
        for (ImportField f : ImportField.values()) {
            column[f.ordinal()] = ImportMapping.indexOf(headers, mapping.column(f));
        }
        this.units = new UnitLookup(tree);
        for (Taxonomy t : categoryList) {
            categories.putIfAbsent(name(t.name()), t);
        }
        categoryNames = categoryList.stream().filter(Taxonomy::active).map(Taxonomy::name).collect(Collectors.joining(", "));
    }

    /** The causes and measure-type lists that the CAUSES and MEASURE_TYPES columns are mapped to (decision 0015). */
    RowConverter withLists(List<Taxonomy> causeList, List<Taxonomy> measureTypeList) {
        for (Taxonomy t : causeList) {
            causes.putIfAbsent(name(t.name()), t);
        }
        for (Taxonomy t : measureTypeList) {
            measureTypes.putIfAbsent(name(t.name()), t);
        }
        causeNames = causeList.stream().filter(Taxonomy::active).map(Taxonomy::name).collect(Collectors.joining(", "));
        measureTypeNames = measureTypeList.stream().filter(Taxonomy::active).map(Taxonomy::name)
                .collect(Collectors.joining(", "));
        return this;
    }

    private static final java.util.regex.Pattern LIST_SEPARATOR = java.util.regex.Pattern.compile("\\s*[,;|\\n]\\s*");

    /** Names compared for units and categories: case, spacing and dash style do not matter. */
    static String name(String s) {
        return UnitLookup.normalise(s);
    }

    /** "Ã¤" for "ä" and the like: UTF-8 that was read as Windows-1252 somewhere before it reached us. */
    static boolean mojibake(String v) {
        for (int i = v.indexOf('Ã'); i >= 0 && i + 1 < v.length(); i = v.indexOf('Ã', i + 1)) {
            char next = v.charAt(i + 1);
            if ((next >= '\u0080' && next <= '\u00BF') || MOJIBAKE_SECOND.indexOf(next) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text has enough digits to hold an identity number (10); a cheap test before the real one. */
    static boolean mayHoldIdentityNumber(String v) {
        int digits = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9' && ++digits >= 10) {
                return true;
            }
        }
        return false;
    }

    /** Findings of the privacy check in free text become errors (the import is then rejected). */
    RowConverter refusePrivacy(boolean refuse) {
        this.refusePrivacy = refuse;
        return this;
    }

    RowConverter areaCodes(java.util.function.LongFunction<String> codes) {
        this.areaCode = codes;
        return this;
    }

    /** Rows refused by the privacy policy so far. */
    long privacyRefusedRows() {
        return privacyRefusedRows;
    }

    /** The header mapped to {@code f}, for messages. */
    String header(ImportField f) {
        int i = column[f.ordinal()];
        return i < 0 ? f.label() : headers.get(i);
    }

    /** The trimmed value of {@code f} in the row, or {@code null} when unmapped or empty. */
    String raw(ImportField f, List<String> values) {
        int i = column[f.ordinal()];
        if (i < 0 || i >= values.size()) {
            return null;
        }
        String v = values.get(i);
        if (v == null) {
            return null;
        }
        v = strip(storable(f, v));
        return v.isEmpty() ? null : v;
    }

    /**
     * A cell as it may be stored: control characters removed (tabs and line breaks kept in the multi-line text
     * fields, spaces elsewhere), and the apostrophe our own export puts before a formula-like value ('=…, '+…, '-…,
     * '@…) taken off again, so that exporting and importing a register gives back the same text.
     */
    static String storable(ImportField f, String v) {
        boolean multiLine = f == ImportField.DESCRIPTION || f == ImportField.IMMEDIATE_ACTIONS || f == ImportField.FACTS
                || f == ImportField.CAUSE_TEXT;
        String clean = se.kvalitetshjulet.domain.Printable.clean(v, multiLine);
        int i = 0;
        while (i < clean.length() && Character.isWhitespace(clean.charAt(i))) {
            i++;
        }
        if (i + 1 < clean.length() && clean.charAt(i) == '\'' && "=+-@".indexOf(clean.charAt(i + 1)) >= 0) {
            clean = clean.substring(i + 1);
        }
        return clean;
    }

    private static String strip(String v) {
        int start = 0;
        int end = v.length();
        while (start < end && (Character.isWhitespace(v.charAt(start)) || v.charAt(start) == '\u00A0')) {
            start++;
        }
        while (end > start && (Character.isWhitespace(v.charAt(end - 1)) || v.charAt(end - 1) == '\u00A0')) {
            end--;
        }
        return v.substring(start, end);
    }

    /** The external id of the row (cheap: used for de-duplication before the full conversion). */
    String externalId(List<String> values) {
        String v = raw(ImportField.EXTERNAL_ID, values);
        return v == null || v.length() > MAX_EXTERNAL_ID ? null : v;
    }

    /** Whether the row has as many fields as the header (always true for XLSX). */
    boolean widthOk(List<String> values) {
        return widthProblem(values) == null;
    }

    private String widthProblem(List<String> values) {
        if (!reader.fixedWidth() || values.size() == headers.size()) {
            return null;
        }
        String delimiter = reader instanceof CsvTabularReader csv ? switch (csv.delimiter()) {
            case ';' -> "ett semikolon";
            case ',' -> "ett kommatecken";
            default -> "ett tabbtecken";
        } : "en avgränsare";
        if (values.size() > headers.size()) {
            for (int i = headers.size(); i < values.size(); i++) {
                if (values.get(i) != null && !values.get(i).isBlank()) {
                    return "Raden har " + values.size() + " fält men rubrikraden har " + headers.size() + ". Troligen "
                            + "innehåller ett fält " + delimiter + " utan citattecken runt fältet. Sätt fältet inom "
                            + "citattecken (\"…\") eller ta bort tecknet.";
                }
            }
            return null;
        }
        return "Raden har bara " + values.size() + " fält men rubrikraden har " + headers.size() + ". Troligen har ett "
                + "fält på raden före en radbrytning utan citattecken runt fältet, så att raden har delats. Sätt fältet "
                + "inom citattecken (\"…\") eller ta bort radbrytningen.";
    }

    /**
     * Converts and validates one row.
     *
     * @param checkText whether to look for identity numbers in free text (the check pass does; the write pass need not)
     */
    Converted convert(long row, List<String> values, boolean checkText) {
        Conversion c = new Conversion(row, values);
        String width = widthProblem(values);
        if (width != null) {
            c.errors.add(new RowError(row, "", "", width));
            return new Converted(null, null, c.errors, c.warnings);
        }
        return c.run(checkText);
    }

    /** The work for one row. */
    private final class Conversion {
        private final long row;
        private final List<String> values;
        private final List<RowError> errors = new ArrayList<>(2);
        private final List<RowError> warnings = new ArrayList<>(0);
        private final Set<ImportField> failed = EnumSet.noneOf(ImportField.class);
        private final Map<ImportField, String> text = new EnumMap<>(ImportField.class);

        Conversion(long row, List<String> values) {
            this.row = row;
            this.values = values;
        }

        private void error(ImportField f, String value, String reason) {
            failed.add(f);
            errors.add(new RowError(row, header(f), value == null ? "" : shorten(value), reason));
        }

        /** The value of {@code f}: the cell, else the mapping's default; checked for length and encoding. */
        private String value(ImportField f) {
            String v = raw(f, values);
            if (v == null) {
                v = mapping.defaultValue(f);
                if (v == null) {
                    return null;
                }
            }
            if (v.length() > TabularReader.MAX_FIELD_LENGTH) {
                error(f, v, "Värdet är " + thousands(v.length()) + " tecken långt; högst "
                        + thousands(TabularReader.MAX_FIELD_LENGTH) + " tecken tillåts. Korta texten i källsystemet "
                        + "eller i filen.");
                return null;
            }
            if (v.indexOf('\uFFFD') >= 0) {
                error(f, v, "Värdet innehåller tecken som inte gick att läsa (�). Filen har troligen en annan teckenkodning "
                        + "än den verkar ha. Spara den som CSV (UTF-8) eller .xlsx och försök igen.");
                return null;
            }
            if (mojibake(v)) {
                error(f, v, "Texten ser felkodad ut (t.ex. 'Ã¤' i stället för 'ä'): filen har sparats om med fel "
                        + "teckenkodning. Exportera den på nytt som CSV (UTF-8) eller .xlsx.");
                return null;
            }
            return v;
        }

        private LocalDate date(ImportField f) {
            String v = value(f);
            if (v == null) {
                return null;
            }
            try {
                return ValueParsers.date(v);
            } catch (ValueParsers.InvalidValue e) {
                error(f, v, e.getMessage());
                return null;
            }
        }

        private String limited(ImportField f, int max) {
            String v = value(f);
            if (v != null && v.length() > max) {
                error(f, v, "Värdet är " + v.length() + " tecken långt; högst " + max + " tecken tillåts.");
                return null;
            }
            return v;
        }

        /** The ids of the list entries named in the cell; each unknown name is a row error naming the list. */
        private List<Long> listValues(ImportField f, Map<String, Taxonomy> list, String what, String listName,
                                      String known) {
            String v = value(f);
            if (v == null || v.isBlank()) {
                return List.of();
            }
            List<Long> ids = new java.util.ArrayList<>();
            for (String part : LIST_SEPARATOR.split(v.strip())) {
                if (part.isBlank()) {
                    continue;
                }
                Taxonomy t = list.get(name(part));
                if (t == null) {
                    error(f, part, what + " '" + part + "' finns inte i " + listName + ". Lägg till den under Listor och "
                            + "regler eller rätta värdet. Befintliga: " + known + ".");
                } else if (!ids.contains(t.id())) {
                    ids.add(t.id());
                }
            }
            return ids;
        }

        /** Filled by {@link #kind()}: a kind such as "Fall" may imply a category. */
        private String impliedCategory;
        /** The date the registration date was taken from (for error messages). */
        private ImportField registeredFrom = ImportField.REGISTERED_ON;

        /** The row as a deviation, one field at a time (each method reports its own errors), then the rules. */
        Converted run(boolean checkText) {
            String externalId = externalId();
            DeviationKind kind = kind();
            Law law = law(kind);
            Long unitId = unit();
            Long categoryId = categoryId();
            DeviationStatus status = status();
            LocalDate occurred = date(ImportField.OCCURRED_ON);
            LocalDate reported = date(ImportField.REPORTED_ON);
            LocalDate registered = registered(occurred, reported);
            LocalDate due = date(ImportField.DUE_ON);
            LocalDate closed = date(ImportField.CLOSED_ON);
            LocalDate ivoReported = date(ImportField.IVO_REPORTED_ON);
            String role = reporterRole();
            String description = value(ImportField.DESCRIPTION);
            String title = title(description);
            String immediate = value(ImportField.IMMEDIATE_ACTIONS);
            String facts = value(ImportField.FACTS);
            String causeText = value(ImportField.CAUSE_TEXT);
            put(ImportField.DESCRIPTION, description);
            put(ImportField.IMMEDIATE_ACTIONS, immediate);
            put(ImportField.FACTS, facts);
            put(ImportField.CAUSE_TEXT, causeText);
            Assessment assessment = assessment();
            boolean serious = serious();
            String ivoReference = limited(ImportField.IVO_REFERENCE, MAX_IVO_REFERENCE);

            List<Long> causeIds = listValues(ImportField.CAUSES, causes, "Orsaken", "orsakslistan", causeNames);
            List<Long> measureTypeIds = listValues(ImportField.MEASURE_TYPES, measureTypes, "Åtgärdstypen",
                    "listan över åtgärdstyper", measureTypeNames);

            if (kind != null && due == null && registered != null && !failed.contains(ImportField.DUE_ON)) {
                due = deadlines.dueOn(kind, registered);
            }
            Deviation d = new Deviation(null, null, kind, law, unitId, categoryId, status, occurred, reported, registered,
                    due, closed, role, title == null ? "" : title, nz(description), nz(immediate), nz(facts), nz(causeText),
                    causeIds, assessment, serious, ivoReported, ivoReference, source, externalId);
            checkRules(d);
            d = lawFromUnit(d);
            if (checkText) {
                checkPrivacy();
            }
            return new Converted(errors.isEmpty() ? d : null, externalId, errors, warnings, measureTypeIds);
        }

        private String externalId() {
            String externalId = limited(ImportField.EXTERNAL_ID, MAX_EXTERNAL_ID);
            if (externalId == null && !failed.contains(ImportField.EXTERNAL_ID)) {
                error(ImportField.EXTERNAL_ID, null, "Externt id saknas. Varje rad behöver källsystemets id (kolumnen '"
                        + header(ImportField.EXTERNAL_ID) + "') så att den inte kan importeras två gånger.");
            }
            return externalId;
        }

        private DeviationKind kind() {
            String kindValue = value(ImportField.KIND);
            if (kindValue != null) {
                Object k = memo(kindCache, kindValue, ValueParsers::kind);
                if (k instanceof ValueParsers.KindMatch match) {
                    impliedCategory = match.impliedCategory();
                    return match.kind();
                }
                error(ImportField.KIND, kindValue, (String) k);
            } else if (!failed.contains(ImportField.KIND)) {
                error(ImportField.KIND, null, "Typ saknas. Ange typen, t.ex. " + ValueParsers.kindNames() + ".");
            }
            return null;
        }

        private Law law(DeviationKind kind) {
            String lawValue = value(ImportField.LAW);
            if (lawValue != null) {
                try {
                    return ValueParsers.law(lawValue);
                } catch (ValueParsers.InvalidValue e) {
                    error(ImportField.LAW, lawValue, e.getMessage());
                    return null;
                }
            }
            if (kind != null) {
                return kind.defaultLaw();
            }
            failed.add(ImportField.LAW);
            return null;
        }

        private Long unit() {
            String unitValue = value(ImportField.UNIT);
            if (unitValue != null) {
                Object u = resolveUnit(unitValue);
                if (u instanceof Long id) {
                    return id;
                }
                error(ImportField.UNIT, unitValue, (String) u);
            } else if (!failed.contains(ImportField.UNIT)) {
                error(ImportField.UNIT, null, "Enhet saknas. Ange enhetens namn som det står under Organisation.");
            }
            return null;
        }

        /** The category of the cell, else the one the kind implies; call after {@link #kind()}. */
        private Long categoryId() {
            String categoryValue = value(ImportField.CATEGORY);
            boolean categoryFromCell = raw(ImportField.CATEGORY, values) != null;
            if (!categoryFromCell && impliedCategory != null && !failed.contains(ImportField.CATEGORY)) {
                categoryValue = impliedCategory;
            }
            if (categoryValue != null) {
                Taxonomy t = category(categoryValue);
                if (t != null) {
                    return t.id();
                }
                error(ImportField.CATEGORY, categoryValue, "Kategorin '" + categoryValue + "' finns inte. Använd en "
                        + "befintlig kategori eller lägg till den i kategorilistan först. Befintliga kategorier: "
                        + categoryNames + ".");
            } else if (!failed.contains(ImportField.CATEGORY)) {
                error(ImportField.CATEGORY, null, "Kategori saknas. Befintliga kategorier: " + categoryNames + ".");
            }
            return null;
        }

        private DeviationStatus status() {
            String statusValue = value(ImportField.STATUS);
            if (statusValue != null) {
                Object st = memo(statusCache, statusValue, ValueParsers::status);
                if (st instanceof DeviationStatus known) {
                    return known;
                }
                error(ImportField.STATUS, statusValue, (String) st);
            }
            return DeviationStatus.REGISTRERAD;
        }

        /** The registration date, else the report date, else the date it happened. */
        private LocalDate registered(LocalDate occurred, LocalDate reported) {
            LocalDate registered = date(ImportField.REGISTERED_ON);
            if (registered != null || failed.contains(ImportField.REGISTERED_ON)) {
                return registered;
            }
            if (reported != null) {
                registeredFrom = ImportField.REPORTED_ON;
                return reported;
            }
            if (occurred != null && !failed.contains(ImportField.REPORTED_ON)) {
                registeredFrom = ImportField.OCCURRED_ON;
                return occurred;
            }
            if (!failed.contains(ImportField.REPORTED_ON) && !failed.contains(ImportField.OCCURRED_ON)) {
                error(ImportField.REGISTERED_ON, null, "Datum saknas. Raden behöver ett registrerings-, rapport- eller "
                        + "händelsedatum. " + ValueParsers.DATE_HINT);
            } else {
                failed.add(ImportField.REGISTERED_ON);
            }
            return null;
        }

        private String reporterRole() {
            String role = limited(ImportField.REPORTER_ROLE, MAX_ROLE);
            if (role == null) {
                return UNKNOWN_ROLE;
            }
            text.put(ImportField.REPORTER_ROLE, role);
            return role;
        }

        /** The title of the cell, else one made from the description. */
        private String title(String description) {
            String title = value(ImportField.TITLE);
            if (title != null) {
                text.put(ImportField.TITLE, title);
                return title;
            }
            if (description != null && !failed.contains(ImportField.TITLE)) {
                return titleFrom(description);
            }
            return null;
        }

        private Assessment assessment() {
            String assessmentValue = value(ImportField.ASSESSMENT);
            if (assessmentValue != null) {
                try {
                    return ValueParsers.assessment(assessmentValue);
                } catch (ValueParsers.InvalidValue e) {
                    error(ImportField.ASSESSMENT, assessmentValue, e.getMessage());
                }
            }
            return null;
        }

        private boolean serious() {
            String seriousValue = value(ImportField.SERIOUS);
            if (seriousValue != null) {
                try {
                    return ValueParsers.yesNo(seriousValue);
                } catch (ValueParsers.InvalidValue e) {
                    error(ImportField.SERIOUS, seriousValue, e.getMessage());
                }
            }
            return false;
        }

        /** The rules of a deviation saved by hand, reported on the column the value came from. */
        private void checkRules(Deviation d) {
            for (Problem p : DeviationRules.validate(d, today)) {
                ImportField f = field(p.field(), registeredFrom);
                if (f == null || failed.contains(f)) {
                    continue;
                }
                if (f == ImportField.TITLE && d.title().isBlank()) {
                    error(f, null, "Rubrik saknas. Mappa en kolumn till 'Rubrik' eller 'Beskrivning' och fyll i den.");
                    continue;
                }
                error(f, rawOrDefault(f), reason(p, d));
            }
        }

        /** The law from the unit's verksamhetsområde when the file names none (LSS unit → LSS). */
        private Deviation lawFromUnit(Deviation d) {
            if (value(ImportField.LAW) == null && d.kind() != null && d.unitId() != null
                    && !failed.contains(ImportField.LAW)) {
                Law fromUnit = DeviationRules.defaultLaw(d.kind(), areaCode.apply(d.unitId()));
                if (fromUnit != d.law()) {
                    return d.withLaw(fromUnit);
                }
            }
            return d;
        }

        /** The privacy check on every free text of the row: a warning, or under "refuse" an error. */
        private void checkPrivacy() {
            boolean refused = false;
            for (var e : text.entrySet()) {
                List<se.kvalitetshjulet.domain.privacy.PrivacyCheck.Finding> found =
                        se.kvalitetshjulet.domain.privacy.PrivacyCheck.check(e.getValue());
                if (found.isEmpty()) {
                    continue;
                }
                String what = se.kvalitetshjulet.domain.privacy.PrivacyCheck.kindsOnly(found);
                String shown = se.kvalitetshjulet.domain.privacy.PrivacyCheck.maskAll(shorten(e.getValue()));
                if (refusePrivacy) {
                    refused = true;
                    errors.add(new RowError(row, header(e.getKey()), shown,
                            "Texten innehåller " + what + ". Integritetsinställningen nekar sådana uppgifter: ta bort "
                                    + "dem i källsystemet (beskriv personen med roll eller ärendereferens) och importera "
                                    + "igen."));
                } else {
                    warnings.add(new RowError(row, header(e.getKey()), shown,
                            "Texten innehåller något som ser ut som " + what + ". "
                                    + "Avvikelser omfattas av sekretess: ta bort uppgiften (i källsystemet, eller i "
                                    + "registret efter importen) och beskriv personen med roll eller ärendereferens."));
                }
            }
            if (refused) {
                privacyRefusedRows++;
            }
        }

        private void put(ImportField f, String v) {
            if (v != null) {
                text.put(f, v);
            }
        }

        private String rawOrDefault(ImportField f) {
            String v = raw(f, values);
            return v != null ? v : mapping.defaultValue(f);
        }
    }

    /** A parser that may refuse a value. */
    @FunctionalInterface
    private interface Parser<T> {
        T parse(String raw) throws ValueParsers.InvalidValue;
    }

    /** The parsed value, or the reason it was refused, remembered per distinct raw value (the same few repeat). */
    private static <T> Object memo(Map<String, Object> cache, String raw, Parser<T> parser) {
        Object r = cache.get(raw);
        if (r == null) {
            try {
                r = parser.parse(raw);
            } catch (ValueParsers.InvalidValue e) {
                r = e.getMessage();
            }
            if (cache.size() < CACHE_LIMIT) {
                cache.put(raw, r);
            }
        }
        return r;
    }

    private static ImportField field(String problemField, ImportField registeredFrom) {
        return switch (problemField) {
            case "kind" -> ImportField.KIND;
            case "unit" -> ImportField.UNIT;
            case "title" -> ImportField.TITLE;
            case "category" -> ImportField.CATEGORY;
            case "law" -> ImportField.LAW;
            case "registeredOn" -> registeredFrom;
            case "occurredOn" -> ImportField.OCCURRED_ON;
            case "reportedOn" -> ImportField.REPORTED_ON;
            case "reporterRole" -> ImportField.REPORTER_ROLE;
            case "assessment" -> ImportField.ASSESSMENT;
            case "ivoReportedOn" -> ImportField.IVO_REPORTED_ON;
            default -> null;
        };
    }

    private static String reason(Problem p, Deviation d) {
        return switch (p.messageKey()) {
            case "deviation.validation.lawNotForKind" -> "Lagrummet " + ValueParsers.displayName(d.law())
                    + " passar inte typen " + ValueParsers.displayName(d.kind()) + " (tillåtet: "
                    + d.kind().allowedLaws().stream().map(ValueParsers::displayName).collect(Collectors.joining(", "))
                    + "). Rätta lagrummet eller typen, eller ta bort lagrumskolumnen ur mappningen.";
            case "deviation.validation.titleTooLong" -> "Rubriken är " + d.title().length() + " tecken; högst 300 "
                    + "tecken tillåts. Korta rubriken, eller mappa den långa texten till 'Beskrivning'.";
            case "deviation.validation.assessmentNotForKind" -> "Bedömningen passar inte typen av avvikelse. Rätta "
                    + "bedömningen eller typen, eller lämna bedömningen tom.";
            default -> message(p);
        };
    }

    private static String message(Problem p) {
        if (MESSAGES == null || !MESSAGES.containsKey(p.messageKey())) {
            return p.messageKey();
        }
        String pattern = MESSAGES.getString(p.messageKey());
        return p.args().length == 0 ? pattern : se.kvalitetshjulet.domain.NumberText.of(Locale.of("sv")).message(pattern, Locale.of("sv"), p.args());
    }

    private static ResourceBundle bundle() {
        try {
            return ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private Taxonomy category(String value) {
        Taxonomy t = categoryCache.get(value);
        if (t == null) {
            t = categories.get(name(value));
            if (t != null && categoryCache.size() < CACHE_LIMIT) {
                categoryCache.put(value, t);
            }
        }
        return t;
    }

    /** A unit id ({@code Long}) or the reason it cannot be found ({@code String}). */
    private Object resolveUnit(String value) {
        Object cached = unitCache.get(value);
        if (cached != null) {
            return cached;
        }
        Object r = findUnit(value);
        if (unitCache.size() < CACHE_LIMIT) {
            unitCache.put(value, r);
        }
        return r;
    }

    private Object findUnit(String value) {
        return switch (units.find(value)) {
            case UnitLookup.Found f -> f.unitId();
            case UnitLookup.Missing m when m.sameName().isEmpty() && value.isBlank() -> "Enhet saknas.";
            case UnitLookup.Missing m when m.sameName().isEmpty() -> "Enheten '" + value + "' finns inte i organisationen. "
                    + "Lägg upp den under Organisation, eller rätta enhetens namn i filen (eller välj en annan kolumn för "
                    + "'Enhet' i mappningen).";
            case UnitLookup.Missing m -> "Sökvägen '" + value + "' finns inte i organisationen. Enheter med det namnet: "
                    + String.join("; ", m.sameName()) + ".";
            case UnitLookup.Ambiguous a -> "Det finns flera enheter som heter '" + value + "': "
                    + String.join("; ", a.paths()) + ". Ange hela sökvägen, t.ex. '" + a.paths().getFirst() + "'.";
        };
    }

    static String titleFrom(String description) {
        String s = description.replaceAll("\\s+", " ").strip();
        if (s.length() <= TITLE_FROM_DESCRIPTION) {
            return s;
        }
        String cut = s.substring(0, TITLE_FROM_DESCRIPTION - 1);
        int space = cut.lastIndexOf(' ');
        if (space > TITLE_FROM_DESCRIPTION / 2) {
            cut = cut.substring(0, space);
        }
        return cut.strip() + "…";
    }

    /** A value as the report shows it: identity numbers masked, at most {@value RowError#MAX_VALUE_SHOWN} characters. */
    static String shorten(String v) {
        String masked = v.length() > 10_000 ? v.substring(0, RowError.MAX_VALUE_SHOWN + 50) : v;
        masked = ReportCells.mask(masked);
        if (v.length() > RowError.MAX_VALUE_SHOWN) {
            return masked.substring(0, Math.min(masked.length(), RowError.MAX_VALUE_SHOWN)) + "… (%d tecken)"
                    .formatted(v.length());
        }
        return masked;
    }

    /** 1048576 → "1 048 576". */
    static String thousands(long n) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(' ');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
