package se.kvalitetshjulet.ui.risk;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

import static se.kvalitetshjulet.ui.risk.RiskFormControls.area;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.button;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.h2;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.column;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.scroll;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.text;

/**
 * Åtgärder och beslut: the measures of the saved analysis with the form of one, then why no measures, improved
 * routines, follow-up date, who decides, and the decision and follow-up buttons.
 */
final class RiskMeasuresTab {
    private final RiskEditorViewModel vm;
    private final I18n i18n;

    private RiskMeasuresTab(RiskEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    /** The tab's content, bound to {@code vm}. */
    static Node build(RiskEditorViewModel vm, I18n i18n) {
        return new RiskMeasuresTab(vm, i18n).measuresTab();
    }

    private Node measuresTab() {
        TableView<Measure> table = new TableView<>(vm.measures());
        table.setId("riskMeasures");
        table.setPrefHeight(180);
        table.setPlaceholder(new Label(i18n.get("risk.measures.empty")));
        table.getColumns().setAll(List.of(
                column(i18n, "risk.measure.what", 360, Measure::what),
                column(i18n, "risk.measure.responsible", 140, Measure::responsible),
                column(i18n, "risk.measure.due", 100, m -> m.dueOn() == null ? "" : Forms.DATE.format(m.dueOn())),
                column(i18n, "risk.measure.state", 130, vm::measureState)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> vm.selectedMeasureProperty().set(m));
        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("risk.measure.what"), area("riskMeasureWhat", vm.measureWhatProperty(), 2));
        Forms.row(g, i18n.get("risk.measure.responsible"), text("riskMeasureResponsible", vm.measureResponsibleProperty()));
        DatePicker due = Forms.datePicker();
        due.setId("riskMeasureDue");
        due.valueProperty().bindBidirectional(vm.measureDueProperty());
        Forms.row(g, i18n.get("risk.measure.due"), due);
        DatePicker done = Forms.datePicker();
        done.setId("riskMeasureDone");
        done.valueProperty().bindBidirectional(vm.measureDoneProperty());
        Forms.row(g, i18n.get("risk.measure.done"), done);
        Forms.row(g, i18n.get("risk.measure.effect"), area("riskMeasureEffect", vm.measureEffectProperty(), 2));
        ComboBox<Boolean> effective = new ComboBox<>();
        effective.setId("riskMeasureEffective");
        effective.getItems().setAll(java.util.Arrays.asList(null, Boolean.TRUE, Boolean.FALSE));
        Forms.display(effective, b -> i18n.get(b ? "risk.measure.yes" : "risk.measure.no"), i18n.get("risk.measure.notEvaluated"));
        effective.valueProperty().bindBidirectional(vm.measureEffectiveProperty());
        Forms.row(g, i18n.get("risk.measure.effective"), effective);
        Button newM = button(i18n.get("risk.measure.new"), "riskMeasureNew");
        vm.newMeasureCommand().bind(newM);
        Button saveM = button(i18n.get("risk.measure.save"), "riskMeasureSave");
        vm.saveMeasureCommand().bind(saveM);
        Button deleteM = button(i18n.get("common.delete"), "riskMeasureDelete");
        vm.deleteMeasureCommand().bind(deleteM);
        Forms.row(g, "", new HBox(8, newM, saveM, deleteM));

        GridPane d = Forms.grid();
        Forms.row(d, i18n.get("risk.field.noMeasuresReason"), area("riskNoMeasures", vm.noMeasuresReasonProperty(), 2));
        Forms.row(d, i18n.get("risk.field.improvedRoutines"), area("riskImprovedRoutines", vm.improvedRoutinesProperty(), 2));
        DatePicker follow = Forms.datePicker();
        follow.setId("riskFollowUp");
        follow.valueProperty().bindBidirectional(vm.followUpOnProperty());
        Forms.row(d, i18n.get("risk.field.followUpOn"), follow);
        Forms.row(d, i18n.get("risk.field.decidedBy"), text("riskDecidedBy", vm.decidedByProperty()));
        Button decide = button(i18n.get("risk.decide"), "riskDecide");
        vm.decideCommand().bind(decide);
        Button followUp = button(i18n.get("risk.followUp"), "riskFollowedUp");
        vm.followUpCommand().bind(followUp);
        Forms.row(d, "", new HBox(8, decide, followUp));
        VBox box = new VBox(10, table, g, h2(i18n, "risk.report.decision"), d);
        box.setPadding(new Insets(12));
        return scroll(box);
    }

}
