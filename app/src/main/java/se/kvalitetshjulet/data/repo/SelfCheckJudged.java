package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ANSWER;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_QUESTION;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.domain.selfcheck.AnswerType;

/**
 * Which self-check answers can be judged (bedömbara svar), the base of every compliance share: answered, the
 * question has a finding rule (or the answer was marked a finding), and not "ej aktuellt" — a question that does
 * not apply to the unit is neither compliance nor a finding, so it must not raise the share. One definition for the
 * compilation and the compliance chart, so that they always agree.
 */
final class SelfCheckJudged {
    private SelfCheckJudged() {
    }

    static final String NOT_APPLICABLE = AnswerType.YES_NO_VALUES.get(3);

    /** Needs self_check_answer joined with self_check_question. */
    static Condition condition() {
        return SELF_CHECK_ANSWER.ANSWER_VALUE.isNotNull()
                .and(SELF_CHECK_QUESTION.FINDING_RULE.isNotNull().or(SELF_CHECK_ANSWER.FINDING.isTrue()))
                .and(DSL.not(SELF_CHECK_QUESTION.ANSWER_TYPE.eq(AnswerType.YES_NO.name())
                        .and(SELF_CHECK_ANSWER.ANSWER_VALUE.eq(NOT_APPLICABLE))));
    }
}
