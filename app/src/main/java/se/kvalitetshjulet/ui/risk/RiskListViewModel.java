package se.kvalitetshjulet.ui.risk;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AppendixRow;
import se.kvalitetshjulet.domain.risk.RiskAnalysisRow;
import se.kvalitetshjulet.domain.risk.RiskFilter;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.export.RiskAppendixExporter;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * The list of risk and event analyses: filters (kind, level, unit subtree, trigger, year, due follow-ups and
 * half-yearly recurrences), new analysis from a template, the next individual analysis, and the annual report's
 * Bilaga 1 with XLSX export.
 */
public final class RiskListViewModel {
    private final RiskContext ctx;
    private final RiskService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObjectProperty<AnalysisKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<AnalysisLevel> level = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<RiskTrigger> trigger = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final BooleanProperty dueOnly = new SimpleBooleanProperty();

    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    /** Every reason of the coordinator's list (retired ones too: old analyses can be found by them). */
    private final ObservableList<RiskTrigger> reasons = FXCollections.observableArrayList();
    private final java.util.Map<String, se.kvalitetshjulet.domain.lists.ListEntry> reasonEntries = new java.util.HashMap<>();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObservableList<RiskTemplate> templates = FXCollections.observableArrayList();
    private final ObjectProperty<RiskTemplate> template = new SimpleObjectProperty<>();
    private final ObservableList<RiskAnalysisRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RiskAnalysisRow> selected = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();

    private final ObjectProperty<Integer> appendixYear = new SimpleObjectProperty<>();
    private final ObservableList<AppendixRow> appendixRows = FXCollections.observableArrayList();

    private final ObjectProperty<RiskEditorViewModel> editorRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<RiskTemplateEditorViewModel> templateEditorRequest = new SimpleObjectProperty<>();

    private final Command search;
    private final Command newAnalysis;
    private final Command nextRecurrence;
    private final Command loadAppendix;
    private final Command exportAppendix;
    private final Command editTemplates;
    private boolean listsLoaded;

