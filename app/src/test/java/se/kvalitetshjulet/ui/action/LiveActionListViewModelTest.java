package se.kvalitetshjulet.ui.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * Others' changes reach the action list (decision 0030), but never while the user is writing the selected action's
 * follow-up: what they typed stays; once it is saved or left as it was, the list reloads keeping the selection.
 */
class LiveActionListViewModelTest {
    @TempDir
    Path dir;
    AppContext anna;
    AppContext bo;
    long unit;
    long deviation;

    @BeforeEach
    void setUp() {
        anna = TestDb.open(dir);
        bo = new AppContext(Database.open(anna.database().describe()), TestDb.clock());
        unit = anna.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        d = new Deviation(null, null, d.kind(), d.law(), d.unitId(),
                anna.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id(), d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "undersköterska", "fall", "i hallen", "", "", "",
                List.of(), null, false, null, null, null, null);
        deviation = anna.deviationService().save(d, false).value().id();
        action(anna, "Ny rutin för lyft");
        action(anna, "Utbildning i förflyttning");
    }

    @AfterEach
    void tearDown() {
        bo.close();
        anna.close();
    }

    private void action(AppContext who, String what) {
        var saved = who.actionService().save(new Measure(null, Measure.SOURCE_DEVIATION, deviation, unit, what, null,
                "Anna Berg", TestDb.TODAY.plusDays(10), null, null, null));
        assertThat(saved.ok()).as("%s", saved.problems()).isTrue();
    }

    @Test
    void theListWaitsWhileAFollowUpIsBeingWrittenAndThenReloadsKeepingTheSelection() {
        ActionListViewModel vm = new ActionListViewModel(FeatureContexts.action(anna), new SyncTaskRunner(),
                new RecordingDialogService(), new I18n(Locale.of("sv")));
        vm.refresh();
        assertThat(vm.rows()).hasSize(2);
        ActionRow lyft = vm.rows().stream().filter(r -> r.measure().what().startsWith("Ny rutin")).findFirst().orElseThrow();
        vm.selectedProperty().set(lyft);
        vm.effectCheckProperty().set("Rutinen används av alla");

        action(bo, "Nya glidlakan");
        vm.othersChanged();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.effectCheckProperty().get()).isEqualTo("Rutinen används av alla");

        vm.effectCheckProperty().set(""); // left as it was
        vm.othersChanged();
        assertThat(vm.rows()).extracting(r -> r.measure().what()).contains("Nya glidlakan").hasSize(3);
        assertThat(vm.selectedProperty().get()).isNotNull();
        assertThat(vm.selectedProperty().get().measure().id()).isEqualTo(lyft.measure().id());
    }
}
