package se.kvalitetshjulet.ui.risk;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.PrivacyService;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.service.SettingsService;

/**
 * What the risk screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record RiskContext(OrganisationService organisationService,
                          PrivacyService privacyService,
                          SettingsService settingsService,
                          RiskService riskService,
                          Clock clock) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
