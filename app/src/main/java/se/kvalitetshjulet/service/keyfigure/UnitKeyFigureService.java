package se.kvalitetshjulet.service.keyfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.KoladaUnitRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.FollowUpCount;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.domain.keyfigure.KoladaOu;
import se.kvalitetshjulet.domain.keyfigure.KoladaValue;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.OuLink;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.keyfigure.SurveyResult;
import se.kvalitetshjulet.domain.keyfigure.SurveyRules;
import se.kvalitetshjulet.domain.keyfigure.UnitMeasure;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.keyfigure.Verdict;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.UnitLookup;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.service.imports.ImportFileException;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.TabularReader;

/**
 * Key figures per unit (decision 0019). A unit's measures — its survey questions, own key figures (e.g.
 * personalkontinuitet), the shares of its individual follow-ups, and Kolada's own values for the Kolada units (ou)
 * linked to it — over the years, each with its interval where one exists, and in a chosen year beside our
 * municipality and the comparison municipalities for the Kolada KPI the measure is linked to. The unit is the
 * reference: every verdict says how the others stand against the unit, by the same rule as everywhere (decision 0012).
 */
public final class UnitKeyFigureService {
    private static final java.util.regex.Pattern OU_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /**
     * A unit's measure in one year beside the municipalities.
     *
     * @param kpi  the Kolada KPI the measure is set beside, or null when none is linked
     * @param rows the unit first (as the reference, {@code own} true), then our municipality and the comparisons
     * @param note how the unit's year value was formed when it is not a single published value, else ""
     */
    public record UnitComparison(UnitMeasure measure, Kpi kpi, int year, List<ComparisonRow> rows, String note) { }

