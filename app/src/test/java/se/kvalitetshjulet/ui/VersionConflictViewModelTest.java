package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;
import se.kvalitetshjulet.ui.common.ConflictQuestion;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.council.CouncilViewModel;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckFormViewModel;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * Decision 0029 as the person sees it: two windows on one file fill in the same self-check or write the same
 * meeting's minutes. The second save is refused, the conflict dialog shows only what differs (who changed each
 * answer or field), and each answer is saved as chosen; while a refused draft waits, autosave does not save back and
 * forth.
 */
class VersionConflictViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    AppContext other;
    long unit;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final I18n i18n = new I18n(Locale.of("sv"));

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        other = new AppContext(Database.open(ctx.database().describe()), TestDb.clock());
        unit = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
    }

    @AfterEach
    void tearDown() {
        other.close();
        ctx.close();
    }

    private long response() {
        Template t = ctx.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
        Round r = ctx.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
        return ctx.selfChecks().responses(r.id(), unit).getFirst().id();
    }

    private static SelfCheckViewModel.QuestionItem item(SelfCheckFormViewModel form, String key) {
        return form.items().stream().filter(i -> key.equals(i.question().key())).findFirst().orElseThrow();
    }

    private long q(SelfCheckFormViewModel form, String key) {
        return item(form, key).question().id();
    }

    @Test
    void aRefusedDraftAsksAnswerByAnswerAndTheMergeKeepsEveryonesAnswers() {
        long id = response();
        SelfCheckViewModel vm = new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new SyncTaskRunner(), dialogs, i18n);
        SelfCheckFormViewModel form = vm.form();
        form.open(id);
        item(form, "klader").valueProperty().set("JA");
        form.autosave();
        // the other window, opened now, changes two answers
        var theirs = other.selfChecks().open(id);
        other.selfChecks().saveDraft(id, List.of(new Answer(null, q(form, "klader"), "NEJ", "Förkläden saknas"),
                new Answer(null, q(form, "smycken"), "JA", null)), theirs.version());
        // this window changes one of the same and another one
        item(form, "klader").valueProperty().set("DELVIS");
        item(form, "ombud").valueProperty().set("JA");
        dialogs.conflictAnswer = q -> Optional.of(new ConflictQuestion.Answer(ConflictQuestion.Choice.MERGE, Set.of()));
        form.autosave();

        assertThat(dialogs.conflicts).hasSize(1);
        ConflictQuestion asked = dialogs.conflicts.getFirst();
        assertThat(asked.message()).contains("sparade egenkontrollen");
        assertThat(asked.rows()).extracting(ConflictQuestion.Row::changed).containsExactlyInAnyOrder(
                ConflictQuestion.Changed.BOTH, ConflictQuestion.Changed.THEIRS, ConflictQuestion.Changed.MINE);
        assertThat(asked.rows()).filteredOn(r -> r.changed() == ConflictQuestion.Changed.BOTH).singleElement()
                .satisfies(r -> {
                    assertThat(r.mine()).isEqualTo("DELVIS");
                    assertThat(r.theirs()).isEqualTo("NEJ – Förkläden saknas");
                });
        var stored = ctx.selfChecks().open(id).answers();
        assertThat(stored.get(q(form, "klader")).value()).as("both changed, theirs picked").isEqualTo("NEJ");
        assertThat(stored.get(q(form, "klader")).comment()).isEqualTo("Förkläden saknas");
        assertThat(stored.get(q(form, "smycken")).value()).as("only they changed").isEqualTo("JA");
        assertThat(stored.get(q(form, "ombud")).value()).as("only I changed").isEqualTo("JA");
        assertThat(item(form, "klader").valueProperty().get()).as("the form shows what was saved").isEqualTo("NEJ");
        assertThat(form.dirtyProperty().get()).isFalse();
    }

    @Test
    void whileARefusedDraftWaitsAutosaveSavesNothingAndCtrlSAsksAgain() {
        long id = response();
        SelfCheckViewModel vm = new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new SyncTaskRunner(), dialogs, i18n);
        SelfCheckFormViewModel form = vm.form();
        form.open(id);
        var theirs = other.selfChecks().open(id);
        other.selfChecks().saveDraft(id, List.of(new Answer(null, q(form, "klader"), "NEJ", null)), theirs.version());
        item(form, "klader").valueProperty().set("JA");
        form.autosave(); // refused, the person cancels the dialog
        assertThat(dialogs.conflicts).hasSize(1);
        assertThat(form.saveStateProperty().get()).isEqualTo(i18n.get("selfcheck.conflict.paused"));

        item(form, "smycken").valueProperty().set("JA");
        form.autosave();
        form.autosave();
        assertThat(dialogs.conflicts).as("no dialog and no save from the timers").hasSize(1);
        var stored = ctx.selfChecks().open(id).answers();
        assertThat(stored.get(q(form, "klader")).value()).isEqualTo("NEJ");
        assertThat(stored).doesNotContainKey(q(form, "smycken"));

        dialogs.conflictAnswer = q -> Optional.of(ConflictQuestion.Answer.of(ConflictQuestion.Choice.KEEP_MINE));
        assertThat(form.saveDraftCommand().execute()).isTrue();
        assertThat(dialogs.conflicts).hasSize(2);
        stored = ctx.selfChecks().open(id).answers();
        assertThat(stored.get(q(form, "klader")).value()).as("keep mine").isEqualTo("JA");
        assertThat(stored.get(q(form, "smycken")).value()).isEqualTo("JA");
        // the other window's answer is still in the history
        assertThat(ctx.audit().history("self_check_response", id)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void staleMinutesAreRefusedAndMergedFieldByField() {
        Meeting m = ctx.councilService().save(new Meeting(null, unit, TestDb.TODAY.plusDays(7), "Kvalitetsråd Norr",
                false, null, null, List.of())).value();
        CouncilViewModel vm = new CouncilViewModel(FeatureContexts.council(ctx), new SyncTaskRunner(), dialogs, i18n);
        vm.open(m.id());
        var theirs = other.councilService().openForEdit(m.id()).orElseThrow();
        other.councilService().save(theirs.value().withNotes("Fallolyckorna ökar."), theirs.version());
        vm.patternsProperty().set("Tre fall på natten.");
        dialogs.conflictAnswer = q -> Optional.of(new ConflictQuestion.Answer(ConflictQuestion.Choice.MERGE, Set.of()));
        assertThat(vm.saveMinutesCommand().execute()).isTrue();

        assertThat(dialogs.conflicts).singleElement().satisfies(q -> {
            assertThat(q.title()).isEqualTo(i18n.get("council.conflict.title"));
            assertThat(q.rows()).extracting(ConflictQuestion.Row::field)
                    .containsExactlyInAnyOrder("Mönster rådet såg", "Anteckningar");
        });
        Meeting stored = ctx.councilService().find(m.id()).orElseThrow();
        assertThat(stored.notes()).isEqualTo("Fallolyckorna ökar.");
        assertThat(stored.patterns()).isEqualTo("Tre fall på natten.");
    }
}
