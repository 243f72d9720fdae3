package se.kvalitetshjulet.ui.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.change.ChangeTopic;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.ChangeService;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * The register refreshes when someone else changes deviations (decision 0030): Anna has the register open, Bo (a
 * second window on the same file) registers one deviation and edits another; Anna's page shows both without her
 * doing anything, and the rows nobody touched stay the very same rows (so the table keeps its selection and scroll).
 */
class LiveRegisterViewModelTest {
    @TempDir
    Path dir;
    AppContext anna;
    AppContext bo;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final I18n sv = new I18n(Locale.of("sv"));
    long unit;
    long category;

    @BeforeEach
    void setUp() {
        anna = TestDb.open(dir);
        bo = new AppContext(Database.open(anna.database().describe()), TestDb.clock());
        unit = anna.units().save(new Unit(null, null, "Dagverksamhet Solen", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        category = anna.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
        for (String t : List.of("fall i matsalen", "glömd medicin", "trasig lyft")) {
            register(anna, t);
        }
    }

    @AfterEach
    void tearDown() {
        bo.close();
        anna.close();
    }

    private long register(AppContext who, String title) {
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        d = new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "undersköterska", title, "det hände i går.", "", "", "",
                List.of(), null, false, null, null, null, null);
        var saved = who.deviationService().save(d, false);
        assertThat(saved.ok()).isTrue();
        return saved.value().id();
    }

    private void retitle(AppContext who, long id, String title) {
        var read = who.deviationService().openForEdit(id).orElseThrow();
        Deviation d = read.value();
        Deviation edited = new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(),
                d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(), title,
                d.description(), d.immediateActions(), d.facts(), d.causeText(), d.causeIds(), d.assessment(),
                d.serious(), d.ivoReportedOn(), d.ivoReference(), d.externalSource(), d.externalId());
        assertThat(who.deviationService().save(edited, false, read.version()).ok()).isTrue();
    }

    @Test
    void othersChangesReloadTheShownPageKeepingTheRowsNobodyTouched() {
        var vm = new DeviationListViewModel(FeatureContexts.deviation(anna), new SyncTaskRunner(), dialogs, sv);
        vm.refresh();
        assertThat(vm.rows()).hasSize(3);
        DeviationRow matsalen = vm.rows().stream().filter(r -> r.title().equals("fall i matsalen")).findFirst().orElseThrow();
        DeviationRow medicin = vm.rows().stream().filter(r -> r.title().equals("glömd medicin")).findFirst().orElseThrow();
        long lyft = vm.rows().stream().filter(r -> r.title().equals("trasig lyft")).findFirst().orElseThrow().id();

        register(bo, "larmet hördes inte");
        retitle(bo, lyft, "trasig lyft i badrummet");
        vm.othersChanged();

        assertThat(vm.totalProperty().get()).isEqualTo(4);
        assertThat(vm.rows()).extracting(DeviationRow::title).containsExactlyInAnyOrder("fall i matsalen",
                "glömd medicin", "trasig lyft i badrummet", "larmet hördes inte");
        assertThat(vm.rows()).anySatisfy(r -> assertThat(r).isSameAs(matsalen));
        assertThat(vm.rows()).anySatisfy(r -> assertThat(r).isSameAs(medicin));
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void aRegisterNotYetShownReadsNothing() {
        var vm = new DeviationListViewModel(FeatureContexts.deviation(anna), new SyncTaskRunner(), dialogs, sv);
        vm.othersChanged();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.totalProperty().get()).isZero();
    }

    @Test
    void aCommitInTheOtherWindowReachesTheRegisterThroughTheChangeFeed() throws Exception {
        var vm = new DeviationListViewModel(FeatureContexts.deviation(anna), new SyncTaskRunner(), dialogs, sv);
        vm.refresh();
        CountDownLatch shown = new CountDownLatch(1);
        try (ChangeService changes = new ChangeService(anna.database(), Duration.ofMillis(200))) {
            // what the shell does for the shown register, here on the feed's thread (the test has no FX thread)
            changes.watch(Set.of(ChangeTopic.DEVIATIONS), topics -> {
                vm.othersChanged();
                if (vm.rows().stream().anyMatch(r -> r.title().equals("dörren stod öppen"))) {
                    shown.countDown();
                }
            });
            // the feed starts listening on its own thread; commit until the first change has been seen
            for (int i = 0; i < 60 && shown.getCount() > 0; i++) {
                if (i == 0 || i % 10 == 0) {
                    register(bo, "dörren stod öppen");
                }
                shown.await(500, TimeUnit.MILLISECONDS);
            }
        }
        assertThat(shown.getCount()).as("Bo's deviation appeared in Anna's register").isZero();
    }
}
