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

    /**
     * Every answer is named from the bundle, so a Swedish window never says "Yes/No" because the JVM's locale is
     * English (issue 18); in a confirmation "Nej" is the default, Enter does not do what was asked about.
     */
    private Alert alert(Alert.AlertType type, String title, String message) {
        ButtonType yes = new ButtonType(i18n.get("h4.dialog.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(i18n.get("h4.dialog.no"), ButtonBar.ButtonData.NO);
        ButtonType ok = new ButtonType(i18n.get("h4.dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(type, message, type == Alert.AlertType.CONFIRMATION
                ? new ButtonType[] {yes, no} : new ButtonType[] {ok});
        Mnemonics.onShown(a); // h1: Alt+letter on its buttons
        if (type == Alert.AlertType.CONFIRMATION) {
            ((javafx.scene.control.Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
            ((javafx.scene.control.Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
            a.getDialogPane().lookupButton(yes).setId("dialogYes");
            a.getDialogPane().lookupButton(no).setId("dialogNo");
        }
        a.initOwner(owner.get());
        Theme.style(a.getDialogPane()); // h3: the window's theme
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
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.YES).isPresent();
    }

    @Override
    public boolean confirmAs(String title, String message, String confirmLabel, String cancelLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(cancelLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
        a.getButtonTypes().setAll(yes, no);
        javafx.scene.control.Button yesButton = (javafx.scene.control.Button) a.getDialogPane().lookupButton(yes);
        javafx.scene.control.Button noButton = (javafx.scene.control.Button) a.getDialogPane().lookupButton(no);
        yesButton.setId("dialogConfirm");
        yesButton.setDefaultButton(false);
        noButton.setId("dialogCancel");
        noButton.setDefaultButton(true);
        javafx.application.Platform.runLater(noButton::requestFocus);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Unsaved askUnsaved(String title, String message, boolean canSave) {
        return unsavedDialog(title, message, canSave).showAndWait().orElse(Unsaved.CANCEL);
    }

    /** The unsaved-changes question, not yet shown (a test looks at it as the user would). */
    public javafx.scene.control.Dialog<Unsaved> unsavedDialog(String title, String message, boolean canSave) {
        javafx.scene.control.Dialog<Unsaved> d = new javafx.scene.control.Dialog<>();
        Mnemonics.onShown(d); // h1: Alt+letter on its buttons
        d.initOwner(owner.get());
        Theme.style(d.getDialogPane()); // h3: the window's theme
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().setId("unsavedQuestion");
        ButtonType save = new ButtonType(i18n.get("h4.unsaved.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType(i18n.get("h4.unsaved.discard"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(i18n.get("h4.unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        if (canSave) {
            d.getDialogPane().getButtonTypes().setAll(save, discard, cancel);
        } else {
            d.getDialogPane().getButtonTypes().setAll(discard, cancel);
        }
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setWrapText(true);
        text.setPrefWidth(460);
        d.getDialogPane().setContent(text);
        javafx.scene.control.Button discardButton = (javafx.scene.control.Button) d.getDialogPane().lookupButton(discard);
        discardButton.setId("unsavedDiscard");
        discardButton.setDefaultButton(false);
        javafx.scene.control.Button cancelButton = (javafx.scene.control.Button) d.getDialogPane().lookupButton(cancel);
        cancelButton.setId("unsavedCancel");
        cancelButton.setDefaultButton(!canSave);
        if (canSave) {
            javafx.scene.control.Button saveButton = (javafx.scene.control.Button) d.getDialogPane().lookupButton(save);
            saveButton.setId("unsavedSave");
            saveButton.setDefaultButton(true);
        }
        d.setResultConverter(b -> b == save ? Unsaved.SAVE : b == discard ? Unsaved.DISCARD : Unsaved.CANCEL);
        d.setResizable(true);
        return d;
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> options) {
        List<ButtonType> buttons = options.stream()
                .map(o -> new ButtonType(o, ButtonBar.ButtonData.OTHER)).toList();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, buttons.toArray(ButtonType[]::new));
        Mnemonics.onShown(a); // h1: Alt+letter on its buttons
        a.initOwner(owner.get());
        Theme.style(a.getDialogPane()); // h3: the window's theme
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
        Mnemonics.onShown(d); // h1: Alt+letter on its buttons
        d.initOwner(owner.get());
        Theme.style(d.getDialogPane()); // h3: the window's theme
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
        text.setLabelFor(reason); // h3: the question names the field for a screen reader
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
    public boolean askPrivacy(PrivacyQuestion.Asked q) {
        javafx.scene.control.Dialog<ButtonType> d = new javafx.scene.control.Dialog<>();
        Mnemonics.onShown(d); // h1: Alt+letter on its buttons
        d.initOwner(owner.get());
        Theme.style(d.getDialogPane()); // h3: the window's theme
        d.setTitle(q.title());
        d.setHeaderText(q.title());
        d.getDialogPane().setId("privacyQuestion");
        ButtonType edit = new ButtonType(q.editLabel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType save = new ButtonType(q.saveLabel(), ButtonBar.ButtonData.OTHER);
        d.getDialogPane().getButtonTypes().setAll(save, edit);
        javafx.scene.control.Label message = new javafx.scene.control.Label(q.message());
        message.setWrapText(true);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, message);
        // Each field with its findings highlighted in place, then the findings one a line (kind, text, position).
        java.util.LinkedHashMap<String, List<PrivacyQuestion.Hit>> byField = new java.util.LinkedHashMap<>();
        q.hits().forEach(h -> byField.computeIfAbsent(h.field(), k -> new java.util.ArrayList<>()).add(h));
        byField.forEach((field, hits) -> {
            javafx.scene.control.Label name = new javafx.scene.control.Label(field);
            name.setStyle("-fx-font-weight: bold;");
            box.getChildren().addAll(name, PrivacyHighlight.flow(hits.getFirst().fieldText(), hits));
        });
        javafx.scene.control.Label lines = new javafx.scene.control.Label(
                String.join("\n", q.lines().stream().map(l -> "• " + l).toList()));
        lines.setId("privacyFindings");
        lines.setWrapText(true);
        box.getChildren().add(lines);
        box.setPrefWidth(560);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(420, 120 + 60 * byField.size() + 22 * q.lines().size()));
        d.getDialogPane().setContent(scroll);
        javafx.scene.control.Button editButton = (javafx.scene.control.Button) d.getDialogPane().lookupButton(edit);
        editButton.setId("privacyEdit");
        editButton.setDefaultButton(true);
        javafx.scene.control.Button saveButton = (javafx.scene.control.Button) d.getDialogPane().lookupButton(save);
        saveButton.setId("privacySaveAnyway");
        saveButton.setDefaultButton(false);
        d.setResizable(true);
        javafx.application.Platform.runLater(editButton::requestFocus);
        return d.showAndWait().filter(b -> b == save).isPresent();
    }

    @Override
    public Optional<ConflictQuestion.Answer> resolveConflict(ConflictQuestion q) {
        return ConflictDialog.show(owner.get(), q);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner.get());
        Theme.style(d.getDialogPane()); // h3: the window's theme
        d.getDialogPane().getButtonTypes().setAll(new ButtonType(i18n.get("h4.dialog.ok"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(i18n.get("h4.unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.setTitle(title);
        d.setHeaderText(prompt);
        return d.showAndWait();
    }

    /** h5: the server login's password, masked, used for this session only (never stored, never logged). */
    @Override
    public Optional<String> askPassword(String title, String header, String problem) {
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        Mnemonics.onShown(d); // h1: Alt+letter on its buttons
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(header);
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setId("serverPasswordField");
        field.setAccessibleText(header);
        javafx.scene.control.Label wrong = new javafx.scene.control.Label(problem == null ? "" : problem);
        wrong.setId("serverPasswordProblem");
        wrong.getStyleClass().add("error-label");
        wrong.setWrapText(true);
        wrong.setVisible(problem != null);
        wrong.setManaged(problem != null);
        javafx.scene.control.Label hint = new javafx.scene.control.Label(i18n.get("h5.password.hint"));
        hint.setWrapText(true);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, wrong, field, hint);
        box.setPrefWidth(420);
        d.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(i18n.get("h5.password.login"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok,
                new ButtonType(i18n.get("h4.unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(field.textProperty().isEmpty());
        d.getDialogPane().setId("serverPasswordDialog");
        d.setOnShown(e -> field.requestFocus());
        d.setResultConverter(b -> b == ok ? field.getText() : null);
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
                i18n.get("error.unexpected.message", se.kvalitetshjulet.app.FailureMessages.explain(error), AppPaths.logDir()));
        // "copy details" holds no record content: classes and frames only (decision 0013)
        TextArea details = new TextArea(se.kvalitetshjulet.app.log.Redaction.describe(error));
        details.setEditable(false);
        details.setWrapText(true);
        a.getDialogPane().setExpandableContent(details);
        a.showAndWait();
    }
}
