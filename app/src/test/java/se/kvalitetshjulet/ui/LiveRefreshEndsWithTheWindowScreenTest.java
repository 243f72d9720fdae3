package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.shell.MainView;

/**
 * A main window listens for others' changes while it is shown (decision 0030) and stops when it is closed or replaced:
 * otherwise the change feed would keep every window that was ever opened on the database alive (the suite ran out of
 * memory that way with the shared demo).
 */
@ExtendWith(ApplicationExtension.class)
class LiveRefreshEndsWithTheWindowScreenTest {
    private AppContext ctx;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("kh-live-ends");
        ctx = TestDb.open(dir);
        stage.setScene(new Scene(new MainView(ctx, new I18n(Locale.of("sv")), new FxTaskRunner(),
                new RecordingDialogService()), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void theWatchEndsWhenTheWindowNoLongerShowsTheView(FxRobot robot) {
        assertThat(ctx.changes().watchers()).as("the shown window watches").isEqualTo(1);
        robot.interact(() -> stage.setScene(new Scene(new Pane(), 200, 200)));
        assertThat(ctx.changes().watchers()).as("a replaced main view no longer watches").isZero();
    }
}
