package se.kvalitetshjulet.domain.keyfigure;

/** A municipality (or group, county, the whole country) compared with, and the role it was chosen in. */
public record Comparison(String code, ComparisonRole role) { }
