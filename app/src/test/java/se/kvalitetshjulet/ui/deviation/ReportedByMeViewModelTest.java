package se.kvalitetshjulet.ui.deviation;

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
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * "Mina rapporterade avvikelser" in the register (decision 0025): Bo, who registered two of five deviations in the
 * editor, sees that he has two, narrows the register to them with their status, and the filter follows the name he
 * works under.
 */
class ReportedByMeViewModelTest {
    @TempDir
    Path dir;
    AppContext anna;
    AppContext bo;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final I18n sv = new I18n(Locale.of("sv"));
    Unit unit;

    @BeforeEach
    void setUp() {
        anna = TestDb.open(dir);
        anna.actor().choose("Anna Lind");
        bo = new AppContext(Database.open(anna.database().describe()), TestDb.clock());
        bo.actor().choose("Bo Ek");
        unit = anna.units().save(new Unit(null, null, "Dagverksamhet Solen", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        long category = anna.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
        for (String t : List.of("fall i matsalen", "glömd medicin", "trasig lyft")) {
            Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit.id(), TestDb.TODAY);
            d = new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                    d.reportedOn(), d.registeredOn(), null, null, "undersköterska", t, "det hände i går.", "", "", "",
                    List.of(), null, false, null, null, null, null);
            assertThat(anna.deviationService().save(d, false).ok()).isTrue();
        }
        // Bo registers two in the editor, as a section chief would.
        var contexts = FeatureContexts.deviation(bo);
        for (String t : List.of("larmet hördes inte", "dörren stod öppen")) {
            var editor = new DeviationEditorViewModel(contexts, new SyncTaskRunner(), dialogs, sv, () -> { });
            editor.startNew(bo.organisation().tree().find(unit.id()).orElseThrow());
            editor.categoryProperty().set(editor.categories().getFirst());
            editor.reporterRoleProperty().set("sjuksköterska");
            editor.titleProperty().set(t);
            editor.descriptionProperty().set("upptäcktes på morgonen.");
            assertThat(editor.saveCommand().execute()).isTrue();
            assertThat(editor.idProperty().get()).as("saved: %s", editor.problemsProperty().get()).isNotNull();
        }
    }

    @AfterEach
    void tearDown() {
        bo.close();
        anna.close();
    }

    private DeviationListViewModel register(AppContext who) {
        var vm = new DeviationListViewModel(FeatureContexts.deviation(who), new SyncTaskRunner(), dialogs, sv);
        vm.refresh();
        return vm;
    }

    @Test
    void theRegisterCountsAndShowsWhatIRegistered() {
        DeviationListViewModel vm = register(bo);
        assertThat(vm.totalProperty().get()).isEqualTo(5);
        assertThat(vm.reportedByMeCountProperty().get()).isEqualTo(2);

        vm.reportedByMeProperty().set(true);
        vm.searchCommand().execute();
        assertThat(vm.totalProperty().get()).isEqualTo(2);
        assertThat(vm.rows()).extracting(DeviationRow::title)
                .containsExactlyInAnyOrder("larmet hördes inte", "dörren stod öppen");
        assertThat(vm.rows()).extracting(DeviationRow::status).containsOnly(DeviationStatus.REGISTRERAD);
        assertThat(vm.currentFilter().registeredBy()).isEqualTo("Bo Ek");

        vm.clearFilterCommand().execute();
        assertThat(vm.reportedByMeProperty().get()).isFalse();
        assertThat(vm.totalProperty().get()).isEqualTo(5);
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void theFilterFollowsTheNameIWorkUnder() {
        DeviationListViewModel vm = register(anna);
        assertThat(vm.reportedByMeCountProperty().get()).isEqualTo(3);
        vm.reportedByMeProperty().set(true);
        vm.searchCommand().execute();
        assertThat(vm.rows()).extracting(DeviationRow::title)
                .containsExactlyInAnyOrder("fall i matsalen", "glömd medicin", "trasig lyft");

        // Another name in Inställningar: the deviations registered under the old name are no longer "mine".
        anna.actor().choose("Anna Lind-Berg");
        vm.searchCommand().execute();
        assertThat(vm.totalProperty().get()).isZero();
        assertThat(vm.reportedByMeCountProperty().get()).isZero();
    }
}
