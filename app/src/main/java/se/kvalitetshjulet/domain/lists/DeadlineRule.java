package se.kvalitetshjulet.domain.lists;

/**
 * A deadline rule: the number of days from registration within which a kind of case must reach its step, and the
 * legal reference it rests on. {@code kind} is a deviation kind's name or another rule's key (for example the IVO
 * notification of a serious lex Sarah case).
 */
public record DeadlineRule(String kind, int days, String legalReference) {
}
