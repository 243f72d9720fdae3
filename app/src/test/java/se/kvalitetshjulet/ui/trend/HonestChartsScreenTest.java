package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.cli.SpcCommand;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.Variation;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * One truth per chart: the demo's saved slide "Fall på Avdelning Linden" opened on the chart screen shows in its
 * controls exactly what it was computed with (the baseline of 15 months, screening), the screen's chart is the
 * deck's chart point for point, and the {@code spc} command given the same numbers and options prints the same
 * centre line, limits and signals. The chart says where the baseline ends and that the rise is a deterioration.
 * And legible at 8 m: in presentation mode at 1920×1080 and 1366×768 every chart text is at least 2.8 % of the
 * screen height, titles at least 5 %, and no axis label is cut.
 */
@ExtendWith(ApplicationExtension.class)
class HonestChartsScreenTest {
    private static final String FALLS = "Fall på Avdelning Linden per 1 000 vårddygn";
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
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScreenTheDeckAndTheCommandLineAgree(FxRobot robot) throws Exception {
        waitUntil(() -> vm.chartProperty().get() != null);
        ListView<TrendViewModel.DeckItem> list = robot.lookup("#trendDeckList").queryAs(ListView.class);
        waitUntil(() -> !list.getItems().isEmpty());
        TrendViewModel.DeckItem item = list.getItems().stream().filter(i -> i.title().equals(FALLS)).findFirst()
                .orElseThrow();
        int storedFreeze = item.settings().freeze();
        assertThat(storedFreeze).isGreaterThan(2);

        robot.interact(() -> list.getSelectionModel().select(item));
        robot.interact(() -> vm.selectedDeckItemProperty().set(item));
        robot.interact(() -> vm.openDeckItemCommand().execute());
        waitUntil(() -> vm.chartProperty().get() != null && vm.chartProperty().get().spc() != null
                && vm.chartProperty().get().spc().baselineEnd() == storedFreeze);

        // The controls show what the chart was computed with.
        Spinner<Integer> freeze = robot.lookup("#trendFreeze").queryAs(Spinner.class);
        assertThat(freeze.getValue()).isEqualTo(storedFreeze);
        assertThat(robot.lookup("#trendScreenMr").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#trendExclude").queryAs(TextField.class).getText()).isEmpty();
        ChartData screen = vm.chartProperty().get();

        // The deck (presentation, council) computes the same chart from the same stored settings.
        List<ChartData> deck = new ArrayList<>();
        robot.interact(() -> vm.loadDeck(null, deck::addAll));
        waitUntil(() -> !deck.isEmpty());
        ChartData slide = deck.stream().filter(c -> c.title().equals(FALLS)).findFirst().orElseThrow();
        assertThat(slide.spc().request()).isEqualTo(screen.spc().request());
        assertThat(slide.points()).isEqualTo(screen.points());
        assertThat(slide.spc().baselineLabel()).isEqualTo(screen.spc().baselineLabel())
                .startsWith("Baslinje t.o.m. ");

        // The chart says where the baseline ends, and that the rise after the change is for the worse.
        String baselineMonth = screen.points().get(storedFreeze - 1).label();
        assertThat(screen.spc().baselineLabel()).isEqualTo("Baslinje t.o.m. " + baselineMonth);
        assertThat(screen.spc().variation()).isEqualTo(Variation.CONCERN_HIGH);
        Label verdict = robot.lookup("#trendVerdict").queryAs(Label.class);
        assertThat(verdict.getText()).startsWith("▲ Försämring");
        assertThat(screen.explanations()).anyMatch(e -> e.contains("de " + storedFreeze + " första punkterna"));

        // The drafted conclusion for the reports, from the same signals.
        String drafted = new se.kvalitetshjulet.service.ConclusionDrafter(
                se.kvalitetshjulet.service.ChartTexts.forLocale(Locale.of("sv")))
                .draft("Fall per 1 000 vårddygn på Avdelning Linden", screen);
        long above = screen.points().stream().filter(p -> p.outside() && p.value() > p.upper()).count();
        assertThat(drafted).startsWith("Fall per 1 000 vårddygn på Avdelning Linden: försämring — ")
                .contains("perioder i rad över medelvärdet sedan ")
                .contains(above + " perioder över den övre styrgränsen");

        // The command line, given the same numbers and options, prints the same lines and signals.
        SpcRequest r = screen.spc().request();
        List<String> args = new ArrayList<>(List.of("--chart", r.chart().code(), "--values", join(r.values()),
                "--freeze", Integer.toString(r.freeze().getAsInt()), r.screenMovingRanges() ? "--screen-mr"
                        : "--no-screen-mr", "--json"));
        if (r.hasDenominators()) {
            args.addAll(List.of("--denominators", join(r.denominators())));
        }
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SpcCommand(Locale.of("sv")));
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute(args.toArray(String[]::new))).isZero();
        JsonNode points = new ObjectMapper().readTree(out.toString()).get("points");
        assertThat(points).hasSize(screen.points().size());
        for (int i = 0; i < points.size(); i++) {
            ChartData.Point p = screen.points().get(i);
            JsonNode c = points.get(i);
            assertThat(c.get("centreLine").asDouble()).as("CL at %s", p.label()).isCloseTo(p.centre(), within(1e-12));
            assertThat(c.get("upperLimit").asDouble()).as("UCL at %s", p.label()).isCloseTo(p.upper(), within(1e-12));
            assertThat(c.get("outside").asBoolean()).as("outside at %s", p.label()).isEqualTo(p.outside());
            assertThat(c.get("baseline").asBoolean()).isEqualTo(i < storedFreeze);
        }
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void aBaselineThatDoesNotFitIsSaidNotHidden(FxRobot robot) throws Exception {
        waitUntil(() -> vm.chartProperty().get() != null);
        int n = vm.chartProperty().get().points().size();
        robot.interact(() -> vm.freezeProperty().set(n + 5));
        waitUntil(() -> vm.chartProperty().get().explanations().stream()
                .anyMatch(e -> e.startsWith("Baslinjen på " + (n + 5) + " punkter används inte")));
        assertThat(vm.chartProperty().get().spc().baselineEnd()).isZero();
        assertThat(robot.lookup("#trendFreeze").queryAs(Spinner.class).getValue()).isEqualTo(n + 5);

        robot.interact(() -> vm.excludedTextProperty().set("3, x"));
        waitUntil(() -> vm.messageProperty().get().startsWith("Skriv punkternas nummer"));
        robot.interact(() -> {
            vm.freezeProperty().set(null);
            vm.excludedTextProperty().set("3");
        });
        waitUntil(() -> vm.chartProperty().get().points().get(2).excluded());
        assertThat(vm.chartProperty().get().spc().request().excluded()).containsExactly(3);
    }

