package se.kvalitetshjulet.ui.deviation;

import java.util.List;

import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.PrivacyWarnings;

/**
 * The deviation editor's privacy checks of free text (decision 0018): the warning shown while typing, and before a
 * save under "warn" the question with what looks like identity numbers, names, phone numbers or addresses. Under
 * "refuse" — the database's policy, or the older setting that refuses identity numbers only — the service refuses
 * and the problem says what to remove.
 */
final class DeviationPrivacy {
    static final String SETTING_REFUSE_ID_NUMBERS = DeviationEditorLoader.SETTING_REFUSE_ID_NUMBERS;

    private final DeviationContext ctx;
    private final DialogService dialogs;
    private final I18n i18n;
    private boolean refuseIdNumbers;
    private boolean policyRefuses;

    DeviationPrivacy(DeviationContext ctx, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.dialogs = dialogs;
        this.i18n = i18n;
    }

    /** The policies as read with the record. */
    void policies(boolean refuseIdNumbers, boolean policyRefuses) {
        this.refuseIdNumbers = refuseIdNumbers;
        this.policyRefuses = policyRefuses;
    }

    /** What the form's free texts look like they hold, as the warning above the form ("" when nothing). */
    String warning(Deviation d) {
        return PrivacyWarnings.text(i18n, ctx.deviationService().privacyFindings(d), refuseIdNumbers || policyRefuses);
    }

    /**
     * Under the "warn" policy: when the text holds what looks like identity numbers, names, phone numbers or
     * addresses, shows them and asks before saving ("Spara ändå" / "Ändra texten", the latter the safe answer).
     * Under "refuse" there is nothing to ask: the service refuses.
     */
    boolean confirmed(Deviation d) {
        var findings = ctx.deviationService().privacyFindings(d);
        if (findings.isEmpty() || policyRefuses
                || (refuseIdNumbers && findings.stream().anyMatch(PrivacyCheck.Finding::identityNumber))) {
            return true;
        }
        return PrivacyQuestion.confirm(dialogs, i18n, fields(d));
    }

    /** The record's free texts as the form labels them (the same texts as {@link Deviation#freeTexts()}). */
    private List<PrivacyQuestion.Field> fields(Deviation d) {
        return List.of(PrivacyQuestion.field(i18n, "deviation.field.title", d.title()),
                PrivacyQuestion.field(i18n, "deviation.field.description", d.description()),
                PrivacyQuestion.field(i18n, "deviation.field.immediate", d.immediateActions()),
                PrivacyQuestion.field(i18n, "deviation.field.facts", d.facts()),
                PrivacyQuestion.field(i18n, "deviation.field.causeText", d.causeText()),
                PrivacyQuestion.field(i18n, "deviation.field.reporterRole", d.reporterRole()),
                PrivacyQuestion.field(i18n, "deviation.ivo.decision", d.ivoDetails().decision()));
    }

    /** Sets the refuse-identity-numbers policy for this database (an administrator's choice). */
    void setRefuseIdentityNumbers(boolean refuse) {
        ctx.settingsService().savePreference(SETTING_REFUSE_ID_NUMBERS, Boolean.toString(refuse));
        refuseIdNumbers = refuse;
    }

    boolean refuseIdentityNumbers() {
        return refuseIdNumbers;
    }
}
