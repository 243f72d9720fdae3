package se.kvalitetshjulet.ui.deviation;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.ThreadedTaskRunner;

/**
 * The register with the real task runner on real threads: the user picks "lex Sarah", then "Klagomål (extern)"
 * before the first search has answered, and the first search answers last. The list must show the complaints
 * (the last thing asked for), never the lex Sarah rows.
 */
class RegisterSearchOrderTest {
    @TempDir
    Path dir;
    AppContext ctx;
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService pool = Executors.newCachedThreadPool();
    /** The first search handed to the workers waits here until the test lets it run. */
    private final List<Runnable> held = new ArrayList<>();
    private final Semaphore finished = new Semaphore(0);
    private DeviationListViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestDb.open(dir);
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        Unit unit = ctx.units().save(new Unit(null, adm.id(), "Gruppbostad Lärkan", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null));
        long category = ctx.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
        save(DeviationKind.LEX_SARAH, unit, category, "Kränkande bemötande vid måltid");
        save(DeviationKind.KLAGOMAL_EXTERN, unit, category, "Anhörig klagar på städningen");
        save(DeviationKind.KLAGOMAL_EXTERN, unit, category, "Sen ankomst vid hemtjänstbesök");

        ThreadedTaskRunner runner = new ThreadedTaskRunner(r -> {
            synchronized (held) {
                if (held.isEmpty()) {
                    held.add(r);
                    return;
                }
            }
            pool.execute(() -> runCounted(r));
        }, ui, () -> Thread.currentThread().getName().equals("test-ui"));
        onUi(() -> vm = new DeviationListViewModel(FeatureContexts.deviation(ctx), runner, new RecordingDialogService(),
                new I18n(Locale.of("sv"))));
    }

    private void runCounted(Runnable r) {
        try {
            r.run();
        } finally {
            finished.release();
        }
    }

    private void save(DeviationKind kind, Unit unit, long category, String title) {
        Deviation d = Deviation.newDraft(kind, unit.id(), TestDb.TODAY);
        Deviation full = new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "Undersköterska", title, "Beskrivning.", "", "", "",
                List.of(), null, false, null, null, null, null);
        assertThat(ctx.deviationService().save(full, false).ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        ui.shutdownNow();
        ctx.close();
    }

    private void onUi(Runnable r) throws Exception {
        ui.submit(r).get(30, TimeUnit.SECONDS);
    }

    private void awaitSearches(int n) throws Exception {
        assertThat(finished.tryAcquire(n, 60, TimeUnit.SECONDS)).as("searches finished").isTrue();
        onUi(() -> { });
    }

    private List<String> titles() throws Exception {
        List<String> titles = new ArrayList<>();
        onUi(() -> vm.rows().stream().map(DeviationRow::title).forEach(titles::add));
        return titles;
    }

    @Test
    void theLastFilterChosenIsTheOneShownEvenWhenAnEarlierSearchAnswersLast() throws Exception {
        onUi(() -> {
            vm.kindProperty().set(DeviationKind.LEX_SARAH);
            vm.searchCommand().execute();
        });
        onUi(() -> {
            vm.kindProperty().set(DeviationKind.KLAGOMAL_EXTERN);
            vm.load();
        });
        awaitSearches(1);
        assertThat(titles()).containsExactlyInAnyOrder("Anhörig klagar på städningen", "Sen ankomst vid hemtjänstbesök");
        onUi(() -> assertThat(vm.loadingProperty().get()).isFalse());

        // now the lex Sarah search, asked for first, answers last
        Runnable first;
        synchronized (held) {
            first = held.getFirst();
        }
        Thread late = new Thread(() -> runCounted(first), "late-worker");
        late.start();
        awaitSearches(1);

        assertThat(titles()).containsExactlyInAnyOrder("Anhörig klagar på städningen", "Sen ankomst vid hemtjänstbesök");
        onUi(() -> assertThat(vm.totalProperty().get()).isEqualTo(2));
        onUi(() -> assertThat(vm.summaryProperty().get()).contains("2"));
    }
}