    public RiskListViewModel(RiskContext ctx, RiskService service, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        search = new Command(this::load, loading.not());
        newAnalysis = new Command(this::openNew, template.isNotNull());
        nextRecurrence = new Command(this::startRecurrence, javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().recurrenceDue(), selected));
        loadAppendix = new Command(this::loadAppendix, appendixYear.isNotNull());
        exportAppendix = new Command(this::exportAppendix, appendixYear.isNotNull());
        editTemplates = Command.always(() -> {
            templateEditorRequest.set(new RiskTemplateEditorViewModel(service, tasks, dialogs, i18n, this::templateSaved));
            templateEditorRequest.set(null);
        });
        int thisYear = ctx.today().getYear();
        for (int y = thisYear; y >= thisYear - 5; y--) {
            years.add(y);
        }
        appendixYear.set(thisYear - 1);
        for (var p : List.of(kind, level, unit, trigger, year, dueOnly)) {
            p.addListener((o, a, b) -> {
                if (listsLoaded) {
                    load();
                }
            });
        }
    }

    public void refresh() {
        if (!listsLoaded) {
            listsLoaded = true;
            tasks.run(i18n.get("risk.loading"), p -> new Lists(ctx.organisationService().tree(), service.templates()), l -> {
                units.setAll(l.tree().all());
                templates.setAll(l.templates().stream().filter(RiskTemplate::active).toList());
                if (template.get() == null && !templates.isEmpty()) {
                    template.set(templates.getFirst());
                }
            }, dialogs::showUnexpected);
        }
        tasks.run(i18n.get("risk.loading"), p -> service.reasons(), list -> {
            reasonEntries.clear();
            list.forEach(e -> reasonEntries.put(e.code(), e));
            RiskTrigger keep = trigger.get();
            reasons.setAll(list.stream().map(e -> new RiskTrigger(e.code())).toList());
            trigger.set(keep);
        }, dialogs::showUnexpected);
        load();
    }

    /** A reason as the coordinator's list names it; a retired one says so. */
    public String reasonLabel(RiskTrigger t) {
        if (t == null) {
            return "";
        }
        var e = reasonEntries.get(t.code());
        if (e == null) {
            return t.builtIn() ? i18n.get("enum.RiskTrigger." + t.code()) : t.code();
        }
        return e.active() ? e.name() : i18n.get("risk.reason.retired", e.name());
    }

    public ObservableList<RiskTrigger> reasons() { return reasons; }

    private record Lists(OrgTree tree, List<RiskTemplate> templates) { }

    /** After a template was saved: offer the active templates again and choose the saved one for new analyses. */
    private void templateSaved(RiskTemplate saved) {
        tasks.run(i18n.get("risk.loading"), p -> service.templates(), list -> {
            templates.setAll(list.stream().filter(RiskTemplate::active).toList());
            template.set(templates.stream().filter(t -> t.id().equals(saved.id())).findFirst()
                    .orElse(templates.isEmpty() ? null : templates.getFirst()));
        }, dialogs::showUnexpected);
    }

    public RiskFilter currentFilter() {
        Set<Long> scope = ctx.organisationService().unitScope(unit.get() == null ? null : unit.get().id(), null);
        return new RiskFilter(kind.get(), level.get(), scope, trigger.get(), year.get(), dueOnly.get());
    }

    /** The key under which a newer search supersedes an older one. */
    private final Object searchKey = new Object();

    public void load() {
        loading.set(true);
        // read the controls here, on the FX thread; the unit's subtree is looked up in the work
        Long unitId = unit.get() == null ? null : unit.get().id();
        var k = kind.get();
        var l = level.get();
        var tr = trigger.get();
        var y = year.get();
        boolean dueFilter = dueOnly.get();
        tasks.runLatest(searchKey, i18n.get("risk.loading"), p -> service.search(
                new RiskFilter(k, l, ctx.organisationService().unitScope(unitId, null), tr, y, dueFilter)), result -> {
            loading.set(false);
            rows.setAll(result);
            long due = result.stream().filter(RiskAnalysisRow::due).count();
            summary.set(i18n.get("risk.summary", result.size(), due));
        }, t -> {
            loading.set(false);
            dialogs.showUnexpected(t);
        });
    }

    public void open(long id) {
        RiskEditorViewModel editor = new RiskEditorViewModel(ctx, service, tasks, dialogs, i18n, this::load);
        editor.load(id);
        editorRequest.set(editor);
    }

    public void openNew() {
        RiskEditorViewModel editor = new RiskEditorViewModel(ctx, service, tasks, dialogs, i18n, this::load);
        editor.startNew(template.get(), unit.get());
        editorRequest.set(editor);
    }

    private void startRecurrence() {
        RiskAnalysisRow row = selected.get();
        tasks.run(i18n.get("risk.saving"), p -> service.startRecurrence(row.id()), a -> {
            load();
            open(a.id());
        }, dialogs::showUnexpected);
    }

    private void loadAppendix() {
        int y = appendixYear.get();
        tasks.run(i18n.get("risk.loading"), p -> service.appendix(y), appendixRows::setAll, dialogs::showUnexpected);
    }

    private void exportAppendix() {
        int y = appendixYear.get();
        dialogs.chooseSaveFile(i18n.get("risk.appendix.exportTitle"), "bilaga1-riskanalyser-" + y + ".xlsx",
                List.of("*.xlsx")).ifPresent(path -> tasks.run(i18n.get("risk.exporting"), p -> {
                    List<AppendixRow> result = service.appendix(y);
                    new RiskAppendixExporter(i18n.bundle()).export(y, result, path);
                    return new Exported(result, path);
                }, e -> {
                    appendixRows.setAll(e.rows());
                    dialogs.showInfo(i18n.get("risk.appendix.exportTitle"), i18n.get("risk.exported", e.path()));
                }, dialogs::showUnexpected));
    }

    private record Exported(List<AppendixRow> rows, Path path) { }

    public ObjectProperty<AnalysisKind> kindProperty() { return kind; }
    public ObjectProperty<AnalysisLevel> levelProperty() { return level; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObjectProperty<RiskTrigger> triggerProperty() { return trigger; }
    public ObjectProperty<Integer> yearProperty() { return year; }
    public BooleanProperty dueOnlyProperty() { return dueOnly; }
    public ObservableList<Unit> units() { return units; }
    public ObservableList<Integer> years() { return years; }
    public ObservableList<RiskTemplate> templates() { return templates; }
    public ObjectProperty<RiskTemplate> templateProperty() { return template; }
    public ObservableList<RiskAnalysisRow> rows() { return rows; }
    public ObjectProperty<RiskAnalysisRow> selectedProperty() { return selected; }
    public StringProperty summaryProperty() { return summary; }
    public ObjectProperty<Integer> appendixYearProperty() { return appendixYear; }
    public ObservableList<AppendixRow> appendixRows() { return appendixRows; }
    public ObjectProperty<RiskEditorViewModel> editorRequestProperty() { return editorRequest; }
    public Command searchCommand() { return search; }
    public Command newCommand() { return newAnalysis; }
    public Command nextRecurrenceCommand() { return nextRecurrence; }
    public Command loadAppendixCommand() { return loadAppendix; }
    public Command exportAppendixCommand() { return exportAppendix; }
    public Command editTemplatesCommand() { return editTemplates; }
    public ObjectProperty<RiskTemplateEditorViewModel> templateEditorRequestProperty() { return templateEditorRequest; }
}
