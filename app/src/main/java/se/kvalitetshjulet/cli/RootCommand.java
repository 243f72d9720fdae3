package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.kvalitetshjulet.data.DatabaseRefusedException;

/**
 * {@code kvalitetshjulet [--db PATH | --demo]} starts the desktop application; subcommands
 * work on a database without starting JavaFX.
 */
@Command(name = "kvalitetshjulet", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = {"Kvalitetshjulet – systematiskt kvalitetsarbete i vård och omsorg.",
                "Utan kommando startar skrivbordsprogrammet."},
        subcommands = {DemoCommand.class, CheckCommand.class, ExportCommand.class, ImportCommand.class, SpcCommand.class,
                DenominatorsCommand.class, ReportCommand.class, SelfCheckCommand.class, ServerCommand.class, AuditCommand.class, ListsCommand.class, OrgCommand.class,
                BackupCommand.class, DeckCommand.class,
                se.kvalitetshjulet.cli.bench.BenchCommand.class, KeyFiguresCommand.class,
                EncryptCommand.Encrypt.class, EncryptCommand.Rekey.class},
        exitCodeListHeading = "%nSlutkoder:%n",
        exitCodeList = {"0:klart", "1:fel", "2:felaktig användning", "3:indata avvisades (inget skrevs)"})
public final class RootCommand implements Callable<Integer> {
    /** {@code --version}: the version and build from the Maven build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            se.kvalitetshjulet.app.AppVersion v = se.kvalitetshjulet.app.AppVersion.current();
            return new String[] {"Kvalitetshjulet " + v.version(), "bygge " + v.commit() + ", " + v.buildTime(),
                    "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.home") + ")"};
        }
    }

    /** Returned when the desktop application was started and owns the process. */
    public static final int GUI_STARTED = -1;

    /** {@code --db}, {@code --demo}, {@code --passphrase-file}: shared with {@link GuiStart}. */
    @picocli.CommandLine.Mixin
    GuiOptions gui;

    @Override
    public Integer call() {
        return gui.launch();
    }

    public static CommandLine commandLine() {
        return commandLine(new java.io.OutputStreamWriter(System.out, java.nio.charset.Charset.defaultCharset()),
                new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset()));
    }

    /**
     * The command line printing to {@code out} and {@code err} through a {@link TerminalWriter} (control characters
     * from files escaped). Failures are Swedish sentences ({@code FailureMessages}); the details go to the log.
     */
    public static CommandLine commandLine(java.io.Writer out, java.io.Writer err) {
        return configure(new CommandLine(new RootCommand()), out, err);
    }

    private static CommandLine configure(CommandLine cl, java.io.Writer out, java.io.Writer err) {
        cl.setOut(new PrintWriter(new TerminalWriter(out), true));
        cl.setErr(new PrintWriter(new TerminalWriter(err), true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter e = cmd.getErr();
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RootCommand.class);
            if (ex instanceof DatabaseRefusedException refused) {
                log.warn("Database refused: {}", refused.reason(), ex);
                return switch (refused.reason()) {
                    case LOCKED, DISK_FULL, READ_ONLY -> {
                        e.println(se.kvalitetshjulet.app.FailureMessages.explain(ex));
                        yield ExitCodes.FAILURE;
                    }
                    default -> {
                        e.println("Databasen avvisades: " + se.kvalitetshjulet.app.FailureMessages.explain(ex));
                        yield ExitCodes.REJECTED;
                    }
                };
            }
            log.error("Command failed", ex);
            e.println("Fel: " + se.kvalitetshjulet.app.FailureMessages.explain(ex));
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    public static int run(String... args) {
        if (GuiStart.handles(args)) {
            // the desktop start without reading every subcommand (decision 0033)
            return configure(new CommandLine(new GuiStart()),
                    new java.io.OutputStreamWriter(System.out, java.nio.charset.Charset.defaultCharset()),
                    new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset())).execute(args);
        }
        return commandLine().execute(args);
    }
}
