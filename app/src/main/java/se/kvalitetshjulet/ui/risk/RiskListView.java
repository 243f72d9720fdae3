package se.kvalitetshjulet.ui.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AppendixRow;
import se.kvalitetshjulet.domain.risk.RiskAnalysisRow;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/** Risk and event analyses: the filtered list with due follow-ups marked, and the annual report's Bilaga 1. */
public final class RiskListView extends BorderPane implements Refreshable {
    private final RiskListViewModel vm;
    private final I18n i18n;

    public RiskListView(RiskListViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("riskListView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("risk.title"));
        title.getStyleClass().add("h1");
        TabPane tabs = new TabPane(new Tab(i18n.get("risk.tab.list"), listPane()),
                new Tab(i18n.get("risk.tab.appendix"), appendixPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(title);
        setCenter(tabs);
        vm.editorRequestProperty().addListener((o, a, editor) -> {
            if (editor != null) {
                RiskEditorView.open(editor, i18n, getScene() == null ? null : getScene().getWindow());
                vm.editorRequestProperty().set(null);
            }
        });
    }

    private BorderPane listPane() {
        ComboBox<RiskTemplate> template = new ComboBox<>(vm.templates());
        template.setId("riskTemplate");
        Forms.display(template, RiskTemplate::name);
        template.valueProperty().bindBidirectional(vm.templateProperty());
        Button newButton = new Button(i18n.get("risk.new"));
        newButton.setId("riskNew");
        newButton.getStyleClass().add("primary");
        vm.newCommand().bind(newButton);
        Button recur = new Button(i18n.get("risk.nextRecurrence"));
        recur.setId("riskNextRecurrence");
        vm.nextRecurrenceCommand().bind(recur);
        Button templates = new Button(i18n.get("risk.templates.open"));
        templates.setId("riskTemplates");
        vm.editTemplatesCommand().bind(templates);
        vm.templateEditorRequestProperty().addListener((o, a, editor) -> {
            if (editor != null) {
                RiskTemplateEditorView.open(editor, i18n, getScene() == null ? null : getScene().getWindow());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, new Label(i18n.get("risk.templateLabel")), template, newButton, templates, spacer, recur);
        actions.setAlignment(Pos.CENTER_LEFT);

        ComboBox<AnalysisKind> kind = nullable("riskFilterKind", List.of(AnalysisKind.values()), i18n::of, "risk.filter.allKinds");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ComboBox<AnalysisLevel> level = nullable("riskFilterLevel", List.of(AnalysisLevel.values()), i18n::of, "risk.filter.allLevels");
        level.valueProperty().bindBidirectional(vm.levelProperty());
        ComboBox<RiskTrigger> trigger = se.kvalitetshjulet.ui.common.UiLists.withAll(vm.reasons(), vm::reasonLabel,
                i18n.get("risk.filter.allTriggers"));
        trigger.setId("riskFilterTrigger");
        trigger.valueProperty().bindBidirectional(vm.triggerProperty());
        ComboBox<Integer> year = nullable("riskFilterYear", vm.years(), String::valueOf, "risk.filter.allYears");
        year.valueProperty().bindBidirectional(vm.yearProperty());
        ComboBox<Unit> unit = new ComboBox<>();
        unit.setId("riskFilterUnit");
        Forms.display(unit, u -> "  ".repeat(u.level().ordinal()) + u.name(), i18n.get("risk.filter.allUnits"));
        vm.units().addListener((ListChangeListener<Unit>) c -> {
            List<Unit> items = new ArrayList<>();
            items.add(null);
            items.addAll(vm.units());
            unit.getItems().setAll(items);
        });
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        unit.setPromptText(i18n.get("risk.filter.allUnits"));
        CheckBox due = new CheckBox(i18n.get("risk.filter.due"));
        due.setId("riskFilterDue");
        due.selectedProperty().bindBidirectional(vm.dueOnlyProperty());
        FlowPane filters = new FlowPane(8, 8, kind, level, unit, trigger, year, due);
        filters.getStyleClass().add("filter-bar");

        TableView<RiskAnalysisRow> table = new TableView<>(vm.rows());
        table.setId("riskTable");
        table.setPlaceholder(new Label(i18n.get("risk.empty")));
        table.getColumns().setAll(List.of(
                col("risk.col.date", 100, r -> Forms.DATE.format(r.analysedOn())),
                col("risk.col.kind", 120, r -> i18n.of(r.kind())),
                col("risk.col.title", 340, RiskAnalysisRow::title),
                col("risk.col.level", 90, r -> i18n.of(r.level())),
                col("risk.col.unit", 180, RiskAnalysisRow::unitName),
                col("risk.col.trigger", 130, r -> vm.reasonLabel(r.trigger())),
                col("risk.col.status", 100, r -> i18n.of(r.status())),
                col("risk.col.risks", 60, r -> r.riskCount() + (r.maxScore() == null ? "" : " (" + r.maxScore() + ")")),
                col("risk.col.due", 200, this::dueText)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        table.setRowFactory(tv -> {
            TableRow<RiskAnalysisRow> row = new TableRow<>() {
                @Override
                protected void updateItem(RiskAnalysisRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("overdue"),
                            !empty && item != null && item.due());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem().id());
                }
            });
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            RiskAnalysisRow r = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && r != null) {
                vm.open(r.id());
                e.consume();
            }
        });
        Label summary = new Label();
        summary.setId("riskSummary");
        summary.textProperty().bind(vm.summaryProperty());
        BorderPane pane = new BorderPane(table);
        VBox top = new VBox(10, actions, filters);
        top.setPadding(new Insets(10, 0, 10, 0));
        pane.setTop(top);
        pane.setBottom(summary);
        return pane;
    }

    private String dueText(RiskAnalysisRow r) {
        List<String> parts = new ArrayList<>();
        if (r.followUpOn() != null) {
            parts.add(i18n.get(r.followUpDue() ? "risk.due.followUpOverdue" : "risk.due.followUp", Forms.DATE.format(r.followUpOn())));
        }
        if (r.nextRecurrence() != null) {
            parts.add(i18n.get(r.recurrenceDue() ? "risk.due.recurrenceOverdue" : "risk.due.recurrence",
                    Forms.DATE.format(r.nextRecurrence())));
        }
        return String.join(" · ", parts);
    }

    private BorderPane appendixPane() {
        ComboBox<Integer> year = new ComboBox<>(vm.years());
        year.setId("appendixYear");
        year.valueProperty().bindBidirectional(vm.appendixYearProperty());
        Button show = new Button(i18n.get("risk.appendix.show"));
        show.setId("appendixShow");
        vm.loadAppendixCommand().bind(show);
        Button export = new Button(i18n.get("risk.appendix.export"));
        export.setId("appendixExport");
        vm.exportAppendixCommand().bind(export);
        HBox bar = new HBox(8, new Label(i18n.get("risk.appendix.year")), year, show, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 0, 10, 0));
        TableView<AppendixRow> table = new TableView<>(vm.appendixRows());
        table.setId("appendixTable");
        table.setPlaceholder(new Label(i18n.get("risk.appendix.empty")));
        table.getColumns().setAll(List.of(
                appendixCol("risk.appendix.area", 150, AppendixRow::businessArea),
                appendixCol("risk.appendix.analysis", 300, AppendixRow::analysis),
                appendixCol("risk.appendix.where", 220, AppendixRow::where),
                appendixCol("risk.appendix.measures", 300, AppendixRow::measures),
                appendixCol("risk.appendix.routines", 250, AppendixRow::improvedRoutines)));
        BorderPane pane = new BorderPane(table);
        pane.setTop(bar);
        return pane;
    }

    private TableColumn<RiskAnalysisRow, String> col(String key, double width, Function<RiskAnalysisRow, String> value) {
        TableColumn<RiskAnalysisRow, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<AppendixRow, String> appendixCol(String key, double width, Function<AppendixRow, String> value) {
        TableColumn<AppendixRow, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private <T> ComboBox<T> nullable(String id, List<T> values, Function<T, String> text, String allKey) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        List<T> items = new ArrayList<>();
        items.add(null);
        items.addAll(values);
        box.getItems().setAll(items);
        Forms.display(box, text, i18n.get(allKey));
        box.setPromptText(i18n.get(allKey));
        return box;
    }

    @Override
    public void refresh() {
        vm.refresh();
    }
}
