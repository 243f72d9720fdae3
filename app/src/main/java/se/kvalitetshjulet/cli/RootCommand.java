package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.kvalitetshjulet.data.DatabaseRefusedException;

/**
 * {@code kvalitetshjulet [--db PATH | --demo]} starts the desktop application; subcommands
 * work on a database without starting JavaFX.
 */
@Command(name = "kvalitetshjulet", mixinStandardHelpOptions = true, version = "Kvalitetshjulet 0.1.0",
        description = {"Kvalitetshjulet – systematiskt kvalitetsarbete i vård och omsorg.",
                "Utan kommando startar skrivbordsprogrammet."},
        subcommands = {DemoCommand.class, CheckCommand.class, ExportCommand.class, ImportCommand.class, SpcCommand.class,
                DenominatorsCommand.class, ReportCommand.class, SelfCheckCommand.class, ServerCommand.class,
                se.kvalitetshjulet.cli.bench.BenchCommand.class},
        exitCodeListHeading = "%nSlutkoder:%n",
        exitCodeList = {"0:klart", "1:fel", "2:felaktig användning", "3:indata avvisades (inget skrevs)"})
public final class RootCommand implements Callable<Integer> {
    /** Returned when the desktop application was started and owns the process. */
    public static final int GUI_STARTED = -1;

    @Option(names = "--db", paramLabel = "PATH|URL", description = "Öppna den här databasfilen (eller serverdatabasen "
            + "postgresql://ANVÄNDARE@VÄRD:PORT/DATABAS) i stället för standarddatabasen.")
    String db;

    @Option(names = "--demo", description = "Öppna demodatabasen (skapas med påhittade data första gången).")
    boolean demo;

    @Override
    public Integer call() {
        se.kvalitetshjulet.ui.shell.DesktopLauncher.launch(db, demo);
        return GUI_STARTED;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof DatabaseRefusedException refused) {
                err.println("Databasen avvisades: " + refused.getMessage());
                return ExitCodes.REJECTED;
            }
            err.println("Fel: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            org.slf4j.LoggerFactory.getLogger(RootCommand.class).error("Command failed", ex);
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
