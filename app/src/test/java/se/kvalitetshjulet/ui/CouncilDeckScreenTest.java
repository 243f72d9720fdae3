package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.domain.council.MeetingRow;
import se.kvalitetshjulet.domain.SavedFilter;
import se.kvalitetshjulet.service.TrendSettingsJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.CouncilRepository;
import se.kvalitetshjulet.data.repo.SavedFilterRepository;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.ui.trend.TrendViewModel;

/** From a council meeting to the chart screen with that council's deck chosen, ready to edit. */
@ExtendWith(ApplicationExtension.class)
class CouncilDeckScreenTest {
    @TempDir
    static Path dir;
    private static AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeAll
    static void demo() {
        ctx = TestDb.demo(dir);
    }

    @Start
    void start(Stage stage) {
        MainView view = new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), dialogs);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void editTheChartsOpensTheChartScreenOnTheCouncilsDeck(FxRobot robot) throws Exception {
        MeetingRow meeting = ctx.councils().list(null).getFirst();
        LocalDate to = ctx.today().withDayOfMonth(1).minusDays(1);
        String json = TrendSettingsJson.toJson(TrendSettings.trend(null, null, null, null, Granularity.MONTH,
                TrendMeasure.COUNT, ChartStyle.RUN, to.withDayOfMonth(1).minusMonths(23), to, null, null));
        ctx.savedFilters().replaceAll(TrendViewModel.deckScreen(meeting.unitId()), List.of(
                new SavedFilter("Rådets trend", json), new SavedFilter("Andra bilden", json)));

        robot.clickOn("#nav-councils");
        ListView<MeetingRow> meetings = robot.lookup("#councilMeetings").queryAs(ListView.class);
        waitUntil(() -> !meetings.getItems().isEmpty());
        Button edit = robot.lookup("#councilEditDeck").queryAs(Button.class);
        assertThat(edit.isDisabled()).isTrue();
        robot.interact(() -> meetings.getSelectionModel().select(meetings.getItems().stream()
                .filter(m -> m.id() == meeting.id()).findFirst().orElseThrow()));
        waitUntil(() -> !edit.isDisabled());
        robot.clickOn(edit);

        waitUntil(() -> robot.lookup("#trendDeckList").tryQuery().isPresent());
        ListView<TrendViewModel.DeckItem> deck = robot.lookup("#trendDeckList").queryAs(ListView.class);
        Label owner = robot.lookup("#trendDeckOwnerName").queryAs(Label.class);
        waitUntil(() -> deck.getItems().size() == 2);
        assertThat(owner.getText()).isEqualTo("Kvalitetsråd " + meeting.unitName());
        assertThat(deck.getItems()).extracting(TrendViewModel.DeckItem::title).containsExactly("Rådets trend", "Andra bilden");
        assertThat(robot.lookup("#nav-trends").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();

        // Back to the council and on to another council's (empty) deck: the chart screen follows.
        MeetingRow other = ctx.councils().list(null).stream()
                .filter(m -> m.unitId() != meeting.unitId())
                .filter(m -> ctx.savedFilters().inOrder(TrendViewModel.deckScreen(m.unitId())).isEmpty())
                .findFirst().orElseThrow();
        robot.clickOn("#nav-councils");
        robot.interact(() -> meetings.getSelectionModel().select(meetings.getItems().stream()
                .filter(m -> m.id() == other.id()).findFirst().orElseThrow()));
        Label heading = robot.lookup("#councilHeading").queryAs(Label.class);
        waitUntil(() -> heading.getText().contains(other.unitName()));
        robot.clickOn("#councilEditDeck");
        waitUntil(() -> owner.getText().equals("Kvalitetsråd " + other.unitName()) && deck.getItems().isEmpty());
        assertThat(dialogs.unexpected).isEmpty();
    }
}
