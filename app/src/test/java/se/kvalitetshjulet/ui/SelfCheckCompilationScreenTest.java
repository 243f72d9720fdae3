package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.selfcheck.AnswerDetail;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.ResultLevel;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundComparison;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckView;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel;

/**
 * Drives the real Sammanställning of the demo's September hygiene round: the comparison with March, compliance per
 * unit (sortable) and its chart, the drill-down into a unit's and a question's answers, an edited Bilaga 2 row,
 * and the export with the comparison sheet.
 */
@ExtendWith(ApplicationExtension.class)
class SelfCheckCompilationScreenTest {
    private static final String SEPTEMBER = "Basala hygienrutiner och klädregler – september 2026";
    private static final String MARCH = "Basala hygienrutiner och klädregler – mars 2026";
    private AppContext ctx;
    private Path dir;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("kh-compilation-ui");
        // Its own demo database: this test edits a Bilaga 2 row.
        ctx = TestDb.demo(dir);
        I18n i18n = new I18n(Locale.of("sv"));
        SelfCheckView view = new SelfCheckView(new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new FxTaskRunner(), dialogs, i18n), i18n);
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void selectTab(FxRobot robot, String tabPaneId, String tabId) {
        TabPane tabs = robot.lookup(tabPaneId).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSeptemberRoundIsComparedWithMarchAndTheCoordinatorDrillsIntoAUnit(FxRobot robot) throws Exception {
        selectTab(robot, "#selfCheckTabs", "selfCheckTabCompilation");
        ComboBox<RoundRow> round = robot.lookup("#compileRound").queryAs(ComboBox.class);
        waitUntil(() -> round.getItems().stream().anyMatch(r -> r.round().name().equals(SEPTEMBER)));
        robot.interact(() -> round.setValue(round.getItems().stream()
                .filter(r -> r.round().name().equals(SEPTEMBER)).findFirst().orElseThrow()));
        long septemberId = round.getValue().round().id();
        Compilation expected = ctx.selfChecks().compile(septemberId);

        // Per unit: compliance as a percentage, sortable, and the bar chart of the submitted units.
        selectTab(robot, "#compileTabs", "compileTabUnits");
        TableView<Compilation.UnitResult> units = robot.lookup("#compileUnits").queryAs(TableView.class);
        waitUntil(() -> units.getItems().size() == expected.units().size());
        BarChart<Number, String> unitChart = robot.lookup("#compileUnitChart").queryAs(BarChart.class);
        long submitted = expected.units().stream().filter(Compilation.UnitResult::submitted).count();
        assertThat(unitChart.getData().getFirst().getData()).hasSize((int) submitted);
        double best = expected.units().stream().filter(Compilation.UnitResult::submitted)
                .mapToDouble(u -> u.compliance().percent()).max().orElseThrow();
        var top = unitChart.getData().getFirst().getData().getFirst();
        assertThat(top.getXValue().doubleValue()).isEqualTo(best);
        assertThat(((javafx.scene.chart.CategoryAxis) unitChart.getYAxis()).getCategories().getLast())
                .as("the best unit at the top").isEqualTo(top.getYValue());
        TableColumn<Compilation.UnitResult, ?> compliance = units.getColumns().stream()
                .filter(c -> "compileColCompliance".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            compliance.setSortType(TableColumn.SortType.DESCENDING);
            units.getSortOrder().setAll(compliance);
        });
        assertThat(units.getItems().getFirst().compliance().percent()).isEqualTo(best);

        selectTab(robot, "#compileTabs", "compileTabQuestions");
        // Per question: the stacked chart has a bar per ja/nej question and a series per answer.
        StackedBarChart<Number, String> answers = robot.lookup("#compileQuestionChart").queryAs(StackedBarChart.class);
        assertThat(answers.getData()).extracting(s -> s.getName()).contains("Ja", "Nej", "Delvis", "Ej aktuellt");
        var klader = expected.questions().stream().filter(q -> q.key().equals("klader")).findFirst().orElseThrow();
        var jaSeries = answers.getData().stream().filter(s -> s.getName().equals("Ja")).findFirst().orElseThrow();
        assertThat(jaSeries.getData().stream().filter(d -> d.getYValue().contains(klader.text().substring(0, 20)))
                .findFirst().orElseThrow().getXValue().longValue()).isEqualTo(klader.count("JA"));

        // Comparison: March is chosen by default; the numbers are those of the service.
        selectTab(robot, "#compileTabs", "compileTabCompare");
        ComboBox<Round> with = robot.lookup("#compileCompareWith").queryAs(ComboBox.class);
        waitUntil(() -> with.getValue() != null);
        assertThat(with.getValue().name()).isEqualTo(MARCH);
        TableView<RoundComparison.QuestionChange> changes = robot.lookup("#compileCompareQuestions").queryAs(TableView.class);
        waitUntil(() -> !changes.getItems().isEmpty());
        RoundComparison cmp = ctx.selfChecks().compare(septemberId, with.getValue().id());
        assertThat(changes.getItems()).isEqualTo(cmp.questions());
        Label summary = robot.lookup("#compileCompareSummary").queryAs(Label.class);
        assertThat(summary.getText()).contains(String.format(Locale.of("sv"), "Följsamhet %.1f %% → %.1f %%",
                cmp.complianceThen().percent(), cmp.complianceNow().percent()));
        TableView<RoundComparison.UnitChange> unitChanges = robot.lookup("#compileCompareUnits").queryAs(TableView.class);
        assertThat(unitChanges.getItems()).hasSize(cmp.units().size());

        // Drill-down: double-click a unit that submitted → its answers with comments and findings.
        selectTab(robot, "#compileTabs", "compileTabUnits");
        Compilation.UnitResult unit = units.getItems().stream().filter(u -> u.submitted() && u.findings() > 0)
                .findFirst().orElseThrow();
        int index = units.getItems().indexOf(unit);
        robot.interact(() -> {
            units.scrollTo(index);
            units.getSelectionModel().select(index);
        });
        Node row = robot.from(units).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getItem() == unit).findFirst().orElseThrow();
        robot.doubleClickOn(row, MouseButton.PRIMARY);
        TableView<AnswerDetail> drill = robot.lookup("#compileDrill").queryAs(TableView.class);
        waitUntil(() -> drill.getItems().size() == expected.questions().size());
        assertThat(robot.lookup("#compileDrillTitle").queryAs(Label.class).getText()).contains(unit.unitName());
        assertThat(drill.getItems().stream().filter(AnswerDetail::finding).count()).isEqualTo(unit.findings());
        assertThat(drill.isVisible()).as("the drill-down tab is shown").isTrue();

        // Enter on a question → every unit's answer to it.
        selectTab(robot, "#compileTabs", "compileTabQuestions");
        TableView<Compilation.QuestionStats> questions = robot.lookup("#compileQuestions").queryAs(TableView.class);
        int kladerIndex = questions.getItems().indexOf(klader);
        robot.interact(() -> {
            questions.requestFocus();
            questions.getSelectionModel().select(kladerIndex);
            questions.getFocusModel().focus(kladerIndex);
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> drill.getItems().size() == expected.units().size()
                && drill.getItems().getFirst().question().equals(klader.text()));
        assertThat(drill.getItems().stream().filter(d -> "JA".equals(d.value())).count()).isEqualTo(klader.count("JA"));

        // Bilaga 2: the coordinator changes the derived result; the table and the database follow, and back again.
        selectTab(robot, "#compileTabs", "compileTabBilaga");
        TableView<Compilation.UnitResult> bilaga = robot.lookup("#compileBilaga").queryAs(TableView.class);
        int bilagaIndex = bilaga.getItems().indexOf(bilaga.getItems().stream()
                .filter(u -> u.responseId() == unit.responseId()).findFirst().orElseThrow());
        robot.interact(() -> bilaga.getSelectionModel().select(bilagaIndex));
        Label derived = robot.lookup("#compileBilagaDerived").queryAs(Label.class);
        assertThat(derived.getText()).isEqualTo("Beräknat: " + new I18n(Locale.of("sv")).of(unit.derivedResult()));
        ResultLevel other = unit.derivedResult() == ResultLevel.NO_REMARKS ? ResultLevel.SOME_DEFICIENCIES : ResultLevel.NO_REMARKS;
        ComboBox<ResultLevel> result = robot.lookup("#compileBilagaResult").queryAs(ComboBox.class);
        robot.interact(() -> result.setValue(other));
        robot.clickOn("#compileBilagaRoutines");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Rutinen för arbetskläder har reviderats");
        robot.clickOn("#compileBilagaSave");
        waitUntil(() -> bilaga.getItems().stream().anyMatch(u -> u.responseId() == unit.responseId() && u.resultEdited()));
        assertThat(bilaga.getItems().get(bilagaIndex).result()).isEqualTo(other);
        Compilation stored = ctx.selfChecks().compile(septemberId);
        assertThat(stored.bilaga2()).anySatisfy(r -> {
            assertThat(r.unit()).isEqualTo(unit.unitName());
            assertThat(r.result()).isEqualTo(other.phrase());
            assertThat(r.routines()).isEqualTo("Rutinen för arbetskläder har reviderats");
        });

        // The export carries the comparison sheet.
        Path xlsx = dir.resolve("sammanstallning.xlsx");
        dialogs.fileAnswer = Optional.of(xlsx);
        robot.clickOn("#compileExport");
        waitUntil(() -> Files.exists(xlsx) && !dialogs.infos.isEmpty());
        try (var wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("Jämförelse").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(SEPTEMBER + " jämfört med " + MARCH);
            assertThat(wb.getSheet("Per enhet").getRow(0).getCell(7).getStringCellValue()).isEqualTo("Följsamhet (%)");
        }

        robot.clickOn("#compileBilagaUseDerived");
        robot.clickOn("#compileBilagaSave");
        waitUntil(() -> bilaga.getItems().stream().anyMatch(u -> u.responseId() == unit.responseId() && !u.resultEdited()));
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    /**
     * "Bilaga 2 för året": the coordinator picks the second row of the first verksamhetsområde, moves it up with
     * Alt+↑, saves the order, and the year's Bilaga 2 (what the report prints) starts with that row.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theYearsBilaga2IsPutInTheCoordinatorsOrder(FxRobot robot) throws Exception {
        selectTab(robot, "#selfCheckTabs", "selfCheckTabBilagaYear");
        TableView<se.kvalitetshjulet.domain.selfcheck.Bilaga2Year.Line> rows =
                robot.lookup("#bilagaYearRows").queryAs(TableView.class);
        waitUntil(() -> rows.getItems().size() > 2);
        int year = robot.lookup("#bilagaYearChoice").queryAs(ComboBox.class).getValue() instanceof Integer y ? y : -1;
        var before = ctx.bilaga2().year(year, null).rows();
        assertThat(before.get(1).area()).as("the demo's first area has two rows").isEqualTo(before.get(0).area());
        assertThat(rows.getItems()).extracting(l -> l.responseId()).isEqualTo(before.stream().map(l -> l.responseId()).toList());
        robot.interact(() -> {
            rows.requestFocus();
            rows.getSelectionModel().select(1);
        });
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        waitUntil(() -> rows.getItems().get(0).responseId() == before.get(1).responseId());
        assertThat(robot.lookup("#bilagaYearStatus").queryAs(Label.class).getText()).contains("inte sparad");
        robot.clickOn("#bilagaYearSave");
        waitUntil(() -> ctx.bilaga2().year(year, null).rows().get(0).responseId() == before.get(1).responseId());
        assertThat(ctx.bilaga2().year(year, null).rows().get(1).responseId()).isEqualTo(before.get(0).responseId());
        waitUntil(() -> !robot.lookup("#bilagaYearStatus").queryAs(Label.class).getText().contains("inte sparad"));
    }
}
