package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
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
 * the next version; rounds that used the old one keep it.
 */
public final class TemplateEditorViewModel {

    /** Avsnitt being edited. */
    public static final class SectionItem {
        private final StringProperty title = new SimpleStringProperty("");
        private final ObservableList<QuestionItem> questions = FXCollections.observableArrayList(
                q -> new Observable[] {q.text, q.type, q.required});

        public StringProperty titleProperty() { return title; }
        public ObservableList<QuestionItem> questions() { return questions; }

        @Override
        public String toString() {
            return title.get();
        }
    }

    /** Fråga being edited; the finding rule is kept as friendly parts (chosen answers, lower and upper limit). */
    public static final class QuestionItem {
        private final Long id;
        private final StringProperty key = new SimpleStringProperty("");
        private final StringProperty text = new SimpleStringProperty("");
        private final ObjectProperty<AnswerType> type = new SimpleObjectProperty<>(AnswerType.YES_NO);
        private final BooleanProperty required = new SimpleBooleanProperty(true);
        private final StringProperty helpText = new SimpleStringProperty("");
        private final StringProperty reference = new SimpleStringProperty("");
        private final StringProperty optionsText = new SimpleStringProperty("");
        private final ObservableSet<String> findingValues = FXCollections.observableSet(new LinkedHashSet<>());
        private final StringProperty below = new SimpleStringProperty("");
        private final StringProperty above = new SimpleStringProperty("");
        /** The key follows the text until the user types a key of their own (new questions only). */
        private boolean autoKey;
        private boolean settingKey;

        QuestionItem(Long id) {
            this.id = id;
            key.addListener((o, a, b) -> {
                if (!settingKey) {
                    autoKey = false;
                }
            });
        }

        public StringProperty keyProperty() { return key; }
        public StringProperty textProperty() { return text; }
        public ObjectProperty<AnswerType> typeProperty() { return type; }
        public BooleanProperty requiredProperty() { return required; }
        public StringProperty helpTextProperty() { return helpText; }
        public StringProperty referenceProperty() { return reference; }
        /** Options of a choice question, one per line. */
        public StringProperty optionsTextProperty() { return optionsText; }
        /** Answers (YES_NO codes or options) that count as a finding. */
        public ObservableSet<String> findingValues() { return findingValues; }
        /** A value below this is a finding (number and percentage). */
        public StringProperty belowProperty() { return below; }
        /** A value above this is a finding (number and percentage). */
        public StringProperty aboveProperty() { return above; }

        /** The options as a list: lines, stripped, empty lines dropped. */
        public List<String> options() {
            return AnswerValues.split(optionsText.get());
        }

        /** The answers a user can mark as findings for the current type. */
        public List<String> choices() {
            AnswerType t = type.get();
            return t == null ? List.of() : t.choices(options());
        }

        void setKey(String k) {
            settingKey = true;
            try {
                key.set(k);
            } finally {
                settingKey = false;
            }
        }

        Question toQuestion() {
            AnswerType t = type.get();
            List<String> opts = t != null && t.hasOptions() ? options() : List.of();
            FindingRule rule = FindingRule.NONE;
            if (t == AnswerType.YES_NO || (t != null && t.hasOptions())) {
                Set<String> values = new LinkedHashSet<>();
                for (String c : t.choices(opts)) {
                    if (findingValues.contains(c)) {
                        values.add(c);
                    }
                }
                rule = new FindingRule(values, null, null);
            } else if (t != null && t.numeric()) {
                rule = new FindingRule(Set.of(), AnswerValues.number(below.get()), AnswerValues.number(above.get()));
            }
            return new Question(id, key.get() == null ? "" : key.get().strip(), strip(text.get()), t, required.get(),
                    blankToNull(helpText.get()), blankToNull(reference.get()), opts, rule);
        }

        @Override
        public String toString() {
            return text.get();
        }
    }

