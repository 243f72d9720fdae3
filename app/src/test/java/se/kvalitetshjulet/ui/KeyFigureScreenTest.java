package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.keyfigure.SurveyChange;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.keyfigure.KeyFigureViewModel;
import se.kvalitetshjulet.ui.shell.MainView;

/** Drives the Nyckeltal screen on the demo: comparison with intervals, the survey's what-changed, the follow-up form. */
@ExtendWith(ApplicationExtension.class)
class KeyFigureScreenTest {
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    /** The demo is built before the toolkit's set-up starts (which has a time limit). */
    @org.junit.jupiter.api.BeforeAll
    static void demo() {
        SharedDemo.get();
    }

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        MainView view = new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), dialogs);
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void comparisonsSurveyAndFollowUpAsAUserSeesThem(FxRobot robot) throws Exception {
        robot.clickOn("#nav-keyfigures");
        ChartViewer comparison = robot.lookup("#kfComparisonChart").queryAs(ChartViewer.class);
        Label text = robot.lookup("#kfComparisonText").queryAs(Label.class);
        waitUntil(() -> comparison.getChart() != null && !text.getText().isBlank());
        assertThat(text.getText()).contains("Wilson").contains("färre än 30 svarande");
        assertThat(text.getText()).contains("Kan inte bedömas").contains("Liknande kommuner äldreomsorg");
        assertThat(comparison.getChart().getTitle().getText()).startsWith("Jämförelse 20");
        ChartViewer series = robot.lookup("#kfSeriesChart").queryAs(ChartViewer.class);
        waitUntil(() -> series.getChart() != null);

        TabPane tabs = robot.lookup("#kfTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<SurveyChange> changes = robot.lookup("#kfChanges").queryAs(TableView.class);
        waitUntil(() -> !changes.getItems().isEmpty());
        assertThat(changes.getItems()).anySatisfy(c -> assertThat(c.current().suppressed()).isTrue());
        ChartViewer survey = robot.lookup("#kfSurveyChart").queryAs(ChartViewer.class);
        waitUntil(() -> survey.getChart() != null);

        robot.interact(() -> tabs.getSelectionModel().select(3));
        ChartViewer p = robot.lookup("#kfFollowUpChart").queryAs(ChartViewer.class);
        waitUntil(() -> p.getChart() != null);
        assertThat(p.getChart().getTitle().getText()).contains("Genomförandeplan finns").contains("p-diagram");
        int before = ctx.followUps().count();
        ComboBox<KeyFigureViewModel.UnitChoice> unit = robot.lookup("#kfFollowUpUnit").queryAs(ComboBox.class);
        robot.interact(() -> unit.setValue(unit.getItems().stream().filter(u -> u.label().endsWith("Hemtjänst Norr"))
                .findFirst().orElseThrow()));
        TextField ref = robot.lookup("#kfCaseRef").queryAs(TextField.class);
        robot.interact(() -> ref.setText("811218-9876"));
        Button save = robot.lookup("#kfFollowUpSave").queryAs(Button.class);
        robot.clickOn(save);
        Label message = robot.lookup("#kfFollowUpMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().contains("personnummer"));
        assertThat(ctx.followUps().count()).isEqualTo(before);

        // A name in the remark: the one privacy question (decision 0018); "Ändra texten" stores nothing.
        robot.interact(() -> ref.setText("HT-2026-9002"));
        javafx.scene.control.TextInputControl remark = robot.lookup("#kfRemark")
                .queryAs(javafx.scene.control.TextInputControl.class);
        robot.interact(() -> remark.setText("Anna Svensson vill ha fler besök"));
        dialogs.chooseAnswer = java.util.Optional.of(0);
        robot.clickOn(save);
        waitUntil(() -> !dialogs.privacyQuestions.isEmpty());
        assertThat(dialogs.privacyQuestions.getLast().hits()).extracting(h -> h.found()).containsExactly("Anna Svensson");
        assertThat(ctx.followUps().count()).isEqualTo(before);
        robot.interact(remark::clear);

        robot.interact(() -> ref.setText("HT-2026-9001"));
        robot.clickOn(save);
        waitUntil(() -> message.getText().contains("HT-2026-9001"));
        assertThat(ctx.followUps().count()).isEqualTo(before + 1);
    }
}