    /** What an import of ou links did or why it wrote nothing. */
    public record OuImportResult(int rows, int linked, int unchanged, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Database db;
    private final KoladaUnitRepository repo;
    private final KeyFigureService keyFigures;
    private final FollowUpService followUps;
    private final OrganisationService organisation;
    private final Clock clock;
    /** What a report's reading has read, by what it read and for which unit; null outside a reading. */
    private final Map<List<Object>, Object> read;

    public UnitKeyFigureService(Database db, KoladaUnitRepository repo, KeyFigureService keyFigures,
                                FollowUpService followUps, OrganisationService organisation, Clock clock) {
        this(db, repo, keyFigures, followUps, organisation, clock, false);
    }

    private UnitKeyFigureService(Database db, KoladaUnitRepository repo, KeyFigureService keyFigures,
                                 FollowUpService followUps, OrganisationService organisation, Clock clock,
                                 boolean reading) {
        this.db = db;
        this.repo = repo;
        this.keyFigures = keyFigures;
        this.followUps = followUps;
        this.organisation = organisation;
        this.clock = clock;
        this.read = reading ? new HashMap<>() : null;
    }

    /**
     * For one report (decision 0045): the follow-up counts from {@code followUps} (a {@link FollowUpService#reading}),
     * the organisation from {@code organisation} (a {@link OrganisationService#frozen}), and each unit's measures,
     * survey results and own values, the KPIs, the ou and measure links, the ou values and the municipality comparison
     * of a KPI and year read once, not once per question; the answers are those of this service. Not for editing:
     * what is saved through it is not seen by what it has read.
     */
    public UnitKeyFigureService reading(FollowUpService followUps, OrganisationService organisation) {
        return new UnitKeyFigureService(db, repo, keyFigures, followUps, organisation, clock, true);
    }

    // ---- Kolada units (ou) ↔ our units -----------------------------------------------------

    /** Kolada's units as far as known: the imported ou list, and ou codes that only occur in values (no name). */
    public List<KoladaOu> ous() {
        Map<String, KoladaOu> out = new LinkedHashMap<>(repo.ous());
        for (String code : repo.ouCodesWithValues()) {
            out.putIfAbsent(code, new KoladaOu(code, null, null));
        }
        return List.copyOf(out.values());
    }

    public List<OuLink> ouLinks() {
        OrgTree tree = organisation.tree();
        Map<String, KoladaOu> known = repo.ous();
        List<OuLink> out = new ArrayList<>();
        repo.links().forEach((ou, unit) -> out.add(new OuLink(ou, known.containsKey(ou) ? known.get(ou).title() : null,
                unit, tree.find(unit).isPresent() ? tree.path(unit) : "?")));
        return out;
    }

    /** The ou codes linked to the unit (not its sub-units: each ou is one unit). */
    public List<String> ousOf(long unitId) {
        List<String> out = new ArrayList<>();
        links().forEach((ou, unit) -> {
            if (unit == unitId) {
                out.add(ou);
            }
        });
        return out;
    }

    public SaveResult<Boolean> linkOu(String ouCode, long unitId) {
        String code = ouCode == null ? "" : ouCode.strip();
        List<Problem> problems = new ArrayList<>();
        if (!OU_CODE.matcher(code).matches()) {
            problems.add(new Problem("ou", "keyfigure.validation.ouCode", code));
        }
        if (organisation.tree().find(unitId).isEmpty()) {
            problems.add(new Problem("unit", "keyfigure.validation.unit"));
        }
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        return SaveResult.saved(db.tx(tx -> repo.link(tx, code, unitId)));
    }

    public boolean unlinkOu(String ouCode) {
        return db.tx(tx -> repo.unlink(tx, ouCode == null ? "" : ouCode.strip()));
    }

    /**
     * Suggested links: known ous, not linked yet, whose name is the name of exactly one of our units (case and
     * spacing ignored). Nothing is linked until the coordinator accepts.
     */
    public List<OuLink> suggestions() {
        OrgTree tree = organisation.tree();
        UnitLookup lookup = new UnitLookup(tree);
        Map<String, Long> links = repo.links();
        List<OuLink> out = new ArrayList<>();
        for (KoladaOu o : repo.ous().values()) {
            if (links.containsKey(o.code()) || o.title() == null) {
                continue;
            }
            if (lookup.find(o.title()) instanceof UnitLookup.Found f) {
                out.add(new OuLink(o.code(), o.title(), f.unitId(), tree.path(f.unitId())));
            }
        }
        return out;
    }

    /**
     * Links from a CSV/XLSX file with the columns {@code Kolada-id;Enhet} (the ou id, our unit by name or path). All or
     * nothing; {@code dryRun} checks and counts without writing.
     */
    public OuImportResult importOuLinks(Path file, boolean dryRun) throws IOException {
        TabularReader reader;
        try {
            reader = TabularReader.open(file);
        } catch (ImportFileException e) {
            return new OuImportResult(0, 0, 0, List.of(e.getMessage()));
        }
        List<String> h = reader.headers();
        int iOu = first(h, "Kolada-id", "Kolada id", "OU", "Organisatorisk enhet", "Enhets-id", "Id");
        int iUnit = first(h, "Enhet", "Enhetsnamn", "Verksamhet", "Sökväg");
        if (iOu < 0 || iUnit < 0) {
            return new OuImportResult(0, 0, 0, List.of("Filen ska ha kolumnerna Kolada-id;Enhet (Koladas id för "
                    + "enheten, t.ex. V15E128000101, och enhetens namn eller sökväg som i Organisation). Hittade: "
                    + String.join(", ", h) + "."));
        }
        UnitLookup units = new UnitLookup(organisation.tree());
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        reader.forEachRow((row, v) -> {
            String where = "Rad " + row;
            String ou = cell(v, iOu);
            String unit = cell(v, iUnit);
            if (ou == null || !OU_CODE.matcher(ou).matches()) {
                errors.add(where + ": Kolada-id '" + (ou == null ? "" : ou) + "' är inte giltigt (bokstäver och siffror, "
                        + "t.ex. V15E128000101).");
                return errors.size() < 200;
            }
            switch (units.find(unit)) {
                case UnitLookup.Found f -> {
                    if (rows.containsKey(ou) && rows.get(ou) != f.unitId()) {
                        errors.add(where + ": " + ou + " finns redan på en tidigare rad med en annan enhet.");
                    }
                    rows.put(ou, f.unitId());
                }
                case UnitLookup.Ambiguous a -> errors.add(where + ": flera enheter heter '" + unit + "': "
                        + String.join("; ", a.paths()) + ". Skriv hela sökvägen.");
                case UnitLookup.Missing m -> errors.add(where + ": enheten '" + (unit == null ? "" : unit)
                        + "' finns inte i Organisation.");
            }
            return errors.size() < 200;
        });
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add("Filen innehåller inga kopplingar.");
        }
        if (!errors.isEmpty()) {
            return new OuImportResult(0, 0, 0, List.copyOf(errors));
        }
        Map<String, Long> existing = repo.links();
        int unchanged = (int) rows.entrySet().stream().filter(e -> e.getValue().equals(existing.get(e.getKey()))).count();
        if (dryRun) {
            return new OuImportResult(rows.size(), rows.size() - unchanged, unchanged, List.of());
        }
        int linked = db.tx(tx -> {
            int n = 0;
            for (var e : rows.entrySet()) {
                if (repo.link(tx, e.getKey(), e.getValue())) {
                    n++;
                }
            }
            return n;
        });
        return new OuImportResult(rows.size(), linked, rows.size() - linked, List.of());
    }

