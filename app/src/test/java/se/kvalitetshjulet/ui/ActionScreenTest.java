package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.action.ActionStatus;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.ui.action.ActionListView;
import se.kvalitetshjulet.ui.action.ActionListViewModel;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;

/** One list of every action: filter to mine and by source, mark one done, refuse closing it until its effect is checked. */
@ExtendWith(ApplicationExtension.class)
class ActionScreenTest {
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        I18n i18n = new I18n(Locale.of("sv"));
        ActionListView view = new ActionListView(new ActionListViewModel(FeatureContexts.action(ctx), new FxTaskRunner(), dialogs, i18n), i18n);
        stage.setScene(new Scene(view, 1500, 900));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySourceIsInOneListAndAnActionClosesOnlyAfterItsEffectIsChecked(FxRobot robot) throws Exception {
        TableView<ActionRow> table = robot.lookup("#actionTable").queryAs(TableView.class);
        Label summary = robot.lookup("#actionSummary").queryAs(Label.class);
        waitUntil(() -> !table.getItems().isEmpty());
        for (ActionSource s : List.of(ActionSource.DEVIATION, ActionSource.SELF_CHECK, ActionSource.RISK_ANALYSIS,
                ActionSource.COUNCIL)) {
            assertThat(ctx.actions().count(ActionFilter.all().withSource(s), ctx.today())).as(s.name()).isPositive();
        }
        long all = ctx.actions().count(ActionFilter.all(), ctx.today());
        waitUntil(() -> summary.getText().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").startsWith(all + "åtgärder"));

        ComboBox<ActionSource> source = robot.lookup("#actionSource").queryAs(ComboBox.class);
        robot.interact(() -> source.setValue(ActionSource.RISK_ANALYSIS));
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(r -> r.source() == ActionSource.RISK_ANALYSIS));
        robot.interact(() -> source.setValue(null));

        // A council decision for a new person: "mine" finds it by the name typed.
        Meeting m = ctx.councilService().save(new Meeting(null, ctx.organisation().tree().roots().getFirst().id(),
                ctx.today(), "Förvaltningens kvalitetsråd", true, null, null, List.of())).value();
        Measure decision = ctx.councilService().addDecision(m.id(), "Sammanställ fallavvikelser per enhet",
                "Petra Provsson", ctx.today().plusDays(14)).value();
        robot.clickOn("#actionMyName").write("Petra Provsson").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().getFirst().measure().id().equals(decision.id()));
        assertThat(table.getItems().getFirst().sourceRef()).isEqualTo(ctx.today() + " – Förvaltningens kvalitetsråd");

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#actionMarkDone");
        waitUntil(() -> ctx.actions().find(decision.id()).orElseThrow().doneOn() != null);
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().getFirst().status(ctx.today()) == ActionStatus.DONE);
        robot.clickOn("#actionClose");
        Label problems = robot.lookup("#actionProblems").queryAs(Label.class);
        waitUntil(() -> problems.getText().contains("Beskriv effektkontrollen"));
        assertThat(ctx.actions().find(decision.id()).orElseThrow().effectChecked()).isFalse();

        robot.clickOn("#actionEffectCheck").write("Sammanställningen användes i rådet; fallen minskade.");
        ComboBox<Boolean> effective = robot.lookup("#actionEffective").queryAs(ComboBox.class);
        robot.interact(() -> effective.setValue(Boolean.TRUE));
        robot.clickOn("#actionClose");
        waitUntil(() -> ctx.actions().find(decision.id()).orElseThrow().effectChecked());
        waitUntil(() -> table.getItems().getFirst().status(ctx.today()) == ActionStatus.EFFECT_CHECKED);
        assertThat(ctx.settingsService().userPreference(ActionListViewModel.MY_NAME_KEY)).contains("Petra Provsson");
        assertThat(ctx.actions().find(decision.id()).orElseThrow().doneOn()).isEqualTo(LocalDate.now(ctx.clock()));
        assertThat(dialogs.unexpected).isEmpty();
    }
}
