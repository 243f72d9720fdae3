package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

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
        new ScreenWalk(robot, view, tasks, i18n).walk(where -> findings.addAll(CutText.in(stage.getScene(), where)));
        assertThat(CutText.once(findings)).as("cut text at %d×%d", WIDTH, HEIGHT).isEmpty();
    }
}
