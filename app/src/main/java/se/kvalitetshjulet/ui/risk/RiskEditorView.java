package se.kvalitetshjulet.ui.risk;

import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.CauseCategory;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;
import se.kvalitetshjulet.ui.common.EditorParts;
import se.kvalitetshjulet.ui.common.EditorWindow;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.FxDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyWarningLabel;

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

        Tab event = tab(i18n.get("risk.tab.event"), eventTab());
        event.disableProperty().bind(vm.kindProperty().isNotEqualTo(AnalysisKind.HANDELSEANALYS));
        TabPane tabs = new TabPane(tab(i18n.get("risk.tab.basics"), basicsTab()), tab(i18n.get("risk.tab.risks"), risksTab()),
                tab(i18n.get("risk.tab.heatmap"), heatmapTab()), tab(i18n.get("risk.tab.steps"), stepsTab()), event,
                tab(i18n.get("risk.tab.measures"), measuresTab()));
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
                s -> !vm.dirtyProperty().get() || new FxDialogService(i18n, () -> s)
                        .confirm(i18n.get("risk.editor.discardTitle"), i18n.get("risk.editor.discardQuestion")));
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
        ComboBox<RiskTrigger> trigger = combo("riskTrigger", List.of(RiskTrigger.values()), i18n::of);
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

    private Node risksTab() {
        TableView<Risk> table = new TableView<>(vm.risks());
        table.setId("riskRisks");
        table.setPlaceholder(new Label(i18n.get("risk.risks.empty")));
        table.getColumns().setAll(List.of(
                riskCol("risk.field.description", 380, Risk::description),
                riskCol("risk.report.p", 50, r -> r.probability() == null ? "–" : r.probability().toString()),
                riskCol("risk.report.c", 50, r -> r.consequence() == null ? "–" : r.consequence().toString()),
                riskCol("risk.report.before", 140, r -> vm.scoreText(r, false)),
                riskCol("risk.report.after", 140, r -> vm.scoreText(r, true))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedRiskProperty().set(r));
        vm.selectedRiskProperty().addListener((o, a, r) -> {
            if (r == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        table.setPrefHeight(220);

        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("risk.field.description"), area("riskDescription", vm.riskDescriptionProperty(), 2));
        Forms.row(g, i18n.get("risk.field.causes"), area("riskCauses", vm.riskCausesProperty(), 2));
        Forms.row(g, i18n.get("risk.field.barriers"), area("riskBarriers", vm.riskBarriersProperty(), 2));
        HBox before = new HBox(8, new Label(i18n.get("risk.field.probability")),
                levelBox("riskProbability", vm.probabilityProperty()), new Label(i18n.get("risk.field.consequence")),
                levelBox("riskConsequence", vm.consequenceProperty()));
        before.setAlignment(Pos.CENTER_LEFT);
        Forms.row(g, i18n.get("risk.field.before"), before);
        HBox after = new HBox(8, new Label(i18n.get("risk.field.probability")),
                levelBox("riskResidualProbability", vm.residualProbabilityProperty()),
                new Label(i18n.get("risk.field.consequence")),
                levelBox("riskResidualConsequence", vm.residualConsequenceProperty()));
        after.setAlignment(Pos.CENTER_LEFT);
        Forms.row(g, i18n.get("risk.field.after"), after);
        Label score = new Label();
        score.setId("riskScore");
        score.textProperty().bind(vm.riskScoreProperty());
        Forms.row(g, i18n.get("risk.field.score"), score);
        Button add = button(i18n.get("risk.risks.add"), "riskAdd");
        vm.addRiskCommand().bind(add);
        Button update = button(i18n.get("risk.risks.update"), "riskUpdate");
        vm.updateRiskCommand().bind(update);
        Button remove = button(i18n.get("risk.risks.remove"), "riskRemove");
        vm.removeRiskCommand().bind(remove);
        Forms.row(g, "", new HBox(8, add, update, remove));
        VBox box = new VBox(10, table, g);
        box.setPadding(new Insets(12));
        return scroll(box);
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

    private Node eventTab() {
        // Linked deviations
        ListView<RiskEditorViewModel.LinkedDeviation> devs = new ListView<>(vm.deviations());
        devs.setId("riskDeviations");
        devs.setPrefHeight(80);
        devs.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(RiskEditorViewModel.LinkedDeviation d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? "" : d.caseRef());
            }
        });
        devs.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> vm.selectedDeviationProperty().set(d));
        TextField ref = text("riskLinkCaseRef", vm.linkCaseRefProperty());
        ref.setPromptText("AV-2026-000123");
        ref.setOnAction(e -> vm.linkDeviationCommand().execute());
        Button link = button(i18n.get("risk.event.link"), "riskLink");
        vm.linkDeviationCommand().bind(link);
        Button unlink = button(i18n.get("risk.event.unlink"), "riskUnlink");
        vm.unlinkDeviationCommand().bind(unlink);

        // Timeline
        TableView<TimelineEntry> timeline = new TableView<>(vm.timeline());
        timeline.setId("riskTimeline");
        timeline.setPrefHeight(160);
        TableColumn<TimelineEntry, String> at = new TableColumn<>(i18n.get("risk.timeline.at"));
        at.setCellValueFactory(cd -> new SimpleStringProperty(RiskEditorViewModel.WHEN.format(cd.getValue().at())));
        at.setPrefWidth(140);
        TableColumn<TimelineEntry, String> what = new TableColumn<>(i18n.get("risk.timeline.what"));
        what.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().what()));
        what.setPrefWidth(600);
        timeline.getColumns().setAll(List.of(at, what));
        timeline.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> vm.selectedTimelineProperty().set(t));
        TextField when = text("riskTimelineAt", vm.timelineAtProperty());
        when.setPromptText("ÅÅÅÅ-MM-DD TT:MM");
        when.setPrefColumnCount(14);
        TextField happened = text("riskTimelineWhat", vm.timelineWhatProperty());
        HBox.setHgrow(happened, Priority.ALWAYS);
        happened.setOnAction(e -> vm.addTimelineCommand().execute());
        Button addT = button(i18n.get("risk.timeline.add"), "riskTimelineAdd");
        vm.addTimelineCommand().bind(addT);
        Button removeT = button(i18n.get("risk.timeline.remove"), "riskTimelineRemove");
        vm.removeTimelineCommand().bind(removeT);

        // Causes
        TableView<UnderlyingCause> causes = new TableView<>(vm.causes());
        causes.setId("riskCauseTable");
        causes.setPrefHeight(140);
        TableColumn<UnderlyingCause, String> cat = new TableColumn<>(i18n.get("risk.cause.category"));
        cat.setCellValueFactory(cd -> new SimpleStringProperty(i18n.of(cd.getValue().category())));
        cat.setPrefWidth(160);
        TableColumn<UnderlyingCause, String> ct = new TableColumn<>(i18n.get("risk.cause.text"));
        ct.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().text()));
        ct.setPrefWidth(580);
        causes.getColumns().setAll(List.of(cat, ct));
        causes.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> vm.selectedCauseProperty().set(c));
        ComboBox<CauseCategory> category = combo("riskCauseCategory", List.of(CauseCategory.values()), i18n::of);
        category.valueProperty().bindBidirectional(vm.causeCategoryProperty());
        TextField causeText = text("riskCauseText", vm.causeTextProperty());
        HBox.setHgrow(causeText, Priority.ALWAYS);
        causeText.setOnAction(e -> vm.addCauseCommand().execute());
        Button addC = button(i18n.get("risk.cause.add"), "riskCauseAdd");
        vm.addCauseCommand().bind(addC);
        Button removeC = button(i18n.get("risk.cause.remove"), "riskCauseRemove");
        vm.removeCauseCommand().bind(removeC);

        Label hint = new Label(i18n.get("risk.event.whatNotWho"));
        hint.setWrapText(true);
        VBox box = new VBox(8, hint, h2("risk.report.deviations"), devs, new HBox(8, ref, link, unlink),
                h2("risk.tab.timeline"), timeline, new HBox(8, when, happened, addT, removeT),
                h2("risk.report.causes"), causes, new HBox(8, category, causeText, addC, removeC));
        box.setPadding(new Insets(12));
        return scroll(box);
    }

    private Node measuresTab() {
        TableView<Measure> table = new TableView<>(vm.measures());
        table.setId("riskMeasures");
        table.setPrefHeight(180);
        table.setPlaceholder(new Label(i18n.get("risk.measures.empty")));
        table.getColumns().setAll(List.of(
                measureCol("risk.measure.what", 360, Measure::what),
                measureCol("risk.measure.responsible", 140, Measure::responsible),
                measureCol("risk.measure.due", 100, m -> m.dueOn() == null ? "" : Forms.DATE.format(m.dueOn())),
                measureCol("risk.measure.state", 130, vm::measureState)));
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
        VBox box = new VBox(10, table, g, h2("risk.report.decision"), d);
        box.setPadding(new Insets(12));
        return scroll(box);
    }

    // ---- helpers ----------------------------------------------------------------------

    /** Probability/consequence: a combo box that takes a typed digit at once (1..n of the template's matrix). */
    private ComboBox<Integer> levelBox(String id, ObjectProperty<Integer> property) {
        ComboBox<Integer> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.setPrefWidth(80);
        Runnable items = () -> {
            int n = vm.matrix().size();
            java.util.List<Integer> values = new java.util.ArrayList<>();
            for (int i = 1; i <= n; i++) {
                values.add(i);
            }
            box.getItems().setAll(values);
        };
        items.run();
        vm.templateProperty().addListener((o, a, b) -> items.run());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                return parse(s);
            }
        });
        box.valueProperty().bindBidirectional(property);
        box.getEditor().textProperty().addListener((o, a, t) -> {
            Integer v = parse(t);
            if (t == null || t.isBlank()) {
                property.set(null);
            } else if (v != null) {
                property.set(v);
            }
        });
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Integer v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? "" : v + " " + (id.toLowerCase().contains("probability")
                        ? vm.matrix().probability(v).label() : vm.matrix().consequence(v).label()));
            }
        });
        return box;
    }

    private Integer parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(s.strip());
            return vm.matrix().inRange(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Tab tab(String title, Node content) {
        return new Tab(title, content);
    }

    private static ScrollPane scroll(Node n) {
        ScrollPane sp = new ScrollPane(n);
        sp.setFitToWidth(true);
        if (n instanceof GridPane g) {
            g.setPadding(new Insets(12));
        }
        return sp;
    }

    private Label h2(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("h2");
        return l;
    }

    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static TextArea area(String id, javafx.beans.property.StringProperty p, int rows) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setPrefRowCount(rows);
        t.setWrapText(true);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private <T> ComboBox<T> combo(String id, List<T> values, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        Forms.display(box, text);
        return box;
    }

    private TableColumn<Risk, String> riskCol(String key, double width, Function<Risk, String> value) {
        TableColumn<Risk, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<Measure, String> measureCol(String key, double width, Function<Measure, String> value) {
        TableColumn<Measure, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
