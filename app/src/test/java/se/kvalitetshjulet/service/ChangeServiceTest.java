package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.change.ChangeTopic;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Others' changes reach an open client without restarting (decision 0030): a second client (another window, another
 * process, another person on the server) commits, and the first client's watcher hears which topic changed, on a
 * SQLite file (PRAGMA data_version polling) and on a real PostgreSQL server (LISTEN/NOTIFY) alike.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class ChangeServiceTest {
    /** A generous bound for a change to arrive on a loaded build machine; it normally takes well under a second. */
    private static final long BOUND_SECONDS = 30;

    @Parameter
    TestDb.Engine engine;
    @TempDir
    Path dir;
    AppContext anna;
    AppContext bo;
    ChangeService annasChanges;
    long unit;
    long category;

    @BeforeEach
    void setUp() {
        anna = TestDb.open(engine, dir);
        bo = new AppContext(Database.open(anna.database().describe()), TestDb.clock());
        unit = anna.units().save(new Unit(null, null, "Hemtjänst Väster", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        category = anna.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
        annasChanges = new ChangeService(anna.database(), Duration.ofMillis(200));
    }

    @AfterEach
    void tearDown() {
        annasChanges.close();
        bo.close();
        anna.close();
    }

    private void register(AppContext who, String title) {
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        d = new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "undersköterska", title, "det hände i går.", "", "", "",
                List.of(), null, false, null, null, null, null);
        assertThat(who.deviationService().save(d, false).ok()).isTrue();
    }

    /** Waits for the feed to be listening: a change of Anna's own reaches her own watcher. */
    private void awaitListening(BlockingQueue<Set<ChangeTopic>> heard) throws InterruptedException {
        for (int i = 0; i < BOUND_SECONDS * 2; i++) {
            register(anna, "startkontroll " + i);
            if (heard.poll(500, TimeUnit.MILLISECONDS) != null) {
                heard.clear();
                return;
            }
        }
        throw new AssertionError("The change feed never started");
    }

    @Test
    void aSecondClientsCommitReachesTheFirstClientsWatcher() throws Exception {
        BlockingQueue<Set<ChangeTopic>> deviations = new LinkedBlockingQueue<>();
        BlockingQueue<Set<ChangeTopic>> councils = new LinkedBlockingQueue<>();
        annasChanges.watch(Set.of(ChangeTopic.DEVIATIONS), deviations::add);
        annasChanges.watch(Set.of(ChangeTopic.COUNCILS), councils::add);
        awaitListening(deviations);
        councils.clear();

        register(bo, "larmet hördes inte");

        Set<ChangeTopic> heard = deviations.poll(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(heard).as("Bo's new deviation reached Anna's register").containsExactly(ChangeTopic.DEVIATIONS);
        // the council screen, which was told about the same batch, heard nothing: no council changed
        assertThat(councils).isEmpty();
    }

    @Test
    void aWatchThatEndedHearsNothingMore() throws Exception {
        BlockingQueue<Set<ChangeTopic>> kept = new LinkedBlockingQueue<>();
        BlockingQueue<Set<ChangeTopic>> ended = new LinkedBlockingQueue<>();
        annasChanges.watch(Set.of(ChangeTopic.DEVIATIONS), kept::add);
        ChangeService.Watching gone = annasChanges.watch(Set.of(ChangeTopic.DEVIATIONS), ended::add);
        awaitListening(kept);
        gone.close();
        ended.clear();

        register(bo, "dörren stod öppen");

        assertThat(kept.poll(BOUND_SECONDS, TimeUnit.SECONDS)).containsExactly(ChangeTopic.DEVIATIONS);
        assertThat(ended).isEmpty();
    }
}
