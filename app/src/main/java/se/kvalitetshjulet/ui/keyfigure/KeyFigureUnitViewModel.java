package se.kvalitetshjulet.ui.keyfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.KoladaOu;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.OuLink;
import se.kvalitetshjulet.domain.keyfigure.SurveyRules;
import se.kvalitetshjulet.domain.keyfigure.UnitMeasure;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.service.keyfigure.KeyFigureService;
import se.kvalitetshjulet.service.keyfigure.UnitKeyFigureService;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * "Per enhet": one unit's measure — a survey question, an own key figure, a follow-up share or Kolada's own value for
 * the unit — over the years, and in a chosen year beside our municipality and the comparison municipalities for the
 * Kolada KPI it is linked to; plus the links between Kolada's units (ou) and ours. All work on the {@link TaskRunner}.
 */
public final class KeyFigureUnitViewModel {
    /** "No KPI" in the KPI choice. */
    static final Kpi NO_KPI = new Kpi("", "", null, false, null, null, null, false, null);

    private final UnitKeyFigureService units;
    private final KeyFigureService keyFigures;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObservableList<KeyFigureViewModel.UnitChoice> unitChoices;
    private final ObjectProperty<KeyFigureViewModel.UnitChoice> unit = new SimpleObjectProperty<>();
    private final ObservableList<UnitMeasure> measures = FXCollections.observableArrayList();
    private final ObjectProperty<UnitMeasure> measure = new SimpleObjectProperty<>();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObservableList<Kpi> kpis = FXCollections.observableArrayList();
    private final ObjectProperty<Kpi> kpi = new SimpleObjectProperty<>();
    private final ObjectProperty<ValueSeries> series = new SimpleObjectProperty<>();
    private final ObjectProperty<UnitKeyFigureService.UnitComparison> comparison = new SimpleObjectProperty<>();
    private final StringProperty comparisonText = new SimpleStringProperty("");
    private final ObservableList<OuLink> links = FXCollections.observableArrayList();
    private final ObservableList<KoladaOu> ous = FXCollections.observableArrayList();
    private final StringProperty ouCode = new SimpleStringProperty("");
    private final ObjectProperty<KeyFigureViewModel.UnitChoice> linkUnit = new SimpleObjectProperty<>();
    private final StringProperty linkMessage = new SimpleStringProperty("");
    private boolean settingKpi;

    public KeyFigureUnitViewModel(UnitKeyFigureService units, KeyFigureService keyFigures, TaskRunner tasks,
                                  DialogService dialogs, I18n i18n,
                                  ObservableList<KeyFigureViewModel.UnitChoice> unitChoices) {
        this.units = units;
        this.keyFigures = keyFigures;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.unitChoices = unitChoices;
        unit.addListener((o, a, u) -> loadMeasures());
        measure.addListener((o, a, m) -> loadMeasure());
        year.addListener((o, a, y) -> loadComparison());
        kpi.addListener((o, a, k) -> {
            if (!settingKpi) {
                saveKpiLink(k);
            }
        });
    }

    /** The links, the Kolada units, the KPIs to link with, and the first unit with something to compare. */
    private record Loaded(List<OuLink> links, List<KoladaOu> ous, List<Kpi> kpis, List<Long> comparable) { }

    public void refresh() {
        tasks.runLatest("kf.unit.load", i18n.get("kf.loading"), p -> new Loaded(units.ouLinks(), units.ous(),
                keyFigures.followed(), units.unitsWithComparableMeasures()), l -> {
            links.setAll(l.links());
            ous.setAll(l.ous());
            List<Kpi> ks = new ArrayList<>();
            ks.add(NO_KPI);
            ks.addAll(l.kpis());
            settingKpi = true;
            Kpi keep = kpi.get();
            kpis.setAll(ks);
            kpi.set(keep);
            settingKpi = false;
            if (unit.get() == null && !l.comparable().isEmpty()) {
                // a unit linked to Kolada first (that is where most can be said), else the first with a linked measure
                long first = l.links().isEmpty() ? l.comparable().getFirst() : l.links().getFirst().unitId();
                unit.set(unitChoices.stream().filter(u -> u.id() == first).findFirst().orElse(null));
            } else if (unit.get() != null) {
                loadMeasures();
            }
        }, dialogs::showUnexpected);
    }

