package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.SelfCheckHandoverJson;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/** Omgångar: the coordinator's rounds, who has answered, and the hand-over of forms and answers by file. */
final class RoundsTab {
    private final RoundsViewModel vm;
    private final HandoverViewModel handover;
    private final SelfCheckViewModel owner;
    private final I18n i18n;
    private final java.util.function.Supplier<SelfCheckView.FileChoosers> files;

    RoundsTab(SelfCheckViewModel vm, I18n i18n, java.util.function.Supplier<SelfCheckView.FileChoosers> files) {
        this.owner = vm;
        this.vm = vm.roundsTab();
        this.handover = vm.handover();
        this.i18n = i18n;
        this.files = files;
    }

    Node build() {
        TableView<RoundRow> table = new TableView<>(vm.rounds());
        table.setId("selfCheckRoundTable");
        table.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.name", r -> r.round().name(), 230));
        table.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.template", RoundRow::templateLabel, 150));
        table.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.due", r -> String.valueOf(r.round().dueOn()), 100));
        table.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.units", r -> Long.toString(r.units()), 70));
        table.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.submitted", r -> Long.toString(r.submitted()), 90));
        table.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.notAnswered", r -> Long.toString(r.notAnswered()), 110));
        table.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.overdue", r -> Long.toString(r.overdue()), 90));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedRoundProperty().set(r));

        TableView<ResponseRow> units = new TableView<>(vm.roundResponses());
        units.setId("selfCheckRoundUnits");
        units.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.unit", ResponseRow::unitName, 240));
        units.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.status", r -> i18n.of(r.status()), 120));
        units.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.updated", r -> r.updatedAt() == null ? ""
                : r.updatedAt().toLocalDate().toString(), 110));
        units.getColumns().add(SelfCheckParts.col(i18n, "selfcheck.round.col.isOverdue", r -> r.overdue() ? i18n.get("selfcheck.overdue") : "", 110));
        units.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        units.setPlaceholder(new Label(i18n.get("selfcheck.round.chooseRound")));
        CheckBox only = new CheckBox(i18n.get("selfcheck.round.onlyUnanswered"));
        only.setId("selfCheckOnlyUnanswered");
        only.selectedProperty().bindBidirectional(vm.onlyUnansweredProperty());
        units.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedRoundResponseProperty().set(r));
        vm.selectedRoundResponseProperty().addListener((o, a, r) -> {
            if (r == null) {
                units.getSelectionModel().clearSelection();
            }
        });
        Button exportForm = SelfCheckParts.handoverButton("selfCheckExportUnitForm", i18n.get("selfcheck.handover.exportForm"),
                handover.canExportUnitFormProperty(), () -> files.get().saveFile(i18n.get("selfcheck.handover.exportForm"),
                        handover.suggestedFormFileName(), SelfCheckHandoverJson.FORM_EXTENSION).ifPresent(handover::exportFormForUnit));
        Button exportAll = SelfCheckParts.handoverButton("selfCheckExportAllForms", i18n.get("selfcheck.handover.exportAllForms"),
                handover.canExportAllFormsProperty(), () -> files.get().folder(i18n.get("selfcheck.handover.exportAllForms"))
                        .ifPresent(handover::exportAllForms));
        Button importAnswers = SelfCheckParts.handoverButton("selfCheckImportAnswers", i18n.get("selfcheck.handover.importAnswers"),
                handover.canImportAnswersProperty(), () -> handover.importAnswerFiles(files.get().openFiles(
                        i18n.get("selfcheck.handover.importAnswers"), SelfCheckHandoverJson.ANSWERS_EXTENSION)));
        FlowPane handoverButtons = new FlowPane(8, 8, exportForm, exportAll, importAnswers);
        Label summary = new Label();
        summary.setId("selfCheckHandoverSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(handover.handoverSummaryProperty());
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        VBox unitsBox = new VBox(6, only, units, handoverButtons, summary);
        VBox.setVgrow(units, Priority.ALWAYS);

        // new round
        GridPane g = Forms.grid();
        ComboBox<Template> template = new ComboBox<>(owner.templates());
        template.setId("roundTemplate");
        Forms.display(template, Template::label);
        template.valueProperty().bindBidirectional(vm.roundTemplateProperty());
        TextField name = new TextField();
        name.setId("roundName");
        name.textProperty().bindBidirectional(vm.roundNameProperty());
        DatePicker start = Forms.datePicker();
        start.valueProperty().bindBidirectional(vm.roundStartProperty());
        DatePicker end = Forms.datePicker();
        end.valueProperty().bindBidirectional(vm.roundEndProperty());
        DatePicker due = Forms.datePicker();
        due.valueProperty().bindBidirectional(vm.roundDueProperty());
        ComboBox<Unit> scope = new ComboBox<>();
        Forms.display(scope, u -> "  ".repeat(u.level().ordinal()) + u.name(), i18n.get("selfcheck.round.allUnits"));
        vm.allUnits().addListener((ListChangeListener<Unit>) c -> {
            List<Unit> list = new ArrayList<>();
            list.add(null);
            list.addAll(vm.allUnits());
            scope.getItems().setAll(list);
        });
        scope.valueProperty().bindBidirectional(vm.roundScopeUnitProperty());
        ComboBox<BusinessArea> area = new ComboBox<>();
        Forms.display(area, BusinessArea::name, i18n.get("selfcheck.round.allAreas"));
        vm.areas().addListener((ListChangeListener<BusinessArea>) c -> {
            List<BusinessArea> list = new ArrayList<>();
            list.add(null);
            list.addAll(vm.areas());
            area.getItems().setAll(list);
        });
        area.valueProperty().bindBidirectional(vm.roundScopeAreaProperty());
        Forms.row(g, i18n.get("selfcheck.round.template"), template);
        Forms.row(g, i18n.get("selfcheck.round.name"), name);
        Forms.row(g, i18n.get("selfcheck.round.start"), start);
        Forms.row(g, i18n.get("selfcheck.round.end"), end);
        Forms.row(g, i18n.get("selfcheck.round.due"), due);
        scope.setId("roundScopeUnit");
        area.setId("roundScopeArea");
        scope.disableProperty().bind(vm.chooseUnitsProperty());
        area.disableProperty().bind(vm.chooseUnitsProperty());
        Forms.row(g, i18n.get("selfcheck.round.scopeUnit"), scope);
        Forms.row(g, i18n.get("selfcheck.round.scopeArea"), area);
        CheckBox chooseUnits = new CheckBox(i18n.get("selfcheck.round.chooseUnits"));
        chooseUnits.setId("roundChooseUnits");
        chooseUnits.setWrapText(true);
        chooseUnits.setTooltip(new javafx.scene.control.Tooltip(i18n.get("selfcheck.round.chooseUnits.tooltip")));
        chooseUnits.selectedProperty().bindBidirectional(vm.chooseUnitsProperty());
        javafx.scene.control.ListView<Unit> unitChecks = new javafx.scene.control.ListView<>(vm.allUnits());
        unitChecks.setId("roundUnitChecks");
        unitChecks.setPrefHeight(220);
        unitChecks.setCellFactory(javafx.scene.control.cell.CheckBoxListCell.forListView(vm::chosenProperty,
                new javafx.util.StringConverter<Unit>() {
                    @Override
                    public String toString(Unit u) {
                        return u == null ? "" : "  ".repeat(u.level().ordinal()) + u.name() + " (" + i18n.of(u.level()) + ")";
                    }

                    @Override
                    public Unit fromString(String s) {
                        return null;
                    }
                }));
        Label chosenCount = new Label();
        chosenCount.setId("roundChosenCount");
        chosenCount.textProperty().bind(vm.chosenSummaryProperty());
        VBox chosenBox = new VBox(4, unitChecks, chosenCount);
        chosenBox.visibleProperty().bind(vm.chooseUnitsProperty());
        chosenBox.managedProperty().bind(vm.chooseUnitsProperty());
        // the whole width of the form: unit names are long and indented by level
        g.add(chooseUnits, 0, g.getRowCount(), 2, 1);
        g.add(chosenBox, 0, g.getRowCount(), 2, 1);
        Label problems = new Label();
        problems.getStyleClass().add("validation-message");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.roundProblemsProperty());
        Button create = new Button(i18n.get("selfcheck.round.create"));
        create.setId("roundCreate");
        create.getStyleClass().add("primary");
        vm.createRoundCommand().bind(create);
        Label newTitle = new Label(i18n.get("selfcheck.round.new"));
        newTitle.getStyleClass().add("h2");
        Label hint = new Label(i18n.get("selfcheck.round.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox newRound = new VBox(8, newTitle, hint, g, problems, create);
        newRound.setPadding(new Insets(0, 0, 0, 12));
        newRound.setMinWidth(300);
        ScrollPane newRoundScroll = new ScrollPane(newRound);
        newRoundScroll.setFitToWidth(true);

        SplitPane lists = new SplitPane(table, unitsBox);
        lists.setOrientation(Orientation.VERTICAL);
        SplitPane split = new SplitPane(lists, newRoundScroll);
        split.setDividerPositions(0.64);
        return split;
    }
}
