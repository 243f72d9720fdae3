package se.kvalitetshjulet.ui.common;

import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.privacy.PrivacyCheck;

/**
 * The text of the privacy warning (integritetsvarning) that editors show while free text holds identity numbers
 * (refused when the database is so configured) or likely names. Shown by {@link PrivacyWarningLabel}.
 */
public final class PrivacyWarnings {
    private PrivacyWarnings() {
    }

    /** The warning for {@code findings}, one line for identity numbers and one for names; empty when none. */
    public static String text(I18n i18n, List<PrivacyCheck.Finding> findings, boolean refuseIdNumbers) {
        List<String> ids = findings.stream().filter(PrivacyCheck.Finding::identityNumber).map(PrivacyCheck.Finding::text).toList();
        List<String> names = findings.stream().filter(f -> !f.identityNumber()).map(PrivacyCheck.Finding::text).distinct().toList();
        List<String> parts = new ArrayList<>();
        if (!ids.isEmpty()) {
            parts.add(i18n.get(refuseIdNumbers ? "privacy.idNumbers.refuse" : "privacy.idNumbers.warn", String.join(", ", ids)));
        }
        if (!names.isEmpty()) {
            parts.add(i18n.get("privacy.names.warn", String.join(", ", names)));
        }
        return String.join("\n", parts);
    }
}