    private final SelfCheckService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Consumer<Template> onSaved;

    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty frozenNotice = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<SectionItem> sections = FXCollections.observableArrayList(
            s -> new Observable[] {s.title, s.questions});
    private final ObjectProperty<SectionItem> selectedSection = new SimpleObjectProperty<>();
    private final ObjectProperty<QuestionItem> selectedQuestion = new SimpleObjectProperty<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty saveState = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final BooleanProperty saving = new SimpleBooleanProperty();

    private final Command save;
    private final Command addSection;
    private final Command removeSection;
    private final Command sectionUp;
    private final Command sectionDown;
    private final Command addQuestion;
    private final Command removeQuestion;
    private final Command questionUp;
    private final Command questionDown;

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
        var hasSection = selectedSection.isNotNull();
        var hasQuestion = selectedQuestion.isNotNull();
        save = new Command(this::save, saving.not());
        addSection = Command.always(this::addSection);
        removeSection = new Command(this::removeSection, hasSection);
        sectionUp = new Command(() -> moveSection(-1), Bindings.createBooleanBinding(
                () -> sections.indexOf(selectedSection.get()) > 0, selectedSection, sections));
        sectionDown = new Command(() -> moveSection(1), Bindings.createBooleanBinding(() -> {
            int i = sections.indexOf(selectedSection.get());
            return i >= 0 && i < sections.size() - 1;
        }, selectedSection, sections));
        addQuestion = new Command(this::addQuestion, hasSection);
        removeQuestion = new Command(this::removeQuestion, hasQuestion);
        questionUp = new Command(() -> moveQuestion(-1), Bindings.createBooleanBinding(() -> {
            SectionItem s = selectedSection.get();
            return s != null && s.questions.indexOf(selectedQuestion.get()) > 0;
        }, selectedSection, selectedQuestion, sections));
        questionDown = new Command(() -> moveQuestion(1), Bindings.createBooleanBinding(() -> {
            SectionItem s = selectedSection.get();
            int i = s == null ? -1 : s.questions.indexOf(selectedQuestion.get());
            return i >= 0 && i < s.questions.size() - 1;
        }, selectedSection, selectedQuestion, sections));

        name.addListener((o, a, b) -> changed());
        description.addListener((o, a, b) -> changed());
        sections.addListener((javafx.collections.ListChangeListener<SectionItem>) c -> changed());
        selectedSection.addListener((o, a, s) -> {
            if (s == null || !s.questions.contains(selectedQuestion.get())) {
                selectedQuestion.set(s == null || s.questions.isEmpty() ? null : s.questions.getFirst());
            }
        });
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
            List<SectionItem> list = new ArrayList<>();
            if (t == null) {
                SectionItem s = new SectionItem();
                s.title.set(i18n.get("selfcheck.editor.defaultSection", 1));
                list.add(s);
            } else {
                for (TemplateSection ts : t.sections()) {
                    SectionItem s = new SectionItem();
                    s.title.set(nz(ts.title()));
                    for (Question q : ts.questions()) {
                        s.questions.add(item(q));
                    }
                    list.add(s);
                }
            }
            sections.setAll(list);
            selectedSection.set(sections.isEmpty() ? null : sections.getFirst());
            selectedQuestion.set(selectedSection.get() == null || selectedSection.get().questions.isEmpty() ? null
                    : selectedSection.get().questions.getFirst());
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

    private QuestionItem item(Question q) {
        QuestionItem item = new QuestionItem(q.id());
        item.setKey(nz(q.key()));
        item.text.set(nz(q.text()));
        item.type.set(q.type());
        item.required.set(q.required());
        item.helpText.set(nz(q.helpText()));
        item.reference.set(nz(q.reference()));
        item.optionsText.set(String.join("\n", q.options()));
        item.findingValues.addAll(q.findingRule().values());
        item.below.set(number(q.findingRule().below()));
        item.above.set(number(q.findingRule().above()));
        watch(item);
        return item;
    }

