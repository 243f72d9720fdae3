package se.kvalitetshjulet.service.keyfigure;

import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.KeyFigureRepository;
import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.KoladaValue;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.Municipality;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.keyfigure.SurveyChange;
import se.kvalitetshjulet.domain.keyfigure.SurveyResult;
import se.kvalitetshjulet.domain.keyfigure.SurveyRules;
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
 * Nyckeltal: the KPIs followed, the municipalities compared with, own key figures per unit, and the user survey —
 * each over time as a run chart and against others with its uncertainty, never as a bare league table.
 */
public final class KeyFigureService {
    private final Database db;
    private final KeyFigureRepository repo;
    private final SettingsRepository settings;
    private final OrganisationService organisation;
    private final se.kvalitetshjulet.data.repo.KoladaUnitRepository ous;

    public KeyFigureService(Database db, KeyFigureRepository repo, SettingsRepository settings,
                            OrganisationService organisation, se.kvalitetshjulet.data.repo.KoladaUnitRepository ous) {
        this.db = db;
        this.repo = repo;
        this.settings = settings;
        this.organisation = organisation;
        this.ous = ous;
    }

    public KoladaImporter koladaImporter() {
        return new KoladaImporter(db, repo, settings, ous);
    }

    public SurveyImporter surveyImporter() {
        return new SurveyImporter(db, repo, organisation);
    }

    // ---- own municipality, KPIs followed, comparisons ----------------------------------

    public Optional<String> ownMunicipality() {
        return settings.get(KoladaImporter.OWN_MUNICIPALITY);
    }

    public SaveResult<String> setOwnMunicipality(String code) {
        String c = code == null ? "" : code.strip();
        if (!KoladaImporter.validMunicipalityCode(c)) {
            return SaveResult.rejected(List.of(new Problem("municipality", "keyfigure.validation.municipalityCode", c)));
        }
        db.txRun(tx -> settings.put(tx, KoladaImporter.OWN_MUNICIPALITY, c));
        return SaveResult.saved(c);
    }

    public List<Kpi> search(String query, int limit) {
        return repo.searchKpis(query, limit);
    }

    public Optional<Kpi> kpi(String id) {
        return repo.kpi(id);
    }

    public int catalogueSize() {
        return repo.kpiCount();
    }

    public List<Kpi> followed() {
        List<Kpi> out = new ArrayList<>();
        for (String id : repo.followedKpis()) {
            out.add(repo.kpi(id).orElse(new Kpi(id, id, null, false, null, null, null, false, null)));
        }
        return out;
    }

    public boolean setFollowed(List<String> ids) {
        return db.tx(tx -> repo.setFollowedKpis(tx, ids));
    }

    public List<se.kvalitetshjulet.domain.keyfigure.ComparisonChoice> comparisons() {
        return repo.comparisons();
    }

    public SaveResult<Boolean> setComparisons(List<se.kvalitetshjulet.domain.keyfigure.ComparisonChoice> list) {
        for (se.kvalitetshjulet.domain.keyfigure.ComparisonChoice c : list) {
            if (!comparableCode(c.code())) {
                return SaveResult.rejected(List.of(new Problem("municipality", "keyfigure.validation.municipalityCode",
                        c.code())));
            }
        }
        return SaveResult.saved(db.tx(tx -> repo.setComparisons(tx, list)));
    }

    public Map<String, Municipality> municipalities() {
        return repo.municipalities();
    }

    /** Municipalities, counties and groups by part of their name or code (the country first). */
    public List<Municipality> searchMunicipalities(String query, int limit) {
        return repo.searchMunicipalities(query, limit);
    }

    /**
     * The role a municipality is most likely chosen in: the country as "riket", a county or region as "länet", a
     * Kolada group named "Liknande kommuner …" as similar, anything else as "other".
     */
    public static ComparisonRole likelyRole(Municipality m) {
        if (Municipality.NATIONAL.equals(m.code())) {
            return ComparisonRole.NATIONAL;
        }
        if ("L".equalsIgnoreCase(m.type())) {
            return ComparisonRole.COUNTY;
        }
        if (m.title() != null && m.title().toLowerCase(java.util.Locale.ROOT).startsWith("liknande")) {
            return ComparisonRole.SIMILAR;
        }
        return ComparisonRole.OTHER;
    }

