package se.kvalitetshjulet.domain.risk;

/** Bakomliggande orsak i systemet, by category (kommunikation, rutiner …) with a description. */
public record UnderlyingCause(CauseCategory category, String text) {
}
