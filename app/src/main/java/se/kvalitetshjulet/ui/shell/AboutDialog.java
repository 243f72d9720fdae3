package se.kvalitetshjulet.ui.shell;

import java.nio.file.Path;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import se.kvalitetshjulet.app.AppPaths;
import se.kvalitetshjulet.app.AppVersion;
import se.kvalitetshjulet.ui.common.I18n;

/** "Om Kvalitetshjulet": version and build (from the Maven build), the Java runtime and where the files are. */
final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Window owner, I18n i18n, Path database, boolean encrypted) {
        AppVersion v = AppVersion.current();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setPadding(new Insets(8, 0, 0, 0));
        String[][] rows = {
                {i18n.get("h6.about.version"), v.version()},
                {i18n.get("h6.about.build"), v.commit() + ", " + v.buildTime()},
                {i18n.get("h6.about.java"), System.getProperty("java.runtime.version")},
                {i18n.get("h6.about.database"), String.valueOf(database)},
                {i18n.get("h6.about.encryption"), i18n.get(encrypted ? "h6.about.encrypted" : "h6.about.plain")},
                {i18n.get("h6.about.dataDir"), AppPaths.dataDir().toString()},
                {i18n.get("h6.about.logDir"), AppPaths.logDir().toString()},
        };
        for (int r = 0; r < rows.length; r++) {
            Label key = new Label(rows[r][0]);
            key.getStyleClass().add("form-label");
            Label value = new Label(rows[r][1]);
            value.setWrapText(true);
            value.setId("about-" + r);
            grid.addRow(r, key, value);
        }
        // The answer in the UI language: ButtonType.CLOSE would follow the computer's language (decision 0022)
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "",
                new ButtonType(i18n.get("common.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        se.kvalitetshjulet.ui.common.Mnemonics.onShown(alert); // h1: Alt+letter on its buttons
        alert.initOwner(owner);
        alert.setTitle(i18n.get("h6.about.title"));
        alert.setHeaderText(i18n.get("app.name") + " " + v.version());
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setId("aboutDialog");
        alert.getDialogPane().setPrefWidth(620);
        alert.showAndWait();
    }
}
