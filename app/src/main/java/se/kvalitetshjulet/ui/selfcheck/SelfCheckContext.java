package se.kvalitetshjulet.ui.selfcheck;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.export.SelfCheckExporter;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.SelfCheckHandoverService;
import se.kvalitetshjulet.service.SelfCheckService;

/**
 * What the selfcheck screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record SelfCheckContext(OrganisationService organisationService,
                               SelfCheckService selfCheckService,
                               SelfCheckHandoverService selfCheckHandoverService,
                               SelfCheckExporter selfCheckExporter,
                               Clock clock,
                               se.kvalitetshjulet.service.Bilaga2Service bilaga2Service,
                               se.kvalitetshjulet.service.OfflineDraftService offlineDrafts,
                               se.kvalitetshjulet.domain.org.Permissions permissions) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
