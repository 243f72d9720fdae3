package se.kvalitetshjulet.ui.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * The self-check screen's tabs as the section chief and the coordinator use them, on the demo database and without
 * a window: a form answered, saved as a draft, refused while incomplete, an improvement action raised from a finding
 * and the answers written to a file; a new round proposed from its template.
 */
class SelfCheckTabsViewModelTest {
    @TempDir
    static Path dir;
    private static AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final I18n i18n = new I18n(Locale.of("sv"));

    @BeforeAll
    static void demo() {
        ctx = TestDb.demo(dir);
    }

    private SelfCheckViewModel screen() {
        SelfCheckViewModel vm = new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new SyncTaskRunner(), dialogs, i18n);
        vm.refresh();
        return vm;
    }

    private static ResponseRow notStarted() {
        return ctx.selfChecks().rounds().stream()
                .flatMap(r -> ctx.selfChecks().responses(r.round().id(), null).stream())
                .filter(r -> r.status() == ResponseStatus.NOT_STARTED).findFirst().orElseThrow();
    }

    @Test
    void aFormIsSavedAsDraftRefusedWhileIncompleteAndItsFindingGetsAnAction() throws Exception {
        SelfCheckViewModel vm = screen();
        SelfCheckFormViewModel form = vm.form();
        ResponseRow row = notStarted();
        form.open(row.id());
        assertThat(form.formStatusProperty().get()).isEqualTo(ResponseStatus.NOT_STARTED);
        assertThat(form.lockedProperty().get()).isFalse();
        var yesNo = form.items().stream().filter(i -> i.question().type() == AnswerType.YES_NO && i.question().required())
                .findFirst().orElseThrow();

        yesNo.valueProperty().set("NEJ");
        assertThat(yesNo.findingProperty().get()).isTrue();
        assertThat(form.dirtyProperty().get()).isTrue();
        assertThat(form.saveStateProperty().get()).isEqualTo(i18n.get("selfcheck.form.unsaved"));
        assertThat(form.progressTextProperty().get()).startsWith("Obligatoriska frågor besvarade: 1 av");
        assertThat(form.saveDraftCommand().execute()).isTrue();
        assertThat(form.formStatusProperty().get()).isEqualTo(ResponseStatus.DRAFT);
        assertThat(form.dirtyProperty().get()).isFalse();
        assertThat(ctx.selfChecks().open(row.id()).answers().get(yesNo.question().id()).value()).isEqualTo("NEJ");

        // Other required questions are unanswered: nothing is submitted, the form and the questions say why.
        assertThat(form.submitCommand().execute()).isTrue();
        assertThat(form.formProblemsProperty().get()).isNotBlank();
        assertThat(form.items()).anyMatch(i -> i != yesNo && !i.problemProperty().get().isBlank());
        assertThat(ctx.selfChecks().open(row.id()).response().status()).isEqualTo(ResponseStatus.DRAFT);

        form.startAction(yesNo);
        assertThat(form.actionQuestionProperty().get()).isSameAs(yesNo);
        form.actionWhatProperty().set("Gå igenom rutinen på arbetsplatsträffen");
        form.actionResponsibleProperty().set("Enhetschef");
        assertThat(form.addActionCommand().execute()).isTrue();
        assertThat(form.actionQuestionProperty().get()).isNull();
        assertThat(form.actionsFor(yesNo)).singleElement().asString().contains("Gå igenom rutinen på arbetsplatsträffen");
        assertThat(ctx.selfChecks().actions(row.id(), null)).hasSize(1);

        Path answers = dir.resolve(vm.handover().suggestedAnswersFileName());
        vm.handover().exportAnswers(answers);
        assertThat(Files.size(answers)).isPositive();
        assertThat(dialogs.infos).last().asString().contains(i18n.get("selfcheck.handover.answersAreDraft"));
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aNewRoundIsProposedFromItsTemplateAndTheSelectedRoundListsItsUnits() {
        SelfCheckViewModel vm = screen();
        RoundsViewModel rounds = vm.roundsTab();
        assertThat(rounds.createRoundCommand().isExecutable()).isFalse();
        rounds.roundTemplateProperty().set(vm.templates().getFirst());
        assertThat(rounds.roundNameProperty().get()).startsWith(vm.templates().getFirst().name());
        assertThat(rounds.roundStartProperty().get()).isNotNull();
        assertThat(rounds.roundDueProperty().get()).isAfterOrEqualTo(rounds.roundEndProperty().get());
        assertThat(rounds.createRoundCommand().isExecutable()).isTrue();

        RoundRow first = rounds.rounds().getFirst();
        rounds.selectedRoundProperty().set(first);
        assertThat(rounds.roundResponses()).hasSize((int) first.units());
        assertThat(vm.handover().canExportAllFormsProperty().get()).isTrue();
        assertThat(vm.handover().canExportUnitFormProperty().get()).isFalse();
        rounds.onlyUnansweredProperty().set(true);
        assertThat(rounds.roundResponses()).hasSize((int) first.notAnswered())
                .allMatch(r -> r.status().pending());
    }
}
