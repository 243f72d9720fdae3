package se.kvalitetshjulet.ui.settings;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.AuditService;
import se.kvalitetshjulet.service.SettingsService;

/**
 * What the settings screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record SettingsContext(AuditService auditService,
                              SettingsService settingsService,
                              Clock clock) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
