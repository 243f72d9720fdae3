package se.kvalitetshjulet.ui.action;

import java.time.LocalDate;
import java.util.List;

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

import se.kvalitetshjulet.domain.Page;
import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.action.ActionStatus;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Åtgärdslistan: every improvement action from every source, filtered for "mine" (a remembered name), my unit
 * (its subtree), overdue, source and status; paged in the database. The selected action can be marked done and,
 * after an effect check, closed.
 */
public final class ActionListViewModel {
    public static final int PAGE_SIZE = 100;
    /** Settings key under which the name typed for "mine" is remembered. */
    public static final String MY_NAME_KEY = "actions.myName";

    private final ActionContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final StringProperty myName = new SimpleStringProperty("");
    private final BooleanProperty mineOnly = new SimpleBooleanProperty();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty();
    private final ObjectProperty<ActionSource> source = new SimpleObjectProperty<>();
    private final ObjectProperty<ActionStatus> status = new SimpleObjectProperty<>();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();

    private final ObservableList<ActionRow> rows = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final IntegerProperty pageCount = new SimpleIntegerProperty(1);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");

    private final ObjectProperty<ActionRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> doneOn = new SimpleObjectProperty<>();
    private final StringProperty effectCheck = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> effective = new SimpleObjectProperty<>();
    private final StringProperty problems = new SimpleStringProperty("");

    private final Command search;
    private final Command next;
    private final Command previous;
    private final Command markDone;
    private final Command close;
    private final Command reopen;
    private boolean listsLoaded;

    public ActionListViewModel(ActionContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
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
        var sel = Bindings.createObjectBinding(() -> selected.get() == null ? null
                : selected.get().status(ctx.today()), selected);
        markDone = new Command(this::markDone, Bindings.createBooleanBinding(() -> sel.get() == ActionStatus.OPEN
                || sel.get() == ActionStatus.OVERDUE, sel));
        close = new Command(this::close, Bindings.createBooleanBinding(() -> sel.get() == ActionStatus.DONE, sel));
        reopen = new Command(this::reopen, Bindings.createBooleanBinding(() -> sel.get() == ActionStatus.DONE
                || sel.get() == ActionStatus.EFFECT_CHECKED, sel));
        selected.addListener((o, a, r) -> {
            problems.set("");
            doneOn.set(r == null || r.measure().doneOn() == null ? ctx.today() : r.measure().doneOn());
            effectCheck.set(r == null || r.measure().effectCheck() == null ? "" : r.measure().effectCheck());
            effective.set(r == null ? null : r.measure().effective());
        });
        page.addListener((o, a, b) -> updateSummary());
        pageCount.addListener((o, a, b) -> updateSummary());
        total.addListener((o, a, b) -> updateSummary());
    }

    public void refresh() {
        if (!listsLoaded) {
            listsLoaded = true;
            tasks.run(i18n.get("action.loading"), p -> new Lists(ctx.organisationService().tree().all(),
                    ctx.settingsService().preference(MY_NAME_KEY).orElse(""),
                    ctx.settingsService().preference(FILTERS_KEY).orElse("")), l -> {
                units.setAll(l.units());
                if (myName.get() == null || myName.get().isBlank()) {
                    myName.set(l.myName());
                }
                restoreFilters(l.filters());
                load();
            }, dialogs::showUnexpected);
            return;
        }
        load();
    }

    private record Lists(List<Unit> units, String myName, String filters) { }

    /**
     * h4 (issue 18): "Bara mina", "Min enhet" and "Bara försenade" as they were left, between sessions: one
     * preference {@code mine;unitId;overdue}, saved with the search that used them.
     */
    public static final String FILTERS_KEY = "actions.filters";
    private String savedFilters = "";
    private boolean restoring;

    private void restoreFilters(String stored) {
        savedFilters = stored == null ? "" : stored;
        String[] f = savedFilters.split(";", -1);
        if (f.length != 3) {
            return;
        }
        restoring = true;
        try {
            mineOnly.set("1".equals(f[0]));
            Long unitId = f[1].matches("\\d+") ? Long.valueOf(f[1]) : null;
            unit.set(unitId == null ? null : units.stream().filter(u -> unitId.equals(u.id())).findFirst().orElse(null));
            overdueOnly.set("1".equals(f[2]));
        } finally {
            restoring = false;
        }
    }

    private String filtersNow() {
        return (mineOnly.get() ? "1" : "0") + ";" + (unit.get() == null ? "" : unit.get().id()) + ";"
                + (overdueOnly.get() ? "1" : "0");
    }

    /** What the filter controls say, read on the FX thread; the unit's subtree is looked up in the work. */
    public record Criteria(String name, Long unitId, boolean overdueOnly, ActionSource source, ActionStatus status) {
        public ActionFilter toFilter(se.kvalitetshjulet.service.OrganisationService organisation) {
            return new ActionFilter(name, unitId == null ? null : organisation.unitScope(unitId, null), overdueOnly,
                    source, status);
        }
    }

    /** A snapshot of the filter controls; call on the FX thread. */
    public Criteria criteria() {
        String name = mineOnly.get() && myName.get() != null && !myName.get().isBlank() ? myName.get().strip() : null;
        return new Criteria(name, unit.get() == null ? null : unit.get().id(), overdueOnly.get(), source.get(),
                status.get());
    }

    /** The filter as the database sees it (reads the organisation: not on the FX thread). */
    public ActionFilter currentFilter() {
        return criteria().toFilter(ctx.organisationService());
    }

    /** Shows only the actions whose responsible contains this name, and remembers the name. */
    public void showMine(String name) {
        myName.set(name == null ? "" : name.strip());
        mineOnly.set(true);
        search.execute();
    }