    @Test
    void presentationTextIsReadableFromTheBackOfTheRoom(FxRobot robot) throws Exception {
        waitUntil(() -> vm.chartProperty().get() != null);
        List<ChartData> deck = new ArrayList<>();
        robot.interact(() -> vm.loadDeck(null, deck::addAll));
        waitUntil(() -> !deck.isEmpty());
        for (int[] size : new int[][] {{1920, 1080}, {1366, 768}}) {
            int w = size[0];
            int h = size[1];
            PresentationView[] view = new PresentationView[1];
            Stage[] stage = new Stage[1];
            robot.interact(() -> {
                view[0] = new PresentationView(deck, i18n);
                stage[0] = new Stage();
                Scene scene = new Scene(view[0], w, h);
                scene.getStylesheets().add(getClass().getResource("/ui/theme.css").toExternalForm());
                stage[0].setScene(scene);
                stage[0].show();
            });
            waitUntil(() -> view[0].getScene().getHeight() == h && view[0].viewer().getWidth() > 0);
            double minText = TrendChartFactory.MIN_TEXT_SHARE * h;
            double minTitle = TrendChartFactory.MIN_TITLE_SHARE * h;
            for (int i = 0; i < deck.size(); i++) {
                int slide = i;
                robot.interact(() -> view[0].show(slide));
                WaitForAsyncUtils.waitForFxEvents();
                ChartData data = deck.get(i);
                org.jfree.chart.JFreeChart chart = view[0].viewer().getChart();
                String where = data.title() + " at " + w + "×" + h;
                // Lay the chart out as the viewer draws it, so the axes choose (and thin) their labels.
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage((int) view[0].viewer().getWidth(),
                        (int) view[0].viewer().getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = img.createGraphics();
                chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, img.getWidth(), img.getHeight()));
                g.dispose();
                assertThat(chart.getTitle().getFont().getSize()).as("title, " + where).isGreaterThanOrEqualTo(
                        (int) Math.ceil(minTitle));
                List<java.awt.Font> fonts = ChartFonts.of(chart);
                assertThat(fonts).as("fonts of " + where).isNotEmpty().allSatisfy(f ->
                        assertThat(f.getSize2D()).as(where + ": " + f).isGreaterThanOrEqualTo((float) Math.floor(minText)));
                if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot plot
                        && plot.getDomainAxis() instanceof ThinningCategoryAxis axis) {
                    List<String> categories = data.points().stream().map(ChartData.Point::label).toList();
                    List<String> abbreviated = TrendChartFactory.abbreviations(data);
                    assertThat(axis.lastShown()).as("labels of " + where).isNotEmpty().allSatisfy(label ->
                            assertThat(categories.contains(label)
                                    || abbreviated.stream().anyMatch(a -> a.startsWith(label + " = ")))
                                    .as(label + " on " + where).isTrue());
                }
                List<javafx.scene.Node> texts = new ArrayList<>(view[0].lookupAll(".presentation-calm"));
                texts.addAll(view[0].lookupAll(".presentation-signal"));
                assertThat(texts).as("explanations of " + where).isNotEmpty();
                for (javafx.scene.Node n : texts) {
                    assertThat(((Label) n).getFont().getSize()).as("text " + ((Label) n).getText() + ", " + where)
                            .isGreaterThanOrEqualTo(Math.floor(minText));
                }
            }
            robot.interact(() -> stage[0].close());
        }
    }

    private static String join(List<Double> xs) {
        return xs.stream().map(x -> Double.isNaN(x) ? "NA" : Double.toString(x)).collect(Collectors.joining(","));
    }
}
