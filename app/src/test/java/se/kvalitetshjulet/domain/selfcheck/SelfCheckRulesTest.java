package se.kvalitetshjulet.domain.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.Problem;

class SelfCheckRulesTest {
    private static Question q(long id, String key, AnswerType type, boolean required, List<String> options, FindingRule rule) {
        return new Question(id, key, "Fråga " + key, type, required, null, null, options, rule);
    }

    private static Template template(boolean frozen) {
        return new Template(7L, 7L, 1, "Hygien", null, frozen, List.of(new TemplateSection(1L, "Följsamhet", List.of(
                q(1, "a", AnswerType.YES_NO, true, List.of(), FindingRule.NO_OR_PARTLY),
                q(2, "b", AnswerType.PERCENTAGE, true, List.of(), FindingRule.below(90)),
                q(3, "c", AnswerType.DATE, false, List.of(), FindingRule.NONE),
                q(4, "d", AnswerType.MULTIPLE_CHOICE, false, List.of("X", "Y", "Inga"), FindingRule.values("X", "Y"))))));
    }

    @Test
    void aFrozenVersionIsEditedIntoTheNextVersionOfTheSameFamilyWithoutIds() {
        Template frozen = template(true);
        assertThat(frozen.editCreatesNewVersion()).isTrue();
        assertThat(template(false).editCreatesNewVersion()).isFalse();
        Template next = frozen.nextVersion(2);
        assertThat(next.id()).isNull();
        assertThat(next.familyId()).isEqualTo(7L);
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.frozen()).isFalse();
        assertThat(next.questions()).allMatch(x -> x.id() == null);
        assertThat(next.questions().map(Question::key)).containsExactly("a", "b", "c", "d");
        Template copy = frozen.duplicate("Kopia");
        assertThat(copy.familyId()).isNull();
        assertThat(copy.version()).isEqualTo(1);
    }

    @Test
    void findingRulesFollowTheAnswerType() {
        Template t = template(false);
        assertThat(t.question(1).orElseThrow().isFinding("NEJ")).isTrue();
        assertThat(t.question(1).orElseThrow().isFinding("DELVIS")).isTrue();
        assertThat(t.question(1).orElseThrow().isFinding("JA")).isFalse();
        assertThat(t.question(1).orElseThrow().isFinding("EJ_AKTUELLT")).isFalse();
        assertThat(t.question(2).orElseThrow().isFinding("89,5")).isTrue();
        assertThat(t.question(2).orElseThrow().isFinding("90")).isFalse();
        assertThat(t.question(3).orElseThrow().isFinding("2026-01-01")).isFalse();
        assertThat(t.question(4).orElseThrow().isFinding("Inga")).isFalse();
        assertThat(t.question(4).orElseThrow().isFinding("Inga\nY")).isTrue();
        assertThat(FindingRule.decode(FindingRule.values("NEJ", "DELVIS").encode())).isEqualTo(FindingRule.NO_OR_PARTLY);
        assertThat(FindingRule.decode("below:80.0;above:100.0")).isEqualTo(new FindingRule(java.util.Set.of(), 80.0, 100.0));
    }

    @Test
    void resultPhraseComesFromTheShareOfFindings() {
        assertThat(ResultLevel.of(false, 0, 0).phrase()).isEqualTo("Har ännu inte följts upp");
        assertThat(ResultLevel.of(true, 0, 8).phrase()).isEqualTo("Inga anmärkningar");
        assertThat(ResultLevel.of(true, 1, 8).phrase()).isEqualTo("Vissa brister har konstaterats");
        assertThat(ResultLevel.of(true, 2, 8).phrase()).isEqualTo("Brister har konstaterats");
        assertThat(ResultLevel.of(true, 5, 8)).isEqualTo(ResultLevel.DEFICIENCIES);
    }

    @Test
    void submissionNeedsEveryRequiredAnswerAndValidValues() {
        Template t = template(false);
        Map<Long, String> answers = new HashMap<>();
        answers.put(3L, "inte ett datum");
        List<Problem> problems = SubmissionRules.validate(t, answers);
        assertThat(problems).extracting(Problem::messageKey).containsExactlyInAnyOrder(
                "selfcheck.answer.required", "selfcheck.answer.required", "selfcheck.answer.notADate");
        answers.put(1L, "JA");
        answers.put(2L, "120");
        answers.put(3L, "2026-03-02");
        assertThat(SubmissionRules.validate(t, answers)).extracting(Problem::messageKey)
                .containsExactly("selfcheck.answer.notAPercentage");
        answers.put(2L, "95");
        assertThat(SubmissionRules.validate(t, answers)).isEmpty();
        assertThat(SubmissionRules.answeredRequired(t, answers)).isEqualTo(2);
        assertThat(SubmissionRules.required(t)).isEqualTo(2);
    }

    @Test
    void aTemplateNeedsANameQuestionsAndOptionsForChoices() {
        Template bad = Template.draft(" ", null, List.of(new TemplateSection(null, "A", List.of(
                new Question(null, "x", "Välj", AnswerType.SINGLE_CHOICE, true, null, null, List.of("Bara en"), null),
                new Question(null, "x", "Igen", AnswerType.TEXT, false, null, null, null, null)))));
        assertThat(bad.validate()).extracting(Problem::messageKey).containsExactlyInAnyOrder(
                "selfcheck.template.nameRequired", "selfcheck.template.optionsRequired", "selfcheck.template.keyUnique");
    }
}