    private void watch(QuestionItem q) {
        for (Observable o : new Observable[] {q.key, q.text, q.type, q.required, q.helpText, q.reference, q.optionsText,
                q.findingValues, q.below, q.above}) {
            o.addListener(x -> changed());
        }
        q.text.addListener((o, a, b) -> {
            if (q.autoKey) {
                q.setKey(uniqueKey(slug(b), q));
            }
        });
        // Finding answers that are no longer choices (an option removed, the type changed) are dropped.
        Runnable prune = () -> q.findingValues.retainAll(new HashSet<>(q.choices()));
        q.optionsText.addListener((o, a, b) -> prune.run());
        q.type.addListener((o, a, b) -> prune.run());
    }

    // ---- editing -----------------------------------------------------------------------

    private void addSection() {
        SectionItem s = new SectionItem();
        s.title.set(i18n.get("selfcheck.editor.defaultSection", sections.size() + 1));
        sections.add(s);
        selectedSection.set(s);
        selectedQuestion.set(null);
    }

    private void removeSection() {
        SectionItem s = selectedSection.get();
        if (!s.questions.isEmpty() && !dialogs.confirm(i18n.get("selfcheck.editor.removeSection"),
                i18n.get("selfcheck.editor.removeSectionQuestion", s.title.get(), s.questions.size()))) {
            return;
        }
        int i = sections.indexOf(s);
        sections.remove(s);
        selectedSection.set(sections.isEmpty() ? null : sections.get(Math.min(i, sections.size() - 1)));
    }

