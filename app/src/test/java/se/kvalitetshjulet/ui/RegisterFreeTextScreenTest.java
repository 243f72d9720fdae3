package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.DeviationRepository.PagePlan;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * A free-text search in the register shows the same first page, count and order as before the page was read in the
 * order of the sort's index (decision 0041): the rows of the sorted plan, newest first, ties by case number.
 */
@ExtendWith(ApplicationExtension.class)
class RegisterFreeTextScreenTest {
    private AppContext ctx;

    /** The shared demo database is built off the FX thread, so a slow machine does not time out the window's setup. */
    @org.junit.jupiter.api.BeforeAll
    static void demo() {
        SharedDemo.get();
    }

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        MainView view = new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), new RecordingDialogService());
        stage.setScene(new Scene(view, 1366, 850));
        stage.show();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String digits(String s) {
        return s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFrequentTermShowsTheSameFirstPageAsTheSortedPlan(FxRobot robot) throws Exception {
        robot.clickOn("#nav-deviations");
        TableView<DeviationRow> table = robot.lookup("#deviationTable").queryAs(TableView.class);
        Label summary = robot.lookup("#deviationSummary").queryAs(Label.class);
        waitUntil(() -> !table.getItems().isEmpty());
        for (String typed : List.of("fall", "LÄKEMEDEL")) {
            DeviationFilter f = DeviationFilter.all().withText(typed);
            // read the old way: sorted, every statement through jOOQ (the screen reads through plain JDBC, decision 0044)
            var sorted = ctx.deviations().search(f, DeviationSort.REGISTERED_ON, false, 0, 100, ctx.today(),
                    PagePlan.SORTED, se.kvalitetshjulet.data.repo.DeviationRepository.Reader.JOOQ);
            assertThat(sorted.rows()).as("the demo register has a full page of \"" + typed + "\"").hasSize(100);
            TextField text = robot.lookup("#filterText").queryAs(TextField.class);
            robot.interact(() -> text.setText(typed));
            robot.clickOn("#filterSearch");
            waitUntil(() -> digits(summary.getText()).startsWith(Long.toString(sorted.total()))
                    && table.getItems().size() == 100 && table.getItems().getFirst().id() == sorted.rows().getFirst().id());
            assertThat(table.getItems()).as("the first page of \"" + typed + "\" on the screen")
                    .containsExactlyElementsOf(sorted.rows());
        }
    }
}
