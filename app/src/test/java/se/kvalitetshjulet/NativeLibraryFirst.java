package se.kvalitetshjulet;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import se.kvalitetshjulet.data.Database;

/**
 * sqlite-jdbc loads its native library once per JVM, on its first connection. The program points it at the
 * encryption-capable library from {@link Database}'s static initialiser (decision 0013); a test that opens a raw
 * {@code jdbc:sqlite:} connection (Flyway on an old schema, a hand-made file) before any test touched
 * {@code Database} would load the stock library instead, and every encryption test after it in the same JVM would
 * find encryption unavailable — depending on the order the classes happen to run in. So the test run settles it first.
 */
public final class NativeLibraryFirst implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Database.encryptionAvailable();
    }
}
