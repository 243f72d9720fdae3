package se.kvalitetshjulet.domain.plan;

/** Kvalitetsplan: one unit's or section's improvement work for a year. */
public record QualityPlan(Long id, long unitId, int year, String title) { }
