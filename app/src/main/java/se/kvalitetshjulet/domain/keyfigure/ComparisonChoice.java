package se.kvalitetshjulet.domain.keyfigure;

/** A comparison municipality with its role. */
public record ComparisonChoice(String code, ComparisonRole role) { }
