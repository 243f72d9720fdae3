package se.kvalitetshjulet.ui.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.selfcheck.TemplateFamily;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * What a chart's settings show, in one line — kind, where, what and when ("Pareto: avvikelser per kategori · Hela
 * organisationen · …") — named from the lists the chart screen has loaded.
 */
final class ChartSummary {
    private final I18n i18n;
    private final Supplier<OrgTree> tree;
    private final List<BusinessArea> areas;
    private final List<Taxonomy> categories;
    private final List<TemplateFamily> templateFamilies;
    private final List<RiskTemplate> riskTemplates;

    ChartSummary(I18n i18n, Supplier<OrgTree> tree, List<BusinessArea> areas, List<Taxonomy> categories,
                 List<TemplateFamily> templateFamilies, List<RiskTemplate> riskTemplates) {
        this.i18n = i18n;
        this.tree = tree;
        this.areas = areas;
        this.categories = categories;
        this.templateFamilies = templateFamilies;
        this.riskTemplates = riskTemplates;
    }

    String of(TrendSettings s) {
        List<String> parts = new ArrayList<>();
        parts.add(i18n.get("trend.chartKind." + s.chartKind().name()));
        parts.add(where(s, tree.get()));
        if (s.chartKind() == ChartKind.TREND || s.chartKind().pareto()) {
            parts.add(what(s));
        }
        if (s.chartKind() == ChartKind.TREND) {
            parts.add(i18n.get("trend.measure." + s.measure().name()) + ", "
                    + i18n.get("trend.style." + s.style().name()).toLowerCase(i18n.locale()));
        }
        if (s.chartKind() == ChartKind.SELF_CHECK_COMPLIANCE && s.templateFamilyId() != null) {
            templateFamilies.stream().filter(f -> f.familyId() == s.templateFamilyId()).findFirst()
                    .ifPresent(f -> parts.add(f.name()));
        }
        if (s.chartKind() == ChartKind.RISK_MATRIX && s.riskTemplateId() != null) {
            riskTemplates.stream().filter(t -> t.id().equals(s.riskTemplateId())).findFirst()
                    .ifPresent(t -> parts.add(t.name()));
        }
        if (s.chartKind() != ChartKind.SELF_CHECK_COMPLIANCE) {
            parts.add(s.from() + "–" + s.to());
        }
        return String.join(" · ", parts);
    }

    private String what(TrendSettings s) {
        String what = s.kind() == null ? i18n.get("trend.allKinds") : i18n.of(s.kind());
        if (s.categoryId() != null) {
            what += " · " + categories.stream().filter(c -> c.id() == s.categoryId()).map(Taxonomy::name).findFirst().orElse("");
        }
        return what;
    }

    private String where(TrendSettings s, OrgTree t) {
        return s.unitId() != null ? t.find(s.unitId()).map(Unit::name).orElse("")
                : s.areaId() != null ? areas.stream().filter(a -> a.id() == s.areaId()).map(BusinessArea::name)
                .findFirst().orElse("") : i18n.get("trend.wholeOrganisation");
    }
}
