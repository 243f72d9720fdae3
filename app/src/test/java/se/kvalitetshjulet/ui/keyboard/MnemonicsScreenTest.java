package se.kvalitetshjulet.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Mnemonics;
import se.kvalitetshjulet.ui.shell.MainView;
import se.kvalitetshjulet.ui.shell.Section;

/**
 * Issue 18: Alt+letter on every button and menu. The main window on the demo, in Swedish and in English, every screen
 * of the navigation and every tab inside it (as {@code NothingCutScreenTest} walks them): a visible command button
 * without a letter, or two buttons (or a button and a field's name) of the window with the same letter, fail the
 * test by screen and text.
 */
@ExtendWith(ApplicationExtension.class)
class MnemonicsScreenTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyCommandOfEveryScreenHasItsOwnLetterInSwedish(FxRobot robot) throws Exception {
        assertThat(walk(robot, new I18n(Locale.of("sv")))).as("mnemonics in Swedish").isEmpty();
    }

    @Test
    void everyCommandOfEveryScreenHasItsOwnLetterInEnglish(FxRobot robot) throws Exception {
        assertThat(walk(robot, new I18n(Locale.ENGLISH))).as("mnemonics in English").isEmpty();
    }

    private Set<String> walk(FxRobot robot, I18n i18n) throws Exception {
        MainView[] view = new MainView[1];
        robot.interact(() -> {
            view[0] = new MainView(SharedDemo.get(), i18n, tasks, new RecordingDialogService());
            Scene scene = new Scene(view[0], 1366, 690);
            scene.getStylesheets().add(MainView.class.getResource("/ui/theme.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        Set<String> findings = new LinkedHashSet<>();
        for (Section s : Section.values()) {
            robot.interact(() -> view[0].viewModel().show(s));
            settle();
            String name = i18n.get("nav." + s.name().toLowerCase());
            findings.addAll(scan(name));
            visitTabs(robot, (Parent) view[0].getCenter(), name, findings);
        }
        return findings;
    }

    private void visitTabs(FxRobot robot, Parent root, String where, Set<String> findings) throws Exception {
        for (TabPane pane : tabPanes(root)) {
            Tab first = pane.getSelectionModel().getSelectedItem();
            for (Tab t : List.copyOf(pane.getTabs())) {
                if (t.isDisabled()) {
                    continue;
                }
                robot.interact(() -> pane.getSelectionModel().select(t));
                settle();
                String here = where + " → " + t.getText();
                findings.addAll(scan(here));
                if (t.getContent() instanceof Parent p) {
                    visitTabs(robot, p, here, findings);
                }
            }
            robot.interact(() -> pane.getSelectionModel().select(first));
        }
    }

    private static List<TabPane> tabPanes(Parent root) {
        List<TabPane> out = new ArrayList<>();
        for (Node c : root.getChildrenUnmodifiable()) {
            if (c instanceof TabPane t) {
                out.add(t);
            } else if (c instanceof Parent p) {
                out.addAll(tabPanes(p));
            }
        }
        return out;
    }

    private List<String> scan(String where) throws Exception {
        // what pressing Alt does first: the pass gives what appeared since the screen was shown its letters
        return WaitForAsyncUtils.asyncFx(() -> {
            Mnemonics.apply(stage.getScene());
            return problems(stage.getScene(), where);
        }).get(30, TimeUnit.SECONDS);
    }

    /** What is wrong with the letters of the window as it is now. */
    static List<String> problems(Scene scene, String where) {
        List<String> out = new ArrayList<>();
        Map<Character, String> holder = new HashMap<>();
        for (Labeled l : Mnemonics.labels(scene)) {
            char c = Mnemonics.letter(l.getText());
            if (holder.putIfAbsent(c, "field ”" + l.getText() + "”") != null) {
                out.add(where + ": Alt+" + c + " is both " + holder.get(c) + " and the field ”" + l.getText() + "”");
            }
        }
        for (Node n : scene.getRoot().lookupAll(".menu-bar")) {
            if (!(n instanceof MenuBar)) {
                continue;
            }
            for (Menu m : ((MenuBar) n).getMenus()) {
                char c = Mnemonics.letter(m.getText());
                if (c == 0) {
                    out.add(where + ": the menu ”" + m.getText() + "” has no Alt letter");
                } else if (holder.putIfAbsent(c, "menu ”" + m.getText() + "”") != null) {
                    out.add(where + ": Alt+" + c + " is both " + holder.get(c) + " and the menu ”" + m.getText() + "”");
                }
            }
        }
        for (ButtonBase b : Mnemonics.commands(scene)) {
            char c = b.isMnemonicParsing() ? Mnemonics.letter(b.getText()) : 0;
            if (c == 0) {
                out.add(where + ": the button ”" + b.getText() + "” has no Alt letter");
            } else if (holder.putIfAbsent(c, "button ”" + b.getText() + "”") != null) {
                out.add(where + ": Alt+" + c + " is both " + holder.get(c) + " and the button ”" + b.getText() + "”");
            }
        }
        return out;
    }

    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
