package se.kvalitetshjulet.domain.risk;

/** Ett steg i checklistan (1..n): what was done or found in it and whether it is done. */
public record EventStep(int number, String text, boolean done) {
}
