package se.kvalitetshjulet.ui.selfcheck;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The outline of a template being edited: its sections and their questions, which of them is chosen, and the commands
 * that add, remove and move them. New questions get a key that follows their text until the user types one of their
 * own; keys stay unique in the template. Every change of a question is reported to {@code onChange}.
 */
final class TemplateOutline {
    private final DialogService dialogs;
    private final I18n i18n;
    private final Runnable onChange;

    private final ObservableList<TemplateSectionItem> sections = FXCollections.observableArrayList(
            s -> new Observable[] {s.titleProperty(), s.questions()});
    private final ObjectProperty<TemplateSectionItem> selectedSection = new SimpleObjectProperty<>();
    private final ObjectProperty<TemplateQuestionItem> selectedQuestion = new SimpleObjectProperty<>();

    final Command addSection;
    final Command removeSection;
    final Command sectionUp;
    final Command sectionDown;
    final Command addQuestion;
    final Command removeQuestion;
    final Command questionUp;
    final Command questionDown;

    TemplateOutline(DialogService dialogs, I18n i18n, Runnable onChange) {
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.onChange = onChange;
        var hasSection = selectedSection.isNotNull();
        addSection = Command.always(this::addSection);
        removeSection = new Command(this::removeSection, hasSection);
        sectionUp = new Command(() -> moveSection(-1), Bindings.createBooleanBinding(
                () -> sections.indexOf(selectedSection.get()) > 0, selectedSection, sections));
        sectionDown = new Command(() -> moveSection(1), Bindings.createBooleanBinding(() -> {
            int i = sections.indexOf(selectedSection.get());
            return i >= 0 && i < sections.size() - 1;
        }, selectedSection, sections));
        addQuestion = new Command(this::addQuestion, hasSection);
        removeQuestion = new Command(this::removeQuestion, selectedQuestion.isNotNull());
        questionUp = new Command(() -> moveQuestion(-1), Bindings.createBooleanBinding(() -> {
            TemplateSectionItem s = selectedSection.get();
            return s != null && s.questions().indexOf(selectedQuestion.get()) > 0;
        }, selectedSection, selectedQuestion, sections));
        questionDown = new Command(() -> moveQuestion(1), Bindings.createBooleanBinding(() -> {
            TemplateSectionItem s = selectedSection.get();
            int i = s == null ? -1 : s.questions().indexOf(selectedQuestion.get());
            return i >= 0 && i < s.questions().size() - 1;
        }, selectedSection, selectedQuestion, sections));
        selectedSection.addListener((o, a, s) -> {
            if (s == null || !s.questions().contains(selectedQuestion.get())) {
                selectedQuestion.set(s == null || s.questions().isEmpty() ? null : s.questions().getFirst());
            }
        });
    }

    ObservableList<TemplateSectionItem> sections() { return sections; }
    ObjectProperty<TemplateSectionItem> selectedSectionProperty() { return selectedSection; }
    ObjectProperty<TemplateQuestionItem> selectedQuestionProperty() { return selectedQuestion; }

    /** A section with the default title "Avsnitt n". */
    TemplateSectionItem newSection(int n) {
        TemplateSectionItem s = new TemplateSectionItem();
        s.titleProperty().set(i18n.get("selfcheck.editor.defaultSection", n));
        return s;
    }

    /** Replaces the outline and chooses the first section and its first question. */
    void setAll(List<TemplateSectionItem> list) {
        sections.setAll(list);
        selectedSection.set(sections.isEmpty() ? null : sections.getFirst());
        selectedQuestion.set(selectedSection.get() == null || selectedSection.get().questions().isEmpty() ? null
                : selectedSection.get().questions().getFirst());
    }

    /** Reports every change of {@code q} and keeps its key and finding answers in step with its text and options. */
    TemplateQuestionItem watched(TemplateQuestionItem q) {
        for (Observable o : q.editables()) {
            o.addListener(x -> onChange.run());
        }
        q.textProperty().addListener((o, a, b) -> {
            if (q.autoKey) {
                q.setKey(uniqueKey(slug(b), q));
            }
        });
        // Finding answers that are no longer choices (an option removed, the type changed) are dropped.
        Runnable prune = () -> q.findingValues().retainAll(new HashSet<>(q.choices()));
        q.optionsTextProperty().addListener((o, a, b) -> prune.run());
        q.typeProperty().addListener((o, a, b) -> prune.run());
        return q;
    }

    /** Which section and question are chosen, by position (to choose the same after a reload). */
    int[] position() {
        TemplateSectionItem s = selectedSection.get();
        return new int[] {sections.indexOf(s), s == null ? -1 : s.questions().indexOf(selectedQuestion.get())};
    }

    void restore(int[] position) {
        if (position[0] >= 0 && position[0] < sections.size()) {
            TemplateSectionItem s = sections.get(position[0]);
            selectedSection.set(s);
            selectedQuestion.set(position[1] >= 0 && position[1] < s.questions().size()
                    ? s.questions().get(position[1]) : null);
        }
    }

    // ---- editing -----------------------------------------------------------------------

    private void addSection() {
        TemplateSectionItem s = newSection(sections.size() + 1);
        sections.add(s);
        selectedSection.set(s);
        selectedQuestion.set(null);
    }

    private void removeSection() {
        TemplateSectionItem s = selectedSection.get();
        if (!s.questions().isEmpty() && !dialogs.confirm(i18n.get("selfcheck.editor.removeSection"),
                i18n.get("selfcheck.editor.removeSectionQuestion", s.titleProperty().get(), s.questions().size()))) {
            return;
        }
        int i = sections.indexOf(s);
        sections.remove(s);
        selectedSection.set(sections.isEmpty() ? null : sections.get(Math.min(i, sections.size() - 1)));
    }

    private void moveSection(int delta) {
        TemplateSectionItem s = selectedSection.get();
        int i = sections.indexOf(s);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= sections.size()) {
            return;
        }
        TemplateQuestionItem q = selectedQuestion.get();
        sections.remove(i);
        sections.add(j, s);
        selectedSection.set(s);
        selectedQuestion.set(q);
    }

    private void addQuestion() {
        TemplateSectionItem s = selectedSection.get();
        TemplateQuestionItem q = new TemplateQuestionItem(null);
        q.autoKey = true;
        q.findingValues().addAll(FindingRule.NO_OR_PARTLY.values());
        watched(q);
        q.setKey(uniqueKey("fraga", q));
        int at = s.questions().indexOf(selectedQuestion.get());
        s.questions().add(at < 0 ? s.questions().size() : at + 1, q);
        selectedQuestion.set(q);
    }

    private void removeQuestion() {
        TemplateSectionItem s = selectedSection.get();
        TemplateQuestionItem q = selectedQuestion.get();
        int i = s.questions().indexOf(q);
        s.questions().remove(q);
        selectedQuestion.set(s.questions().isEmpty() ? null
                : s.questions().get(Math.min(i, s.questions().size() - 1)));
    }

    private void moveQuestion(int delta) {
        TemplateSectionItem s = selectedSection.get();
        TemplateQuestionItem q = selectedQuestion.get();
        int i = s.questions().indexOf(q);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= s.questions().size()) {
            return;
        }
        s.questions().remove(i);
        s.questions().add(j, q);
        selectedQuestion.set(q);
    }

    // ---- keys --------------------------------------------------------------------------

    private String uniqueKey(String base, TemplateQuestionItem self) {
        Set<String> taken = new HashSet<>();
        for (TemplateSectionItem s : sections) {
            for (TemplateQuestionItem q : s.questions()) {
                if (q != self) {
                    taken.add(q.keyProperty().get());
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
}
