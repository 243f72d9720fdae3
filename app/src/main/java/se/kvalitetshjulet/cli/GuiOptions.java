package se.kvalitetshjulet.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The desktop application's options ({@code kvalitetshjulet [--db PATH|URL | --demo] [--passphrase-file FIL]}): one
 * declaration, mixed into {@link RootCommand} (help, the full command line) and into {@link GuiStart} (the start path
 * without the subcommands, decision 0033).
 */
public final class GuiOptions {
    static final String DB = "--db";
    static final String DEMO = "--demo";
    static final String PASSPHRASE_FILE = "--passphrase-file";

    @Option(names = DB, paramLabel = "PATH|URL", description = "Öppna den här databasfilen (eller serverdatabasen "
            + "postgresql://ANVÄNDARE@VÄRD:PORT/DATABAS) i stället för standarddatabasen.")
    String db;

    @Option(names = DEMO, description = "Öppna demodatabasen (skapas med påhittade data första gången).")
    boolean demo;

    @Option(names = PASSPHRASE_FILE, paramLabel = "FIL",
            description = "Fil med lösenfrasen för en krypterad databas (annars KVALITETSHJULET_PASSPHRASE eller en dialog).")
    Path passphraseFile;

    /** Starts the desktop application with these options. */
    int launch() {
        se.kvalitetshjulet.ui.shell.DesktopLauncher.launch(db, demo, DbOption.read(passphraseFile, DbOption.PASSPHRASE_ENV));
        return RootCommand.GUI_STARTED;
    }
}
