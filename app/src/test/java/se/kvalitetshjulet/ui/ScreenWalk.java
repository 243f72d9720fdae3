package se.kvalitetshjulet.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;
import se.kvalitetshjulet.ui.shell.Section;

/**
 * Every screen of the main window's navigation and every tab inside it (nested tab panes too), each once, with the
 * loads each one starts come back: the walk of the issue-18 tests (nothing cut, numbers in the UI language, every
 * control named). {@code look} is called on the FX thread at every stop with the stop's name ("Trender → Pareto").
 */
public final class ScreenWalk {
    /** What to do at each stop; runs on the FX thread. */
    public interface Look {
        void at(String where) throws Exception;
    }

    private final FxRobot robot;
    private final MainView view;
    private final FxTaskRunner tasks;
    private final I18n i18n;

    public ScreenWalk(FxRobot robot, MainView view, FxTaskRunner tasks, I18n i18n) {
        this.robot = robot;
        this.view = view;
        this.tasks = tasks;
        this.i18n = i18n;
    }

    public void walk(Look look) throws Exception {
        for (Section s : Section.values()) {
            robot.interact(() -> view.viewModel().show(s));
            settle();
            String name = i18n.get("nav." + s.name().toLowerCase());
            onFx(look, name);
            visitTabs((Parent) view.getCenter(), name, look);
        }
    }

    private void visitTabs(Parent root, String where, Look look) throws Exception {
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
                    onFx(look, here);
                }
                if (t.getContent() instanceof Parent p) {
                    visitTabs(p, here, look);
                }
            }
            robot.interact(() -> pane.getSelectionModel().select(first));
        }
    }

    /** The tab panes in {@code root}, not those inside another tab pane's tabs (those are visited from their tab). */
    static List<TabPane> tabPanes(Parent root) {
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

    private static void onFx(Look look, String where) throws Exception {
        Callable<Void> c = () -> {
            look.at(where);
            return null;
        };
        WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Until the loads the screen started have come back and been laid out. */
    public void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
