package se.kvalitetshjulet.ui.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/** Issue 18, plurals: a register of one deviation says "1 avvikelse" ("1 deviation"), of two "2 avvikelser". */
class PluralSummaryViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private void deviations(String... titles) {
        ctx = TestDb.open(dir);
        Unit unit = ctx.units().save(new Unit(null, null, "Dagverksamhet Solen", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null));
        long category = ctx.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
        for (String t : titles) {
            Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit.id(), TestDb.TODAY);
            d = new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                    d.reportedOn(), d.registeredOn(), null, null, "undersköterska", t, "det hände i går.", "", "", "",
                    List.of(), null, false, null, null, null, null);
            assertThat(ctx.deviationService().save(d, false).ok()).isTrue();
        }
    }

    private String summary(Locale language) {
        var vm = new DeviationListViewModel(FeatureContexts.deviation(ctx), new SyncTaskRunner(),
                new RecordingDialogService(), new I18n(language));
        vm.refresh();
        return vm.summaryProperty().get();
    }

    @Test
    void oneDeviationIsSingular() {
        deviations("fall i matsalen");
        assertThat(summary(Locale.of("sv"))).isEqualTo("1 avvikelse · sida 1 av 1");
        assertThat(summary(Locale.ENGLISH)).isEqualTo("1 deviation · page 1 of 1");
    }

    @Test
    void twoDeviationsArePlural() {
        deviations("fall i matsalen", "glömd medicin");
        assertThat(summary(Locale.of("sv"))).isEqualTo("2 avvikelser · sida 1 av 1");
        assertThat(summary(Locale.ENGLISH)).isEqualTo("2 deviations · page 1 of 1");
    }
}