    private void loadMeasures() {
        KeyFigureViewModel.UnitChoice u = unit.get();
        if (u == null) {
            measures.clear();
            return;
        }
        tasks.runLatest("kf.unit.measures", i18n.get("kf.loading"), p -> new Object[] {units.measures(u.id()),
                units.comparableMeasures(u.id())}, r -> {
            @SuppressWarnings("unchecked")
            List<UnitMeasure> all = (List<UnitMeasure>) r[0];
            @SuppressWarnings("unchecked")
            List<UnitMeasure> comparable = (List<UnitMeasure>) r[1];
            UnitMeasure keep = measure.get();
            measures.setAll(all);
            if (keep != null && all.contains(keep)) {
                loadMeasure();
            } else {
                measure.set(!comparable.isEmpty() ? comparable.getFirst() : all.isEmpty() ? null : all.getFirst());
            }
        }, dialogs::showUnexpected);
    }

    /** What one measure of one unit needs: its series, its years and the KPI it is linked to. */
    private record MeasureData(ValueSeries series, List<Integer> years, Kpi kpi) { }

    private void loadMeasure() {
        KeyFigureViewModel.UnitChoice u = unit.get();
        UnitMeasure m = measure.get();
        if (u == null || m == null) {
            series.set(null);
            comparison.set(null);
            years.clear();
            return;
        }
        tasks.runLatest("kf.unit.measure", i18n.get("kf.loading"), p -> new MeasureData(units.series(u.id(), m),
                units.years(u.id(), m), units.linkedKpi(m).flatMap(keyFigures::kpi).orElse(null)), d -> {
            series.set(d.series());
            settingKpi = true;
            if (d.kpi() != null && kpis.stream().noneMatch(k -> k.id().equals(d.kpi().id()))) {
                kpis.add(d.kpi()); // linked, though not among the followed KPIs
            }
            kpi.set(d.kpi() == null ? NO_KPI : kpis.stream().filter(k -> k.id().equals(d.kpi().id())).findFirst()
                    .orElseThrow());
            settingKpi = false;
            Integer keep = year.get();
            years.setAll(d.years());
            if (keep != null && d.years().contains(keep)) {
                loadComparison();
            } else {
                year.set(d.years().isEmpty() ? null : d.years().getLast());
            }
        }, dialogs::showUnexpected);
    }

    private void loadComparison() {
        KeyFigureViewModel.UnitChoice u = unit.get();
        UnitMeasure m = measure.get();
        Integer y = year.get();
        if (u == null || m == null || y == null) {
            comparison.set(null);
            comparisonText.set("");
            return;
        }
        tasks.runLatest("kf.unit.compare", i18n.get("kf.loading"), p -> units.compare(u.id(), m, y), c -> {
            comparison.set(c);
            comparisonText.set(describe(c));
        }, dialogs::showUnexpected);
    }

    private void saveKpiLink(Kpi k) {
        UnitMeasure m = measure.get();
        if (m == null || m.kind() == UnitMeasure.Kind.KOLADA) {
            return;
        }
        String id = k == null || k == NO_KPI || k.id().isEmpty() ? null : k.id();
        tasks.run(i18n.get("kf.saving"), p -> units.setLinkedKpi(m.key(), id), r -> {
            if (!r.ok()) {
                dialogs.showError(i18n.get("kf.unit.kpi"), String.join(" ", r.problems().stream().map(i18n::problem).toList()));
                return;
            }
            loadComparison();
        }, dialogs::showUnexpected);
    }

    /** Plain sentences: which municipalities differ clearly from the unit, which do not, which cannot be judged. */
    String describe(UnitKeyFigureService.UnitComparison c) {
        List<String> out = new ArrayList<>();
        if (c.kpi() == null) {
            out.add(c.measure().kind() == UnitMeasure.Kind.KOLADA ? "" : i18n.get("kf.unit.noKpi"));
        } else {
            List<String> higher = new ArrayList<>();
            List<String> lower = new ArrayList<>();
            List<String> same = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (ComparisonRow r : c.rows()) {
                if (r.own()) {
                    continue;
                }
                switch (r.againstOwn()) {
                    case HIGHER -> higher.add(r.value().label());
                    case LOWER -> lower.add(r.value().label());
                    case NO_CLEAR_DIFFERENCE -> same.add(r.value().label());
                    case CANNOT_BE_JUDGED -> unknown.add(r.value().label());
                }
            }
            if (c.rows().getFirst().value().value() == null) {
                out.add(i18n.get("kf.unit.noUnitValue", c.year()));
            }
            if (!higher.isEmpty()) {
                out.add(i18n.get("kf.unit.higher", String.join(", ", higher)));
            }
            if (!lower.isEmpty()) {
                out.add(i18n.get("kf.unit.lower", String.join(", ", lower)));
            }
            if (!same.isEmpty()) {
                out.add(i18n.get("kf.unit.same", String.join(", ", same)));
            }
            if (!unknown.isEmpty()) {
                out.add(i18n.get("kf.unit.unknown", String.join(", ", unknown)));
            }
        }
        if (!c.note().isBlank()) {
            out.add(c.note());
        }
        out.add(i18n.get("kf.method", SurveyRules.SUPPRESSION_THRESHOLD));
        return String.join("\n", out.stream().filter(s -> !s.isBlank()).toList());
    }

