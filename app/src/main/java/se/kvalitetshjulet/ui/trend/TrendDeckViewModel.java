package se.kvalitetshjulet.ui.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.SavedFilter;
import se.kvalitetshjulet.domain.council.MeetingRow;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartDeck;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.export.DeckExporter;
import se.kvalitetshjulet.service.ChartBuilder;
import se.kvalitetshjulet.service.TrendSettingsJson;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.trend.TrendViewModel.DeckItem;
import se.kvalitetshjulet.ui.trend.TrendViewModel.DeckOwner;

/**
 * The decks of the chart screen (mötesbilder: the default deck and one per quality council): which deck is shown,
 * its charts in presentation order, and editing it — add the chart on screen, reorder, rename, update with the
 * screen's settings, remove, each saved at once in one transaction — plus the deck with today's data for
 * presentation mode and as PowerPoint or PDF.
 */
final class TrendDeckViewModel {
    private final TrendContext ctx;
    private final ChartBuilder charts;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final ObservableValue<ChartData> chart;
    private final Supplier<TrendSettings> settings;
    private final Consumer<TrendSettings> apply;
    private final BooleanSupplier listsLoaded;
    private final Function<TrendSettings, String> summary;

    private final ObservableList<DeckOwner> owners = FXCollections.observableArrayList();
    private final ObjectProperty<DeckOwner> owner = new SimpleObjectProperty<>();
    private final ObservableList<String> titles = FXCollections.observableArrayList();
    private final ObservableList<DeckItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<DeckItem> selected = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private DeckOwner requestedOwner;

    final Command add;
    final Command remove;
    final Command moveUp;
    final Command moveDown;
    final Command rename;
    final Command replace;
    final Command open;
    final Command export;

    /**
     * @param settings    the screen's current chart settings
     * @param apply       shows a deck chart's settings on the screen
     * @param listsLoaded whether the screen's lists (and so the decks) have been loaded
     */
    TrendDeckViewModel(TrendContext ctx, ChartBuilder charts, TaskRunner tasks, DialogService dialogs, I18n i18n,
                       ObservableValue<ChartData> chart, Supplier<TrendSettings> settings,
                       Consumer<TrendSettings> apply, BooleanSupplier listsLoaded, Function<TrendSettings, String> summary) {
        this.ctx = ctx;
        this.charts = charts;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.chart = chart;
        this.settings = settings;
        this.apply = apply;
        this.listsLoaded = listsLoaded;
        this.summary = summary;
        DeckOwner standard = new DeckOwner(null, i18n.get("trend.deck.default"));
        owners.add(standard);
        owner.set(standard);
        BooleanBinding hasChart = Bindings.createBooleanBinding(() -> chart.getValue() != null, chart);
        add = new Command(this::add, hasChart);
        BooleanBinding itemChosen = selected.isNotNull().and(busy.not());
        remove = new Command(this::remove, itemChosen);
        moveUp = new Command(() -> move(-1), itemChosen.and(Bindings.createBooleanBinding(
                () -> items.indexOf(selected.get()) > 0, selected, items)));
        moveDown = new Command(() -> move(1), itemChosen.and(Bindings.createBooleanBinding(
                () -> {
                    int i = items.indexOf(selected.get());
                    return i >= 0 && i < items.size() - 1;
                }, selected, items)));
        rename = new Command(this::rename, itemChosen);
        replace = new Command(this::replace, itemChosen.and(hasChart));
        open = new Command(() -> apply.accept(selected.get().settings()), selected.isNotNull());
        export = new Command(this::export, busy.not());
        owner.addListener((o, a, b) -> {
            if (listsLoaded.getAsBoolean() && b != null) {
                loadItems(b.councilUnitId(), null);
            }
        });
    }

    /** The council whose deck is shown ({@code null}: the default deck). */
    Long currentCouncil() {
        return owner.get() == null ? null : owner.get().councilUnitId();
    }

    /** The council whose deck the first load reads: the one asked for before the lists were loaded, or the shown one. */
    Long councilToLoad() {
        return requestedOwner != null ? requestedOwner.councilUnitId() : currentCouncil();
    }

