package se.kvalitetshjulet.ui.keyfigure;

import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.FollowUp;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.domain.keyfigure.FollowUpRules;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.keyfigure.ShareSeries;
import se.kvalitetshjulet.domain.keyfigure.SurveyChange;
import se.kvalitetshjulet.domain.keyfigure.SurveyResult;
import se.kvalitetshjulet.domain.keyfigure.SurveyRules;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.keyfigure.Verdict;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.spc.SignalExplainer;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.service.keyfigure.FollowUpService;
import se.kvalitetshjulet.service.keyfigure.KeyFigureService;
import se.kvalitetshjulet.service.keyfigure.KoladaClient;
import se.kvalitetshjulet.service.keyfigure.KoladaImporter;
import se.kvalitetshjulet.service.keyfigure.SurveyImporter;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Nyckeltal: the KPIs followed, over the years and against the chosen municipalities (dot-and-interval, never a
 * league table); the user survey per unit and question with "what changed"; own key figures per unit; and the
 * aggregated individual follow-up with its form and P chart. All work runs on the injected {@link TaskRunner}.
 */
public final class KeyFigureViewModel {
    /** A unit to choose, with its path for the combo box. */
    public record UnitChoice(Long id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A survey question to choose. */
    public record QuestionChoice(String code, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final KeyFigureService keyFigures;
    private final FollowUpService followUps;
    private final OrganisationService organisation;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Clock clock;

    // Kolada
    private final ObservableList<Kpi> followed = FXCollections.observableArrayList();
    private final ObjectProperty<Kpi> kpi = new SimpleObjectProperty<>();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final StringProperty gender = new SimpleStringProperty("T");
    private final ObjectProperty<ValueSeries> kpiSeries = new SimpleObjectProperty<>();
    private final ObjectProperty<List<ComparisonRow>> comparison = new SimpleObjectProperty<>(List.of());
    private final StringProperty comparisonText = new SimpleStringProperty("");
    private final StringProperty ownMunicipality = new SimpleStringProperty("");
    // survey
    private final ObservableList<UnitChoice> surveyUnits = FXCollections.observableArrayList();
    private final ObjectProperty<UnitChoice> surveyUnit = new SimpleObjectProperty<>();
    private final ObservableList<QuestionChoice> questions = FXCollections.observableArrayList();
    private final ObjectProperty<QuestionChoice> question = new SimpleObjectProperty<>();
    private final ObjectProperty<ValueSeries> surveySeries = new SimpleObjectProperty<>();
    private final ObservableList<SurveyChange> changes = FXCollections.observableArrayList();
    private final ObservableList<Integer> surveyYears = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> surveyYear = new SimpleObjectProperty<>();
    // own figures
    private final ObservableList<OwnFigure> figures = FXCollections.observableArrayList();
    private final ObjectProperty<OwnFigure> figure = new SimpleObjectProperty<>();
    private final ObservableList<UnitChoice> units = FXCollections.observableArrayList();
    private final ObjectProperty<UnitChoice> ownUnit = new SimpleObjectProperty<>();
    private final ObjectProperty<ValueSeries> ownSeries = new SimpleObjectProperty<>();
    private final StringProperty ownPeriod = new SimpleStringProperty("");
    private final StringProperty ownValue = new SimpleStringProperty("");
    private final StringProperty ownN = new SimpleStringProperty("");
    private final StringProperty ownMessage = new SimpleStringProperty("");
    // follow-up
    private final StringProperty caseRef = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> followUpDate = new SimpleObjectProperty<>();
    private final ObjectProperty<UnitChoice> followUpUnit = new SimpleObjectProperty<>();
    private final StringProperty insats = new SimpleStringProperty("Hemtjänst");
    private final ObjectProperty<Boolean> planExists = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> planUpToDate = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> meetsDecision = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> wishes = new SimpleObjectProperty<>();
    private final StringProperty remark = new SimpleStringProperty("");
    private final StringProperty followUpMessage = new SimpleStringProperty("");
    private final ObjectProperty<FollowUpMeasure> measure = new SimpleObjectProperty<>(FollowUpMeasure.PLAN_EXISTS);
    private final ObjectProperty<UnitChoice> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<ShareSeries> followUpSeries = new SimpleObjectProperty<>();
    private final ObservableList<FollowUpService.TertialRow> tertials = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final Command importKolada;
    private final Command fetchKolada;
    private final Command chooseKpis;
    private final Command chooseComparisons;
    private final Command newOwnFigure;
    private final Command importSurvey;
    private final Command saveOwnValue;
    private final Command importOwn;
    private final Command saveFollowUp;
    private final Command importFollowUps;

    public KeyFigureViewModel(KeyFigureService keyFigures, FollowUpService followUps, OrganisationService organisation,
                              TaskRunner tasks, DialogService dialogs, I18n i18n, Clock clock) {
        this.keyFigures = keyFigures;
        this.followUps = followUps;
        this.organisation = organisation;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.clock = clock;
        followUpDate.set(LocalDate.now(clock));
        var idle = busy.not();
        importKolada = new Command(this::importKoladaFile, idle);
        fetchKolada = new Command(this::fetch, idle);
        chooseKpis = new Command(this::chooseKpisToFollow, idle);
        chooseComparisons = new Command(this::chooseComparisonMunicipalities, idle);
        newOwnFigure = new Command(this::defineOwnFigure, idle);
        importSurvey = new Command(this::importSurveyFile, idle);
        saveOwnValue = new Command(this::saveOwn, idle.and(figure.isNotNull()).and(ownUnit.isNotNull())
                .and(Bindings.createBooleanBinding(() -> !ownPeriod.get().isBlank(), ownPeriod)));
        importOwn = new Command(this::importOwnFile, idle);
        saveFollowUp = new Command(this::saveFollowUpNow, idle.and(followUpUnit.isNotNull()));
        importFollowUps = new Command(this::importFollowUpFile, idle);
        kpi.addListener((o, a, k) -> loadKpi());
        year.addListener((o, a, y) -> loadComparison());
        gender.addListener((o, a, g) -> loadKpi());
        surveyUnit.addListener((o, a, u) -> loadSurveySeries());
        question.addListener((o, a, q) -> loadSurveySeries());
        surveyYear.addListener((o, a, y) -> loadChanges());
        figure.addListener((o, a, f) -> loadOwnSeries());
        ownUnit.addListener((o, a, u) -> loadOwnSeries());
        measure.addListener((o, a, m) -> loadFollowUpChart());
        scope.addListener((o, a, s) -> loadFollowUpChart());
    }

    // ---- loading -------------------------------------------------------------------------

    /** What the screen shows first: everything it lists, loaded in one background task. */
    private record Overview(List<Kpi> followed, String own, List<UnitChoice> units, List<SurveyResult> survey,
                            List<Integer> surveyYears, List<OwnFigure> figures) { }

    public void refresh() {
        tasks.run(i18n.get("kf.loading"), p -> {
            List<UnitChoice> us = new ArrayList<>();
            var tree = organisation.tree();
            for (Unit u : tree.all()) {
                us.add(new UnitChoice(u.id(), tree.path(u.id())));
            }
            us.sort(java.util.Comparator.comparing(UnitChoice::label));
            return new Overview(keyFigures.followed(), keyFigures.ownMunicipality().orElse(""), us,
                    keyFigures.survey(null, null), keyFigures.surveyYears(), keyFigures.ownFigures());
        }, o -> {
            Kpi selected = kpi.get();
            followed.setAll(o.followed());
            ownMunicipality.set(o.own().isEmpty() ? i18n.get("kf.ownMissing")
                    : keyFigures.municipalityName(o.own()) + " (" + o.own() + ")");
            units.setAll(o.units());
            List<Long> withSurvey = o.survey().stream().map(SurveyResult::unitId).distinct().toList();
            surveyUnits.setAll(o.units().stream().filter(u -> withSurvey.contains(u.id())).toList());
            List<QuestionChoice> qs = new ArrayList<>();
            for (SurveyResult r : o.survey()) {
                if (qs.stream().noneMatch(q -> q.code().equals(r.questionCode()))) {
                    qs.add(new QuestionChoice(r.questionCode(), r.question()));
                }
            }
            questions.setAll(qs);
            surveyYears.setAll(o.surveyYears());
            figures.setAll(o.figures());
            if (selected == null || !followed.contains(selected)) {
                kpi.set(followed.isEmpty() ? null : followed.getFirst());
            } else {
                loadKpi();
            }
            if (surveyUnit.get() == null && !surveyUnits.isEmpty()) {
                surveyUnit.set(surveyUnits.getFirst());
            }
            if (question.get() == null && !questions.isEmpty()) {
                question.set(questions.getFirst());
            }
            if (!surveyYears.isEmpty()) {
                if (surveyYear.get() == null) {
                    surveyYear.set(surveyYears.getLast());
                } else {
                    loadChanges();
                }
            }
            if (figure.get() == null && !figures.isEmpty()) {
                figure.set(figures.getFirst());
            }
            if (ownUnit.get() == null && figure.get() != null) {
                List<OwnValue> vs = keyFigures.ownValues(figure.get().id(), null, null);
                if (!vs.isEmpty()) {
                    long id = vs.getFirst().unitId();
                    ownUnit.set(units.stream().filter(u -> u.id() == id).findFirst().orElse(null));
                }
            }
            loadFollowUpChart();
        }, this::failed);
    }

    private void loadKpi() {
        Kpi k = kpi.get();
        if (k == null) {
            kpiSeries.set(null);
            comparison.set(List.of());
            years.clear();
            return;
        }
        String own = keyFigures.ownMunicipality().orElse(null);
        String g = gender.get();
        tasks.runLatest("kf.loadKpi", i18n.get("kf.loading"), p -> new Object[] {keyFigures.years(k.id()),
                own == null ? null : keyFigures.series(k.id(), own, g)}, r -> {
            @SuppressWarnings("unchecked")
            List<Integer> ys = (List<Integer>) r[0];
            kpiSeries.set((ValueSeries) r[1]);
            Integer keep = year.get();
            years.setAll(ys);
            if (keep != null && ys.contains(keep)) {
                loadComparison();
            } else {
                year.set(ys.isEmpty() ? null : ys.getLast());
            }
        }, this::failed);
    }

    private void loadComparison() {
        Kpi k = kpi.get();
        Integer y = year.get();
        if (k == null || y == null) {
            comparison.set(List.of());
            comparisonText.set("");
            return;
        }
        String g = gender.get();
        tasks.runLatest("kf.loadComparison", i18n.get("kf.loading"), p -> keyFigures.compare(k.id(), y, g), rows -> {
            comparison.set(rows);
            comparisonText.set(describe(rows));
        }, this::failed);
    }

    /** Plain sentences: which municipalities differ clearly from ours, which do not, which cannot be judged. */
    String describe(List<ComparisonRow> rows) {
        List<String> higher = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        List<String> same = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (ComparisonRow r : rows) {
            if (r.own()) {
                continue;
            }
            String name = r.value().label();
            switch (r.againstOwn()) {
                case HIGHER -> higher.add(name);
                case LOWER -> lower.add(name);
                case NO_CLEAR_DIFFERENCE -> same.add(name);
                case CANNOT_BE_JUDGED -> unknown.add(name);
            }
        }
        List<String> out = new ArrayList<>();
        if (rows.stream().noneMatch(ComparisonRow::own)) {
            out.add(i18n.get("kf.ownMissing"));
        }
        if (!higher.isEmpty()) {
            out.add(i18n.get("kf.describe.higher", String.join(", ", higher)));
        }
        if (!lower.isEmpty()) {
            out.add(i18n.get("kf.describe.lower", String.join(", ", lower)));
        }
        if (!same.isEmpty()) {
            out.add(i18n.get("kf.describe.same", String.join(", ", same)));
        }
        if (!unknown.isEmpty()) {
            out.add(i18n.get("kf.describe.unknown", String.join(", ", unknown)));
        }
        out.add(i18n.get("kf.method", SurveyRules.SUPPRESSION_THRESHOLD));
        return String.join("\n", out);
    }

    private void loadSurveySeries() {
        UnitChoice u = surveyUnit.get();
        QuestionChoice q = question.get();
        if (u == null || q == null) {
            surveySeries.set(null);
            return;
        }
        tasks.runLatest("kf.loadSurveySeries", i18n.get("kf.loading"), p -> keyFigures.surveySeries(u.id(), q.code()), surveySeries::set, this::failed);
    }

    private void loadChanges() {
        Integer y = surveyYear.get();
        if (y == null) {
            changes.clear();
            return;
        }
        tasks.runLatest("kf.loadChanges", i18n.get("kf.loading"), p -> keyFigures.whatChanged(null, null, y), changes::setAll, this::failed);
    }

    private void loadOwnSeries() {
        OwnFigure f = figure.get();
        UnitChoice u = ownUnit.get();
        if (f == null || u == null) {
            ownSeries.set(null);
            return;
        }
        tasks.runLatest("kf.loadOwnSeries", i18n.get("kf.loading"), p -> keyFigures.ownSeries(f, u.id()), ownSeries::set, this::failed);
    }

    private void loadFollowUpChart() {
        FollowUpMeasure m = measure.get();
        Long unitId = scope.get() == null ? null : scope.get().id();
        YearMonth end = YearMonth.now(clock);
        int yearNow = end.getYear();
        tasks.runLatest("kf.loadFollowUpChart", i18n.get("kf.loading"), p -> new Object[] {followUps.monthly(unitId, null, m, end.minusMonths(23), end),
                followUps.byTertial(unitId, null, yearNow)}, r -> {
            followUpSeries.set((ShareSeries) r[0]);
            @SuppressWarnings("unchecked")
            List<FollowUpService.TertialRow> rows = (List<FollowUpService.TertialRow>) r[1];
            tertials.setAll(rows);
        }, this::failed);
    }

    /** The run or P chart's signals in plain language. */
    public List<String> explain(se.kvalitetshjulet.domain.spc.SpcResult result) {
        List<String> out = new ArrayList<>();
        if (result != null) {
            new SignalExplainer(i18n.locale()).explainAll(result).forEach(out::addAll);
        }
        return out;
    }

    // ---- commands ------------------------------------------------------------------------

    private void importKoladaFile() {
        Optional<Path> file = dialogs.chooseOpenFile(i18n.get("kf.importKolada"), List.of("*.json"));
        if (file.isEmpty()) {
            return;
        }
        String own = null;
        if (keyFigures.ownMunicipality().isEmpty()) {
            own = dialogs.askText(i18n.get("kf.importKolada"), i18n.get("kf.askMunicipality"), "").map(String::strip)
                    .filter(s -> !s.isEmpty()).orElse(null);
            if (own != null && !KoladaImporter.validMunicipalityCode(own)) {
                dialogs.showError(i18n.get("kf.importKolada"), i18n.get("keyfigure.validation.municipalityCode", own));
                return;
            }
        }
        String municipality = own;
        busy.set(true);
        tasks.run(i18n.get("kf.importing"), p -> keyFigures.koladaImporter().importFile(file.get(), municipality), r -> {
            busy.set(false);
            if (!r.ok()) {
                dialogs.showError(i18n.get("kf.importKolada"), String.join("\n", r.errors().stream().limit(20).toList())
                        + "\n" + i18n.get("kf.nothingWritten"));
                return;
            }
            dialogs.showInfo(i18n.get("kf.importKolada"), i18n.get("kf.koladaImported", r.kpis(), r.inserted(),
                    r.updated(), r.unchanged(), r.missingValues()) + (r.municipalityNote() == null ? "" : "\n" + r.municipalityNote()));
            refresh();
        }, this::failedBusy);
    }

    private void fetch() {
        List<String> kpis = followed.stream().map(Kpi::id).toList();
        String own = keyFigures.ownMunicipality().orElse(null);
        if (kpis.isEmpty() || own == null) {
            dialogs.showError(i18n.get("kf.fetch"), i18n.get("kf.fetch.needSetup"));
            return;
        }
        List<String> codes = new ArrayList<>();
        codes.add(own);
        keyFigures.comparisons().forEach(c -> codes.add(c.code()));
        int to = LocalDate.now(clock).getYear();
        List<Integer> ys = List.of(to - 5, to - 4, to - 3, to - 2, to - 1, to);
        if (!dialogs.confirm(i18n.get("kf.fetch"), i18n.get("kf.fetch.confirm", String.join(", ", kpis),
                String.join(", ", codes), ys.getFirst() + "–" + ys.getLast()))) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("kf.fetching"), p -> {
            KoladaClient client = new KoladaClient(KoladaClient.DEFAULT_BASE);
            var uri = client.dataUri(kpis, codes, ys);
            return keyFigures.koladaImporter().importJson(client.fetchAll(uri), uri.toString(), null);
        }, r -> {
            busy.set(false);
            if (!r.ok()) {
                dialogs.showError(i18n.get("kf.fetch"), String.join("\n", r.errors().stream().limit(20).toList()));
                return;
            }
            dialogs.showInfo(i18n.get("kf.fetch"), i18n.get("kf.koladaImported", r.kpis(), r.inserted(), r.updated(),
                    r.unchanged(), r.missingValues()));
            refresh();
        }, e -> {
            busy.set(false);
            dialogs.showError(i18n.get("kf.fetch"), se.kvalitetshjulet.app.FailureMessages.explain(e));
        });
    }

    private void chooseKpisToFollow() {
        String current = String.join(", ", followed.stream().map(Kpi::id).toList());
        Optional<String> text = dialogs.askText(i18n.get("kf.chooseKpis"), i18n.get("kf.chooseKpis.prompt",
                keyFigures.catalogueSize()), current);
        if (text.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String part : text.get().split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String id = part.strip().toUpperCase(java.util.Locale.ROOT);
            if (keyFigures.kpi(id).isPresent()) {
                ids.add(id);
            } else {
                unknown.add(part.strip());
            }
        }
        if (!unknown.isEmpty()) {
            List<Kpi> hits = keyFigures.search(String.join(" ", unknown), 15);
            dialogs.showError(i18n.get("kf.chooseKpis"), i18n.get("kf.chooseKpis.unknown", String.join(", ", unknown))
                    + (hits.isEmpty() ? "" : "\n" + String.join("\n", hits.stream().map(k -> k.id() + "  " + k.title()).toList())));
            return;
        }
        keyFigures.setFollowed(ids);
        refresh();
    }

    /** "liknande: 9902, 9903; län: 9900; riket; övriga: 1280" ⇄ the comparison list. */
    static String formatComparisons(List<ComparisonChoice> list) {
        java.util.Map<se.kvalitetshjulet.domain.keyfigure.ComparisonRole, List<String>> by = new java.util.EnumMap<>(
                se.kvalitetshjulet.domain.keyfigure.ComparisonRole.class);
        list.forEach(c -> by.computeIfAbsent(c.role(), r -> new ArrayList<>()).add(c.code()));
        List<String> parts = new ArrayList<>();
        by.forEach((role, codes) -> parts.add(switch (role) {
            case SIMILAR -> "liknande: " + String.join(", ", codes);
            case COUNTY -> "län: " + String.join(", ", codes);
            case NATIONAL -> "riket";
            case OTHER -> "övriga: " + String.join(", ", codes);
        }));
        return String.join("; ", parts);
    }

    /** The comparison list from the typed text, or empty when a part is not understood. */
    static Optional<List<ComparisonChoice>> parseComparisons(String text) {
        List<ComparisonChoice> out = new ArrayList<>();
        for (String part : text.split(";")) {
            String p = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("riket") || p.equals("0000")) {
                out.add(new ComparisonChoice("0000",
                        se.kvalitetshjulet.domain.keyfigure.ComparisonRole.NATIONAL));
                continue;
            }
            int colon = p.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            se.kvalitetshjulet.domain.keyfigure.ComparisonRole role = switch (p.substring(0, colon).strip()) {
                case "liknande", "liknande kommuner" -> se.kvalitetshjulet.domain.keyfigure.ComparisonRole.SIMILAR;
                case "län", "lan", "region" -> se.kvalitetshjulet.domain.keyfigure.ComparisonRole.COUNTY;
                case "övriga", "ovriga", "andra" -> se.kvalitetshjulet.domain.keyfigure.ComparisonRole.OTHER;
                default -> null;
            };
            if (role == null) {
                return Optional.empty();
            }
            for (String code : p.substring(colon + 1).split("[,\\s]+")) {
                if (!code.isBlank()) {
                    out.add(new ComparisonChoice(
                            code.strip().toUpperCase(java.util.Locale.ROOT), role));
                }
            }
        }
        return Optional.of(out);
    }

