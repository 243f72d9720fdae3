package se.kvalitetshjulet.ui.deviation;

import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.service.SavedFilterService;
import se.kvalitetshjulet.domain.Page;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * The register: filters, server-side sorting and paging, a count of matches, saved filters,
 * export. Only one page of rows is ever held in memory.
 */
public final class DeviationListViewModel {
    public static final int PAGE_SIZE = 100;

    private final DeviationContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    // filter
    private final ObjectProperty<DeviationKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviationStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<BusinessArea> area = new SimpleObjectProperty<>();
    private final ObjectProperty<Taxonomy> category = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty();
    private final BooleanProperty ivoLateOnly = new SimpleBooleanProperty();
    private final StringProperty text = new SimpleStringProperty("");
    /** "Mina rapporterade avvikelser": only what the current user registered, and how many that is in all. */
    private final BooleanProperty reportedByMe = new SimpleBooleanProperty();
    private final LongProperty reportedByMeCount = new SimpleLongProperty();
    /** h2 (decision 0027): "Mina enheter" (from Inställningar or the login's grants) and "Bara öppna". */
    private final RegisterScope scope = new RegisterScope();

    // lists for the filter controls
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<BusinessArea> areas = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> categories = FXCollections.observableArrayList();
    private final ObservableList<String> savedFilters = FXCollections.observableArrayList();
    private final ObjectProperty<OrgTree> tree = new SimpleObjectProperty<>(new OrgTree(List.of()));

    // result
    private final ObservableList<DeviationRow> rows = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final IntegerProperty pageCount = new SimpleIntegerProperty(1);
    private final ObjectProperty<DeviationSort> sort = new SimpleObjectProperty<>(DeviationSort.REGISTERED_ON);
    private final BooleanProperty ascending = new SimpleBooleanProperty(false);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");

    /** Set when the view should open an editor; the view clears it after opening. */
    private final ObjectProperty<DeviationEditorViewModel> editorRequest = new SimpleObjectProperty<>();

    private final Command search;
    private final Command next;
    private final Command previous;
    private final Command first;
    private final Command last;
    private final Command newDeviation;
    private final Command clearFilter;
    private boolean listsLoaded;
    private DeviationFilter lastFilter = DeviationFilter.all();

    /** h3 (decision 0034): whether this login may register deviations ("Ny avvikelse"). */
    public boolean mayRegister() {
        return ctx.permissions().may(se.kvalitetshjulet.domain.org.Permissions.Capability.REGISTER_DEVIATIONS);
    }

    /** h3 (decision 0034): whether this login may import deviations from a file (the coordinator's). */
    public boolean mayImport() {
        return ctx.permissions().may(se.kvalitetshjulet.domain.org.Permissions.Capability.IMPORT_DEVIATIONS);
    }

    public DeviationListViewModel(DeviationContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        search = new Command(() -> {
            page.set(0);
            load();
        }, loading.not());
        next = new Command(() -> goTo(page.get() + 1),
                Bindings.createBooleanBinding(() -> page.get() + 1 < pageCount.get(), page, pageCount).and(loading.not()));
        previous = new Command(() -> goTo(page.get() - 1), page.greaterThan(0).and(loading.not()));
        first = new Command(() -> goTo(0), page.greaterThan(0).and(loading.not()));
        last = new Command(() -> goTo(pageCount.get() - 1),
                Bindings.createBooleanBinding(() -> page.get() + 1 < pageCount.get(), page, pageCount).and(loading.not()));
        // h3 (decision 0034): Ctrl+N too does nothing for a login that may not register
        newDeviation = new Command(this::openNew, new javafx.beans.property.SimpleBooleanProperty(mayRegister()));
        clearFilter = Command.always(() -> {
            kind.set(null);
            status.set(null);
            unit.set(null);
            area.set(null);
            category.set(null);
            from.set(null);
            to.set(null);
            overdueOnly.set(false);
            ivoLateOnly.set(false);
            reportedByMe.set(false);
            scope.clear();
            text.set("");
            page.set(0);
            load();
        });
        page.addListener((o, a, b) -> updateSummary());
        pageCount.addListener((o, a, b) -> updateSummary());
        total.addListener((o, a, b) -> updateSummary());
    }

