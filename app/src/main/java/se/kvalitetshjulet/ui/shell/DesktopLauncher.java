package se.kvalitetshjulet.ui.shell;

import java.nio.file.Path;

import javafx.application.Application;

/** Starts the JavaFX application with the command line's choice of database. */
public final class DesktopLauncher {
    static volatile Path requestedDb;
    static volatile boolean requestedDemo;

    private DesktopLauncher() {
    }

    public static void launch(Path db, boolean demo) {
        requestedDb = db;
        requestedDemo = demo;
        Application.launch(KvalitetshjuletApp.class);
    }
}
