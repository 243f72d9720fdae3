package se.kvalitetshjulet.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * Issue 18: a section chief registers a deviation without touching the mouse. From the main window: Ctrl+2 (the
 * register), Ctrl+N (a new deviation), Tab from field to field, type-ahead in the drop-downs (one of them opened with
 * F4), a date typed into its picker, Ctrl+S, Escape; the new deviation is then in the register's list.
 */
@ExtendWith(ApplicationExtension.class)
class DeviationByKeyboardScreenTest {
    private static final String TITLE = "Larmet på rum 12 gick inte fram under natten";
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private int presses;

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        MainView view = new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(), dialogs);
        Scene scene = new Scene(view, 1366, 690);
        scene.getStylesheets().add(MainView.class.getResource("/ui/theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeviationIsRegisteredFromTheMainWindowByKeyboardAlone(FxRobot robot) throws Exception {
        chord(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil(() -> robot.lookup("#deviationTable").tryQuery().isPresent());
        TableView<DeviationRow> table = robot.lookup("#deviationTable").queryAs(TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());

        chord(robot, KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#editorTitle").tryQuery().isPresent());
        Window editor = robot.lookup("#deviationEditor").query().getScene().getWindow();
        robot.targetWindow(editor);
        ComboBox<Unit> unit = robot.lookup("#editorUnit").queryAs(ComboBox.class);
        ComboBox<Taxonomy> category = robot.lookup("#editorCategory").queryAs(ComboBox.class);
        waitUntil(() -> !unit.getItems().isEmpty() && !category.getItems().isEmpty());
        int opened = presses;

        tabTo(robot, "editorKind");
        robot.write("kval");
        ComboBox<DeviationKind> kind = robot.lookup("#editorKind").queryAs(ComboBox.class);
        assertThat(kind.getValue()).isEqualTo(DeviationKind.KVALITETSAVVIKELSE);

        tabTo(robot, "editorUnit");
        robot.write("sektion ham");
        assertThat(unit.getValue().name()).isEqualTo("Sektion Hamnen");

        tabTo(robot, "editorCategory");
        key(robot, KeyCode.F4);
        waitUntil(category::isShowing);
        robot.write("bemö"); // "bem" alone is Bemanning, the first that starts so
        key(robot, KeyCode.ENTER);
        waitUntil(() -> !category.isShowing());
        assertThat(category.getValue().name()).isEqualTo("Bemötande");

        tabTo(robot, "editorTitle");
        robot.write(TITLE);

        tabTo(robot, "editorOccurred");
        java.time.LocalDate occurred = ctx.today().minusDays(2);
        chord(robot, KeyCode.CONTROL, KeyCode.A);
        robot.write(occurred.toString());
        tabTo(robot, "editorReporterRole");
        DatePicker occurredPicker = robot.lookup("#editorOccurred").queryAs(DatePicker.class);
        assertThat(occurredPicker.getValue()).as("the date typed is taken when Tab leaves the picker").isEqualTo(occurred);
        robot.write("Undersköterska");

        tabTo(robot, "editorDescription");
        robot.write("Larmet från rum 12 nådde inte nattpersonalens telefon. Upptäcktes vid tillsyn kl. 03.");
        int filled = presses - opened;

        chord(robot, KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> search().total() == 1);
        DeviationRow row = search().rows().getFirst();
        assertThat(row.kind()).isEqualTo(DeviationKind.KVALITETSAVVIKELSE);
        assertThat(row.unitName()).isEqualTo("Sektion Hamnen");
        assertThat(row.categoryName()).isEqualTo("Bemötande");
        assertThat(ctx.deviations().find(row.id()).orElseThrow().occurredOn()).isEqualTo(occurred);
        waitUntil(() -> robot.lookup("#editorHeading").queryLabeled().getText().contains(row.caseRef()));

        // F1 in the editor opens help for the editor, not for the screen behind it
        key(robot, KeyCode.F1);
        waitUntil(() -> robot.listWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().lookup("#helpHeading") instanceof javafx.scene.control.Label l
                && l.getText().equals("Avvikelse – redigeringsfönstret")));
        robot.interact(() -> robot.listWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#helpHeading") != null).toList().forEach(Window::hide));
        robot.interact(editor::requestFocus);
        robot.targetWindow(editor);

        key(robot, KeyCode.ESCAPE);
        waitUntil(() -> !editor.isShowing());
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.id() == row.id()));
        System.out.printf("h1: deviation registered by keyboard, %d keys besides the typed text (%d in all)%n",
                filled, presses);
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    private se.kvalitetshjulet.domain.Page<DeviationRow> search() {
        return ctx.deviations().search(DeviationFilter.all().withText("rum 12 gick inte fram"), DeviationSort.REGISTERED_ON,
                false, 0, 5, ctx.today());
    }

    /** Tab (at most 20 times) until the field {@code id} has the focus. */
    private void tabTo(FxRobot robot, String id) {
        for (int i = 0; i < 20 && !id.equals(focusedId(robot)); i++) {
            key(robot, KeyCode.TAB);
        }
        assertThat(focusedId(robot)).as("Tab reaches %s", id).isEqualTo(id);
    }

    private void key(FxRobot robot, KeyCode code) {
        presses++;
        robot.type(code);
    }

    private void chord(FxRobot robot, KeyCode modifier, KeyCode code) {
        presses++;
        robot.press(modifier).press(code).release(code).release(modifier);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String focusedId(FxRobot robot) {
        List<Window> focused = robot.listWindows().stream().filter(Window::isFocused).toList();
        Window w = focused.isEmpty() ? robot.listWindows().getFirst() : focused.getLast();
        Node n = w.getScene().getFocusOwner();
        while (n != null && n.getId() == null) {
            n = n.getParent();
        }
        return n == null ? "" : n.getId();
    }
}
