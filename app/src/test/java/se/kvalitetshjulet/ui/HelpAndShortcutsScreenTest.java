package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Shortcuts;
import se.kvalitetshjulet.ui.shell.HelpWindow;
import se.kvalitetshjulet.ui.shell.MainView;
import se.kvalitetshjulet.ui.shell.Section;

/**
 * Issue 18: F1 opens help for the screen in front, the shortcut sheet lists exactly the keys the window answers,
 * Ctrl+N works with the focus in the navigation, the navigation follows the arrow keys, and Alt opens the menus.
 */
@ExtendWith(ApplicationExtension.class)
class HelpAndShortcutsScreenTest {
    private final I18n i18n = new I18n(Locale.of("sv"));
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new MainView(SharedDemo.get(), i18n, new FxTaskRunner(), new RecordingDialogService());
        stage.setScene(new Scene(view, 1366, 690));
        stage.show();
    }

    @AfterEach
    void closeOtherWindows(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide));
    }

    @Test
    void theFirstFocusIsTheShownScreenInTheNavigationSoTheFirstSpaceDoesNotTurnOnTheProjector(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            javafx.scene.Node owner = stage.getScene().getFocusOwner();
            return owner != null && "nav-home".equals(owner.getId());
        });
        robot.interact(() -> {
            stage.toFront();
            stage.requestFocus();
        });
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().projectorModeProperty().get()).as("the projector mode after the first Space").isFalse();
        assertThat(view.viewModel().sectionProperty().get()).isEqualTo(Section.HOME);
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("nav-home");
    }

    @Test
    void f1OnEveryScreenOpensHelpNamingThatScreen(FxRobot robot) throws Exception {
        for (Section s : Section.values()) {
            robot.interact(() -> {
                view.viewModel().show(s);
                stage.toFront();
                stage.requestFocus();
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.type(KeyCode.F1);
            String name = i18n.get("nav." + s.name().toLowerCase());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> heading().map(name::equals).orElse(false));
            Scene help = helpScene().orElseThrow();
            List<String> lines = help.getRoot().lookupAll(".help-item").stream().map(n -> ((Label) n).getText()).toList();
            assertThat(lines).as("the three most common tasks on %s", name).hasSizeGreaterThanOrEqualTo(3);
            assertThat(help.getRoot().lookupAll(".h2").stream().map(n -> ((Label) n).getText()))
                    .as("the legal background on %s", name).contains("Lagstöd");
            robot.interact(() -> help.getWindow().hide());
        }
    }

    @Test
    void theShortcutSheetListsEveryKeyTheWindowAnswersAndNoOther(FxRobot robot) throws Exception {
        robot.interact(() -> ((Menu) menu("menuHelp")).getItems().stream()
                .filter(i -> "menuHelpShortcuts".equals(i.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> heading().map("Kortkommandon"::equals).orElse(false));
        Scene help = helpScene().orElseThrow();
        List<String> sheet = help.getRoot().lookupAll(".shortcut-keys").stream().map(n -> ((Label) n).getText()).toList();
        for (KeyCombination k : Shortcuts.window()) {
            assertThat(sheet).contains(k.getDisplayText());
        }
        // what the window really listens for is on the sheet, nothing the sheet does not name
        List<KeyCombination> onSheet = Shortcuts.sheet().stream().map(Shortcuts.Entry::keys).toList();
        assertThat(stage.getScene().getAccelerators().keySet()).isNotEmpty().allSatisfy(k -> assertThat(onSheet).contains(k));
        assertThat(stage.getScene().getAccelerators().keySet()).containsAll(Shortcuts.window());
        assertThat(help.getRoot().lookupAll(".shortcut-keys").stream().map(n -> ((Label) n).getText()))
                .contains(Shortcuts.screen(1).getDisplayText(), Shortcuts.SAVE.getDisplayText(),
                        Shortcuts.SUBMIT.getDisplayText());
    }

    @Test
    void ctrlNWithTheFocusInTheNavigationOpensANewDeviation(FxRobot robot) throws Exception {
        robot.interact(() -> view.viewModel().show(Section.DEVIATIONS));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().lookup("#nav-deviations").requestFocus());
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("nav-deviations");
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#deviationEditor") != null));
    }

    @Test
    void theNavigationFollowsTheArrowKeys(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.viewModel().show(Section.HOME);
            stage.getScene().lookup("#nav-home").requestFocus();
        });
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().sectionProperty().get()).isEqualTo(Section.DEVIATIONS);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().sectionProperty().get()).isEqualTo(Section.PATTERNS);
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("nav-patterns");
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().sectionProperty().get()).isEqualTo(Section.DEVIATIONS);
    }

    @Test
    void altAndTheUnderlinedLetterOpensTheHelpMenu(FxRobot robot) throws Exception {
        Menu help = (Menu) menu("menuHelp");
        assertThat(help.isMnemonicParsing()).isTrue();
        assertThat(help.getText()).isEqualTo("_Hjälp");
        robot.interact(() -> {
            stage.toFront();
            stage.getScene().lookup("#nav-home").requestFocus();
        });
        robot.press(KeyCode.ALT).type(KeyCode.H).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, help::isShowing);
        robot.type(KeyCode.ESCAPE);
    }

    private Object menu(String id) {
        MenuBar bar = (MenuBar) stage.getScene().lookup("#menuBar");
        return bar.getMenus().stream().filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
    }

    private static java.util.Optional<Scene> helpScene() {
        return Window.getWindows().stream().map(Window::getScene)
                .filter(s -> s != null && s.lookup("#helpWindow") != null).findFirst();
    }

    private static java.util.Optional<String> heading() {
        return helpScene().map(s -> s.lookup("#helpHeading")).map(n -> ((Label) n).getText());
    }
}
