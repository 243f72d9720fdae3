package se.kvalitetshjulet.cli;

import java.util.HashSet;
import java.util.Set;

/**
 * The desktop start without picocli (decision 0039). picocli 4 is compiled for Java 5, so the JDK's ahead-of-time
 * cache cannot hold its classes: every start loaded and verified some 170 of them from the jar only to read
 * {@code --db}. A command line of nothing but the desktop options ({@code --db PATH|URL}, {@code --demo}, each at most
 * once, each value present) is read here and the window started; anything else — a subcommand, {@code --help},
 * {@code --version}, a mistake, and {@code --passphrase-file} (whose unreadable file picocli's handler answers with
 * exit code 3) — goes to {@link RootCommand}, which answers exactly as before. JDK only apart from the launcher.
 */
public final class DesktopStart {
    /** The desktop options of a command line that only starts the window (null where not given). */
    record Parsed(String db, boolean demo, String passphraseFile) {
    }

    private DesktopStart() {
    }

    /**
     * Starts the window when {@code args} only asks for that and needs no picocli; {@code false}: nothing was done,
     * give the command line to {@link RootCommand#run}.
     */
    public static boolean launched(String... args) {
        Parsed p = parse(args);
        if (p == null || p.passphraseFile() != null) {
            return false;
        }
        // as DbOption.read without a file (that class is picocli's mixin): the environment's passphrase, if any
        String env = System.getenv(DbOption.PASSPHRASE_ENV);
        se.kvalitetshjulet.ui.shell.DesktopLauncher.launch(p.db(), p.demo(),
                env == null || env.isEmpty() ? null : se.kvalitetshjulet.domain.Passphrase.of(env));
        return true;
    }

    /** The desktop options in {@code args}, or null when {@code args} is anything but them (each once, values present). */
    static Parsed parse(String... args) {
        Set<String> seen = new HashSet<>();
        String db = null;
        boolean demo = false;
        String passphraseFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean inline = a.contains("=");
            String name = inline ? a.substring(0, a.indexOf('=')) : a;
            if (!seen.add(name)) {
                return null;
            }
            switch (name) {
                case GuiOptions.DEMO -> {
                    if (inline) {
                        return null;
                    }
                    demo = true;
                }
                case GuiOptions.DB, GuiOptions.PASSPHRASE_FILE -> {
                    String value;
                    if (inline) {
                        if (a.length() == name.length() + 1) {
                            return null;
                        }
                        value = a.substring(name.length() + 1);
                    } else if (i + 1 >= args.length || args[i + 1].startsWith("-") || args[i + 1].isEmpty()) {
                        return null;
                    } else {
                        value = args[++i];
                    }
                    if (name.equals(GuiOptions.DB)) {
                        db = value;
                    } else {
                        passphraseFile = value;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return new Parsed(db, demo, passphraseFile);
    }
}
