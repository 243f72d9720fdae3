package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.DatabaseOpening;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * The main window of a läsare/nämnd login on the server (issue 15): the navigation offers Hem, Trender and Nyckeltal
 * only, Hem shows the counts and says why there is no case list, and opening Trender refuses nothing.
 */
@ExtendWith(ApplicationExtension.class)
class LasareWindowScreenTest {
    private AppContext admin;
    private AppContext board;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private FxTaskRunner tasks;

    @Start
    void start(Stage stage) {
        admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
        String database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
        long unit = admin.units().save(new Unit(null, null, "Boende Eken", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        d = new Deviation(null, null, d.kind(), d.law(), d.unitId(),
                admin.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id(), d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "undersköterska", "Eva föll", "i badrummet", "", "", "",
                List.of(), null, false, null, null, null, null);
        assertThat(admin.deviationService().save(d, false).ok()).isTrue();
        String login = "namnd_" + database.replace("kvh_test_", "");
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        access.createLogin(login, "pw-" + login);
        access.grant(login, AccessRole.LASARE, unit);
        board = DatabaseOpening.openServer(TestPostgres.get().url(login, database), "pw-" + login,
                Clock.systemDefaultZone());
        tasks = new FxTaskRunner();
        MainView main = new MainView(board, new I18n(Locale.of("sv")), tasks, dialogs);
        stage.setScene(new Scene(main, 1366, 720));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        board.close();
        admin.close();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.isVisible() && n.isManaged();
    }

    @Test
    void theNavigationOffersTheAggregateScreensAndNothingIsRefused(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#nav-home")).isTrue();
        assertThat(shown(robot, "#nav-trends")).isTrue();
        assertThat(shown(robot, "#nav-keyfigures")).isTrue();
        for (String hidden : List.of("#nav-deviations", "#nav-selfchecks", "#nav-actions", "#nav-councils",
                "#nav-reports", "#nav-organisation")) {
            assertThat(shown(robot, hidden)).as(hidden).isFalse();
        }
        assertThat(robot.lookup("#homeAggregatesOnly").queryAs(Label.class).getText()).contains("läsare/nämnd");
        assertThat(robot.lookup("#homeOverdueTable").tryQuery()).isEmpty();

        robot.clickOn("#nav-trends");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }
}
