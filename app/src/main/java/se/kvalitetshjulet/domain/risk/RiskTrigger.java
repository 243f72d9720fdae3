package se.kvalitetshjulet.domain.risk;

import java.util.List;
import java.util.Objects;

/**
 * Anledning till riskanalysen: the changes SOSFS 2011:9 5 kap. 1 § asks the provider to think before. The reasons
 * are the coordinator's list "Riskanledningar" (Listor och regler, table {@code risk_reason}); an analysis stores the
 * reason's stable code. The seven reasons every database starts with are named here for code and tests; a reason
 * the coordinator adds is just its code (its name comes from the list).
 */
public record RiskTrigger(String code) {
    public static final RiskTrigger OMORGANISATION = new RiskTrigger("OMORGANISATION");
    public static final RiskTrigger NYTT_ARBETSSATT = new RiskTrigger("NYTT_ARBETSSATT");
    public static final RiskTrigger FLYTT = new RiskTrigger("FLYTT");
    public static final RiskTrigger SCHEMAANDRING = new RiskTrigger("SCHEMAANDRING");
    public static final RiskTrigger NYTT_IT_SYSTEM = new RiskTrigger("NYTT_IT_SYSTEM");
    public static final RiskTrigger BEMANNING = new RiskTrigger("BEMANNING");
    public static final RiskTrigger ANNAT = new RiskTrigger("ANNAT");

    private static final List<RiskTrigger> BUILT_IN = List.of(OMORGANISATION, NYTT_ARBETSSATT, FLYTT, SCHEMAANDRING,
            NYTT_IT_SYSTEM, BEMANNING, ANNAT);

    public RiskTrigger {
        Objects.requireNonNull(code, "code");
    }

    /** The reasons every database starts with (migration V19), in their first order. */
    public static RiskTrigger[] values() {
        return BUILT_IN.toArray(RiskTrigger[]::new);
    }

    public static RiskTrigger valueOf(String code) {
        return new RiskTrigger(code);
    }

    /** The stored code, as {@code risk_analysis.trigger_kind} holds it. */
    public String name() {
        return code;
    }

    /** Whether this is one of the reasons every database starts with (those have texts in the bundles). */
    public boolean builtIn() {
        return BUILT_IN.contains(this);
    }

    @Override
    public String toString() {
        return code;
    }
}
