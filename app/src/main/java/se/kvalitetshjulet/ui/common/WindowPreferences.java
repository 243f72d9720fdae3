package se.kvalitetshjulet.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.slf4j.LoggerFactory;

/** Remembers window size, position and a few UI choices in a properties file in the data folder. */
public final class WindowPreferences {
    private final Path file;
    private final Properties props = new Properties();

    public WindowPreferences(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LoggerFactory.getLogger(WindowPreferences.class).warn("Ignoring unreadable preferences {}", file, e);
            }
        }
    }

    public String get(String key, String def) {
        return props.getProperty(key, def);
    }

    public void put(String key, String value) {
        props.setProperty(key, value);
    }

    /** Restores the stage's bounds if they still fit on a screen; otherwise a sensible default. */
    public void restore(Stage stage, String name) {
        try {
            double x = Double.parseDouble(props.getProperty(name + ".x"));
            double y = Double.parseDouble(props.getProperty(name + ".y"));
            double w = Double.parseDouble(props.getProperty(name + ".w"));
            double h = Double.parseDouble(props.getProperty(name + ".h"));
            if (!Screen.getScreensForRectangle(new Rectangle2D(x, y, w, h)).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
                stage.setWidth(w);
                stage.setHeight(h);
            }
            stage.setMaximized(Boolean.parseBoolean(props.getProperty(name + ".maximized", "false")));
        } catch (RuntimeException e) {
            Rectangle2D vb = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1280, vb.getWidth()));
            stage.setHeight(Math.min(800, vb.getHeight()));
        }
    }

    public void remember(Stage stage, String name) {
        props.setProperty(name + ".maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            props.setProperty(name + ".x", Double.toString(stage.getX()));
            props.setProperty(name + ".y", Double.toString(stage.getY()));
            props.setProperty(name + ".w", Double.toString(stage.getWidth()));
            props.setProperty(name + ".h", Double.toString(stage.getHeight()));
        }
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(w, "Kvalitetshjulet");
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(WindowPreferences.class).warn("Could not save preferences {}", file, e);
        }
    }
}
