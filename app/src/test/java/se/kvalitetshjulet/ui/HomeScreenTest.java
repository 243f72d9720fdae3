package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionStatus;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.home.HomeView;
import se.kvalitetshjulet.ui.home.HomeViewModel;

/** The home screen tells a section chief what to do: their overdue actions, the next council, the annual cycle. */
@ExtendWith(ApplicationExtension.class)
class HomeScreenTest {
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        I18n i18n = new I18n(Locale.of("sv"));
        HomeView view = new HomeView(new HomeViewModel(FeatureContexts.home(ctx), new FxTaskRunner(), new RecordingDialogService(), i18n),
                i18n, id -> { }, () -> { });
        stage.setScene(new Scene(view, 1400, 1000));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void typingMyNameShowsMyOverdueActionsAndTheComingCouncilsAndCycle(FxRobot robot) throws Exception {
        ActionRow someOverdue = ctx.actionService().search(ActionFilter.all().withStatus(ActionStatus.OVERDUE)
                .withSource(se.kvalitetshjulet.domain.action.ActionSource.COUNCIL), 0, 1).rows().getFirst();
        String name = someOverdue.measure().responsible();
        ListView<?> meetings = robot.lookup("#homeMeetings").queryAs(ListView.class);
        waitUntil(() -> !meetings.getItems().isEmpty());
        javafx.scene.control.TextField field = robot.lookup("#homeMyName").queryAs(javafx.scene.control.TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(name).type(javafx.scene.input.KeyCode.ENTER);
        ListView<ActionRow> overdue = robot.lookup("#homeMyOverdue").queryAs(ListView.class);
        waitUntil(() -> !overdue.getItems().isEmpty()
                && overdue.getItems().stream().allMatch(r -> r.measure().responsible().contains(name)));
        assertThat(ctx.settingsService().userPreference(se.kvalitetshjulet.ui.action.ActionListViewModel.MY_NAME_KEY)).contains(name);
        ListView<?> cycle = robot.lookup("#homeCycle").queryAs(ListView.class);
        waitUntil(() -> !cycle.getItems().isEmpty());
        assertThat(robot.lookup("#homeCycle .list-cell").queryAll()).anyMatch(c ->
                String.valueOf(((javafx.scene.control.ListCell<?>) c).getText()).contains("Uppföljning internkontroll (höst)"));
    }
}
