package se.kvalitetshjulet.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;

import se.kvalitetshjulet.app.AppPaths;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;

/** Starts the JavaFX application with the command line's choice of database. */
public final class DesktopLauncher {
    /** A file path or a {@code postgresql://} server address (decision 10). */
    static volatile String requestedDb;
    static volatile boolean requestedDemo;
    /** The database being opened while the JavaFX toolkit starts (both take about a second). */
    static volatile Path preopenedPath;
    static volatile CompletableFuture<AppContext> preopened;

    private DesktopLauncher() {
    }

    public static void launch(String db, boolean demo) {
        requestedDb = db;
        requestedDemo = demo;
        boolean server = se.kvalitetshjulet.data.ServerUrl.isServerUrl(db);
        Path target = demo ? AppPaths.demoDatabase() : server ? null : db != null ? Path.of(db)
                : Files.exists(AppPaths.defaultDatabase()) ? AppPaths.defaultDatabase() : null;
        if (target != null && Files.exists(target)) {
            preopenedPath = target.toAbsolutePath().normalize();
            preopened = CompletableFuture.supplyAsync(() -> {
                AppContext ctx = new AppContext(Database.open(target), java.time.Clock.systemDefaultZone());
                ctx.settings().isDemo(); // the first query initialises jOOQ: do it off the critical path
                return ctx;
            });
        }
        Application.launch(KvalitetshjuletApp.class);
    }
}
