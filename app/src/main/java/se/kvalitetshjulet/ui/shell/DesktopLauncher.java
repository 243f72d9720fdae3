package se.kvalitetshjulet.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;

import se.kvalitetshjulet.app.AppPaths;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.DatabaseOpening;

/** Starts the JavaFX application with the command line's choice of database. */
public final class DesktopLauncher {
    /** A file path or a {@code postgresql://} server address (decision 10). */
    static volatile String requestedDb;
    static volatile boolean requestedDemo;
    /** From --passphrase-file or KVALITETSHJULET_PASSPHRASE; otherwise the GUI asks when the file is encrypted. */
    static volatile se.kvalitetshjulet.domain.Passphrase requestedPassphrase;
    /** The database being opened while the JavaFX toolkit starts (both take about a second). */
    static volatile Path preopenedPath;
    static volatile CompletableFuture<AppContext> preopened;

    private DesktopLauncher() {
    }

    public static void launch(String db, boolean demo) {
        launch(db, demo, null);
    }

    public static void launch(String db, boolean demo, se.kvalitetshjulet.domain.Passphrase passphrase) {
        requestedDb = db;
        requestedDemo = demo;
        requestedPassphrase = demo ? null : passphrase;
        boolean server = DatabaseOpening.isServerAddress(db);
        Path target = demo ? AppPaths.demoDatabase() : server ? null : db != null ? Path.of(db)
                : Files.exists(AppPaths.defaultDatabase()) ? AppPaths.defaultDatabase() : null;
        if (target != null && Files.exists(target)) {
            preopenedPath = target.toAbsolutePath().normalize();
            preopened = CompletableFuture.supplyAsync(() -> {
                AppContext ctx = DatabaseOpening.openFile(target, requestedPassphrase,
                        java.time.Clock.systemDefaultZone());
                ctx.settingsService().isDemo(); // the first query initialises jOOQ: do it off the critical path
                se.kvalitetshjulet.app.StartupPhases.mark(se.kvalitetshjulet.app.StartupPhases.FIRST_QUERY);
                return ctx;
            });
        }
        Application.launch(KvalitetshjuletApp.class);
    }
}