    /** Loads the filter lists (once) and the current page. */
    public void refresh() {
        if (!listsLoaded) {
            listsLoaded = true;
            tasks.run(i18n.get("deviation.loadingLists"), p -> new Lists(ctx.organisationService().tree(),
                    ctx.organisationService().businessAreas(), ctx.taxonomyService().list(TaxonomyKind.CATEGORY),
                    ctx.savedFilterService().names(SavedFilterService.DEVIATIONS), ctx.settingsService().me(),
                    ctx.settingsService().registerDefaults()), l -> {
                tree.set(l.tree());
                units.setAll(l.tree().all());
                areas.setAll(l.areas());
                categories.setAll(l.categories());
                savedFilters.setAll(l.filters());
                scope.me.set(l.me());
                scope.applyDefaults(l.defaults(), from, ctx.today());
                load();
            }, dialogs::showUnexpected);
            return;
        }
        load();
    }

    private record Lists(OrgTree tree, List<BusinessArea> areas, List<Taxonomy> categories, List<String> filters,
                         se.kvalitetshjulet.domain.me.Me me, se.kvalitetshjulet.domain.me.RegisterDefaults defaults) { }

    private DeviationFilter scoped(DeviationFilter f, RegisterScope.Snapshot s) {
        return RegisterScope.scoped(f, s, ctx.organisationService());
    }

    /**
     * What the filter controls say, read on the FX thread; the unit scope (a subtree, from the database) is
     * computed from it in the work by {@link Criteria#toFilter}.
     */
    public record Criteria(DeviationKind kind, DeviationStatus status, Long unitId, Long areaId, Long categoryId,
            LocalDate from, LocalDate to, boolean overdueOnly, String text, boolean ivoLateOnly) {
        public Criteria(DeviationKind kind, DeviationStatus status, Long unitId, Long areaId, Long categoryId,
                        LocalDate from, LocalDate to, boolean overdueOnly, String text) {
            this(kind, status, unitId, areaId, categoryId, from, to, overdueOnly, text, false);
        }

        public DeviationFilter toFilter(se.kvalitetshjulet.service.OrganisationService organisation) {
            Set<Long> scope = organisation.unitScope(unitId, areaId);
            return new DeviationFilter(kind == null ? Set.of() : EnumSet.of(kind),
                    status == null ? Set.of() : EnumSet.of(status), scope, categoryId, from, to, overdueOnly,
                    text == null || text.isBlank() ? null : text.strip());
        }

        /** As {@link #toFilter(se.kvalitetshjulet.service.OrganisationService)}, with "Försenad IVO-anmälan" (reads the rule). */
        public DeviationFilter toFilter(se.kvalitetshjulet.service.OrganisationService organisation,
                                        se.kvalitetshjulet.service.DeviationService deviations) {
            DeviationFilter f = toFilter(organisation);
            return ivoLateOnly ? f.withIvoLateBefore(deviations.ivoLateBefore()) : f;
        }
    }

    /** A snapshot of the filter controls; call on the FX thread. */
    public Criteria criteria() {
        return new Criteria(kind.get(), status.get(), unit.get() == null ? null : unit.get().id(),
                area.get() == null ? null : area.get().id(), category.get() == null ? null : category.get().id(),
                from.get(), to.get(), overdueOnly.get(), text.get(), ivoLateOnly.get());
    }

    /** The filter as the database sees it (reads the organisation: not on the FX thread). */
    public DeviationFilter currentFilter() {
        return mine(scoped(criteria().toFilter(ctx.organisationService(), ctx.deviationService()), scope.now()),
                reportedByMe.get(), ctx.actor().get());
    }

    private void goTo(int p) {
        page.set(Math.max(0, Math.min(p, pageCount.get() - 1)));
        load();
    }

    public void sortBy(DeviationSort field, boolean asc) {
        sort.set(field);
        ascending.set(asc);
        page.set(0);
        load();
    }

