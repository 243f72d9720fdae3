package se.kvalitetshjulet.ui.shell;

import se.kvalitetshjulet.app.AppContext;

/**
 * The composition root's one place that hands each feature its services: a feature's view models get their
 * {@code XxxContext} record, never the whole {@link AppContext}.
 */
public final class FeatureContexts {
    private FeatureContexts() {
    }

    public static se.kvalitetshjulet.ui.action.ActionContext action(AppContext ctx) {
        return new se.kvalitetshjulet.ui.action.ActionContext(ctx.actionService(), ctx.organisation(), ctx.settingsService(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.council.CouncilContext council(AppContext ctx) {
        return new se.kvalitetshjulet.ui.council.CouncilContext(ctx.councilService(), ctx.organisation(), ctx::chartBuilder, ctx::councilMinutesExporter, ctx.clock());
    }

    public static se.kvalitetshjulet.ui.cycle.CycleContext cycle(AppContext ctx) {
        return new se.kvalitetshjulet.ui.cycle.CycleContext(ctx.annualCycleService(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.deviation.DeviationContext deviation(AppContext ctx) {
        return new se.kvalitetshjulet.ui.deviation.DeviationContext(ctx.deviationService(), ctx.organisation(), ctx.taxonomyService(), ctx.savedFilterService(), ctx.settingsService(), ctx.auditService(), ctx.privacy(), ctx.patterns(), ctx.lists(), ctx.deviationExporter(), ctx::deviationImporter, ctx.importMappingService(), ctx.patternExporter(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.home.HomeContext home(AppContext ctx) {
        return new se.kvalitetshjulet.ui.home.HomeContext(ctx.actionService(), ctx.annualCycleService(), ctx.councilService(), ctx.deviationService(), ctx.selfChecks(), ctx.settingsService(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.lists.ListsContext lists(AppContext ctx) {
        return new se.kvalitetshjulet.ui.lists.ListsContext(ctx.lists(), ctx.settingsService(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.organisation.OrganisationContext organisation(AppContext ctx) {
        return new se.kvalitetshjulet.ui.organisation.OrganisationContext(ctx.auditService(), ctx.denominatorService(), ctx.orgFile(), ctx.organisation(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.plan.PlanContext plan(AppContext ctx) {
        return new se.kvalitetshjulet.ui.plan.PlanContext(ctx.actionService(), ctx.organisation(), ctx.qualityPlanService(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.report.ReportContext report(AppContext ctx) {
        return new se.kvalitetshjulet.ui.report.ReportContext(ctx.organisation(), ctx.reports(), ctx::reportExporter, ctx.clock());
    }

    public static se.kvalitetshjulet.ui.risk.RiskContext risk(AppContext ctx) {
        return new se.kvalitetshjulet.ui.risk.RiskContext(ctx.organisation(), ctx.privacy(), ctx.settingsService(), ctx.riskService(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.selfcheck.SelfCheckContext selfcheck(AppContext ctx) {
        return new se.kvalitetshjulet.ui.selfcheck.SelfCheckContext(ctx.organisation(), ctx.selfChecks(), ctx.selfCheckHandover(), ctx.selfCheckExporter(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.settings.SettingsContext settings(AppContext ctx) {
        return new se.kvalitetshjulet.ui.settings.SettingsContext(ctx.auditService(), ctx.settingsService(), ctx.clock());
    }

    public static se.kvalitetshjulet.ui.trend.TrendContext trend(AppContext ctx) {
        return new se.kvalitetshjulet.ui.trend.TrendContext(ctx::chartBuilder, ctx.councilService(), ctx.denominatorService(), ctx.organisation(), ctx.riskService(), ctx.savedFilterService(), ctx.taxonomyService(), ctx.trends(), ctx.clock());
    }
}
