package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * Each role's window on a real PostgreSQL server (issue 15, decision 0034): one server and one seeded database for
 * the class, one login per role granted the same unit. Each test opens the app as one login, as that person would,
 * and checks what they see in the navigation, in Inställningar (and that Spara works for them), in the register and
 * in Egenkontroller, and that nothing they are offered ends in an error dialog.
 */
@ExtendWith(ApplicationExtension.class)
class RoleScreensScreenTest {
    private static final String FREE_TEXT = "Eva föll i hallen";
    private static AppContext admin;
    private static String database;
    private static final Map<AccessRole, String> LOGINS = new EnumMap<>(AccessRole.class);

    private Stage stage;
    private AppContext session;
    private FxTaskRunner tasks;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeAll
    static void seed() {
        admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
        database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
        long norr = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, norr, TestDb.TODAY);
        d = new Deviation(null, null, d.kind(), d.law(), d.unitId(),
                admin.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id(), d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "undersköterska", FREE_TEXT, "vid frukosten", "", "",
                "", List.of(), null, false, null, null, null, null);
        assertThat(admin.deviationService().save(d, false).ok()).isTrue();
        // the coordinator's own name, which nobody else must get or overwrite
        assertThat(admin.settingsService().saveMyName("Kerstin Kvalitet").ok()).isTrue();
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        String suffix = database.replace("kvh_test_", "");
        for (AccessRole role : AccessRole.values()) {
            String login = role.cliName() + "_" + suffix;
            access.createLogin(login, "pw-" + login);
            access.grant(login, role, norr);
            LOGINS.put(role, login);
        }
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("…"), 1366, 720));
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        if (tasks != null) {
            tasks.close();
        }
        if (session != null) {
            session.close();
        }
    }

    /** Opens the app as {@code role}'s login, as the person would (their own password, their own session). */
    private void openAs(FxRobot robot, AccessRole role) throws Exception {
        String login = LOGINS.get(role);
        session = DatabaseOpening.openServer(TestPostgres.get().url(login, database), "pw-" + login,
                Clock.systemDefaultZone());
        tasks = new FxTaskRunner();
        robot.interact(() -> stage.setScene(new Scene(new MainView(session, new I18n(Locale.of("sv")), tasks, dialogs),
                1366, 720)));
        settle();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n.isVisible() && n.isManaged() && n.getScene() != null)
                .orElse(false);
    }

    /** The navigation entries this person is offered, by the ids' screen names. */
    private static List<String> navigation(FxRobot robot) {
        List<String> out = new ArrayList<>();
        for (String s : List.of("home", "deviations", "patterns", "trends", "selfchecks", "risks", "reports",
                "actions", "councils", "quality", "calendar", "keyfigures", "organisation", "lists", "settings")) {
            if (shown(robot, "#nav-" + s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Opens every screen the navigation offers, one after the other: none of them ends in an error dialog. */
    private void walk(FxRobot robot) throws Exception {
        for (String screen : navigation(robot)) {
            robot.clickOn("#nav-" + screen);
            settle();
            assertThat(dialogs.unexpected).as("opening " + screen).isEmpty();
            assertThat(dialogs.errors).as("opening " + screen).isEmpty();
        }
    }

    /** Double-clicks the register's row whose title is {@code title} (a click pair the loaded machine cannot split). */
    private static void openRow(FxRobot robot, String title) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".table-row-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null
                        && r.getItem().toString().contains(title)));
        javafx.scene.control.TableRow<?> row = robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null
                        && r.getItem().toString().contains(title))
                .map(n -> (javafx.scene.control.TableRow<?>) n).findFirst().orElseThrow();
        robot.interact(() -> javafx.event.Event.fireEvent(row, new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1, javafx.scene.input.MouseButton.PRIMARY, 2,
                false, false, false, false, true, false, false, true, false, false, null)));
    }

    private void noErrorDialog() {
        assertThat(dialogs.unexpected).as("unexpected failures shown").isEmpty();
        assertThat(dialogs.errors).as("error dialogs").isEmpty();
    }

    /** Opens Inställningar, types a name into Mitt namn and saves: the notice says saved, nothing is refused. */
    private void savesMyName(FxRobot robot, String name) throws Exception {
        robot.clickOn("#nav-settings");
        settle();
        TextField field = robot.lookup("#settingsMyName").queryAs(TextField.class);
        robot.interact(() -> field.setText(name));
        robot.clickOn("#settingsSave");
        settle();
        noErrorDialog();
        assertThat(robot.lookup("#settingsProblems").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#settingsNotice").queryAs(Label.class).getText())
                .isEqualTo("Inställningarna är sparade.");
    }

    private static boolean generalSettingsShown(FxRobot robot) {
        return shown(robot, "#settingsIvoDays") || shown(robot, "#settingsRetention")
                || shown(robot, "#settingsPrivacy" + se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.values()[0].name());
    }

    private static List<String> keyFigureTabs(FxRobot robot) {
        return robot.lookup("#kfTabs").queryAs(TabPane.class).getTabs().stream().map(t -> t.getId()).toList();
    }

    private static List<String> selfCheckTabs(FxRobot robot) {
        return robot.lookup("#selfCheckTabs").queryAs(TabPane.class).getTabs().stream().map(t -> t.getId()).toList();
    }

    @Test
    void aSectionChiefSeesTheirWorkAndSavesTheirOwnSettings(FxRobot robot) throws Exception {
        openAs(robot, AccessRole.SEKTIONSCHEF);
        assertThat(navigation(robot)).containsExactly("home", "deviations", "patterns", "trends", "selfchecks",
                "actions", "keyfigures", "settings");
        walk(robot);

        robot.clickOn("#nav-deviations");
        settle();
        assertThat(shown(robot, "#deviationNew")).as("Ny avvikelse").isTrue();
        assertThat(shown(robot, "#deviationImport")).as("Importera").isFalse();

        robot.clickOn("#nav-selfchecks");
        settle();
        assertThat(selfCheckTabs(robot)).containsExactly("selfCheckTabMine");

        robot.clickOn("#nav-keyfigures");
        settle();
        assertThat(keyFigureTabs(robot)).doesNotContain("kfTabChoice", "kfTabFollowUp").contains("kfTabKolada");
        assertThat(shown(robot, "#kfImportKolada")).as("Importera Kolada").isFalse();
        assertThat(shown(robot, "#kfFetchKolada")).isFalse();

        savesMyName(robot, "Sara Sektionschef");
        assertThat(generalSettingsShown(robot)).as("privacy, retention, IVO days").isFalse();
        assertThat(shown(robot, "#settingsPersonalOnly")).isTrue();
        assertThat(shown(robot, "#settingsVerifyAudit")).isFalse();
        noErrorDialog();
        // the name is hers alone: the coordinator keeps his
        assertThat(session.settingsService().load().myName()).isEqualTo("Sara Sektionschef");
        assertThat(admin.settingsService().load().myName()).isEqualTo("Kerstin Kvalitet");
    }

    @Test
    void theQualityCoordinatorSeesEverythingAndSavesTheGeneralSettings(FxRobot robot) throws Exception {
        openAs(robot, AccessRole.KVALITETSUTVECKLARE);
        assertThat(navigation(robot)).hasSize(15);
        walk(robot);
        robot.clickOn("#nav-deviations");
        settle();
        assertThat(shown(robot, "#deviationImport")).isTrue();
        robot.clickOn("#nav-selfchecks");
        settle();
        assertThat(selfCheckTabs(robot)).contains("selfCheckTabMine", "selfCheckTabRounds", "selfCheckTabTemplates");
        robot.clickOn("#nav-keyfigures");
        settle();
        assertThat(keyFigureTabs(robot)).contains("kfTabChoice", "kfTabFollowUp");
        assertThat(shown(robot, "#kfImportKolada")).isTrue();

        robot.clickOn("#nav-settings");
        settle();
        assertThat(generalSettingsShown(robot)).isTrue();
        TextField ivo = robot.lookup("#settingsIvoDays").queryAs(TextField.class);
        robot.interact(() -> ivo.setText("6"));
        savesMyName(robot, "Kim Kvalitetsutvecklare");
        assertThat(admin.settingsService().load().ivoNotificationDays()).isEqualTo(6);
        assertThat(admin.settingsService().load().myName()).isEqualTo("Kerstin Kvalitet");
    }

    @Test
    void aCouncilMemberSeesTheirCouncilsAndCasesButRegistersNothing(FxRobot robot) throws Exception {
        openAs(robot, AccessRole.RADSLEDAMOT);
        assertThat(navigation(robot)).containsExactly("home", "deviations", "patterns", "trends", "actions",
                "councils", "keyfigures", "settings");
        walk(robot);
        robot.clickOn("#nav-deviations");
        settle();
        assertThat(shown(robot, "#deviationNew")).isFalse();
        assertThat(shown(robot, "#deviationImport")).isFalse();
        // the unit's case opens to be read: no Spara, no workflow step, and it says why
        openRow(robot, FREE_TEXT);
        settle();
        javafx.scene.control.Button save = robot.lookup("#editorSave").queryAs(javafx.scene.control.Button.class);
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup("#editorReadOnly").queryAs(Label.class).getText())
                .startsWith("Du kan läsa avvikelsen men inte ändra den");
        assertThat(robot.lookup(n -> n.getId() != null && n.getId().startsWith("moveTo")).tryQuery()).isEmpty();
        robot.interact(() -> ((Stage) save.getScene().getWindow()).close());
        settle();
        robot.clickOn("#nav-councils");
        settle();
        noErrorDialog();
        savesMyName(robot, "Rut Rådsledamot");
    }

    @Test
    void sasAndMasRegisterAndFollowTheirCasesOnly(FxRobot robot) throws Exception {
        for (AccessRole role : List.of(AccessRole.SAS, AccessRole.MAS)) {
            openAs(robot, role);
            assertThat(navigation(robot)).as(role.cliName()).containsExactly("home", "deviations", "patterns",
                    "trends", "actions", "keyfigures", "settings");
            walk(robot);
            robot.clickOn("#nav-deviations");
            settle();
            assertThat(shown(robot, "#deviationNew")).isTrue();
            assertThat(shown(robot, "#deviationImport")).isFalse();
            savesMyName(robot, "Namn för " + role.cliName());
            assertThat(generalSettingsShown(robot)).isFalse();
            tasks.close();
            session.close();
            tasks = null;
            session = null;
        }
    }

    @Test
    void aLasareSeesAggregatesAndTheirOwnSettingsAndNoFreeTextAnywhere(FxRobot robot) throws Exception {
        openAs(robot, AccessRole.LASARE);
        assertThat(navigation(robot)).containsExactly("home", "trends", "keyfigures", "settings");
        walk(robot);
        robot.clickOn("#nav-home");
        settle();
        List<VisibleTexts.Seen> seen = new ArrayList<>(VisibleTexts.in(stage.getScene(), "Hem"));
        for (String screen : List.of("trends", "keyfigures")) {
            robot.clickOn("#nav-" + screen);
            settle();
            seen.addAll(VisibleTexts.in(stage.getScene(), screen));
        }
        savesMyName(robot, "Nils Nämnd");
        assertThat(generalSettingsShown(robot)).isFalse();
        assertThat(shown(robot, "#settingsVerifyAudit")).isFalse();
        seen.addAll(VisibleTexts.in(stage.getScene(), "Inställningar"));
        assertThat(seen).isNotEmpty().noneMatch(s -> s.text().contains("Eva föll") || s.text().contains("frukosten"));
        noErrorDialog();
    }
}