    // ---- ou links ----------------------------------------------------------------------------

    public void link() {
        String code = ouCode.get() == null ? "" : ouCode.get().strip();
        KeyFigureViewModel.UnitChoice u = linkUnit.get();
        if (code.isEmpty() || u == null) {
            linkMessage.set(i18n.get("kf.unit.linkHint"));
            return;
        }
        tasks.run(i18n.get("kf.saving"), p -> units.linkOu(code, u.id()), r -> {
            if (!r.ok()) {
                linkMessage.set(String.join(" ", r.problems().stream().map(i18n::problem).toList()));
                return;
            }
            linkMessage.set(i18n.get("kf.unit.linked", code, u.label()));
            ouCode.set("");
            refresh();
        }, dialogs::showUnexpected);
    }

    public void unlink(OuLink l) {
        if (l == null) {
            return;
        }
        tasks.run(i18n.get("kf.saving"), p -> units.unlinkOu(l.ouCode()), done -> {
            linkMessage.set(i18n.get("kf.unit.unlinked", l.ouCode(), l.unit()));
            refresh();
        }, dialogs::showUnexpected);
    }

    /** Shows the links suggested by name and, when the coordinator agrees, makes them. */
    public void suggest() {
        tasks.run(i18n.get("kf.loading"), p -> units.suggestions(), (List<OuLink> s) -> {
            if (s.isEmpty()) {
                dialogs.showInfo(i18n.get("kf.unit.suggest"), i18n.get("kf.unit.noSuggestions"));
                return;
            }
            String list = String.join("\n", s.stream().map(l -> l.ouCode() + " " + l.ouTitle() + " → " + l.unit()).toList());
            if (!dialogs.confirm(i18n.get("kf.unit.suggest"), i18n.get("kf.unit.suggestConfirm", s.size(), list))) {
                return;
            }
            tasks.run(i18n.get("kf.saving"), p -> {
                s.forEach(l -> units.linkOu(l.ouCode(), l.unitId()));
                return s.size();
            }, n -> {
                linkMessage.set(i18n.get("kf.unit.suggestDone", n));
                refresh();
            }, dialogs::showUnexpected);
        }, dialogs::showUnexpected);
    }

    public void importLinks() {
        Optional<Path> file = dialogs.chooseOpenFile(i18n.get("kf.unit.import"), List.of("*.csv", "*.xlsx"));
        if (file.isEmpty()) {
            return;
        }
        tasks.run(i18n.get("kf.importing"), p -> units.importOuLinks(file.get(), false), r -> {
            if (!r.ok()) {
                dialogs.showError(i18n.get("kf.unit.import"), String.join("\n", r.errors().stream().limit(20).toList())
                        + "\n" + i18n.get("kf.nothingWritten"));
                return;
            }
            linkMessage.set(i18n.get("kf.unit.imported", r.rows(), r.linked(), r.unchanged()));
            refresh();
        }, dialogs::showUnexpected);
    }

    // ---- properties --------------------------------------------------------------------------

    public ObservableList<KeyFigureViewModel.UnitChoice> unitChoices() { return unitChoices; }
    public ObjectProperty<KeyFigureViewModel.UnitChoice> unitProperty() { return unit; }
    public ObservableList<UnitMeasure> measures() { return measures; }
    public ObjectProperty<UnitMeasure> measureProperty() { return measure; }
    public ObservableList<Integer> years() { return years; }
    public ObjectProperty<Integer> yearProperty() { return year; }
    public ObservableList<Kpi> kpis() { return kpis; }
    public ObjectProperty<Kpi> kpiProperty() { return kpi; }
    public ObjectProperty<ValueSeries> seriesProperty() { return series; }
    public ObjectProperty<UnitKeyFigureService.UnitComparison> comparisonProperty() { return comparison; }
    public StringProperty comparisonTextProperty() { return comparisonText; }
    public ObservableList<OuLink> links() { return links; }
    public ObservableList<KoladaOu> ous() { return ous; }
    public StringProperty ouCodeProperty() { return ouCode; }
    public ObjectProperty<KeyFigureViewModel.UnitChoice> linkUnitProperty() { return linkUnit; }
    public StringProperty linkMessageProperty() { return linkMessage; }
    public I18n i18n() { return i18n; }
}
