package se.kvalitetshjulet.domain.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.kvalitetshjulet.domain.Problem;

/**
 * What a response must satisfy: every required question answered, and every answer valid for
 * its type (a number, a percentage 0–100, a date, one of the choices). Drafts are saved
 * whatever their state; these rules apply when the unit submits.
 */
public final class SubmissionRules {
    private SubmissionRules() {
    }

    /** Problems in one answer's value, whether or not the question is required. */
    public static List<Problem> checkValue(Question q, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String field = "q" + q.id();
        return switch (q.type()) {
            case NUMBER -> AnswerValues.number(value) == null
                    ? List.of(new Problem(field, "selfcheck.answer.notANumber", q.text())) : List.of();
            case PERCENTAGE -> {
                Double d = AnswerValues.number(value);
                yield d == null || d < 0 || d > 100
                        ? List.of(new Problem(field, "selfcheck.answer.notAPercentage", q.text())) : List.of();
            }
            case DATE -> AnswerValues.isDate(value) ? List.of()
                    : List.of(new Problem(field, "selfcheck.answer.notADate", q.text()));
            case YES_NO, SINGLE_CHOICE -> q.choices().contains(value) ? List.of()
                    : List.of(new Problem(field, "selfcheck.answer.notAChoice", q.text()));
            case MULTIPLE_CHOICE -> q.choices().containsAll(AnswerValues.split(value)) ? List.of()
                    : List.of(new Problem(field, "selfcheck.answer.notAChoice", q.text()));
            case TEXT -> List.of();
        };
    }

    /** Everything that stops {@code answers} (by question id) from being submitted. */
    public static List<Problem> validate(Template t, Map<Long, String> answers) {
        List<Problem> problems = new ArrayList<>();
        for (TemplateSection s : t.sections()) {
            for (Question q : s.questions()) {
                String v = answers.get(q.id());
                if (q.required() && (v == null || v.isBlank())) {
                    problems.add(new Problem("q" + q.id(), "selfcheck.answer.required", s.title(), q.text()));
                }
                problems.addAll(checkValue(q, v));
            }
        }
        return problems;
    }

    /** Answered required questions, for the progress shown while filling in. */
    public static long answeredRequired(Template t, Map<Long, String> answers) {
        return t.questions().filter(Question::required)
                .filter(q -> answers.get(q.id()) != null && !answers.get(q.id()).isBlank()).count();
    }

    public static long required(Template t) {
        return t.questions().filter(Question::required).count();
    }
}
