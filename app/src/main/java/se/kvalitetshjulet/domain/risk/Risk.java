package se.kvalitetshjulet.domain.risk;

/**
 * En identifierad risk: what could happen, why (orsaker), what already protects (befintliga barriärer), its
 * probability and consequence before measures and the residual ones after measures. Levels may be unset while the
 * analysis is being written.
 */
public record Risk(Long id, String description, String causes, String barriers, Integer probability,
                   Integer consequence, Integer residualProbability, Integer residualConsequence) {

    public boolean scored() {
        return probability != null && consequence != null;
    }

    public boolean residualScored() {
        return residualProbability != null && residualConsequence != null;
    }

    /** Probability before ({@code after} false) or after measures; after falls back to before when not assessed. */
    public Integer probability(boolean after) {
        return after && residualScored() ? residualProbability : probability;
    }

    public Integer consequence(boolean after) {
        return after && residualScored() ? residualConsequence : consequence;
    }
}
