package se.kvalitetshjulet.domain.keyfigure;

import java.time.LocalDate;

/**
 * Individuppföljning (seed 000): a case officer's follow-up of one person's insats, recorded without identifying the
 * person — {@code caseRef} is a pseudonymous case reference, never a personnummer or a name. Each yes/no answer is
 * {@code null} when it was not assessed; it then counts in no share.
 */
public record FollowUp(Long id, String caseRef, LocalDate date, long unitId, String insats, Boolean planExists,
                       Boolean planUpToDate, Boolean meetsDecision, Boolean wishesFollowedUp, String remark) {
    public Boolean answer(FollowUpMeasure m) {
        return switch (m) {
            case PLAN_EXISTS -> planExists;
            case PLAN_UP_TO_DATE -> planUpToDate;
            case MEETS_DECISION -> meetsDecision;
            case WISHES_FOLLOWED_UP -> wishesFollowedUp;
        };
    }
}
