package se.kvalitetshjulet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.domain.privacy.PrivacyCheck;

/**
 * The one privacy question (decision 0018) as the user meets it: what was found, highlighted in its field and listed
 * by kind and position, with "Ändra texten" as the default, so Enter never stores the text by mistake.
 */
@ExtendWith(ApplicationExtension.class)
class PrivacyQuestionScreenTest {
    private final I18n i18n = new I18n(Locale.of("sv"));
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new StackPane(), 600, 400));
        s.show();
    }

    private AtomicReference<Boolean> ask(List<PrivacyQuestion.Field> fields) throws Exception {
        FxDialogService dialogs = new FxDialogService(i18n, () -> stage);
        AtomicReference<Boolean> result = new AtomicReference<>();
        Platform.runLater(() -> result.set(PrivacyQuestion.confirm(dialogs, i18n, fields)));
        return result;
    }

    private static void waitForDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#privacyEdit")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFindingsAreHighlightedAndListedAndEnterMeansChangeTheText(FxRobot robot) throws Exception {
        var result = ask(List.of(new PrivacyQuestion.Field("Rubrik", "Fall i badrummet"),
                new PrivacyQuestion.Field("Beskrivning", "19121212-1212 Anna Svensson föll i badrummet.")));
        waitForDialog(robot);
        Button edit = robot.lookup("#privacyEdit").queryButton();
        Button save = robot.lookup("#privacySaveAnyway").queryButton();
        assertThat(edit.getText().replace("_", "")).isEqualTo("Ändra texten");
        assertThat(save.getText().replace("_", "")).isEqualTo("Spara ändå");
        assertThat(edit.isDefaultButton()).as("Enter means the safe answer").isTrue();
        assertThat(save.isDefaultButton()).isFalse();
        assertThat(robot.lookup(".privacy-hit").queryAll()).extracting(n -> ((Label) n).getText())
                .containsExactly("19121212-1212", "Anna Svensson");
        assertThat(robot.lookup("#privacyFindings").queryAs(Label.class).getText())
                .contains("• Personnummer ”19121212-1212” i Beskrivning, tecken 1–13")
                .contains("• Namn ”Anna Svensson” i Beskrivning, tecken 15–27")
                .doesNotContain("Rubrik");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.get() != null);
        assertThat(result.get()).as("Enter: change the text, nothing is stored").isFalse();
    }

    @Test
    void saveAnywayIsANamedDeliberateChoice(FxRobot robot) throws Exception {
        var result = ask(List.of(new PrivacyQuestion.Field("Kommentar", "Ring 070-123 45 67 om nyckeln")));
        waitForDialog(robot);
        robot.clickOn("#privacySaveAnyway");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.get() != null);
        assertThat(result.get()).isTrue();
    }

    @Test
    void nothingFoundAsksNothing() {
        RecordingDialogs dialogs = new RecordingDialogs();
        List<String> saved = new java.util.ArrayList<>();
        PrivacyQuestion.beforeSave(new SyncTaskRunner(), dialogs, i18n, p -> false,
                List.of(new PrivacyQuestion.Field("Beskrivning", "Undersköterskan halkade på det våta golvet.")),
                () -> saved.add("saved"));
        assertThat(saved).containsExactly("saved");
        assertThat(dialogs.asked).isEmpty();
        assertThat(PrivacyQuestion.hits(List.of(new PrivacyQuestion.Field("Beskrivning",
                "Kontakt med 19121212-1212.")))).extracting(PrivacyQuestion.Hit::kind)
                .containsExactly(PrivacyCheck.Kind.IDENTITY_NUMBER);
    }

    @Test
    void underRefuseTheSaveGoesToTheServiceWithoutAQuestionAndUnderWarnOnlySaveAnywaySaves() {
        List<PrivacyQuestion.Field> fields = List.of(new PrivacyQuestion.Field("Beskrivning", "Anna Svensson föll."));
        RecordingDialogs dialogs = new RecordingDialogs();
        List<String> calls = new java.util.ArrayList<>();
        PrivacyQuestion.beforeSave(new SyncTaskRunner(), dialogs, i18n, p -> true, fields, () -> calls.add("save"),
                () -> calls.add("kept"));
        assertThat(calls).containsExactly("save");
        assertThat(dialogs.asked).isEmpty();

        dialogs.answer = false;
        PrivacyQuestion.beforeSave(new SyncTaskRunner(), dialogs, i18n, p -> false, fields, () -> calls.add("save"),
                () -> calls.add("kept"));
        dialogs.answer = true;
        PrivacyQuestion.beforeSave(new SyncTaskRunner(), dialogs, i18n, p -> false, fields, () -> calls.add("save"),
                () -> calls.add("kept"));
        assertThat(calls).containsExactly("save", "kept", "save");
        assertThat(dialogs.asked).hasSize(2).allSatisfy(q -> assertThat(q.lines())
                .containsExactly("Namn ”Anna Svensson” i Beskrivning, tecken 1–13"));
    }

    /** Answers the privacy question as told and records it; nothing else is expected. */
    private static final class RecordingDialogs implements DialogService {
        final List<PrivacyQuestion.Asked> asked = new java.util.ArrayList<>();
        boolean answer;

        @Override
        public boolean askPrivacy(PrivacyQuestion.Asked q) {
            asked.add(q);
            return answer;
        }

        @Override
        public void showError(String title, String message) {
            throw new AssertionError(message);
        }

        @Override
        public void showInfo(String title, String message) {
            throw new AssertionError(message);
        }

        @Override
        public boolean confirm(String title, String message) {
            throw new AssertionError(message);
        }

        @Override
        public java.util.Optional<String> askText(String title, String prompt, String initial) {
            throw new AssertionError(prompt);
        }

        @Override
        public java.util.Optional<Integer> choose(String title, String message, List<String> options) {
            throw new AssertionError(message);
        }

        @Override
        public java.util.Optional<java.nio.file.Path> chooseOpenFile(String title, List<String> extensions) {
            throw new AssertionError(title);
        }

        @Override
        public java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String suggestedName,
                                                                     List<String> extensions) {
            throw new AssertionError(title);
        }

        @Override
        public void showUnexpected(Throwable error) {
            throw new AssertionError(error);
        }
    }
}
