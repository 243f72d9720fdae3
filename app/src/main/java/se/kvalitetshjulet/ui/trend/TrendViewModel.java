package se.kvalitetshjulet.ui.trend;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.app.FailureMessages;
import se.kvalitetshjulet.domain.SavedFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.selfcheck.TemplateFamily;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.trend.Annotation;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartDeck;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.Improvement;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.service.ChartBuilder;
import se.kvalitetshjulet.service.ChartTexts;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Charts for quality dialogues: deviations over time as bars, run chart or the fitting control chart, Pareto
 * charts of categories, causes and measure types, self-check compliance per round and open/overdue actions, with
 * signals explained in plain Swedish and dated annotations, and the risk matrix of the risk analyses (risks per cell
 * before and after measures, for one template); exportable as PNG/SVG/CSV of a chosen size, copyable, and collected
 * in decks (mötesbilder: a default deck and one per quality council) that are edited here — reordered, renamed,
 * updated, removed — and shown in that order in presentation mode. This class holds the chart's settings and loads
 * it (the service's {@link ChartBuilder} computes it); the decks are {@link TrendDeckViewModel}, export and clipboard
 * {@link ChartExport}, the annotation form {@link AnnotationForm}.
 */
public final class TrendViewModel {
    static final String DECK = ChartDeck.DEFAULT_SCREEN;

    /** Whose deck: the default deck ({@code councilUnitId} null) or a quality council's (the council's unit). */
    public record DeckOwner(Long councilUnitId, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One chart of the shown deck: its title, stored settings (as saved and as read) and a one-line summary. */
    public record DeckItem(String title, String definition, TrendSettings settings, String summary) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final TrendContext ctx;
    private final ChartBuilder charts;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObjectProperty<ChartKind> chartKind = new SimpleObjectProperty<>(ChartKind.TREND);
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
    private final StringProperty excludedText = new SimpleStringProperty("");
    private final BooleanProperty screenMr = new SimpleBooleanProperty(SpcRequest.QICHARTS2_SCREENING);
    private final ObjectProperty<Improvement> improvement = new SimpleObjectProperty<>();
    private final StringProperty targetText = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> phaseStart = new SimpleObjectProperty<>();
    private final ObjectProperty<TemplateFamily> templateFamily = new SimpleObjectProperty<>();
    private final AnnotationForm annotationForm = new AnnotationForm();
    private final ObservableList<Annotation> annotations = annotationForm.annotations();
    private final ObjectProperty<RiskTemplate> riskTemplate = new SimpleObjectProperty<>();
    private final ObservableList<RiskTemplate> riskTemplates = FXCollections.observableArrayList();
    private final Map<Long, Integer> riskTemplateUsage = new HashMap<>();

    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<BusinessArea> areas = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> categories = FXCollections.observableArrayList();
    private final ObservableList<TemplateFamily> templateFamilies = FXCollections.observableArrayList();
    private final ObjectProperty<OrgTree> tree = new SimpleObjectProperty<>(new OrgTree(List.of()));

    private final ObjectProperty<ChartData> chart = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ChartExport export;
    private final TrendDeckViewModel decks;
    private final ChartSummary summaries;
    private boolean listsLoaded;
    private boolean applying;

    public TrendViewModel(TrendContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.charts = chartBuilder(ctx, i18n);
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        TrendSettings start = TrendSettings.standard(ctx.today());
        to.set(start.to());
        from.set(start.from());
        export = new ChartExport(tasks, dialogs, i18n, chart);
        summaries = new ChartSummary(i18n, tree::get, areas, categories, templateFamilies, riskTemplates);
        decks = new TrendDeckViewModel(ctx, charts, tasks, dialogs, i18n, chart, this::settings, this::apply,
                () -> listsLoaded, summaries::of);
        for (var p : List.of(excludedText, screenMr, improvement, targetText)) {
            p.addListener((o, a, b) -> reloadIfReady());
        }
        for (var p : List.of(chartKind, kind, category, unit, area, granularity, measure, style, from, to, freeze,
                phaseStart, templateFamily, riskTemplate)) {
            p.addListener((o, a, b) -> reloadIfReady());
        }
        annotations.addListener((ListChangeListener<Annotation>) c -> reloadIfReady());
    }

    /** The service-level chart builder for this database, speaking the screen's language. */
    public static ChartBuilder chartBuilder(TrendContext ctx, I18n i18n) {
        return ctx.chartBuilder(ChartTexts.of(i18n.bundle(), i18n.locale()));
    }

    private void reloadIfReady() {
        if (!applying && listsLoaded) {
            load();
        }
    }

    /** The saved_filter screen key of a deck: the default deck, or a council's (keyed by the council's unit). */
    public static String deckScreen(Long councilUnitId) {
        return ChartDeck.screen(councilUnitId);
    }

    private record Lists(OrgTree tree, List<BusinessArea> areas, List<Taxonomy> categories, List<SavedFilter> deck,
                         List<TemplateFamily> families, List<DeckOwner> owners, List<RiskTemplate> riskTemplates,
                         Map<Long, Integer> usage) { }

    /** Loads the lists and the chosen deck the first time, then the chart; afterwards only the chart. */
    public void refresh() {
        if (!listsLoaded) {
            Long council = decks.councilToLoad();
            tasks.run(i18n.get("trend.loadingLists"), p -> new Lists(ctx.organisationService().tree(),
                    ctx.organisationService().businessAreas(), ctx.taxonomyService().list(TaxonomyKind.CATEGORY),
                    ctx.savedFilterService().inOrder(deckScreen(council)), ctx.trendService().templateFamilies(),
                    decks.councils(), ctx.riskService().templates(), ctx.riskService().templateUsage()), r -> {
                        tree.set(r.tree());
                        units.setAll(tree.get().all());
                        areas.setAll(r.areas());
                        categories.setAll(r.categories());
                        templateFamilies.setAll(r.families());
                        if (templateFamily.get() == null && !r.families().isEmpty()) {
                            applying = true;
                            templateFamily.set(r.families().getFirst());
                            applying = false;
                        }
                        riskTemplateUsage.clear();
                        riskTemplateUsage.putAll(r.usage());
                        riskTemplates.setAll(r.riskTemplates().stream().sorted(Comparator
                                .comparingInt((RiskTemplate t) -> -r.usage().getOrDefault(t.id(), 0))
                                .thenComparing(RiskTemplate::id)).toList());
                        if (riskTemplate.get() == null && !riskTemplates.isEmpty()) {
                            applying = true;
                            riskTemplate.set(riskTemplates.getFirst());
                            applying = false;
                        }
                        decks.showLoaded(r.owners(), r.deck());
                        listsLoaded = true;
                        load();
                    }, dialogs::showUnexpected);
        } else {
            load();
        }
    }

    public TrendSettings settings() {
        return new TrendSettings(chartKind.get(), kind.get(), category.get() == null ? null : category.get().id(),
                unit.get() == null ? null : unit.get().id(), area.get() == null ? null : area.get().id(),
                granularity.get(), measure.get(), style.get(), from.get(), to.get(), freeze.get(), phaseStart.get(),
                templateFamily.get() == null ? null : templateFamily.get().familyId(), List.copyOf(annotations),
                riskTemplate.get() == null ? null : riskTemplate.get().id()).withSpc(
                SpcInput.points(excludedText.get()).orElse(List.of()),
                screenMr.get() == SpcRequest.QICHARTS2_SCREENING ? null : screenMr.get(), improvement.get(),
                SpcInput.number(targetText.get(), i18n.locale()).orElse(null));
    }

    public void apply(TrendSettings s) {
        applying = true;
        try {
            chartKind.set(s.chartKind());
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
            if (s.templateFamilyId() != null) {
                templateFamily.set(templateFamilies.stream().filter(f -> f.familyId() == s.templateFamilyId())
                        .findFirst().orElse(templateFamily.get()));
            }
            if (s.riskTemplateId() != null) {
                riskTemplate.set(riskTemplates.stream().filter(t -> t.id().equals(s.riskTemplateId()))
                        .findFirst().orElse(riskTemplate.get()));
            }
            annotations.setAll(s.annotations());
            excludedText.set(SpcInput.format(s.excluded()));
            screenMr.set(s.screening());
            improvement.set(s.improvement());
            targetText.set(s.target() == null ? "" : SpcInput.format(s.target(), i18n.locale()));
        } finally {
            applying = false;
        }
        load();
    }

    /** The key of the chart's load for {@link TaskRunner#runLatest}: this view model's own. */
    private final Object chartKey = new Object();

    public void load() {
        if (SpcInput.points(excludedText.get()).isEmpty()) {
            message.set(i18n.get("trend.exclude.invalid"));
            return;
        }
        if (SpcInput.number(targetText.get(), i18n.locale()).isEmpty() && !targetText.get().isBlank()) {
            message.set(i18n.get("trend.target.invalid"));
            return;
        }
        TrendSettings s = settings();
        if (s.from() == null || s.to() == null || s.to().isBefore(s.from())) {
            message.set(i18n.get("trend.badPeriod"));
            return;
        }
        // latest wins: a chart asked for before the last change of the settings, answering after it, is never shown
        tasks.runLatest(chartKey, i18n.get("trend.loading"), p -> build(s), data -> {
            chart.set(data);
            message.set("");
        }, t -> {
            if (t instanceof IllegalArgumentException) {
                message.set(FailureMessages.explain(t));
            } else {
                dialogs.showUnexpected(t);
            }
        });
    }

    /** Computes the chart for the settings (runs on the worker thread; also used by the presentation). */
    public ChartData build(TrendSettings s) {
        return charts.build(s);
    }

    /** A template as offered in the chart screen: its name, matrix size and how many analyses use it. */
    public String riskTemplateLabel(RiskTemplate t) {
        return i18n.get("trend.risk.templateChoice", t.nameWithSize(), riskTemplateUsage.getOrDefault(t.id(), 0));
    }

    public void removeAnnotation(Annotation a) {
        annotations.remove(a);
    }

    // ---- denominators and decks ------------------------------------------------------

    /** Reads denominators (brukare, vårddygn, besök per unit and month) from a CSV file, all or nothing. */
    public void importDenominators() {
        DenominatorImport.run(ctx.denominatorService(), tasks, dialogs, i18n, this::load);
    }

    /** The chosen deck's charts, computed off the FX thread, for presentation mode. */
    public void loadDeck(Consumer<List<ChartData>> onReady) {
        loadDeck(decks.currentCouncil(), onReady);
    }

    /** A council's deck with today's data (see {@link TrendDeckViewModel#load}), computed off the FX thread. */
    public void loadDeck(Long councilUnitId, Consumer<List<ChartData>> onReady) {
        decks.load(councilUnitId, onReady);
    }

    /**
     * Shows the deck of this council (its unit) for editing; the council is offered as a deck owner even before it
     * has a deck or a meeting listed. Used when the council screen opens the chart screen.
     */
    public void editDeck(Long councilUnitId, String unitName) {
        decks.edit(councilUnitId, unitName);
    }

    /** What a deck chart shows, in one line: kind, where, what and when. */
    public String summary(TrendSettings s) {
        return summaries.of(s);
    }

    public void openFromDeck(String name) {
        decks.openByTitle(name);
    }

    public ObjectProperty<ChartKind> chartKindProperty() { return chartKind; }
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
    /** Points left out of the computation, as typed ("3, 7"). */
    public StringProperty excludedTextProperty() { return excludedText; }
    public BooleanProperty screenMrProperty() { return screenMr; }
    /** Which way is better; {@code null}: the default for the chart. */
    public ObjectProperty<Improvement> improvementProperty() { return improvement; }
    public StringProperty targetTextProperty() { return targetText; }
    public ObjectProperty<LocalDate> phaseStartProperty() { return phaseStart; }
    public ObjectProperty<TemplateFamily> templateFamilyProperty() { return templateFamily; }
    public ObservableList<Annotation> annotations() { return annotations; }
    public ObjectProperty<LocalDate> annotationDateProperty() { return annotationForm.date(); }
    public StringProperty annotationTextProperty() { return annotationForm.text(); }
    public BooleanProperty annotationPhaseProperty() { return annotationForm.phase(); }
    public ObjectProperty<ExportSize> exportSizeProperty() { return export.size(); }
    public ObjectProperty<Integer> exportWidthProperty() { return export.width(); }
    public ObjectProperty<Integer> exportHeightProperty() { return export.height(); }
    public ObjectProperty<Integer> exportDpiProperty() { return export.dpi(); }
    public ObjectProperty<BufferedImage> clipboardImageProperty() { return export.clipboardImage(); }
    public ObservableList<Unit> units() { return units; }
    public ObservableList<BusinessArea> areas() { return areas; }
    public ObservableList<Taxonomy> categories() { return categories; }
    public ObservableList<TemplateFamily> templateFamilies() { return templateFamilies; }
    public ObservableList<DeckOwner> deckOwners() { return decks.owners(); }
    public ObjectProperty<DeckOwner> deckOwnerProperty() { return decks.owner(); }
    public ObservableList<String> deck() { return decks.titles(); }
    public ObservableList<DeckItem> deckItems() { return decks.items(); }
    public ObjectProperty<DeckItem> selectedDeckItemProperty() { return decks.selected(); }
    public ObjectProperty<RiskTemplate> riskTemplateProperty() { return riskTemplate; }
    public ObservableList<RiskTemplate> riskTemplates() { return riskTemplates; }
    public Command removeFromDeckCommand() { return decks.remove; }
    public Command moveUpCommand() { return decks.moveUp; }
    public Command moveDownCommand() { return decks.moveDown; }
    public Command renameInDeckCommand() { return decks.rename; }
    public Command replaceInDeckCommand() { return decks.replace; }
    public Command openDeckItemCommand() { return decks.open; }
    /** Saves the chosen deck as PowerPoint or as a PDF handout (by the file's ending). */
    public Command exportDeckCommand() { return decks.export; }
    public ObjectProperty<ChartData> chartProperty() { return chart; }
    public StringProperty messageProperty() { return message; }
    public Command exportPngCommand() { return export.exportFile; }
    public Command copyImageCommand() { return export.copyImage; }
    public Command addToDeckCommand() { return decks.add; }
    public Command addAnnotationCommand() { return annotationForm.add; }
}
