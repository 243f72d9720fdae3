package se.kvalitetshjulet.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.AppPaths;
import se.kvalitetshjulet.app.DatabaseOpening;
import se.kvalitetshjulet.app.StartupPhases;
import se.kvalitetshjulet.ui.common.FxDialogService;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.WindowPreferences;

/**
 * The desktop application: picks the database (command line, first-start choice or the
 * default), opens it off the FX thread with progress, then shows the main window.
 */
public final class KvalitetshjuletApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(KvalitetshjuletApp.class);

    /** The UI language: the one chosen in Inställningar (h4, issue 18), replaced when the user picks another. */
    private I18n i18n = I18n.forDefaultLocale();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private WindowPreferences prefs;
    private FxDialogService dialogs;
    private AppContext context;
    private Stage stage;
    private MainView shownMain;

    @Override
    public void start(Stage primary) {
        StartupPhases.mark(StartupPhases.TOOLKIT);
        this.stage = primary;
        this.prefs = new WindowPreferences(AppPaths.preferencesFile());
        this.i18n = I18n.forChoice(prefs.get(LANGUAGE_KEY, null));
        this.dialogs = new FxDialogService(i18n, () -> stage);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.error("Unexpected error on {}", t.getName(), e);
            if (Platform.isFxApplicationThread()) {
                dialogs.showUnexpected(e);
            } else {
                Platform.runLater(() -> dialogs.showUnexpected(e));
            }
        });
        stage.setTitle(i18n.get("app.name"));
        var icon = KvalitetshjuletApp.class.getResourceAsStream("/ui/icon.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        prefs.restore(stage, "main");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            prefs.remember(stage, "main");
            prefs.save();
        });

        String requested = DesktopLauncher.requestedDb;
        se.kvalitetshjulet.domain.Passphrase pass = DesktopLauncher.requestedPassphrase;
        if (DesktopLauncher.requestedDemo) {
            open(AppPaths.demoDatabase(), true);
        } else if (requested != null && DatabaseOpening.isServerAddress(requested)) {
            openServer(requested);
        } else if (requested != null) {
            open(Path.of(requested), false, pass);
        } else if (Files.exists(AppPaths.defaultDatabase())) {
            open(AppPaths.defaultDatabase(), false, pass);
        } else {
            showFirstStart();
        }
    }

    /** First start: create an empty database, open the demo, or pick a file. */
    private void showFirstStart() {
        Label title = new Label(i18n.get("start.title"));
        title.getStyleClass().add("h1");
        Label text = new Label(i18n.get("start.text"));
        text.setWrapText(true);
        Button empty = new Button(i18n.get("start.createEmpty"));
        empty.setId("startEmpty");
        empty.setDefaultButton(true);
        empty.setOnAction(e -> createNew(AppPaths.defaultDatabase()));
        Button demo = new Button(i18n.get("start.openDemo"));
        demo.setId("startDemo");
        demo.setOnAction(e -> open(AppPaths.demoDatabase(), true));
        Button other = new Button(i18n.get("start.openOther"));
        other.setOnAction(e -> dialogs.chooseOpenFile(i18n.get("start.openOther"), List.of("*.db", "*.sqlite", "*"))
                .ifPresent(p -> open(p, false)));
        Button server = new Button(i18n.get("server.connect"));
        server.setId("startServer");
        server.setOnAction(e -> dialogs.askText(i18n.get("server.connect"), i18n.get("server.connect.prompt"),
                        prefs.get("server.last", "postgresql://" + System.getProperty("user.name", "") + "@"))
                .map(String::strip).filter(u -> !u.isEmpty()).ifPresent(u -> {
                    if (!DatabaseOpening.isServerAddress(u)) {
                        dialogs.showError(i18n.get("server.connect"), i18n.get("server.connect.notAnAddress"));
                        return;
                    }
                    try {
                        DatabaseOpening.checkServerAddress(u);
                    } catch (IllegalArgumentException ex) {
                        dialogs.showError(i18n.get("server.connect"), ex.getMessage());
                        return;
                    }
                    prefs.put("server.last", u);
                    prefs.save();
                    openServer(u);
                }));
        for (Button b : List.of(empty, demo, other, server)) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        VBox box = new VBox(16, title, text, empty, demo, other, server);
        box.setMaxWidth(560);
        box.setPadding(new Insets(40));
        box.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(box);
        root.setAlignment(Pos.CENTER);
        showScene(root);
    }

    private void showScene(javafx.scene.Parent root) {
        if (stage.getScene() == null) {
            Scene scene = new Scene(root);
            // h3 (issue 18): the theme chosen in Inställningar → Utseende (theme.css, and high-contrast.css on top)
            se.kvalitetshjulet.ui.common.Theme.fromPreference(prefs.get(se.kvalitetshjulet.ui.common.Theme.PREFERENCE,
                    null)).applyTo(scene);
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
        }
        if (!stage.isShowing()) {
            stage.show();
        }
    }

    /**
     * A förvaltning's server database (decision 10); the password comes from PGPASSWORD or ~/.pgpass, else the window
     * asks for it (h5, {@link ServerLogin}) and keeps it for this session only.
     */
    private void openServer(String url) {
        showOpening(url);
        new ServerLogin(tasks, dialogs, i18n, (u, pw) -> DatabaseOpening.openServer(u, pw, Clock.systemDefaultZone()))
                .login(url, ctx -> {
                    StartupPhases.mark(StartupPhases.DATABASE);
                    StartupPhases.mark(StartupPhases.CONTEXT);
                    showMain(ctx);
                    StartupProbe.reportIfRequested(stage.getScene(), this::stopShownMain);
                    // h5: self-check drafts an earlier session kept while the server did not answer
                    tasks.run(i18n.get("h5.selfcheck.sending"), p -> {
                        ctx.offlineDrafts().resumeIfWaiting();
                        return ctx.offlineDrafts().status();
                    }, st -> {
                        LOG.info("Kept self-check drafts still waiting: {}, unreadable: {}", st.waiting(),
                                st.unreadable().size());
                        // h6: a kept file that does not decrypt is never dropped: the person and IT are told
                        if (!st.unreadable().isEmpty()) {
                            dialogs.showError(i18n.get("h6.offline.unreadableTitle"), i18n.get("h6.offline.unreadable",
                                    st.unreadable().size(), st.unreadable().getFirst().getParent()));
                        }
                    },
                            e -> LOG.warn("Kept drafts not sent ({})", e.getClass().getSimpleName()));
                }, error -> {
                    LOG.error("Could not open the server database ({})", error instanceof DatabaseOpening.Refused r
                            ? r.reason() : error.getClass().getSimpleName());
                    dialogs.showError(i18n.get("start.refusedTitle"), error instanceof DatabaseOpening.Refused r
                            ? r.getMessage()
                            : i18n.get("start.openFailed", url, se.kvalitetshjulet.app.FailureMessages.explain(error)));
                    showFirstStart();
                }, this::showFirstStart);
    }

    /** The "Öppnar …" screen with the task's progress. */
    private void showOpening(Object shown) {
        Label label = new Label(i18n.get("start.opening", shown));
        label.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(400);
        bar.progressProperty().bind(tasks.progressProperty());
        Label detail = new Label();
        detail.textProperty().bind(tasks.messageProperty());
        VBox box = new VBox(16, label, bar, detail);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        showScene(box);
        StartupPhases.mark(StartupPhases.OPENING_SHOWN);
    }

    /** A new database is encrypted unless the user deliberately chooses otherwise (decision 0013). */
    private void createNew(Path file) {
        if (!DatabaseOpening.encryptionAvailable()) {
            dialogs.showError(i18n.get("h6.newpass.title"), i18n.get("h6.noEncryption"));
            open(file, false, null);
            return;
        }
        PassphraseDialogs.chooseForNew(stage, i18n).ifPresent(choice -> open(file, false, choice.passphrase()));
    }

    private void open(Path file, boolean demo) {
        open(file, demo, null);
    }

    private void open(Path file, boolean demo, se.kvalitetshjulet.domain.Passphrase passphrase) {
        open(file, file, demo, () -> preopenedOrOpen(file, passphrase));
    }

    /**
     * Opens a database in the background and shows the main window; {@code shown} is what the user named (a path or
     * a server address), {@code file} the SQLite file (null for a server), for the passphrase question.
     */
    private void open(Object shown, Path file, boolean demo, java.util.concurrent.Callable<AppContext> opener) {
        if (!preopenedReady(file)) {
            showOpening(shown); // the database opened while the toolkit started needs no "Öppnar …" (decision 0033)
        }
        tasks.run(i18n.get("start.opening", shown), progress -> {
            AppContext ctx = opener.call();
            StartupPhases.mark(StartupPhases.CONTEXT);
            if (demo && ctx.organisation().tree().all().isEmpty()) {
                progress.update(0, i18n.get("start.creatingDemo"));
                ctx.demoData().generate(42, ctx.today(), f -> progress.update(f, null));
            }
            return ctx;
        }, ctx -> {
            showMain(ctx).offerFirstStart(); // h2: the guide on an empty database (decision 0027)
            StartupProbe.reportIfRequested(stage.getScene(), this::stopShownMain);
            afterFirstFrame(() -> dailyBackup(ctx)); // decision 0043: not beside the window's first frame
        }, error -> {
            Throwable cause = error;
            if (file != null && cause instanceof DatabaseOpening.Refused r && !demo
                    && (r.kind() == DatabaseOpening.RefusalKind.PASSPHRASE_WRONG
                    || r.kind() == DatabaseOpening.RefusalKind.NOT_A_DATABASE && DatabaseOpening.mayBeEncrypted(file))) {
                // encrypted: ask (again); the file has not been touched
                boolean wrong = r.kind() == DatabaseOpening.RefusalKind.PASSPHRASE_WRONG;
                LOG.info("Passphrase needed for the database ({})", wrong ? "wrong one given" : "none given");
                PassphraseDialogs.ask(stage, i18n, file, wrong).ifPresentOrElse(
                        p -> open(file, false, p), this::showFirstStart);
                return;
            }
            String message = cause instanceof DatabaseOpening.Refused r ? r.getMessage()
                    : i18n.get("start.openFailed", shown, se.kvalitetshjulet.app.FailureMessages.explain(cause));
            LOG.error("Could not open the database ({})", cause instanceof DatabaseOpening.Refused r
                    ? r.reason() : cause.getClass().getSimpleName());
            dialogs.showError(i18n.get("start.refusedTitle"), message);
            showFirstStart();
        });
    }

    private MainView showMain(AppContext ctx) {
        if (shownMain != null) {
            shownMain.stopLiveRefresh(); // h5: the window replaced (language, restore) stops listening
        }
        this.context = ctx;
        dialogs.setDatabaseEncrypted(ctx.databaseEncrypted());
        MainView main = new MainView(ctx, i18n, tasks, dialogs);
        StartupPhases.mark(StartupPhases.MAIN_VIEW);
        main.setBackupRestorer(backup -> restoreAndReopen(ctx, backup));
        main.setLanguageSwitcher(this::switchLanguage);
        main.setThemeSaver(theme -> {
            prefs.put(se.kvalitetshjulet.ui.common.Theme.PREFERENCE, theme.preference());
            prefs.save();
        });
        stage.titleProperty().bind(main.viewModel().titleProperty());
        showScene(main);
        StartupPhases.mark(StartupPhases.WINDOW);
        shownMain = main;
        return main;
    }

    /**
     * h5: today's automatic backup (decision 0020), in the background once the window is up: at most one a day, of a
     * database that passed its check at open, encrypted like it; none for the demo or a server database.
     */
    private void dailyBackup(AppContext ctx) {
        if (!ctx.backups().available()) {
            return;
        }
        tasks.run(i18n.get("h5.backup.daily.running"), p -> ctx.backups().dailyIfDue(),
                made -> made.ifPresent(b -> LOG.info("Daily backup done")),
                e -> LOG.warn("The daily backup failed ({})", e.getClass().getSimpleName()));
    }

    /**
     * h5: "Återställ …" in Inställningar → Säkerhetskopior: closes the database, restores the backup (checked first,
     * the current file kept as a backup of its own, all or nothing), opens the file again and shows a new main window;
     * a refused restore reopens the file as it was and says why.
     */
    private void restoreAndReopen(AppContext current, se.kvalitetshjulet.domain.backup.BackupFile backup) {
        Label label = new Label(i18n.get("h5.backup.restoring", backup.name()));
        label.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(400);
        VBox box = new VBox(16, label, bar);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        stage.titleProperty().unbind();
        showScene(box);
        tasks.run(i18n.get("h5.backup.restoring", backup.name()),
                p -> DatabaseOpening.restoreAndReopen(current, backup, Clock.systemDefaultZone()), r -> {
            showMain(r.context());
            if (r.ok()) {
                dialogs.showInfo(i18n.get("h5.backup.restore.title"), i18n.get("h5.backup.restored",
                        r.restoredFrom(), r.previousKeptAs() == null ? "–" : r.previousKeptAs()));
            } else {
                dialogs.showError(i18n.get("h5.backup.restore.title"), i18n.get("h5.backup.restoreRefused",
                        r.refusal()));
            }
        }, error -> {
            LOG.error("The database could not be opened again after a restore ({})", error.getClass().getSimpleName());
            dialogs.showError(i18n.get("start.refusedTitle"), error instanceof DatabaseOpening.Refused d
                    ? d.getMessage() : se.kvalitetshjulet.app.FailureMessages.explain(error));
            showFirstStart();
        });
    }

    /** Where the chosen UI language is remembered (per user, on this computer, like the window's size). */
    static final String LANGUAGE_KEY = "language";

    /**
     * h4 (issue 18): the language chosen in Inställningar, at once: remembered for the next start, and the main
     * window built again in it on the same open database (nothing is closed or reopened).
     */
    private void switchLanguage(java.util.Locale locale) {
        prefs.put(LANGUAGE_KEY, locale.getLanguage());
        prefs.save();
        i18n = new I18n(locale);
        boolean encrypted = context != null && context.databaseEncrypted();
        dialogs = new FxDialogService(i18n, () -> stage);
        dialogs.setDatabaseEncrypted(encrypted);
        if (context != null) {
            stage.titleProperty().unbind();
            showMain(context).viewModel().show(Section.SETTINGS); // back where the choice was made
        }
    }

    /** Whether the database opened while the toolkit started is this file and is open (not refused, not failed). */
    private static boolean preopenedReady(Path file) {
        var future = DesktopLauncher.preopened;
        return file != null && future != null && future.isDone() && !future.isCompletedExceptionally()
                && file.toAbsolutePath().normalize().equals(DesktopLauncher.preopenedPath);
    }

    /** Takes the database opened while the toolkit started, if it is this file; otherwise opens it now. */
    private static AppContext preopenedOrOpen(Path file, se.kvalitetshjulet.domain.Passphrase passphrase) throws Exception {
        var future = DesktopLauncher.preopened;
        if (future != null && file.toAbsolutePath().normalize().equals(DesktopLauncher.preopenedPath)) {
            DesktopLauncher.preopened = null;
            try {
                return future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        return DatabaseOpening.openFile(file, passphrase, Clock.systemDefaultZone());
    }

    /** Set when the app is stopping (or the start-up probe has reported): nothing more is started. */
    private boolean exiting;

    /** The start-up probe's exit (decision 0043): the shown window loads nothing more. */
    private void stopShownMain() {
        exiting = true;
        if (shownMain != null) {
            shownMain.stopLiveRefresh();
        }
    }

    /** Runs {@code r} once the window's next pulse has laid it out and handed its frame on, unless the app is stopping. */
    private void afterFirstFrame(Runnable r) {
        Scene scene = stage.getScene();
        boolean[] queued = {false};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!queued[0]) {
                queued[0] = true;
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    if (!exiting) {
                        r.run();
                    }
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    public Optional<AppContext> context() {
        return Optional.ofNullable(context);
    }

    @Override
    public void stop() {
        exiting = true;
        if (shownMain != null) {
            shownMain.stopLiveRefresh(); // decision 0039: its first screen's load may still be waiting for a frame
        }
        tasks.close();
        if (context != null) {
            context.close();
        }
    }
}
