package se.kvalitetshjulet.ui.keyfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.app.FailureMessages;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.SurveyRules;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.spc.SpcResult;
import se.kvalitetshjulet.service.keyfigure.KeyFigureService;
import se.kvalitetshjulet.service.keyfigure.KoladaClient;
import se.kvalitetshjulet.service.keyfigure.KoladaImporter;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Nyckeltal, the Kolada tab: a followed KPI over the years for our municipality and, for one year, against the
 * chosen municipalities (dot and interval, in plain sentences, never a league table); importing a Kolada file and
 * fetching from Kolada only when asked.
 */
public final class KeyFigureKoladaViewModel {
    private final KeyFigureService keyFigures;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Clock clock;
    private final BooleanProperty busy;
    private final Runnable refreshAll;

    private final ObservableList<Kpi> followed = FXCollections.observableArrayList();
    private final ObjectProperty<Kpi> kpi = new SimpleObjectProperty<>();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final StringProperty gender = new SimpleStringProperty("T");
    private final ObjectProperty<ValueSeries> kpiSeries = new SimpleObjectProperty<>();
    private final ObjectProperty<List<ComparisonRow>> comparison = new SimpleObjectProperty<>(List.of());
    private final StringProperty comparisonText = new SimpleStringProperty("");
    private final StringProperty ownMunicipality = new SimpleStringProperty("");
    /** Our municipality's code and the comparison codes as the last refresh loaded them (null: not set). */
    private String ownCode;
    private List<String> comparisonCodes = List.of();

    private final Command importKolada;
    private final Command fetchKolada;

    /**
     * @param busy       the screen's: true while an import or fetch runs
     * @param refreshAll reloads the whole screen (after an import or a fetch)
     */
    KeyFigureKoladaViewModel(KeyFigureService keyFigures, TaskRunner tasks, DialogService dialogs, I18n i18n, Clock clock,
                             BooleanProperty busy, Runnable refreshAll) {
        this.keyFigures = keyFigures;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.clock = clock;
        this.busy = busy;
        this.refreshAll = refreshAll;
        importKolada = new Command(this::importFile, busy.not());
        fetchKolada = new Command(this::fetch, busy.not());
        kpi.addListener((o, a, k) -> loadKpi());
        year.addListener((o, a, y) -> loadComparison());
        gender.addListener((o, a, g) -> loadKpi());
    }

    /** What the screen's refresh read for this tab: the KPIs followed, our municipality, the comparison codes. */
    void show(List<Kpi> kpis, String own, String ownName, List<String> comparisons) {
        ownCode = own.isEmpty() ? null : own;
        comparisonCodes = comparisons;
        Kpi selected = kpi.get();
        followed.setAll(kpis);
        ownMunicipality.set(own.isEmpty() ? i18n.get("kf.ownMissing") : ownName + " (" + own + ")");
        if (selected == null || !followed.contains(selected)) {
            kpi.set(followed.isEmpty() ? null : followed.getFirst());
        } else {
            loadKpi();
        }
    }

    private record KpiLoaded(List<Integer> years, ValueSeries series) { }

    private void loadKpi() {
        Kpi k = kpi.get();
        if (k == null) {
            kpiSeries.set(null);
            comparison.set(List.of());
            years.clear();
            return;
        }
        String g = gender.get();
        tasks.runLatest("kf.loadKpi", i18n.get("kf.loading"), p -> {
            String own = keyFigures.ownMunicipality().orElse(null);
            return new KpiLoaded(keyFigures.years(k.id()), own == null ? null : keyFigures.series(k.id(), own, g));
        }, r -> {
            kpiSeries.set(r.series());
            Integer keep = year.get();
            years.setAll(r.years());
            if (keep != null && r.years().contains(keep)) {
                loadComparison();
            } else {
                year.set(r.years().isEmpty() ? null : r.years().getLast());
            }
        }, dialogs::showUnexpected);
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
        }, dialogs::showUnexpected);
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

    private void importFile() {
        Optional<Path> file = dialogs.chooseOpenFile(i18n.get("kf.importKolada"), List.of("*.json"));
        if (file.isEmpty()) {
            return;
        }
        String own = null;
        if (ownCode == null) {
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
            refreshAll.run();
        }, this::failedBusy);
    }

    private void fetch() {
        List<String> kpis = followed.stream().map(Kpi::id).toList();
        String own = ownCode;
        if (kpis.isEmpty() || own == null) {
            dialogs.showError(i18n.get("kf.fetch"), i18n.get("kf.fetch.needSetup"));
            return;
        }
        List<String> codes = new ArrayList<>();
        codes.add(own);
        codes.addAll(comparisonCodes); // as loaded by the last refresh (which every change of them triggers)
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
            refreshAll.run();
        }, e -> {
            busy.set(false);
            dialogs.showError(i18n.get("kf.fetch"), FailureMessages.explain(e));
        });
    }

    private void failedBusy(Throwable e) {
        busy.set(false);
        dialogs.showUnexpected(e);
    }

    /** The run chart's signals in plain language. */
    public List<String> explain(SpcResult result) {
        return KeyFigureViewModel.explain(i18n, result);
    }

    public ObservableList<Kpi> followed() { return followed; }
    public ObjectProperty<Kpi> kpiProperty() { return kpi; }
    public ObservableList<Integer> years() { return years; }
    public ObjectProperty<Integer> yearProperty() { return year; }
    public StringProperty genderProperty() { return gender; }
    public ObjectProperty<ValueSeries> kpiSeriesProperty() { return kpiSeries; }
    public ObjectProperty<List<ComparisonRow>> comparisonProperty() { return comparison; }
    public StringProperty comparisonTextProperty() { return comparisonText; }
    public StringProperty ownMunicipalityProperty() { return ownMunicipality; }
    public Command importKoladaCommand() { return importKolada; }
    public Command fetchKoladaCommand() { return fetchKolada; }
}
