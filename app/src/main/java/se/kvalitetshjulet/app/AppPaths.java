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

    /** Private temporary files (half-written exports, POI's scratch files): see {@code data.TempFiles}. */
    public static Path tempDir() {
        return dataDir().resolve("tmp");
    }

    /**
     * Before anything is written: the data, log and temporary folders are made readable by the user only, temporary
     * files left by a process that was killed are removed, and POI writes its scratch files in the private folder
     * (not in the shared system temp folder, where another user's files would make an export fail).
     */
    public static void preparePrivateFolders() {
        try {
            se.kvalitetshjulet.data.FilePermissions.privateDirectory(dataDir());
            se.kvalitetshjulet.data.FilePermissions.privateDirectory(
                    Path.of(System.getProperty("kvalitetshjulet.logdir", logDir().toString())));
            se.kvalitetshjulet.data.TempFiles.useRoot(tempDir());
            se.kvalitetshjulet.data.TempFiles.cleanLeftovers();
            // large database files unchanged since their last clean check and close skip it at open (decision 0042-a)
            se.kvalitetshjulet.data.KnownGoodFiles.useStore(knownGoodFile());
            // POI's own strategy falls back to the shared temp folder when its folder is missing (decision 0046)
            org.apache.poi.util.TempFile.setTempFileCreationStrategy(new PoiScratch());
        } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AppPaths.class).warn("Could not prepare the private folders", e);
        }
    }

    /** The record of database files known good after their last clean check and close (decision 0042-a). */
    public static Path knownGoodFile() {
        return dataDir().resolve("known-good-files.properties");
    }

    public static Path preferencesFile() {
        return dataDir().resolve("preferences.properties");
    }
}
