package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.ui.common.FxDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.Theme;

/**
 * Issue 18, nothing cut in the dialogs: the questions of {@link FxDialogService} (confirm, unsaved changes, the
 * privacy question, the reason for a step back, an error with a long message) in Swedish, each shown over a
 * 1366×768 main window: no text in them shows "…", every answer has a name, and the dialog fits the screen – the
 * 1366×768 screen at 100 % and the 1092×614 logical screen of 125 % (decision 0028).
 */
@ExtendWith(ApplicationExtension.class)
class DialogsNothingCutScreenTest {
    private final I18n i18n = new I18n(Locale.of("sv"));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 1366, 690);
        Theme.STANDARD.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private Window dialogWindow() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).findFirst().orElse(null);
    }

    /** Opens the dialog, looks, closes it with Escape; the findings. */
    private List<String> look(FxRobot robot, String name, Runnable open) throws Exception {
        Platform.runLater(open);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogWindow() != null);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            Window w = dialogWindow();
            CutText.in(w.getScene(), name).forEach(f -> out.add(f.toString()));
            out.addAll(Unnamed.in(w.getScene(), name));
            double width = w.getScene().getRoot().prefWidth(-1);
            double height = w.getScene().getRoot().prefHeight(width);
            if (Math.max(width, w.getWidth()) > 1092 || Math.max(height, w.getHeight()) > 614) {
                out.add(name + ": " + Math.round(Math.max(width, w.getWidth())) + "×"
                        + Math.round(Math.max(height, w.getHeight())) + " does not fit the 1092×614 of 125 %");
            }
        });
        robot.interact(() -> dialogWindow().requestFocus());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogWindow() == null);
        return out;
    }

    @Test
    void noDialogCutsItsTextOrOutgrowsTheScreen(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(i18n, () -> stage);
        String longText = "Avvikelsen kunde inte sparas eftersom någon annan har ändrat den medan du skrev. "
                .repeat(6);
        var hits = PrivacyQuestion.hits(List.of(new PrivacyQuestion.Field("Beskrivning",
                "Brukaren 19121212-1212 föll i badrummet, Anna Berg på Solgatan 4 larmade.")));
        List<String> findings = new ArrayList<>();
        findings.addAll(look(robot, "Ta bort?", () -> dialogs.confirm("Ta bort avvikelsen",
                "Vill du ta bort utkastet ”Fall i matsalen vid lunch, brukaren skadade höften”?")));
        findings.addAll(look(robot, "Osparade ändringar", () -> dialogs.askUnsaved(i18n.get("deviation.unsaved.title"),
                longText, true)));
        findings.addAll(look(robot, "Personuppgifter", () -> dialogs.askPrivacy(PrivacyQuestion.asked(i18n, hits))));
        findings.addAll(look(robot, "Skäl", () -> dialogs.askReason("Gå tillbaka ett steg",
                "Skriv varför avvikelsen går tillbaka från Bedömning till Utredning.", "Gå tillbaka", "Avbryt", 10)));
        findings.addAll(look(robot, "Fel", () -> dialogs.showError("Kunde inte spara", longText)));
        assertThat(hits).isNotEmpty();
        assertThat(findings).isEmpty();
    }
}
