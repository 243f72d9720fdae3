package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
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
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckView;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/** Egenkontroller → Omgångar: the coordinator ticks an avdelning and an enhet and the round goes to those two. */
@ExtendWith(ApplicationExtension.class)
class SelfCheckRoundUnitsScreenTest {
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws IOException {
        ctx = TestDb.open(Files.createTempDirectory("kh-round-units-ui"));
        Unit avd = ctx.units().save(new Unit(null, null, "Hemtjänst", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Unit norr = ctx.units().save(new Unit(null, avd.id(), "Hemtjänst Norr", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null));
        ctx.units().save(new Unit(null, avd.id(), "Hemtjänst Syd", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        ctx.units().save(new Unit(null, norr.id(), "Sektion Björkhagen", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        ctx.selfChecks().saveTemplate(Template.draft("Genomförandeplaner", null, List.of(new TemplateSection(null, "Planer",
                List.of(new Question(null, "plan", "Finns aktuell genomförandeplan?", AnswerType.YES_NO, true, null, null,
                        List.of(), FindingRule.NO_OR_PARTLY)))))).value();
        I18n i18n = new I18n(Locale.of("sv"));
        SelfCheckView view = new SelfCheckView(new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new FxTaskRunner(),
                dialogs, i18n), i18n);
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void tick(FxRobot robot, String unitName) throws Exception {
        waitUntil(() -> robot.lookup("#roundUnitChecks .list-cell").queryAll().stream()
                .anyMatch(c -> ((ListCell<?>) c).getText() != null && ((ListCell<?>) c).getText().strip().startsWith(unitName + " (")));
        ListCell<?> cell = (ListCell<?>) robot.lookup("#roundUnitChecks .list-cell").queryAll().stream()
                .filter(c -> ((ListCell<?>) c).getText() != null && ((ListCell<?>) c).getText().strip().startsWith(unitName + " ("))
                .findFirst().orElseThrow();
        robot.clickOn(cell.getGraphic());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCoordinatorSendsARoundToTheTickedUnits(FxRobot robot) throws Exception {
        robot.clickOn("#selfCheckTabRounds");
        ComboBox<Template> template = robot.lookup("#roundTemplate").queryAs(ComboBox.class);
        waitUntil(() -> !template.getItems().isEmpty());
        robot.interact(() -> template.setValue(template.getItems().getFirst()));
        robot.clickOn("#roundChooseUnits");
        assertThat(robot.lookup("#roundScopeUnit").query().isDisabled()).isTrue();
        tick(robot, "Hemtjänst");
        tick(robot, "Hemtjänst Norr");
        Label count = robot.lookup("#roundChosenCount").queryAs(Label.class);
        waitUntil(() -> count.getText().equals("2 enheter valda"));
        robot.clickOn("#roundCreate");

        TableView<RoundRow> rounds = robot.lookup("#selfCheckRoundTable").queryAs(TableView.class);
        waitUntil(() -> rounds.getItems().size() == 1);
        assertThat(rounds.getItems().getFirst().units()).isEqualTo(2);
        long roundId = rounds.getItems().getFirst().round().id();
        assertThat(ctx.selfChecks().responses(roundId, null)).extracting(ResponseRow::unitName)
                .containsExactlyInAnyOrder("Hemtjänst", "Hemtjänst Norr");
        assertThat(dialogs.unexpected).isEmpty();
    }
}