    /** Whether {@code code} can be compared with: a municipality or county code ("1280", "0012") or a group ("G33"). */
    public static boolean comparableCode(String code) {
        return code != null && (code.matches("\\d{4}") || code.matches("G\\d{1,8}"));
    }

    /** The name of a municipality, "Riket" for 0000, or the code when unknown. */
    public String municipalityName(String code) {
        return municipalityName(repo.municipalities(), code);
    }

    private static String municipalityName(Map<String, Municipality> municipalities, String code) {
        Municipality m = municipalities.get(code);
        if (m != null && m.title() != null) {
            return m.title();
        }
        return Municipality.NATIONAL.equals(code) ? "Riket" : code;
    }

    // ---- Kolada values -----------------------------------------------------------------

    /** A KPI for one municipality over the years, as a run chart; survey KPIs carry respondents and intervals. */
    public ValueSeries series(String kpiId, String municipality, String gender) {
        Kpi kpi = repo.kpi(kpiId).orElse(null);
        String title = kpi == null ? kpiId : kpi.title();
        List<KoladaValue> values = repo.values(kpiId, List.of(municipality), gender);
        Map<String, Double[]> support = support(kpi, List.of(municipality));
        TreeSet<Integer> years = new TreeSet<>();
        values.forEach(v -> years.add(v.period()));
        List<String> periods = new ArrayList<>();
        List<ComparedValue> out = new ArrayList<>();
        if (!years.isEmpty()) {
            for (int y = years.first(); y <= years.last(); y++) {
                int year = y;
                periods.add(Integer.toString(y));
                KoladaValue v = values.stream().filter(x -> x.period() == year).findFirst().orElse(null);
                out.add(compared(kpi, Integer.toString(y), v, support.get(key(municipality, y))));
            }
        }
        return ValueSeries.of(title, periods, out);
    }

