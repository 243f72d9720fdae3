package se.kvalitetshjulet.ui.deviation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import se.kvalitetshjulet.export.DeviationExporter;
import se.kvalitetshjulet.export.PatternExporter;
import se.kvalitetshjulet.service.AuditService;
import se.kvalitetshjulet.service.DeviationService;
import se.kvalitetshjulet.service.ListsService;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.PatternService;
import se.kvalitetshjulet.service.PrivacyService;
import se.kvalitetshjulet.service.SavedFilterService;
import se.kvalitetshjulet.service.SettingsService;
import se.kvalitetshjulet.service.TaxonomyService;
import se.kvalitetshjulet.service.imports.DeviationImporter;
import se.kvalitetshjulet.service.imports.ImportMappingService;

/**
 * What the deviation screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}),
 * and who the user is ({@code actor}: the database login in shared mode, the name from Inställningar locally).
 */
public record DeviationContext(DeviationService deviationService,
                               OrganisationService organisationService,
                               TaxonomyService taxonomyService,
                               SavedFilterService savedFilterService,
                               SettingsService settingsService,
                               AuditService auditService,
                               PrivacyService privacyService,
                               PatternService patternService,
                               ListsService listsService,
                               DeviationExporter deviationExporter,
                               Supplier<DeviationImporter> importers,
                               ImportMappingService importMappingService,
                               PatternExporter patternExporter,
                               Clock clock,
                               Supplier<String> actor,
                               se.kvalitetshjulet.service.DeviationDraftService drafts,
                               se.kvalitetshjulet.domain.org.Permissions permissions) {
    /** A new importer (it reads the privacy policy when it runs). */
    public DeviationImporter deviationImporter() {
        return importers.get();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
