package se.kvalitetshjulet.ui.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

import se.kvalitetshjulet.export.ReportExporter;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.report.ReportService;

/**
 * What the report screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record ReportContext(OrganisationService organisationService,
                            ReportService reportService,
                            Function<Locale, ReportExporter> reportExporters,
                            Clock clock) {
    public ReportExporter reportExporter(Locale locale) {
        return reportExporters.apply(locale);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
