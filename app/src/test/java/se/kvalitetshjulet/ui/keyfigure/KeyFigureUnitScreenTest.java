package se.kvalitetshjulet.ui.keyfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.OuLink;
import se.kvalitetshjulet.domain.keyfigure.UnitMeasure;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * "Per enhet" on the demo: a home-care unit linked to Kolada opens first; its survey rating stands beside the
 * municipalities with respondents in the right-hand column, the follow-up share with "bedömda"; unlinking the KPI on
 * screen leaves the measure over time only and says so.
 */
@ExtendWith(ApplicationExtension.class)
class KeyFigureUnitScreenTest {
    private AppContext ctx;

    @BeforeAll
    static void demo() {
        SharedDemo.get();
    }

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        MainView view = new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), new RecordingDialogService());
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
    }

    @AfterEach
    void restore() {
        ctx.unitKeyFigures().setLinkedKpi("survey:HT-HELHET", "U21468");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> rows(ChartViewer v, int axis) {
        return List.of(((SymbolAxis) ((XYPlot) v.getChart().getPlot()).getRangeAxis(axis)).getSymbols());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aUnitsRatingAndPlanShareBesideTheMunicipalities(FxRobot robot) throws Exception {
        robot.clickOn("#nav-keyfigures");
        TabPane tabs = robot.lookup("#kfTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "kfTabUnit".equals(t.getId())).findFirst().orElseThrow()));
        ComboBox<KeyFigureViewModel.UnitChoice> unit = robot.lookup("#kfUnitUnit").queryAs(ComboBox.class);
        waitUntil(() -> unit.getValue() != null);
        assertThat(unit.getValue().label()).endsWith("Hemtjänst Norr"); // the first unit linked to Kolada
        TableView<OuLink> links = robot.lookup("#kfOuLinks").queryAs(TableView.class);
        waitUntil(() -> links.getItems().size() == 3);

        ComboBox<UnitMeasure> measure = robot.lookup("#kfUnitMeasure").queryAs(ComboBox.class);
        waitUntil(() -> measure.getItems().stream().anyMatch(m -> m.key().equals("survey:HT-HELHET")));
        robot.interact(() -> measure.setValue(measure.getItems().stream().filter(m -> m.key().equals("survey:HT-HELHET"))
                .findFirst().orElseThrow()));
        ChartViewer chart = robot.lookup("#kfUnitComparisonChart").queryAs(ChartViewer.class);
        ComboBox<Kpi> kpi = robot.lookup("#kfUnitKpi").queryAs(ComboBox.class);
        waitUntil(() -> chart.getChart() != null && kpi.getValue() != null && "U21468".equals(kpi.getValue().id())
                && chart.getChart().getTitle().getText().startsWith("Hemtjänst Norr bredvid kommunerna"));
        List<String> names = rows(chart, 0);
        assertThat(names.getLast()).isEqualTo("Hemtjänst Norr"); // the unit at the top, no "(vi)"
        assertThat(names).contains("Demokommun (hela kommunen)", "Riket");
        assertThat(rows(chart, 1).getLast()).matches("\\d+ svar · \\d+ %");
        Label text = robot.lookup("#kfUnitComparisonText").queryAs(Label.class);
        assertThat(text.getText()).contains("Wilson").contains("Kan inte bedömas").contains("Liknande kommuner");

        // the share with a genomförandeplan: n is the assessed follow-ups
        robot.interact(() -> measure.setValue(measure.getItems().stream().filter(m -> m.key().equals("followup:PLAN_EXISTS"))
                .findFirst().orElseThrow()));
        waitUntil(() -> chart.getChart() != null && rows(chart, 1).getLast().endsWith("bedömda"));
        ChartViewer series = robot.lookup("#kfUnitSeriesChart").queryAs(ChartViewer.class);
        waitUntil(() -> series.getChart() != null && series.getChart().getTitle().getText().contains("genomförandeplan"));

        // back to the survey and unlink its KPI: over time only, and the text says what to do
        robot.interact(() -> measure.setValue(measure.getItems().stream().filter(m -> m.key().equals("survey:HT-HELHET"))
                .findFirst().orElseThrow()));
        waitUntil(() -> kpi.getValue() != null && "U21468".equals(kpi.getValue().id()));
        robot.interact(() -> kpi.setValue(kpi.getItems().getFirst())); // "inget nyckeltal"
        waitUntil(() -> text.getText().contains("inte kopplat till något nyckeltal"));
        assertThat(ctx.unitKeyFigures().measureKpis()).doesNotContainKey("survey:HT-HELHET");
    }
}
