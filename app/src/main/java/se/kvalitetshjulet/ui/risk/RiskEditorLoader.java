package se.kvalitetshjulet.ui.risk;

import java.util.List;

import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.domain.risk.LinkedDeviation;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.deviation.DeviationEditorViewModel;

/**
 * Everything the risk editor shows about one analysis, read in one go in the work (never on the FX thread): the
 * analysis and its template, its measures and linked deviations, the organisation, and whether identity numbers are
 * refused.
 */
final class RiskEditorLoader {
    record Loaded(RiskAnalysis analysis, RiskTemplate template, List<Measure> measures, List<LinkedDeviation> deviations,
                  OrgTree tree, boolean refuse, List<se.kvalitetshjulet.domain.lists.ListEntry> reasons) { }

    private final RiskContext ctx;
    private final RiskService service;
    private final I18n i18n;

    RiskEditorLoader(RiskContext ctx, RiskService service, I18n i18n) {
        this.ctx = ctx;
        this.service = service;
        this.i18n = i18n;
    }

    /** A stored analysis with the template it was made with. */
    Loaded stored(long analysisId) {
        RiskAnalysis a = service.find(analysisId)
                .orElseThrow(() -> new IllegalStateException(i18n.get("risk.missing", analysisId)));
        return loaded(a, service.template(a.templateId()));
    }

    /** A stored analysis again after a save, with the template the editor has. */
    Loaded again(long analysisId, long templateId) {
        return loaded(service.find(analysisId).orElseThrow(), service.template(templateId));
    }

    /** A new draft from a template, for a unit if one is chosen. */
    Loaded draft(RiskTemplate t, Unit preselected) {
        return loaded(RiskAnalysis.newDraft(t, preselected == null ? null : preselected.id(), ctx.today()), t);
    }

    private Loaded loaded(RiskAnalysis a, RiskTemplate t) {
        return new Loaded(a, t, a.id() == null ? List.of() : service.measures(a.id()),
                a.id() == null ? List.of() : service.linkedDeviations(a.id()), ctx.organisationService().tree(),
                ctx.settingsService().preference(DeviationEditorViewModel.SETTING_REFUSE_ID_NUMBERS).map(Boolean::parseBoolean)
                        .orElse(false)
                        || ctx.privacyService().refuses(PrivacyPolicy.TextKind.RISK_ANALYSIS),
                service.reasons());
    }
}
