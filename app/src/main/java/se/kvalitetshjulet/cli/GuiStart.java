package se.kvalitetshjulet.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The start of the desktop application without the command tree (decision 0033): picocli reading the eighteen
 * subcommands with their options took about a second of a cold start. Only a command line made of nothing but the
 * desktop options, each at most once and each value present, takes this path; anything else (a subcommand,
 * {@code --help}, a mistake) goes to {@link RootCommand}, which answers as before.
 */
@Command(name = "kvalitetshjulet")
final class GuiStart implements Callable<Integer> {
    @Mixin
    GuiOptions options;

    @Override
    public Integer call() {
        return options.launch();
    }

    /** Whether {@code args} only starts the desktop application (then this class parses them the same way). */
    static boolean handles(String... args) {
        return DesktopStart.parse(args) != null;
    }
}
