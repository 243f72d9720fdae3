package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
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
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Two people (or two windows) on one database, SQLite file and PostgreSQL server alike (decision 10): nobody's work
 * is silently overwritten, and concurrent writers leave every count exact.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class ConcurrentEditTest {
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

    private Deviation draft(String title) {
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        return new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "Undersköterska", title, "Dörren var olåst.", "", "", "",
                List.of(), null, false, null, null, null, null);
    }

    private static Deviation withTitle(Deviation d, String title) {
        return new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(), title, d.description(),
                d.immediateActions(), d.facts(), d.causeText(), d.causeIds(), d.assessment(), d.serious(),
                d.ivoReportedOn(), d.ivoReference(), d.externalSource(), d.externalId());
    }

    private static Deviation withDescription(Deviation d, String description) {
        return new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(), d.title(), description,
                d.immediateActions(), d.facts(), d.causeText(), d.causeIds(), d.assessment(), d.serious(),
                d.ivoReportedOn(), d.ivoReference(), d.externalSource(), d.externalId());
    }

    @Test
    void theSecondSaveOfAStaleCopyIsRefusedWithWhatTheOtherChangedAndNothingIsLost() {
        long id = anna.deviationService().save(draft("Olåst dörr"), false).value().id();
        var annasCopy = anna.deviationService().openForEdit(id).orElseThrow();
        var bosCopy = bo.deviationService().openForEdit(id).orElseThrow();
        assertThat(annasCopy.version()).isEqualTo(bosCopy.version());

        assertThat(anna.deviationService().save(withTitle(annasCopy.value(), "Olåst dörr till medicinrummet"), false,
                annasCopy.version()).ok()).isTrue();
        Deviation bosEdit = withDescription(bosCopy.value(), "Dörren till medicinrummet stod olåst under natten.");
        assertThatThrownBy(() -> bo.deviationService().save(bosEdit, false, bosCopy.version()))
                .isInstanceOfSatisfying(DeviationService.ConflictException.class, e -> {
                    assertThat(e.conflict().theirs().title()).isEqualTo("Olåst dörr till medicinrummet");
                    assertThat(e.conflict().fields()).contains("Rubrik", "Beskrivning");
                    assertThat(e.conflict().theirVersion()).isEqualTo(bosCopy.version() + 1);
                    assertThat(e.getMessage()).contains("Inget har sparats");
                });
        // nothing of Anna's was overwritten
        assertThat(bo.deviations().find(id).orElseThrow().title()).isEqualTo("Olåst dörr till medicinrummet");
        // Bo merges field by field (their title, his description) and saves on their version
        var conflict = catchConflict(() -> bo.deviationService().save(bosEdit, false, bosCopy.version()));
        Deviation merged = withDescription(conflict.theirs(), bosEdit.description());
        assertThat(bo.deviationService().save(merged, false, conflict.theirVersion()).ok()).isTrue();
        Deviation stored = anna.deviations().find(id).orElseThrow();
        assertThat(stored.title()).isEqualTo("Olåst dörr till medicinrummet");
        assertThat(stored.description()).isEqualTo("Dörren till medicinrummet stod olåst under natten.");
    }

    private static DeviationService.Conflict catchConflict(Runnable save) {
        try {
            save.run();
        } catch (DeviationService.ConflictException e) {
            return e.conflict();
        }
        throw new AssertionError("expected a conflict");
    }

    @Test
    void twoSavesOfTheSameVersionAtOnceLeaveOneWinnerAndTellTheOther() throws Exception {
        long id = anna.deviationService().save(draft("Fallolycka"), false).value().id();
        long version = anna.deviationService().openForEdit(id).orElseThrow().version();
        Deviation base = anna.deviations().find(id).orElseThrow();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (AppContext who : List.of(anna, bo)) {
                String title = who == anna ? "Fall i badrummet" : "Fall i sovrummet";
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        who.deviationService().save(withTitle(base, title), false, version);
                        return "saved:" + title;
                    } catch (DeviationService.ConflictException e) {
                        return "conflict";
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnlyOnce("conflict");
            String winner = outcomes.stream().filter(o -> o.startsWith("saved:")).findFirst().orElseThrow().substring(6);
            assertThat(anna.deviations().find(id).orElseThrow().title()).isEqualTo(winner);
            assertThat(anna.deviations().version(id)).isEqualTo(version + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritersLeaveEveryCountExact() throws Exception {
        int writers = 6;
        int each = 15;
        long before = anna.deviations().count(DeviationFilter.all(), TestDb.TODAY);
        int auditBefore = anna.audit().count();
        List<AppContext> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int w = 0; w < writers; w++) {
                clients.add(new AppContext(Database.open(anna.database().describe()), TestDb.clock()));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (AppContext c : clients) {
                done.add(pool.submit(() -> {
                    go.await();
                    int ok = 0;
                    for (int i = 0; i < each; i++) {
                        if (c.deviationService().save(draft("Samtidig " + i), false).ok()) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            go.countDown();
            int saved = 0;
            for (Future<Integer> f : done) {
                saved += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(saved).isEqualTo(writers * each);
        } finally {
            pool.shutdownNow();
            clients.forEach(AppContext::close);
        }
        assertThat(anna.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(before + writers * each);
        assertThat(anna.audit().count()).isEqualTo(auditBefore + writers * each);
    }
}
