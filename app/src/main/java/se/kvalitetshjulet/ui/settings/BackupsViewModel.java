package se.kvalitetshjulet.ui.settings;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.backup.BackupFile;
import se.kvalitetshjulet.domain.backup.BackupPolicy;
import se.kvalitetshjulet.service.BackupService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Inställningar → Säkerhetskopior (decision 0020): the backups beside the database (date, size, kind), a backup now,
 * a restore (asked first, saying what happens; done by the shell, which closes and reopens the database), the folder,
 * and how many are kept. All file work runs through the {@link TaskRunner}.
 */
public final class BackupsViewModel {
    /** Closes the database, restores the backup and opens the file again: the shell's job (it owns the window). */
    @FunctionalInterface
    public interface Restorer {
        void restore(BackupFile backup);
    }

    /** The operating system's file manager. */
    public interface FolderOpener {
        boolean available();

        void open(Path folder) throws IOException;
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackupService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Restorer restorer;
    private final FolderOpener opener;
    private final SaveFlow saves;

    private final ObservableList<BackupFile> backups = FXCollections.observableArrayList();
    private final ObjectProperty<BackupFile> selected = new SimpleObjectProperty<>();
    private final StringProperty where = new SimpleStringProperty("");
    private final StringProperty daily = new SimpleStringProperty("");
    private final StringProperty weekly = new SimpleStringProperty("");
    private final StringProperty other = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty problems = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final Command create;
    private final Command restore;
    private final Command openFolder;
    private final Command savePolicy;

    public BackupsViewModel(BackupService service, TaskRunner tasks, DialogService dialogs, I18n i18n,
                            Restorer restorer, FolderOpener opener) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.restorer = restorer;
        this.opener = opener;
        this.saves = new SaveFlow(tasks, dialogs, problems, busy, SaveFlow.distinctLines(i18n));
        create = new Command(this::create, loaded.and(busy.not()));
        restore = new Command(this::restore, loaded.and(busy.not()).and(selected.isNotNull())
                .and(new SimpleBooleanProperty(restorer != null)));
        openFolder = new Command(this::openFolder, loaded.and(new SimpleBooleanProperty(opener != null && opener.available())));
        savePolicy = new Command(this::savePolicy, loaded.and(busy.not()));
    }

    /** Reads the list and the policy (off the FX thread). */
    public void load() {
        busy.set(true);
        tasks.run(i18n.get("h5.backup.loading"), p -> new Loaded(service.list(), service.policy(), service.folder(),
                service.encrypted()), this::apply, this::failed);
    }

    private record Loaded(List<BackupFile> backups, BackupPolicy policy, Path folder, boolean encrypted) {
    }

    private void apply(Loaded l) {
        backups.setAll(l.backups());
        daily.set(Integer.toString(l.policy().daily()));
        weekly.set(Integer.toString(l.policy().weekly()));
        other.set(Integer.toString(l.policy().other()));
        where.set(i18n.get(l.encrypted() ? "h5.backup.where.encrypted" : "h5.backup.where.plain", l.folder().toString()));
        loaded.set(true);
        busy.set(false);
    }

    private void create() {
        busy.set(true);
        notice.set("");
        tasks.run(i18n.get("h5.backup.creating"), p -> {
            BackupFile made = service.createNow();
            return new Made(made, service.list());
        }, (Made m) -> {
            backups.setAll(m.all());
            busy.set(false);
            notice.set(i18n.get("h5.backup.created", m.made().name()));
        }, this::failed);
    }

    private record Made(BackupFile made, List<BackupFile> all) {
    }

    private void restore() {
        BackupFile b = selected.get();
        if (b == null || restorer == null) {
            return;
        }
        String message = i18n.get("h5.backup.restore.confirm", taken(b), kind(b).toLowerCase(i18n.locale()),
                b.name());
        if (dialogs.confirm(i18n.get("h5.backup.restore.title"), message)) {
            restorer.restore(b);
        }
    }

    private void openFolder() {
        Path folder = service.folder();
        tasks.run(i18n.get("h5.backup.openingFolder"), p -> {
            opener.open(folder);
            return folder;
        }, f -> { }, e -> dialogs.showError(i18n.get("h5.backup.title"), i18n.get("h5.backup.openFolderFailed",
                folder.toString())));
    }

    private void savePolicy() {
        BackupPolicy policy;
        try {
            policy = new BackupPolicy(Integer.parseInt(daily.get().strip()), Integer.parseInt(weekly.get().strip()),
                    Integer.parseInt(other.get().strip()));
        } catch (NumberFormatException | NullPointerException e) {
            problems.set(i18n.get("h5.backup.validation.notNumber"));
            return;
        }
        saves.save(i18n.get("h5.backup.savingPolicy"), p -> service.savePolicy(policy), saved -> {
            daily.set(Integer.toString(saved.daily()));
            weekly.set(Integer.toString(saved.weekly()));
            other.set(Integer.toString(saved.other()));
            notice.set(i18n.get("h5.backup.policySaved"));
        });
    }

    private void failed(Throwable e) {
        busy.set(false);
        saves.failed(e);
    }

    /** The date and time a backup was taken, as the list shows it. */
    public String taken(BackupFile b) {
        return b.taken().format(SHOWN);
    }

    /** The kind of a backup in words ("Daglig", "Manuell" …). */
    public String kind(BackupFile b) {
        return i18n.get("h5.backup.kind." + b.kind().name());
    }

    /** The size in kB or MB. */
    public String size(BackupFile b) {
        long bytes = b.size();
        if (bytes < 1024 * 1024) {
            return i18n.numbers().integer(Math.max(1, bytes / 1024)) + " kB";
        }
        return i18n.numbers().fixed(bytes / (1024.0 * 1024), 1) + " MB";
    }

    /** The desktop's file manager; never on a headless machine. */
    public static FolderOpener desktopOpener() {
        return new FolderOpener() {
            @Override
            public boolean available() {
                return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
            }

            @Override
            public void open(Path folder) throws IOException {
                Desktop.getDesktop().open(folder.toFile());
            }
        };
    }

    public ObservableList<BackupFile> backups() { return backups; }
    public ObjectProperty<BackupFile> selectedProperty() { return selected; }
    public StringProperty whereProperty() { return where; }
    public StringProperty dailyProperty() { return daily; }
    public StringProperty weeklyProperty() { return weekly; }
    public StringProperty otherProperty() { return other; }
    public StringProperty noticeProperty() { return notice; }
    public StringProperty problemsProperty() { return problems; }
    public BooleanProperty busyProperty() { return busy; }
    public Command createCommand() { return create; }
    public Command restoreCommand() { return restore; }
    public Command openFolderCommand() { return openFolder; }
    public Command savePolicyCommand() { return savePolicy; }
}
