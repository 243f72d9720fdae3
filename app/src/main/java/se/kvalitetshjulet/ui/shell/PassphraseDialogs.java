package se.kvalitetshjulet.ui.shell;

import java.nio.file.Path;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import se.kvalitetshjulet.domain.Passphrase;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The passphrase dialogs of decision 0013: asking for the passphrase of an encrypted database (again, after a wrong
 * one, with the file untouched), and choosing one for a new database with an honest word about losing it.
 */
final class PassphraseDialogs {
    /** What the user chose for a new database. */
    record NewDatabaseChoice(Passphrase passphrase) {
        boolean encrypted() {
            return passphrase != null;
        }
    }

    private PassphraseDialogs() {
    }

    /** Asks for the passphrase of {@code file}; empty when the user cancels. */
    static Optional<Passphrase> ask(Window owner, I18n i18n, Path file, boolean afterWrongOne) {
        Dialog<Passphrase> d = new Dialog<>();
        se.kvalitetshjulet.ui.common.Mnemonics.onShown(d); // h1: Alt+letter on its buttons
        d.initOwner(owner);
        d.setTitle(i18n.get("h6.pass.title"));
        d.setHeaderText(i18n.get("h6.pass.header", file.getFileName()));
        PasswordField field = new PasswordField();
        field.setId("passphraseField");
        field.setPromptText(i18n.get("h6.pass.prompt"));
        Label wrong = new Label(i18n.get("h6.pass.wrong"));
        wrong.getStyleClass().add("error-label");
        wrong.setWrapText(true);
        wrong.setVisible(afterWrongOne);
        wrong.setManaged(afterWrongOne);
        Label hint = new Label(i18n.get("h6.pass.hint"));
        hint.setWrapText(true);
        d.getDialogPane().setContent(box(wrong, field, hint));
        ButtonType open = new ButtonType(i18n.get("h6.pass.open"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(open, cancel(i18n));
        d.getDialogPane().lookupButton(open).disableProperty().bind(field.textProperty().isEmpty());
        d.getDialogPane().setId("passphraseDialog");
        d.setOnShown(e -> field.requestFocus());
        d.setResultConverter(b -> b == open ? Passphrase.of(field.getText()) : null);
        return d.showAndWait();
    }

    /** For a new database: a passphrase typed twice (encrypted, the default) or deliberately none; empty on cancel. */
    static Optional<NewDatabaseChoice> chooseForNew(Window owner, I18n i18n) {
        Dialog<NewDatabaseChoice> d = new Dialog<>();
        se.kvalitetshjulet.ui.common.Mnemonics.onShown(d); // h1: Alt+letter on its buttons
        d.initOwner(owner);
        d.setTitle(i18n.get("h6.newpass.title"));
        d.setHeaderText(i18n.get("h6.newpass.header"));
        PasswordField first = new PasswordField();
        first.setId("newPassphrase");
        first.setPromptText(i18n.get("h6.newpass.first"));
        PasswordField second = new PasswordField();
        second.setId("newPassphraseAgain");
        second.setPromptText(i18n.get("h6.newpass.again"));
        Label problem = new Label();
        problem.getStyleClass().add("error-label");
        problem.setWrapText(true);
        Label loss = new Label(i18n.get("h6.newpass.loss"));
        loss.setWrapText(true);
        loss.getStyleClass().add("warning-label");
        d.getDialogPane().setContent(box(loss, first, second, problem));
        ButtonType create = new ButtonType(i18n.get("h6.newpass.create"), ButtonBar.ButtonData.OK_DONE);
        ButtonType plain = new ButtonType(i18n.get("h6.newpass.plain"), ButtonBar.ButtonData.OTHER);
        d.getDialogPane().getButtonTypes().addAll(create, plain, cancel(i18n));
        Node createButton = d.getDialogPane().lookupButton(create);
        Runnable check = () -> {
            String a = first.getText();
            String why = a.isEmpty() ? "" : a.codePointCount(0, a.length()) < Passphrase.MIN_LENGTH
                    ? i18n.get("h6.newpass.short", Passphrase.MIN_LENGTH)
                    : !a.equals(second.getText()) ? i18n.get("h6.newpass.mismatch") : "";
            problem.setText(why);
            createButton.setDisable(a.isEmpty() || !why.isEmpty());
        };
        first.textProperty().addListener((o, x, y) -> check.run());
        second.textProperty().addListener((o, x, y) -> check.run());
        check.run();
        d.getDialogPane().setId("newPassphraseDialog");
        d.getDialogPane().setPrefWidth(560);
        d.setOnShown(e -> first.requestFocus());
        d.setResultConverter(b -> b == create ? new NewDatabaseChoice(Passphrase.of(first.getText()))
                : b == plain ? new NewDatabaseChoice(null) : null);
        return d.showAndWait();
    }

    private static ButtonType cancel(I18n i18n) {
        return new ButtonType(i18n.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private static VBox box(Node... nodes) {
        VBox box = new VBox(10, nodes);
        box.setPadding(new Insets(10, 0, 0, 0));
        box.setPrefWidth(520);
        return box;
    }
}
