package se.kvalitetshjulet.ui.trend;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;

import se.kvalitetshjulet.service.ChartBuilder;
import se.kvalitetshjulet.service.ChartTexts;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.service.DenominatorService;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.service.SavedFilterService;
import se.kvalitetshjulet.service.TaxonomyService;
import se.kvalitetshjulet.service.TrendService;

/**
 * What the trend screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record TrendContext(Function<ChartTexts, ChartBuilder> chartBuilders,
                           CouncilService councilService,
                           DenominatorService denominatorService,
                           OrganisationService organisationService,
                           RiskService riskService,
                           SavedFilterService savedFilterService,
                           TaxonomyService taxonomyService,
                           TrendService trendService,
                           Clock clock) {
    /** The one chart builder, in the screen's language. */
    public ChartBuilder chartBuilder(ChartTexts texts) {
        return chartBuilders.apply(texts);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