    // ---- measures ---------------------------------------------------------------------------

    /** What can be followed for the unit: survey questions, own figures, follow-up shares and Kolada ou KPIs. */
    public List<UnitMeasure> measures(long unitId) {
        return read(Arrays.asList("measures", unitId), () -> List.copyOf(readMeasures(unitId)));
    }

    private List<UnitMeasure> readMeasures(long unitId) {
        List<UnitMeasure> out = new ArrayList<>();
        Map<String, String> questions = new LinkedHashMap<>();
        for (SurveyResult r : unitSurvey(unitId)) {
            if (r.unitId() == unitId) {
                questions.putIfAbsent(r.questionCode(), r.question());
            }
        }
        questions.forEach((code, text) -> out.add(new UnitMeasure(UnitMeasure.Kind.SURVEY, code,
                "Brukarundersökningen: " + text)));
        for (OwnFigure f : ownFigures()) {
            if (unitOwnValues(f.id(), unitId).stream().anyMatch(v -> v.unitId() == unitId && v.value() != null)) {
                out.add(new UnitMeasure(UnitMeasure.Kind.OWN, f.code(), f.name()));
            }
        }
        FollowUpCount all = followUps.total(unitId, null, LocalDate.of(2000, 1, 1), LocalDate.now(clock).plusYears(1), "");
        if (all.followUps() > 0) {
            for (FollowUpMeasure m : FollowUpMeasure.values()) {
                out.add(new UnitMeasure(UnitMeasure.Kind.FOLLOW_UP, m.name(), "Individuppföljning: " + followUpLabel(m)));
            }
        }
        for (String kpiId : repo.kpisWithOuValues(ousOf(unitId))) {
            if (isSupportKpi(kpiId)) {
                continue; // respondents and response rate are shown beside the share, not as measures of their own
            }
            Kpi k = kpi(kpiId).orElse(null);
            out.add(new UnitMeasure(UnitMeasure.Kind.KOLADA, kpiId, "Kolada " + kpiId + ": " + (k == null ? kpiId : k.title())));
        }
        return out;
    }

    private static boolean isSupportKpi(String kpiId) {
        return List.of("U23592", "U23593", "U23594", "U23595").contains(kpiId);
    }

    static String followUpLabel(FollowUpMeasure m) {
        return switch (m) {
            case PLAN_EXISTS -> "genomförandeplan finns";
            case PLAN_UP_TO_DATE -> "genomförandeplanen är aktuell";
            case MEETS_DECISION -> "insatsen motsvarar beslutet";
            case WISHES_FOLLOWED_UP -> "önskemål följda";
        };
    }

    /** The KPI the measure is set beside: the KPI itself for Kolada ou values, else the link the coordinator set. */
    public Optional<String> linkedKpi(UnitMeasure m) {
        if (m.kind() == UnitMeasure.Kind.KOLADA) {
            return Optional.of(m.code());
        }
        return read != null ? Optional.ofNullable(measureKpis().get(m.key())) : repo.measureKpi(m.key());
    }

