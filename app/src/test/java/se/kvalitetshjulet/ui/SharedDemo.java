package se.kvalitetshjulet.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;

/** One demo database per test JVM for the UI tests (building it takes a few seconds). */
public final class SharedDemo {
    private static AppContext ctx;

    private SharedDemo() {
    }

    public static synchronized AppContext get() {
        if (ctx == null) {
            try {
                Path dir = Files.createTempDirectory("kh-ui-test");
                ctx = TestDb.demo(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ctx;
    }
}
