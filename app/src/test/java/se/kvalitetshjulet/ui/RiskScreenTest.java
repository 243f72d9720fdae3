package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.RiskRepository;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskAnalysisRow;
import se.kvalitetshjulet.domain.risk.RiskFilter;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.risk.RiskListView;
import se.kvalitetshjulet.ui.risk.RiskListViewModel;

/** Drives the risk analysis screens: create an analysis, score risks by keyboard, see the heatmap, export. */
@ExtendWith(ApplicationExtension.class)
class RiskScreenTest {
    private AppContext ctx;
    private RiskService service;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @TempDir
    Path out;

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        service = new RiskService(ctx.database(), new RiskRepository(ctx.database(), ctx.audit()), ctx.deviations(),
                ctx.organisation(), ctx.clock());
        I18n i18n = new I18n(Locale.of("sv"));
        RiskListView view = new RiskListView(new RiskListViewModel(FeatureContexts.risk(ctx), service, new FxTaskRunner(), dialogs, i18n), i18n);
        stage.setScene(new Scene(view, 1366, 850));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAnalysisIsCreatedScoredByKeyboardShownOnTheHeatmapAndExported(FxRobot robot) throws Exception {
        Button newButton = robot.lookup("#riskNew").queryAs(Button.class);
        waitUntil(() -> !newButton.isDisabled());
        robot.clickOn(newButton);
        waitUntil(() -> robot.lookup("#riskTitle").tryQuery().isPresent());
        ComboBox<Unit> unit = robot.lookup("#riskUnit").queryAs(ComboBox.class);
        ComboBox<RiskTrigger> trigger = robot.lookup("#riskTrigger").queryAs(ComboBox.class);
        waitUntil(() -> !unit.getItems().isEmpty());
        robot.clickOn("#riskTitle").write("Riskanalys inför flytt av Nattpatrullens lokal");
        robot.interact(() -> {
            unit.setValue(unit.getItems().stream().filter(u -> u.name().equals("Nattpatrullen")).findFirst().orElseThrow());
            trigger.setValue(RiskTrigger.FLYTT);
        });
        robot.clickOn("#riskProcess").write("Anna planerar flytten av larmutrustningen.");
        Label privacy = robot.lookup("#riskPrivacy").queryAs(Label.class);
        waitUntil(() -> privacy.getText().contains("Anna"));
        robot.clickOn("#riskProcess").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("Larmutrustningen flyttas till nya lokaler.");
        waitUntil(() -> privacy.getText().isEmpty());

        selectTab(robot, 1);
        addRisk(robot, "Larm tappas under flytten", "3", "4", "1", "4");
        addRisk(robot, "Nycklar till brukarna kommer bort", "2", "2", "", "");
        TableView<Risk> risks = robot.lookup("#riskRisks").queryAs(TableView.class);
        assertThat(risks.getItems()).extracting(Risk::probability).containsExactly(3, 2);
        assertThat(risks.getItems()).extracting(Risk::consequence).containsExactly(4, 2);

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(() -> service.search(RiskFilter.all()).stream().anyMatch(r -> r.title().contains("Nattpatrullens lokal")));
        RiskAnalysisRow row = service.search(RiskFilter.all()).stream()
                .filter(r -> r.title().contains("Nattpatrullens lokal")).findFirst().orElseThrow();
        assertThat(row.riskCount()).isEqualTo(2);
        assertThat(row.maxScore()).isEqualTo(12);
        RiskAnalysis saved = service.find(row.id()).orElseThrow();
        assertThat(saved.risks().getFirst().residualProbability()).isEqualTo(1);
        assertThat(saved.risks().get(1).residualProbability()).isNull();

        selectTab(robot, 2);
        Button high = robot.lookup("#heat-3-4").queryAs(Button.class);
        waitUntil(() -> "1".equals(high.getText()));
        assertThat(robot.lookup("#heat-2-2").queryAs(Button.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#heat-1-4").queryAs(Button.class).getText()).isEmpty();
        robot.clickOn(high);
        ListView<Risk> cell = robot.lookup("#riskHeatCellRisks").queryAs(ListView.class);
        waitUntil(() -> cell.getItems().size() == 1);
        assertThat(cell.getItems().getFirst().description()).isEqualTo("Larm tappas under flytten");
        robot.clickOn("#riskHeatAfter");
        waitUntil(() -> "1".equals(robot.lookup("#heat-1-4").queryAs(Button.class).getText()));
        assertThat(robot.lookup("#heat-3-4").queryAs(Button.class).getText()).isEmpty();
        assertThat(robot.lookup("#heat-2-2").queryAs(Button.class).getText()).isEqualTo("1");

        Path pdf = out.resolve("nattpatrullen.pdf");
        dialogs.fileAnswer = Optional.of(pdf);
        robot.clickOn("#riskExportPdf");
        waitUntil(() -> Files.exists(pdf) && Files.size(pdf) > 1000);
        Path docx = out.resolve("nattpatrullen.docx");
        dialogs.fileAnswer = Optional.of(docx);
        robot.clickOn("#riskExportDocx");
        waitUntil(() -> Files.exists(docx) && Files.size(docx) > 1000);
        waitUntil(() -> dialogs.infos.size() == 2);
        assertThat(dialogs.unexpected).isEmpty();

        // The list shows the new analysis.
        robot.clickOn("#riskClose");
        TableView<RiskAnalysisRow> table = robot.lookup("#riskTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.id() == row.id()));
    }

    @Test
    void closingWithUnsavedEditsAsksThroughTheScreensDialogsAndKeepsTheEditorOpenOnNo(FxRobot robot) throws Exception {
        Button newButton = robot.lookup("#riskNew").queryAs(Button.class);
        waitUntil(() -> !newButton.isDisabled());
        robot.clickOn(newButton);
        waitUntil(() -> robot.lookup("#riskTitle").tryQuery().isPresent());
        String title = "Riskanalys som aldrig sparas " + System.nanoTime();
        robot.clickOn("#riskTitle").write(title);

        dialogs.confirmAnswer = false;
        robot.clickOn("#riskClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirms).containsExactly(
                "Analysen har ändringar som inte är sparade. Vill du stänga ändå?");
        assertThat(robot.lookup("#riskEditor").tryQuery()).isPresent();

        dialogs.confirmAnswer = true;
        robot.clickOn("#riskClose");
        waitUntil(() -> robot.lookup("#riskEditor").tryQuery().isEmpty());
        assertThat(dialogs.confirms).hasSize(2);
        assertThat(service.search(RiskFilter.all())).noneMatch(r -> r.title().equals(title));
        assertThat(dialogs.unexpected).isEmpty();
    }

    private static void selectTab(FxRobot robot, int index) {
        javafx.scene.control.TabPane tabs = robot.lookup("#riskTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.clickOn(tabs.lookupAll(".tab").toArray(new javafx.scene.Node[0])[index]);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(index);
    }

    @SuppressWarnings("unchecked")
    private static void addRisk(FxRobot robot, String what, String p, String c, String rp, String rc) throws Exception {
        robot.clickOn("#riskDescription").write(what);
        type(robot, "#riskProbability", p);
        type(robot, "#riskConsequence", c);
        type(robot, "#riskResidualProbability", rp);
        type(robot, "#riskResidualConsequence", rc);
        Label score = robot.lookup("#riskScore").queryAs(Label.class);
        if (!p.isEmpty() && !c.isEmpty()) {
            int s = Integer.parseInt(p) * Integer.parseInt(c);
            waitUntil(() -> score.getText().startsWith("Före: " + s + " "));
        }
        robot.clickOn("#riskAdd");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static void type(FxRobot robot, String id, String digits) {
        if (digits.isEmpty()) {
            return;
        }
        ComboBox<Integer> box = robot.lookup(id).queryAs(ComboBox.class);
        robot.clickOn(box.getEditor()).write(digits);
    }
}