    @SuppressWarnings("unchecked")
    private <T> T read(List<Object> key, java.util.function.Supplier<T> reading) {
        if (read == null) {
            return reading.get();
        }
        if (!read.containsKey(key)) {
            read.put(key, reading.get()); // not computeIfAbsent: a reading may read others (measures read the survey)
        }
        return (T) read.get(key);
    }

    /**
     * The unit's own survey results (the questions filter them to the unit; its sub-units' are not needed). A reading
     * reads every unit's once and takes the unit's from them: the same rows in the same order (the query's order is
     * by its key).
     */
    private List<SurveyResult> unitSurvey(long unitId) {
        if (read == null) {
            return keyFigures.surveyOfUnit(unitId);
        }
        List<SurveyResult> all = read(Arrays.asList("survey"), () -> keyFigures.survey(null, null));
        return read(Arrays.asList("survey", unitId), () -> all.stream().filter(r -> r.unitId() == unitId).toList());
    }

    /** The unit's own values of the figure; a reading reads every unit's once, as {@link #unitSurvey}. */
    private List<OwnValue> unitOwnValues(long figureId, long unitId) {
        if (read == null) {
            return keyFigures.ownValuesOfUnit(figureId, unitId);
        }
        List<OwnValue> all = read(Arrays.asList("own", figureId), () -> keyFigures.ownValues(figureId, null, null));
        return read(Arrays.asList("own", figureId, unitId), () -> all.stream().filter(v -> v.unitId() == unitId).toList());
    }

    private List<OwnFigure> ownFigures() {
        return read(Arrays.asList("figures"), keyFigures::ownFigures);
    }

    private Optional<Kpi> kpi(String kpiId) {
        return read(Arrays.asList("kpi", kpiId), () -> keyFigures.kpi(kpiId));
    }

    /** The ous' values of the KPI for both genders together ("T"). */
    private List<KoladaValue> ouValues(String kpiId, List<String> ouCodes) {
        return read(Arrays.asList("ouValues", kpiId, List.copyOf(ouCodes)), () -> repo.ouValues(kpiId, ouCodes, "T"));
    }

    /** Our municipality and the comparison municipalities for the KPI and year: the same for every unit. */
    private List<ComparisonRow> municipalities(String kpiId, int year) {
        return read(Arrays.asList("compare", kpiId, year), () -> List.copyOf(keyFigures.compare(kpiId, year, "T")));
    }

    /** The ou links, by ou code: read once in a report's reading. */
    private Map<String, Long> links() {
        return read(Arrays.asList("links"), repo::links);
    }

    /** All links of own measures to KPIs, by measure key. */
    public Map<String, String> measureKpis() {
        return read(Arrays.asList("measureKpis"), repo::measureKpis);
    }

    /** Links the measure (by its key) to a KPI of the catalogue, or with {@code kpiId} null removes the link. */
    public SaveResult<Boolean> setLinkedKpi(String measureKey, String kpiId) {
        if (UnitMeasure.kindOf(measureKey).isEmpty() || UnitMeasure.kindOf(measureKey).get() == UnitMeasure.Kind.KOLADA) {
            return SaveResult.rejected(List.of(new Problem("measure", "keyfigure.validation.measure", measureKey)));
        }
        String id = kpiId == null || kpiId.isBlank() ? null : kpiId.strip().toUpperCase(Locale.ROOT);
        if (id != null && keyFigures.kpi(id).isEmpty()) {
            return SaveResult.rejected(List.of(new Problem("kpi", "keyfigure.validation.kpi", id)));
        }
        return SaveResult.saved(db.tx(tx -> repo.setMeasureKpi(tx, measureKey, id)));
    }

    // ---- over time --------------------------------------------------------------------------

    /**
     * The unit's measure over time as a run chart: survey shares and follow-up shares per year with their Wilson
     * intervals, own figures per month (or year) as entered, Kolada ou values per year (with intervals when Kolada
     * publishes the respondents).
     */
    public ValueSeries series(long unitId, UnitMeasure m) {
        return switch (m.kind()) {
            case SURVEY -> keyFigures.surveySeries(unitId, m.code());
            case OWN -> ownFigures().stream().filter(f -> f.code().equals(m.code())).findFirst()
                    .map(f -> keyFigures.ownSeries(f, unitId)).orElse(ValueSeries.of(m.label(), List.of(), List.of()));
            case FOLLOW_UP, KOLADA -> yearly(unitId, m);
        };
    }

