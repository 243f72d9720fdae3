package se.kvalitetshjulet.ui.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.SignalExplainer;
import se.kvalitetshjulet.domain.spc.SpcEngine;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.spc.SpcResult;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.domain.trend.TrendPoint;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Trend charts for quality dialogues: deviations over time as bars, run chart or the fitting
 * control chart, with signals explained in plain Swedish, exportable as PNG, and collected in a
 * deck that the council shows in presentation mode.
 */
public final class TrendViewModel {
    static final String DECK = "trenddeck";

    private final AppContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObjectProperty<DeviationKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<Taxonomy> category = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<BusinessArea> area = new SimpleObjectProperty<>();
    private final ObjectProperty<Granularity> granularity = new SimpleObjectProperty<>(Granularity.MONTH);
    private final ObjectProperty<TrendMeasure> measure = new SimpleObjectProperty<>(TrendMeasure.COUNT);
    private final ObjectProperty<ChartStyle> style = new SimpleObjectProperty<>(ChartStyle.RUN);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> freeze = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> phaseStart = new SimpleObjectProperty<>();

    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<BusinessArea> areas = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> categories = FXCollections.observableArrayList();
    private final ObservableList<String> deck = FXCollections.observableArrayList();
    private final ObjectProperty<OrgTree> tree = new SimpleObjectProperty<>(new OrgTree(List.of()));

    private final ObjectProperty<ChartData> chart = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final Command exportPng;
    private final Command addToDeck;
    private boolean listsLoaded;
    private boolean applying;

    public TrendViewModel(AppContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        LocalDate lastComplete = ctx.today().withDayOfMonth(1).minusDays(1);
        to.set(lastComplete);
        from.set(lastComplete.withDayOfMonth(1).minusMonths(35));
        exportPng = new Command(this::exportPng, chart.isNotNull());
        addToDeck = new Command(this::addToDeck, chart.isNotNull());
        for (var p : List.of(kind, category, unit, area, granularity, measure, style, from, to, freeze, phaseStart)) {
            p.addListener((o, a, b) -> {
                if (!applying && listsLoaded) {
                    load();
                }
            });
        }
    }

    public void refresh() {
        if (!listsLoaded) {
            tasks.run(i18n.get("trend.loadingLists"), p -> new Object[] {ctx.organisation().tree(),
                    ctx.organisation().businessAreas(), ctx.taxonomies().list(TaxonomyRepository.Kind.CATEGORY),
                    ctx.savedFilters().names(DECK)}, r -> {
                        tree.set((OrgTree) r[0]);
                        units.setAll(tree.get().all());
                        @SuppressWarnings("unchecked")
                        List<BusinessArea> a = (List<BusinessArea>) r[1];
                        areas.setAll(a);
                        @SuppressWarnings("unchecked")
                        List<Taxonomy> c = (List<Taxonomy>) r[2];
                        categories.setAll(c);
                        @SuppressWarnings("unchecked")
                        List<String> d = (List<String>) r[3];
                        deck.setAll(d);
                        listsLoaded = true;
                        load();
                    }, dialogs::showUnexpected);
        } else {
            load();
        }
    }

    public TrendSettings settings() {
        return new TrendSettings(kind.get(), category.get() == null ? null : category.get().id(),
                unit.get() == null ? null : unit.get().id(), area.get() == null ? null : area.get().id(),
                granularity.get(), measure.get(), style.get(), from.get(), to.get(), freeze.get(), phaseStart.get());
    }

    public void apply(TrendSettings s) {
        applying = true;
        try {
            kind.set(s.kind());
            category.set(categories.stream().filter(c -> s.categoryId() != null && c.id() == s.categoryId()).findFirst().orElse(null));
            unit.set(units.stream().filter(u -> u.id().equals(s.unitId())).findFirst().orElse(null));
            area.set(areas.stream().filter(a -> s.areaId() != null && a.id() == s.areaId()).findFirst().orElse(null));
            granularity.set(s.granularity());
            measure.set(s.measure());
            style.set(s.style());
            from.set(s.from());
            to.set(s.to());
            freeze.set(s.freeze());
            phaseStart.set(s.phaseStart());
        } finally {
            applying = false;
        }
        load();
    }