    private void goTo(int p) {
        page.set(Math.max(0, Math.min(p, pageCount.get() - 1)));
        load();
    }

    public void load() {
        load(false);
    }

    /**
     * h5 (decision 0030): someone else changed actions; the shown page is read again (only changed rows replaced,
     * the selection kept, no error dialog), unless the user is writing the selected action's follow-up: then the
     * list waits until that is saved or left (the save reloads it anyway).
     */
    public void othersChanged() {
        if (listsLoaded && !editing()) {
            load(true);
        }
    }

    /** True while the selected action's follow-up fields hold something not yet saved. */
    boolean editing() {
        ActionRow r = selected.get();
        if (r == null) {
            return false;
        }
        String stored = r.measure().effectCheck() == null ? "" : r.measure().effectCheck();
        LocalDate storedOn = r.measure().doneOn() == null ? ctx.today() : r.measure().doneOn();
        return !stored.equals(effectCheck.get() == null ? "" : effectCheck.get())
                || !java.util.Objects.equals(storedOn, doneOn.get())
                || !java.util.Objects.equals(r.measure().effective(), effective.get());
    }

    private void load(boolean live) {
        if (!live) {
            loading.set(true);
        }
        int pageIndex = page.get();
        String rememberedName = mineOnly.get() ? myName.get() : null;
        String filters = listsLoaded && !restoring && !filtersNow().equals(savedFilters) ? filtersNow() : null;
        if (filters != null) {
            savedFilters = filters;
        }
        Criteria c = criteria();
        Long keep = selected.get() == null ? null : selected.get().measure().id();
        tasks.runLatest(searchKey, i18n.get("action.loading"), p -> {
            if (rememberedName != null && !rememberedName.isBlank()) {
                ctx.settingsService().savePreference(MY_NAME_KEY, rememberedName.strip());
            }
            if (filters != null) {
                ctx.settingsService().savePreference(FILTERS_KEY, filters);
            }
            ActionFilter f = c.toFilter(ctx.organisationService());
            p.checkCancelled();
            return ctx.actionService().search(f, pageIndex, PAGE_SIZE);
        }, (Page<ActionRow> result) -> {
            loading.set(false);
            if (live) {
                se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(rows, result.rows());
            } else {
                rows.setAll(result.rows());
            }
            total.set(result.total());
            pageCount.set(result.pageCount());
            page.set(Math.min(result.pageIndex(), result.pageCount() - 1));
            selected.set(keep == null ? null
                    : rows.stream().filter(r -> r.measure().id().equals(keep)).findFirst().orElse(null));
        }, t -> {
            loading.set(false);
            if (!live) {
                dialogs.showUnexpected(t);
            }
        });
    }

    /** The key under which a newer search supersedes an older one (per register, not per class). */
    private final Object searchKey = new Object();

    private void updateSummary() {
        summary.set(i18n.get("action.summary", total.get(), page.get() + 1, pageCount.get()));
    }

    private void markDone() {
        long id = selected.get().measure().id();
        LocalDate on = doneOn.get();
        tasks.run(i18n.get("action.saving"), p -> ctx.actionService().markDone(id, on), this::afterSave,
                dialogs::showUnexpected);
    }

    private void close() {
        long id = selected.get().measure().id();
        String check = effectCheck.get();
        Boolean eff = effective.get();
        // The effect check is free text: the privacy question first (decision 0018); under "refuse" the service refuses.
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n,
                p -> ctx.actionService().privacyRefuses(),
                List.of(PrivacyQuestion.field(i18n, "measure.field.effect", check)),
                () -> tasks.run(i18n.get("action.saving"), p -> ctx.actionService().close(id, check, eff),
                        this::afterSave, dialogs::showUnexpected));
    }

    private void reopen() {
        long id = selected.get().measure().id();
        if (!dialogs.confirm(i18n.get("action.reopen"), i18n.get("action.reopen.confirm"))) {
            return;
        }
        tasks.run(i18n.get("action.saving"), p -> ctx.actionService().reopen(id), this::afterSave,
                dialogs::showUnexpected);
    }

    private void afterSave(SaveResult<Measure> r) {
        if (!r.ok()) {
            problems.set(String.join("\n", r.problems().stream().map(i18n::problem).toList()));
            return;
        }
        problems.set("");
        load();
    }

    public StringProperty myNameProperty() { return myName; }
    public BooleanProperty mineOnlyProperty() { return mineOnly; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public BooleanProperty overdueOnlyProperty() { return overdueOnly; }
    public ObjectProperty<ActionSource> sourceProperty() { return source; }
    public ObjectProperty<ActionStatus> statusProperty() { return status; }
    public ObservableList<Unit> units() { return units; }
    public ObservableList<ActionRow> rows() { return rows; }
    public LongProperty totalProperty() { return total; }
    public IntegerProperty pageProperty() { return page; }
    public IntegerProperty pageCountProperty() { return pageCount; }
    public BooleanProperty loadingProperty() { return loading; }
    public StringProperty summaryProperty() { return summary; }
    public ObjectProperty<ActionRow> selectedProperty() { return selected; }
    public ObjectProperty<LocalDate> doneOnProperty() { return doneOn; }
    public StringProperty effectCheckProperty() { return effectCheck; }
    public ObjectProperty<Boolean> effectiveProperty() { return effective; }
    public StringProperty problemsProperty() { return problems; }
    public Command searchCommand() { return search; }
    public Command nextCommand() { return next; }
    public Command previousCommand() { return previous; }
    public Command markDoneCommand() { return markDone; }
    public Command closeCommand() { return close; }
    public Command reopenCommand() { return reopen; }
    public LocalDate today() { return ctx.today(); }
}
