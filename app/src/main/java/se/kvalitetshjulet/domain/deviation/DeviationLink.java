package se.kvalitetshjulet.domain.deviation;

/** A link between two deviations (DUPLICATE of, RELATED to), seen from one of them. */
public record DeviationLink(long otherId, String otherCaseRef, String type, boolean outgoing) {
}