    public void load() {
        TrendSettings s = settings();
        if (s.from() == null || s.to() == null || s.to().isBefore(s.from())) {
            message.set(i18n.get("trend.badPeriod"));
            return;
        }
        tasks.run(i18n.get("trend.loading"), p -> build(s), data -> {
            chart.set(data);
            message.set("");
        }, t -> {
            if (t instanceof IllegalArgumentException) {
                message.set(t.getMessage());
            } else {
                dialogs.showUnexpected(t);
            }
        });
    }

    /** Computes the chart for the settings (runs on the worker thread; also used by the presentation). */
    public ChartData build(TrendSettings s) {
        Set<Long> scope = ctx.organisation().unitScope(s.unitId(), s.areaId());
        DeviationFilter f = new DeviationFilter(s.kind() == null ? Set.of() : EnumSet.of(s.kind()), Set.of(), scope,
                s.categoryId(), null, null, false, null);
        List<TrendPoint> series = ctx.trends().series(f, s.granularity(), s.measure(), s.from(), s.to(), ctx.today());
        if (s.measure().needsDenominator() && series.stream().allMatch(tp -> tp.denominator() == null || tp.denominator() == 0)) {
            throw new IllegalArgumentException(i18n.get("trend.noDenominators"));
        }
        ChartType type = switch (s.style()) {
            case RUN, BARS -> ChartType.RUN;
            case CONTROL -> s.measure().controlChart();
        };
        List<Double> values = new ArrayList<>();
        List<Double> denominators = new ArrayList<>();
        for (TrendPoint tp : series) {
            values.add(tp.count());
            if (s.measure().needsDenominator()) {
                denominators.add(tp.denominator() == null || tp.denominator() == 0 ? Double.NaN : tp.denominator());
            }
        }
        SpcRequest req = SpcRequest.of(type, values, denominators);
        if (s.freeze() != null && s.freeze() >= 2 && s.freeze() < series.size()) {
            req = req.withFreeze(s.freeze());
        } else if (s.phaseStart() != null) {
            int idx = 0;
            for (int i = 0; i < series.size(); i++) {
                if (series.get(i).periodStart().isBefore(s.phaseStart())) {
                    idx = i + 1;
                }
            }
            if (idx >= 2 && idx < series.size() - 1) {
                req = req.withPartBreaks(idx);
            }
        }
        SpcResult result = SpcEngine.compute(req);
        List<ChartData.Point> points = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            SpcPoint p = result.points().get(i);
            double shown = s.measure() == TrendMeasure.SHARE ? p.value() * 100 : p.value();
            double k = s.measure() == TrendMeasure.SHARE ? 100 : 1;
            points.add(new ChartData.Point(series.get(i).label(), shown, p.centreLine() * k, p.lowerLimit() * k,
                    p.upperLimit() * k, s.style() != ChartStyle.BARS && p.outside(),
                    s.style() != ChartStyle.BARS && p.runsSignal(), p.excluded(), p.part()));
        }
        List<String> explanations = new ArrayList<>();
        if (s.style() == ChartStyle.BARS) {
            explanations.add(i18n.get("trend.barsWarning"));
        } else {
            SignalExplainer explainer = new SignalExplainer(i18n.locale());
            List<List<String>> parts = explainer.explainAll(result);
            for (int i = 0; i < parts.size(); i++) {
                if (parts.size() > 1) {
                    explanations.add(i18n.get("trend.part", i + 1));
                }
                explanations.addAll(parts.get(i));
            }
        }
        OrgTree t = ctx.organisation().tree();
        String where = s.unitId() != null ? t.find(s.unitId()).map(Unit::name).orElse("")
                : s.areaId() != null ? areas.stream().filter(a -> a.id() == s.areaId()).map(BusinessArea::name)
                .findFirst().orElse("") : i18n.get("trend.wholeOrganisation");
        String what = s.kind() == null ? i18n.get("trend.allKinds") : i18n.of(s.kind());
        if (s.categoryId() != null) {
            what += " · " + categories.stream().filter(c -> c.id() == s.categoryId()).map(Taxonomy::name).findFirst().orElse("");
        }
        String title = i18n.get("trend.title." + s.measure().name(), what);
        String subtitle = where + " · " + series.getFirst().label() + "–" + series.getLast().label() + " · "
                + i18n.get("trend.chartName." + (s.style() == ChartStyle.BARS ? "BARS" : type.name()));
        boolean signal = s.style() != ChartStyle.BARS && result.hasSignal();
        return new ChartData(title, subtitle, i18n.get("trend.yLabel." + s.measure().name()), s.style(), type, points,
                explanations, signal);
    }

    /** Saves the chart as PNG (1600×900), SVG or its numbers as CSV, chosen by the file's ending. */
    private void exportPng() {
        ChartData data = chart.get();
        dialogs.chooseSaveFile(i18n.get("trend.exportPng"), "diagram.png", List.of("*.png", "*.svg", "*.csv"))
                .ifPresent(path -> tasks.run(i18n.get("trend.exporting"), p -> {
                    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    if (name.endsWith(".svg")) {
                        TrendChartFactory.writeSvg(data, path, 1600, 900, 1.4);
                    } else if (name.endsWith(".csv")) {
                        TrendChartFactory.writeCsv(data, path);
                    } else {
                        TrendChartFactory.writePng(data, path, 1600, 900, 1.4);
                    }
                    return path;
                }, done -> dialogs.showInfo(i18n.get("trend.exportPng"), i18n.get("trend.exported", done)),
                        dialogs::showUnexpected));
    }

    private void addToDeck() {
        String suggested = chart.get().title();
        dialogs.askText(i18n.get("trend.deck.addTitle"), i18n.get("trend.deck.addPrompt"), suggested)
                .map(String::strip).filter(n -> !n.isEmpty()).ifPresent(name -> {
                    String json = settings().toJson();
                    tasks.run(i18n.get("trend.deck.saving"), p -> {
                        ctx.savedFilters().save(DECK, name, json);
                        return ctx.savedFilters().names(DECK);
                    }, deck::setAll, dialogs::showUnexpected);
                });
    }

    /** Reads denominators (brukare, vårddygn, besök per unit and month) from a CSV file, all or nothing. */
    public void importDenominators() {
        dialogs.chooseOpenFile(i18n.get("trend.denominators.title"), List.of("*.csv")).ifPresent(path ->
                tasks.run(i18n.get("trend.denominators.running"), p -> new se.kvalitetshjulet.service.DenominatorImporter(
                        ctx.database(), ctx.denominators(), ctx.organisation()).importCsv(path), r -> {
                            if (r.ok()) {
                                dialogs.showInfo(i18n.get("trend.denominators.title"), i18n.get("trend.denominators.done", r.rows()));
                                load();
                            } else {
                                dialogs.showError(i18n.get("trend.denominators.title"), i18n.get("trend.denominators.rejected",
                                        String.join("\n", r.errors().stream().limit(20).toList())));
                            }
                        }, dialogs::showUnexpected));
    }

    /** The deck's charts, computed off the FX thread, for presentation mode. */
    public void loadDeck(java.util.function.Consumer<List<ChartData>> onReady) {
        TrendSettings current = settings();
        tasks.run(i18n.get("trend.deck.loading"), p -> {
            List<ChartData> charts = new ArrayList<>();
            List<String> names = ctx.savedFilters().names(DECK);
            if (names.isEmpty()) {
                charts.add(build(current));
            }
            for (String n : names) {
                ctx.savedFilters().find(DECK, n).ifPresent(json -> charts.add(build(TrendSettings.fromJson(json))));
            }
            return charts;
        }, onReady, dialogs::showUnexpected);
    }

    public void openFromDeck(String name) {
        if (name == null) {
            return;
        }
        tasks.run(i18n.get("trend.loading"), p -> ctx.savedFilters().find(DECK, name).map(TrendSettings::fromJson),
                s -> s.ifPresent(this::apply), dialogs::showUnexpected);
    }

    public ObjectProperty<DeviationKind> kindProperty() { return kind; }
    public ObjectProperty<Taxonomy> categoryProperty() { return category; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObjectProperty<BusinessArea> areaProperty() { return area; }
    public ObjectProperty<Granularity> granularityProperty() { return granularity; }
    public ObjectProperty<TrendMeasure> measureProperty() { return measure; }
    public ObjectProperty<ChartStyle> styleProperty() { return style; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ObjectProperty<Integer> freezeProperty() { return freeze; }
    public ObjectProperty<LocalDate> phaseStartProperty() { return phaseStart; }
    public ObservableList<Unit> units() { return units; }
    public ObservableList<BusinessArea> areas() { return areas; }
    public ObservableList<Taxonomy> categories() { return categories; }
    public ObservableList<String> deck() { return deck; }
    public ObjectProperty<ChartData> chartProperty() { return chart; }
    public StringProperty messageProperty() { return message; }
    public Command exportPngCommand() { return exportPng; }
    public Command addToDeckCommand() { return addToDeck; }
}
