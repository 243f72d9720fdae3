package se.kvalitetshjulet.domain.council;

/** Uppföljning av ett beslut vid nästa råd: genomfört, inte genomfört, flyttat till nästa möte. */
public enum FollowUpOutcome { DONE, NOT_DONE, CARRIED_OVER }
