package se.kvalitetshjulet.ui.lists;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.ListsService;
import se.kvalitetshjulet.service.SettingsService;

/**
 * What the lists screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record ListsContext(ListsService listsService,
                           SettingsService settingsService,
                           Clock clock) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
