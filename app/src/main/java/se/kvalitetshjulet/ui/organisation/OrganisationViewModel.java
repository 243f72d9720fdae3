package se.kvalitetshjulet.ui.organisation;

import se.kvalitetshjulet.domain.audit.AuditEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Organisation screen: the unit tree and a form for the selected unit. Validation (no
 * cycles, unique sibling names, levels downwards) runs here and in the service before saving.
 */
public final class OrganisationViewModel {
    private final OrganisationContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObjectProperty<OrgTree> tree = new SimpleObjectProperty<>(new OrgTree(List.of()));
    private final ObservableList<BusinessArea> businessAreas = FXCollections.observableArrayList();
    private final ObjectProperty<Unit> selected = new SimpleObjectProperty<>();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();

    // form
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<OrgLevel> level = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> parent = new SimpleObjectProperty<>();
    private final ObjectProperty<BusinessArea> businessArea = new SimpleObjectProperty<>();
    private final ObjectProperty<ProviderKind> providerKind = new SimpleObjectProperty<>(ProviderKind.KOMMUNAL);
    private final StringProperty providerName = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> activeFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> activeTo = new SimpleObjectProperty<>();
    private final StringProperty validationMessage = new SimpleStringProperty("");
    private final BooleanProperty editingNew = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final DenominatorViewModel denominators;
    private final Command save;
    private final Command newChild;
    private final Command delete;
    private final Command exportFile;
    private final Command importFile;

    public OrganisationViewModel(OrganisationContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.denominators = new DenominatorViewModel(ctx.denominatorService(), ctx.clock(), tasks, dialogs, i18n);
        var formOpen = Bindings.createBooleanBinding(() -> selected.get() != null || editingNew.get(), selected, editingNew);
        save = new Command(this::save, formOpen.and(busy.not()));
        newChild = new Command(this::startNewChild, busy.not());
        delete = new Command(this::deleteSelected,
                Bindings.createBooleanBinding(() -> selected.get() != null && !editingNew.get(), selected, editingNew)
                        .and(busy.not()));
        exportFile = new Command(this::exportFile, busy.not());
        importFile = new Command(this::importFile, busy.not());
        name.addListener((o, a, b) -> revalidate());
        level.addListener((o, a, b) -> revalidate());
        parent.addListener((o, a, b) -> revalidate());
        activeFrom.addListener((o, a, b) -> revalidate());
        activeTo.addListener((o, a, b) -> revalidate());
    }

    public void load() {
        busy.set(true);
        tasks.run(i18n.get("org.loading"), p -> new Object[] {ctx.organisationService().tree(), ctx.organisationService().businessAreas()},
                r -> {
                    busy.set(false);
                    tree.set((OrgTree) r[0]);
                    @SuppressWarnings("unchecked")
                    List<BusinessArea> areas = (List<BusinessArea>) r[1];
                    businessAreas.setAll(areas);
                    if (selected.get() != null) {
                        tree.get().find(selected.get().id()).ifPresentOrElse(this::select, () -> select(null));
                    }
                }, this::failed);
    }

    public void select(Unit unit) {
        denominators.confirmLeave();
        editingNew.set(false);
        selected.set(unit);
        denominators.unitProperty().set(unit);
        validationMessage.set("");
        if (unit == null) {
            clearForm();
            history.clear();
            return;
        }
        name.set(unit.name());
        level.set(unit.level());
        parent.set(tree.get().find(unit.parentId()).orElse(null));
        businessArea.set(businessAreas.stream().filter(a -> a.id() == (unit.businessAreaId() == null ? -1 : unit.businessAreaId()))
                .findFirst().orElse(null));
        providerKind.set(unit.providerKind());
        providerName.set(unit.providerName() == null ? "" : unit.providerName());
        activeFrom.set(unit.activeFrom());
        activeTo.set(unit.activeTo());
        long id = unit.id();
        tasks.run(i18n.get("org.loadingHistory"), p -> ctx.auditService().history("unit", id), history::setAll, this::failed);
    }

    private void clearForm() {
        name.set("");
        level.set(null);
        parent.set(null);
        businessArea.set(null);
        providerKind.set(ProviderKind.KOMMUNAL);
        providerName.set("");
        activeFrom.set(null);
        activeTo.set(null);
    }

    /** Starts a new unit under the selected one (or a new administration at the top). */
    private void startNewChild() {
        Unit p = selected.get();
        selected.set(null);
        history.clear();
        clearForm();
        editingNew.set(true);
        parent.set(p);
        level.set(p == null ? OrgLevel.FORVALTNING : p.level().childLevel());
        activeFrom.set(ctx.today());
        validationMessage.set("");
    }

    private Unit formUnit() {
        Unit base = selected.get();
        return new Unit(base == null ? null : base.id(), parent.get() == null ? null : parent.get().id(), name.get(),
                level.get(), businessArea.get() == null ? null : businessArea.get().id(), providerKind.get(),
                providerName.get() == null || providerName.get().isBlank() ? null : providerName.get().strip(),
                activeFrom.get(), activeTo.get());
    }

