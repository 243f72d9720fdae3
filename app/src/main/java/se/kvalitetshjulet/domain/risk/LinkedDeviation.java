package se.kvalitetshjulet.domain.risk;

/** A deviation linked to an event analysis. */
public record LinkedDeviation(long id, String caseRef, String title) { }
