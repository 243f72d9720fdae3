package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Decision 0029: a workflow step (forward, back, reopen) and a measure's save or deletion on a stale version are
 * refused with who changed it and when; nothing is written, and a step read again goes through.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class WorkflowVersionsTest {
    @Parameter
    TestDb.Engine engine;
    @TempDir
    Path dir;
    AppContext anna;
    AppContext bo;
    long unit;
    long category;

    @BeforeEach
    void setUp() {
        anna = TestDb.open(engine, dir);
        bo = new AppContext(Database.open(anna.database().describe()), TestDb.clock());
        unit = anna.units().save(new Unit(null, null, "Gruppbostad Lärkan", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        category = anna.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
    }

    @AfterEach
    void tearDown() {
        bo.close();
        anna.close();
    }

    private long registered(String title) {
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        return anna.deviationService().save(new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(),
                d.occurredOn(), d.reportedOn(), d.registeredOn(), null, null, "Undersköterska", title,
                "Dörren var olåst.", "", "", "", List.of(), null, false, null, null, null, null), false).value().id();
    }

    private static Deviation titled(Deviation d, String title) {
        return new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(), title, d.description(),
                d.immediateActions(), d.facts(), d.causeText(), d.causeIds(), d.assessment(), d.serious(),
                d.ivoReportedOn(), d.ivoReference(), d.externalSource(), d.externalId());
    }

    @Test
    void aStepOnAStaleRecordIsRefusedWithWhoAndWhenAndGoesThroughWhenReadAgain() {
        long id = registered("Olåst dörr");
        var annas = anna.deviationService().openForEdit(id).orElseThrow();
        var bos = bo.deviationService().openForEdit(id).orElseThrow();
        assertThat(bo.deviationService().save(titled(bos.value(), "Olåst dörr till medicinrummet"), false, bos.version())
                .ok()).isTrue();

        assertThatThrownBy(() -> anna.deviationService().transition(annas.value(), DeviationStatus.UTREDNING,
                annas.version()))
                .isInstanceOf(RecordChangedException.class)
                .hasMessageContaining("har ändrats av").hasMessageContaining("kl. ").hasMessageContaining("Inget har sparats");
        Deviation stored = anna.deviations().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeviationStatus.REGISTRERAD);
        assertThat(stored.title()).as("Bo's edit is not overwritten by Anna's step").isEqualTo("Olåst dörr till medicinrummet");

        var again = anna.deviationService().openForEdit(id).orElseThrow();
        assertThat(anna.deviationService().transition(again.value(), DeviationStatus.UTREDNING, again.version()).ok())
                .isTrue();
        assertThat(anna.deviations().find(id).orElseThrow().status()).isEqualTo(DeviationStatus.UTREDNING);

        // a step back on a stale copy is refused too
        var stale = bo.deviationService().openForEdit(id).orElseThrow();
        var fresh = anna.deviationService().openForEdit(id).orElseThrow();
        anna.deviationService().save(titled(fresh.value(), "Olåst dörr, natt"), false, fresh.version());
        assertThatThrownBy(() -> bo.deviationService().stepBack(stale.value(), DeviationStatus.REGISTRERAD,
                "Fel enhet angiven, registreras om", stale.version())).isInstanceOf(RecordChangedException.class);
        assertThat(anna.deviations().find(id).orElseThrow().status()).isEqualTo(DeviationStatus.UTREDNING);
    }

    @Test
    void twoStepsOfTheSameVersionAtOnceLeaveOneWinner() throws Exception {
        long id = registered("Fallolycka");
        var read = anna.deviationService().openForEdit(id).orElseThrow();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (AppContext who : List.of(anna, bo)) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        var r = who.deviationService().transition(read.value(), DeviationStatus.UTREDNING,
                                read.version());
                        // the loser reads the stored status after the winner's commit: "changed elsewhere" is told too
                        return r.ok() ? "stepped" : r.problems().stream().anyMatch(p -> p.messageKey()
                                .equals("deviation.validation.statusChangedElsewhere")) ? "told" : "rejected";
                    } catch (RecordChangedException e) {
                        return "told";
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("stepped", "told");
        } finally {
            pool.shutdownNow();
        }
        assertThat(anna.deviations().version(id)).isEqualTo(read.version() + 1);
        assertThat(anna.audit().history("deviation", id)).hasSize(2); // the INSERT and one step
    }

    @Test
    void aMeasureChangedMeanwhileIsNeitherOverwrittenNorDeletedUnseen() {
        long id = registered("Läkemedel ej givet");
        Measure m = anna.deviationService().saveMeasure(new Measure(null, Measure.SOURCE_DEVIATION, id, unit,
                "Ny rutin för signering", null, "Eva Ek", TestDb.TODAY.plusDays(14), null, null, null)).value();
        Measure annas = anna.deviationService().measures(id).getFirst();
        Measure bos = bo.deviationService().measures(id).getFirst();
        assertThat(annas.version()).isEqualTo(bos.version()).isNotNull();
        assertThat(bo.deviationService().saveMeasure(new Measure(bos.id(), bos.sourceType(), bos.sourceId(), bos.unitId(),
                bos.what(), null, "Omar Ali", bos.dueOn(), null, null, null, bos.version())).ok()).isTrue();

        assertThatThrownBy(() -> anna.deviationService().saveMeasure(new Measure(annas.id(), annas.sourceType(),
                annas.sourceId(), annas.unitId(), "Ny rutin för signering och dubbelkontroll", null, annas.responsible(),
                annas.dueOn(), null, null, null, annas.version())))
                .isInstanceOf(RecordChangedException.class).hasMessageStartingWith("Åtgärden har ändrats av");
        assertThatThrownBy(() -> anna.deviationService().deleteMeasure(m.id(), annas.version()))
                .isInstanceOf(RecordChangedException.class);
        Measure stored = anna.deviationService().measures(id).getFirst();
        assertThat(stored.responsible()).isEqualTo("Omar Ali");
        assertThat(stored.what()).isEqualTo("Ny rutin för signering");
        // read again, the deletion goes through
        anna.deviationService().deleteMeasure(m.id(), stored.version());
        assertThat(anna.deviationService().measures(id)).isEmpty();
    }
}