    private void chooseComparisonMunicipalities() {
        Optional<String> text = dialogs.askText(i18n.get("kf.chooseComparisons"), i18n.get("kf.chooseComparisons.prompt"),
                formatComparisons(keyFigures.comparisons()));
        if (text.isEmpty()) {
            return;
        }
        var list = parseComparisons(text.get());
        if (list.isEmpty() || !keyFigures.setComparisons(list.get()).ok()) {
            dialogs.showError(i18n.get("kf.chooseComparisons"), i18n.get("kf.chooseComparisons.invalid"));
            return;
        }
        loadComparison();
    }

    private void defineOwnFigure() {
        Optional<String> text = dialogs.askText(i18n.get("kf.own.new"), i18n.get("kf.own.new.prompt"), "");
        if (text.isEmpty()) {
            return;
        }
        String[] p = text.get().split(";");
        OwnFigure.Measure measure = p.length < 3 ? null : switch (p[2].strip().toLowerCase(java.util.Locale.ROOT)) {
            case "median" -> OwnFigure.Measure.MEDIAN;
            case "medel", "medelvärde" -> OwnFigure.Measure.MEAN;
            case "andel", "andel (%)" -> OwnFigure.Measure.SHARE;
            case "antal" -> OwnFigure.Measure.COUNT;
            default -> null;
        };
        if (measure == null) {
            dialogs.showError(i18n.get("kf.own.new"), i18n.get("kf.own.new.invalid"));
            return;
        }
        OwnFigure f = new OwnFigure(null, p[0].strip(), p[1].strip(), measure, p.length > 3 ? p[3].strip() : null,
                p.length > 4 && p[4].strip().toLowerCase(java.util.Locale.ROOT).startsWith("j"), null);
        SaveResult<Long> r = keyFigures.saveOwnFigure(f);
        if (!r.ok()) {
            dialogs.showError(i18n.get("kf.own.new"), String.join(" ", r.problems().stream().map(i18n::problem).toList()));
            return;
        }
        refresh();
    }

