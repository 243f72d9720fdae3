package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/** Drives the real shell: navigate to Organisation, edit a unit, see validation, find the audit row. */
@ExtendWith(ApplicationExtension.class)
class OrganisationScreenTest {
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        MainView view = new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), dialogs);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TreeItem<Unit> find(TreeItem<Unit> item, String name) {
        if (item.getValue() != null && item.getValue().name().equals(name)) {
            return item;
        }
        for (TreeItem<Unit> c : item.getChildren()) {
            TreeItem<Unit> f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Test
    void editingAUnitSavesItAndLeavesAnAuditRow(FxRobot robot) throws Exception {
        robot.clickOn("#nav-organisation");
        TreeView<Unit> tree = robot.lookup("#unitTree").queryAs(TreeView.class);
        waitUntil(() -> tree.getRoot() != null && find(tree.getRoot(), "Daglig verksamhet Verkstan") != null);
        robot.interact(() -> tree.getSelectionModel().select(find(tree.getRoot(), "Daglig verksamhet Verkstan")));
        TextField name = robot.lookup("#unitName").queryAs(TextField.class);
        waitUntil(() -> "Daglig verksamhet Verkstan".equals(name.getText()));

        robot.doubleClickOn(name).eraseText(40);
        Label validation = robot.lookup("#unitValidation").queryAs(Label.class);
        waitUntil(() -> validation.getText().contains("Ange ett namn"));

        robot.write("Daglig verksamhet Verkstaden");
        robot.clickOn("#unitSave");
        waitUntil(() -> ctx.units().findAll().stream().anyMatch(u -> u.name().equals("Daglig verksamhet Verkstaden")));
        Unit saved = ctx.units().findAll().stream().filter(u -> u.name().equals("Daglig verksamhet Verkstaden")).findFirst().orElseThrow();
        var history = ctx.audit().history("unit", saved.id());
        assertThat(history.getFirst().action()).isEqualTo("UPDATE");
        assertThat(history.getFirst().afterJson()).contains("Daglig verksamhet Verkstaden");
        waitUntil(() -> find(tree.getRoot(), "Daglig verksamhet Verkstaden") != null);
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void aDuplicateSiblingNameIsRefusedWithASwedishMessage(FxRobot robot) throws Exception {
        robot.clickOn("#nav-organisation");
        TreeView<Unit> tree = robot.lookup("#unitTree").queryAs(TreeView.class);
        waitUntil(() -> tree.getRoot() != null && find(tree.getRoot(), "Gruppbostad Lärkan") != null);
        robot.interact(() -> tree.getSelectionModel().select(find(tree.getRoot(), "Gruppbostad Lärkan")));
        TextField name = robot.lookup("#unitName").queryAs(TextField.class);
        waitUntil(() -> "Gruppbostad Lärkan".equals(name.getText()));
        robot.interact(() -> name.setText("Gruppbostad Svalan"));
        robot.clickOn("#unitSave");
        Label validation = robot.lookup("#unitValidation").queryAs(Label.class);
        waitUntil(() -> validation.getText().contains("finns redan en enhet med det namnet"));
        assertThat(ctx.units().findAll()).extracting(Unit::name).contains("Gruppbostad Lärkan");
    }

    @Test
    void denominatorsTypedInTheGridAreSavedForTheUnitByKeyboard(FxRobot robot) throws Exception {
        robot.clickOn("#nav-organisation");
        TreeView<Unit> tree = robot.lookup("#unitTree").queryAs(TreeView.class);
        waitUntil(() -> tree.getRoot() != null && find(tree.getRoot(), "Gruppbostad Lärkan") != null);
        Unit unit = find(tree.getRoot(), "Gruppbostad Lärkan").getValue();
        robot.interact(() -> tree.getSelectionModel().select(find(tree.getRoot(), "Gruppbostad Lärkan")));
        robot.clickOn("Nämnare");
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> year = robot.lookup("#denominatorYear").queryAs(javafx.scene.control.Spinner.class);
        // A year the demo does not use, so the shared demo's charts stay as they are.
        robot.interact(() -> year.getValueFactory().setValue(2019));
        TextField january = robot.lookup("#denRecipients1").queryAs(TextField.class);
        waitUntil(() -> january.getText().isEmpty() && !january.isDisabled());
        robot.clickOn(january).write("6").type(javafx.scene.input.KeyCode.ENTER).write("180");
        TextField careDays = robot.lookup("#denCareDays1").queryAs(TextField.class);
        assertThat(careDays.getText()).isEqualTo("180");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.S).release(javafx.scene.input.KeyCode.CONTROL);
        Label status = robot.lookup("#denominatorStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().equals("Sparat (1 månad ändrad)."));
        var saved = ctx.denominatorService().year(unit.id(), 2019).getFirst();
        assertThat(saved.recipients()).isEqualTo(6);
        assertThat(saved.careDays()).isEqualTo(180);
        assertThat(robot.lookup("#denominatorSummary").queryAs(Label.class).getText()).contains("6 brukare");
        assertThat(dialogs.unexpected).isEmpty();
    }
}
