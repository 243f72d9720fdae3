package se.kvalitetshjulet.domain.selfcheck;

/** A template family (all versions of one self-check template) by its newest name. */
public record TemplateFamily(long familyId, String name) { }
