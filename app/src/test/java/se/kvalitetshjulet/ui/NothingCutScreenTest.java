package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;
import se.kvalitetshjulet.ui.shell.Section;

/**
 * Issue 18: on a 1366×768 laptop nothing is cut. The main window as it is on such a screen (1366 wide, 700 high once
 * the title bar and the task bar have taken theirs), on the demo municipality, in Swedish: every screen of the
 * navigation and every tab in it, once each; any label, button, tab, column header or cell showing "…" instead of
 * its words, and anything reaching below or beside the window where nothing scrolls, fails the test by name.
 */
@ExtendWith(ApplicationExtension.class)
class NothingCutScreenTest {
    /** What a maximised window leaves for the content on a 1366×768 screen (Windows 11: a 48 px task bar, 30 px title). */
    static final int WIDTH = 1366;
    static final int HEIGHT = 690;

    private final I18n i18n = new I18n(Locale.of("sv"));
    private final FxTaskRunner tasks = new FxTaskRunner();
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new MainView(SharedDemo.get(), i18n, tasks, new RecordingDialogService());
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(MainView.class.getResource("/ui/theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void noScreenCutsItsTextAt1366By768(FxRobot robot) throws Exception {
        List<CutText.Finding> findings = new ArrayList<>();
        for (Section s : Section.values()) {
            robot.interact(() -> view.viewModel().show(s));
            settle();
            String name = i18n.get("nav." + s.name().toLowerCase());
            findings.addAll(scan(name));
            visitTabs(robot, (Parent) view.getCenter(), name, findings);
        }
        assertThat(CutText.once(findings)).as("cut text at %d×%d", WIDTH, HEIGHT).isEmpty();
    }

    /** Every tab of every tab pane in {@code root} (and the tab panes inside those tabs), each once. */
    private void visitTabs(FxRobot robot, Parent root, String where, List<CutText.Finding> findings) throws Exception {
        for (TabPane pane : tabPanes(root)) {
            Tab first = pane.getSelectionModel().getSelectedItem();
            for (Tab t : List.copyOf(pane.getTabs())) {
                if (t.isDisabled()) {
                    continue;
                }
                robot.interact(() -> pane.getSelectionModel().select(t));
                settle();
                String here = where + " → " + t.getText();
                if (t != first) {
                    findings.addAll(scan(here));
                }
                if (t.getContent() instanceof Parent p) {
                    visitTabs(robot, p, here, findings);
                }
            }
            robot.interact(() -> pane.getSelectionModel().select(first));
        }
    }

    /** The tab panes in {@code root}, not those inside another tab pane's tabs (those are visited from their tab). */
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

    private List<CutText.Finding> scan(String where) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> CutText.in(stage.getScene(), where)).get(30, TimeUnit.SECONDS);
    }

    /** Until the loads the screen started have come back and been laid out. */
    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