    private ValueSeries yearly(long unitId, UnitMeasure m) {
        List<Integer> ys = years(unitId, m);
        List<String> periods = new ArrayList<>();
        List<ComparedValue> values = new ArrayList<>();
        if (!ys.isEmpty()) {
            for (int y = ys.getFirst(); y <= ys.getLast(); y++) {
                periods.add(Integer.toString(y));
                values.add(yearValue(unitId, m, y, Integer.toString(y)));
            }
        }
        return ValueSeries.of(m.label(), periods, values);
    }

    /** The years in which the unit has a value of the measure, oldest first. */
    public List<Integer> years(long unitId, UnitMeasure m) {
        TreeSet<Integer> ys = new TreeSet<>();
        switch (m.kind()) {
            case SURVEY -> unitSurvey(unitId).stream()
                    .filter(r -> r.unitId() == unitId && r.questionCode().equals(m.code())).forEach(r -> ys.add(r.year()));
            case OWN -> ownFigures().stream().filter(f -> f.code().equals(m.code())).findFirst()
                    .ifPresent(f -> unitOwnValues(f.id(), unitId).stream()
                            .filter(v -> v.unitId() == unitId && v.value() != null).forEach(v -> ys.add(v.year())));
            case FOLLOW_UP -> {
                int now = LocalDate.now(clock).getYear();
                for (int y = now - 9; y <= now; y++) {
                    if (followUps.total(unitId, null, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "")
                            .assessed(FollowUpMeasure.valueOf(m.code())) > 0) {
                        ys.add(y);
                    }
                }
            }
            case KOLADA -> ouValues(m.code(), ousOf(unitId)).stream().filter(v -> v.value() != null)
                    .forEach(v -> ys.add(v.period()));
        }
        return List.copyOf(ys);
    }

