package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import se.kvalitetshjulet.domain.SavedFilter;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.service.TrendSettingsJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
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
import se.kvalitetshjulet.data.repo.SavedFilterRepository;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The chart screen's deck by keyboard: a chart moved with Alt+Down and another removed with Delete, and the
 * presentation follows the new order; the risk matrix chosen, seen side by side, presented large and exported.
 */
@ExtendWith(ApplicationExtension.class)
class DeckScreenTest {
    @TempDir
    static Path dir;
    private static AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final I18n i18n = new I18n(Locale.of("sv"));
    private TrendViewModel vm;

    @BeforeAll
    static void demo() {
        ctx = TestDb.demo(dir.resolve("db"));
    }

    @Start
    void start(Stage stage) {
        vm = new TrendViewModel(FeatureContexts.trend(ctx), new FxTaskRunner(), dialogs, i18n);
        TrendView view = new TrendView(vm, i18n);
        stage.setScene(new Scene(view, 1366, 900));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String json(TrendSettings base, ChartKind kind, DeviationKind dk) {
        return TrendSettingsJson.toJson(TrendSettings.trend(dk, null, null, null, base.granularity(), base.measure(),
                ChartStyle.RUN, base.from(), base.to(), null, null).withKind(kind));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChartMovedAndAnotherRemovedByKeyboardChangeThePresentationOrder(FxRobot robot) throws Exception {
        waitUntil(() -> vm.chartProperty().get() != null);
        TrendSettings base = vm.settings();
        ctx.savedFilters().replaceAll(TrendViewModel.DECK, List.of(
                new SavedFilter("Lex Sarah", json(base, ChartKind.TREND, DeviationKind.LEX_SARAH)),
                new SavedFilter("Kategorier", json(base, ChartKind.PARETO_CATEGORIES, null)),
                new SavedFilter("Åtgärder", json(base, ChartKind.ACTIONS, null))));
        robot.interact(() -> vm.editDeck(null, null));
        ListView<TrendViewModel.DeckItem> list = robot.lookup("#trendDeckList").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 3);
        assertThat(robot.lookup("#trendDeckOwnerName").queryAs(Label.class).getText()).isEqualTo("Standardbilder");

        robot.clickOn("1. Lex Sarah");
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        waitUntil(() -> list.getItems().getFirst().title().equals("Kategorier"));
        assertThat(list.getItems()).extracting(TrendViewModel.DeckItem::title)
                .containsExactly("Kategorier", "Lex Sarah", "Åtgärder");
        assertThat(list.getSelectionModel().getSelectedItem().title()).isEqualTo("Lex Sarah");
        assertThat(list.getItems().get(1).summary()).contains("Lex Sarah");

        robot.press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        waitUntil(() -> list.getItems().getFirst().title().equals("Lex Sarah"));
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        waitUntil(() -> list.getItems().getFirst().title().equals("Kategorier"));

        robot.type(KeyCode.DOWN);
        waitUntil(() -> list.getSelectionModel().getSelectedItem().title().equals("Åtgärder"));
        robot.type(KeyCode.DELETE);
        waitUntil(() -> list.getItems().size() == 2);
        assertThat(list.getItems()).extracting(TrendViewModel.DeckItem::title).containsExactly("Kategorier", "Lex Sarah");
        assertThat(ctx.savedFilters().inOrder(TrendViewModel.DECK)).extracting(SavedFilter::name)
                .containsExactly("Kategorier", "Lex Sarah");

        robot.clickOn("#trendPresent");
        waitUntil(() -> presentation() != null);
        ChartViewer viewer = findViewer(presentation());
        Label counter = (Label) presentation().getScene().lookup("#presentationCounter");
        waitUntil(() -> counter.getText().equals("Bild 1 av 2"));
        assertThat(viewer.getChart().getTitle().getText()).isEqualTo("Kategorier");
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> counter.getText().equals("Bild 2 av 2"));
        assertThat(viewer.getChart().getTitle().getText()).isEqualTo("Lex Sarah");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> presentation() == null);
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRiskMatrixShowsBeforeAndAfterSideBySideForOneTemplate(FxRobot robot) throws Exception {
        waitUntil(() -> vm.chartProperty().get() != null);
        ComboBox<ChartKind> kinds = robot.lookup("#trendChartKind").queryAs(ComboBox.class);
        robot.clickOn(kinds);
        robot.clickOn("Riskmatris");
        ChartViewer viewer = robot.lookup("#trendChart").queryAs(ChartViewer.class);
        waitUntil(() -> viewer.getChart() != null && viewer.getChart().getPlot() instanceof CombinedRangeXYPlot);
        ComboBox<RiskTemplate> template = robot.lookup("#trendRiskTemplate").queryAs(ComboBox.class);
        assertThat(template.isVisible()).isTrue();
        RiskTemplate chosen = template.getValue();
        assertThat(chosen).isNotNull();
        assertThat(template.lookupAll(".list-cell").stream().map(c -> (javafx.scene.control.ListCell<?>) c)
                .filter(c -> c.getItem() != null).map(javafx.scene.control.ListCell::getText))
                .containsExactly(chosen.name() + ": " + ctx.riskService().templateUsage().get(chosen.id()) + " analyser");
        CombinedRangeXYPlot plot = (CombinedRangeXYPlot) viewer.getChart().getPlot();
        List<XYPlot> parts = plot.getSubplots();
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).getDomainAxis().getLabel()).isEqualTo("Före åtgärder");
        assertThat(parts.get(1).getDomainAxis().getLabel()).isEqualTo("Efter åtgärder");
        ChartData data = vm.chartProperty().get();
        assertThat(cellSum(parts.get(0))).isEqualTo(data.matrix().total(false)).isPositive();
        assertThat(cellSum(parts.get(1))).isEqualTo(data.matrix().total(true));
        assertThat(((org.jfree.chart.title.TextTitle) viewer.getChart().getSubtitle(0)).getText())
                .contains("bara mallen " + chosen.name() + ": " + ctx.trends().riskAnalysesPerTemplate(null,
                        vm.fromProperty().get(), vm.toProperty().get()).get(chosen.id()) + " analyser");
        assertThat(robot.lookup("#trendMeasure").query().isVisible()).isFalse();
        assertThat(robot.lookup("#trendAnnotationDate").query().getParent().isVisible()).isFalse();

        // Presentation: the same matrix with numbers drawn at least twice as large (scaled to the screen height).
        Stage[] stage = new Stage[1];
        robot.interact(() -> stage[0] = PresentationView.show(List.of(data), i18n, null));
        ChartViewer big = findViewer(stage[0]);
        waitUntil(() -> big.getChart() != null);
        XYTextAnnotation number = (XYTextAnnotation) ((CombinedRangeXYPlot) big.getChart().getPlot()).getSubplots()
                .getFirst().getAnnotations().getFirst();
        XYTextAnnotation small = (XYTextAnnotation) parts.getFirst().getAnnotations().getFirst();
        assertThat(number.getFont().getSize()).isGreaterThanOrEqualTo(2 * small.getFont().getSize())
                .isGreaterThanOrEqualTo(48);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !stage[0].isShowing());

        Path csv = dir.resolve("riskmatris.csv");
        dialogs.fileAnswer = Optional.of(csv);
        robot.clickOn("#trendExport");
        waitUntil(() -> Files.exists(csv) && dialogs.infos.size() == 1);
        int n = chosen.matrix().size();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(n * n + 1);
        assertThat(lines.getFirst()).contains("Sannolikhet;Konsekvens;Riskpoäng;Riskområde;Före åtgärder;Efter åtgärder");
        long before = lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(";")[4])).sum();
        assertThat(before).isEqualTo(data.matrix().total(false));

        Path png = dir.resolve("riskmatris.png");
        dialogs.fileAnswer = Optional.of(png);
        robot.clickOn("#trendExport");
        waitUntil(() -> Files.exists(png) && dialogs.infos.size() == 2);
        assertThat(TrendChartFactoryTest.pngSizeAndDpi(png)).startsWith(1920, 1080);
        Path svg = dir.resolve("riskmatris.svg");
        dialogs.fileAnswer = Optional.of(svg);
        robot.clickOn("#trendExport");
        waitUntil(() -> Files.exists(svg) && dialogs.infos.size() == 3);
        assertThat(Files.readString(svg)).contains("<svg").contains("Riskmatris");
        assertThat(dialogs.unexpected).isEmpty();
    }

    private static long cellSum(XYPlot part) {
        return part.getAnnotations().stream().mapToLong(a -> Long.parseLong(((XYTextAnnotation) a).getText())).sum();
    }

    private static Stage presentation() {
        return (Stage) Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#presentationView") != null).findFirst().orElse(null);
    }

    private static ChartViewer findViewer(Window w) {
        return (ChartViewer) ((PresentationView) w.getScene().lookup("#presentationView")).getCenter();
    }
}
