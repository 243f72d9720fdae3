package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;

/** The chart screen driven by hand: a Pareto chart chosen and seen, exported at a chosen size, copied, annotated. */
@ExtendWith(ApplicationExtension.class)
class TrendChartKindsScreenTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final I18n i18n = new I18n(Locale.of("sv"));
    private TrendViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        vm = new TrendViewModel(FeatureContexts.trend(SharedDemo.get()), new FxTaskRunner(), dialogs, i18n);
        TrendView view = new TrendView(vm, i18n);
        stage.setScene(new Scene(view, 1366, 900));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the nearest enclosing scroll pane so that {@code node} is inside its viewport. */
    private static void scrollIntoView(javafx.scene.Node node) {
        javafx.scene.Node p = node.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        if (p instanceof javafx.scene.control.ScrollPane sp) {
            javafx.scene.Node content = sp.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double extra = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            if (extra > 0) {
                sp.setVvalue(Math.min(1, Math.max(0, (y - 20) / extra)));
            }
            sp.layout();
        }
    }

    /** The clipboard may only be read on the FX thread. */
    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void switchingToAParetoChartShowsSortedBarsWithTheCumulativeLineAndExportsAtTheChosenSize(FxRobot robot) throws Exception {
        waitUntil(() -> vm.chartProperty().get() != null);
        ComboBox<ChartKind> kinds = robot.lookup("#trendChartKind").queryAs(ComboBox.class);
        robot.clickOn(kinds);
        robot.clickOn(i18n.get("trend.chartKind.PARETO_CATEGORIES"));
        ChartViewer viewer = robot.lookup("#trendChart").queryAs(ChartViewer.class);
        waitUntil(() -> viewer.getChart() != null && viewer.getChart().getTitle().getText().contains("Pareto"));
        CategoryPlot plot = (CategoryPlot) viewer.getChart().getPlot();
        assertThat(plot.getRenderer(0)).isInstanceOf(BarRenderer.class);
        assertThat(plot.getRangeAxis(1).getUpperBound()).isEqualTo(100.0);
        assertThat(plot.getRangeMarkers(1, org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(1);
        VBox explanations = robot.lookup("#trendExplanations").queryAs(VBox.class);
        assertThat(((Label) explanations.getChildren().getFirst()).getText()).contains("80 %");
        // Options of trends only are hidden for a Pareto chart.
        assertThat(robot.lookup("#trendMeasure").query().isVisible()).isFalse();

        robot.interact(() -> vm.exportSizeProperty().set(ExportSize.CUSTOM));
        ComboBox<ExportSize> size = robot.lookup("#trendExportSize").queryAs(ComboBox.class);
        assertThat(size.getValue()).isEqualTo(ExportSize.CUSTOM);
        robot.doubleClickOn("#trendExportWidth .text-field").write("1000\n");
        robot.doubleClickOn("#trendExportHeight .text-field").write("600\n");
        ComboBox<Integer> dpi = robot.lookup("#trendExportDpi").queryAs(ComboBox.class);
        robot.clickOn(dpi);
        robot.clickOn("300 dpi");
        waitUntil(() -> vm.exportWidthProperty().get() == 1000 && vm.exportHeightProperty().get() == 600
                && vm.exportDpiProperty().get() == 300);

        Path png = dir.resolve("pareto.png");
        dialogs.fileAnswer = Optional.of(png);
        robot.clickOn("#trendExport");
        waitUntil(() -> Files.exists(png) && dialogs.infos.size() == 1);
        assertThat(TrendChartFactoryTest.pngSizeAndDpi(png)).containsExactly(1000, 600, 300);

        Path svg = dir.resolve("pareto.svg");
        dialogs.fileAnswer = Optional.of(svg);
        robot.clickOn("#trendExport");
        waitUntil(() -> Files.exists(svg) && dialogs.infos.size() == 2);
        assertThat(TrendChartFactoryTest.svgSize(svg)).containsExactly(1000.0, 600.0);

        robot.interact(() -> vm.exportSizeProperty().set(ExportSize.HD));
        robot.clickOn("#trendCopy");
        waitUntil(() -> onFx(() -> Clipboard.getSystemClipboard().hasImage()));
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getImage().getWidth())).isEqualTo(1280.0);
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getImage().getHeight())).isEqualTo(720.0);
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void anAnnotationTypedInIsDrawnOnTheTrendChartWithItsText(FxRobot robot) throws Exception {
        waitUntil(() -> vm.chartProperty().get() != null);
        String date = vm.fromProperty().get().plusMonths(30).plusDays(4).toString();
        // the settings column is longer than the window: scroll the annotations into view, as a user would
        robot.interact(() -> scrollIntoView(robot.lookup("#trendAnnotationDate").query()));
        robot.clickOn("#trendAnnotationDate .text-field").write(date + "\n");
        robot.clickOn("#trendAnnotationText").write("Ny rutin införd");
        robot.clickOn("#trendAnnotationAdd");
        ChartViewer viewer = robot.lookup("#trendChart").queryAs(ChartViewer.class);
        waitUntil(() -> !vm.chartProperty().get().markers().isEmpty());
        waitUntil(() -> viewer.getChart() != null
                && !((CategoryPlot) viewer.getChart().getPlot()).getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).isEmpty());
        var marker = (org.jfree.chart.plot.CategoryMarker) ((CategoryPlot) viewer.getChart().getPlot())
                .getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertThat(marker.getLabel()).isEqualTo("Ny rutin införd");
        assertThat(marker.getKey()).isEqualTo(vm.fromProperty().get().plusMonths(30).toString().substring(0, 7));
        ListView<?> list = robot.lookup("#trendAnnotations").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(1);
        assertThat(dialogs.unexpected).isEmpty();
    }
}
