package se.kvalitetshjulet.domain.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.selfcheck.Handover.KeyedAnswer;

/** Matching answers by question key, validating them, and when a file is in the way of stored answers. */
class HandoverTest {
    private static final Template T = new Template(1L, 1L, 1, "Lex Sarah", null, true, List.of(new TemplateSection(1L,
            "Rutiner", List.of(
                    new Question(10L, "kand", "Känner personalen till rutinen?", AnswerType.YES_NO, true, null, null,
                            List.of(), FindingRule.NO_OR_PARTLY),
                    new Question(11L, "andel", "Andel utbildade", AnswerType.PERCENTAGE, true, null, null, List.of(),
                            FindingRule.below(80)),
                    new Question(12L, "ovrigt", "Övrigt", AnswerType.TEXT, false, null, null, List.of(), null)))));

    private static AnswerFileBuilder file(List<KeyedAnswer> answers, ResponseStatus status) {
        return new AnswerFileBuilder(answers, status);
    }

    private record AnswerFileBuilder(List<KeyedAnswer> answers, ResponseStatus status) {
        Handover.AnswerFile build() {
            return new Handover.AnswerFile(new Handover.RoundRef("u", "R", null, null, null), "fp", "Lex Sarah", 1, 5,
                    "Sektion A", null, status, null, null, answers, List.of(), null, null);
        }
    }

    @Test
    void answersAreKeyedInTemplateOrderWithTheirFindingsAndMappedBackByKey() {
        var keyed = Handover.keyed(T, Map.of(11L, new Answer(1L, 11L, "70", null),
                10L, new Answer(2L, 10L, "JA", " "), 12L, new Answer(3L, 12L, null, "Bara en kommentar")));
        assertThat(keyed).containsExactly(new KeyedAnswer("kand", "JA", null, false),
                new KeyedAnswer("andel", "70", null, true), new KeyedAnswer("ovrigt", null, "Bara en kommentar", false));
        assertThat(Handover.toAnswers(T, List.of(new KeyedAnswer("andel", "95", "ok", false))))
                .containsExactly(new Answer(null, 10L, null, null), new Answer(null, 11L, "95", "ok"),
                        new Answer(null, 12L, null, null));
    }

    @Test
    void invalidValuesUnknownKeysAndMissingRequiredAnswersOfASubmittedFileAreReported() {
        assertThat(Handover.validate(T, List.of(new KeyedAnswer("kand", "KANSKE", null, false),
                new KeyedAnswer("saknas", "JA", null, false), new KeyedAnswer("kand", "JA", null, false)), false))
                .extracting(Problem::messageKey).containsExactly("selfcheck.answer.notAChoice",
                        "selfcheck.handover.unknownQuestion", "selfcheck.handover.repeatedQuestion");
        assertThat(Handover.validate(T, List.of(new KeyedAnswer("kand", "JA", null, false)), false)).isEmpty();
        assertThat(Handover.validate(T, List.of(new KeyedAnswer("kand", "JA", null, false)), true))
                .extracting(Problem::messageKey).containsExactly("selfcheck.answer.required");
    }

    @Test
    void onlyDifferentAnswersOverContentOrASubmissionAreAConflict() {
        var file = file(List.of(new KeyedAnswer("kand", "NEJ", null, true), new KeyedAnswer("andel", "80,0", null, false)),
                ResponseStatus.SUBMITTED).build();
        assertThat(Handover.conflicts(T, ResponseStatus.NOT_STARTED, Map.of(), file)).isFalse();
        assertThat(Handover.conflicts(T, ResponseStatus.DRAFT, Map.of(10L, new Answer(1L, 10L, null, "  ")), file))
                .as("an empty draft is not in the way").isFalse();
        Map<Long, Answer> same = Map.of(10L, new Answer(1L, 10L, "NEJ", null), 11L, new Answer(2L, 11L, "80", null));
        assertThat(Handover.conflicts(T, ResponseStatus.DRAFT, same, file)).as("80,0 is stored as 80").isFalse();
        Map<Long, Answer> other = Map.of(10L, new Answer(1L, 10L, "JA", null));
        assertThat(Handover.conflicts(T, ResponseStatus.DRAFT, other, file)).isTrue();
        assertThat(Handover.conflicts(T, ResponseStatus.SUBMITTED, Map.of(), file)).isTrue();
    }
}
