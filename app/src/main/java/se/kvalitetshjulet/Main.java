package se.kvalitetshjulet;

import se.kvalitetshjulet.cli.RootCommand;

/**
 * Entry point for both the desktop application and the command line. Kept free of JavaFX
 * types so that commands run without starting the toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        se.kvalitetshjulet.app.StartupPhases.mark(se.kvalitetshjulet.app.StartupPhases.MAIN);
        if (System.getProperty("kvalitetshjulet.logdir") == null) {
            System.setProperty("kvalitetshjulet.logdir", se.kvalitetshjulet.app.AppPaths.logDir().toString());
        }
        se.kvalitetshjulet.app.log.LogConfiguration.useForThisProgram(); // the log set up in code (decision 0039)
        // Logback reads its configuration while this thread goes on (decision 0033); SLF4J hands out stand-in loggers
        // meanwhile and passes on what they were given once it is ready.
        Thread.ofPlatform().daemon().name("kvalitetshjulet-logging").start(org.slf4j.LoggerFactory::getILoggerFactory);
        se.kvalitetshjulet.app.AppPaths.preparePrivateFolders();
        // the desktop start reads its options without picocli (decision 0039); anything else takes the command line
        int code = se.kvalitetshjulet.cli.DesktopStart.launched(args) ? RootCommand.GUI_STARTED : RootCommand.run(args);
        if (code != RootCommand.GUI_STARTED) {
            System.exit(code);
        }
    }
}