    public void load() {
        load(false);
    }

    /**
     * h5 (decision 0030): someone else changed deviations; the shown page is read again with the same filter, sort
     * and page, only the rows that differ are replaced (the table keeps its selection and scroll position), no
     * "loading" state and no error dialog (the next change or showing the screen tries again). A newer search or
     * reload supersedes an older one (latest wins). Nothing happens before the register was first shown.
     */
    public void othersChanged() {
        if (listsLoaded) {
            load(true);
        }
    }

    private void load(boolean live) {
        if (!live) {
            loading.set(true);
        }
        int pageIndex = page.get();
        DeviationSort s = sort.get();
        boolean asc = ascending.get();
        Criteria c = criteria();
        String me = ctx.actor().get();
        boolean onlyMine = reportedByMe.get();
        RegisterScope.Snapshot sc = scope.now();
        // latest wins: the filters fire one search after another, and only the last answer may be shown
        tasks.runLatest(searchKey, i18n.get("deviation.loading"), p -> {
            DeviationFilter f = mine(scoped(c.toFilter(ctx.organisationService(), ctx.deviationService()), sc), onlyMine, me);
            p.checkCancelled();
            Page<DeviationRow> found = ctx.deviationService().search(f, s, asc, pageIndex, PAGE_SIZE);
            return new Searched(f, found, ctx.deviationService().countRegisteredBy(me));
        }, (Searched searched) -> {
            Page<DeviationRow> result = searched.page();
            lastFilter = searched.filter();
            reportedByMeCount.set(searched.mine());
            loading.set(false);
            if (live) {
                se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(rows, result.rows());
            } else {
                rows.setAll(result.rows());
            }
            total.set(result.total());
            pageCount.set(result.pageCount());
            page.set(Math.min(result.pageIndex(), result.pageCount() - 1));
        }, t -> {
            loading.set(false);
            if (!live) {
                dialogs.showUnexpected(t);
            }
        });
    }

    /** The key under which a newer search supersedes an older one (per register, not per class). */
    private final Object searchKey = new Object();

    private record Searched(DeviationFilter filter, Page<DeviationRow> page, long mine) { }

    private static DeviationFilter mine(DeviationFilter f, boolean onlyMine, String me) {
        return onlyMine ? f.withRegisteredBy(me) : f;
    }

    private void updateSummary() {
        summary.set(i18n.get("deviation.summary", total.get(), page.get() + 1, pageCount.get()));
    }

    public void showOverdue() {
        overdueOnly.set(true);
        page.set(0);
        if (listsLoaded) {
            load();
        }
    }

    public void open(long id) {
        DeviationEditorViewModel editor = new DeviationEditorViewModel(ctx, tasks, dialogs, i18n, this::load);
        editor.load(id);
        editorRequest.set(editor);
    }

    public void openNew() {
        DeviationEditorViewModel editor = new DeviationEditorViewModel(ctx, tasks, dialogs, i18n, this::load);
        editor.startNew(unit.get());
        editorRequest.set(editor);
    }

    /** Saves the current filter under a name chosen by the user. */
    public void saveFilter() {
        dialogs.askText(i18n.get("deviation.filter.saveTitle"), i18n.get("deviation.filter.savePrompt"), "")
                .map(String::strip).filter(n -> !n.isEmpty()).ifPresent(name -> {
                    SavedDeviationFilter def = SavedDeviationFilter.of(this);
                    tasks.run(i18n.get("deviation.filter.saving"), p -> {
                        ctx.savedFilterService().save(SavedFilterService.DEVIATIONS, name, def.toJson());
                        return ctx.savedFilterService().names(SavedFilterService.DEVIATIONS);
                    }, savedFilters::setAll, dialogs::showUnexpected);
                });
    }

    public void applySavedFilter(String name) {
        if (name == null) {
            return;
        }
        tasks.run(i18n.get("deviation.loading"), p -> ctx.savedFilterService().find(SavedFilterService.DEVIATIONS, name),
                json -> json.ifPresent(j -> {
                    SavedDeviationFilter.fromJson(j).applyTo(this);
                    page.set(0);
                    load();
                }), dialogs::showUnexpected);
    }

