package se.kvalitetshjulet.ui.plan;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.ActionService;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.QualityPlanService;

/**
 * What the plan screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record PlanContext(ActionService actionService,
                          OrganisationService organisationService,
                          QualityPlanService qualityPlanService,
                          Clock clock) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
