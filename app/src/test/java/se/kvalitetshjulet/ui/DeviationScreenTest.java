package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

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
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/** Drives the register: filter it, register a deviation by keyboard, move it through the workflow. */
@ExtendWith(ApplicationExtension.class)
class DeviationScreenTest {
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

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
    void filteringByKindNarrowsTheRegisterAndTheCount(FxRobot robot) throws Exception {
        robot.clickOn("#nav-deviations");
        TableView<DeviationRow> table = robot.lookup("#deviationTable").queryAs(TableView.class);
        Label summary = robot.lookup("#deviationSummary").queryAs(Label.class);
        waitUntil(() -> !table.getItems().isEmpty());
        long all = ctx.deviations().count(DeviationFilter.all(), ctx.today());
        waitUntil(() -> summary.getText().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").startsWith(Long.toString(all)));
        assertThat(table.getItems()).hasSize(100);

        ComboBox<DeviationKind> kind = robot.lookup("#filterKind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue(DeviationKind.LEX_SARAH));
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(r -> r.kind() == DeviationKind.LEX_SARAH));
        long sarah = ctx.deviations().count(DeviationFilter.all().withKinds(java.util.EnumSet.of(DeviationKind.LEX_SARAH)), ctx.today());
        waitUntil(() -> summary.getText().startsWith(sarah + " "));

        robot.clickOn("#filterClear");
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.kind() != DeviationKind.LEX_SARAH));
        robot.clickOn("#deviationNext");
        waitUntil(() -> summary.getText().contains("sida 2 av"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewDeviationIsRegisteredAndMovedThroughTheWorkflow(FxRobot robot) throws Exception {
        robot.clickOn("#nav-deviations");
        robot.clickOn("#deviationNew");
        waitUntil(() -> robot.lookup("#editorTitle").tryQuery().isPresent());
        ComboBox<DeviationKind> kind = robot.lookup("#editorKind").queryAs(ComboBox.class);
        ComboBox<Unit> unit = robot.lookup("#editorUnit").queryAs(ComboBox.class);
        ComboBox<Taxonomy> category = robot.lookup("#editorCategory").queryAs(ComboBox.class);
        waitUntil(() -> !unit.getItems().isEmpty() && !category.getItems().isEmpty());
        robot.interact(() -> {
            kind.setValue(DeviationKind.KLAGOMAL_EXTERN);
            unit.setValue(unit.getItems().stream().filter(u -> u.name().equals("Sektion Hamnen")).findFirst().orElseThrow());
            category.setValue(category.getItems().stream().filter(c -> c.name().equals("Bemötande")).findFirst().orElseThrow());
        });
        robot.clickOn("#editorTitle").write("Närstående klagar på bemötande vid kvällsbesök");
        robot.clickOn("#editorReporterRole").write("Närstående");
        robot.clickOn("#editorDescription").write("Anna upplevde att personalen var stressad.");
        Label privacy = robot.lookup("#editorPrivacy").queryAs(Label.class);
        waitUntil(() -> privacy.getText().contains("Anna"));
        // A name in the text: saving asks first, and the safe answer ("Ändra texten") saves nothing.
        dialogs.chooseAnswer = java.util.Optional.of(0);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> !dialogs.choices.isEmpty());
        assertThat(dialogs.choices.getLast()).containsExactly("Ändra texten", "Spara ändå");
        assertThat(ctx.deviations().search(DeviationFilter.all().withText("kvällsbesök"),
                se.kvalitetshjulet.domain.deviation.DeviationSort.REGISTERED_ON, false, 0, 5, ctx.today()).total()).isZero();
        dialogs.chooseAnswer = java.util.Optional.of(1);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> ctx.deviations().search(DeviationFilter.all().withText("kvällsbesök"),
                se.kvalitetshjulet.domain.deviation.DeviationSort.REGISTERED_ON, false, 0, 5, ctx.today()).total() == 1);
        DeviationRow row = ctx.deviations().search(DeviationFilter.all().withText("kvällsbesök"),
                se.kvalitetshjulet.domain.deviation.DeviationSort.REGISTERED_ON, false, 0, 5, ctx.today()).rows().getFirst();
        assertThat(row.dueOn()).isEqualTo(ctx.today().plusDays(28));
        assertThat(row.status()).isEqualTo(DeviationStatus.REGISTRERAD);

        waitUntil(() -> robot.lookup("#moveToUTREDNING").tryQuery().isPresent());
        robot.clickOn("#moveToUTREDNING");
        waitUntil(() -> ctx.deviations().find(row.id()).orElseThrow().status() == DeviationStatus.UTREDNING);

        // Assessing without facts is refused with a clear message, and nothing changes.
        waitUntil(() -> robot.lookup("#moveToBEDOMD").tryQuery().isPresent());
        robot.clickOn("#moveToBEDOMD");
        Label problems = robot.lookup("#editorProblems").queryAs(Label.class);
        waitUntil(() -> problems.getText().contains("Fyll i fakta"));
        assertThat(ctx.deviations().find(row.id()).orElseThrow().status()).isEqualTo(DeviationStatus.UTREDNING);

        Label heading = robot.lookup("#editorHeading").queryAs(Label.class);
        assertThat(heading.getText()).contains(row.caseRef()).contains("Utredning");
        robot.clickOn("#editorClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#deviationEditor") != null).count()).isZero();
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLateIvoNotificationIsMarkedInTheRegisterAndFoundByItsFilter(FxRobot robot) throws Exception {
        Unit unit = ctx.organisation().tree().all().stream().filter(u -> u.name().equals("Sektion Hamnen")).findFirst()
                .orElseThrow();
        java.time.LocalDate on = ctx.today().minusDays(12);
        se.kvalitetshjulet.domain.deviation.Deviation d = se.kvalitetshjulet.domain.deviation.Deviation.newDraft(
                DeviationKind.LEX_SARAH, unit.id(), on);
        long late = ctx.deviationService().save(new se.kvalitetshjulet.domain.deviation.Deviation(null, null,
                d.kind(), d.law(), unit.id(), ctx.taxonomies().list(se.kvalitetshjulet.domain.deviation.TaxonomyKind
                        .CATEGORY).getFirst().id(), d.status(), on, on, on, null, null, "Stödassistent",
                "Fastspänd utan beslut under natten", "Beskrivs med roll.", "Bältet togs bort direkt.", "", "",
                java.util.List.of(), null, true, null, null, null, null), false).value().id();

        robot.clickOn("#nav-deviations");
        TableView<DeviationRow> table = robot.lookup("#deviationTable").queryAs(TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        robot.clickOn("#filterIvoLate");
        long expected = ctx.deviations().count(DeviationFilter.all()
                .withIvoLateBefore(ctx.deviationService().ivoLateBefore()), ctx.today());
        Label summary = robot.lookup("#deviationSummary").queryAs(Label.class);
        waitUntil(() -> summary.getText().startsWith(expected + " ")
                && table.getItems().stream().anyMatch(r -> r.id() == late));
        assertThat(table.getItems()).allSatisfy(r -> {
            assertThat(r.ivoLate()).isTrue();
            assertThat(r.kind()).isIn(DeviationKind.LEX_SARAH, DeviationKind.LEX_MARIA);
        });
        javafx.scene.control.TableColumn<DeviationRow, ?> ivo = table.getColumns().stream()
                .filter(c -> "IVO-anmälan".equals(c.getText())).findFirst().orElseThrow();
        int row = table.getItems().indexOf(table.getItems().stream().filter(r -> r.id() == late).findFirst().orElseThrow());
        assertThat(ivo.getCellData(row)).isEqualTo("⚠ Försenad");

        // Once IVO is notified the case leaves the filter.
        var saved = ctx.deviations().find(late).orElseThrow();
        var notified = ctx.deviationService().save(new se.kvalitetshjulet.domain.deviation.Deviation(saved.id(), saved.caseRef(),
                saved.kind(), saved.law(), saved.unitId(), saved.categoryId(), saved.status(), saved.occurredOn(),
                saved.reportedOn(), saved.registeredOn(), saved.dueOn(), saved.closedOn(), saved.reporterRole(),
                saved.title(), saved.description(), saved.immediateActions(), saved.facts(), saved.causeText(),
                saved.causeIds(), saved.assessment(), true, ctx.today(), "IVO-2026-77", null, null,
                new se.kvalitetshjulet.domain.deviation.IvoDetails(se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier.SAS,
                        "SAS", "", null)), false);
        assertThat(notified.ok()).as(String.valueOf(notified.problems())).isTrue();
        robot.clickOn("#filterSearch");
        waitUntil(() -> table.getItems().stream().noneMatch(r -> r.id() == late));
        robot.clickOn("#filterClear");
        assertThat(dialogs.unexpected).isEmpty();
    }
}
