package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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
import se.kvalitetshjulet.domain.ThreeWay;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;

/**
 * Decision 0029: self-check drafts, council meetings and council decisions (actions) carry their version. Two clients
 * on one database (two AppContexts on one SQLite file, or on one PostgreSQL server) save the same record: one wins,
 * the other is told what changed, nothing is lost.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class RecordVersionsTest {
    @Parameter
    TestDb.Engine engine;
    @TempDir
    Path dir;
    AppContext anna;
    AppContext bo;
    long unit;

    @BeforeEach
    void setUp() {
        anna = TestDb.open(engine, dir);
        bo = new AppContext(Database.open(anna.database().describe()), TestDb.clock());
        unit = anna.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
    }

    @AfterEach
    void tearDown() {
        bo.close();
        anna.close();
    }

    // ---- self-check drafts ---------------------------------------------------------------

    private record SelfCheck(long responseId, Template template) {
        long q(String key) {
            return template.questions().filter(x -> x.key().equals(key)).findFirst().map(Question::id).orElseThrow();
        }
    }

    private SelfCheck selfCheck() {
        Template t = anna.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
        Round r = anna.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
        return new SelfCheck(anna.selfChecks().responses(r.id(), unit).getFirst().id(), t);
    }

    private static Map<Long, String> texts(Map<Long, Answer> answers) {
        Map<Long, String> out = new LinkedHashMap<>();
        answers.forEach((q, a) -> out.put(q, a.value() + "|" + a.comment()));
        return out;
    }

    @Test
    void aStaleDraftIsRefusedWithTheOthersAnswersAndAMergeKeepsBoth() {
        SelfCheck sc = selfCheck();
        var annasForm = anna.selfChecks().open(sc.responseId());
        var bosForm = bo.selfChecks().open(sc.responseId());
        assertThat(annasForm.version()).isEqualTo(bosForm.version());

        var saved = anna.selfChecks().saveDraft(sc.responseId(),
                List.of(new Answer(null, sc.q("klader"), "NEJ", "Förkläden saknas")), annasForm.version());
        assertThat(saved.version()).isEqualTo(annasForm.version() + 1);

        List<Answer> bosDraft = List.of(new Answer(null, sc.q("smycken"), "JA", null));
        assertThatThrownBy(() -> bo.selfChecks().saveDraft(sc.responseId(), bosDraft, bosForm.version()))
                .isInstanceOfSatisfying(SelfCheckService.DraftConflictException.class, e -> {
                    assertThat(e.conflict().theirs().get(sc.q("klader")).value()).isEqualTo("NEJ");
                    assertThat(e.conflict().theirVersion()).isEqualTo(saved.version());
                    assertThat(e.conflict().changedBy()).isNotBlank();
                    assertThat(e.getMessage()).contains("Inget har sparats");
                });
        // Bo's answer was not written, Anna's is intact
        assertThat(anna.selfChecks().open(sc.responseId()).answers()).doesNotContainKey(sc.q("smycken"));

        // Bo merges answer by answer: his new answer, her changed one; saved on her version
        SelfCheckService.DraftConflict c = catchDraftConflict(() ->
                bo.selfChecks().saveDraft(sc.responseId(), bosDraft, bosForm.version()));
        Map<Long, Answer> mine = new LinkedHashMap<>();
        bosDraft.forEach(a -> mine.put(a.questionId(), a));
        Map<Long, Answer> merged = ThreeWay.merge(bosForm.answers(), mine, c.theirs(), Set.of());
        bo.selfChecks().saveDraft(sc.responseId(), merged.values(), c.theirVersion());
        var stored = anna.selfChecks().open(sc.responseId()).answers();
        assertThat(stored.get(sc.q("klader")).value()).isEqualTo("NEJ");
        assertThat(stored.get(sc.q("klader")).comment()).isEqualTo("Förkläden saknas");
        assertThat(stored.get(sc.q("smycken")).value()).isEqualTo("JA");
    }

    @Test
    void aDraftThatChangesNothingIsNeverRefusedAndSubmittingAStaleFormIsRefused() {
        SelfCheck sc = selfCheck();
        var bosForm = bo.selfChecks().open(sc.responseId());
        anna.selfChecks().saveDraft(sc.responseId(), List.of(new Answer(null, sc.q("klader"), "JA", null)), null);
        // Bo's autosave of an unchanged form writes nothing and is not refused: no ping-pong between two windows
        var same = bo.selfChecks().saveDraft(sc.responseId(), List.of(new Answer(null, sc.q("klader"), "JA", null)),
                bosForm.version());
        assertThat(same.changed()).isZero();
        assertThat(same.version()).isEqualTo(bosForm.version() + 1);
        assertThatThrownBy(() -> bo.selfChecks().submit(sc.responseId(),
                List.of(new Answer(null, sc.q("klader"), "NEJ", null)), bosForm.version()))
                .isInstanceOf(SelfCheckService.DraftConflictException.class);
        assertThat(anna.selfChecks().open(sc.responseId()).answers().get(sc.q("klader")).value()).isEqualTo("JA");
    }

    private static SelfCheckService.DraftConflict catchDraftConflict(Runnable r) {
        try {
            r.run();
        } catch (SelfCheckService.DraftConflictException e) {
            return e.conflict();
        }
        throw new AssertionError("expected a conflict");
    }

    @Test
    void twoDraftsOfTheSameVersionAtOnceLeaveOneWinnerAndTellTheOther() throws Exception {
        SelfCheck sc = selfCheck();
        long version = anna.selfChecks().open(sc.responseId()).version();
        List<String> outcomes = atOnce(
                () -> draftOutcome(anna, sc, "JA", version),
                () -> draftOutcome(bo, sc, "NEJ", version));
        assertThat(outcomes).containsOnlyOnce("conflict");
        String winner = outcomes.stream().filter(o -> !o.equals("conflict")).findFirst().orElseThrow();
        var form = anna.selfChecks().open(sc.responseId());
        assertThat(form.answers().get(sc.q("klader")).value()).isEqualTo(winner);
        assertThat(form.version()).isEqualTo(version + 1);
    }

    private static String draftOutcome(AppContext who, SelfCheck sc, String value, long version) {
        try {
            who.selfChecks().saveDraft(sc.responseId(), List.of(new Answer(null, sc.q("klader"), value, null)), version);
            return value;
        } catch (SelfCheckService.DraftConflictException e) {
            return "conflict";
        }
    }

    // ---- council meetings and decisions ------------------------------------------------------

    private Meeting meeting() {
        return anna.councilService().save(new Meeting(null, unit, TestDb.TODAY.plusDays(7), "Kvalitetsråd Norr", false,
                null, null, List.of())).value();
    }

    @Test
    void aStaleMeetingSaveIsRefusedWithTheirMeetingAndNothingIsLost() {
        Meeting m = meeting();
        var annas = anna.councilService().openForEdit(m.id()).orElseThrow();
        var bos = bo.councilService().openForEdit(m.id()).orElseThrow();
        assertThat(anna.councilService().save(annas.value().withNotes("Fallolyckorna ökar."), annas.version()).ok())
                .isTrue();
        Meeting bosEdit = bos.value().withPatterns("Tre fall på natten.");
        assertThatThrownBy(() -> bo.councilService().save(bosEdit, bos.version()))
                .isInstanceOfSatisfying(CouncilService.MeetingConflictException.class, e -> {
                    assertThat(e.conflict().theirs().notes()).isEqualTo("Fallolyckorna ökar.");
                    assertThat(e.conflict().theirVersion()).isEqualTo(bos.version() + 1);
                });
        assertThat(anna.councilService().find(m.id()).orElseThrow().patterns()).isNull();
        // merged: her notes, his patterns, on her version
        Meeting theirs = anna.councilService().openForEdit(m.id()).orElseThrow().value();
        long theirVersion = anna.councilService().openForEdit(m.id()).orElseThrow().version();
        assertThat(bo.councilService().save(theirs.withPatterns(bosEdit.patterns()), theirVersion).ok()).isTrue();
        Meeting stored = anna.councilService().find(m.id()).orElseThrow();
        assertThat(stored.notes()).isEqualTo("Fallolyckorna ökar.");
        assertThat(stored.patterns()).isEqualTo("Tre fall på natten.");
    }

    @Test
    void twoMeetingSavesAtOnceLeaveOneWinner() throws Exception {
        Meeting m = meeting();
        long version = anna.councilService().openForEdit(m.id()).orElseThrow().version();
        List<String> outcomes = atOnce(
                () -> meetingOutcome(anna, m.withNotes("Annas anteckning"), version),
                () -> meetingOutcome(bo, m.withNotes("Bos anteckning"), version));
        assertThat(outcomes).containsOnlyOnce("conflict");
        String winner = outcomes.stream().filter(o -> !o.equals("conflict")).findFirst().orElseThrow();
        assertThat(anna.councilService().find(m.id()).orElseThrow().notes()).isEqualTo(winner);
    }

    private static String meetingOutcome(AppContext who, Meeting m, long version) {
        try {
            who.councilService().save(m, version);
            return m.notes();
        } catch (CouncilService.MeetingConflictException e) {
            return "conflict";
        }
    }

    @Test
    void aCouncilDecisionChangedMeanwhileIsNotOverwrittenAndTheOtherIsToldWhoAndWhen() throws Exception {
        Meeting m = meeting();
        Measure decision = anna.councilService().addDecision(m.id(), "Ny rutin för nyckelhantering", "Eva Ek",
                TestDb.TODAY.plusDays(30)).value();
        Measure annas = anna.actionService().find(decision.id()).orElseThrow().measure();
        Measure bos = bo.actionService().find(decision.id()).orElseThrow().measure();
        assertThat(annas.version()).isNotNull().isEqualTo(bos.version());
        assertThat(anna.actionService().save(new Measure(annas.id(), annas.sourceType(), annas.sourceId(), annas.unitId(),
                annas.what(), null, "Omar Ali", annas.dueOn(), null, null, null, annas.version())).ok()).isTrue();
        Measure bosEdit = new Measure(bos.id(), bos.sourceType(), bos.sourceId(), bos.unitId(),
                "Ny rutin för nyckelhantering och larm", null, bos.responsible(), bos.dueOn(), null, null, null,
                bos.version());
        assertThatThrownBy(() -> bo.actionService().save(bosEdit))
                .isInstanceOf(RecordChangedException.class).hasMessageContaining("Inget har sparats");
        Measure stored = anna.actionService().find(decision.id()).orElseThrow().measure();
        assertThat(stored.responsible()).isEqualTo("Omar Ali");
        assertThat(stored.what()).isEqualTo("Ny rutin för nyckelhantering");
        // two edits of the same version at once: one wins
        long v = stored.version();
        List<String> outcomes = atOnce(
                () -> actionOutcome(anna, stored, "Anna", v),
                () -> actionOutcome(bo, stored, "Bo", v));
        assertThat(outcomes).containsOnlyOnce("conflict");
        String winner = outcomes.stream().filter(o -> !o.equals("conflict")).findFirst().orElseThrow();
        assertThat(anna.actionService().find(decision.id()).orElseThrow().measure().responsible()).isEqualTo(winner);
    }

    private static String actionOutcome(AppContext who, Measure m, String responsible, long version) {
        try {
            who.actionService().save(new Measure(m.id(), m.sourceType(), m.sourceId(), m.unitId(), m.what(), null,
                    responsible, m.dueOn(), null, null, null, version));
            return responsible;
        } catch (RecordChangedException e) {
            return "conflict";
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
