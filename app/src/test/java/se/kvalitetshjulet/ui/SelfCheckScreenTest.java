package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckView;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel;

/** Drives the real self-check screen: fill in a form by keyboard, see progress and autosave, submit, see it locked. */
@ExtendWith(ApplicationExtension.class)
class SelfCheckScreenTest {
    private AppContext ctx;
    private Template template;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws IOException {
        ctx = TestDb.open(Files.createTempDirectory("kh-selfcheck-ui"));
        Unit enhet = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        ctx.units().save(new Unit(null, enhet.id(), "Sektion Björkhagen", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        template = ctx.selfChecks().saveTemplate(Template.draft("Lex Sarah", null, List.of(new TemplateSection(null, "Rutiner",
                List.of(new Question(null, "kand", "Känner all personal till rutinen för lex Sarah?", AnswerType.YES_NO, true,
                                "Gäller även vikarier.", "Lokal rutin för lex Sarah", List.of(), FindingRule.NO_OR_PARTLY),
                        new Question(null, "andel", "Andel personal som gått utbildningen", AnswerType.PERCENTAGE, true,
                                null, null, List.of(), FindingRule.below(80))))))).value();
        ctx.selfChecks().createRound(Round.standard(template.name(), template.id(), 2026, false));
        SelfCheckView view = new SelfCheckView(new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new FxTaskRunner(), dialogs,
                new I18n(Locale.of("sv"))), new I18n(Locale.of("sv")));
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long qid(String key) {
        return template.questions().filter(q -> q.key().equals(key)).findFirst().orElseThrow().id();
    }

    @Test
    void aSectionChiefFillsInByKeyboardSeesProgressAndTheLockedResult(FxRobot robot) throws Exception {
        ListView<ResponseRow> list = robot.lookup("#selfCheckMyList").queryListView();
        waitUntil(() -> list.getItems().size() == 1);
        robot.clickOn(robot.from(list).lookup(".list-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> robot.lookup("#answer-" + qid("kand") + "-JA").tryQuery().isPresent());
        Label progress = robot.lookup("#selfCheckProgress").queryAs(Label.class);
        assertThat(progress.getText()).contains("0 av 2");

        RadioButton yes = robot.lookup("#answer-" + qid("kand") + "-DELVIS").queryAs(RadioButton.class);
        robot.interact(yes::requestFocus);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> progress.getText().contains("1 av 2"));
        assertThat(robot.lookup("#action-" + qid("kand")).queryAs(Node.class).isVisible())
                .as("'delvis' is a finding and offers an improvement action").isTrue();

        // Submitting now is refused with a clear Swedish message; the draft is kept.
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        Label problems = robot.lookup("#selfCheckProblems").queryAs(Label.class);
        waitUntil(() -> problems.getText().contains("”Andel personal som gått utbildningen” i avsnittet ”Rutiner” måste besvaras"));

        String target = "answer-" + qid("andel");
        for (int i = 0; i < 15 && !target.equals(focusedId(robot)); i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(focusedId(robot)).isEqualTo(target);
        robot.write("95");
        waitUntil(() -> progress.getText().contains("2 av 2"));

        // The draft is saved by itself a moment after the last change.
        Label saveState = robot.lookup("#selfCheckSaveState").queryAs(Label.class);
        waitUntil(() -> saveState.getText().startsWith("Utkastet sparat"));
        long responseId = list.getItems().getFirst().id();
        assertThat(ctx.selfChecks().open(responseId).answers().get(qid("andel")).value()).isEqualTo("95");

        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        Label status = robot.lookup("#selfCheckStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().equals("Status: Inskickad"));
        TextField percent = robot.lookup("#" + target).queryAs(TextField.class);
        assertThat(percent.isDisabled()).as("a submitted self-check is locked").isTrue();
        assertThat(ctx.selfChecks().open(responseId).response().status()).isEqualTo(ResponseStatus.SUBMITTED);
        assertThat(dialogs.infos).anyMatch(m -> m.contains("inskickad och låst"));
        assertThat(dialogs.unexpected).isEmpty();
    }

    private static String focusedId(FxRobot robot) {
        Node n = robot.listWindows().getFirst().getScene().getFocusOwner();
        while (n != null && n.getId() == null) {
            n = n.getParent();
        }
        return n == null ? null : n.getId();
    }
}
