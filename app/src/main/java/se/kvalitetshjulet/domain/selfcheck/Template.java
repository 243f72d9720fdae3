package se.kvalitetshjulet.domain.selfcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import se.kvalitetshjulet.domain.Problem;

/**
 * Mall för egenkontroll: a versioned self-check form. All versions of one form share a
 * {@code familyId}. A version used by a round is {@code frozen}: it is never changed again,
 * editing it creates the next version, so what units answered stays true.
 */
public record Template(Long id, Long familyId, int version, String name, String description, boolean frozen,
                       List<TemplateSection> sections) {
    public Template {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public static Template draft(String name, String description, List<TemplateSection> sections) {
        return new Template(null, null, 1, name, description, false, sections);
    }

    public Stream<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream());
    }

    public Optional<Question> question(long questionId) {
        return questions().filter(q -> q.id() != null && q.id() == questionId).findFirst();
    }

    /** Saving this template must create a new version instead of changing it in place. */
    public boolean editCreatesNewVersion() {
        return id != null && frozen;
    }

    /** The next version of this form with the given content: same family, no ids, not frozen. */
    public Template nextVersion(int newVersion) {
        return new Template(null, familyId, newVersion, name, description, false,
                sections.stream().map(TemplateSection::withoutIds).toList());
    }

    /** An independent copy (a new form with its own history). */
    public Template duplicate(String newName) {
        return new Template(null, null, 1, newName, description, false,
                sections.stream().map(TemplateSection::withoutIds).toList());
    }

    public Template withName(String newName) {
        return new Template(id, familyId, version, newName, description, frozen, sections);
    }

    public Template withSections(List<TemplateSection> newSections) {
        return new Template(id, familyId, version, name, description, frozen, newSections);
    }

    public String label() {
        return name + " (v" + version + ")";
    }

    /** Problems that stop the template from being saved; message keys under {@code selfcheck.template.}. */
    public List<Problem> validate() {
        List<Problem> p = new ArrayList<>();
        if (name == null || name.isBlank()) {
            p.add(new Problem("name", "selfcheck.template.nameRequired"));
        }
        if (questions().findAny().isEmpty()) {
            p.add(new Problem("sections", "selfcheck.template.noQuestions"));
        }
        Set<String> keys = new HashSet<>();
        for (TemplateSection s : sections) {
            if (s.title() == null || s.title().isBlank()) {
                p.add(new Problem("sections", "selfcheck.template.sectionTitleRequired"));
            }
            for (Question q : s.questions()) {
                if (q.text() == null || q.text().isBlank()) {
                    p.add(new Problem("questions", "selfcheck.template.questionTextRequired", s.title()));
                }
                if (q.type() == null) {
                    p.add(new Problem("questions", "selfcheck.template.typeRequired", q.text()));
                } else if (q.type().hasOptions() && q.options().size() < 2) {
                    p.add(new Problem("questions", "selfcheck.template.optionsRequired", q.text()));
                }
                if (q.key() == null || q.key().isBlank() || !keys.add(q.key())) {
                    p.add(new Problem("questions", "selfcheck.template.keyUnique", q.text()));
                }
            }
        }
        return p;
    }
}
