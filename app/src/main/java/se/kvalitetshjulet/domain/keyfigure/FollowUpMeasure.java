package se.kvalitetshjulet.domain.keyfigure;

/** The shares the aggregated follow-up reports: each is "yes" among the follow-ups where it was assessed. */
public enum FollowUpMeasure {
    /** Genomförandeplan finns. */
    PLAN_EXISTS,
    /** Genomförandeplanen är aktuell (among those with a plan). */
    PLAN_UP_TO_DATE,
    /** Insatsen motsvarar beslutet. */
    MEETS_DECISION,
    /** Personens önskemål har följts upp. */
    WISHES_FOLLOWED_UP
}
