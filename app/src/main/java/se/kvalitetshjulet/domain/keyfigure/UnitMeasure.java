package se.kvalitetshjulet.domain.keyfigure;

import java.util.Locale;
import java.util.Optional;

/**
 * Something measured per unit that can be followed over time and set beside Kolada's municipality values: a survey
 * question (our own import of the user survey), an own key figure (e.g. personalkontinuitet), a share of the
 * individual follow-ups, or a Kolada KPI at unit level (ou values of the Kolada units linked to the unit).
 *
 * @param kind  where the values come from
 * @param code  the question code, the own figure's code, the {@link FollowUpMeasure} name, or the KPI id
 * @param label what the user reads
 */
public record UnitMeasure(Kind kind, String code, String label) {
    public enum Kind { SURVEY, OWN, FOLLOW_UP, KOLADA }

    /** The stored key, e.g. "survey:HT-HELHET", "own:PK14", "followup:PLAN_EXISTS", "kolada:U21468". */
    public String key() {
        return prefix(kind) + ":" + code;
    }

    public static Optional<UnitMeasure.Kind> kindOf(String key) {
        if (key == null || key.indexOf(':') < 1) {
            return Optional.empty();
        }
        String p = key.substring(0, key.indexOf(':')).toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (prefix(k).equals(p)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The code part of a key ("survey:HT-HELHET" → "HT-HELHET"). */
    public static String codeOf(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    private static String prefix(Kind k) {
        return switch (k) {
            case SURVEY -> "survey";
            case OWN -> "own";
            case FOLLOW_UP -> "followup";
            case KOLADA -> "kolada";
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
