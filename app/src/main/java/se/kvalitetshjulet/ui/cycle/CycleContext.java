package se.kvalitetshjulet.ui.cycle;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.AnnualCycleService;

/**
 * What the cycle screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record CycleContext(AnnualCycleService annualCycleService,
                           Clock clock) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
