package se.kvalitetshjulet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.StartupPhases;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The cold start (issue 22, decision 0033): the real application opens a database file and shows the main window with
 * the start-up phases recorded in their order; the home screen's counts are read once the window is shown and say
 * "Läser in …" until then (no invented 0); every other screen is built on its first visit and shows its content.
 */
class ColdStartScreenTest {
    private static final String NUMBER = "\\d[\\d\\u00a0 ]*";
    private final I18n sv = new I18n(Locale.of("sv"));
    private final FxRobot robot = new FxRobot();
    private final List<Runnable> undo = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void putBack() throws Exception {
        for (Runnable r : undo.reversed()) {
            r.run();
        }
        FxToolkit.hideStage();
    }

    @Test
    void theAppOpensTheFileAndShowsTheMainWindowWithItsPhasesInOrderAndItsCountsAfterIt() throws Exception {
        AppContext demo = SharedDemo.get();
        Path home = Files.createTempDirectory("kh-coldstart-home");
        String before = System.getProperty("kvalitetshjulet.home");
        Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
        undo.add(() -> {
            if (before == null) {
                System.clearProperty("kvalitetshjulet.home");
            } else {
                System.setProperty("kvalitetshjulet.home", before);
            }
            Thread.setDefaultUncaughtExceptionHandler(handler);
            DesktopLauncher.requestedDb = null;
        });
        System.setProperty("kvalitetshjulet.home", home.toString());
        DesktopLauncher.requestedDb = demo.databaseFile().toString();
        DesktopLauncher.requestedDemo = false;
        DesktopLauncher.requestedPassphrase = null;
        DesktopLauncher.preopened = null;
        StartupPhases.reset();

        Application app = FxToolkit.setupApplication(KvalitetshjuletApp.class);
        undo.add(() -> {
            try {
                FxToolkit.cleanupApplication(app);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#cardOverdue").tryQuery().isPresent());

        List<String> order = StartupPhases.recorded().stream().map(StartupPhases.Phase::name).toList();
        assertThat(order).containsSubsequence(StartupPhases.TOOLKIT, StartupPhases.DATABASE, StartupPhases.CONTEXT,
                StartupPhases.MAIN_VIEW, StartupPhases.WINDOW);
        List<Long> times = StartupPhases.recorded().stream().map(StartupPhases.Phase::epochMillis).toList();
        assertThat(times).isSorted();
        // the probe's line: every phase in milliseconds since the JVM started, in the same order
        String line = StartupPhases.format(times.getFirst());
        assertThat(line).startsWith(order.getFirst() + "=0").contains(StartupPhases.WINDOW + "=");

        Label overdue = robot.lookup("#cardOverdue").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> overdue.getText().matches(NUMBER));
        // the app's own context on the file (its clock is the system's, not the shared demo's fixed one)
        AppContext opened = ((KvalitetshjuletApp) app).context().orElseThrow();
        assertThat(Long.parseLong(overdue.getText().replaceAll("\\D", "")))
                .as("the overdue deviations, as the home screen counts them")
                .isEqualTo(opened.deviationService().count(se.kvalitetshjulet.domain.deviation.DeviationFilter.all()
                        .withOverdueOnly(true)));
        // decision 0039: the lists and the table came after the first frame, in place of "Läser in listorna …"
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#homeOverdueTable").tryQuery().isPresent());
        assertThat(robot.lookup("#homeListsLoading").tryQuery()).isEmpty();
        for (String list : List.of("#homeMyOverdue", "#homeMyUpcoming", "#homeSelfChecks", "#homeMeetings", "#homeCycle",
                "#homeSignals")) {
            assertThat(robot.lookup(list).tryQuery()).as(list).isPresent();
        }
        javafx.scene.control.TableView<?> table = robot.lookup("#homeOverdueTable").queryAs(javafx.scene.control.TableView.class);
        if (Long.parseLong(overdue.getText().replaceAll("\\D", "")) > 0) {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()); // the most overdue ones
        }
    }

    @Test
    void theDailyBackupIsMadeOnceTheMainWindowHasItsFirstFrame() throws Exception {
        // decision 0043: today's backup (decision 0020) no longer shares the processor with the window's first frame
        Path dir = Files.createTempDirectory("kh-coldstart-backup");
        Path file = dir.resolve("register.db");
        se.kvalitetshjulet.data.Database.open(file).close(); // a new register of our own (the demo gets no backups)
        Path home = Files.createTempDirectory("kh-coldstart-home");
        String before = System.getProperty("kvalitetshjulet.home");
        Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
        undo.add(() -> {
            if (before == null) {
                System.clearProperty("kvalitetshjulet.home");
            } else {
                System.setProperty("kvalitetshjulet.home", before);
            }
            Thread.setDefaultUncaughtExceptionHandler(handler);
            DesktopLauncher.requestedDb = null;
        });
        System.setProperty("kvalitetshjulet.home", home.toString());
        DesktopLauncher.requestedDb = file.toString();
        DesktopLauncher.requestedDemo = false;
        DesktopLauncher.requestedPassphrase = null;
        DesktopLauncher.preopened = null;
        StartupPhases.reset();
        assertThat(se.kvalitetshjulet.data.Backups.list(file)).isEmpty();
        unbindTitle(); // an earlier test's app may have bound the shared stage's title to its window

        Application app = FxToolkit.setupApplication(KvalitetshjuletApp.class);
        undo.add(() -> {
            try {
                FxToolkit.cleanupApplication(app);
                unbindTitle();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> se.kvalitetshjulet.data.Backups.list(file).stream()
                .anyMatch(b -> b.kind() == se.kvalitetshjulet.domain.backup.BackupKind.DAILY));
        var daily = se.kvalitetshjulet.data.Backups.list(file).stream()
                .filter(b -> b.kind() == se.kvalitetshjulet.domain.backup.BackupKind.DAILY).toList();
        assertThat(daily).hasSize(1);
        long window = StartupPhases.recorded().stream().filter(p -> p.name().equals(StartupPhases.WINDOW))
                .findFirst().orElseThrow().epochMillis();
        assertThat(Files.getLastModifiedTime(daily.getFirst().file()).toMillis())
                .as("written after the main window was shown").isGreaterThanOrEqualTo(window);
        assertThat(robot.lookup("#mainView").tryQuery()).isPresent();
    }

    private static void unbindTitle() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> FxToolkit.toolkitContext().getRegisteredStage().titleProperty().unbind())
                .get(60, TimeUnit.SECONDS);
    }

    @Test
    void theHomeCountsSayLoadingUntilTheWindowIsShownThenShowTheNumbers() throws Exception {
        AppContext demo = SharedDemo.get();
        // built and styled in a scene, but in no shown window
        Scene scene = WaitForAsyncUtils.asyncFx(() -> {
            Scene sc = new Scene(new MainView(demo, sv, new FxTaskRunner(), new RecordingDialogService()), 1400, 900);
            sc.getRoot().applyCss();
            sc.getRoot().layout();
            return sc;
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        MainView view = (MainView) scene.getRoot();
        Label overdue = (Label) scene.lookup("#cardOverdue");
        assertThat(overdue).isNotNull();
        // no count has been read, and none is invented
        assertThat(overdue.getText()).isEqualTo("Läser in …");
        assertThat(view.builtSections()).containsExactly(Section.HOME);
        // decision 0039: the lists and the table are not in the first frame; one line says they are coming
        Label listsLoading = (Label) scene.lookup("#homeListsLoading");
        assertThat(listsLoading.getText()).isEqualTo("Läser in listorna …");
        assertThat(scene.lookup("#homeOverdueTable")).isNull();

        FxToolkit.setupStage(stage -> {
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> overdue.getText().matches(NUMBER));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.lookup("#homeOverdueTable")).as("the table, once the window is shown").isNotNull();
        assertThat(scene.lookup("#homeSignals")).isNotNull();
        assertThat(scene.lookup("#homeListsLoading")).isNull();
    }

    @Test
    void everyScreenIsBuiltOnItsFirstVisitAndShowsItsContent() throws Exception {
        AppContext demo = SharedDemo.get();
        MainView view = WaitForAsyncUtils.asyncFx(() -> new MainView(demo, sv, new FxTaskRunner(),
                new RecordingDialogService())).get(60, TimeUnit.SECONDS);
        Stage stage = FxToolkit.setupStage(s -> {
            s.setScene(new Scene(view, 1400, 900));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.builtSections()).containsExactly(Section.HOME);
        ScrollPane screen = (ScrollPane) stage.getScene().lookup("#screenScroll");
        Set<Parent> seen = new java.util.HashSet<>();
        seen.add((Parent) screen.getContent());
        Set<Section> visited = EnumSet.of(Section.HOME);
        for (Section s : Section.values()) {
            if (s == Section.HOME) {
                continue;
            }
            assertThat(view.builtSections()).as("%s before its visit", s).doesNotContain(s);
            ToggleButton nav = (ToggleButton) stage.getScene().lookup("#nav-" + s.name().toLowerCase());
            robot.interact(nav::fire);
            WaitForAsyncUtils.waitForFxEvents();
            visited.add(s);
            assertThat(view.builtSections()).as("after visiting %s", s).containsExactlyInAnyOrderElementsOf(visited);
            Parent content = (Parent) screen.getContent();
            assertThat(content).as("%s's screen", s).isNotNull();
            assertThat(seen.add(content)).as("%s has a screen of its own", s).isTrue();
            assertThat(content.getChildrenUnmodifiable()).as("%s shows content", s).isNotEmpty();
            assertThat(content.isVisible()).isTrue();
            assertThat(nav.isSelected()).isTrue();
        }
        // back home: the screen built at the start, not a new one
        robot.interact(((ToggleButton) stage.getScene().lookup("#nav-home"))::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.builtSections()).hasSize(Section.values().length);
    }
}
