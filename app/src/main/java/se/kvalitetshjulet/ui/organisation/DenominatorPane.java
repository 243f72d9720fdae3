package se.kvalitetshjulet.ui.organisation;

import java.util.List;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.ui.common.EditorParts;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The "Nämnare" tab of the organisation screen: a year and twelve months of brukare, vårddygn and besök for
 * the selected unit, typed like a spreadsheet (Tab and Enter move on, Ctrl+S saves).
 */
final class DenominatorPane extends VBox {
    DenominatorPane(DenominatorViewModel vm, I18n i18n) {
        super(10);
        setId("denominatorPane");
        setPadding(new Insets(12, 16, 12, 0));
        Label intro = new Label(i18n.get("denominator.intro"));
        intro.setWrapText(true);

        Spinner<Integer> year = new Spinner<>();
        year.setId("denominatorYear");
        year.setEditable(true);
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(2000, 2100,
                vm.yearProperty().get());
        year.setValueFactory(f);
        f.valueProperty().bindBidirectional(vm.yearProperty());
        year.setPrefWidth(110);
        Label yearLabel = new Label(i18n.get("denominator.year"));
        yearLabel.setLabelFor(year);
        yearLabel.setMnemonicParsing(true);
        HBox top = new HBox(10, yearLabel, year);
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setId("denominatorGrid");
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints monthCol = new ColumnConstraints(110);
        ColumnConstraints numberCol = new ColumnConstraints(90, 120, 160);
        grid.getColumnConstraints().setAll(List.of(monthCol, numberCol, numberCol, numberCol));
        String[] heads = {"denominator.month", "denominator.recipients", "denominator.careDays", "denominator.visits"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(i18n.get(heads[c]));
            h.getStyleClass().add("column-head");
            if (c > 0) {
                GridPane.setHalignment(h, HPos.RIGHT);
            }
            grid.add(h, c, 0);
        }
        for (int m = 0; m < 12; m++) {
            DenominatorViewModel.MonthRow row = vm.rows().get(m);
            grid.add(new Label(row.name()), 0, m + 1);
            grid.add(field(row.recipientsProperty(), "denRecipients" + (m + 1)), 1, m + 1);
            grid.add(field(row.careDaysProperty(), "denCareDays" + (m + 1)), 2, m + 1);
            grid.add(field(row.visitsProperty(), "denVisits" + (m + 1)), 3, m + 1);
        }
        grid.disableProperty().bind(vm.unitProperty().isNull());

        Label summary = new Label();
        summary.setId("denominatorSummary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        Label validation = new Label();
        validation.setId("denominatorValidation");
        validation.getStyleClass().add("validation-message");
        validation.setWrapText(true);
        validation.textProperty().bind(vm.validationMessageProperty());
        Label status = new Label();
        status.setId("denominatorStatus");
        status.textProperty().bind(vm.statusProperty());

        Button save = new Button(i18n.get("common.save"));
        save.setId("denominatorSave");
        vm.saveCommand().bind(save);
        Button revert = new Button(i18n.get("denominator.revert"));
        revert.setId("denominatorRevert");
        vm.revertCommand().bind(revert);
        HBox buttons = new HBox(10, save, revert, status);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().setAll(intro, top, grid, summary, validation, buttons);

        EditorParts.saveOnShortcut(this, vm.saveCommand());
    }

    private static TextField field(javafx.beans.property.StringProperty value, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setAlignment(Pos.CENTER_RIGHT);
        t.setPrefColumnCount(7);
        t.textProperty().bindBidirectional(value);
        // Enter moves on like Tab, as in a spreadsheet.
        t.setOnAction(e -> t.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                KeyCode.TAB, false, false, false, false)));
        return t;
    }
}
