package se.kvalitetshjulet.domain.deviation;

public enum TaxonomyKind { CATEGORY, CAUSE, MEASURE_TYPE }
