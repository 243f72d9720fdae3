package se.kvalitetshjulet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: the dialogs speak the UI language with named answers, whatever the JVM's locale, and Enter never does the
 * thing that loses work: "unsaved changes" answers "Spara" / "Släng ändringarna" / "Avbryt", Enter saves.
 */
@ExtendWith(ApplicationExtension.class)
class DialogLanguageScreenTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void unsavedChangesInSwedishNamesItsAnswersAndEnterDoesNotDiscard(FxRobot robot) throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH); // the JVM says English; the UI is Swedish
        try {
            FxDialogService dialogs = new FxDialogService(new I18n(Locale.of("sv")), () -> stage);
            AtomicReference<DialogService.Unsaved> answer = new AtomicReference<>();
            Platform.runLater(() -> answer.set(dialogs.askUnsaved("Osparade ändringar", "Avvikelsen har ändringar.", true)));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#unsavedDiscard").tryQuery().isPresent());
            assertThat(texts(robot)).containsExactlyInAnyOrder("Spara", "Släng ändringarna", "Avbryt");
            assertThat(robot.lookup("#unsavedDiscard").queryAs(Button.class).isDefaultButton()).isFalse();
            assertThat(robot.lookup("#unsavedSave").queryAs(Button.class).isDefaultButton()).isTrue();
            assertThat(robot.lookup("#unsavedCancel").queryAs(Button.class).isCancelButton()).isTrue();
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> answer.get() != null);
            assertThat(answer.get()).isEqualTo(DialogService.Unsaved.SAVE);

            // when the form cannot be saved as it stands: no "Spara", and Enter goes back to the editor
            answer.set(null);
            Platform.runLater(() -> answer.set(dialogs.askUnsaved("Osparade ändringar", "Mallen har ändringar.", false)));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#unsavedDiscard").tryQuery().isPresent());
            assertThat(texts(robot)).containsExactlyInAnyOrder("Släng ändringarna", "Avbryt");
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> answer.get() != null);
            assertThat(answer.get()).isEqualTo(DialogService.Unsaved.CANCEL);

            // a plain confirmation: "Ja" / "Nej", and Enter answers no
            AtomicReference<Boolean> yes = new AtomicReference<>();
            Platform.runLater(() -> yes.set(dialogs.confirm("Ta bort", "Vill du ta bort raden?")));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#dialogYes").tryQuery().isPresent());
            assertThat(robot.lookup("#dialogYes").queryAs(Button.class).getText().replace("_", "")).isEqualTo("Ja");
            assertThat(robot.lookup("#dialogNo").queryAs(Button.class).getText().replace("_", "")).isEqualTo("Nej");
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> yes.get() != null);
            assertThat(yes.get()).isFalse();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void inEnglishTheAnswersAreEnglish(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(new I18n(Locale.ENGLISH), () -> stage);
        AtomicReference<DialogService.Unsaved> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.askUnsaved("Unsaved changes", "The deviation has changes.", true)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#unsavedDiscard").tryQuery().isPresent());
        assertThat(texts(robot)).containsExactlyInAnyOrder("Save", "Discard changes", "Cancel");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).isEqualTo(DialogService.Unsaved.CANCEL);
    }

    private static List<String> texts(FxRobot robot) {
        return robot.lookup("#unsavedQuestion").queryAs(javafx.scene.control.DialogPane.class).getButtonTypes().stream()
                .map(b -> ((Button) robot.lookup("#unsavedQuestion").queryAs(javafx.scene.control.DialogPane.class)
                        .lookupButton(b)).getText().replace("_", "")).toList();
    }
}
