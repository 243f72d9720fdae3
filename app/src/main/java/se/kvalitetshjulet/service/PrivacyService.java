package se.kvalitetshjulet.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.Mode;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind;

/**
 * The privacy check with the coordinator's policy (Inställningar): every service that stores free text asks
 * here whether its texts may be saved. Under "warn" the findings go back to the screen, which shows them and
 * asks; under "refuse" saving is refused with a problem that names what was found.
 */
public final class PrivacyService {
    /** The policy before issue 13, a single switch for deviations; read when the per-kind setting is missing. */
    public static final String LEGACY_REFUSE_ID_NUMBERS = "privacy.refuseIdentityNumbers";

    private final SettingsRepository settings;

    public PrivacyService(SettingsRepository settings) {
        this.settings = settings;
    }

    public PrivacyPolicy policy() {
        Map<TextKind, Mode> m = new EnumMap<>(TextKind.class);
        for (TextKind k : TextKind.values()) {
            settings.get(PrivacyPolicy.SETTING_PREFIX + k.name()).ifPresent(v -> {
                try {
                    m.put(k, Mode.valueOf(v));
                } catch (IllegalArgumentException ignored) {
                    // unknown value: keep warn
                }
            });
        }
        if (!m.containsKey(TextKind.DEVIATION)
                && settings.get(LEGACY_REFUSE_ID_NUMBERS).map(Boolean::parseBoolean).orElse(false)) {
            m.put(TextKind.DEVIATION, Mode.REFUSE);
        }
        return new PrivacyPolicy(m);
    }

    public void savePolicy(PrivacyPolicy policy) {
        for (TextKind k : TextKind.values()) {
            settings.put(PrivacyPolicy.SETTING_PREFIX + k.name(), policy.mode(k).name());
        }
    }

    public boolean refuses(TextKind kind) {
        return policy().refuses(kind);
    }

    public List<PrivacyCheck.Finding> check(List<String> texts) {
        return PrivacyCheck.checkAll(texts);
    }

    /** A problem that blocks saving when the policy for {@code kind} refuses and the texts hold findings. */
    public Optional<Problem> refusal(TextKind kind, List<String> texts) {
        if (!refuses(kind)) {
            return Optional.empty();
        }
        List<PrivacyCheck.Finding> found = check(texts);
        return found.isEmpty() ? Optional.empty()
                : Optional.of(new Problem("privacy", "privacy.refused", summary(found)));
    }

    /** "personnummer 19121212-1212, namn Anna Svensson": what was found, for messages and reports. */
    public static String summary(List<PrivacyCheck.Finding> found) {
        return found.stream().map(f -> kindName(f.kind()) + " " + f.text()).distinct().collect(Collectors.joining(", "));
    }

    /**
     * "namn, personnummer": what kinds were found, without the found text, for files that travel (import error
     * reports) where the row and column say where to look.
     */
    public static String kindsOnly(List<PrivacyCheck.Finding> found) {
        return PrivacyCheck.kindsOnly(found);
    }

    public static String kindName(PrivacyCheck.Kind kind) {
        return PrivacyCheck.kindName(kind);
    }
}