    private void importSurveyFile() {
        Optional<Path> file = dialogs.chooseOpenFile(i18n.get("kf.importSurvey"), List.of("*.csv", "*.xlsx", "*.txt"));
        if (file.isEmpty()) {
            return;
        }
        Integer y = dialogs.askText(i18n.get("kf.importSurvey"), i18n.get("kf.askSurveyYear"),
                Integer.toString(LocalDate.now(clock).getYear())).map(String::strip).filter(s -> s.matches("\\d{4}"))
                .map(Integer::valueOf).orElse(null);
        busy.set(true);
        tasks.run(i18n.get("kf.importing"), p -> keyFigures.surveyImporter().importFile(file.get(), y, null, false),
                (SurveyImporter.Result r) -> {
                    busy.set(false);
                    if (!r.ok()) {
                        dialogs.showError(i18n.get("kf.importSurvey"), String.join("\n", r.errors().stream().limit(20).toList())
                                + "\n" + i18n.get("kf.nothingWritten"));
                        return;
                    }
                    dialogs.showInfo(i18n.get("kf.importSurvey"), i18n.get("kf.surveyImported", r.rows(), r.inserted(),
                            r.updated(), r.suppressed()));
                    refresh();
                }, this::failedBusy);
    }

    private void saveOwn() {
        ownMessage.set("");
        String period = ownPeriod.get().strip();
        int y;
        int m;
        try {
            if (period.matches("\\d{4}")) {
                y = Integer.parseInt(period);
                m = 0;
            } else if (period.matches("\\d{4}-\\d{1,2}")) {
                y = Integer.parseInt(period.substring(0, 4));
                m = Integer.parseInt(period.substring(5));
            } else {
                ownMessage.set(i18n.get("kf.own.periodHint"));
                return;
            }
        } catch (NumberFormatException e) {
            ownMessage.set(i18n.get("kf.own.periodHint"));
            return;
        }
        Double value;
        Integer n;
        try {
            value = se.kvalitetshjulet.service.keyfigure.Numbers.decimal(ownValue.get());
            n = se.kvalitetshjulet.service.keyfigure.Numbers.whole(ownN.get());
        } catch (NumberFormatException e) {
            ownMessage.set(e.getMessage());
            return;
        }
        OwnValue v = new OwnValue(figure.get().id(), ownUnit.get().id(), y, m, value, n);
        busy.set(true);
        tasks.run(i18n.get("kf.saving"), p -> keyFigures.saveOwnValues(List.of(v)), (SaveResult<Integer> r) -> {
            busy.set(false);
            if (!r.ok()) {
                ownMessage.set(String.join(" ", r.problems().stream().map(i18n::problem).toList()));
                return;
            }
            ownMessage.set(i18n.get("kf.own.saved", v.periodLabel()));
            ownValue.set("");
            ownN.set("");
            loadOwnSeries();
        }, this::failedBusy);
    }

