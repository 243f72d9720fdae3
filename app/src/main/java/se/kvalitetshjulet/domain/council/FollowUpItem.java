package se.kvalitetshjulet.domain.council;

import se.kvalitetshjulet.domain.deviation.Measure;

/**
 * One action to follow up at a meeting: a decision of an earlier meeting (decided on {@code decidedAt}),
 * and the outcome recorded at this meeting ({@code null} until recorded).
 */
public record FollowUpItem(Measure action, long decidedAtMeetingId, FollowUpOutcome outcome, String note) { }
