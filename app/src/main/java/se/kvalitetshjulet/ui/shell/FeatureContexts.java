package se.kvalitetshjulet.ui.shell;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.ui.action.ActionContext;
import se.kvalitetshjulet.ui.council.CouncilContext;
import se.kvalitetshjulet.ui.cycle.CycleContext;
import se.kvalitetshjulet.ui.deviation.DeviationContext;
import se.kvalitetshjulet.ui.home.HomeContext;
import se.kvalitetshjulet.ui.lists.ListsContext;
import se.kvalitetshjulet.ui.organisation.OrganisationContext;
import se.kvalitetshjulet.ui.plan.PlanContext;
import se.kvalitetshjulet.ui.report.ReportContext;
import se.kvalitetshjulet.ui.risk.RiskContext;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckContext;
import se.kvalitetshjulet.ui.settings.SettingsContext;
import se.kvalitetshjulet.ui.trend.TrendContext;

/**
 * The composition root's one place that hands each feature its services: a feature's view models get their
 * {@code XxxContext} record, never the whole {@link AppContext}.
 */
public final class FeatureContexts {
    private FeatureContexts() {
    }

    public static ActionContext action(AppContext ctx) {
        return new ActionContext(
                ctx.actionService(),
                ctx.organisation(),
                ctx.settingsService(),
                ctx.clock());
    }

    public static CouncilContext council(AppContext ctx) {
        return new CouncilContext(
                ctx.councilService(),
                ctx.organisation(),
                ctx::chartBuilder,
                ctx::councilMinutesExporter,
                ctx.clock());
    }

    public static CycleContext cycle(AppContext ctx) {
        return new CycleContext(
                ctx.annualCycleService(),
                ctx.clock());
    }

    public static DeviationContext deviation(AppContext ctx) {
        return new DeviationContext(
                ctx.deviationService(),
                ctx.organisation(),
                ctx.taxonomyService(),
                ctx.savedFilterService(),
                ctx.settingsService(),
                ctx.auditService(),
                ctx.privacy(),
                ctx.patterns(),
                ctx.lists(),
                ctx.deviationExporter(),
                ctx::deviationImporter,
                ctx.importMappingService(),
                ctx.patternExporter(),
                ctx.clock(),
                ctx.actor(),
                ctx.deviationDrafts(),
                ctx.permissions());
    }

    public static HomeContext home(AppContext ctx) {
        return new HomeContext(
                ctx.actionService(),
                ctx.annualCycleService(),
                ctx.councilService(),
                ctx.deviationService(),
                ctx.selfChecks(),
                ctx.settingsService(),
                ctx.clock());
    }

    public static ListsContext lists(AppContext ctx) {
        return new ListsContext(
                ctx.lists(),
                ctx.settingsService(),
                ctx.clock());
    }

    public static OrganisationContext organisation(AppContext ctx) {
        return new OrganisationContext(
                ctx.auditService(),
                ctx.denominatorService(),
                ctx.orgFile(),
                ctx.organisation(),
                ctx.clock());
    }

    public static PlanContext plan(AppContext ctx) {
        return new PlanContext(
                ctx.actionService(),
                ctx.organisation(),
                ctx.qualityPlanService(),
                ctx.clock());
    }

    public static ReportContext report(AppContext ctx) {
        return new ReportContext(
                ctx.organisation(),
                ctx.reports(),
                ctx::reportExporter,
                ctx.clock());
    }

    public static RiskContext risk(AppContext ctx) {
        return new RiskContext(
                ctx.organisation(),
                ctx.privacy(),
                ctx.settingsService(),
                ctx.riskService(),
                ctx.clock());
    }

    public static SelfCheckContext selfcheck(AppContext ctx) {
        return new SelfCheckContext(
                ctx.organisation(),
                ctx.selfChecks(),
                ctx.selfCheckHandover(),
                ctx.selfCheckExporter(),
                ctx.clock(),
                ctx.bilaga2(),
                ctx.offlineDrafts(),
                ctx.permissions());
    }

    /** h2: the first-start guide (decision 0027). */
    public static se.kvalitetshjulet.ui.start.FirstStartContext firstStart(AppContext ctx) {
        return new se.kvalitetshjulet.ui.start.FirstStartContext(ctx.firstStart(), ctx.organisation(), ctx.orgFile(),
                ctx.lists(), ctx.selfChecks(), ctx.clock());
    }

    public static SettingsContext settings(AppContext ctx) {
        return new SettingsContext(
                ctx.auditService(),
                ctx.settingsService(),
                ctx.organisation(),
                ctx.actionService(),
                ctx.clock(),
                ctx.permissions());
    }

    public static TrendContext trend(AppContext ctx) {
        return new TrendContext(
                ctx::chartBuilder,
                ctx.councilService(),
                ctx.denominatorService(),
                ctx.organisation(),
                ctx.riskService(),
                ctx.savedFilterService(),
                ctx.taxonomyService(),
                ctx.trends(),
                ctx.clock());
    }
}