    private void importOwnFile() {
        Optional<Path> file = dialogs.chooseOpenFile(i18n.get("kf.importOwn"), List.of("*.csv", "*.xlsx"));
        if (file.isEmpty()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("kf.importing"), p -> keyFigures.importOwnValues(file.get()), r -> {
            busy.set(false);
            if (!r.ok()) {
                dialogs.showError(i18n.get("kf.importOwn"), String.join("\n", r.errors().stream().limit(20).toList())
                        + "\n" + i18n.get("kf.nothingWritten"));
                return;
            }
            dialogs.showInfo(i18n.get("kf.importOwn"), i18n.get("kf.ownImported", r.rows(), r.changed()));
            refresh();
        }, this::failedBusy);
    }

    /** The follow-up being typed in the form. */
    FollowUp formFollowUp() {
        return new FollowUp(null, caseRef.get(), followUpDate.get(), followUpUnit.get() == null ? -1 : followUpUnit.get().id(),
                insats.get(), planExists.get(), planUpToDate.get(), meetsDecision.get(), wishes.get(), remark.get());
    }

    private void saveFollowUpNow() {
        FollowUp f = formFollowUp();
        List<String> names = FollowUpRules.remarkNameWarnings(f.remark());
        if (!names.isEmpty() && !dialogs.confirm(i18n.get("kf.followUp.save"), i18n.get("kf.followUp.nameWarning",
                String.join(", ", names)))) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("kf.saving"), p -> followUps.save(f), (SaveResult<Long> r) -> {
            busy.set(false);
            if (!r.ok()) {
                followUpMessage.set(String.join(" ", r.problems().stream().map((Problem x) -> i18n.problem(x)).toList()));
                return;
            }
            followUpMessage.set(i18n.get("kf.followUp.saved", f.caseRef().strip()));
            caseRef.set("");
            remark.set("");
            planExists.set(null);
            planUpToDate.set(null);
            meetsDecision.set(null);
            wishes.set(null);
            loadFollowUpChart();
        }, this::failedBusy);
    }

    private void importFollowUpFile() {
        Optional<Path> file = dialogs.chooseOpenFile(i18n.get("kf.importFollowUps"), List.of("*.csv", "*.xlsx"));
        if (file.isEmpty()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("kf.importing"), p -> followUps.importFile(file.get()), r -> {
            busy.set(false);
            if (!r.ok()) {
                dialogs.showError(i18n.get("kf.importFollowUps"), String.join("\n", r.errors().stream().limit(20).toList())
                        + "\n" + i18n.get("kf.nothingWritten"));
                return;
            }
            dialogs.showInfo(i18n.get("kf.importFollowUps"), i18n.get("kf.followUpsImported", r.rows(), r.inserted(),
                    r.unchanged()));
            loadFollowUpChart();
        }, this::failedBusy);
    }

    private void failed(Throwable e) {
        dialogs.showUnexpected(e);
    }

    private void failedBusy(Throwable e) {
        busy.set(false);
        dialogs.showUnexpected(e);
    }

    /** The verdict of a survey change in words. */
    public String changeText(Verdict v) {
        return i18n.get("kf.change." + v.name());
    }

    // ---- properties ----------------------------------------------------------------------

    public ObservableList<Kpi> followed() { return followed; }
    public ObjectProperty<Kpi> kpiProperty() { return kpi; }
    public ObservableList<Integer> years() { return years; }
    public ObjectProperty<Integer> yearProperty() { return year; }
    public StringProperty genderProperty() { return gender; }
    public ObjectProperty<ValueSeries> kpiSeriesProperty() { return kpiSeries; }
    public ObjectProperty<List<ComparisonRow>> comparisonProperty() { return comparison; }
    public StringProperty comparisonTextProperty() { return comparisonText; }
    public StringProperty ownMunicipalityProperty() { return ownMunicipality; }
    public ObservableList<UnitChoice> surveyUnits() { return surveyUnits; }
    public ObjectProperty<UnitChoice> surveyUnitProperty() { return surveyUnit; }
    public ObservableList<QuestionChoice> questions() { return questions; }
    public ObjectProperty<QuestionChoice> questionProperty() { return question; }
    public ObjectProperty<ValueSeries> surveySeriesProperty() { return surveySeries; }
    public ObservableList<SurveyChange> changes() { return changes; }
    public ObservableList<Integer> surveyYears() { return surveyYears; }
    public ObjectProperty<Integer> surveyYearProperty() { return surveyYear; }
    public ObservableList<OwnFigure> figures() { return figures; }
    public ObjectProperty<OwnFigure> figureProperty() { return figure; }
    public ObservableList<UnitChoice> units() { return units; }
    public ObjectProperty<UnitChoice> ownUnitProperty() { return ownUnit; }
    public ObjectProperty<ValueSeries> ownSeriesProperty() { return ownSeries; }
    public StringProperty ownPeriodProperty() { return ownPeriod; }
    public StringProperty ownValueProperty() { return ownValue; }
    public StringProperty ownNProperty() { return ownN; }
    public StringProperty ownMessageProperty() { return ownMessage; }
    public StringProperty caseRefProperty() { return caseRef; }
    public ObjectProperty<LocalDate> followUpDateProperty() { return followUpDate; }
    public ObjectProperty<UnitChoice> followUpUnitProperty() { return followUpUnit; }
    public StringProperty insatsProperty() { return insats; }
    public ObjectProperty<Boolean> planExistsProperty() { return planExists; }
    public ObjectProperty<Boolean> planUpToDateProperty() { return planUpToDate; }
    public ObjectProperty<Boolean> meetsDecisionProperty() { return meetsDecision; }
    public ObjectProperty<Boolean> wishesProperty() { return wishes; }
    public StringProperty remarkProperty() { return remark; }
    public StringProperty followUpMessageProperty() { return followUpMessage; }
    public ObjectProperty<FollowUpMeasure> measureProperty() { return measure; }
    public ObjectProperty<UnitChoice> scopeProperty() { return scope; }
    public ObjectProperty<ShareSeries> followUpSeriesProperty() { return followUpSeries; }
    public ObservableList<FollowUpService.TertialRow> tertials() { return tertials; }
    public Command importKoladaCommand() { return importKolada; }
    public Command fetchKoladaCommand() { return fetchKolada; }
    public Command chooseKpisCommand() { return chooseKpis; }
    public Command chooseComparisonsCommand() { return chooseComparisons; }
    public Command newOwnFigureCommand() { return newOwnFigure; }
    public Command importSurveyCommand() { return importSurvey; }
    public Command saveOwnValueCommand() { return saveOwnValue; }
    public Command importOwnCommand() { return importOwn; }
    public Command saveFollowUpCommand() { return saveFollowUp; }
    public Command importFollowUpsCommand() { return importFollowUps; }
    public I18n i18n() { return i18n; }
}
