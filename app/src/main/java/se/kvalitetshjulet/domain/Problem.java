package se.kvalitetshjulet.domain;

/**
 * A validation problem: the field it concerns and a message key that the UI or command
 * line resolves to Swedish (or English) text, with optional arguments.
 */
public record Problem(String field, String messageKey, Object... args) {
}
