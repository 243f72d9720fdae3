package se.kvalitetshjulet.domain.selfcheck;

import java.util.List;

/**
 * One answer as shown when the coordinator looks into a compilation: a unit's answer to a question with its
 * comment, whether it is a finding, and the improvement actions raised from it. Used both for "all answers of one
 * unit" and "every unit's answer to one question". {@code value} is as stored ({@link AnswerValues}); null when
 * not answered (or not submitted, for the answers of one question).
 */
public record AnswerDetail(long responseId, String unitName, ResponseStatus status, String section, String question,
                           AnswerType type, String value, String comment, boolean finding, List<String> actions) {
    public AnswerDetail {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
