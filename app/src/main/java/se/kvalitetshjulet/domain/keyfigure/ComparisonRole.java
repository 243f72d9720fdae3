package se.kvalitetshjulet.domain.keyfigure;

/** Why a municipality is compared with: similar municipalities, the county, the whole country, or chosen freely. */
public enum ComparisonRole { SIMILAR, COUNTY, NATIONAL, OTHER }
