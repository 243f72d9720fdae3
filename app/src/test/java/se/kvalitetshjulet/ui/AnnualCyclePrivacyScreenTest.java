package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.ui.ScreenFixture.IDENTIFYING;
import static se.kvalitetshjulet.ui.ScreenFixture.waitUntil;

import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.Mode;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind;

/** Issue 13 on the årshjul: an activity's text is checked before it is stored, as in every other editor. */
@ExtendWith(ApplicationExtension.class)
class AnnualCyclePrivacyScreenTest {
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static boolean stored(AppContext ctx) {
        return ctx.annualCycleService().occurrences(ctx.today().getYear()).stream()
                .anyMatch(o -> o.activity().title().contains("Anna Svensson"));
    }

    @Test
    void anActivityNamingAPersonIsAskedAboutAndUnderRefuseNotStored(FxRobot robot) throws Exception {
        AppContext ctx = TestDb.open(dir);
        try (ScreenFixture fx = ScreenFixture.on(ctx)) {
            robot.interact(() -> fx.show(stage));
            fx.open(robot, "calendar");
            robot.clickOn("#cycleNew");
            TextInputControl title = robot.lookup("#cycleTitle").queryAs(TextInputControl.class);
            robot.clickOn(title);
            robot.interact(title::clear);
            robot.write("Uppföljning med " + IDENTIFYING);

            fx.answer(false);
            robot.clickOn("#cycleSave");
            fx.waitForQuestion(1, "Aktivitet");
            assertThat(stored(ctx)).as("\"Ändra texten\" stores nothing").isFalse();
            assertThat(title.getText()).contains(IDENTIFYING);

            fx.policy(TextKind.QUALITY_PLAN, Mode.REFUSE);
            robot.clickOn("#cycleSave");
            waitUntil(() -> robot.lookup("#cycleProblems").queryAs(Label.class).getText().contains("19121212-1212"));
            assertThat(stored(ctx)).isFalse();
            assertThat(fx.dialogs.privacyQuestions).hasSize(1);

            fx.policy(TextKind.QUALITY_PLAN, Mode.WARN);
            fx.answer(true);
            robot.clickOn("#cycleSave");
            fx.waitForQuestion(2, "Aktivitet");
            waitUntil(() -> stored(ctx));
            assertThat(fx.dialogs.unexpected).isEmpty();
        } finally {
            ctx.close();
        }
    }
}
