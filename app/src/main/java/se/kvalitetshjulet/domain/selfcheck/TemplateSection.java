package se.kvalitetshjulet.domain.selfcheck;

import java.util.List;

/** Avsnitt: a titled group of questions in a template. */
public record TemplateSection(Long id, String title, List<Question> questions) {
    public TemplateSection {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public TemplateSection withoutIds() {
        return new TemplateSection(null, title, questions.stream().map(Question::withoutId).toList());
    }
}