    /** The unit's value of the measure in one year, as compared values are shown (label = {@code label}). */
    public ComparedValue yearValue(long unitId, UnitMeasure m, int year, String label) {
        return switch (m.kind()) {
            case SURVEY -> unitSurvey(unitId).stream()
                    .filter(r -> r.unitId() == unitId && r.questionCode().equals(m.code()) && r.year() == year)
                    .findFirst().map(r -> r.compared(label)).orElse(ComparedValue.plain(label, null, false, ""));
            case OWN -> ownYear(unitId, m, year, label).value();
            case FOLLOW_UP -> {
                FollowUpCount c = followUps.total(unitId, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), label);
                yield c.compared(FollowUpMeasure.valueOf(m.code()));
            }
            case KOLADA -> ouValue(unitId, m.code(), year, label);
        };
    }

    /** An own figure's value for a year: the yearly value if one was entered, else the mean of the year's months. */
    private record OwnYear(ComparedValue value, int months) { }

    private OwnYear ownYear(long unitId, UnitMeasure m, int year, String label) {
        OwnFigure f = ownFigures().stream().filter(x -> x.code().equals(m.code())).findFirst().orElse(null);
        if (f == null) {
            return new OwnYear(ComparedValue.plain(label, null, false, ""), 0);
        }
        List<OwnValue> vs = unitOwnValues(f.id(), unitId).stream()
                .filter(v -> v.unitId() == unitId && v.year() == year && v.value() != null).toList();
        OwnValue whole = vs.stream().filter(v -> v.month() == 0).findFirst().orElse(null);
        if (whole != null) {
            return new OwnYear(new ComparedValue(label, whole.value(), null, whole.n(), null, false, false, ""), 0);
        }
        List<OwnValue> months = vs.stream().filter(v -> v.month() > 0).toList();
        if (months.isEmpty()) {
            return new OwnYear(ComparedValue.plain(label, null, false, ""), 0);
        }
        double mean = months.stream().mapToDouble(OwnValue::value).average().orElseThrow();
        return new OwnYear(ComparedValue.plain(label, Math.round(mean * 10) / 10.0, false, ""), months.size());
    }

    private ComparedValue ouValue(long unitId, String kpiId, int year, String label) {
        List<String> codes = ousOf(unitId);
        KoladaValue v = ouValues(kpiId, codes).stream().filter(x -> x.period() == year && x.value() != null)
                .findFirst().orElse(null);
        if (v == null) {
            return ComparedValue.plain(label, null, false, "");
        }
        Kpi k = kpi(kpiId).orElse(null);
        String respondentsKpi = k == null ? null : SurveyRules.respondentsKpi(k.title());
        if (k != null && k.isShare() && respondentsKpi != null) {
            Double resp = ouValues(respondentsKpi, List.of(v.ouCode())).stream()
                    .filter(x -> x.period() == year).map(KoladaValue::value).findFirst().orElse(null);
            Double rate = ouValues(SurveyRules.responseRateKpi(k.title()), List.of(v.ouCode())).stream()
                    .filter(x -> x.period() == year).map(KoladaValue::value).findFirst().orElse(null);
            if (resp != null) {
                return ComparedValue.share(label, v.value(), (int) Math.round(resp), rate, false, v.status());
            }
        }
        return ComparedValue.plain(label, v.value(), false, v.status());
    }

    // ---- beside the municipalities ------------------------------------------------------------

    /**
     * The unit's value in {@code year} first, then our municipality and the comparison municipalities for the
     * linked KPI in the same year (none when no KPI is linked), each with the verdict against the unit.
     */
    public UnitComparison compare(long unitId, UnitMeasure m, int year) {
        String unitName = organisation.tree().find(unitId).map(u -> u.name()).orElse("?");
        String note = "";
        ComparedValue unitValue;
        if (m.kind() == UnitMeasure.Kind.OWN) {
            OwnYear oy = ownYear(unitId, m, year, unitName);
            unitValue = oy.value();
            if (oy.months() > 0) {
                note = "Enhetens värde för " + year + " är medelvärdet av " + oy.months() + " månadsvärden.";
            }
        } else {
            unitValue = yearValue(unitId, m, year, unitName);
        }
        List<ComparisonRow> rows = new ArrayList<>();
        rows.add(new ComparisonRow("unit:" + unitId, null, true, unitValue, null));
        Kpi kpi = linkedKpi(m).flatMap(this::kpi).orElse(null);
        if (kpi != null) {
            for (ComparisonRow r : municipalities(kpi.id(), year)) {
                ComparedValue v = r.value();
                if (r.own()) {
                    v = new ComparedValue(v.label() + " (hela kommunen)", v.value(), v.interval(), v.respondents(),
                            v.responseRate(), v.suppressed(), v.unweighted(), v.status());
                }
                rows.add(new ComparisonRow(r.code(), r.role(), false, v, Verdict.of(v, unitValue)));
            }
        }
        return new UnitComparison(m, kpi, year, rows, note);
    }

    /** The measures of the unit that can be set beside municipalities (a KPI is linked), with their keys. */
    public List<UnitMeasure> comparableMeasures(long unitId) {
        Map<String, String> links = measureKpis();
        return measures(unitId).stream().filter(m -> m.kind() == UnitMeasure.Kind.KOLADA || links.containsKey(m.key()))
                .toList();
    }

    /** Units that have any linked measure or linked ou, in the organisation's path order. */
    public List<Long> unitsWithComparableMeasures() {
        OrgTree tree = organisation.tree();
        Map<Long, String> out = new HashMap<>();
        for (var u : tree.all()) {
            if (!comparableMeasures(u.id()).isEmpty()) {
                out.put(u.id(), tree.path(u.id()));
            }
        }
        return out.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    private static int first(List<String> headers, String... names) {
        for (String n : names) {
            int i = ImportMapping.indexOf(headers, n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> v, int i) {
        if (i < 0 || i >= v.size() || v.get(i) == null || v.get(i).isBlank()) {
            return null;
        }
        return v.get(i).strip();
    }
}
