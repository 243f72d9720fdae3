package se.kvalitetshjulet.domain.action;

import java.util.Optional;

/**
 * Källa: where an improvement action (åtgärd) comes from. The code is the value of
 * {@code action_item.source_type}; {@code source_id} points at the record of that source.
 */
public enum ActionSource {
    /** A deviation's measures; source id = deviation id. */
    DEVIATION("DEVIATION"),
    /** A self-check finding; source id = answer id. */
    SELF_CHECK("SELF_CHECK"),
    /** A risk or event analysis; source id = analysis id. */
    RISK_ANALYSIS("RISK_ANALYSIS"),
    /** A quality council decision; source id = meeting id. */
    COUNCIL("COUNCIL"),
    /** A quality plan activity; source id = plan id. */
    QUALITY_PLAN("QUALITY_PLAN");

    private final String code;

    ActionSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ActionSource> fromCode(String code) {
        for (ActionSource s : values()) {
            if (s.code.equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
