package se.kvalitetshjulet.ui.risk;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.ui.common.EditorParts;
import se.kvalitetshjulet.ui.common.EditorWindow;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyWarningLabel;

import static se.kvalitetshjulet.ui.risk.RiskFormControls.area;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.button;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.combo;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.scroll;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.text;

/**
 * The analysis editor window. Keyboard first: probability and consequence accept typed digits, Ctrl+S saves,
 * Escape closes (asking before unsaved edits are dropped).
 */
public final class RiskEditorView extends BorderPane {
    private final RiskEditorViewModel vm;
    private final I18n i18n;

    public RiskEditorView(RiskEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("riskEditor");
        getStyleClass().add("editor");
        Label heading = EditorParts.heading("riskHeading", Bindings.createStringBinding(() -> (vm.idProperty().get() == null
                ? i18n.get("risk.editor.newTitle", i18n.of(vm.kindProperty().get()))
                : i18n.of(vm.kindProperty().get()) + " · " + i18n.of(vm.statusProperty().get())),
                vm.idProperty(), vm.kindProperty(), vm.statusProperty()));
        Label decision = new Label();
        decision.setId("riskDecisionText");
        decision.textProperty().bind(vm.decisionTextProperty());
        Label recurrence = new Label();
        recurrence.setId("riskRecurrenceText");
        recurrence.textProperty().bind(vm.recurrenceTextProperty());
        setTop(EditorParts.header(heading, decision, recurrence));

        Tab event = tab(i18n.get("risk.tab.event"), RiskEventTab.build(vm, i18n));
        event.disableProperty().bind(vm.kindProperty().isNotEqualTo(AnalysisKind.HANDELSEANALYS));
        TabPane tabs = new TabPane(tab(i18n.get("risk.tab.basics"), basicsTab()), tab(i18n.get("risk.tab.risks"), RiskRisksTab.build(vm, i18n)),
                tab(i18n.get("risk.tab.heatmap"), heatmapTab()), tab(i18n.get("risk.tab.steps"), stepsTab()), event,
                tab(i18n.get("risk.tab.measures"), RiskMeasuresTab.build(vm, i18n)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("riskTabs");
        setCenter(tabs);

        Button save = EditorParts.saveButton(i18n.get("common.save"), "riskSave", vm.saveCommand());
        Button docx = button(i18n.get("risk.export.docx"), "riskExportDocx");
        vm.exportDocxCommand().bind(docx);
        Button pdf = button(i18n.get("risk.export.pdf"), "riskExportPdf");
        vm.exportPdfCommand().bind(pdf);
        Button close = EditorParts.closeButton(i18n.get("common.close"), "riskClose",
                () -> vm.closeRequestedProperty().set(true));
        setBottom(EditorParts.footer(new PrivacyWarningLabel("riskPrivacy", vm.privacyWarningProperty()),
                EditorParts.problems("riskProblems", vm.problemsProperty()),
                EditorParts.buttonBar(List.of(docx, pdf), save, close)));
        EditorParts.saveOnShortcut(this, vm.saveCommand());
    }

    /** Opens the editor in its own window; closing asks before unsaved edits are dropped. */
    public static Stage open(RiskEditorViewModel vm, I18n i18n, Window owner) {
        RiskEditorView view = new RiskEditorView(vm, i18n);
        Stage stage = EditorWindow.create(view, owner, 1100, 780, vm.closeRequestedProperty(),
                s -> vm.mayClose());
        se.kvalitetshjulet.ui.common.EditorWindow.helpTopic(stage, "risk-editor"); // h1: F1 helps on this editor
        stage.setTitle(i18n.get("risk.title"));
        stage.show();
        return stage;
    }

    // ---- tabs -------------------------------------------------------------------------

    private Node basicsTab() {
        GridPane g = Forms.grid();
        TextField title = text("riskTitle", vm.titleProperty());
        Forms.row(g, i18n.get("risk.field.title"), title);
        ComboBox<AnalysisLevel> level = combo("riskLevel", List.of(AnalysisLevel.values()), i18n::of);
        level.valueProperty().bindBidirectional(vm.levelProperty());
        Forms.row(g, i18n.get("risk.field.level"), level);
        ComboBox<Unit> unit = new ComboBox<>(vm.units());
        unit.setId("riskUnit");
        Forms.display(unit, u -> "  ".repeat(u.level().ordinal()) + u.name());
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        Forms.row(g, i18n.get("risk.field.unit"), unit);
        ComboBox<RiskTrigger> trigger = combo("riskTrigger", List.of(), vm::reasonLabel);
        trigger.setItems(vm.reasonChoices());
        trigger.setTooltip(new javafx.scene.control.Tooltip(i18n.get("risk.reason.tooltip")));
        trigger.valueProperty().bindBidirectional(vm.triggerProperty());
        Forms.row(g, i18n.get("risk.field.trigger"), trigger);
        DatePicker date = Forms.datePicker();
        date.setId("riskDate");
        date.valueProperty().bindBidirectional(vm.analysedOnProperty());
        Forms.row(g, i18n.get("risk.field.analysedOn"), date);
        Forms.row(g, i18n.get("risk.field.participants"), text("riskParticipants", vm.participantsProperty()));
        Forms.row(g, i18n.get("risk.field.process"), area("riskProcess", vm.processDescriptionProperty(), 5));
        return scroll(g);
    }

    private Node heatmapTab() {
        ToggleButton after = new ToggleButton(i18n.get("risk.heat.after"));
        after.setId("riskHeatAfter");
        after.selectedProperty().bindBidirectional(vm.afterMeasuresProperty());
        Label caption = new Label();
        caption.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(vm.afterMeasuresProperty().get()
                ? "risk.heat.showingAfter" : "risk.heat.showingBefore"), vm.afterMeasuresProperty()));
        ListView<Risk> cell = new ListView<>(vm.cellRisks());
        cell.setId("riskHeatCellRisks");
        cell.setPlaceholder(new Label(i18n.get("risk.heat.clickCell")));
        cell.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Risk r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? "" : r.description());
            }
        });
        cell.setPrefWidth(340);
        HBox body = new HBox(24, new RiskHeatmap(vm, i18n), cell);
        VBox box = new VBox(12, new HBox(12, after, caption), body);
        box.setPadding(new Insets(12));
        return scroll(box);
    }

    private Node stepsTab() {
        VBox box = new VBox(10);
        box.setId("riskSteps");
        box.setPadding(new Insets(12));
        vm.steps().addListener((javafx.collections.ListChangeListener<ChecklistStep>) c -> fillSteps(box));
        fillSteps(box);
        return scroll(box);
    }

    private void fillSteps(VBox box) {
        box.getChildren().clear();
        for (ChecklistStep s : vm.steps()) {
            CheckBox done = new CheckBox(s.number() + ". " + s.name());
            done.setId("riskStepDone" + s.number());
            done.selectedProperty().bindBidirectional(s.doneProperty());
            TextArea text = new TextArea();
            text.setId("riskStepText" + s.number());
            text.setPrefRowCount(2);
            text.setWrapText(true);
            text.textProperty().bindBidirectional(s.textProperty());
            box.getChildren().add(new VBox(4, done, text));
        }
    }

    // ---- helpers ----------------------------------------------------------------------

    private static Tab tab(String title, Node content) {
        return new Tab(title, content);
    }
}
