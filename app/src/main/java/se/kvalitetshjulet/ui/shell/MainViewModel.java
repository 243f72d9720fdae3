package se.kvalitetshjulet.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.ui.common.I18n;

/** The shell: which section is shown, the window title (marks a demo database), projector mode. */
public final class MainViewModel {
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.HOME);
    private final StringProperty title = new SimpleStringProperty();
    private final BooleanProperty demo = new SimpleBooleanProperty();
    private final BooleanProperty projectorMode = new SimpleBooleanProperty();
    private final java.nio.file.Path databaseFile;
    private final boolean encrypted;

    public MainViewModel(AppContext ctx, I18n i18n) {
        demo.set(ctx.settingsService().isDemo());
        databaseFile = ctx.databaseFile();
        encrypted = ctx.databaseEncrypted();
        String file = ctx.databaseFile() != null ? ctx.databaseFile().getFileName().toString()
                : ctx.databaseDescription();
        title.set(demo.get() ? i18n.get("app.title.demo", file) : i18n.get("app.title", file));
    }

    public ObjectProperty<Section> sectionProperty() { return section; }
    public StringProperty titleProperty() { return title; }
    public BooleanProperty demoProperty() { return demo; }
    public BooleanProperty projectorModeProperty() { return projectorMode; }

    /** The open database file and whether it is encrypted ("Om Kvalitetshjulet"). */
    public java.nio.file.Path databaseFile() { return databaseFile; }
    public boolean encrypted() { return encrypted; }

    public void show(Section s) {
        section.set(s);
    }
}
