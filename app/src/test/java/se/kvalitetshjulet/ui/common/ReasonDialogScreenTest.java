package se.kvalitetshjulet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Återöppna …" dialog: named buttons, confirm only with a reason, and the safe answer as the default. */
@ExtendWith(ApplicationExtension.class)
class ReasonDialogScreenTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new StackPane(), 600, 400));
        s.show();
    }

    @Test
    void confirmNeedsAReasonAndCancelIsTheDefault(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(new I18n(Locale.of("sv")), () -> stage);
        AtomicReference<Optional<String>> result = new AtomicReference<>();
        Platform.runLater(() -> result.set(dialogs.askReason("Återöppna ärende AV-2023-000042",
                "Skriv varför ärendet återöppnas.", "Återöppna ärendet", "Avbryt", 5)));
        // the dialog is shown and laid out (on screen), not only created
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#reasonText")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Button confirm = robot.lookup("#reasonConfirm").queryButton();
        Button cancel = robot.lookup("#reasonCancel").queryButton();
        assertThat(confirm.getText().replace("_", "")).isEqualTo("Återöppna ärendet");
        assertThat(cancel.getText().replace("_", "")).isEqualTo("Avbryt");
        assertThat(cancel.isDefaultButton()).as("Enter means the safe answer").isTrue();
        assertThat(confirm.isDisabled()).isTrue();

        robot.clickOn("#reasonText").write("Ny");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirm.isDisabled()).as("a reason of a few letters is not enough").isTrue();
        robot.write(" uppgift från närstående");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirm.isDisabled()).isFalse();
        robot.clickOn("#reasonConfirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.get() != null);
        assertThat(result.get()).contains("Ny uppgift från närstående");
    }

    @Test
    void cancellingGivesNoReason(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(new I18n(Locale.of("sv")), () -> stage);
        AtomicReference<Optional<String>> result = new AtomicReference<>();
        Platform.runLater(() -> result.set(dialogs.askReason("Återöppna ärende AV-2023-000042",
                "Skriv varför ärendet återöppnas.", "Återöppna ärendet", "Avbryt", 5)));
        // the dialog is shown and laid out (on screen), not only created
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#reasonText")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#reasonText").write("Ett skäl som inte ska användas");
        robot.clickOn("#reasonCancel");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.get() != null);
        assertThat(result.get()).isEmpty();
    }
}
