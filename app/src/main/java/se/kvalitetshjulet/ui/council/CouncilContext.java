package se.kvalitetshjulet.ui.council;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

import se.kvalitetshjulet.export.CouncilMinutesExporter;
import se.kvalitetshjulet.service.ChartBuilder;
import se.kvalitetshjulet.service.ChartTexts;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.service.OrganisationService;

/**
 * What the council screens use: the services, by constructor (built by the composition root, {@code ui.shell.FeatureContexts}).
 */
public record CouncilContext(CouncilService councilService,
                             OrganisationService organisationService,
                             Function<ChartTexts, ChartBuilder> chartBuilders,
                             Function<Locale, CouncilMinutesExporter> minutesExporters,
                             Clock clock) {
    /** The one chart builder, in the screen's language. */
    public ChartBuilder chartBuilder(ChartTexts texts) {
        return chartBuilders.apply(texts);
    }
    public CouncilMinutesExporter councilMinutesExporter(Locale locale) {
        return minutesExporters.apply(locale);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
