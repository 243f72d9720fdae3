package se.kvalitetshjulet.ui.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.FxDialogService;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * The real deviation editor and the real conflict dialog (decision 0025): Bo edits a case that Anna saves meanwhile;
 * his save opens the dialog, "Slå ihop" waits until he has picked the field both changed, and the merged record is
 * what the database then holds.
 */
@ExtendWith(ApplicationExtension.class)
class DeviationConflictScreenTest {
    private AppContext anna;
    private AppContext bo;
    private long id;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("kvh-conflict");
        anna = TestDb.open(dir);
        anna.actor().choose("Anna Lind");
        bo = new AppContext(Database.open(anna.database().describe()), TestDb.clock());
        bo.actor().choose("Bo Ek");
        long unit = anna.units().save(new Unit(null, null, "Gruppbostad Lärkan", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
        long category = anna.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        d = new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "undersköterska", "olåst dörr",
                "dörren var olåst på morgonen.", "", "", "", List.of(), null, false, null, null, null, null);
        id = anna.deviationService().save(d, false).value().id();
        I18n sv = new I18n(Locale.of("sv"));
        DeviationEditorViewModel vm = new DeviationEditorViewModel(FeatureContexts.deviation(bo), new FxTaskRunner(),
                new FxDialogService(sv, () -> stage), sv, () -> { });
        stage.setScene(new Scene(new DeviationEditorView(vm, sv), 980, 760));
        stage.show();
        vm.load(id);
    }

    @AfterEach
    void tearDown() {
        bo.close();
        anna.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aConflictIsMergedFieldByFieldInTheDialog(FxRobot robot) throws Exception {
        TextField title = robot.lookup("#editorTitle").queryAs(TextField.class);
        waitUntil(() -> "olåst dörr".equals(title.getText()));
        // Anna saves first: a new title and the facts.
        var annasCopy = anna.deviationService().openForEdit(id).orElseThrow();
        Deviation a = annasCopy.value();
        Deviation annas = new Deviation(a.id(), a.caseRef(), a.kind(), a.law(), a.unitId(), a.categoryId(), a.status(),
                a.occurredOn(), a.reportedOn(), a.registeredOn(), a.dueOn(), a.closedOn(), a.reporterRole(),
                "olåst dörr till medicinrummet", a.description(), a.immediateActions(), "nyckeln satt kvar i låset.",
                a.causeText(), a.causeIds(), a.assessment(), a.serious(), a.ivoReportedOn(), a.ivoReference(),
                a.externalSource(), a.externalId());
        assertThat(anna.deviationService().save(annas, false, annasCopy.version()).ok()).isTrue();

        // Bo, in the editor he opened before, changes the title and the description and saves.
        robot.interact(() -> title.setText(""));
        robot.clickOn("#editorTitle").write("olåst dörr natten till måndag");
        javafx.scene.control.TextArea description = robot.lookup("#editorDescription")
                .queryAs(javafx.scene.control.TextArea.class);
        robot.clickOn("#editorDescription");
        robot.interact(description::end);
        robot.write(" igen på kvällen.");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        waitUntil(() -> robot.lookup("#conflictDialog").tryQuery().isPresent());
        Label message = robot.lookup("#conflictMessage").queryAs(Label.class);
        assertThat(message.getText()).contains("Anna Lind").contains("medan du redigerade");
        assertThat(robot.lookup("#conflictTheirs-0").queryAs(Label.class).getText())
                .isEqualTo("olåst dörr till medicinrummet");
        Button merge = robot.lookup("#conflictMerge").queryAs(Button.class);
        assertThat(merge.isDisabled()).as("merge waits for the pick of the title both changed").isTrue();
        assertThat(robot.lookup("#conflictPickMine-1").tryQuery()).as("only Bo changed the description").isEmpty();
        robot.clickOn("#conflictPickMine-0");
        waitUntil(() -> !merge.isDisabled());
        robot.clickOn("#conflictMerge");

        waitUntil(() -> "olåst dörr natten till måndag".equals(anna.deviations().find(id).orElseThrow().title()));
        Deviation stored = anna.deviations().find(id).orElseThrow();
        assertThat(stored.description()).isEqualTo("dörren var olåst på morgonen. igen på kvällen.");
        assertThat(stored.facts()).isEqualTo("nyckeln satt kvar i låset.");
        assertThat(anna.audit().history("deviation", id).getFirst().actor()).isEqualTo("Bo Ek");
        // the editor shows the merged record, saved
        waitUntil(() -> title.getText().equals("olåst dörr natten till måndag"));
        assertThat(robot.lookup("#conflictDialog").tryQuery()).isEmpty();
    }
}
