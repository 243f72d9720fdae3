package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.service.RecordChangedException;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;

/**
 * Decision 0029 with two people's own logins on one PostgreSQL server: two section chiefs save the same self-check
 * draft at once, two council members the same meeting and the same decision. One wins, the other is told, and the
 * audit trail names each login and verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoLoginsTest {
    final TestPostgres pg = TestPostgres.get();
    AppContext admin;
    String database;
    long unit;

    @BeforeAll
    void setUp() {
        admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
        database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
        unit = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
    }

    @AfterAll
    void tearDown() {
        admin.close();
    }

    private AppContext login(String name, AccessRole role) {
        String login = name + "_" + database.replace("kvh_test_", "");
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        access.createLogin(login, "pw-" + login);
        access.grant(login, role, unit);
        pg.rememberPassword(login, "pw-" + login);
        return new AppContext(Database.open(pg.url(login, database)), TestDb.clock());
    }

    @Test
    void twoSectionChiefsSaveTheSameDraftAtOnce() throws Exception {
        Template t = admin.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
        Round r = admin.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
        long id = admin.selfChecks().responses(r.id(), unit).getFirst().id();
        long q = t.questions().filter(x -> x.key().equals("klader")).findFirst().orElseThrow().id();
        try (AppContext anna = login("anna", AccessRole.SEKTIONSCHEF); AppContext bo = login("bo", AccessRole.SEKTIONSCHEF)) {
            long v = anna.selfChecks().open(id).version();
            List<String> outcomes = atOnce(() -> draft(anna, id, q, "JA", v), () -> draft(bo, id, q, "NEJ", v));
            assertThat(outcomes).containsOnlyOnce("told");
            String winner = outcomes.stream().filter(o -> !o.equals("told")).findFirst().orElseThrow();
            assertThat(admin.selfChecks().open(id).answers().get(q).value()).isEqualTo(winner);
        }
        assertThat(admin.audit().history("self_check_response", id)).extracting(e -> e.actor())
                .anyMatch(a -> a.startsWith("anna_") || a.startsWith("bo_"));
        assertThat(admin.audit().verify().breaks()).isEmpty();
    }

    private static String draft(AppContext who, long id, long q, String value, long version) {
        try {
            who.selfChecks().saveDraft(id, List.of(new Answer(null, q, value, null)), version);
            return value;
        } catch (SelfCheckService.DraftConflictException e) {
            return "told";
        }
    }

    @Test
    void twoCouncilMembersSaveTheSameMeetingAndTheSameDecisionAtOnce() throws Exception {
        Meeting m = admin.councilService().save(new Meeting(null, unit, TestDb.TODAY.plusDays(7), "Kvalitetsråd Norr",
                false, null, null, List.of())).value();
        Measure decision = admin.councilService().addDecision(m.id(), "Ny rutin för nyckelhantering", "Eva Ek",
                TestDb.TODAY.plusDays(30)).value();
        try (AppContext cecilia = login("cecilia", AccessRole.RADSLEDAMOT);
             AppContext david = login("david", AccessRole.RADSLEDAMOT)) {
            long v = cecilia.councilService().openForEdit(m.id()).orElseThrow().version();
            List<String> outcomes = atOnce(() -> notes(cecilia, m, "Ceciliasanteckning", v),
                    () -> notes(david, m, "Davidsanteckning", v));
            assertThat(outcomes).containsOnlyOnce("told");
            assertThat(admin.councilService().find(m.id()).orElseThrow().notes())
                    .isEqualTo(outcomes.stream().filter(o -> !o.equals("told")).findFirst().orElseThrow());

            Measure read = cecilia.actionService().find(decision.id()).orElseThrow().measure();
            List<String> decided = atOnce(() -> responsible(cecilia, read, "Cecilia"), () -> responsible(david, read, "David"));
            assertThat(decided).containsOnlyOnce("told");
            assertThat(admin.actionService().find(decision.id()).orElseThrow().measure().responsible())
                    .isEqualTo(decided.stream().filter(o -> !o.equals("told")).findFirst().orElseThrow());
        }
        assertThat(admin.audit().verify().breaks()).isEmpty();
    }

    private static String notes(AppContext who, Meeting m, String text, long version) {
        try {
            who.councilService().save(m.withNotes(text), version);
            return text;
        } catch (CouncilService.MeetingConflictException e) {
            return "told";
        }
    }

    private static String responsible(AppContext who, Measure m, String name) {
        try {
            who.actionService().save(new Measure(m.id(), m.sourceType(), m.sourceId(), m.unitId(), m.what(),
                    m.measureTypeId(), name, m.dueOn(), m.doneOn(), m.effectCheck(), m.effective(), m.version()));
            return name;
        } catch (RecordChangedException e) {
            return "told";
        }
    }

    @SafeVarargs
    private static List<String> atOnce(Callable<String>... work) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(work.length);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> w : work) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return w.call();
                }));
            }
            go.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