    /** A new import (own window); the register reloads after rows have been imported. */
    public ImportViewModel newImport() {
        return new ImportViewModel(ctx, tasks, dialogs, i18n, this::load);
    }

    /** Exports every row matching the filter (not only the page) to CSV or XLSX. */
    public void export() {
        dialogs.chooseSaveFile(i18n.get("deviation.export.title"), "avvikelser.xlsx", List.of("*.xlsx", "*.csv"))
                .ifPresent(path -> {
                    Criteria c = criteria();
                    boolean onlyMine = reportedByMe.get();
                    String me = ctx.actor().get();
                    RegisterScope.Snapshot sc = scope.now();
                    boolean freeText = dialogs.confirm(i18n.get("deviation.export.freeTextTitle"),
                            i18n.get("deviation.export.freeTextQuestion"));
                    tasks.run(i18n.get("deviation.export.running"), p -> ctx.deviationExporter().export(
                                    mine(scoped(c.toFilter(ctx.organisationService(), ctx.deviationService()), sc), onlyMine, me), path, freeText, ctx.today(), p::update,
                                    p::isCancelled),
                            n -> dialogs.showInfo(i18n.get("deviation.export.title"),
                                    i18n.get("deviation.export.done", n, path)), dialogs::showUnexpected);
                });
    }

    DeviationFilter lastFilter() {
        return lastFilter;
    }

    public ObjectProperty<DeviationKind> kindProperty() { return kind; }
    public ObjectProperty<DeviationStatus> statusProperty() { return status; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObjectProperty<BusinessArea> areaProperty() { return area; }
    public ObjectProperty<Taxonomy> categoryProperty() { return category; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public BooleanProperty overdueOnlyProperty() { return overdueOnly; }
    /** "Försenad IVO-anmälan": serious lex Sarah / lex Maria cases whose IVO notification deadline has passed. */
    public BooleanProperty ivoLateOnlyProperty() { return ivoLateOnly; }
    public StringProperty textProperty() { return text; }
    /** "Mina rapporterade avvikelser": only the deviations the current user registered. */
    public BooleanProperty reportedByMeProperty() { return reportedByMe; }
    /** How many deviations the current user registered in all (whatever the other filters say). */
    public LongProperty reportedByMeCountProperty() { return reportedByMeCount; }
    /** "Mina enheter" (decision 0027): only my units, each with everything under it. */
    public BooleanProperty myUnitsOnlyProperty() { return scope.myUnitsOnly; }
    /** "Bara öppna": every status but Avslutad (a status chosen in the filter wins). */
    public BooleanProperty openOnlyProperty() { return scope.openOnly; }
    public ObjectProperty<se.kvalitetshjulet.domain.me.Me> meProperty() { return scope.me; }
    public ObservableList<Unit> units() { return units; }
    public ObservableList<BusinessArea> areas() { return areas; }
    public ObservableList<Taxonomy> categories() { return categories; }
    public ObservableList<String> savedFilters() { return savedFilters; }
    public ObjectProperty<OrgTree> treeProperty() { return tree; }
    public ObservableList<DeviationRow> rows() { return rows; }
    public LongProperty totalProperty() { return total; }
    public IntegerProperty pageProperty() { return page; }
    public IntegerProperty pageCountProperty() { return pageCount; }
    public ObjectProperty<DeviationSort> sortProperty() { return sort; }
    public BooleanProperty ascendingProperty() { return ascending; }
    public BooleanProperty loadingProperty() { return loading; }
    public StringProperty summaryProperty() { return summary; }
    public ObjectProperty<DeviationEditorViewModel> editorRequestProperty() { return editorRequest; }
    public Command searchCommand() { return search; }
    public Command nextCommand() { return next; }
    public Command previousCommand() { return previous; }
    public Command firstCommand() { return first; }
    public Command lastCommand() { return last; }
    public Command newCommand() { return newDeviation; }
    public Command clearFilterCommand() { return clearFilter; }
}
