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
}
