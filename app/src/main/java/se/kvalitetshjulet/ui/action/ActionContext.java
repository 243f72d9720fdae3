package se.kvalitetshjulet.ui.action;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.ActionService;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.SettingsService;

/**
 * What the action screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record ActionContext(ActionService actionService,
                            OrganisationService organisationService,
                            SettingsService settingsService,
                            Clock clock) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
