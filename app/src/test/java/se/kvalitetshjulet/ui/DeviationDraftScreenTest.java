package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * Issue 18 (decision 0027), as the user sees it: typing in a new deviation writes a draft a moment later (the footer
 * says "Utkast sparat"); when the window is gone without a save — as after a crash — "Ny avvikelse" offers
 * "Fortsätt med utkastet från 10:00" and the text is back in the form.
 */
@ExtendWith(ApplicationExtension.class)
class DeviationDraftScreenTest {
    private static Path dir;
    private static AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("kvh-draft-screen");
        ctx = TestDb.open(dir);
        ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null, null,
                null));
        stage.setScene(new Scene(new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), dialogs), 1366, 768));
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

    private static Optional<Stage> editorWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains("Ny avvikelse")).map(Stage.class::cast).findFirst();
    }

    @Test
    void aHalfWrittenDeviationIsOfferedAgainAfterTheWindowWentAway(FxRobot robot) throws Exception {
        robot.clickOn("#nav-deviations");
        robot.clickOn("#deviationNew");
        waitUntil(() -> robot.lookup("#editorTitle").tryQuery().isPresent());
        robot.clickOn("#editorTitle").write("Fall i badrummet");
        waitUntil(() -> ctx.deviationDrafts().find(null).isPresent());
        waitUntil(() -> robot.lookup("#editorDraftState").queryAs(Label.class).getText().startsWith("Utkast sparat"));
        assertThat(ctx.deviationDrafts().find(null).orElseThrow().deviation().title()).isEqualTo("Fall i badrummet");

        // the window disappears without any question or save, as when the program is killed
        Stage editor = editorWindow().orElseThrow();
        robot.interact(editor::hide);

        dialogs.chooseAnswer = Optional.of(0);
        robot.clickOn("#deviationNew");
        waitUntil(() -> dialogs.choices.contains(List.of("Fortsätt med utkastet från 10:00", "Släng utkastet")));
        waitUntil(() -> robot.lookup("#editorTitle").tryQuery().map(n -> "Fall i badrummet".equals(((TextField) n).getText()))
                .orElse(false));
        assertThat(robot.lookup("#editorDraftState").queryAs(Label.class).getText())
                .isEqualTo("Fortsätter med utkastet från 10:00 (inte sparat i registret än)");
        assertThat(dialogs.unexpected).isEmpty();
    }
}
