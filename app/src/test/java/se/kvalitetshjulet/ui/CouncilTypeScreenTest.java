package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.lists.ListEntry;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.council.CouncilView;
import se.kvalitetshjulet.ui.council.CouncilViewModel;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/** A new council meeting gets its type from the coordinator's list on screen, and the meeting list shows it. */
@ExtendWith(ApplicationExtension.class)
class CouncilTypeScreenTest {
    /** Not the unit CouncilScreenTest holds its meetings in (the demo database is shared). */
    private static final String OTHER_TESTS_UNIT = "Rehabenheten";
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        I18n i18n = new I18n(Locale.of("sv"));
        CouncilViewModel vm = new CouncilViewModel(FeatureContexts.council(ctx), new FxTaskRunner(), dialogs, i18n);
        CouncilView view = new CouncilView(vm, i18n);
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMeetingIsCreatedWithTheChosenTypeAndListedWithIt(FxRobot robot) throws Exception {
        ComboBox<Unit> unit = robot.lookup("#councilNewUnit").queryAs(ComboBox.class);
        ComboBox<ListEntry> type = robot.lookup("#councilNewType").queryAs(ComboBox.class);
        waitUntil(() -> unit.getItems().size() > 1 && type.getItems().size() > 1);
        robot.interact(() -> unit.setValue(unit.getItems().stream()
                .filter(u -> u != null && !u.name().equals(OTHER_TESTS_UNIT)).reduce((a, b) -> b).orElseThrow()));
        robot.clickOn("#councilNewType");
        robot.clickOn("Kvalitetsdialog");
        assertThat(type.getValue().name()).isEqualTo("Kvalitetsdialog");
        robot.clickOn("#councilNewTitle").write("Kvalitetsdialog med rehab");
        robot.clickOn("#councilCreate");
        Label heading = robot.lookup("#councilHeading").queryAs(Label.class);
        waitUntil(() -> heading.getText().contains("Kvalitetsdialog med rehab"));

        waitUntil(() -> robot.lookup("#councilMeetings .list-cell").queryAll().stream()
                .map(c -> ((ListCell<?>) c).getText()).anyMatch(t -> t != null
                        && t.contains("Kvalitetsdialog med rehab") && t.endsWith("· Kvalitetsdialog")));
        robot.clickOn("#councilTabMinutes");
        ComboBox<ListEntry> meetingType = robot.lookup("#councilMeetingType").queryAs(ComboBox.class);
        assertThat(meetingType.getValue().name()).isEqualTo("Kvalitetsdialog");
        long dialogId = ctx.lists().entries(ListKind.COUNCIL_TYPE).stream()
                .filter(t -> t.name().equals("Kvalitetsdialog")).findFirst().orElseThrow().id();
        assertThat(ctx.councilService().meetings(null)).filteredOn(r -> r.title().equals("Kvalitetsdialog med rehab"))
                .singleElement().satisfies(r -> {
                    assertThat(r.councilType()).isEqualTo("Kvalitetsdialog");
                    assertThat(ctx.councilService().find(r.id()).orElseThrow().councilTypeId()).isEqualTo(dialogId);
                });
        assertThat(dialogs.unexpected).isEmpty();
    }
}
