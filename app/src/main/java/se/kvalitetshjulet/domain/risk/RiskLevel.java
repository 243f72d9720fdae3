package se.kvalitetshjulet.domain.risk;

/** One step of a matrix axis (sannolikhet or konsekvens): its number, short label and anchor description. */
public record RiskLevel(int value, String label, String description) {
}
