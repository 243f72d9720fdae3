package se.kvalitetshjulet.domain;

/** A record with the version it was read at (decision 10). */
public record Versioned<T>(T value, long version) {
}
