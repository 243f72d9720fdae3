package se.kvalitetshjulet.ui.home;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.ActionService;
import se.kvalitetshjulet.service.AnnualCycleService;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.service.DeviationService;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.service.SettingsService;

/**
 * What the home screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record HomeContext(ActionService actionService,
                          AnnualCycleService annualCycleService,
                          CouncilService councilService,
                          DeviationService deviationService,
                          SelfCheckService selfCheckService,
                          SettingsService settingsService,
                          Clock clock) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
