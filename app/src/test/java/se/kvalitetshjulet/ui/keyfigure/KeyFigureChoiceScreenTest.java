package se.kvalitetshjulet.ui.keyfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.axis.SymbolAxis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.Municipality;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * "Urval" on the demo as a coordinator uses it: search the catalogue for "trygg", add the hit with the keyboard, see
 * it among the followed KPIs and as a chart on the comparison tab; drop a comparison municipality with Delete, add it
 * back as a similar municipality, and add a municipality by its code.
 */
@ExtendWith(ApplicationExtension.class)
class KeyFigureChoiceScreenTest {
    private AppContext ctx;
    private List<String> followedBefore;
    private List<ComparisonChoice> comparisonsBefore;

    @BeforeAll
    static void demo() {
        SharedDemo.get();
    }

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        followedBefore = ctx.keyFigures().followed().stream().map(Kpi::id).toList();
        comparisonsBefore = ctx.keyFigures().comparisons();
        MainView view = new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), new RecordingDialogService());
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
    }

    /** The shared demo is used by other screen tests: leave it as it was. */
    @AfterEach
    void restore() {
        ctx.keyFigures().setFollowed(followedBefore);
        ctx.keyFigures().setComparisons(comparisonsBefore);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchAddAndSeeTheKpiInTheFollowedListAndItsChart(FxRobot robot) throws Exception {
        robot.clickOn("#nav-keyfigures");
        robot.clickOn("#kfChooseKpis");
        TabPane tabs = robot.lookup("#kfTabs").queryAs(TabPane.class);
        waitUntil(() -> tabs.getSelectionModel().getSelectedItem().getId().equals("kfTabChoice"));
        ListView<Kpi> hits = robot.lookup("#kfKpiHits").queryAs(ListView.class);
        ListView<Kpi> followed = robot.lookup("#kfFollowedList").queryAs(ListView.class);
        waitUntil(() -> followed.getItems().size() == followedBefore.size());
        assertThat(followed.getItems()).extracting(Kpi::id).doesNotContain("U21505");

        robot.clickOn("#kfKpiSearch").write("trygg");
        waitUntil(() -> hits.getItems().size() == 1 && hits.getItems().getFirst().id().equals("U21505"));
        robot.type(KeyCode.DOWN); // from the search field into the hits
        robot.type(KeyCode.ENTER);
        waitUntil(() -> followed.getItems().stream().anyMatch(k -> k.id().equals("U21505")));
        assertThat(followed.getItems().getLast().id()).isEqualTo("U21505"); // added at the end, the order kept
        assertThat(ctx.keyFigures().followed()).extracting(Kpi::id).endsWith("U21505");
        Label kpiMessage = robot.lookup("#kfKpiChoiceMessage").queryAs(Label.class);
        assertThat(kpiMessage.getText()).contains("U21505 följs nu");

        // the KPI is on the comparison tab now, with its chart
        robot.interact(() -> tabs.getSelectionModel().select(0));
        ComboBox<Kpi> kpi = robot.lookup("#kfKpi").queryAs(ComboBox.class);
        waitUntil(() -> kpi.getItems().stream().anyMatch(k -> k.id().equals("U21505")));
        robot.interact(() -> kpi.setValue(kpi.getItems().stream().filter(k -> k.id().equals("U21505")).findFirst().orElseThrow()));
        ChartViewer series = robot.lookup("#kfSeriesChart").queryAs(ChartViewer.class);
        waitUntil(() -> series.getChart() != null && series.getChart().getTitle().getText().contains("trygga"));

        // comparison municipalities: Delete removes, a search and Enter adds in the chosen role
        robot.clickOn("#kfChooseComparisons");
        waitUntil(() -> tabs.getSelectionModel().getSelectedItem().getId().equals("kfTabChoice"));
        ListView<KeyFigureChoiceViewModel.ComparedMunicipality> chosen = robot.lookup("#kfComparisonList").queryAs(ListView.class);
        waitUntil(() -> chosen.getItems().size() == comparisonsBefore.size());
        robot.interact(() -> {
            chosen.getSelectionModel().select(chosen.getItems().stream().filter(c -> c.code().equals("9903")).findFirst()
                    .orElseThrow());
            chosen.requestFocus();
        });
        robot.type(KeyCode.DELETE);
        waitUntil(() -> chosen.getItems().stream().noneMatch(c -> c.code().equals("9903")));
        assertThat(ctx.keyFigures().comparisons()).extracting(ComparisonChoice::code).doesNotContain("9903");

        ListView<Municipality> municipalityHits = robot.lookup("#kfMunicipalityHits").queryAs(ListView.class);
        ComboBox<ComparisonRole> role = robot.lookup("#kfComparisonRole").queryAs(ComboBox.class);
        robot.interact(() -> role.setValue(ComparisonRole.SIMILAR));
        robot.clickOn("#kfMunicipalitySearch").write("norr");
        waitUntil(() -> municipalityHits.getItems().size() == 1 && municipalityHits.getItems().getFirst().code().equals("9903"));
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> chosen.getItems().stream().anyMatch(c -> c.code().equals("9903")));
        assertThat(chosen.getItems().getLast()).isEqualTo(new KeyFigureChoiceViewModel.ComparedMunicipality("9903", "Norrvik",
                ComparisonRole.SIMILAR));

        // a municipality that is not (yet) known: typed by its code
        robot.interact(() -> role.setValue(null));
        javafx.scene.control.TextField search = robot.lookup("#kfMunicipalitySearch").queryAs(javafx.scene.control.TextField.class);
        robot.interact(search::clear);
        robot.clickOn(search).write("1281");
        Label message = robot.lookup("#kfMunicipalityChoiceMessage").queryAs(Label.class);
        waitUntil(() -> municipalityHits.getItems().isEmpty() && message.getText().contains("1281 finns inte bland"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> chosen.getItems().stream().anyMatch(c -> c.code().equals("1281")));
        assertThat(ctx.keyFigures().comparisons()).contains(new ComparisonChoice("1281", ComparisonRole.OTHER));

        // and the comparison on the first tab has a row for it, with the value missing rather than 0
        robot.interact(() -> tabs.getSelectionModel().select(0));
        ChartViewer comparison = robot.lookup("#kfComparisonChart").queryAs(ChartViewer.class);
        waitUntil(() -> comparison.getChart() != null && List.of(((SymbolAxis) ((XYPlot) comparison.getChart().getPlot())
                .getRangeAxis()).getSymbols()).contains("1281"));
        SymbolAxis right = (SymbolAxis) ((XYPlot) comparison.getChart().getPlot()).getRangeAxis(1);
        assertThat(right.getSymbols()[0]).isEqualTo("Saknas"); // the last row (1281) is drawn at the bottom
    }
}
