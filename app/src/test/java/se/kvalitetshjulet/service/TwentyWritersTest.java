package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.RollupRepository;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Twenty people at once (issue 15, decision 0029): 20 threads, each its own client (on PostgreSQL four section
 * chiefs' logins, one of them the quality coordinator's), register, edit, step, delete cases (decision 0035; the
 * others are refused) and add, edit and delete measures for a bounded time; five shared deviations
 * and their measures are edited by everyone, so saves collide. Afterwards every count is exact: the register, the
 * statuses, the measures, the audit rows (one per change), the roll-up aggregates (SQLite), the versions of the
 * shared records (one step per successful save: no lost update), and the audit chain verifies. Every refused save
 * was told (a conflict), nothing else failed. The run lasts {@code -Dkvh.writers.seconds} (default 4, kept short for
 * the suite; the minute is {@code -Dkvh.writers.seconds=60}).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class TwentyWritersTest {
    static final int WRITERS = 20;
    static final int SHARED = 5;
    static final long SECONDS = Long.getLong("kvh.writers.seconds", 4);

    @Parameter
    TestDb.Engine engine;
    @TempDir
    Path dir;

    AppContext admin;
    long unit;
    long category;
    final AtomicLong expectedAudit = new AtomicLong();
    final List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    final Map<Long, AtomicLong> sharedSaves = new ConcurrentHashMap<>();
    final Map<Long, AtomicLong> sharedMeasureSaves = new ConcurrentHashMap<>();
    final AtomicLong told = new AtomicLong();
    final AtomicLong sharedAttempts = new AtomicLong();

    private Deviation draft(String title) {
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        return new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "Undersköterska", title, "Dörren var olåst.", "", "", "",
                List.of(), null, false, null, null, null, null);
    }

    private static Deviation titled(Deviation d, String title) {
        return new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(), title, d.description(),
                d.immediateActions(), d.facts(), d.causeText(), d.causeIds(), d.assessment(), d.serious(),
                d.ivoReportedOn(), d.ivoReference(), d.externalSource(), d.externalId());
    }

    private static Measure responsible(Measure m, String who) {
        return new Measure(m.id(), m.sourceType(), m.sourceId(), m.unitId(), m.what(), m.measureTypeId(), who, m.dueOn(),
                m.doneOn(), m.effectCheck(), m.effective(), m.version());
    }

    /** The clients: on PostgreSQL four section chiefs' own logins, five threads each; on SQLite 20 clients of one file. */
    private List<String> addresses() {
        if (engine == TestDb.Engine.SQLITE) {
            return Collections.nCopies(WRITERS, admin.database().describe());
        }
        TestPostgres pg = TestPostgres.get();
        String url = admin.database().describe();
        String database = url.substring(url.lastIndexOf('/') + 1);
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String login = "skriv" + i + "_" + database.replace("kvh_test_", "");
            access.createLogin(login, "pw-" + login);
            // the first login is the quality coordinator's, who may also delete cases (decision 0035)
            access.grant(login, i == 0 ? AccessRole.KVALITETSUTVECKLARE : AccessRole.SEKTIONSCHEF, unit);
            pg.rememberPassword(login, "pw-" + login);
            for (int k = 0; k < WRITERS / 4; k++) {
                out.add(pg.url(login, database));
            }
        }
        return out;
    }

    /** What one writer did, as it was told. */
    private final class Writer {
        final AppContext ctx;
        final Random rnd;
        final List<Long> shared;
        final Map<Long, String> title = new HashMap<>();
        final Map<Long, DeviationStatus> status = new HashMap<>();
        long measuresAdded;
        long measuresDeleted;
        long deleted;
        long refusedDeletes;
        int n;

        Writer(AppContext ctx, long seed, List<Long> shared) {
            this.ctx = ctx;
            this.rnd = new Random(seed);
            this.shared = shared;
        }

        Writer run(long until) {
            while (System.nanoTime() < until) {
                n++;
                try {
                    step();
                } catch (DeviationService.ConflictException | RecordChangedException e) {
                    told.incrementAndGet();
                } catch (Throwable t) {
                    unexpected.add(t);
                }
            }
            return this;
        }

        private long own() {
            List<Long> ids = new ArrayList<>(title.keySet());
            return ids.get(rnd.nextInt(ids.size()));
        }

        private void step() {
            int op = title.isEmpty() ? 0 : rnd.nextInt(9);
            switch (op) {
                case 0 -> {
                    Deviation saved = ctx.deviationService().save(draft("Egen " + n), false).value();
                    expectedAudit.incrementAndGet();
                    title.put(saved.id(), saved.title());
                    status.put(saved.id(), DeviationStatus.REGISTRERAD);
                }
                case 1 -> {
                    long id = own();
                    var read = ctx.deviationService().openForEdit(id).orElseThrow();
                    String t = "Egen ändrad " + n;
                    ctx.deviationService().save(titled(read.value(), t), false, read.version());
                    expectedAudit.incrementAndGet();
                    title.put(id, t);
                }
                case 2 -> {
                    long id = shared.get(rnd.nextInt(shared.size()));
                    var read = ctx.deviationService().openForEdit(id).orElseThrow();
                    sharedAttempts.incrementAndGet();
                    ctx.deviationService().save(titled(read.value(), "Delad " + n + " " + rnd.nextInt()), false,
                            read.version());
                    expectedAudit.incrementAndGet();
                    sharedSaves.get(id).incrementAndGet();
                }
                case 3 -> {
                    long id = own();
                    if (status.get(id) == DeviationStatus.REGISTRERAD) {
                        var read = ctx.deviationService().openForEdit(id).orElseThrow();
                        assertThat(ctx.deviationService().transition(read.value(), DeviationStatus.UTREDNING,
                                read.version()).ok()).isTrue();
                        expectedAudit.incrementAndGet();
                        status.put(id, DeviationStatus.UTREDNING);
                    }
                }
                case 4 -> {
                    long id = own();
                    ctx.deviationService().saveMeasure(new Measure(null, Measure.SOURCE_DEVIATION, id, unit,
                            "Åtgärd " + n, null, "Eva", TestDb.TODAY.plusDays(10), null, null, null));
                    expectedAudit.incrementAndGet();
                    measuresAdded++;
                }
                case 5, 6 -> {
                    long id = own();
                    List<Measure> ms = ctx.deviationService().measures(id);
                    if (!ms.isEmpty()) {
                        Measure m = ms.get(rnd.nextInt(ms.size()));
                        if (op == 5) {
                            ctx.deviationService().saveMeasure(responsible(m, "Omar " + n));
                        } else {
                            ctx.deviationService().deleteMeasure(m.id(), m.version());
                            measuresDeleted++;
                        }
                        expectedAudit.incrementAndGet();
                    }
                }
                case 8 -> {
                    // a case registered by mistake is deleted, with its measures (decision 0035)
                    long id = own();
                    var read = ctx.deviationService().openForEdit(id).orElseThrow();
                    long measures = ctx.deviationService().measures(id).size();
                    var result = ctx.deviationService().delete(id, read.version(), "Dubblett, registrerad två gånger");
                    if (!ctx.deviationService().mayDelete()) {
                        assertThat(result.problems()).extracting(se.kvalitetshjulet.domain.Problem::messageKey)
                                .containsExactly("h4.delete.validation.notAllowed");
                        refusedDeletes++;
                        return;
                    }
                    assertThat(result.ok()).isTrue();
                    assertThat(result.value()).isEqualTo((int) measures);
                    expectedAudit.addAndGet(1 + measures);
                    measuresDeleted += measures;
                    deleted++;
                    title.remove(id);
                    status.remove(id);
                }
                default -> {
                    long id = shared.get(rnd.nextInt(shared.size()));
                    Measure m = ctx.deviationService().measures(id).getFirst();
                    sharedAttempts.incrementAndGet();
                    ctx.deviationService().saveMeasure(responsible(m, "Delad " + n + " " + rnd.nextInt()));
                    expectedAudit.incrementAndGet();
                    sharedMeasureSaves.get(m.id()).incrementAndGet();
                }
            }
        }
    }

    @Test
    void twentyWritersAtOnceLeaveEveryCountExactAndNoUpdateIsLost() throws Exception {
        admin = TestDb.open(engine, dir);
        try {
            unit = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                    null, null, null)).id();
            category = admin.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
            List<Long> shared = new ArrayList<>();
            Map<Long, Long> sharedVersion = new HashMap<>();
            Map<Long, Long> sharedMeasureVersion = new HashMap<>();
            for (int i = 0; i < SHARED; i++) {
                long id = admin.deviationService().save(draft("Delad " + i), false).value().id();
                Measure m = admin.deviationService().saveMeasure(new Measure(null, Measure.SOURCE_DEVIATION, id, unit,
                        "Gemensam åtgärd " + i, null, "Eva", TestDb.TODAY.plusDays(10), null, null, null)).value();
                shared.add(id);
                sharedSaves.put(id, new AtomicLong());
                sharedMeasureSaves.put(m.id(), new AtomicLong());
                sharedVersion.put(id, admin.deviations().version(id));
                sharedMeasureVersion.put(m.id(), admin.deviationService().measures(id).getFirst().version());
            }
            List<String> addresses = addresses(); // logins and grants first: they have audit rows of their own
            long registerBefore = admin.deviations().count(DeviationFilter.all(), TestDb.TODAY);
            long auditBefore = admin.audit().count();

            List<AppContext> clients = new ArrayList<>();
            for (String address : addresses) {
                clients.add(new AppContext(Database.open(address), TestDb.clock()));
            }
            List<Writer> writers = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Writer>> done = new ArrayList<>();
                for (int i = 0; i < WRITERS; i++) {
                    Writer w = new Writer(clients.get(i), 1000 + i, shared);
                    done.add(pool.submit(() -> {
                        go.await();
                        return w.run(System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS));
                    }));
                }
                go.countDown();
                for (Future<Writer> f : done) {
                    writers.add(f.get(SECONDS + 120, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
                clients.forEach(AppContext::close);
            }

            assertThat(unexpected).as("nothing failed but the conflicts the writers were told of").isEmpty();
            long registered = writers.stream().mapToLong(w -> w.title.size()).sum();
            assertThat(registered).isPositive();
            assertThat(admin.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(registerBefore + registered);
            long stepped = writers.stream().flatMap(w -> w.status.values().stream())
                    .filter(s -> s == DeviationStatus.UTREDNING).count();
            assertThat(admin.deviations().count(byStatus(DeviationStatus.UTREDNING), TestDb.TODAY)).isEqualTo(stepped);
            assertThat(admin.deviations().count(byStatus(DeviationStatus.REGISTRERAD), TestDb.TODAY))
                    .isEqualTo(SHARED + registered - stepped);
            // every writer's own saves are all there, as each was told
            long measures = 0;
            for (Writer w : writers) {
                for (var e : w.title.entrySet()) {
                    Deviation d = admin.deviations().find(e.getKey()).orElseThrow();
                    assertThat(d.title()).isEqualTo(e.getValue());
                    assertThat(d.status()).isEqualTo(w.status.get(e.getKey()));
                    measures += admin.deviationService().measures(e.getKey()).size();
                }
            }
            assertThat(measures).isEqualTo(writers.stream().mapToLong(w -> w.measuresAdded - w.measuresDeleted).sum());
            // deleted cases are gone with their measures; only the coordinator's clients deleted, the others were told
            long deleted = writers.stream().mapToLong(w -> w.deleted).sum();
            assertThat(deleted).as("some cases were deleted").isPositive();
            if (engine == TestDb.Engine.POSTGRESQL) {
                assertThat(writers.stream().mapToLong(w -> w.refusedDeletes).sum()).as("section chiefs may not delete")
                        .isPositive();
            }
            var al = se.kvalitetshjulet.data.jooq.Tables.AUDIT_LOG;
            assertThat(admin.database().dsl().fetchCount(al, al.ENTITY.eq("deviation").and(al.ACTION.eq("DELETE"))))
                    .as("one DELETE row per deleted case").isEqualTo(deleted);
            assertThat(admin.actions().count(se.kvalitetshjulet.domain.action.ActionFilter.all(), TestDb.TODAY))
                    .as("every measure in the register, none left of a deleted case").isEqualTo(measures + SHARED);
            // no lost update: each shared record moved one version per save that was reported as saved
            for (long id : shared) {
                assertThat(admin.deviations().version(id)).isEqualTo(sharedVersion.get(id) + sharedSaves.get(id).get());
                assertThat(admin.audit().history("deviation", id)).hasSize(1 + (int) sharedSaves.get(id).get());
            }
            for (var e : sharedMeasureVersion.entrySet()) {
                Measure m = admin.actions().find(e.getKey()).orElseThrow();
                assertThat(m.version()).isEqualTo(e.getValue() + sharedMeasureSaves.get(e.getKey()).get());
            }
            long sharedOk = sharedSaves.values().stream().mapToLong(AtomicLong::get).sum()
                    + sharedMeasureSaves.values().stream().mapToLong(AtomicLong::get).sum();
            assertThat(sharedOk + told.get()).as("every save of a shared record was saved or told").isEqualTo(sharedAttempts.get());
            assertThat(admin.audit().count()).as("one audit row per change").isEqualTo(auditBefore + expectedAudit.get());
            assertThat(admin.audit().verify().breaks()).as("the audit chain").isEmpty();
            RollupRepository rollups = new RollupRepository(admin.database(), admin.audit());
            if (rollups.kept()) {
                assertThat(rollups.verify().exact()).as("the roll-up aggregates (check)").isTrue();
            }
            System.out.printf("%s: %d writers, %d s, %d operations, %d registered, %d deleted, %d shared saves, %d told%n",
                    engine, WRITERS, SECONDS, writers.stream().mapToLong(w -> w.n).sum(), registered, deleted, sharedOk,
                    told.get());
        } finally {
            admin.close();
        }
    }

    private static DeviationFilter byStatus(DeviationStatus s) {
        return new DeviationFilter(Set.of(), Set.of(s), null, null, null, null, false, null, null, null);
    }
}
