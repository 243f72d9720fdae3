package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Mallredigerare för egenkontroll: name and description, sections and their questions (text, answer type, options,
 * required, help text, reference, which answers count as a finding). Validates as the user types (domain rules of
 * {@link Template#validate()} plus the checks only an editor needs: thresholds that are numbers, options that can be
 * stored), saves through {@link SelfCheckService#saveTemplate} on the {@link TaskRunner}. Editing a frozen version saves
 * the next version; rounds that used the old one keep it. The outline (sections, questions, moving them) is
 * {@link TemplateOutline}, the editor-only checks {@link TemplateEditorChecks}.
 */
public final class TemplateEditorViewModel {
    private final SelfCheckService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Consumer<Template> onSaved;
    private final TemplateOutline outline;
    private final TemplateEditorChecks checks;

    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty frozenNotice = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty saveState = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final Command save;

    private Template original;
    private Template baseline;
    private boolean loading;

    public TemplateEditorViewModel(SelfCheckService service, TaskRunner tasks, DialogService dialogs, I18n i18n,
                                   Consumer<Template> onSaved) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.onSaved = onSaved;
        this.outline = new TemplateOutline(dialogs, i18n, this::changed);
        this.checks = new TemplateEditorChecks(i18n);
        save = new Command(this::save, saving.not());
        name.addListener((o, a, b) -> changed());
        description.addListener((o, a, b) -> changed());
        outline.sections().addListener((ListChangeListener<TemplateSectionItem>) c -> changed());
    }

    // ---- loading -----------------------------------------------------------------------

    /** A new template with one empty section. */
    public void startNew() {
        load(null);
    }

    /** Edits {@code t} (a frozen version is saved as the next version). */
    public void edit(Template t) {
        load(t);
    }

    private void load(Template t) {
        loading = true;
        try {
            original = t;
            name.set(t == null ? "" : nz(t.name()));
            description.set(t == null ? "" : nz(t.description()));
            List<TemplateSectionItem> list = new ArrayList<>();
            if (t == null) {
                list.add(outline.newSection(1));
            } else {
                for (TemplateSection ts : t.sections()) {
                    TemplateSectionItem s = new TemplateSectionItem();
                    s.titleProperty().set(nz(ts.title()));
                    for (Question q : ts.questions()) {
                        s.questions().add(outline.watched(TemplateQuestionItem.of(q)));
                    }
                    list.add(s);
                }
            }
            outline.setAll(list);
            heading.set(t == null ? i18n.get("selfcheck.editor.newTitle")
                    : i18n.get("selfcheck.editor.editTitle", t.label()));
            frozenNotice.set(t != null && t.editCreatesNewVersion()
                    ? i18n.get("selfcheck.editor.frozenNotice", t.version(), t.version() + 1) : "");
        } finally {
            loading = false;
        }
        baseline = toTemplate();
        changed();
    }

    // ---- validation and saving ---------------------------------------------------------

    /** The template as it would be saved now. */
    public Template toTemplate() {
        List<TemplateSection> list = new ArrayList<>();
        for (TemplateSectionItem s : outline.sections()) {
            list.add(new TemplateSection(null, TemplateQuestionItem.strip(s.titleProperty().get()),
                    s.questions().stream().map(TemplateQuestionItem::toQuestion).toList()));
        }
        Long id = original == null ? null : original.id();
        Long family = original == null ? null : original.familyId();
        int version = original == null ? 1 : original.version();
        boolean frozen = original != null && original.frozen();
        return new Template(id, family, version, TemplateQuestionItem.strip(name.get()),
                TemplateQuestionItem.blankToNull(description.get()), frozen, list);
    }

    /** Swedish (or English) messages for everything that stops saving; empty when the template can be saved. */
    public List<String> validate() {
        return checks.check(toTemplate(), outline.sections());
    }

    private void changed() {
        if (loading) {
            return;
        }
        problems.setAll(validate());
        dirty.set(baseline != null && !toTemplate().equals(baseline));
        if (dirty.get()) {
            saveState.set(i18n.get("selfcheck.editor.unsaved"));
        }
    }

    private void save() {
        List<String> found = validate();
        if (!found.isEmpty()) {
            problems.setAll(found);
            saveState.set(i18n.get("selfcheck.editor.notSaved", found.size()));
            return;
        }
        Template t = toTemplate();
        se.kvalitetshjulet.ui.common.PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> service.privacyRefuses(),
                privacyFields(t), () -> store(t));
    }

    /** The template's texts as the editor labels them, for the privacy question before saving. */
    private java.util.List<se.kvalitetshjulet.ui.common.PrivacyQuestion.Field> privacyFields(Template t) {
        var out = new java.util.ArrayList<se.kvalitetshjulet.ui.common.PrivacyQuestion.Field>();
        out.add(se.kvalitetshjulet.ui.common.PrivacyQuestion.field(i18n, "selfcheck.editor.name", t.name()));
        out.add(se.kvalitetshjulet.ui.common.PrivacyQuestion.field(i18n, "selfcheck.editor.description", t.description()));
        String question = i18n.get("selfcheck.editor.question");
        for (int si = 0; si < t.sections().size(); si++) {
            var section = t.sections().get(si);
            out.add(new se.kvalitetshjulet.ui.common.PrivacyQuestion.Field(
                    i18n.get("selfcheck.editor.sections") + " " + (si + 1), section.title()));
            for (int qi = 0; qi < section.questions().size(); qi++) {
                var q = section.questions().get(qi);
                String label = question + " " + (si + 1) + "." + (qi + 1);
                out.add(new se.kvalitetshjulet.ui.common.PrivacyQuestion.Field(label, q.text()));
                out.add(new se.kvalitetshjulet.ui.common.PrivacyQuestion.Field(label, q.helpText()));
                out.add(new se.kvalitetshjulet.ui.common.PrivacyQuestion.Field(label, q.reference()));
                for (String option : q.options()) {
                    out.add(new se.kvalitetshjulet.ui.common.PrivacyQuestion.Field(label, option));
                }
            }
        }
        return out;
    }

    private void store(Template t) {
        saving.set(true);
        saveState.set(i18n.get("selfcheck.template.saving"));
        tasks.run(i18n.get("selfcheck.template.saving"), p -> service.saveTemplate(t), res -> {
            saving.set(false);
            if (!res.ok()) {
                problems.setAll(res.problems().stream().map(i18n::problem).distinct().toList());
                saveState.set(i18n.get("selfcheck.editor.notSaved", res.problems().size()));
                return;
            }
            Template saved = res.value();
            boolean newVersion = t.id() != null && !t.id().equals(saved.id());
            int[] position = outline.position();
            load(saved);
            outline.restore(position);
            saveState.set(i18n.get("selfcheck.editor.saved", saved.label()));
            if (newVersion) {
                dialogs.showInfo(i18n.get("selfcheck.editor.savedTitle"),
                        i18n.get("selfcheck.template.newVersion", saved.version()));
            }
            onSaved.accept(saved);
        }, e -> {
            saving.set(false);
            saveState.set(i18n.get("selfcheck.editor.saveFailed"));
            if (e instanceof IllegalStateException) {
                dialogs.showError(i18n.get("selfcheck.editor.saveFailed"), se.kvalitetshjulet.app.FailureMessages.explain(e));
            } else {
                dialogs.showUnexpected(e);
            }
        });
    }

    /** Whether the window may close: nothing unsaved, or the user agrees to drop the changes. */
    public boolean confirmClose() {
        // named answers, "Avbryt" the default (issue 18); saving is the editor's own button
        return !dirty.get() || dialogs.askUnsaved(i18n.get("selfcheck.editor.discardTitle"),
                i18n.get("selfcheck.editor.discardQuestion"), false) == se.kvalitetshjulet.ui.common.DialogService.Unsaved.DISCARD;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---- accessors ---------------------------------------------------------------------

    public StringProperty headingProperty() { return heading; }
    public StringProperty frozenNoticeProperty() { return frozenNotice; }
    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    public ObservableList<TemplateSectionItem> sections() { return outline.sections(); }
    public ObjectProperty<TemplateSectionItem> selectedSectionProperty() { return outline.selectedSectionProperty(); }
    public ObjectProperty<TemplateQuestionItem> selectedQuestionProperty() { return outline.selectedQuestionProperty(); }
    public ObservableList<String> problems() { return problems; }
    public StringProperty saveStateProperty() { return saveState; }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public BooleanProperty savingProperty() { return saving; }
    public Command saveCommand() { return save; }
    public Command addSectionCommand() { return outline.addSection; }
    public Command removeSectionCommand() { return outline.removeSection; }
    public Command sectionUpCommand() { return outline.sectionUp; }
    public Command sectionDownCommand() { return outline.sectionDown; }
    public Command addQuestionCommand() { return outline.addQuestion; }
    public Command removeQuestionCommand() { return outline.removeQuestion; }
    public Command questionUpCommand() { return outline.questionUp; }
    public Command questionDownCommand() { return outline.questionDown; }
    public I18n i18n() { return i18n; }
}
