package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.FirstStartService.Step;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * Issue 18 (decision 0027): a new, empty database opens "Kom igång". The coordinator names the förvaltning and the
 * nämnd, adds two units by keyboard, closes the guide ("Fortsätt senare"), opens it again from Inställningar where
 * it resumes at the lists, keeps the default lists and skips the round (no template yet). Then it is done and no
 * longer offered.
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartScreenTest {
    private static Path dir;
    private static AppContext ctx;
    private MainView main;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("kvh-first-start");
        ctx = TestDb.open(dir);
        main = new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), dialogs);
        stage.setScene(new Scene(main, 1366, 768));
        stage.show();
    }

    @AfterAll
    static void close() {
        ctx.close();
        TestDb.deleteTree(dir);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean guideOpen() {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing()
                && "Kom igång".equals(s.getTitle()));
    }

    @Test
    void anEmptyDatabaseIsWalkedThroughTheGuideWhichResumesAndIsThenDone(FxRobot robot) throws Exception {
        assertThat(ctx.firstStart().status().offered()).isTrue();
        robot.interact(main::offerFirstStart); // what the app does once the window is up
        waitUntil(FirstStartScreenTest::guideOpen);
        waitUntil(() -> robot.lookup("#guideAdministration").tryQuery().isPresent());

        robot.clickOn("#guideSaveNames"); // nothing typed: told what to do, the step stays
        waitUntil(() -> robot.lookup("#guideProblems").queryAs(Label.class).getText().contains("förvaltningens namn"));
        robot.clickOn("#guideAdministration").write("Vård- och omsorgsförvaltningen");
        robot.clickOn("#guideBoard").write("Vård- och omsorgsnämnden");
        robot.clickOn("#guideSaveNames");
        waitUntil(() -> robot.lookup("#guideUnitName").tryQuery().isPresent());
        assertThat(ctx.settings().get(ReportModel.SETTING_ADMINISTRATION)).contains("Vård- och omsorgsförvaltningen");
        assertThat(ctx.settings().get(ReportModel.SETTING_BOARD)).contains("Vård- och omsorgsnämnden");

        robot.clickOn("#guideUnitName").write("Hemtjänst Norr").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> ctx.organisation().tree().all().size() == 2);
        robot.clickOn("#guideUnitName").write("Hemtjänst Söder").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> ctx.organisation().tree().all().size() == 3);
        assertThat(ctx.organisation().tree().roots()).extracting(Unit::name).containsExactly("Vård- och omsorgsförvaltningen");
        robot.clickOn("#guideOrgDone");
        waitUntil(() -> robot.lookup("#guideKeepLists").tryQuery().isPresent());

        robot.clickOn("#guideLater"); // closed half-way: the database remembers where it was
        waitUntil(() -> !guideOpen());
        assertThat(ctx.firstStart().status().done()).containsExactlyInAnyOrder(Step.NAMES, Step.ORGANISATION);
        assertThat(ctx.firstStart().status().offered()).as("units exist now, but the guide is not done").isTrue();

        robot.clickOn("#nav-settings");
        waitUntil(() -> robot.lookup("#settingsOpenGuide").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#settingsOpenGuide").queryButton().fire());
        waitUntil(FirstStartScreenTest::guideOpen);
        waitUntil(() -> robot.lookup("#guideKeepLists").tryQuery().isPresent());
        assertThat(robot.lookup("#guideStepNAMES").queryAs(Label.class).getText()).startsWith("✓");
        robot.clickOn("#guideKeepLists");
        waitUntil(() -> robot.lookup("#guideCreateRound").tryQuery().isPresent());
        assertThat(robot.lookup("#guideCreateRound").queryButton().isDisabled()).as("no template yet").isTrue();
        robot.clickOn("#guideSkip");
        waitUntil(() -> robot.lookup("#guideFinished").tryQuery().isPresent());

        assertThat(ctx.firstStart().status().done()).containsExactlyInAnyOrder(Step.values());
        assertThat(ctx.firstStart().status().offered()).isFalse();
        assertThat(dialogs.unexpected).isEmpty();
    }
}
