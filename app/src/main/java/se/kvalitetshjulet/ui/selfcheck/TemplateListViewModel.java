package se.kvalitetshjulet.ui.selfcheck;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Mallar: the self-check templates and their versions; duplicate, rename (a version in use stays as it was), template
 * files, and the editor. The template list is shared with the rounds tab (a round is made from a template).
 */
public final class TemplateListViewModel {
    private final SelfCheckContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Runnable refresh;

    private final ObservableList<Template> templates = FXCollections.observableArrayList();
    private final ObjectProperty<Template> selectedTemplate = new SimpleObjectProperty<>();
    private final ObservableList<Template> templateHistory = FXCollections.observableArrayList();
    private final ObjectProperty<TemplateEditorViewModel> templateEditorRequest = new SimpleObjectProperty<>();

    private final Command duplicateTemplate;
    private final Command renameTemplate;
    private final Command exportTemplate;
    private final Command importTemplate;
    private final Command newTemplate;
    private final Command editTemplate;

    /** @param busy true while the self-check screen works; @param refresh reloads the whole screen after a change */
    TemplateListViewModel(SelfCheckContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n,
                          javafx.beans.value.ObservableBooleanValue busy, Runnable refresh) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.refresh = refresh;
        javafx.beans.binding.BooleanExpression idle = javafx.beans.binding.BooleanExpression.booleanExpression(busy).not();
        duplicateTemplate = new Command(this::duplicateTemplate, selectedTemplate.isNotNull().and(idle));
        renameTemplate = new Command(this::renameTemplate, selectedTemplate.isNotNull().and(idle));
        exportTemplate = new Command(this::exportTemplate, selectedTemplate.isNotNull().and(idle));
        importTemplate = new Command(this::importTemplate, idle);
        newTemplate = new Command(() -> openTemplateEditor(null), idle);
        editTemplate = new Command(() -> openTemplateEditor(selectedTemplate.get()), selectedTemplate.isNotNull().and(idle));
        selectedTemplate.addListener((o, a, t) -> loadHistory());
    }

    private void loadHistory() {
        Template t = selectedTemplate.get();
        if (t == null) {
            templateHistory.clear();
            return;
        }
        tasks.run(i18n.get("selfcheck.loading"), p -> ctx.selfCheckService().history(t.familyId()), templateHistory::setAll,
                dialogs::showUnexpected);
    }

    private void duplicateTemplate() {
        Template t = selectedTemplate.get();
        dialogs.askText(i18n.get("selfcheck.template.duplicate"), i18n.get("selfcheck.template.newName"),
                i18n.get("selfcheck.template.copyOf", t.name())).ifPresent(name ->
                tasks.run(i18n.get("selfcheck.template.saving"), p -> ctx.selfCheckService().duplicate(t.id(), name),
                        copy -> refresh.run(), this::failed));
    }

    /** Renames the template: a version used by a round stays as it was and the new name becomes the next version. */
    private void renameTemplate() {
        Template t = selectedTemplate.get();
        dialogs.askText(i18n.get("selfcheck.template.rename"), i18n.get("selfcheck.template.newName"), t.name())
                .ifPresent(name -> tasks.run(i18n.get("selfcheck.template.saving"),
                        p -> ctx.selfCheckService().saveTemplate(t.withName(name)), res -> {
                            if (!res.ok()) {
                                dialogs.showError(i18n.get("selfcheck.template.rename"),
                                        res.problems().stream().map(i18n::problem).collect(Collectors.joining("\n")));
                                return;
                            }
                            if (res.value().version() != t.version()) {
                                dialogs.showInfo(i18n.get("selfcheck.template.rename"),
                                        i18n.get("selfcheck.template.newVersion", res.value().version()));
                            }
                            refresh.run();
                        }, this::failed));
    }

    private void exportTemplate() {
        Template t = selectedTemplate.get();
        dialogs.chooseSaveFile(i18n.get("selfcheck.template.export"), SelfCheckViewModel.fileName(t.name()) + ".json", List.of("*.json"))
                .ifPresent(path -> tasks.run(i18n.get("selfcheck.template.exporting"), p -> {
                    ctx.selfCheckService().exportTemplate(t.id(), path);
                    return path;
                }, done -> dialogs.showInfo(i18n.get("selfcheck.template.export"),
                        i18n.get("selfcheck.template.exported", done)), this::failed));
    }

    private void importTemplate() {
        dialogs.chooseOpenFile(i18n.get("selfcheck.template.import"), List.of("*.json")).ifPresent(path ->
                tasks.run(i18n.get("selfcheck.template.importing"), p -> ctx.selfCheckService().importTemplate(path), t -> {
                    dialogs.showInfo(i18n.get("selfcheck.template.import"), i18n.get("selfcheck.template.imported", t.name()));
                    refresh.run();
                }, e -> {
                    if (e instanceof IllegalArgumentException) {
                        dialogs.showError(i18n.get("selfcheck.template.import"), se.kvalitetshjulet.app.FailureMessages.explain(e));
                    } else {
                        dialogs.showUnexpected(e);
                    }
                }));
    }

    /** Asks the view to open the template editor on {@code t} (null: a new template). */
    private void openTemplateEditor(Template t) {
        TemplateEditorViewModel editor = new TemplateEditorViewModel(ctx.selfCheckService(), tasks, dialogs, i18n, this::templateSaved);
        if (t == null) {
            editor.startNew();
        } else {
            editor.edit(t);
        }
        templateEditorRequest.set(editor);
        templateEditorRequest.set(null);
    }

    /** After the editor saved: reload the templates and select the saved version. */
    private void templateSaved(Template saved) {
        tasks.run(i18n.get("selfcheck.loading"), p -> ctx.selfCheckService().templates(), list -> {
            templates.setAll(list);
            selectedTemplate.set(list.stream().filter(x -> x.id().equals(saved.id())).findFirst().orElse(null));
        }, dialogs::showUnexpected);
    }

    private void failed(Throwable e) {
        if (e instanceof IllegalStateException) {
            dialogs.showError(i18n.get("selfcheck.title"), se.kvalitetshjulet.app.FailureMessages.explain(e));
        } else {
            dialogs.showUnexpected(e);
        }
    }

    public ObservableList<Template> templates() { return templates; }
    public ObjectProperty<Template> selectedTemplateProperty() { return selectedTemplate; }
    public ObservableList<Template> templateHistory() { return templateHistory; }
    public Command duplicateTemplateCommand() { return duplicateTemplate; }
    public Command renameTemplateCommand() { return renameTemplate; }
    public Command exportTemplateCommand() { return exportTemplate; }
    public Command importTemplateCommand() { return importTemplate; }
    public Command newTemplateCommand() { return newTemplate; }
    public Command editTemplateCommand() { return editTemplate; }
    public ObjectProperty<TemplateEditorViewModel> templateEditorRequestProperty() { return templateEditorRequest; }
}