    private void revalidate() {
        if (selected.get() == null && !editingNew.get()) {
            validationMessage.set("");
            return;
        }
        List<String> keys = tree.get().validate(formUnit());
        validationMessage.set(keys.stream().map(i18n::get).collect(Collectors.joining("\n")));
    }

    private void save() {
        Unit unit = formUnit();
        busy.set(true);
        tasks.run(i18n.get("org.saving"), p -> ctx.organisationService().save(unit), (SaveResult<Unit> r) -> {
            busy.set(false);
            if (!r.ok()) {
                validationMessage.set(r.problems().stream().map(i18n::problem).collect(Collectors.joining("\n")));
                return;
            }
            editingNew.set(false);
            selected.set(r.value());
            load();
        }, this::failed);
    }

    private void deleteSelected() {
        Unit u = selected.get();
        if (!dialogs.confirm(i18n.get("org.delete.title"), i18n.get("org.delete.confirm", u.name()))) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("org.saving"), p -> ctx.organisationService().delete(u.id()), (SaveResult<Unit> r) -> {
            busy.set(false);
            if (!r.ok()) {
                dialogs.showError(i18n.get("org.delete.title"),
                        r.problems().stream().map(i18n::problem).collect(Collectors.joining("\n")));
                return;
            }
            selected.set(null);
            clearForm();
            load();
        }, this::failed);
    }

    /** The tree as a CSV or XLSX file (the same as {@code org export}). */
    private void exportFile() {
        var out = dialogs.chooseSaveFile(i18n.get("org.file.export.title"), "organisation.xlsx", List.of("*.xlsx", "*.csv"));
        if (out.isEmpty()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("org.file.export.running"), p -> {
            var rows = ctx.orgFileService().rows();
            new se.kvalitetshjulet.export.OrgFileExporter().write(rows, out.get());
            return rows.size() - 1;
        }, n -> {
            busy.set(false);
            dialogs.showInfo(i18n.get("org.file.export.title"), i18n.get("org.file.export.done", n, out.get().getFileName()));
        }, this::failed);
    }

    /** Reads an organisation file: first a dry run that shows what would change, then (if confirmed) the import. */
    private void importFile() {
        var in = dialogs.chooseOpenFile(i18n.get("org.file.import.title"), List.of("*.xlsx", "*.csv"));
        if (in.isEmpty()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("org.file.import.checking"), p -> ctx.orgFileService().importFile(in.get(), true),
                (se.kvalitetshjulet.service.OrgFileService.Outcome dry) -> {
                    busy.set(false);
                    if (!dry.ok()) {
                        dialogs.showError(i18n.get("org.file.import.title"), i18n.get("org.file.import.refused") + "\n\n"
                                + dry.problems().stream().limit(30).collect(Collectors.joining("\n")));
                        return;
                    }
                    if (dry.changes().isEmpty()) {
                        dialogs.showInfo(i18n.get("org.file.import.title"), i18n.get("org.file.import.nothing",
                                dry.unchanged()));
                        return;
                    }
                    String plan = dry.changes().stream().limit(40).map(c -> c.describe())
                            .collect(Collectors.joining("\n"));
                    if (!dialogs.confirm(i18n.get("org.file.import.title"), i18n.get("org.file.import.confirm",
                            dry.changes().size()) + "\n\n" + plan)) {
                        return;
                    }
                    busy.set(true);
                    tasks.run(i18n.get("org.file.import.running"), p -> ctx.orgFileService().importFile(in.get(), false),
                            (se.kvalitetshjulet.service.OrgFileService.Outcome done) -> {
                                busy.set(false);
                                if (!done.ok()) {
                                    dialogs.showError(i18n.get("org.file.import.title"), String.join("\n", done.problems()));
                                    return;
                                }
                                dialogs.showInfo(i18n.get("org.file.import.title"), i18n.get("org.file.import.done",
                                        done.changes().size()));
                                load();
                            }, this::failed);
                }, this::failed);
    }

    private void failed(Throwable t) {
        busy.set(false);
        dialogs.showUnexpected(t);
    }

    /** The "Nämnare" tab's view model, following the selected unit. */
    public DenominatorViewModel denominators() { return denominators; }
    public ObjectProperty<OrgTree> treeProperty() { return tree; }
    public ObservableList<BusinessArea> businessAreas() { return businessAreas; }
    public ObjectProperty<Unit> selectedProperty() { return selected; }
    public ObservableList<AuditEntry> history() { return history; }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<OrgLevel> levelProperty() { return level; }
    public ObjectProperty<Unit> parentProperty() { return parent; }
    public ObjectProperty<BusinessArea> businessAreaProperty() { return businessArea; }
    public ObjectProperty<ProviderKind> providerKindProperty() { return providerKind; }
    public StringProperty providerNameProperty() { return providerName; }
    public ObjectProperty<LocalDate> activeFromProperty() { return activeFrom; }
    public ObjectProperty<LocalDate> activeToProperty() { return activeTo; }
    public StringProperty validationMessageProperty() { return validationMessage; }
    public BooleanProperty editingNewProperty() { return editingNew; }
    public Command saveCommand() { return save; }
    public Command newChildCommand() { return newChild; }
    public Command deleteCommand() { return delete; }
    public Command exportFileCommand() { return exportFile; }
    public Command importFileCommand() { return importFile; }
}
