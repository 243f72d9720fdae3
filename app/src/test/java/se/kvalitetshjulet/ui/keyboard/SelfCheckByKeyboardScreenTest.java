package se.kvalitetshjulet.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

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
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.ui.common.FxDialogService;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckView;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * Issue 18: a section chief answers a self-check of 30 questions without the mouse. Each yes/no group is one Tab stop
 * (Tab from the chosen answer goes to the comment, the next Tab to the next question), the arrows choose, Enter chooses
 * and goes on to the next question; the focused question is scrolled into view. Submitting asks once, with the real
 * dialog: "Avbryt" is the default, the optional question left open is named by number and text.
 */
@ExtendWith(ApplicationExtension.class)
class SelfCheckByKeyboardScreenTest {
    private static final int QUESTIONS = 30;
    private AppContext ctx;
    private Template template;
    private Stage stage;
    private int presses;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        ctx = TestDb.open(Files.createTempDirectory("kh-keyboard-selfcheck"));
        Unit enhet = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        ctx.units().save(new Unit(null, enhet.id(), "Sektion Björkhagen", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        List<Question> questions = new ArrayList<>();
        for (int i = 1; i <= QUESTIONS; i++) {
            // the last two are optional
            questions.add(new Question(null, "q" + i, "Fråga " + i + ": följs rutin " + i + "?", AnswerType.YES_NO,
                    i <= QUESTIONS - 2, null, null, List.of(), FindingRule.NO_OR_PARTLY));
        }
        template = ctx.selfChecks().saveTemplate(Template.draft("Basal hygien", null,
                List.of(new TemplateSection(null, "Rutiner", questions)))).value();
        ctx.selfChecks().createRound(Round.standard(template.name(), template.id(), 2026, false));
        I18n i18n = new I18n(Locale.of("sv"));
        FxDialogService dialogs = new FxDialogService(i18n, () -> this.stage);
        SelfCheckView view = new SelfCheckView(new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new FxTaskRunner(),
                dialogs, i18n), i18n);
        stage.setScene(new Scene(view, 1366, 690));
        stage.show();
        view.refresh();
    }

