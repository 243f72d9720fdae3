package se.kvalitetshjulet.domain.deviation;

/** Sortable columns of the register. */
public enum DeviationSort { REGISTERED_ON, CASE_REF, KIND, STATUS, UNIT, CATEGORY, DUE_ON, TITLE }
