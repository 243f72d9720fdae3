package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import se.kvalitetshjulet.domain.council.MeetingRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.CouncilRepository;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.council.FollowUpItem;
import se.kvalitetshjulet.domain.council.FollowUpOutcome;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.council.CouncilView;
import se.kvalitetshjulet.ui.council.CouncilViewModel;

/** Holds two council meetings in a row: decisions at the first are followed up (and carried over) at the second. */
@ExtendWith(ApplicationExtension.class)
class CouncilScreenTest {
    private static final String UNIT = "Rehabenheten";
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private CouncilViewModel vm;

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        I18n i18n = new I18n(Locale.of("sv"));
        vm = new CouncilViewModel(FeatureContexts.council(ctx), new FxTaskRunner(), dialogs, i18n);
        CouncilView view = new CouncilView(vm, i18n);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void createMeeting(FxRobot robot, LocalDate on) throws Exception {
        ComboBox<Unit> unit = robot.lookup("#councilNewUnit").queryAs(ComboBox.class);
        waitUntil(() -> unit.getItems().size() > 1);
        DatePicker date = robot.lookup("#councilNewDate").queryAs(DatePicker.class);
        robot.interact(() -> {
            unit.setValue(unit.getItems().stream().filter(u -> u != null && u.name().equals(UNIT)).findFirst().orElseThrow());
            date.setValue(on);
        });
        robot.clickOn("#councilCreate");
        Label heading = robot.lookup("#councilHeading").queryAs(Label.class);
        waitUntil(() -> heading.getText().contains(UNIT) && heading.getText().contains(on.toString()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDecisionOfOneMeetingIsFollowedUpAndCarriedOverAtTheNext(FxRobot robot) throws Exception {
        LocalDate firstDay = ctx.today().minusDays(28);
        createMeeting(robot, firstDay);
        Label heading = robot.lookup("#councilHeading").queryAs(Label.class);
        assertThat(heading.getText()).contains("föregående möte: –");
        ListView<?> agenda = robot.lookup("#councilAgenda").queryAs(ListView.class);
        waitUntil(() -> !agenda.getItems().isEmpty());

        robot.clickOn("#councilTabDecisions");
        robot.clickOn("#councilDecisionWhat").write("Gå igenom hjälpmedelsrutinen på APT");
        robot.clickOn("#councilDecisionResponsible").write("Lena Strand");
        DatePicker due = robot.lookup("#councilDecisionDue").queryAs(DatePicker.class);
        robot.interact(() -> due.setValue(ctx.today().minusDays(3)));
        robot.clickOn("#councilDecisionAdd");
        TableView<ActionRow> decisions = robot.lookup("#councilDecisionTable").queryAs(TableView.class);
        waitUntil(() -> decisions.getItems().size() == 1);
        robot.clickOn("#councilDecisionWhat").write("Beställ nya glidlakan");
        robot.clickOn("#councilDecisionResponsible").write("Johan Lind");
        robot.interact(() -> due.setValue(ctx.today().plusDays(10)));
        robot.clickOn("#councilDecisionAdd");
        waitUntil(() -> decisions.getItems().size() == 2);
        long firstDecision = decisions.getItems().getFirst().measure().id();
        long secondDecision = decisions.getItems().get(1).measure().id();

        // The next meeting: its agenda starts with following up the two decisions.
        createMeeting(robot, ctx.today());
        waitUntil(() -> heading.getText().contains("föregående möte: " + firstDay));
        waitUntil(() -> vm.agenda().size() > 1);
        robot.clickOn("#councilTabAgenda");
        waitUntil(() -> robot.lookup("#councilAgenda .list-cell").queryAll().stream()
                .anyMatch(c -> "1. Uppföljning av tidigare beslut (2 st)".equals(((javafx.scene.control.ListCell<?>) c).getText())));
        robot.clickOn("#councilTabFollowUp");
        TableView<FollowUpItem> followUps = robot.lookup("#councilFollowUpTable").queryAs(TableView.class);
        waitUntil(() -> followUps.getItems().size() == 2);
        assertThat(followUps.getItems()).extracting(f -> f.action().what())
                .containsExactly("Gå igenom hjälpmedelsrutinen på APT", "Beställ nya glidlakan");

        robot.interact(() -> followUps.getSelectionModel().select(0));
        robot.clickOn("#councilFollowUpDone");
        waitUntil(() -> followUps.getItems().getFirst().outcome() == FollowUpOutcome.DONE);
        robot.interact(() -> followUps.getSelectionModel().select(1));
        robot.clickOn("#councilFollowUpNote").write("Leverantören är försenad");
        DatePicker newDue = robot.lookup("#councilFollowUpNewDue").queryAs(DatePicker.class);
        robot.interact(() -> newDue.setValue(ctx.today().plusDays(40)));
        robot.clickOn("#councilFollowUpCarry");
        waitUntil(() -> followUps.getItems().get(1).outcome() == FollowUpOutcome.CARRIED_OVER);
        assertThat(followUps.getColumns().get(4).getCellData(1)).isEqualTo("Flyttas till nästa möte");

        // What the user did is in the register: done on the meeting's day, carried over with the new due date.
        assertThat(ctx.actions().find(firstDecision).orElseThrow().doneOn()).isEqualTo(ctx.today());
        assertThat(ctx.actions().find(secondDecision).orElseThrow().dueOn()).isEqualTo(ctx.today().plusDays(40));
        MeetingRow second = ctx.councilService().meetings(null).stream()
                .filter(r -> r.unitName().equals(UNIT) && r.heldOn().equals(ctx.today())).findFirst().orElseThrow();
        var followed = ctx.councilService().view(second.id()).followUps();
        assertThat(followed).extracting(FollowUpItem::note).containsExactly(null, "Leverantören är försenad");

        // A third meeting follows up only the carried-over decision: the same action, linked again.
        var third = ctx.councilService().planNext(second.id());
        assertThat(ctx.councilService().view(third.id()).followUps()).extracting(f -> f.action().id())
                .containsExactly(secondDecision);
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void theDemoHasAYearOfCouncilMeetingsWithDecisionsFollowedUp() {
        List<MeetingRow> rows = ctx.councilService().meetings(null).stream()
                .filter(r -> r.unitName().equals("Hemtjänst Syd")).toList();
        assertThat(rows).hasSize(12);
        assertThat(rows.stream().filter(MeetingRow::held)).hasSize(11);
        var latestHeld = rows.stream().filter(MeetingRow::held).findFirst().orElseThrow();
        var v = ctx.councilService().view(latestHeld.id());
        assertThat(v.followUps()).isNotEmpty().allSatisfy(f -> assertThat(f.outcome()).isNotNull());
        assertThat(v.decisions()).isNotEmpty();
        assertThat(v.meeting().participants()).hasSize(4);
    }
}
