package se.kvalitetshjulet.ui.start;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.service.FirstStartService;
import se.kvalitetshjulet.service.ListsService;
import se.kvalitetshjulet.service.OrgFileService;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.SelfCheckService;

/** What the first-start guide uses (built by {@code ui.shell.FeatureContexts}). */
public record FirstStartContext(FirstStartService firstStart, OrganisationService organisation, OrgFileService orgFile,
                                ListsService lists, SelfCheckService selfChecks, Clock clock) {
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
