package se.kvalitetshjulet.domain.keyfigure;

/** One municipality in a comparison: its value (with interval, respondents, response rate) and the verdict against ours. */
public record ComparisonRow(String code, ComparisonRole role, boolean own, ComparedValue value, Verdict againstOwn) { }
