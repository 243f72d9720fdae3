package se.kvalitetshjulet.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and build of this program, as the Maven build wrote them into {@code version.properties}
 * (shown by {@code --version} and the "Om Kvalitetshjulet" dialog).
 */
public record AppVersion(String version, String commit, String buildTime) {
    private static final AppVersion CURRENT = load();

    public static AppVersion current() {
        return CURRENT;
    }

    /** "0.1.0 (bygge 2a3b4c5d6e, 2026-12-02 00:40)". */
    public String display() {
        return version + " (bygge " + commit + ", " + buildTime + ")";
    }

    private static AppVersion load() {
        Properties p = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream("/se/kvalitetshjulet/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves the placeholders below
        }
        return new AppVersion(clean(p.getProperty("version")), clean(p.getProperty("build.commit")),
                clean(p.getProperty("build.time")));
    }

    /** A value the build did not fill in (a run from an IDE without Maven) reads "okänd". */
    private static String clean(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? "okänd" : v.trim();
    }
}
