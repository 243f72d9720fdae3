package se.kvalitetshjulet.ui;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.risk.RiskListView;
import se.kvalitetshjulet.ui.risk.RiskListViewModel;

/** Drives the risk-template window: a 5×5 template with its own bands, then a new analysis on it. */
@ExtendWith(ApplicationExtension.class)
class RiskTemplateEditorScreenTest {
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws IOException {
        ctx = TestDb.open(Files.createTempDirectory("kh-risk-template-ui"));
        ctx.units().save(new Unit(null, null, "Vård- och omsorgsboende Eken", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        I18n i18n = new I18n(Locale.of("sv"));
        RiskListView view = new RiskListView(new RiskListViewModel(FeatureContexts.risk(ctx), ctx.riskService(), new FxTaskRunner(), dialogs, i18n),
                i18n);
        stage.setScene(new Scene(view, 1366, 850));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Moves the keyboard focus to a field (it may be scrolled out of sight in the form). */
    private static void focus(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        robot.interact(n::requestFocus);
    }

    private static String style(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getStyle();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFiveByFiveTemplateWithBandsIsSavedAndANewAnalysisOnItHasAFiveByFiveHeatmap(FxRobot robot) throws Exception {
        robot.clickOn("#riskTemplates");
        waitUntil(() -> robot.lookup("#rtList").tryQuery().isPresent());
        ListView<RiskTemplate> list = robot.lookup("#rtList").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 3);

        robot.clickOn("#rtNew");
        robot.clickOn("#rtName").write("Riskanalys 5×5 för särskilt boende");
        assertThat(robot.lookup("#rtCell-4-4").tryQuery()).isPresent();
        assertThat(robot.lookup("#rtCell-5-5").tryQuery()).isEmpty();
        ComboBox<Integer> size = robot.lookup("#rtSize").queryAs(ComboBox.class);
        robot.interact(size::requestFocus);
        robot.type(KeyCode.DOWN);
        assertThat(size.getValue()).isEqualTo(5);
        waitUntil(() -> robot.lookup("#rtCell-5-5").tryQuery().isPresent());
        assertThat(style(robot, "#rtCell-5-5")).contains("#e53935");
        assertThat(robot.lookup("#rtProbabilityLabel5").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("Mycket sannolik");

        // The highest band gets another name and colour; the preview follows.
        focus(robot, "#rtBandLabel4");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Oacceptabel");
        ColorPicker colour = robot.lookup("#rtBandColour4").queryAs(ColorPicker.class);
        robot.interact(() -> colour.setValue(Color.web("#8e24aa")));
        waitUntil(() -> style(robot, "#rtCell-5-5").contains("#8e24aa"));
        assertThat(style(robot, "#rtCell-3-5")).contains("#8e24aa");
        assertThat(style(robot, "#rtCell-1-1")).contains("#4caf50");

        // A gap is shown at once with the service's message and in the preview.
        focus(robot, "#rtBandTo1");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("3");
        Label problems = robot.lookup("#rtProblems").queryAs(Label.class);
        waitUntil(() -> problems.getText().contains("Riskpoängen 4–4 ingår inte i något riskområde."));
        assertThat(style(robot, "#rtCell-2-2")).contains("#c62828");
        robot.type(KeyCode.BACK_SPACE).write("4");
        waitUntil(() -> problems.getText().isEmpty());

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(() -> list.getItems().stream().anyMatch(t -> t.name().equals("Riskanalys 5×5 för särskilt boende")));
        RiskTemplate saved = ctx.riskService().templates().stream()
                .filter(t -> t.name().equals("Riskanalys 5×5 för särskilt boende")).findFirst().orElseThrow();
        assertThat(saved.matrix().size()).isEqualTo(5);
        assertThat(saved.matrix().band(20).label()).isEqualTo("Oacceptabel");
        assertThat(saved.matrix().band(20).colour()).isEqualTo("#8e24aa");
        assertThat(dialogs.unexpected).isEmpty();
        robot.clickOn("#rtClose");
        waitUntil(() -> robot.lookup("#rtList").tryQuery().isEmpty());

        // The risk screen now offers the new template, chosen, for a new analysis.
        ComboBox<RiskTemplate> template = robot.lookup("#riskTemplate").queryAs(ComboBox.class);
        waitUntil(() -> template.getValue() != null && template.getValue().id().equals(saved.id()));
        robot.clickOn("#riskNew");
        waitUntil(() -> robot.lookup("#riskTabs").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#riskTabs").queryAs(TabPane.class);
        robot.clickOn(tabs.lookupAll(".tab").toArray(new Node[0])[2]);
        waitUntil(() -> robot.lookup("#heat-5-5").tryQuery().isPresent());
        assertThat(robot.lookup(n -> n instanceof Button && n.getId() != null && n.getId().startsWith("heat-"))
                .queryAll()).hasSize(25);
        assertThat(robot.lookup("#heat-5-5").queryAs(Button.class).getStyle()).contains("#8e24aa");
    }
}