    private void moveSection(int delta) {
        SectionItem s = selectedSection.get();
        int i = sections.indexOf(s);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= sections.size()) {
            return;
        }
        QuestionItem q = selectedQuestion.get();
        sections.remove(i);
        sections.add(j, s);
        selectedSection.set(s);
        selectedQuestion.set(q);
    }

    private void addQuestion() {
        SectionItem s = selectedSection.get();
        QuestionItem q = new QuestionItem(null);
        q.autoKey = true;
        q.findingValues.addAll(FindingRule.NO_OR_PARTLY.values());
        watch(q);
        q.setKey(uniqueKey("fraga", q));
        int at = s.questions.indexOf(selectedQuestion.get());
        s.questions.add(at < 0 ? s.questions.size() : at + 1, q);
        selectedQuestion.set(q);
    }

    private void removeQuestion() {
        SectionItem s = selectedSection.get();
        QuestionItem q = selectedQuestion.get();
        int i = s.questions.indexOf(q);
        s.questions.remove(q);
        selectedQuestion.set(s.questions.isEmpty() ? null : s.questions.get(Math.min(i, s.questions.size() - 1)));
    }

    private void moveQuestion(int delta) {
        SectionItem s = selectedSection.get();
        QuestionItem q = selectedQuestion.get();
        int i = s.questions.indexOf(q);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= s.questions.size()) {
            return;
        }
        s.questions.remove(i);
        s.questions.add(j, q);
        selectedQuestion.set(q);
    }

    // ---- validation and saving ---------------------------------------------------------

    /** The template as it would be saved now. */
    public Template toTemplate() {
        List<TemplateSection> list = new ArrayList<>();
        for (SectionItem s : sections) {
            list.add(new TemplateSection(null, strip(s.title.get()), s.questions.stream().map(QuestionItem::toQuestion).toList()));
        }
        Long id = original == null ? null : original.id();
        Long family = original == null ? null : original.familyId();
        int version = original == null ? 1 : original.version();
        boolean frozen = original != null && original.frozen();
        return new Template(id, family, version, strip(name.get()), blankToNull(description.get()), frozen, list);
    }

    /** Swedish (or English) messages for everything that stops saving; empty when the template can be saved. */
    public List<String> validate() {
        Template t = toTemplate();
        Set<String> out = new LinkedHashSet<>();
        for (Problem p : t.validate()) {
            out.add(i18n.problem(p));
        }
        for (SectionItem s : sections) {
            if (s.questions.isEmpty()) {
                out.add(i18n.get("selfcheck.editor.sectionEmpty", strip(s.title.get())));
            }
            for (QuestionItem q : s.questions) {
                String text = strip(q.text.get());
                AnswerType type = q.type.get();
                if (type != null && type.hasOptions()) {
                    Set<String> seen = new HashSet<>();
                    for (String opt : q.options()) {
                        if (!seen.add(opt.toLowerCase(Locale.ROOT))) {
                            out.add(i18n.get("selfcheck.editor.optionDuplicate", text, opt));
                        }
                        if (opt.contains("|") || opt.contains(";")) {
                            out.add(i18n.get("selfcheck.editor.optionChars", opt));
                        }
                    }
                }
                if (type != null && type.numeric()) {
                    Double below = limit(q.below.get(), text, type, out);
                    Double above = limit(q.above.get(), text, type, out);
                    if (below != null && above != null && below > above) {
                        out.add(i18n.get("selfcheck.editor.thresholdOrder", text));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private Double limit(String value, String question, AnswerType type, Set<String> out) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Double d = AnswerValues.number(value);
        if (d == null) {
            out.add(i18n.get("selfcheck.editor.thresholdNotNumber", question, value.strip()));
        } else if (type == AnswerType.PERCENTAGE && (d < 0 || d > 100)) {
            out.add(i18n.get("selfcheck.editor.percentRange", question));
        }
        return d;
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
            int[] position = position();
            load(saved);
            restore(position);
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

    private int[] position() {
        SectionItem s = selectedSection.get();
        return new int[] {sections.indexOf(s), s == null ? -1 : s.questions.indexOf(selectedQuestion.get())};
    }

    private void restore(int[] position) {
        if (position[0] >= 0 && position[0] < sections.size()) {
            SectionItem s = sections.get(position[0]);
            selectedSection.set(s);
            selectedQuestion.set(position[1] >= 0 && position[1] < s.questions.size() ? s.questions.get(position[1]) : null);
        }
    }

    /** Whether the window may close: nothing unsaved, or the user agrees to drop the changes. */
    public boolean confirmClose() {
        return !dirty.get() || dialogs.confirm(i18n.get("selfcheck.editor.discardTitle"),
                i18n.get("selfcheck.editor.discardQuestion"));
    }

    // ---- helpers -----------------------------------------------------------------------

    private String uniqueKey(String base, QuestionItem self) {
        Set<String> taken = new HashSet<>();
        for (SectionItem s : sections) {
            for (QuestionItem q : s.questions) {
                if (q != self) {
                    taken.add(q.key.get());
                }
            }
        }
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** A short stable key from question text: lower case, a–z and digits, words joined by '-'. */
    static String slug(String text) {
        String s = text == null ? "" : text.toLowerCase(Locale.ROOT)
                .replace('å', 'a').replace('ä', 'a').replace('ö', 'o').replace('é', 'e')
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 40) {
            int cut = s.lastIndexOf('-', 40);
            s = cut > 0 ? s.substring(0, cut) : s.substring(0, 40);
        }
        return s.isEmpty() ? "fraga" : s;
    }

    private static String number(Double d) {
        if (d == null) {
            return "";
        }
        return d == Math.rint(d) ? Long.toString(d.longValue()) : Double.toString(d).replace('.', ',');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- accessors ---------------------------------------------------------------------

    public StringProperty headingProperty() { return heading; }
    public StringProperty frozenNoticeProperty() { return frozenNotice; }
    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    public ObservableList<SectionItem> sections() { return sections; }
    public ObjectProperty<SectionItem> selectedSectionProperty() { return selectedSection; }
    public ObjectProperty<QuestionItem> selectedQuestionProperty() { return selectedQuestion; }
    public ObservableList<String> problems() { return problems; }
    public StringProperty saveStateProperty() { return saveState; }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public BooleanProperty savingProperty() { return saving; }
    public Command saveCommand() { return save; }
    public Command addSectionCommand() { return addSection; }
    public Command removeSectionCommand() { return removeSection; }
    public Command sectionUpCommand() { return sectionUp; }
    public Command sectionDownCommand() { return sectionDown; }
    public Command addQuestionCommand() { return addQuestion; }
    public Command removeQuestionCommand() { return removeQuestion; }
    public Command questionUpCommand() { return questionUp; }
    public Command questionDownCommand() { return questionDown; }
    public I18n i18n() { return i18n; }
}
