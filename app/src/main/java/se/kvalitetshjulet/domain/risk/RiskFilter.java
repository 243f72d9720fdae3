package se.kvalitetshjulet.domain.risk;

import java.util.Set;

/**
 * Filter of the analysis list. Null means "any"; {@code unitIds} is the chosen unit's subtree (null: all units);
 * {@code dueOnly} keeps analyses whose follow-up or half-yearly recurrence is due.
 */
public record RiskFilter(AnalysisKind kind, AnalysisLevel level, Set<Long> unitIds, RiskTrigger trigger, Integer year,
                         boolean dueOnly) {
    public static RiskFilter all() {
        return new RiskFilter(null, null, null, null, null, false);
    }
}
