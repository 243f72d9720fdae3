package se.kvalitetshjulet.ui.deviation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.ui.common.AuditText;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * Everything the deviation editor shows about one record, read in one go in the work (never on the FX thread): its
 * measures, history (also in plain Swedish, with coded values and causes by name), links, the organisation, the
 * categories, causes and measure types, and the privacy policy.
 */
final class DeviationEditorLoader {
    static final String SETTING_REFUSE_ID_NUMBERS = "privacy.refuseIdentityNumbers";

    record Loaded(Deviation deviation, List<Measure> measures, List<AuditEntry> history, List<String> links,
                  OrgTree tree, List<Taxonomy> categories, List<Taxonomy> causes, List<Taxonomy> measureTypes,
                  boolean refuse, boolean policyRefuses, List<String> historyLines, Long version) { }

    private final DeviationContext ctx;
    private final I18n i18n;

    DeviationEditorLoader(DeviationContext ctx, I18n i18n) {
        this.ctx = ctx;
        this.i18n = i18n;
    }

    /**
     * A saved record is read again with its version (decision 10), so that the editor saves on exactly what it
     * shows and is told when someone else saved in between.
     */
    Loaded load(Deviation shown) {
        Deviation d = shown;
        Long version = null;
        if (shown.id() != null) {
            var read = ctx.deviationService().openForEdit(shown.id()).orElse(null);
            if (read != null) {
                d = read.value();
                version = read.version();
            }
        }
        List<Measure> m = d.id() == null ? List.of() : ctx.deviationService().measures(d.id());
        List<AuditEntry> h = d.id() == null ? List.of() : ctx.auditService().history("deviation", d.id());
        List<String> l = d.id() == null ? List.of() : ctx.deviationService().links(d.id()).stream()
                .map(r -> i18n.get(r.outgoing() ? "deviation.link.out" : "deviation.link.in",
                        i18n.get("deviation.linkType." + r.type()), r.otherCaseRef()))
                .toList();
        return new Loaded(d, m, h, l, ctx.organisationService().tree(), ctx.taxonomyService().list(TaxonomyKind.CATEGORY),
                ctx.taxonomyService().list(TaxonomyKind.CAUSE),
                ctx.taxonomyService().list(TaxonomyKind.MEASURE_TYPE),
                ctx.settingsService().preference(SETTING_REFUSE_ID_NUMBERS).map(Boolean::parseBoolean).orElse(false),
                ctx.privacyService().refuses(PrivacyPolicy.TextKind.DEVIATION),
                d.id() == null ? List.of() : historyText(h), version);
    }

    /** The history in plain Swedish, field by field, with the coded values and causes by name. */
    private List<String> historyText(List<AuditEntry> h) {
        Map<Long, String> causeNames = new HashMap<>();
        for (Taxonomy t : ctx.taxonomyService().list(TaxonomyKind.CAUSE)) {
            causeNames.put(t.id(), t.name());
        }
        Map<Long, String> categoryNames = new HashMap<>();
        for (Taxonomy t : ctx.taxonomyService().list(TaxonomyKind.CATEGORY)) {
            categoryNames.put(t.id(), t.name());
        }
        OrgTree orgTree = ctx.organisationService().tree();
        Map<String, Function<Object, String>> f = new HashMap<>();
        f.put("status", v -> enumName(DeviationStatus.class, v));
        f.put("kind", v -> enumName(DeviationKind.class, v));
        f.put("law", v -> enumName(Law.class, v));
        f.put("assessment", v -> enumName(Assessment.class, v));
        f.put("category_id", v -> categoryNames.getOrDefault(((Number) v).longValue(), String.valueOf(v)));
        f.put("unit_id", v -> orgTree.find(((Number) v).longValue()).map(Unit::name).orElse(String.valueOf(v)));
        f.put("causes", v -> String.join(", ", ((Collection<?>) v).stream()
                .map(x -> causeNames.getOrDefault(((Number) x).longValue(), String.valueOf(x))).toList()));
        return new AuditText(i18n, f).lines(h);
    }

    private <E extends Enum<E>> String enumName(Class<E> type, Object v) {
        try {
            return i18n.of(Enum.valueOf(type, String.valueOf(v)));
        } catch (IllegalArgumentException e) {
            return String.valueOf(v);
        }
    }
}
