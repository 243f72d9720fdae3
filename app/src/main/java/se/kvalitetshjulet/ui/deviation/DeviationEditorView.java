package se.kvalitetshjulet.ui.deviation;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.EditorParts;
import se.kvalitetshjulet.ui.common.EditorWindow;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyWarningLabel;

/**
 * The deviation editor window. Keyboard first: the registration tab needs no mouse, Ctrl+S
 * saves, Escape closes (asking before unsaved edits are dropped).
 */
public final class DeviationEditorView extends BorderPane {

    private final DeviationEditorViewModel vm;
    private final I18n i18n;
    private final HBox workflowButtons = new HBox(8);

    public DeviationEditorView(DeviationEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("deviationEditor");
        getStyleClass().add("editor");

        Label heading = EditorParts.heading("editorHeading", Bindings.createStringBinding(() -> vm.idProperty().get() == null
                ? i18n.get("deviation.editor.newTitle")
                : vm.caseRefProperty().get() + " · " + i18n.of(vm.statusProperty().get()),
                vm.idProperty(), vm.caseRefProperty(), vm.statusProperty()));
        Label overdue = new Label(i18n.get("deviation.editor.overdue"));
        overdue.getStyleClass().add("overdue-badge");
        overdue.visibleProperty().bind(vm.overdueProperty());
        Label due = new Label();
        due.textProperty().bind(Bindings.createStringBinding(() -> vm.dueOnProperty().get() == null ? ""
                : i18n.get("deviation.editor.due", Forms.DATE.format(vm.dueOnProperty().get())), vm.dueOnProperty()));
        setTop(EditorParts.header(heading, due, overdue));

        TabPane tabs = new TabPane(
                tab(i18n.get("deviation.tab.registration"), registrationTab()),
                tab(i18n.get("deviation.tab.investigation"), investigationTab()),
                tab(i18n.get("deviation.tab.measures"), new DeviationMeasuresPane(vm, i18n)),
                tab(i18n.get("deviation.tab.links"), linksTab()),
                tab(i18n.get("deviation.tab.history"), historyTab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("editorTabs");
        setCenter(tabs);

        Button save = EditorParts.saveButton(i18n.get("common.save"), "editorSave", vm.saveCommand());
        Button close = EditorParts.closeButton(i18n.get("common.close"), "editorClose", this::requestClose);
        Label stepLabel = new Label(i18n.get("deviation.editor.nextStep"));
        stepLabel.visibleProperty().bind(Bindings.isNotEmpty(vm.allowedNext()));
        vm.allowedNext().addListener((ListChangeListener<DeviationStatus>) c -> rebuildWorkflowButtons());
        vm.allowedBack().addListener((ListChangeListener<DeviationStatus>) c -> rebuildWorkflowButtons());
        rebuildWorkflowButtons();
        // h2 (decision 0027): the draft is written a moment after each change, at the latest every few seconds
        Label draftState = new Label();
        draftState.setId("editorDraftState");
        draftState.getStyleClass().add("hint");
        draftState.textProperty().bind(vm.drafts().stateProperty());
        autosave.setOnFinished(e -> saveDraft());
        autosaveMaxWait.setOnFinished(e -> saveDraft());
        vm.drafts().changesProperty().addListener((o, a, b) -> {
            autosave.playFromStart();
            if (autosaveMaxWait.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                autosaveMaxWait.playFromStart();
            }
        });
        setBottom(EditorParts.footer(new PrivacyWarningLabel("editorPrivacy", vm.privacyWarningProperty()),
                EditorParts.problems("editorProblems", vm.problemsProperty()),
                EditorParts.buttonBar(List.of(stepLabel, workflowButtons, draftState), save, close)));
        EditorParts.saveOnShortcut(this, vm.saveCommand());
    }

    /** Opens the editor in its own window. */
    public static Stage open(DeviationEditorViewModel vm, I18n i18n, Window owner) {
        DeviationEditorView view = new DeviationEditorView(vm, i18n);
        EditorWindow.followProjectorMode(view, owner);
        // the draft is written before the close question, so a crash during it loses nothing
        Stage stage = EditorWindow.create(view, owner, 980, 760, vm.closeRequestedProperty(), s -> {
            view.saveDraft();
            return vm.confirmClose();
        });
        se.kvalitetshjulet.ui.common.EditorWindow.helpTopic(stage, "deviation-editor"); // h1: F1 helps on this editor
        stage.titleProperty().bind(Bindings.createStringBinding(() -> i18n.get("deviation.editor.window",
                vm.caseRefProperty().get().isEmpty() ? i18n.get("deviation.editor.newTitle") : vm.caseRefProperty().get()),
                vm.caseRefProperty()));
        stage.show();
        return stage;
    }

    static final javafx.util.Duration AUTOSAVE_DELAY = javafx.util.Duration.seconds(1.5);
    private final javafx.animation.PauseTransition autosave = new javafx.animation.PauseTransition(AUTOSAVE_DELAY);
    private final javafx.animation.PauseTransition autosaveMaxWait =
            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(5));

    private void saveDraft() {
        autosave.stop();
        autosaveMaxWait.stop();
        vm.drafts().saveNow(vm::current);
    }

    private void requestClose() {
        vm.closeRequestedProperty().set(true);
    }

    private void rebuildWorkflowButtons() {
        workflowButtons.getChildren().clear();
        if (!vm.mayEdit()) { // h3 (decision 0034): read only for this login; the database would refuse the step
            Label readOnly = new Label(i18n.get("h3.roles.deviationReadOnly"));
            readOnly.setId("editorReadOnly");
            readOnly.getStyleClass().add("hint");
            readOnly.setWrapText(true);
            workflowButtons.getChildren().add(readOnly);
            return;
        }
        for (DeviationStatus next : vm.allowedNext()) {
            Button b = new Button(i18n.get("deviation.action." + next.name()));
            b.setId("moveTo" + next.name());
            b.disableProperty().bind(vm.busyProperty());
            b.setOnAction(e -> vm.transition(next));
            workflowButtons.getChildren().add(b);
        }
        // Going back is never an ordinary step: its own button, a reason and a confirmation ("Återöppna …").
        for (DeviationStatus back : vm.allowedBack()) {
            boolean reopen = vm.statusProperty().get() == DeviationStatus.AVSLUTAD;
            Button b = new Button(reopen ? i18n.get("deviation.reopen.button")
                    : i18n.get("deviation.stepBack.button", i18n.of(back)));
            b.setId(reopen ? "reopen" : "moveBackTo" + back.name());
            b.getStyleClass().add("secondary");
            b.disableProperty().bind(vm.busyProperty());
            b.setOnAction(e -> vm.stepBack(back));
            workflowButtons.getChildren().add(b);
        }
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setPadding(new Insets(12, 16, 12, 16));
        return new Tab(title, sp);
    }

    private javafx.scene.Node registrationTab() {
        ComboBox<DeviationKind> kind = new ComboBox<>();
        kind.setId("editorKind");
        kind.getItems().setAll(DeviationKind.values());
        Forms.display(kind, i18n::of);
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ComboBox<Law> law = new ComboBox<>(vm.laws());
        law.setId("editorLaw");
        Forms.display(law, i18n::of);
        law.valueProperty().bindBidirectional(vm.lawProperty());
        ComboBox<Unit> unit = new ComboBox<>(vm.units());
        unit.setId("editorUnit");
        Forms.display(unit, u -> "  ".repeat(u.level().ordinal()) + u.name());
        unit.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Unit u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? "" : vm.treeProperty().get().path(u.id()));
            }
        });
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        ComboBox<Taxonomy> category = new ComboBox<>(vm.categories());
        category.setId("editorCategory");
        Forms.display(category, Taxonomy::name);
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        DatePicker occurred = Forms.datePicker();
        occurred.setId("editorOccurred");
        occurred.valueProperty().bindBidirectional(vm.occurredOnProperty());
        DatePicker reported = Forms.datePicker();
        reported.setId("editorReported");
        reported.valueProperty().bindBidirectional(vm.reportedOnProperty());
        DatePicker registered = Forms.datePicker();
        registered.setId("editorRegistered");
        registered.valueProperty().bindBidirectional(vm.registeredOnProperty());
        TextField role = new TextField();
        role.setId("editorReporterRole");
        role.setPromptText(i18n.get("deviation.field.reporterRole.prompt"));
        role.textProperty().bindBidirectional(vm.reporterRoleProperty());
        TextField title = new TextField();
        title.setId("editorTitle");
        title.textProperty().bindBidirectional(vm.titleProperty());
        TextArea description = area("editorDescription", vm.descriptionProperty(), 5);
        description.setPromptText(i18n.get("deviation.field.description.prompt"));
        TextArea immediate = area("editorImmediate", vm.immediateActionsProperty(), 3);

        var grid = Forms.grid();
        Forms.row(grid, i18n.get("deviation.field.kind"), kind);
        Label citation = new Label();
        citation.setId("editorCitation");
        citation.getStyleClass().add("hint");
        citation.textProperty().bind(vm.citationBinding());
        Label lawWarning = new Label();
        lawWarning.setId("editorLawWarning");
        lawWarning.getStyleClass().add("warning");
        lawWarning.setWrapText(true);
        lawWarning.textProperty().bind(vm.lawWarningProperty());
        lawWarning.visibleProperty().bind(vm.lawWarningProperty().isNotEmpty());
        lawWarning.managedProperty().bind(lawWarning.visibleProperty());
        Forms.row(grid, i18n.get("deviation.field.law"), new VBox(4, new javafx.scene.layout.HBox(8, law, citation), lawWarning));
        Forms.row(grid, i18n.get("deviation.field.unit"), unit);
        Forms.row(grid, i18n.get("deviation.field.category"), category);
        Forms.row(grid, i18n.get("deviation.field.title"), title);
        Forms.row(grid, i18n.get("deviation.field.occurred"), occurred);
        Forms.row(grid, i18n.get("deviation.field.reported"), reported);
        Forms.row(grid, i18n.get("deviation.field.registered"), registered);
        Forms.row(grid, i18n.get("deviation.field.reporterRole"), role);
        Forms.row(grid, i18n.get("deviation.field.description"), description);
        Forms.row(grid, i18n.get("deviation.field.immediate"), immediate);
        javafx.application.Platform.runLater(kind::requestFocus);
        return grid;
    }

    private javafx.scene.Node investigationTab() {
        TextArea facts = area("editorFacts", vm.factsProperty(), 5);
        FlowPane causes = new FlowPane(12, 8);
        causes.setId("editorCauses");
        Runnable buildCauses = () -> {
            causes.getChildren().clear();
            for (Taxonomy t : vm.causes()) {
                CheckBox cb = new CheckBox(t.name());
                cb.setSelected(vm.causeIds().contains(t.id()));
                cb.selectedProperty().addListener((o, a, on) -> {
                    if (on) {
                        vm.causeIds().add(t.id());
                    } else {
                        vm.causeIds().remove(t.id());
                    }
                });
                causes.getChildren().add(cb);
            }
        };
        vm.causes().addListener((ListChangeListener<Taxonomy>) c -> buildCauses.run());
        vm.causeIds().addListener((javafx.collections.SetChangeListener<Long>) c -> {
            for (var n : causes.getChildren()) {
                CheckBox cb = (CheckBox) n;
                Taxonomy t = vm.causes().stream().filter(x -> x.name().equals(cb.getText())).findFirst().orElse(null);
                if (t != null && cb.isSelected() != vm.causeIds().contains(t.id())) {
                    cb.setSelected(vm.causeIds().contains(t.id()));
                }
            }
        });
        buildCauses.run();
        TextArea causeText = area("editorCauseText", vm.causeTextProperty(), 3);
        ComboBox<Assessment> assessment = new ComboBox<>(vm.assessments());
        assessment.setId("editorAssessment");
        Forms.display(assessment, i18n::of);
        assessment.valueProperty().bindBidirectional(vm.assessmentProperty());
        CheckBox serious = new CheckBox(i18n.get("deviation.field.serious"));
        serious.setId("editorSerious");
        serious.selectedProperty().bindBidirectional(vm.seriousProperty());
        serious.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.kindProperty().get() != null
                && vm.kindProperty().get().reportableToIvo(), vm.kindProperty()));
        DatePicker ivoDate = Forms.datePicker();
        ivoDate.setId("editorIvoDate");
        ivoDate.valueProperty().bindBidirectional(vm.ivo().reportedOnProperty());
        TextField ivoRef = new TextField();
        ivoRef.setId("editorIvoRef");
        ivoRef.textProperty().bindBidirectional(vm.ivo().referenceProperty());
        Label ivoHint = new Label(i18n.get("deviation.field.ivoRequired"));
        ivoHint.getStyleClass().add("hint");
        ivoHint.visibleProperty().bind(vm.ivo().requiredProperty());

        var grid = Forms.grid();
        Forms.row(grid, i18n.get("deviation.field.facts"), facts);
        Forms.row(grid, i18n.get("deviation.field.causes"), causes);
        Forms.row(grid, i18n.get("deviation.field.causeText"), causeText);
        Forms.row(grid, i18n.get("deviation.field.assessment"), assessment);
        Forms.row(grid, "", serious);
        Forms.row(grid, "", ivoHint);
        Label ivoDeadline = new Label();
        ivoDeadline.setId("editorIvoDeadline");
        ivoDeadline.textProperty().bind(vm.ivo().deadlineProperty());
        ivoDeadline.visibleProperty().bind(vm.ivo().deadlineProperty().isNotEmpty());
        ivoDeadline.managedProperty().bind(ivoDeadline.visibleProperty());
        vm.ivo().overdueProperty().addListener((o, a, late) -> {
            ivoDeadline.getStyleClass().removeAll("overdue", "hint");
            ivoDeadline.getStyleClass().add(late ? "overdue" : "hint");
        });
        ComboBox<se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier> notifier = new ComboBox<>(vm.ivo().notifiers());
        notifier.setId("editorIvoNotifier");
        Forms.display(notifier, n -> i18n.get("deviation.ivo.notifier." + n.name()));
        notifier.valueProperty().bindBidirectional(vm.ivo().notifierProperty());
        TextField notifiedBy = new TextField();
        notifiedBy.setId("editorIvoNotifiedBy");
        notifiedBy.setPromptText(i18n.get("deviation.ivo.notifiedBy.prompt"));
        notifiedBy.textProperty().bindBidirectional(vm.ivo().notifiedByProperty());
        DatePicker decisionDate = Forms.datePicker();
        decisionDate.setId("editorIvoDecisionDate");
        decisionDate.valueProperty().bindBidirectional(vm.ivo().decisionDateProperty());
        TextArea decision = area("editorIvoDecision", vm.ivo().decisionProperty(), 2);
        decision.setPromptText(i18n.get("deviation.ivo.decision.prompt"));
        Forms.row(grid, "", ivoDeadline);
        Forms.row(grid, i18n.get("deviation.field.ivoDate"), ivoDate);
        Forms.row(grid, i18n.get("deviation.field.ivoRef"), ivoRef);
        Forms.row(grid, i18n.get("deviation.ivo.notifier"), new HBox(8, notifier, notifiedBy));
        Forms.row(grid, i18n.get("deviation.ivo.decisionDate"), decisionDate);
        Forms.row(grid, i18n.get("deviation.ivo.decision"), decision);
        return grid;
    }

    private javafx.scene.Node linksTab() {
        ListView<String> list = new ListView<>(vm.links());
        list.setId("linkList");
        list.setPlaceholder(new Label(i18n.get("deviation.links.empty")));
        list.setPrefHeight(160);
        TextField other = new TextField();
        other.setId("linkOther");
        other.setPromptText("AV-2026-000123");
        ComboBox<String> type = new ComboBox<>();
        type.getItems().setAll("DUPLICATE", "RELATED");
        type.setValue("RELATED");
        Forms.display(type, t -> i18n.get("deviation.linkType." + t));
        Button add = new Button(i18n.get("deviation.links.add"));
        add.setId("linkAdd");
        add.disableProperty().bind(vm.idProperty().isNull().or(other.textProperty().isEmpty()));
        add.setOnAction(e -> {
            vm.link(other.getText(), type.getValue());
            other.clear();
        });
        return new VBox(10, list, new HBox(8, other, type, add));
    }

    private javafx.scene.Node historyTab() {
        javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>(vm.historyLines());
        list.setId("editorHistory");
        list.setPlaceholder(new Label(i18n.get("audit.empty")));
        list.setPrefHeight(400);
        // h4 (decision 0035): deleting a case registered by mistake lives with the case's history, not beside the
        // workflow's next steps (in the button bar it squeezed them until their names were cut)
        Button delete = new Button(i18n.get("h4.delete.button"));
        delete.setId("editorDelete");
        delete.getStyleClass().add("secondary");
        delete.disableProperty().bind(vm.busyProperty());
        delete.setOnAction(e -> vm.delete());
        delete.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label why = new Label(i18n.get("lead.delete.hint"));
        why.getStyleClass().add("hint");
        why.setWrapText(true);
        HBox.setHgrow(why, javafx.scene.layout.Priority.ALWAYS);
        HBox deleting = new HBox(12, why, delete);
        deleting.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        deleting.visibleProperty().bind(vm.deletableProperty());
        deleting.managedProperty().bind(vm.deletableProperty());
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        return new VBox(10, list, deleting);
    }

    static TextArea area(String id, javafx.beans.property.StringProperty p, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(p);
        // Tab moves focus (keyboard-first); Ctrl+Tab inserts a tab character.
        a.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                // Re-fire as Ctrl+Tab, which the text area's own behaviour turns into focus traversal.
                a.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        return a;
    }
}
