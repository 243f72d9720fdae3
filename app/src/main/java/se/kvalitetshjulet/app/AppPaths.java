package se.kvalitetshjulet.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the application keeps its files: the platform's user-data folder (XDG on Linux,
 * %APPDATA% on Windows, Application Support on macOS), or {@code -Dkvalitetshjulet.home}.
 */
public final class AppPaths {
    private AppPaths() {
    }

    public static Path dataDir() {
        String override = System.getProperty("kvalitetshjulet.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Kvalitetshjulet");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Kvalitetshjulet");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".local", "share").toString(), "kvalitetshjulet");
    }

    public static Path defaultDatabase() {
        return dataDir().resolve("kvalitetshjulet.db");
    }

    public static Path demoDatabase() {
        return dataDir().resolve("demo.db");
    }

    public static Path logDir() {
        return dataDir().resolve("logs");
    }

    public static Path preferencesFile() {
        return dataDir().resolve("preferences.properties");
    }
}
