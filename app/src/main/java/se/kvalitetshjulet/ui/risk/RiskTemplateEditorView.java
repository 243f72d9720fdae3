package se.kvalitetshjulet.ui.risk;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.ui.common.EditorParts;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The window for risk-analysis templates: the list on the left (Enter or double-click edits), the editor on the right
 * with a live preview of the matrix coloured by the score bands. Ctrl+S saves, Escape closes (asking before unsaved
 * changes are dropped). The matrix's fields are {@link RiskMatrixFields}, its preview {@link RiskMatrixPreview}.
 */
public final class RiskTemplateEditorView extends BorderPane {
    private final RiskTemplateEditorViewModel vm;
    private final I18n i18n;

    public RiskTemplateEditorView(RiskTemplateEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("riskTemplateEditor");
        getStyleClass().add("editor");
        Label title = new Label(i18n.get("risk.templates.title"));
        title.getStyleClass().add("h1");
        BorderPane.setMargin(title, new Insets(12, 16, 4, 16));
        setTop(title);
        SplitPane split = new SplitPane(listPane(), editorPane());
        split.setDividerPositions(0.28);
        setCenter(split);

        Label problems = new Label();
        problems.setId("rtProblems");
        problems.getStyleClass().add("validation-message");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                vm.problems().stream().map(p -> "• " + p).toList()), vm.problems()));
        ScrollPane problemScroll = new ScrollPane(problems);
        problemScroll.setFitToWidth(true);
        problemScroll.setMaxHeight(100);
        problemScroll.visibleProperty().bind(problems.textProperty().isNotEmpty());
        problemScroll.managedProperty().bind(problemScroll.visibleProperty());
        Label state = new Label();
        state.setId("rtSaveState");
        state.getStyleClass().add("hint");
        state.textProperty().bind(vm.saveStateProperty());
        Button save = EditorParts.saveButton(i18n.get("risk.templates.save"), "rtSave", vm.saveCommand());
        Button close = EditorParts.closeButton(i18n.get("common.close"), "rtClose", () -> {
            if (getScene() != null && getScene().getWindow() instanceof Stage s && vm.confirmClose()) {
                s.close();
            }
        });
        setBottom(EditorParts.footer(problemScroll, EditorParts.buttonBar(List.of(state), save, close)));
        EditorParts.saveOnShortcut(this, vm.saveCommand());
    }

    /** Opens the template window; closing asks before unsaved changes are dropped. */
    public static Stage open(RiskTemplateEditorViewModel vm, I18n i18n, Window owner) {
        RiskTemplateEditorView view = new RiskTemplateEditorView(vm, i18n);
        Stage stage = se.kvalitetshjulet.ui.common.EditorWindow.open(view, owner, 1280, 820, vm::confirmClose);
        se.kvalitetshjulet.ui.common.EditorWindow.helpTopic(stage, "risk-template-editor"); // h1: F1 helps on this editor
        stage.setTitle(i18n.get("risk.templates.title"));
        stage.show();
        vm.refresh(null);
        return stage;
    }

    // ---- the list ----------------------------------------------------------------------

    private Node listPane() {
        ListView<RiskTemplate> list = new ListView<>(vm.templates());
        list.setId("rtList");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(RiskTemplate t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : vm.describe(t));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.selectedProperty().set(t);
            }
        });
        vm.selectedProperty().addListener((o, a, t) -> {
            if (t != null && list.getSelectionModel().getSelectedItem() != t) {
                list.getSelectionModel().select(t);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.editCommand().execute();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.editCommand().execute();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button edit = button("risk.templates.edit", "rtEdit");
        vm.editCommand().bind(edit);
        Button create = button("risk.templates.new", "rtNew");
        vm.newCommand().bind(create);
        Button dup = button("risk.templates.duplicate", "rtDuplicate");
        vm.duplicateCommand().bind(dup);
        Label hint = new Label(i18n.get("risk.templates.listHint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox box = new VBox(8, list, new FlowPane(6, 6, edit, create, dup), hint);
        box.setPadding(new Insets(8, 8, 8, 16));
        box.setMinWidth(260);
        return box;
    }

    // ---- the editor --------------------------------------------------------------------

    private Node editorPane() {
        Label heading = new Label();
        heading.setId("rtHeading");
        heading.getStyleClass().add("h2");
        heading.textProperty().bind(vm.headingProperty());
        Label notice = se.kvalitetshjulet.ui.common.EditorParts.notice("rtNotice", vm.noticeProperty());

        TextField name = new TextField();
        name.setId("rtName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<AnalysisKind> kind = new ComboBox<>();
        kind.setId("rtKind");
        kind.getItems().setAll(AnalysisKind.values());
        Forms.display(kind, i18n::of);
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ComboBox<Integer> size = new ComboBox<>(vm.sizes());
        size.setId("rtSize");
        Forms.display(size, n -> n + " × " + n);
        size.valueProperty().bindBidirectional(vm.sizeProperty());
        CheckBox active = new CheckBox(i18n.get("risk.templates.active"));
        active.setId("rtActive");
        active.selectedProperty().bindBidirectional(vm.activeProperty());
        TextArea steps = new TextArea();
        steps.setId("rtSteps");
        steps.setPrefRowCount(8);
        steps.setPromptText(i18n.get("risk.templates.stepsPrompt"));
        steps.textProperty().bindBidirectional(vm.stepsTextProperty());
        steps.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                steps.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("risk.templates.name"), name);
        Forms.row(g, i18n.get("risk.templates.kind"), kind);
        Forms.row(g, i18n.get("risk.templates.size"), size);
        g.add(active, 1, g.getRowCount());

        RiskMatrixFields matrix = new RiskMatrixFields(vm, i18n);
        Button addBand = button("risk.templates.addBand", "rtAddBand");
        vm.addBandCommand().bind(addBand);

        RiskMatrixPreview preview = new RiskMatrixPreview(vm, i18n);

        Label stepsLabel = new Label(i18n.get("risk.templates.steps"));
        stepsLabel.getStyleClass().add("h2");
        stepsLabel.setLabelFor(steps);
        stepsLabel.setMnemonicParsing(true);
        VBox form = new VBox(10, heading, notice, g,
                section("risk.templates.bands"), hint("risk.templates.bandsHint"), matrix.bands(), addBand,
                section("risk.templates.levels"), hint("risk.templates.levelsHint"), matrix.levels(), stepsLabel, steps);
        form.setPadding(new Insets(8, 12, 12, 8));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        VBox previewBox = new VBox(8, section("risk.templates.preview"), preview);
        previewBox.setPadding(new Insets(8, 16, 12, 12));
        previewBox.setMinWidth(380);
        ScrollPane previewScroll = new ScrollPane(previewBox);
        HBox.setHgrow(formScroll, Priority.ALWAYS);
        HBox editor = new HBox(formScroll, previewScroll);
        editor.disableProperty().bind(vm.editingProperty().not());
        Label empty = new Label(i18n.get("risk.templates.chooseHint"));
        empty.getStyleClass().add("hint");
        empty.visibleProperty().bind(vm.editingProperty().not());
        empty.managedProperty().bind(empty.visibleProperty());
        VBox.setVgrow(editor, Priority.ALWAYS);
        VBox box = new VBox(6, empty, editor);
        box.setPadding(new Insets(8, 0, 0, 8));
        return box;
    }

    // ---- helpers -----------------------------------------------------------------------

    private Button button(String key, String id) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setMnemonicParsing(true);
        return b;
    }

    private Label section(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("h2");
        return l;
    }

    private Label hint(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }
}
