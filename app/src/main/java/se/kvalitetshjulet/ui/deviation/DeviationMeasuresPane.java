package se.kvalitetshjulet.ui.deviation;

import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The Åtgärder tab of the deviation editor: the measures of the record and the form of the chosen (or a new) one.
 * Measures can be added once the deviation is saved.
 */
final class DeviationMeasuresPane extends VBox {

    DeviationMeasuresPane(DeviationEditorViewModel vm, I18n i18n) {
        super(10);
        DeviationMeasureForm form = vm.measureForm();
        TableView<Measure> table = new TableView<>(form.measures());
        table.setId("measureTable");
        table.setPlaceholder(new Label(i18n.get("measure.empty")));
        TableColumn<Measure, String> what = new TableColumn<>(i18n.get("measure.col.what"));
        what.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().what()));
        TableColumn<Measure, String> resp = new TableColumn<>(i18n.get("measure.col.responsible"));
        resp.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().responsible()));
        TableColumn<Measure, String> due = new TableColumn<>(i18n.get("measure.col.due"));
        due.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().dueOn() == null ? "" : Forms.DATE.format(c.getValue().dueOn())));
        TableColumn<Measure, String> state = new TableColumn<>(i18n.get("measure.col.state"));
        state.setCellValueFactory(c -> new SimpleStringProperty(i18n.get(c.getValue().effectChecked() ? "measure.state.checked"
                : c.getValue().done() ? "measure.state.done" : "measure.state.open")));
        table.getColumns().setAll(List.of(what, resp, due, state));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(180);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> form.selectedProperty().set(m));
        form.selectedProperty().addListener((o, a, m) -> {
            if (m == null) {
                table.getSelectionModel().clearSelection();
            }
        });

        TextField mWhat = new TextField();
        mWhat.setId("measureWhat");
        mWhat.textProperty().bindBidirectional(form.whatProperty());
        ComboBox<Taxonomy> mType = new ComboBox<>(form.types());
        mType.setId("measureType");
        Forms.display(mType, Taxonomy::name);
        mType.valueProperty().bindBidirectional(form.typeProperty());
        TextField mResp = new TextField();
        mResp.setId("measureResponsible");
        mResp.setPromptText(i18n.get("measure.responsible.prompt"));
        mResp.textProperty().bindBidirectional(form.responsibleProperty());
        DatePicker mDue = Forms.datePicker();
        mDue.setId("measureDue");
        mDue.valueProperty().bindBidirectional(form.dueProperty());
        DatePicker mDone = Forms.datePicker();
        mDone.setId("measureDone");
        mDone.valueProperty().bindBidirectional(form.doneProperty());
        TextArea mEffect = DeviationEditorView.area("measureEffect", form.effectProperty(), 2);
        ComboBox<Boolean> mEffective = new ComboBox<>();
        mEffective.setId("measureEffective");
        mEffective.getItems().setAll(java.util.Arrays.asList(null, Boolean.TRUE, Boolean.FALSE));
        Forms.display(mEffective, b -> i18n.get(b ? "measure.effective.yes" : "measure.effective.no"),
                i18n.get("measure.effective.unknown"));
        mEffective.valueProperty().bindBidirectional(form.effectiveProperty());

        var grid = Forms.grid();
        Forms.row(grid, i18n.get("measure.field.what"), mWhat);
        Forms.row(grid, i18n.get("measure.field.type"), mType);
        Forms.row(grid, i18n.get("measure.field.responsible"), mResp);
        Forms.row(grid, i18n.get("measure.field.due"), mDue);
        Forms.row(grid, i18n.get("measure.field.done"), mDone);
        Forms.row(grid, i18n.get("measure.field.effect"), mEffect);
        Forms.row(grid, i18n.get("measure.field.effective"), mEffective);
        Label problems = new Label();
        problems.getStyleClass().add("validation-message");
        problems.textProperty().bind(form.problemsProperty());
        Button save = new Button(i18n.get("measure.save"));
        save.setId("measureSave");
        form.save.bind(save);
        Button add = new Button(i18n.get("measure.new"));
        form.newMeasure.bind(add);
        Button delete = new Button(i18n.get("common.delete"));
        form.delete.bind(delete);
        Label hint = new Label(i18n.get("measure.saveFirst"));
        hint.getStyleClass().add("hint");
        hint.visibleProperty().bind(vm.idProperty().isNull());
        getChildren().addAll(hint, table, grid, problems, new HBox(8, save, add, delete));
    }
}
