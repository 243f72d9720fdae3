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

    /**
     * The warning for {@code findings}, one line for identity numbers and one for names, phone numbers and
     * addresses; empty when none. The question before saving is {@link PrivacyQuestion}.
     */
    public static String text(I18n i18n, List<PrivacyCheck.Finding> findings, boolean refuseIdNumbers) {
        List<String> ids = findings.stream().filter(PrivacyCheck.Finding::identityNumber).map(PrivacyCheck.Finding::text).toList();
        List<PrivacyCheck.Finding> others = findings.stream().filter(f -> !f.identityNumber()).toList();
        List<String> parts = new ArrayList<>();
        if (!ids.isEmpty()) {
            parts.add(i18n.get(refuseIdNumbers ? "privacy.idNumbers.refuse" : "privacy.idNumbers.warn", String.join(", ", ids)));
        }
        if (!others.isEmpty()) {
            // Names, phone numbers and addresses: "namn Anna Svensson, telefonnummer 070-123 45 67".
            parts.add(i18n.get("privacy.names.warnAll", se.kvalitetshjulet.service.PrivacyService.summary(others)));
        }
        return String.join("\n", parts);
    }
}
