package se.kvalitetshjulet.ui.selfcheck;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;

/**
 * A fråga of a self-check template being edited. The finding rule is kept as friendly parts (chosen answers, lower and
 * upper limit) and turned back into a {@link FindingRule} by {@link #toQuestion()}.
 */
public final class TemplateQuestionItem {
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
    boolean autoKey;
    private boolean settingKey;

    TemplateQuestionItem(Long id) {
        this.id = id;
        key.addListener((o, a, b) -> {
            if (!settingKey) {
                autoKey = false;
            }
        });
    }

    /** The editable parts of a stored question. */
    static TemplateQuestionItem of(Question q) {
        TemplateQuestionItem item = new TemplateQuestionItem(q.id());
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
        return item;
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

    /** Everything the user can change, for listeners that mark the template as changed. */
    Observable[] editables() {
        return new Observable[] {key, text, type, required, helpText, reference, optionsText, findingValues, below, above};
    }

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

    private static String number(Double d) {
        if (d == null) {
            return "";
        }
        return d == Math.rint(d) ? Long.toString(d.longValue()) : Double.toString(d).replace('.', ',');
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