    /**
     * Our municipality and the comparison municipalities for one KPI and year, each with what the value rests on and
     * the verdict against ours. Ordered as chosen (own first), never by rank.
     */
    public List<ComparisonRow> compare(String kpiId, int year, String gender) {
        Kpi kpi = repo.kpi(kpiId).orElse(null);
        String own = ownMunicipality().orElse(null);
        List<String> codes = new ArrayList<>();
        Map<String, ComparisonRole> roles = new HashMap<>();
        if (own != null) {
            codes.add(own);
        }
        for (se.kvalitetshjulet.domain.keyfigure.ComparisonChoice c : repo.comparisons()) {
            if (!codes.contains(c.code())) {
                codes.add(c.code());
                roles.put(c.code(), c.role());
            }
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, KoladaValue> byCode = new LinkedHashMap<>();
        for (KoladaValue v : repo.values(kpiId, codes, gender)) {
            if (v.period() == year) {
                byCode.put(v.municipalityCode(), v);
            }
        }
        Map<String, Double[]> support = support(kpi, codes);
        Map<String, Municipality> municipalities = repo.municipalities();
        List<ComparisonRow> rows = new ArrayList<>();
        ComparedValue ownValue = null;
        for (String code : codes) {
            ComparedValue cv = compared(kpi, municipalityName(municipalities, code), byCode.get(code), support.get(key(code, year)));
            if (code.equals(own)) {
                ownValue = cv;
            }
            rows.add(new ComparisonRow(code, roles.getOrDefault(code, null), code.equals(own), cv, null));
        }
        List<ComparisonRow> out = new ArrayList<>();
        for (ComparisonRow r : rows) {
            out.add(new ComparisonRow(r.code(), r.role(), r.own(), r.value(), r.own() ? null : Verdict.of(r.value(), ownValue)));
        }
        return out;
    }

    /** Years with values for the KPI, newest last. */
    public List<Integer> years(String kpiId) {
        TreeSet<Integer> ys = new TreeSet<>();
        repo.values(kpiId, null, "T").forEach(v -> ys.add(v.period()));
        return List.copyOf(ys);
    }

    private static String key(String code, int year) {
        return code + "|" + year;
    }

    /** Respondents and response rate per (municipality, year) for a survey KPI; empty for others. */
    private Map<String, Double[]> support(Kpi kpi, List<String> codes) {
        Map<String, Double[]> out = new HashMap<>();
        if (kpi == null || SurveyRules.respondentsKpi(kpi.title()) == null) {
            return out;
        }
        for (KoladaValue v : repo.values(SurveyRules.respondentsKpi(kpi.title()), codes, "T")) {
            out.computeIfAbsent(key(v.municipalityCode(), v.period()), k -> new Double[2])[0] = v.value();
        }
        for (KoladaValue v : repo.values(SurveyRules.responseRateKpi(kpi.title()), codes, "T")) {
            out.computeIfAbsent(key(v.municipalityCode(), v.period()), k -> new Double[2])[1] = v.value();
        }
        return out;
    }

    private static ComparedValue compared(Kpi kpi, String label, KoladaValue v, Double[] support) {
        if (v == null) {
            return ComparedValue.plain(label, null, false, "");
        }
        if (kpi != null && kpi.isShare() && support != null && support[0] != null) {
            return ComparedValue.share(label, v.value(), (int) Math.round(support[0]), support[1], v.isGroupMean(),
                    v.status());
        }
        return ComparedValue.plain(label, v.value(), v.isGroupMean(), v.status());
    }

    // ---- the user survey ---------------------------------------------------------------

    public List<SurveyResult> survey(Long unitId, Long areaId) {
        return repo.surveyResults(organisation.unitScope(unitId, areaId));
    }

    /** The unit's own survey results (not its sub-units'), in the order of {@link #survey}. */
    public List<SurveyResult> surveyOfUnit(long unitId) {
        return repo.surveyResults(Set.of(unitId));
    }

    /** One unit's answers to one question over the years, as a run chart with intervals and suppression. */
    public ValueSeries surveySeries(long unitId, String questionCode) {
        List<SurveyResult> rs = repo.surveyResults(Set.of(unitId)).stream()
                .filter(r -> r.questionCode().equals(questionCode)).sorted(Comparator.comparingInt(SurveyResult::year))
                .toList();
        List<String> periods = new ArrayList<>();
        List<ComparedValue> values = new ArrayList<>();
        if (!rs.isEmpty()) {
            for (int y = rs.getFirst().year(); y <= rs.getLast().year(); y++) {
                int year = y;
                periods.add(Integer.toString(y));
                values.add(rs.stream().filter(r -> r.year() == year).findFirst().map(r -> r.compared(Integer.toString(year)))
                        .orElse(ComparedValue.plain(Integer.toString(year), null, false, "")));
            }
        }
        return ValueSeries.of(rs.isEmpty() ? questionCode : rs.getLast().question(), periods, values);
    }

    /**
     * What changed since the year before, per unit and question, for the kvalitetsdialog: clear changes (the
     * intervals do not overlap) first, then the rest; suppressed results stay suppressed.
     */
    public List<SurveyChange> whatChanged(Long unitId, Long areaId, int year) {
        OrgTree tree = organisation.tree();
        Map<String, SurveyResult> previous = new HashMap<>();
        List<SurveyResult> current = new ArrayList<>();
        for (SurveyResult r : repo.surveyResults(organisation.unitScope(unitId, areaId))) {
            if (r.year() == year - 1) {
                previous.put(r.unitId() + "|" + r.questionCode(), r);
            } else if (r.year() == year) {
                current.add(r);
            }
        }
        List<SurveyChange> out = new ArrayList<>();
        for (SurveyResult r : current) {
            SurveyResult p = previous.get(r.unitId() + "|" + r.questionCode());
            ComparedValue now = r.compared(Integer.toString(year));
            ComparedValue before = p == null ? null : p.compared(Integer.toString(year - 1));
            out.add(new SurveyChange(r.unitId(), tree.find(r.unitId()).map(u -> u.name()).orElse("?"), r.questionCode(),
                    r.question(), year, before, now, Verdict.of(now, before)));
        }
        out.sort(Comparator.comparingInt((SurveyChange c) -> c.verdict() == Verdict.HIGHER || c.verdict() == Verdict.LOWER
                ? 0 : 1).thenComparing(SurveyChange::unit).thenComparing(SurveyChange::questionCode));
        return out;
    }

    public List<Integer> surveyYears() {
        TreeSet<Integer> ys = new TreeSet<>();
        repo.surveyResults(null).forEach(r -> ys.add(r.year()));
        return List.copyOf(ys);
    }

    // ---- own key figures ---------------------------------------------------------------

    public List<OwnFigure> ownFigures() {
        return repo.ownFigures();
    }

    public SaveResult<Long> saveOwnFigure(OwnFigure f) {
        List<Problem> problems = new ArrayList<>();
        if (f.code() == null || !f.code().strip().matches("[A-Za-z0-9_.-]{1,40}")) {
            problems.add(new Problem("code", "keyfigure.validation.ownCode"));
        }
        if (f.name() == null || f.name().isBlank()) {
            problems.add(new Problem("name", "keyfigure.validation.ownName"));
        }
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        return SaveResult.saved(db.tx(tx -> repo.saveOwnFigure(tx, new OwnFigure(f.id(), f.code().strip(),
                f.name().strip(), f.measure(), f.unitLabel(), f.lowerIsBetter(), f.description()))));
    }

    /** Saves values typed on screen (one unit, several periods) with an audit row per changed value. */
    public SaveResult<Integer> saveOwnValues(List<OwnValue> values) {
        List<Problem> problems = new ArrayList<>();
        for (OwnValue v : values) {
            problems.addAll(problems(v));
        }
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        return SaveResult.saved(db.tx(tx -> {
            int n = 0;
            for (OwnValue v : values) {
                if (repo.saveOwnValue(tx, v, true)) {
                    n++;
                }
            }
            return n;
        }));
    }

    private List<Problem> problems(OwnValue v) {
        List<Problem> out = new ArrayList<>();
        if (organisation.tree().find(v.unitId()).isEmpty()) {
            out.add(new Problem("unit", "keyfigure.validation.unit"));
        }
        if (v.year() < 2000 || v.year() > 2100 || v.month() < 0 || v.month() > 12) {
            out.add(new Problem("period", "keyfigure.validation.period", v.periodLabel()));
        }
        if (v.value() != null && (v.value().isNaN() || v.value() < 0)) {
            out.add(new Problem("value", "keyfigure.validation.value", v.periodLabel()));
        }
        if (v.n() != null && v.n() < 0) {
            out.add(new Problem("n", "keyfigure.validation.n", v.periodLabel()));
        }
        return out;
    }

    public List<OwnValue> ownValues(long figureId, Long unitId, Long areaId) {
        return repo.ownValues(figureId, organisation.unitScope(unitId, areaId));
    }

    /** The unit's own values of the figure (not its sub-units'), in the order of {@link #ownValues}. */
    public List<OwnValue> ownValuesOfUnit(long figureId, long unitId) {
        return repo.ownValues(figureId, Set.of(unitId));
    }

    /** One unit's own figure over its periods (months, or years when only yearly values exist) as a run chart. */
    public ValueSeries ownSeries(OwnFigure f, long unitId) {
        List<OwnValue> vs = repo.ownValues(f.id(), Set.of(unitId));
        boolean monthly = vs.stream().anyMatch(v -> v.month() > 0);
        List<OwnValue> chosen = vs.stream().filter(v -> monthly == (v.month() > 0)).toList();
        List<String> periods = new ArrayList<>();
        List<ComparedValue> values = new ArrayList<>();
        if (!chosen.isEmpty()) {
            int first = chosen.getFirst().year() * 12 + Math.max(chosen.getFirst().month(), 1) - 1;
            int last = chosen.getLast().year() * 12 + Math.max(chosen.getLast().month(), 1) - 1;
            for (int k = first; k <= last; k += monthly ? 1 : 12) {
                int y = k / 12;
                int m = monthly ? k % 12 + 1 : 0;
                String label = m == 0 ? Integer.toString(y) : String.format("%d-%02d", y, m);
                periods.add(label);
                OwnValue v = chosen.stream().filter(x -> x.year() == y && x.month() == m).findFirst().orElse(null);
                values.add(new ComparedValue(label, v == null ? null : v.value(), null, v == null ? null : v.n(), null,
                        false, false, ""));
            }
        }
        return ValueSeries.of(f.name(), periods, values);
    }

    /**
     * Imports own values from CSV/XLSX with the columns {@code Nyckeltal;Enhet;År;Månad;Värde;Antal} (Nyckeltal is the
     * figure's code; Månad empty or 0 for the whole year; decimal comma or point). All or nothing; one audit row.
     */
    public OwnImportResult importOwnValues(Path file) throws IOException {
        TabularReader reader;
        try {
            reader = TabularReader.open(file);
        } catch (ImportFileException e) {
            return new OwnImportResult(0, 0, List.of(e.getMessage()));
        }
        List<String> h = reader.headers();
        int iCode = first(h, "Nyckeltal", "Kod", "Nyckeltalskod");
        int iUnit = first(h, "Enhet", "Verksamhet");
        int iYear = first(h, "År");
        int iMonth = first(h, "Månad");
        int iValue = first(h, "Värde", "Resultat", "Median", "Medelvärde");
        int iN = first(h, "Antal", "Antal mätta", "n");
        List<String> errors = new ArrayList<>();
        if (iCode < 0 || iUnit < 0 || iYear < 0 || iValue < 0) {
            return new OwnImportResult(0, 0, List.of("Filen ska ha kolumnerna Nyckeltal;Enhet;År;Månad;Värde;Antal "
                    + "(Månad och Antal får saknas). Hittade: " + String.join(", ", h) + "."));
        }
        Map<String, OwnFigure> figures = new HashMap<>();
        repo.ownFigures().forEach(f -> figures.put(f.code().toLowerCase(java.util.Locale.ROOT), f));
        UnitLookup units = new UnitLookup(organisation.tree());
        List<OwnValue> rows = new ArrayList<>();
        reader.forEachRow((row, v) -> {
            String where = "Rad " + row;
            String code = cell(v, iCode);
            OwnFigure f = code == null ? null : figures.get(code.toLowerCase(java.util.Locale.ROOT));
            if (f == null) {
                errors.add(where + ": nyckeltalet '" + code + "' finns inte. Lägg upp det under Nyckeltal › Egna "
                        + "nyckeltal först (koder som finns: " + String.join(", ", figures.values().stream()
                        .map(OwnFigure::code).toList()) + ").");
            }
            Long unitId = null;
            String unit = cell(v, iUnit);
            switch (units.find(unit)) {
                case UnitLookup.Found x -> unitId = x.unitId();
                case UnitLookup.Ambiguous a -> errors.add(where + ": flera enheter heter '" + unit + "': "
                        + String.join("; ", a.paths()) + ".");
                case UnitLookup.Missing x -> errors.add(where + ": enheten '" + (unit == null ? "" : unit) + "' finns inte.");
            }
            Integer year = null;
            Integer month = 0;
            Double value = null;
            Integer n = null;
            try {
                year = Numbers.whole(cell(v, iYear));
                month = iMonth < 0 || cell(v, iMonth) == null ? 0 : Numbers.whole(cell(v, iMonth));
                value = Numbers.decimal(cell(v, iValue));
                n = iN < 0 ? null : Numbers.whole(cell(v, iN));
            } catch (NumberFormatException e) {
                errors.add(where + ": " + e.getMessage());
            }
            if (year == null) {
                errors.add(where + ": året saknas.");
            }
            if (f != null && unitId != null && year != null) {
                OwnValue ov = new OwnValue(f.id(), unitId, year, month, value, n);
                problems(ov).forEach(p -> errors.add(where + ": " + FollowUpMessages.swedish(p)));
                rows.add(ov);
            }
            return errors.size() < 200;
        });
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add("Filen innehåller inga värden.");
        }
        if (!errors.isEmpty()) {
            return new OwnImportResult(0, 0, List.copyOf(errors));
        }
        int changed = db.tx(tx -> {
            int c = 0;
            for (OwnValue ov : rows) {
                if (repo.saveOwnValue(tx, ov, false)) {
                    c++;
                }
            }
            if (c > 0) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("file", file.getFileName().toString());
                after.put("own_values_changed", c);
                repo.auditSummary(tx, KeyFigureRepository.IMPORT_ENTITY, 0, null, after);
            }
            return c;
        });
        return new OwnImportResult(rows.size(), changed, List.of());
    }

    /** What an import of own values did. */
    public record OwnImportResult(int rows, int changed, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
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
