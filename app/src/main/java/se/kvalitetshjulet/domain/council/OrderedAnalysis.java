package se.kvalitetshjulet.domain.council;

/** A risk or event analysis ordered from a decision. */
public record OrderedAnalysis(long actionId, long analysisId, String title, String status) { }
