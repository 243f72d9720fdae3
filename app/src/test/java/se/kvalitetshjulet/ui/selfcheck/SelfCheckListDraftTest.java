package se.kvalitetshjulet.ui.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel.QuestionItem;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * Issue 18: the section chief's list of self-checks says "Utkast" as soon as the first answer is kept (it said
 * "Ej påbörjad" until the screen was reloaded), and after a refused submit the red line at a question goes away once
 * that question is answered, the list above counting what is left.
 */
class SelfCheckListDraftTest {
    @TempDir
    static Path dir;
    private static AppContext ctx;
    private final I18n i18n = new I18n(Locale.of("sv"));

    @BeforeAll
    static void demo() {
        ctx = TestDb.demo(dir);
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    @Test
    void theListSaysDraftAtOnceAndAnsweredQuestionsLoseTheirRedLine() {
        ResponseRow row = ctx.selfChecks().rounds().stream()
                .flatMap(r -> ctx.selfChecks().responses(r.round().id(), null).stream())
                .filter(r -> r.status() == ResponseStatus.NOT_STARTED).findFirst().orElseThrow();
        SelfCheckViewModel vm = new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new SyncTaskRunner(),
                new RecordingDialogService(), i18n);
        vm.refresh();
        SelfCheckFormViewModel form = vm.form();
        form.myUnitProperty().set(form.myUnits().stream().filter(u -> u.id() == row.unitId()).findFirst().orElseThrow());
        ResponseRow listed = form.myResponses().stream().filter(r -> r.id() == row.id()).findFirst().orElseThrow();
        assertThat(listed.status()).isEqualTo(ResponseStatus.NOT_STARTED);
        form.selectedResponseProperty().set(listed);
        assertThat(form.formResponseProperty().get().id()).isEqualTo(row.id());

        QuestionItem first = form.items().stream().filter(i -> i.question().type() == AnswerType.YES_NO
                && i.question().required()).findFirst().orElseThrow();
        first.valueProperty().set("JA");
        form.autosave();
        assertThat(form.myResponses().stream().filter(r -> r.id() == row.id()).findFirst().orElseThrow().status())
                .as("the list, without a reload").isEqualTo(ResponseStatus.DRAFT);
        assertThat(i18n.of(ResponseStatus.DRAFT)).isEqualTo("Utkast");

        form.submitCommand().execute();
        var red = form.items().stream().filter(i -> !i.problemProperty().get().isBlank()).toList();
        assertThat(red).hasSizeGreaterThan(1);
        String before = form.formProblemsProperty().get();
        assertThat(before).contains("Rätta " + red.size() + " punkter");
        QuestionItem fixed = red.stream().filter(i -> i.question().type() == AnswerType.YES_NO).findFirst().orElseThrow();
        fixed.valueProperty().set("JA");
        assertThat(fixed.problemProperty().get()).isEmpty();
        assertThat(form.formProblemsProperty().get()).contains("Rätta " + (red.size() - 1) + " punkter");
        assertThat(red.stream().filter(i -> i != fixed)).allMatch(i -> !i.problemProperty().get().isBlank());
    }
}
