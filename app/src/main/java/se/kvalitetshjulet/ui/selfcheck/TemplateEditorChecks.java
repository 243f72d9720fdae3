package se.kvalitetshjulet.ui.selfcheck;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * What stops a template from being saved, in the user's language: the domain rules of {@link Template#validate()}
 * plus the checks only an editor needs (sections without questions, options that repeat or cannot be stored,
 * thresholds that are not numbers, percentages outside 0–100, a lower limit above the upper one).
 */
final class TemplateEditorChecks {
    private final I18n i18n;

    TemplateEditorChecks(I18n i18n) {
        this.i18n = i18n;
    }

    /** The messages, each once, in the order found; empty when {@code t} can be saved. */
    List<String> check(Template t, List<TemplateSectionItem> sections) {
        Set<String> out = new LinkedHashSet<>();
        for (Problem p : t.validate()) {
            out.add(i18n.problem(p));
        }
        for (TemplateSectionItem s : sections) {
            if (s.questions().isEmpty()) {
                out.add(i18n.get("selfcheck.editor.sectionEmpty", TemplateQuestionItem.strip(s.titleProperty().get())));
            }
            for (TemplateQuestionItem q : s.questions()) {
                checkQuestion(q, out);
            }
        }
        return List.copyOf(out);
    }

    private void checkQuestion(TemplateQuestionItem q, Set<String> out) {
        String text = TemplateQuestionItem.strip(q.textProperty().get());
        AnswerType type = q.typeProperty().get();
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
            Double below = limit(q.belowProperty().get(), text, type, out);
            Double above = limit(q.aboveProperty().get(), text, type, out);
            if (below != null && above != null && below > above) {
                out.add(i18n.get("selfcheck.editor.thresholdOrder", text));
            }
        }
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
}
