package se.kvalitetshjulet.domain.selfcheck;

import java.util.List;

/**
 * Fråga: one question of a self-check template. {@code key} is stable across versions of a
 * template (so answers can be compared between rounds); {@code reference} is the law,
 * regulation or local routine as editable text.
 */
public record Question(Long id, String key, String text, AnswerType type, boolean required, String helpText,
                       String reference, List<String> options, FindingRule findingRule) {
    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        findingRule = findingRule == null ? FindingRule.NONE : findingRule;
    }

    public boolean isFinding(String value) {
        return findingRule.isFinding(type, value);
    }

    public List<String> choices() {
        return type.choices(options);
    }

    public Question withoutId() {
        return new Question(null, key, text, type, required, helpText, reference, options, findingRule);
    }

    public Question withText(String newText) {
        return new Question(id, key, newText, type, required, helpText, reference, options, findingRule);
    }
}
