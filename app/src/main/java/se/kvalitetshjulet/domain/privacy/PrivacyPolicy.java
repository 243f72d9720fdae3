package se.kvalitetshjulet.domain.privacy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What happens when the privacy check finds something, per kind of text, as the coordinator sets it in
 * Inställningar: {@link Mode#WARN} shows what was found and asks before saving; {@link Mode#REFUSE} refuses to
 * save (an import is rejected with nothing written).
 */
public record PrivacyPolicy(Map<TextKind, Mode> modes) {
    public enum Mode { WARN, REFUSE }

    /** The kinds of free text that the policy is set for. */
    public enum TextKind { DEVIATION, SELF_CHECK, RISK_ANALYSIS, COUNCIL, ACTION, QUALITY_PLAN, REPORT, IMPORT }

    public static final String SETTING_PREFIX = "privacy.policy.";

    public PrivacyPolicy {
        Map<TextKind, Mode> m = new EnumMap<>(TextKind.class);
        for (TextKind k : TextKind.values()) {
            m.put(k, modes.getOrDefault(k, Mode.WARN));
        }
        modes = Map.copyOf(m);
    }

    public static PrivacyPolicy warnEverywhere() {
        return new PrivacyPolicy(Map.of());
    }

    public Mode mode(TextKind kind) {
        return modes.get(kind);
    }

    public boolean refuses(TextKind kind) {
        return mode(kind) == Mode.REFUSE;
    }

    public PrivacyPolicy with(TextKind kind, Mode mode) {
        Map<TextKind, Mode> m = new EnumMap<>(modes);
        m.put(kind, mode);
        return new PrivacyPolicy(m);
    }

    /** Whether {@code findings} block saving a text of {@code kind}: under refuse, any finding does. */
    public boolean blocks(TextKind kind, List<PrivacyCheck.Finding> findings) {
        return refuses(kind) && !findings.isEmpty();
    }
}
