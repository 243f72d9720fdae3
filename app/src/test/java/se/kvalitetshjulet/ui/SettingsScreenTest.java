package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.audit.Actor;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/** Inställningar: "Mitt namn" signs the changes from now on, and the privacy policy is set per kind of text. */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {
    private static Path dir;
    private static AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("kvh-settings");
        ctx = TestDb.open(dir);
        stage.setScene(new Scene(new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), dialogs), 1366, 768));
        stage.show();
    }

    @AfterAll
    static void close() {
        ctx.close();
        TestDb.deleteTree(dir);
    }

    @Test
    @SuppressWarnings("unchecked")
    void myNameAndThePolicyAreSaved(FxRobot robot) throws Exception {
        assertThat(ctx.actor().source()).isEqualTo(Actor.SOURCE_OS);
        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settingsActorNote").tryQuery()
                .map(n -> !((javafx.scene.control.Label) n).getText().isEmpty()).orElse(false));
        assertThat(robot.lookup("#settingsActorNote").queryAs(javafx.scene.control.Label.class).getText())
                .contains("Inget namn angivet");
        TextField name = robot.lookup("#settingsMyName").queryAs(TextField.class);
        ComboBox<PrivacyPolicy.Mode> deviations = robot.lookup("#settingsPrivacyDEVIATION").queryAs(ComboBox.class);
        robot.interact(() -> {
            name.setText("Anna Berg, kvalitetsutvecklare");
            deviations.setValue(PrivacyPolicy.Mode.REFUSE);
        });
        robot.clickOn("#settingsSave");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ctx.actor().chosen());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ctx.actor().get()).isEqualTo("Anna Berg, kvalitetsutvecklare");
        assertThat(ctx.privacy().policy().mode(PrivacyPolicy.TextKind.DEVIATION)).isEqualTo(PrivacyPolicy.Mode.REFUSE);
        assertThat(ctx.privacy().policy().mode(PrivacyPolicy.TextKind.SELF_CHECK)).isEqualTo(PrivacyPolicy.Mode.WARN);
        // The change of name is signed by whoever made it (here the OS account); later changes by the new name.
        assertThat(ctx.audit().history("app_setting", 0).getFirst().actorSource()).isEqualTo(Actor.SOURCE_OS);
        assertThat(dialogs.unexpected).isEmpty();
    }
}
