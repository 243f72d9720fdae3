package se.kvalitetshjulet.ui.selfcheck;

import javafx.beans.value.ObservableValue;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.ResultLevel;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The Bilaga 2 tab of Sammanställning: one row per unit (check, unit, result, actions, routines) and below it the
 * coordinator's edits of the chosen unit's result and routines, each with the derived text to go back to.
 */
final class CompilationBilagaPane extends SplitPane {

    CompilationBilagaPane(ObservableValue<Compilation> compilation, CompilationViewModel vm, CompilationColumns cols,
                          I18n i18n) {
        TableView<Compilation.UnitResult> table = new TableView<>(vm.bilagaUnits());
        table.setId("compileBilaga");
        table.getColumns().add(cols.col("selfcheck.compile.col.check", u -> compilation.getValue() == null ? ""
                : compilation.getValue().template().name(), 200));
        table.getColumns().add(cols.col("selfcheck.compile.col.unit", vm::boardUnit, 170));
        table.getColumns().add(cols.col("selfcheck.compile.col.result", u -> vm.boardResult(u)
                + (u.resultEdited() ? " " + i18n.get("selfcheck.compile.bilaga.edited") : ""), 230));
        table.getColumns().add(cols.col("selfcheck.compile.col.actions", vm::boardActions, 300));
        vm.boardTexts().addListener((javafx.beans.InvalidationListener) ch -> table.refresh());
        table.getColumns().add(cols.col("selfcheck.compile.col.routines", u -> u.routines()
                + (u.routinesEdited() ? " " + i18n.get("selfcheck.compile.bilaga.edited") : ""), 230));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> vm.bilagaUnitProperty().set(u));
        vm.bilagaUnitProperty().addListener((o, a, u) -> {
            if (u != table.getSelectionModel().getSelectedItem()) {
                if (u == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(u);
                }
            }
        });

        ComboBox<ResultLevel> result = new ComboBox<>();
        result.setId("compileBilagaResult");
        result.setAccessibleText(i18n.get("h3.name.compileBilagaResult"));
        result.getItems().setAll(ResultLevel.values());
        Forms.display(result, ResultLevel::phrase);
        result.valueProperty().bindBidirectional(vm.bilagaResultProperty());
        Label derived = new Label();
        derived.setId("compileBilagaDerived");
        derived.textProperty().bind(vm.bilagaDerivedResultProperty());
        Button useDerived = new Button(i18n.get("selfcheck.compile.bilaga.useDerived"));
        useDerived.setId("compileBilagaUseDerived");
        vm.useDerivedResultCommand().bind(useDerived);
        HBox resultRow = new HBox(10, result, derived, useDerived);
        resultRow.setAlignment(Pos.CENTER_LEFT);

        TextArea routines = new TextArea();
        routines.setId("compileBilagaRoutines");
        routines.setPrefRowCount(2);
        routines.setWrapText(true);
        routines.textProperty().bindBidirectional(vm.bilagaRoutinesProperty());
        Label derivedRoutines = new Label();
        derivedRoutines.setId("compileBilagaDerivedRoutines");
        derivedRoutines.setWrapText(true);
        derivedRoutines.textProperty().bind(vm.bilagaDerivedRoutinesProperty());
        Button useDerivedRoutines = new Button(i18n.get("selfcheck.compile.bilaga.useDerived"));
        useDerivedRoutines.setId("compileBilagaUseDerivedRoutines");
        vm.useDerivedRoutinesCommand().bind(useDerivedRoutines);
        HBox routinesHint = new HBox(10, derivedRoutines, useDerivedRoutines);
        routinesHint.setAlignment(Pos.CENTER_LEFT);

        Button save = new Button(i18n.get("selfcheck.compile.bilaga.save"));
        save.setId("compileBilagaSave");
        save.setDefaultButton(false);
        vm.saveBilagaCommand().bind(save);
        Label problems = new Label();
        problems.setId("compileBilagaProblems");
        problems.getStyleClass().add("error");
        problems.textProperty().bind(vm.bilagaProblemsProperty());
        HBox actions = new HBox(10, save, problems);
        actions.setAlignment(Pos.CENTER_LEFT);

        TextField displayName = new TextField();
        displayName.setId("compileBilagaDisplayName");
        displayName.textProperty().bindBidirectional(vm.bilagaDisplayNameProperty());
        displayName.promptTextProperty().bind(Bindings.createStringBinding(() -> vm.bilagaUnitProperty().get() == null
                ? "" : vm.bilagaUnitProperty().get().unitName(), vm.bilagaUnitProperty()));
        TextArea resultText = new TextArea();
        resultText.setId("compileBilagaResultText");
        resultText.setPrefRowCount(2);
        resultText.setWrapText(true);
        resultText.textProperty().bindBidirectional(vm.bilagaResultTextProperty());
        resultText.promptTextProperty().bind(vm.bilagaResultDraftProperty());
        TextArea actionsText = new TextArea();
        actionsText.setId("compileBilagaActions");
        actionsText.setPrefRowCount(2);
        actionsText.setWrapText(true);
        actionsText.textProperty().bindBidirectional(vm.bilagaActionsProperty());
        actionsText.promptTextProperty().bind(vm.bilagaActionsDefaultProperty());

        GridPane form = Forms.grid();
        Forms.row(form, i18n.get("selfcheck.compile.bilaga.displayName"), displayName);
        Forms.row(form, i18n.get("selfcheck.compile.col.result"), resultRow);
        Forms.row(form, i18n.get("selfcheck.compile.bilaga.resultText"), resultText);
        Forms.row(form, i18n.get("selfcheck.compile.col.actions"), actionsText);
        Forms.row(form, i18n.get("selfcheck.compile.col.routines"), routines);
        form.add(routinesHint, 1, form.getRowCount());
        form.add(actions, 1, form.getRowCount());
        Label hint = new Label(i18n.get("selfcheck.compile.bilaga.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the form gives way, the hint keeps its lines (125 %, decision 0028)
        VBox editor = new VBox(6, hint, form);
        editor.setPadding(new Insets(8, 0, 0, 0));
        editor.disableProperty().bind(vm.bilagaUnitProperty().isNull());

        getItems().addAll(table, editor);
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(0.58);
    }
}
