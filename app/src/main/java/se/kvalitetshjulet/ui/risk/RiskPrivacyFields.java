package se.kvalitetshjulet.ui.risk;

import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;

/** The free texts of a risk or event analysis, labelled as the editor labels them, for the privacy question. */
final class RiskPrivacyFields {
    private RiskPrivacyFields() { }

    /** The analysis's free texts as the form labels them (the same texts as {@link RiskAnalysis#freeTexts()}). */
    static List<PrivacyQuestion.Field> of(I18n i18n, RiskAnalysis a) {
        List<PrivacyQuestion.Field> out = new ArrayList<>(List.of(
                PrivacyQuestion.field(i18n, "risk.field.title", a.title()),
                PrivacyQuestion.field(i18n, "risk.field.participants", a.participants()),
                PrivacyQuestion.field(i18n, "risk.field.process", a.processDescription()),
                PrivacyQuestion.field(i18n, "risk.field.noMeasuresReason", a.noMeasuresReason()),
                PrivacyQuestion.field(i18n, "risk.field.improvedRoutines", a.improvedRoutines())));
        int n = 0;
        for (var r : a.risks()) {
            n++;
            String risk = i18n.get("privacy.q.risk", n);
            out.add(new PrivacyQuestion.Field(risk + ": " + i18n.get("risk.field.description"), r.description()));
            out.add(new PrivacyQuestion.Field(risk + ": " + i18n.get("risk.field.causes"), r.causes()));
            out.add(new PrivacyQuestion.Field(risk + ": " + i18n.get("risk.field.barriers"), r.barriers()));
        }
        for (var s : a.steps()) {
            out.add(new PrivacyQuestion.Field(i18n.get("privacy.q.step", s.number()), s.text()));
        }
        for (var t : a.timeline()) {
            out.add(new PrivacyQuestion.Field(i18n.get("privacy.q.timeline", t.at().format(RiskEditorViewModel.WHEN)), t.what()));
        }
        for (var c : a.causes()) {
            out.add(new PrivacyQuestion.Field(i18n.get("risk.cause.text"), c.text()));
        }
        return out;
    }
}
