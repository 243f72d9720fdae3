package se.kvalitetshjulet.domain.audit;

/** One field that changed: its column name and the values before and after (as stored, masked). */
public record AuditChange(String field, Object before, Object after) { }
