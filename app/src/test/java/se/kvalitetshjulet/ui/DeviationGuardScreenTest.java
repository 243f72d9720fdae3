package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * The reopen guard in the editor (issue 13): a closed lex Sarah case offers no "Nästa steg", only "Återöppna …",
 * which needs a reason; cancelling changes nothing; the history then reads in plain Swedish with the reason.
 */
@ExtendWith(ApplicationExtension.class)
class DeviationGuardScreenTest {
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    /** The shared demo database is built off the FX thread, so a slow machine does not time out the window's setup. */
    @org.junit.jupiter.api.BeforeAll
    static void demo() {
        SharedDemo.get();
    }

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        MainView view = new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), dialogs);
        stage.setScene(new Scene(view, 1366, 850));
        stage.show();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClosedLexSarahCaseReopensOnlyWithAReason(FxRobot robot) throws Exception {
        DeviationRow closed = ctx.deviations().search(new DeviationFilter(EnumSet.of(DeviationKind.LEX_SARAH),
                        EnumSet.of(DeviationStatus.AVSLUTAD), null, null, null, null, false, null),
                DeviationSort.REGISTERED_ON, true, 0, 1, ctx.today()).rows().getFirst();
        robot.clickOn("#nav-deviations");
        TextField text = robot.lookup("#filterText").queryAs(TextField.class);
        robot.interact(() -> text.setText(closed.caseRef()));
        robot.clickOn("#filterSearch");
        waitUntil(() -> robot.lookup("#deviationTable .table-row-cell").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.TableRow<DeviationRow>) n).getItem() != null
                        && ((javafx.scene.control.TableRow<DeviationRow>) n).getItem().id() == closed.id()));
        javafx.scene.control.TableView<DeviationRow> table = robot.lookup("#deviationTable").queryAs(
                javafx.scene.control.TableView.class);
        robot.interact(() -> {
            table.getSelectionModel().select(table.getItems().stream().filter(r -> r.id() == closed.id()).findFirst()
                    .orElseThrow());
            table.requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#reopen").tryQuery().isPresent());
        for (DeviationStatus s : DeviationStatus.values()) {
            assertThat(robot.lookup("#moveTo" + s.name()).tryQuery()).as("no ordinary step from a closed case").isEmpty();
        }

        // Cancelled (no reason given): nothing changes.
        dialogs.textAnswer = Optional.empty();
        robot.clickOn("#reopen");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ctx.deviations().find(closed.id()).orElseThrow().status()).isEqualTo(DeviationStatus.AVSLUTAD);

        // A reason, confirmed: reopened to Utredning with a new deadline, the reason in the audit row.
        dialogs.textAnswer = Optional.of("Närstående har lämnat nya uppgifter om händelsen");
        dialogs.confirmAnswer = true;
        robot.clickOn("#reopen");
        waitUntil(() -> ctx.deviations().find(closed.id()).orElseThrow().status() == DeviationStatus.UTREDNING);
        var reopened = ctx.deviations().find(closed.id()).orElseThrow();
        assertThat(reopened.overdue(ctx.today())).isFalse();
        assertThat(ctx.audit().history("deviation", closed.id()).getFirst().reason())
                .isEqualTo("Närstående har lämnat nya uppgifter om händelsen");

        waitUntil(() -> robot.lookup("#moveToBEDOMD").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tab").queryAll().stream()
                .filter(n -> n.lookup(".tab-label") instanceof javafx.scene.control.Label l && l.getText().contains("Historik"))
                .findFirst().orElseThrow());
        ListView<String> history = robot.lookup("#editorHistory").queryAs(ListView.class);
        waitUntil(() -> !history.getItems().isEmpty());
        assertThat(history.getItems().getFirst()).contains("ändrade Status från ”Uppföljd/avslutad” till ”Utredning”");
        assertThat(history.getItems()).anyMatch(l -> l.contains("Skäl: Närstående har lämnat nya uppgifter"));
        Label problems = robot.lookup("#editorProblems").queryAs(Label.class);
        assertThat(problems.getText()).isEmpty();
        assertThat(dialogs.unexpected).isEmpty();
    }
}
