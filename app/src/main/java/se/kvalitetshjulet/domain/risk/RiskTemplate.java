package se.kvalitetshjulet.domain.risk;

import java.util.List;

/**
 * Mall för risk- eller händelseanalys: the kind, the steps to walk through and the risk matrix. Editable per
 * organisation.
 */
public record RiskTemplate(Long id, String name, AnalysisKind kind, List<String> steps, RiskMatrix matrix,
                           boolean active) {
    public RiskTemplate {
        steps = List.copyOf(steps);
    }

    /** The Socialstyrelsen/SKR steps of a risk analysis. */
    public static final List<String> RISK_STEPS = List.of(
            "Kartlägg processen", "Identifiera risker", "Bedöm sannolikhet och konsekvens", "Identifiera orsaker",
            "Föreslå åtgärder och hur de ska följas upp", "Sammanställ rapport", "Beslut", "Utvärdera och följ upp");

    /** The eight steps of a händelseanalys (DOMAIN.md §2.2). */
    public static final List<String> EVENT_STEPS = List.of(
            "Initiera analysen", "Samla fakta", "Beskriv händelseförloppet", "Identifiera bakomliggande orsaker",
            "Föreslå åtgärder och metod för uppföljning", "Slutrapport", "Beslut om åtgärder och tidsplan",
            "Utvärdera och följ upp");

    /** The name with the matrix size ("Riskanalys (4×4)") unless the name already says it ("Riskanalys 5×5 …"). */
    public String nameWithSize() {
        String size = matrix.size() + "×" + matrix.size();
        return name.contains(size) ? name : name + " (" + size + ")";
    }

    @Override
    public String toString() {
        return name;
    }
}