    /** The default deck and one per quality council (a council is the meetings of one unit). Runs in the work. */
    List<DeckOwner> councils() {
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

    /** After the first load: the deck owners (keeping the one asked for) and the deck read for {@link #councilToLoad()}. */
    void showLoaded(List<DeckOwner> loaded, List<SavedFilter> deck) {
        List<DeckOwner> list = new ArrayList<>(loaded);
        DeckOwner chosen = requestedOwner != null ? requestedOwner : owner.get();
        requestedOwner = null;
        if (chosen != null && list.stream().noneMatch(o -> Objects.equals(o.councilUnitId(), chosen.councilUnitId()))) {
            list.add(chosen);
        }
        owners.setAll(list);
        owner.set(list.stream().filter(o -> Objects.equals(o.councilUnitId(),
                chosen == null ? null : chosen.councilUnitId())).findFirst().orElse(list.getFirst()));
        show(deck, null);
    }

    private void add() {
        String suggested = chart.getValue().title();
        String screen = ChartDeck.screen(currentCouncil());
        dialogs.askText(i18n.get("trend.deck.addTitle"), i18n.get("trend.deck.addPrompt"), suggested)
                .map(String::strip).filter(n -> !n.isEmpty()).ifPresent(name -> {
                    String json = TrendSettingsJson.toJson(settings.get());
                    tasks.run(i18n.get("trend.deck.saving"), p -> {
                        ctx.savedFilterService().save(screen, name, json);
                        return ctx.savedFilterService().inOrder(screen);
                    }, saved -> show(saved, name), dialogs::showUnexpected);
                });
    }

    /**
     * A council's deck with today's data (the default deck when the council has none yet; the current chart when
     * that is empty too), computed off the FX thread.
     */
    void load(Long councilUnitId, Consumer<List<ChartData>> onReady) {
        TrendSettings current = settings.get();
        tasks.run(i18n.get("trend.deck.loading"), p -> charts.deck(councilUnitId, current), onReady,
                dialogs::showUnexpected);
    }

    /**
     * The chosen deck (the default deck when a council has none yet, as in presentation mode) with today's data as a
     * PowerPoint file or a PDF handout, chosen by the file's ending; drawn and written off the FX thread.
     */
    private void export() {
        Long council = currentCouncil();
        String name = owner.get() == null ? i18n.get("trend.deck.default") : owner.get().name();
        TrendSettings current = settings.get();
        LocalDate today = ctx.today();
        dialogs.chooseSaveFile(i18n.get("trend.deck.export.title"), DeckExporter.suggestedFileName(name, today, "pptx"),
                List.of("*.pptx", "*.pdf")).ifPresent(path -> tasks.run(i18n.get("trend.deck.exporting"), p -> {
                    List<ChartData> list = charts.deck(council, current);
                    new DeckExporter(i18n.bundle(), TrendChartFactory::render)
                            .write(new DeckExporter.Deck(name, today, list), path, p::isCancelled);
                    return path;
                }, done -> dialogs.showInfo(i18n.get("trend.deck.export.title"), i18n.get("trend.deck.exported", done)),
                        e -> {
                            if (e instanceof IllegalArgumentException) {
                                dialogs.showError(i18n.get("trend.deck.export.title"), e.getMessage());
                            } else {
                                dialogs.showUnexpected(e);
                            }
                        }));
    }

    /**
     * Shows the deck of this council (its unit) for editing; the council is offered as a deck owner even before it
     * has a deck or a meeting listed.
     */
    void edit(Long councilUnitId, String unitName) {
        DeckOwner wanted = owners.stream().filter(o -> Objects.equals(o.councilUnitId(), councilUnitId))
                .findFirst().orElseGet(() -> new DeckOwner(councilUnitId, councilUnitId == null
                        ? i18n.get("trend.deck.default") : i18n.get("trend.deck.council", unitName)));
        if (!listsLoaded.getAsBoolean()) {
            requestedOwner = wanted;
            return;
        }
        if (!owners.contains(wanted)) {
            owners.add(wanted);
        }
        if (wanted.equals(owner.get())) {
            loadItems(councilUnitId, null);
        } else {
            owner.set(wanted);
        }
    }

    private void loadItems(Long councilUnitId, String select) {
        tasks.run(i18n.get("trend.loadingLists"), p -> ctx.savedFilterService().inOrder(ChartDeck.screen(councilUnitId)),
                saved -> show(saved, select), dialogs::showUnexpected);
    }

    /** Shows the deck as read from the database, selecting the chart with this title (or keeping the selection). */
    private void show(List<SavedFilter> saved, String select) {
        String keep = select != null ? select : selected.get() == null ? null : selected.get().title();
        List<DeckItem> list = new ArrayList<>();
        for (SavedFilter f : saved) {
            TrendSettings s = TrendSettingsJson.fromJson(f.definition());
            list.add(new DeckItem(f.name(), f.definition(), s, summary.apply(s)));
        }
        items.setAll(list);
        titles.setAll(list.stream().map(DeckItem::title).toList());
        selected.set(list.stream().filter(i -> i.title().equals(keep)).findFirst().orElse(null));
    }

    private ChartDeck current() {
        return new ChartDeck(items.stream().map(i -> new ChartDeck.Entry(i.title(), i.definition())).toList());
    }

    /** Writes the whole deck in its new order in one transaction and shows it as read back. */
    private void save(ChartDeck changed, String select) {
        String screen = ChartDeck.screen(currentCouncil());
        List<SavedFilter> rows = changed.entries().stream()
                .map(e -> new SavedFilter(e.title(), e.definition())).toList();
        busy.set(true);
        tasks.run(i18n.get("trend.deck.saving"), p -> {
            ctx.savedFilterService().replaceAll(screen, rows);
            return ctx.savedFilterService().inOrder(screen);
        }, saved -> {
            busy.set(false);
            show(saved, select);
        }, t -> {
            busy.set(false);
            dialogs.showUnexpected(t);
        });
    }

    private void move(int delta) {
        int i = items.indexOf(selected.get());
        save(current().move(i, delta), selected.get().title());
    }

    private void remove() {
        DeckItem item = selected.get();
        if (!dialogs.confirm(i18n.get("trend.deck.removeTitle"), i18n.get("trend.deck.removeConfirm", item.title()))) {
            return;
        }
        int i = items.indexOf(item);
        ChartDeck changed = current().remove(i);
        String next = changed.size() == 0 ? null : changed.entries().get(Math.min(i, changed.size() - 1)).title();
        save(changed, next);
    }

    private void rename() {
        DeckItem item = selected.get();
        int i = items.indexOf(item);
        dialogs.askText(i18n.get("trend.deck.renameTitle"), i18n.get("trend.deck.renamePrompt"), item.title())
                .ifPresent(title -> {
                    ChartDeck d = current();
                    Optional<Problem> problem = d.titleProblem(i, title);
                    if (problem.isPresent()) {
                        dialogs.showError(i18n.get("trend.deck.renameTitle"), i18n.problem(problem.get()));
                    } else if (!title.strip().equals(item.title())) {
                        save(d.rename(i, title), title.strip());
                    }
                });
    }

    /** "Uppdatera bilden": the chosen deck chart gets the screen's current settings, keeping its title and place. */
    private void replace() {
        DeckItem item = selected.get();
        save(current().replace(items.indexOf(item), TrendSettingsJson.toJson(settings.get())), item.title());
    }

    /** Shows the deck chart with this title (the quick choice in the header). */
    void openByTitle(String name) {
        if (name == null) {
            return;
        }
        String screen = ChartDeck.screen(currentCouncil());
        tasks.run(i18n.get("trend.loading"), p -> ctx.savedFilterService().find(screen, name).map(TrendSettingsJson::fromJson),
                s -> s.ifPresent(apply), dialogs::showUnexpected);
    }

    ObservableList<DeckOwner> owners() { return owners; }
    ObjectProperty<DeckOwner> owner() { return owner; }
    ObservableList<String> titles() { return titles; }
    ObservableList<DeckItem> items() { return items; }
    ObjectProperty<DeckItem> selected() { return selected; }
}