    @Test
    void thirtyQuestionsAnsweredWithTabAndArrowsThenSubmittedAfterOneQuestion(FxRobot robot) throws Exception {
        ListView<ResponseRow> list = robot.lookup("#selfCheckMyList").queryListView();
        waitUntil(() -> list.getItems().size() == 1);
        long responseId = list.getItems().getFirst().id();
        // The one thing not done by key: the window gets the focus, on the list of my self-checks.
        robot.interact(list::requestFocus);
        key(robot, KeyCode.HOME);
        waitUntil(() -> robot.lookup("#answer-" + qid(1) + "-JA").tryQuery().isPresent());
        for (int i = 0; i < 12 && !focusedId(robot).startsWith("answer-" + qid(1) + "-"); i++) {
            key(robot, KeyCode.TAB);
        }
        assertThat(focusedId(robot)).as("Tab reaches the first question's first answer").isEqualTo("answer-" + qid(1) + "-JA");
        int before = presses;
        ScrollPane scroll = (ScrollPane) robot.lookup(".scroll-pane").match(n -> ((ScrollPane) n).getContent() != null
                && "selfCheckForm".equals(((ScrollPane) n).getContent().getId())).query();

        String[] expected = new String[QUESTIONS + 1];
        for (int q = 1; q < QUESTIONS; q++) {
            assertThat(focusedId(robot)).as("question %d has the focus", q).startsWith("answer-" + qid(q) + "-");
            assertThat(inView(scroll, focused(robot))).as("question %d is scrolled into view", q).isTrue();
            switch (q % 4) {
                case 0 -> { // "Ej aktuellt": Left goes round from "Ja" to the last answer, Enter goes on
                    key(robot, KeyCode.LEFT);
                    key(robot, KeyCode.ENTER);
                    expected[q] = "EJ_AKTUELLT";
                }
                case 1 -> { // "Nej": Right, Enter
                    key(robot, KeyCode.RIGHT);
                    key(robot, KeyCode.ENTER);
                    expected[q] = "NEJ";
                }
                case 2 -> { // "Ja" by Space, then Tab to the comment and Tab to the next question: one stop per group
                    key(robot, KeyCode.SPACE);
                    key(robot, KeyCode.TAB);
                    assertThat(focusedId(robot)).isEqualTo("comment-" + qid(q));
                    key(robot, KeyCode.TAB);
                    expected[q] = "JA";
                }
                default -> { // "Delvis": Down, Down, Enter
                    key(robot, KeyCode.DOWN);
                    key(robot, KeyCode.DOWN);
                    key(robot, KeyCode.ENTER);
                    expected[q] = "DELVIS";
                }
            }
        }
        int answering = presses - before;
        assertThat(answering).as("key presses for %d questions", QUESTIONS - 1).isLessThanOrEqualTo(3 * (QUESTIONS - 1));
        assertThat(focusedId(robot)).startsWith("answer-" + qid(QUESTIONS) + "-");

        // Ctrl+Enter before the last (optional) question is answered: asked once, the open question named, Enter = Avbryt.
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#dialogCancel").tryQuery().isPresent());
        assertThat(((Button) robot.lookup("#dialogCancel").query()).getText().replace("_", "")).isEqualTo("Avbryt");
        assertThat(((Button) robot.lookup("#dialogCancel").query()).isDefaultButton()).isTrue();
        assertThat(((Button) robot.lookup("#dialogConfirm").query()).getText().replace("_", "")).isEqualTo("Lämna in");
        String asked = ((javafx.scene.control.DialogPane) robot.lookup(".dialog-pane").query()).getContentText();
        assertThat(asked).startsWith("Lämna in egenkontrollen? Den låses när den lämnats in.")
                .contains("1 frivillig fråga är obesvarad:").contains("• 30. Fråga 30: följs rutin 30?")
                .doesNotContain("29.");
        key(robot, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#dialogCancel").tryQuery().isEmpty());
        assertThat(ctx.selfChecks().open(responseId).response().status()).as("Avbryt submits nothing")
                .isNotEqualTo(ResponseStatus.SUBMITTED);

        // Answer the last one, then submit with the named answer chosen by keyboard.
        robot.interact(() -> robot.lookup("#answer-" + qid(QUESTIONS) + "-JA").query().requestFocus());
        key(robot, KeyCode.ENTER);
        expected[QUESTIONS] = "JA";
        assertThat(focusedId(robot)).as("Enter on the last question goes to the submit button").isEqualTo("selfCheckSubmit");
        key(robot, KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#dialogConfirm").tryQuery().isPresent());
        String second = ((javafx.scene.control.DialogPane) robot.lookup(".dialog-pane").query()).getContentText();
        assertThat(second).isEqualTo("Lämna in egenkontrollen? Den låses när den lämnats in.");
        for (int i = 0; i < 4 && !"dialogConfirm".equals(focusedId(robot)); i++) {
            key(robot, KeyCode.TAB);
        }
        assertThat(focusedId(robot)).isEqualTo("dialogConfirm");
        key(robot, KeyCode.SPACE);
        waitUntil(() -> ctx.selfChecks().open(responseId).response().status() == ResponseStatus.SUBMITTED);
        waitUntil(() -> robot.listWindows().size() > 1);
        key(robot, KeyCode.ENTER); // the "submitted and locked" note
        System.out.printf("h1: %d questions answered with %d key presses (%.2f each), %d in all%n",
                QUESTIONS - 1, answering, answering / (double) (QUESTIONS - 1), presses);

        Map<Long, Answer> stored = ctx.selfChecks().open(responseId).answers();
        for (int q = 1; q <= QUESTIONS; q++) {
            assertThat(stored.get(qid(q)).value()).as("stored answer %d", q).isEqualTo(expected[q]);
        }
    }

    private void key(FxRobot robot, KeyCode code) {
        presses++;
        robot.type(code);
    }

    private long qid(int n) {
        return template.questions().filter(q -> q.key().equals("q" + n)).findFirst().orElseThrow().id();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node focused(FxRobot robot) {
        // the last focused window is the one on top (a dialog over the main window)
        Window w = robot.listWindows().stream().filter(Window::isFocused).reduce((a, b) -> b).orElse(robot.listWindows().getFirst());
        return w.getScene().getFocusOwner();
    }

    private static String focusedId(FxRobot robot) {
        Node n = focused(robot);
        while (n != null && n.getId() == null) {
            n = n.getParent();
        }
        return n == null ? "" : n.getId();
    }

    private static boolean inView(ScrollPane scroll, Node n) {
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1;
    }
}
