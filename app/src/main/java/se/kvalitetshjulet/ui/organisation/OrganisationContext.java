package se.kvalitetshjulet.ui.organisation;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.AuditService;
import se.kvalitetshjulet.service.DenominatorService;
import se.kvalitetshjulet.service.OrgFileService;
import se.kvalitetshjulet.service.OrganisationService;

/**
 * What the organisation screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record OrganisationContext(AuditService auditService,
                                  DenominatorService denominatorService,
                                  OrgFileService orgFileService,
                                  OrganisationService organisationService,
                                  Clock clock) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
