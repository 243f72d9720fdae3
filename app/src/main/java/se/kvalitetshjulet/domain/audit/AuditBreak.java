package se.kvalitetshjulet.domain.audit;

/** One break in the chain found by {@code AuditTrail.verify}: the row id (0 for the chain head) and what is wrong. */
public record AuditBreak(long id, String problem) { }
