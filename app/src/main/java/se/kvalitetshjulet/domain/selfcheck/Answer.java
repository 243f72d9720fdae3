package se.kvalitetshjulet.domain.selfcheck;

/** Svar: a unit's answer to one question (value as stored by {@link AnswerValues}) with an optional comment. */
public record Answer(Long id, long questionId, String value, String comment) {
    public boolean answered() {
        return value != null && !value.isBlank();
    }
}
