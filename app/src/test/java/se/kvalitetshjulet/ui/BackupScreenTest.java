package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.DatabaseOpening;
import se.kvalitetshjulet.domain.backup.BackupFile;
import se.kvalitetshjulet.domain.backup.BackupKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * Inställningar → Säkerhetskopior: the list shows date, size and kind; "Ta säkerhetskopia nu" adds one; "Återställ …"
 * asks first, saying the current file is kept and the database reopened, and the restore brings the records back.
 */
@ExtendWith(ApplicationExtension.class)
class BackupScreenTest {
    private static Path dir;
    private static AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    /** What the restore did (as the shell does it: close, restore, open again). */
    private final AtomicReference<DatabaseOpening.Restore> restored = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("kvh-backups");
        ctx = TestDb.open(dir);
        ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null,
                null, null));
        ctx.backups().dailyIfDue().orElseThrow();
        ctx.units().save(new Unit(null, null, "Hemtjänst Söder", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null,
                null, null));
        FxTaskRunner tasks = new FxTaskRunner();
        MainView main = new MainView(ctx, new I18n(Locale.of("sv")), tasks, dialogs);
        main.setBackupRestorer(backup -> tasks.run("restore", p -> DatabaseOpening.restoreAndReopen(ctx, backup,
                TestDb.clock()), restored::set, dialogs::showUnexpected));
        stage.setScene(new Scene(main, 1366, 768));
        stage.show();
    }

    @AfterAll
    static void close() {
        ctx.close();
        TestDb.deleteTree(dir);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListShowsTheBackupsAndARestoreBringsBackTheRecordsKeepingTheCurrentFile(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#backupTable").tryQuery()
                .map(t -> ((TableView<BackupFile>) t).getItems().size() == 1).orElse(false));
        TableView<BackupFile> table = robot.lookup("#backupTable").queryAs(TableView.class);
        scrollTo(robot, table);
        assertThat(robot.lookup("#backupWhere").queryLabeled().getText()).contains(dir.toString())
                .contains("inte krypterad");
        // one row: date, size, kind, file (once the row is laid out: the item can be there before its cells are)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.from(table).lookup(".table-row-cell")
                .match(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == 0 && !r.isEmpty())
                .tryQuery().map(r -> robot.from(r).lookup(".table-cell").queryAll().stream().findFirst()
                        .map(c -> ((javafx.scene.control.Labeled) c).getText() != null).orElse(false)).orElse(false));
        assertThat(robot.from(firstRow(robot, table)).lookup(".table-cell").nth(0).queryLabeled()
                .getText()).isEqualTo("2026-11-23 10:00");
        assertThat(robot.from(firstRow(robot, table)).lookup(".table-cell").nth(1).queryLabeled()
                .getText()).endsWith("kB");
        assertThat(robot.from(firstRow(robot, table)).lookup(".table-cell").nth(2).queryLabeled()
                .getText()).isEqualTo("Daglig");

        robot.clickOn("#backupCreate");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(BackupFile::kind).containsExactlyInAnyOrder(BackupKind.MANUAL,
                BackupKind.DAILY);
        assertThat(robot.lookup("#backupNotice").queryLabeled().getText()).contains("Säkerhetskopian sparades som");
        assertThat(robot.lookup("#backupRestore").queryButton().isDisabled()).as("nothing chosen yet").isTrue();

        int daily = table.getItems().indexOf(table.getItems().stream().filter(b -> b.kind() == BackupKind.DAILY)
                .findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().select(daily));
        robot.clickOn("#backupRestore");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> restored.get() != null);

        assertThat(dialogs.confirms).hasSize(1);
        assertThat(dialogs.confirms.getFirst()).contains("2026-11-23 10:00")
                .contains("Den nuvarande databasfilen sparas som en egen säkerhetskopia")
                .contains("öppnas igen");
        DatabaseOpening.Restore outcome = restored.get();
        assertThat(outcome.ok()).as(outcome.refusal()).isTrue();
        ctx = outcome.context();
        assertThat(ctx.units().findAll()).extracting(Unit::name).containsExactly("Hemtjänst Norr");
        assertThat(ctx.backups().list()).extracting(BackupFile::kind).contains(BackupKind.RESTORE);
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    private static void scrollTo(FxRobot robot, javafx.scene.Node node) {
        ScrollPane scroll = robot.lookup(".scroll-pane").queryAllAs(ScrollPane.class).stream()
                .filter(s -> s.getContent() != null && s.getContent().lookup("#backupTable") != null)
                .filter(s -> !"screenScroll".equals(s.getId())).findFirst() // the settings' own, not the shell's
                .orElseThrow();
        robot.interact(() -> {
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double y = node.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            scroll.setVvalue(Math.min(1, y / Math.max(1, contentHeight - scroll.getViewportBounds().getHeight())));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The row showing the table's first item (the flow also holds empty, reused rows, in no fixed order). */
    private static javafx.scene.Node firstRow(FxRobot robot, TableView<?> table) {
        return robot.from(table).lookup(".table-row-cell")
                .match(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == 0 && !r.isEmpty())
                .query();
    }
}
