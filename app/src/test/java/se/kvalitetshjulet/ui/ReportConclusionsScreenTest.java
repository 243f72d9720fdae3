package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.report.ReportView;
import se.kvalitetshjulet.ui.report.ReportViewModel;

/**
 * "Slutsatser om diagrammen" in the report screen: the tertial report's charts are listed with the sentence drafted
 * from their signals — the demo's fall shift as a deterioration — and the author's rewrite is saved with the texts.
 */
@ExtendWith(ApplicationExtension.class)
class ReportConclusionsScreenTest {
    private static final String FALLS = "Fall på Avdelning Linden per 1 000 vårddygn";
    private static final int YEAR = TestDb.TODAY.getYear();
    private AppContext ctx;
    private ReportViewModel vm;

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        I18n i18n = new I18n(Locale.of("sv"));
        vm = new ReportViewModel(se.kvalitetshjulet.ui.shell.FeatureContexts.report(ctx), new FxTaskRunner(),
                new RecordingDialogService(), i18n);
        ReportView view = new ReportView(vm, i18n);
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean settled() {
        return !vm.busyProperty().get() && vm.textsLoadedProperty().get() && !vm.conclusionsLoadingProperty().get();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDraftedConclusionIsShownAndTheAuthorsRewriteIsSaved(FxRobot robot) throws Exception {
        ComboBox<ReportKind> kind = robot.lookup("#reportKind").queryAs(ComboBox.class);
        ComboBox<Integer> year = robot.lookup("#reportYear").queryAs(ComboBox.class);
        ComboBox<Integer> tertial = robot.lookup("#reportTertial").queryAs(ComboBox.class);
        waitUntil(this::settled); // the screen's first load, before the user chooses
        robot.interact(() -> {
            kind.setValue(ReportKind.TERTIAL);
            year.setValue(YEAR);
            tertial.setValue(1);
        });
        // The fall chart's box holds the sentence drafted from its signals.
        waitUntil(() -> robot.lookup(".text-area").queryAll().stream().anyMatch(n -> n instanceof TextArea t
                && t.getText().startsWith(FALLS + ": försämring — ") && !t.isDisabled()));
        waitUntil(this::settled);
        TextArea falls = robot.lookup(".text-area").queryAll().stream().map(TextArea.class::cast)
                .filter(t -> t.getText().startsWith(FALLS + ": försämring — ")).findFirst().orElseThrow();
        String drafted = falls.getText();
        assertThat(falls.getPromptText()).isEqualTo(drafted);
        assertThat(ctx.reports().texts(YEAR, 1, null).conclusions()).isEmpty();

        String mine = "Fallen på Avdelning Linden har ökat; åtgärdsplanen följs upp i rådet.";
        robot.interact(() -> falls.setText(mine));
        javafx.scene.control.Button save = robot.lookup("#reportSaveTexts").queryAs(javafx.scene.control.Button.class);
        waitUntil(() -> !save.isDisabled());
        robot.interact(save::fire);
        waitUntil(() -> mine.equals(ctx.reports().texts(YEAR, 1, null).conclusion("deck." + FALLS)));
        // Only the rewritten sentence is stored; the others follow the data.
        assertThat(ctx.reports().texts(YEAR, 1, null).conclusions()).hasSize(1);
    }
}
