package se.kvalitetshjulet.domain.selfcheck;

import se.kvalitetshjulet.domain.deviation.Measure;

/** An improvement action raised from an answer, with the question's reference (routine). */
public record FindingAction(long responseId, long questionId, Measure measure, String reference) { }
