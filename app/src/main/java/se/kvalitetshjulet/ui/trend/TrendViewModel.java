package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.domain.selfcheck.TemplateFamily;
import se.kvalitetshjulet.domain.council.MeetingRow;
import se.kvalitetshjulet.domain.SavedFilter;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.data.repo.ChartRepository;
import se.kvalitetshjulet.data.repo.CouncilRepository;
import se.kvalitetshjulet.data.repo.SavedFilterRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.MatrixCounts;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.ScoreBand;
import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.SignalExplainer;
import se.kvalitetshjulet.domain.spc.SpcEngine;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.spc.SpcResult;
import se.kvalitetshjulet.domain.trend.ActionBacklog;
import se.kvalitetshjulet.domain.trend.Annotation;
import se.kvalitetshjulet.domain.trend.ChartDeck;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.Pareto;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.domain.trend.TrendPoint;
import se.kvalitetshjulet.service.ChartBuilder;
import se.kvalitetshjulet.service.ChartTexts;
import se.kvalitetshjulet.service.TrendService;
import se.kvalitetshjulet.service.TrendSettingsJson;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.domain.trend.Improvement;
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
 * updated, removed — and shown in that order in presentation mode.
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
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObjectProperty<RiskTemplate> riskTemplate = new SimpleObjectProperty<>();
    private final ObservableList<RiskTemplate> riskTemplates = FXCollections.observableArrayList();
    private final Map<Long, Integer> riskTemplateUsage = new java.util.HashMap<>();

    private final ObjectProperty<LocalDate> annotationDate = new SimpleObjectProperty<>();
    private final StringProperty annotationText = new SimpleStringProperty("");
    private final BooleanProperty annotationPhase = new SimpleBooleanProperty(false);

    private final ObjectProperty<ExportSize> exportSize = new SimpleObjectProperty<>(ExportSize.FULL_HD);
    private final ObjectProperty<Integer> exportWidth = new SimpleObjectProperty<>(ExportSize.FULL_HD.width());
    private final ObjectProperty<Integer> exportHeight = new SimpleObjectProperty<>(ExportSize.FULL_HD.height());
    private final ObjectProperty<Integer> exportDpi = new SimpleObjectProperty<>(96);
    private final ObjectProperty<BufferedImage> clipboardImage = new SimpleObjectProperty<>();

    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<BusinessArea> areas = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> categories = FXCollections.observableArrayList();
    private final ObservableList<TemplateFamily> templateFamilies = FXCollections.observableArrayList();
    private final ObservableList<DeckOwner> deckOwners = FXCollections.observableArrayList();
    private final ObjectProperty<DeckOwner> deckOwner = new SimpleObjectProperty<>();
    private final ObservableList<String> deck = FXCollections.observableArrayList();
    private final ObservableList<DeckItem> deckItems = FXCollections.observableArrayList();
    private final ObjectProperty<DeckItem> selectedDeckItem = new SimpleObjectProperty<>();
    private final BooleanProperty deckBusy = new SimpleBooleanProperty(false);
    private DeckOwner requestedOwner;
    private final ObjectProperty<OrgTree> tree = new SimpleObjectProperty<>(new OrgTree(List.of()));

    private final ObjectProperty<ChartData> chart = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final Command exportPng;
    private final Command copyImage;
    private final Command addToDeck;
    private final Command addAnnotation;
    private final Command removeFromDeck;
    private final Command moveUp;
    private final Command moveDown;
    private final Command renameInDeck;
    private final Command replaceInDeck;
    private final Command openDeckItem;
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
        DeckOwner standard = new DeckOwner(null, i18n.get("trend.deck.default"));
        deckOwners.add(standard);
        deckOwner.set(standard);
        BooleanBinding sizeOk = Bindings.createBooleanBinding(() -> validSize(exportWidth.get()) && validSize(exportHeight.get())
                && exportDpi.get() != null, exportWidth, exportHeight, exportDpi);
        exportPng = new Command(this::exportPng, chart.isNotNull().and(sizeOk));
        copyImage = new Command(this::copyImage, chart.isNotNull().and(sizeOk));
        addToDeck = new Command(this::addToDeck, chart.isNotNull());
        addAnnotation = new Command(this::addAnnotation, annotationDate.isNotNull()
                .and(Bindings.createBooleanBinding(() -> !annotationText.get().isBlank(), annotationText)));
        BooleanBinding itemChosen = selectedDeckItem.isNotNull().and(deckBusy.not());
        removeFromDeck = new Command(this::removeFromDeck, itemChosen);
        moveUp = new Command(() -> moveInDeck(-1), itemChosen.and(Bindings.createBooleanBinding(
                () -> deckItems.indexOf(selectedDeckItem.get()) > 0, selectedDeckItem, deckItems)));
        moveDown = new Command(() -> moveInDeck(1), itemChosen.and(Bindings.createBooleanBinding(
                () -> {
                    int i = deckItems.indexOf(selectedDeckItem.get());
                    return i >= 0 && i < deckItems.size() - 1;
                }, selectedDeckItem, deckItems)));
        renameInDeck = new Command(this::renameInDeck, itemChosen);
        replaceInDeck = new Command(this::replaceInDeck, itemChosen.and(chart.isNotNull()));
        openDeckItem = new Command(() -> apply(selectedDeckItem.get().settings()), selectedDeckItem.isNotNull());
        exportSize.addListener((o, a, size) -> {
            if (size != null && size != ExportSize.CUSTOM) {
                exportWidth.set(size.width());
                exportHeight.set(size.height());
            }
        });
        for (var p : List.of(excludedText, screenMr, improvement, targetText)) {
            p.addListener((o, a, b) -> reloadIfReady());
        }
        for (var p : List.of(chartKind, kind, category, unit, area, granularity, measure, style, from, to, freeze,
                phaseStart, templateFamily, riskTemplate)) {
            p.addListener((o, a, b) -> reloadIfReady());
        }
        annotations.addListener((ListChangeListener<Annotation>) c -> reloadIfReady());
        deckOwner.addListener((o, a, b) -> {
            if (listsLoaded && b != null) {
                loadDeckItems(b.councilUnitId(), null);
            }
        });
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

    private static boolean validSize(Integer v) {
        return v != null && v >= ExportSize.MIN && v <= ExportSize.MAX;
    }

    /** The saved_filter screen key of a deck: the default deck, or a council's (keyed by the council's unit). */
    public static String deckScreen(Long councilUnitId) {
        return ChartDeck.screen(councilUnitId);
    }

    public void refresh() {
        if (!listsLoaded) {
            Long council = requestedOwner != null ? requestedOwner.councilUnitId() : currentCouncil();
            tasks.run(i18n.get("trend.loadingLists"), p -> new Object[] {ctx.organisationService().tree(),
                    ctx.organisationService().businessAreas(), ctx.taxonomyService().list(TaxonomyKind.CATEGORY),
                    ctx.savedFilterService().inOrder(deckScreen(council)), ctx.trendService().templateFamilies(),
                    councils(), ctx.riskService().templates(), ctx.riskService().templateUsage()}, r -> {
                        tree.set((OrgTree) r[0]);
                        units.setAll(tree.get().all());
                        @SuppressWarnings("unchecked")
                        List<BusinessArea> a = (List<BusinessArea>) r[1];
                        areas.setAll(a);
                        @SuppressWarnings("unchecked")
                        List<Taxonomy> c = (List<Taxonomy>) r[2];
                        categories.setAll(c);
                        @SuppressWarnings("unchecked")
                        List<SavedFilter> d = (List<SavedFilter>) r[3];
                        @SuppressWarnings("unchecked")
                        List<TemplateFamily> f = (List<TemplateFamily>) r[4];
                        templateFamilies.setAll(f);
                        if (templateFamily.get() == null && !f.isEmpty()) {
                            applying = true;
                            templateFamily.set(f.getFirst());
                            applying = false;
                        }
                        @SuppressWarnings("unchecked")
                        List<RiskTemplate> rt = (List<RiskTemplate>) r[6];
                        @SuppressWarnings("unchecked")
                        Map<Long, Integer> usage = (Map<Long, Integer>) r[7];
                        riskTemplateUsage.clear();
                        riskTemplateUsage.putAll(usage);
                        riskTemplates.setAll(rt.stream().sorted(java.util.Comparator
                                .comparingInt((RiskTemplate t) -> -usage.getOrDefault(t.id(), 0))
                                .thenComparing(RiskTemplate::id)).toList());
                        if (riskTemplate.get() == null && !riskTemplates.isEmpty()) {
                            applying = true;
                            riskTemplate.set(riskTemplates.getFirst());
                            applying = false;
                        }
                        @SuppressWarnings("unchecked")
                        List<DeckOwner> owners = new ArrayList<>((List<DeckOwner>) r[5]);
                        DeckOwner chosen = requestedOwner != null ? requestedOwner : deckOwner.get();
                        requestedOwner = null;
                        if (chosen != null && owners.stream().noneMatch(o -> java.util.Objects.equals(o.councilUnitId(),
                                chosen.councilUnitId()))) {
                            owners.add(chosen);
                        }
                        deckOwners.setAll(owners);
                        deckOwner.set(owners.stream().filter(o -> java.util.Objects.equals(o.councilUnitId(),
                                chosen == null ? null : chosen.councilUnitId())).findFirst().orElse(owners.getFirst()));
                        showDeck(d, null);
                        listsLoaded = true;
                        load();
                    }, dialogs::showUnexpected);
        } else {
            load();
        }
    }

    private Long currentCouncil() {
        return deckOwner.get() == null ? null : deckOwner.get().councilUnitId();
    }

    /** The default deck and one per quality council (a council is the meetings of one unit). */
    private List<DeckOwner> councils() {
        Map<Long, String> byUnit = new LinkedHashMap<>();
        for (MeetingRow m : ctx.councilService().meetings(null)) {
            byUnit.putIfAbsent(m.unitId(), m.unitName());
        }
        List<DeckOwner> out = new ArrayList<>();
        out.add(new DeckOwner(null, i18n.get("trend.deck.default")));
        byUnit.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> out.add(new DeckOwner(e.getKey(), i18n.get("trend.deck.council", e.getValue()))));
        return out;
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
        tasks.run(i18n.get("trend.loading"), p -> build(s), data -> {
            chart.set(data);
            message.set("");
        }, t -> {
            if (t instanceof IllegalArgumentException) {
                message.set(se.kvalitetshjulet.app.FailureMessages.explain(t));
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
        return i18n.get("trend.risk.templateChoice", templateName(t), riskTemplateUsage.getOrDefault(t.id(), 0));
    }

    /** The template's name with its matrix size ("4×4") unless the name already says it. */
    private static String templateName(RiskTemplate t) {
        String size = t.matrix().size() + "×" + t.matrix().size();
        return t.name().contains(size) ? t.name() : t.name() + " (" + size + ")";
    }

    // ---- annotations -------------------------------------------------------------------

    private void addAnnotation() {
        annotations.add(new Annotation(annotationDate.get(), annotationText.get(), annotationPhase.get()));
        annotationText.set("");
        annotationPhase.set(false);
    }

    public void removeAnnotation(Annotation a) {
        annotations.remove(a);
    }

    // ---- export ------------------------------------------------------------------------

    /** Saves the chart as PNG (chosen size and resolution), SVG (chosen size) or its numbers as CSV, by the ending. */
    private void exportPng() {
        ChartData data = chart.get();
        int w = exportWidth.get();
        int h = exportHeight.get();
        int dpi = exportDpi.get();
        dialogs.chooseSaveFile(i18n.get("trend.exportPng"), "diagram.png", List.of("*.png", "*.svg", "*.csv"))
                .ifPresent(path -> tasks.run(i18n.get("trend.exporting"), p -> {
                    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".svg")) {
                        TrendChartFactory.writeSvg(data, path, w, h);
                    } else if (name.endsWith(".csv")) {
                        TrendChartFactory.writeCsv(data, path);
                    } else {
                        TrendChartFactory.writePng(data, path, w, h, dpi);
                    }
                    return path;
                }, done -> dialogs.showInfo(i18n.get("trend.exportPng"), i18n.get("trend.exported", done)),
                        dialogs::showUnexpected));
    }

    /** Draws the chart at the chosen size for the clipboard; the view puts {@link #clipboardImageProperty()} there. */
    private void copyImage() {
        ChartData data = chart.get();
        int w = exportWidth.get();
        int h = exportHeight.get();
        tasks.run(i18n.get("trend.copying"), p -> TrendChartFactory.render(data, w, h), clipboardImage::set,
                dialogs::showUnexpected);
    }

    // ---- decks -------------------------------------------------------------------------

    private void addToDeck() {
        String suggested = chart.get().title();
        String screen = deckScreen(currentCouncil());
        dialogs.askText(i18n.get("trend.deck.addTitle"), i18n.get("trend.deck.addPrompt"), suggested)
                .map(String::strip).filter(n -> !n.isEmpty()).ifPresent(name -> {
                    String json = TrendSettingsJson.toJson(settings());
                    tasks.run(i18n.get("trend.deck.saving"), p -> {
                        ctx.savedFilterService().save(screen, name, json);
                        return ctx.savedFilterService().inOrder(screen);
                    }, saved -> showDeck(saved, name), dialogs::showUnexpected);
                });
    }

    /** Reads denominators (brukare, vårddygn, besök per unit and month) from a CSV file, all or nothing. */
    public void importDenominators() {
        dialogs.chooseOpenFile(i18n.get("trend.denominators.title"), List.of("*.csv")).ifPresent(path ->
                tasks.run(i18n.get("trend.denominators.running"), p -> ctx.denominatorService().importCsv(path), r -> {
                            if (r.ok()) {
                                dialogs.showInfo(i18n.get("trend.denominators.title"), i18n.get("trend.denominators.done", r.rows()));
                                load();
                            } else {
                                dialogs.showError(i18n.get("trend.denominators.title"), i18n.get("trend.denominators.rejected",
                                        String.join("\n", r.errors().stream().limit(20).toList())));
                            }
                        }, dialogs::showUnexpected));
    }

    /** The chosen deck's charts, computed off the FX thread, for presentation mode. */
    public void loadDeck(Consumer<List<ChartData>> onReady) {
        loadDeck(currentCouncil(), onReady);
    }

    /**
     * A council's deck with today's data (the default deck when the council has none yet; the current chart when
     * that is empty too), computed off the FX thread.
     */
    public void loadDeck(Long councilUnitId, Consumer<List<ChartData>> onReady) {
        TrendSettings current = settings();
        tasks.run(i18n.get("trend.deck.loading"), p -> charts.deck(councilUnitId, current), onReady,
                dialogs::showUnexpected);
    }

    // ---- editing the deck ----------------------------------------------------------------

    /**
     * Shows the deck of this council (its unit) for editing; the council is offered as a deck owner even before it
     * has a deck or a meeting listed. Used when the council screen opens the chart screen.
     */
    public void editDeck(Long councilUnitId, String unitName) {
        DeckOwner owner = deckOwners.stream().filter(o -> java.util.Objects.equals(o.councilUnitId(), councilUnitId))
                .findFirst().orElseGet(() -> new DeckOwner(councilUnitId, councilUnitId == null
                        ? i18n.get("trend.deck.default") : i18n.get("trend.deck.council", unitName)));
        if (!listsLoaded) {
            requestedOwner = owner;
            return;
        }
        if (!deckOwners.contains(owner)) {
            deckOwners.add(owner);
        }
        if (owner.equals(deckOwner.get())) {
            loadDeckItems(councilUnitId, null);
        } else {
            deckOwner.set(owner);
        }
    }

    private void loadDeckItems(Long councilUnitId, String select) {
        tasks.run(i18n.get("trend.loadingLists"), p -> ctx.savedFilterService().inOrder(deckScreen(councilUnitId)),
                saved -> showDeck(saved, select), dialogs::showUnexpected);
    }

    /** Shows the deck as read from the database, selecting the chart with this title (or keeping the selection). */
    private void showDeck(List<SavedFilter> saved, String select) {
        String keep = select != null ? select : selectedDeckItem.get() == null ? null : selectedDeckItem.get().title();
        List<DeckItem> items = new ArrayList<>();
        for (SavedFilter f : saved) {
            TrendSettings s = TrendSettingsJson.fromJson(f.definition());
            items.add(new DeckItem(f.name(), f.definition(), s, summary(s)));
        }
        deckItems.setAll(items);
        deck.setAll(items.stream().map(DeckItem::title).toList());
        selectedDeckItem.set(items.stream().filter(i -> i.title().equals(keep)).findFirst().orElse(null));
    }

    private String what(TrendSettings s) {
        String what = s.kind() == null ? i18n.get("trend.allKinds") : i18n.of(s.kind());
        if (s.categoryId() != null) {
            what += " · " + categories.stream().filter(c -> c.id() == s.categoryId()).map(Taxonomy::name).findFirst().orElse("");
        }
        return what;
    }

    private String where(TrendSettings s, OrgTree t) {
        return s.unitId() != null ? t.find(s.unitId()).map(Unit::name).orElse("")
                : s.areaId() != null ? areas.stream().filter(a -> a.id() == s.areaId()).map(BusinessArea::name)
                .findFirst().orElse("") : i18n.get("trend.wholeOrganisation");
    }

    /** What a deck chart shows, in one line: kind, where, what and when. */
    public String summary(TrendSettings s) {
        List<String> parts = new ArrayList<>();
        parts.add(i18n.get("trend.chartKind." + s.chartKind().name()));
        parts.add(where(s, tree.get()));
        if (s.chartKind() == ChartKind.TREND || s.chartKind().pareto()) {
            parts.add(what(s));
        }
        if (s.chartKind() == ChartKind.TREND) {
            parts.add(i18n.get("trend.measure." + s.measure().name()) + ", "
                    + i18n.get("trend.style." + s.style().name()).toLowerCase(i18n.locale()));
        }
        if (s.chartKind() == ChartKind.SELF_CHECK_COMPLIANCE && s.templateFamilyId() != null) {
            templateFamilies.stream().filter(f -> f.familyId() == s.templateFamilyId()).findFirst()
                    .ifPresent(f -> parts.add(f.name()));
        }
        if (s.chartKind() == ChartKind.RISK_MATRIX && s.riskTemplateId() != null) {
            riskTemplates.stream().filter(t -> t.id().equals(s.riskTemplateId())).findFirst()
                    .ifPresent(t -> parts.add(t.name()));
        }
        if (s.chartKind() != ChartKind.SELF_CHECK_COMPLIANCE) {
            parts.add(s.from() + "–" + s.to());
        }
        return String.join(" · ", parts);
    }

    private ChartDeck currentDeck() {
        return new ChartDeck(deckItems.stream().map(i -> new ChartDeck.Entry(i.title(), i.definition())).toList());
    }

    /** Writes the whole deck in its new order in one transaction and shows it as read back. */
    private void saveDeck(ChartDeck changed, String select) {
        String screen = deckScreen(currentCouncil());
        List<SavedFilter> rows = changed.entries().stream()
                .map(e -> new SavedFilter(e.title(), e.definition())).toList();
        deckBusy.set(true);
        tasks.run(i18n.get("trend.deck.saving"), p -> {
            ctx.savedFilterService().replaceAll(screen, rows);
            return ctx.savedFilterService().inOrder(screen);
        }, saved -> {
            deckBusy.set(false);
            showDeck(saved, select);
        }, t -> {
            deckBusy.set(false);
            dialogs.showUnexpected(t);
        });
    }

    private void moveInDeck(int delta) {
        int i = deckItems.indexOf(selectedDeckItem.get());
        saveDeck(currentDeck().move(i, delta), selectedDeckItem.get().title());
    }

    private void removeFromDeck() {
        DeckItem item = selectedDeckItem.get();
        if (!dialogs.confirm(i18n.get("trend.deck.removeTitle"), i18n.get("trend.deck.removeConfirm", item.title()))) {
            return;
        }
        int i = deckItems.indexOf(item);
        ChartDeck changed = currentDeck().remove(i);
        String next = changed.size() == 0 ? null : changed.entries().get(Math.min(i, changed.size() - 1)).title();
        saveDeck(changed, next);
    }

    private void renameInDeck() {
        DeckItem item = selectedDeckItem.get();
        int i = deckItems.indexOf(item);
        dialogs.askText(i18n.get("trend.deck.renameTitle"), i18n.get("trend.deck.renamePrompt"), item.title())
                .ifPresent(title -> {
                    ChartDeck d = currentDeck();
                    java.util.Optional<Problem> problem = d.titleProblem(i, title);
                    if (problem.isPresent()) {
                        dialogs.showError(i18n.get("trend.deck.renameTitle"), i18n.problem(problem.get()));
                    } else if (!title.strip().equals(item.title())) {
                        saveDeck(d.rename(i, title), title.strip());
                    }
                });
    }

    /** "Uppdatera bilden": the chosen deck chart gets the screen's current settings, keeping its title and place. */
    private void replaceInDeck() {
        DeckItem item = selectedDeckItem.get();
        saveDeck(currentDeck().replace(deckItems.indexOf(item), TrendSettingsJson.toJson(settings())), item.title());
    }

    public void openFromDeck(String name) {
        if (name == null) {
            return;
        }
        String screen = deckScreen(currentCouncil());
        tasks.run(i18n.get("trend.loading"), p -> ctx.savedFilterService().find(screen, name).map(TrendSettingsJson::fromJson),
                s -> s.ifPresent(this::apply), dialogs::showUnexpected);
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
    public ObjectProperty<LocalDate> annotationDateProperty() { return annotationDate; }
    public StringProperty annotationTextProperty() { return annotationText; }
    public BooleanProperty annotationPhaseProperty() { return annotationPhase; }
    public ObjectProperty<ExportSize> exportSizeProperty() { return exportSize; }
    public ObjectProperty<Integer> exportWidthProperty() { return exportWidth; }
    public ObjectProperty<Integer> exportHeightProperty() { return exportHeight; }
    public ObjectProperty<Integer> exportDpiProperty() { return exportDpi; }
    public ObjectProperty<BufferedImage> clipboardImageProperty() { return clipboardImage; }
    public ObservableList<Unit> units() { return units; }
    public ObservableList<BusinessArea> areas() { return areas; }
    public ObservableList<Taxonomy> categories() { return categories; }
    public ObservableList<TemplateFamily> templateFamilies() { return templateFamilies; }
    public ObservableList<DeckOwner> deckOwners() { return deckOwners; }
    public ObjectProperty<DeckOwner> deckOwnerProperty() { return deckOwner; }
    public ObservableList<String> deck() { return deck; }
    public ObservableList<DeckItem> deckItems() { return deckItems; }
    public ObjectProperty<DeckItem> selectedDeckItemProperty() { return selectedDeckItem; }
    public ObjectProperty<RiskTemplate> riskTemplateProperty() { return riskTemplate; }
    public ObservableList<RiskTemplate> riskTemplates() { return riskTemplates; }
    public Command removeFromDeckCommand() { return removeFromDeck; }
    public Command moveUpCommand() { return moveUp; }
    public Command moveDownCommand() { return moveDown; }
    public Command renameInDeckCommand() { return renameInDeck; }
    public Command replaceInDeckCommand() { return replaceInDeck; }
    public Command openDeckItemCommand() { return openDeckItem; }
    public ObjectProperty<ChartData> chartProperty() { return chart; }
    public StringProperty messageProperty() { return message; }
    public Command exportPngCommand() { return exportPng; }
    public Command copyImageCommand() { return copyImage; }
    public Command addToDeckCommand() { return addToDeck; }
    public Command addAnnotationCommand() { return addAnnotation; }
}
