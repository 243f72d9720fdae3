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
import se.kvalitetshjulet.ui.common.Theme;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * Issue 18 at 125 % (decision 0028): Windows' 125 % on a 1366×768 laptop gives JavaFX a screen of 1093×614 logical
 * pixels – JavaFX lays out in those, with every font, padding and window at 125 % of its pixels – so the maximised
 * main window is 1093×552 (the title bar and the task bar scaled too). Every screen and tab walked at that size in
 * Swedish; the shell's scroll pane around the screen may scroll here (not at 100 %). Measured on 2026-12-02: four
 * labels are cut at this size, listed in decision 0028 and here; the test fails on any other cut text, and on a
 * listed one that is no longer cut (then take it off the list), so the list only shrinks.
 */
@ExtendWith(ApplicationExtension.class)
class NothingCutAt125ScreenTest {
    static final int WIDTH = (int) Math.floor(1366 / 1.25);
    static final int HEIGHT = (int) Math.floor(768 / 1.25) - (int) Math.ceil((30 + 48) / 1.25);

    private final I18n i18n = new I18n(Locale.of("sv"));
    private final FxTaskRunner tasks = new FxTaskRunner();
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new MainView(SharedDemo.get(), i18n, tasks, new RecordingDialogService());
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        Theme.STANDARD.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** Where, and the cut label's whole text: what decision 0028 records as cut at 125 %. */
    /** What decision 0028 records as cut at 125 % (empty since the four labels keep their lines and words). */
    static final java.util.Set<String> KNOWN = java.util.Set.of();

    private static String digits(String s) {
        return s.replaceAll("[\\d\u202F]+", "#").replace("åtgärder", "åtgärd");
    }

    @Test
    void noScreenCutsItsTextAt125Percent(FxRobot robot) throws Exception {
        assertThat(WIDTH).isEqualTo(1092);
        List<CutText.Finding> findings = new ArrayList<>();
        new ScreenWalk(robot, view, tasks, i18n).walk(where -> findings.addAll(CutText.in(stage.getScene(), where, true)));
        // counts are compared as "#" (the demo's number of actions, which other tests may filter, is not recorded)
        List<String> cut = CutText.once(findings).stream().map(f -> digits(f.where() + ": ”" + f.text() + "”")).toList();
        List<String> known = KNOWN.stream().map(NothingCutAt125ScreenTest::digits).toList();
        assertThat(cut).as("cut text at %d×%d (125 %%) beyond what decision 0028 records", WIDTH, HEIGHT)
                .allMatch(known::contains);
        assertThat(known).as("recorded as cut at 125 %% but whole now: take it off the list").allMatch(cut::contains);
    }
}
