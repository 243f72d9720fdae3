package se.kvalitetshjulet.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import se.kvalitetshjulet.app.AppPaths;

/** {@link DialogService} with JavaFX alerts and file choosers, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final I18n i18n;
    private final Supplier<Window> owner;

    private volatile boolean databaseEncrypted;

    /** With an encrypted database, saving a file asks first: what is written there is not encrypted (decision 0013). */
    public void setDatabaseEncrypted(boolean encrypted) {
        this.databaseEncrypted = encrypted;
    }

    public FxDialogService(I18n i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message, type == Alert.AlertType.CONFIRMATION
                ? new ButtonType[] {ButtonType.YES, ButtonType.NO} : new ButtonType[] {ButtonType.OK});
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(480);
        a.setResizable(true);
        return a;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> options) {
        List<ButtonType> buttons = options.stream()
                .map(o -> new ButtonType(o, ButtonBar.ButtonData.OTHER)).toList();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, buttons.toArray(ButtonType[]::new));
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(520);
        a.setResizable(true);
        return a.showAndWait().map(buttons::indexOf).filter(i -> i >= 0);
    }

    @Override
    public Optional<String> askReason(String title, String message, String confirmLabel, String cancelLabel,
                                      int minLength) {
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(title);
        ButtonType confirmType = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(cancelLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(confirmType, cancelType);
        javafx.scene.control.TextArea reason = new javafx.scene.control.TextArea();
        reason.setId("reasonText");
        reason.setWrapText(true);
        reason.setPrefRowCount(4);
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setWrapText(true);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, text, reason);
        box.setPrefWidth(520);
        d.getDialogPane().setContent(box);
        javafx.scene.control.Button confirmButton = (javafx.scene.control.Button) d.getDialogPane().lookupButton(confirmType);
        confirmButton.setId("reasonConfirm");
        confirmButton.setDefaultButton(false);
        confirmButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> reason.getText() == null || reason.getText().strip().length() < minLength, reason.textProperty()));
        javafx.scene.control.Button cancelButton = (javafx.scene.control.Button) d.getDialogPane().lookupButton(cancelType);
        cancelButton.setId("reasonCancel");
        cancelButton.setDefaultButton(true);
        d.setResultConverter(b -> b == confirmType ? reason.getText().strip() : null);
        d.setResizable(true);
        javafx.application.Platform.runLater(reason::requestFocus);
        return d.showAndWait().filter(r -> r != null && r.length() >= minLength);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(prompt);
        return d.showAndWait();
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, List<String> extensions) {
        FileChooser fc = chooser(title, extensions);
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, List<String> extensions) {
        FileChooser fc = chooser(title, extensions);
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner.get());
        if (f != null && databaseEncrypted
                && !confirm(i18n.get("h6.export.plainTitle"), i18n.get("h6.export.plain", f.toPath().toAbsolutePath()))) {
            return Optional.empty();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    private FileChooser chooser(String title, List<String> extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (!extensions.isEmpty()) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", extensions), extensions));
        }
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            fc.setInitialDirectory(home);
        }
        return fc;
    }

    @Override
    public void showUnexpected(Throwable error) {
        if (error instanceof CancellationException) {
            return;
        }
        Alert a = alert(Alert.AlertType.ERROR, i18n.get("error.unexpected.title"),
                i18n.get("error.unexpected.message", String.valueOf(error.getMessage()), AppPaths.logDir()));
        // "copy details" holds no record content: classes and frames only (decision 0013)
        TextArea details = new TextArea(se.kvalitetshjulet.app.log.Redaction.describe(error));
        details.setEditable(false);
        details.setWrapText(true);
        a.getDialogPane().setExpandableContent(details);
        a.showAndWait();
    }
}
