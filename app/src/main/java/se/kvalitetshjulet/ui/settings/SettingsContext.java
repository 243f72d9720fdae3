package se.kvalitetshjulet.ui.settings;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.ActionService;
import se.kvalitetshjulet.service.AuditService;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.SettingsService;

/**
 * What the settings screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 * The organisation and the actions are for "Mina enheter" and "Mina roller" (decision 0027); the permissions say
 * whether this login may change the database's own settings or only its personal ones (decision 0034).
 */
public record SettingsContext(AuditService auditService,
                              SettingsService settingsService,
                              OrganisationService organisationService,
                              ActionService actionService,
                              Clock clock,
                              se.kvalitetshjulet.domain.org.Permissions permissions) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
