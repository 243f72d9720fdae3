package se.kvalitetshjulet.domain;

/** A saved filter's name and definition. */
public record SavedFilter(String name, String definition) { }
