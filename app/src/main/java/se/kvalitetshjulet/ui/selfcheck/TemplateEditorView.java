package se.kvalitetshjulet.ui.selfcheck;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.EditorLists;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The self-check template editor window: sections on the left, the questions of the chosen section in the middle,
 * the chosen question on the right. Keyboard: Ctrl+S saves, Ctrl+N adds a question, Ctrl+Shift+N a section,
 * Alt+Up/Alt+Down move the chosen section or question (in the list that has focus), Delete removes it, Escape closes
 * (asking before unsaved changes are dropped). Tab leaves the multi-line fields.
 */
public final class TemplateEditorView extends BorderPane {
    private final TemplateEditorViewModel vm;
    private final I18n i18n;
    private final TextField sectionTitle = new TextField();
    private final TemplateQuestionDetail detail;
    private final TextField questionText;
    private TemplateSectionItem boundSection;

    public TemplateEditorView(TemplateEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.detail = new TemplateQuestionDetail(vm.selectedQuestionProperty(), i18n);
        this.questionText = detail.questionText();
        setId("templateEditor");
        getStyleClass().add("editor");

        Label heading = new Label();
        heading.setId("tplHeading");
        heading.getStyleClass().add("h1");
        heading.textProperty().bind(vm.headingProperty());
        Label frozen = se.kvalitetshjulet.ui.common.EditorParts.notice("tplFrozenNotice", vm.frozenNoticeProperty());
        TextField name = new TextField();
        name.setId("tplName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextArea description = EditorLists.textArea("tplDescription", 2);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        GridPane head = Forms.grid();
        Forms.row(head, i18n.get("selfcheck.editor.name"), name);
        Forms.row(head, i18n.get("selfcheck.editor.description"), description);
        Label keys = new Label(i18n.get("selfcheck.editor.keys"));
        keys.getStyleClass().add("hint");
        keys.setWrapText(true);
        VBox top = new VBox(8, heading, frozen, head, keys);
        top.setPadding(new Insets(12, 16, 8, 16));
        setTop(top);

        SplitPane split = new SplitPane(sectionsPane(), questionsPane(), detail);
        split.setDividerPositions(0.22, 0.5);
        split.setPadding(new Insets(0, 16, 0, 16));
        setCenter(split);

        Label problems = new Label();
        problems.setId("tplProblems");
        problems.getStyleClass().add("validation-message");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                vm.problems().stream().map(p -> "• " + p).toList()), vm.problems()));
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        ScrollPane problemScroll = new ScrollPane(problems);
        problemScroll.setFitToWidth(true);
        problemScroll.setMaxHeight(110);
        problemScroll.visibleProperty().bind(problems.textProperty().isNotEmpty());
        problemScroll.managedProperty().bind(problemScroll.visibleProperty());
        Label state = new Label();
        state.setId("tplSaveState");
        state.getStyleClass().add("hint");
        state.textProperty().bind(vm.saveStateProperty());
        Button save = new Button(i18n.get("selfcheck.editor.save"));
        save.setId("tplSave");
        save.getStyleClass().add("primary");
        vm.saveCommand().bind(save);
        Button close = new Button(i18n.get("common.close"));
        close.setId("tplClose");
        close.setCancelButton(true);
        close.setOnAction(e -> requestClose());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, state, spacer, save, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(8, problemScroll, buttons);
        bottom.setPadding(new Insets(8, 16, 12, 16));
        setBottom(bottom);

        KeyCombination saveKey = se.kvalitetshjulet.ui.common.Shortcuts.SAVE;
        KeyCombination newQuestion = se.kvalitetshjulet.ui.common.Shortcuts.NEW;
        KeyCombination newSection = se.kvalitetshjulet.ui.common.Shortcuts.NEW_SECTION;
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (saveKey.match(e)) {
                vm.saveCommand().execute();
                e.consume();
            } else if (newSection.match(e)) {
                if (vm.addSectionCommand().execute()) {
                    EditorLists.focusLater(sectionTitle);
                }
                e.consume();
            } else if (newQuestion.match(e)) {
                if (vm.addQuestionCommand().execute()) {
                    EditorLists.focusLater(questionText);
                }
                e.consume();
            }
        });
    }

    /** Opens the editor in its own window; closing asks before unsaved changes are dropped. */
    public static Stage open(TemplateEditorViewModel vm, I18n i18n, Window owner) {
        TemplateEditorView view = new TemplateEditorView(vm, i18n);
        Stage stage = se.kvalitetshjulet.ui.common.EditorWindow.open(view, owner, 1200, 780, vm::confirmClose);
        se.kvalitetshjulet.ui.common.EditorWindow.helpTopic(stage, "selfcheck-template-editor"); // h1: F1 helps on this editor
        stage.titleProperty().bind(vm.headingProperty());
        stage.show();
        return stage;
    }

    private void requestClose() {
        if (getScene() != null && getScene().getWindow() instanceof Stage s && vm.confirmClose()) {
            s.close();
        }
    }

    // ---- sections ----------------------------------------------------------------------

    private Node sectionsPane() {
        Label title = heading("selfcheck.editor.sections");
        ListView<TemplateSectionItem> list = new ListView<>(vm.sections());
        list.setId("tplSections");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(TemplateSectionItem s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : i18n.get("selfcheck.editor.sectionLine", s.titleProperty().get(),
                        s.questions().size()));
            }
        });
        EditorLists.syncSelection(list, vm.selectedSectionProperty());
        EditorLists.listKeys(list, vm.sectionUpCommand(), vm.sectionDownCommand(), vm.removeSectionCommand());
        VBox.setVgrow(list, Priority.ALWAYS);

        sectionTitle.setId("tplSectionTitle");
        Label titleLabel = label("selfcheck.editor.sectionTitle", sectionTitle);
        vm.selectedSectionProperty().addListener((o, a, s) -> bindSection(s));
        bindSection(vm.selectedSectionProperty().get());

        FlowPane buttons = new FlowPane(6, 6,
                button("selfcheck.editor.addSection", "tplAddSection", vm.addSectionCommand(), sectionTitle),
                button("selfcheck.editor.remove", "tplRemoveSection", vm.removeSectionCommand(), null),
                button("selfcheck.editor.up", "tplSectionUp", vm.sectionUpCommand(), null),
                button("selfcheck.editor.down", "tplSectionDown", vm.sectionDownCommand(), null));
        VBox box = new VBox(6, title, list, titleLabel, sectionTitle, buttons);
        box.setPadding(new Insets(8, 8, 8, 0));
        box.setMinWidth(200);
        return box;
    }

    private void bindSection(TemplateSectionItem s) {
        if (boundSection != null) {
            sectionTitle.textProperty().unbindBidirectional(boundSection.titleProperty());
        }
        boundSection = s;
        sectionTitle.setDisable(s == null);
        if (s == null) {
            sectionTitle.setText("");
        } else {
            sectionTitle.textProperty().bindBidirectional(s.titleProperty());
        }
    }

    // ---- questions ---------------------------------------------------------------------

    private Node questionsPane() {
        Label title = heading("selfcheck.editor.questions");
        ListView<TemplateQuestionItem> list = new ListView<>();
        list.setId("tplQuestions");
        Label empty = new Label(i18n.get("selfcheck.editor.noQuestionsYet"));
        empty.setWrapText(true); // a narrow outline: the hint wraps instead of ending in "…"
        empty.setPadding(new javafx.geometry.Insets(8));
        list.setPlaceholder(empty);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(TemplateQuestionItem q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : (q.textProperty().get().isBlank()
                        ? i18n.get("selfcheck.editor.untitledQuestion") : q.textProperty().get())
                        + (q.requiredProperty().get() ? " *" : "") + "\n" + i18n.of(q.typeProperty().get()));
            }
        });
        Runnable showSection = () -> {
            TemplateSectionItem s = vm.selectedSectionProperty().get();
            list.setItems(s == null ? javafx.collections.FXCollections.observableArrayList() : s.questions());
            list.getSelectionModel().select(vm.selectedQuestionProperty().get());
        };
        vm.selectedSectionProperty().addListener((o, a, s) -> showSection.run());
        showSection.run();
        EditorLists.syncSelection(list, vm.selectedQuestionProperty());
        EditorLists.listKeys(list, vm.questionUpCommand(), vm.questionDownCommand(), vm.removeQuestionCommand());
        VBox.setVgrow(list, Priority.ALWAYS);
        FlowPane buttons = new FlowPane(6, 6,
                button("selfcheck.editor.addQuestion", "tplAddQuestion", vm.addQuestionCommand(), questionText),
                button("selfcheck.editor.remove", "tplRemoveQuestion", vm.removeQuestionCommand(), null),
                button("selfcheck.editor.up", "tplQuestionUp", vm.questionUpCommand(), null),
                button("selfcheck.editor.down", "tplQuestionDown", vm.questionDownCommand(), null));
        VBox box = new VBox(6, title, list, buttons);
        box.setPadding(new Insets(8));
        box.setMinWidth(240);
        return box;
    }

    // ---- helpers -----------------------------------------------------------------------

    private Button button(String key, String id, Command command, Node focusAfter) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setMnemonicParsing(true);
        command.bind(b);
        if (focusAfter != null) {
            b.setOnAction(e -> {
                if (command.execute()) {
                    EditorLists.focusLater(focusAfter);
                }
            });
        }
        return b;
    }

    private Label heading(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("h2");
        return l;
    }

    private Label label(String key, Node target) {
        Label l = new Label(i18n.get(key));
        l.setLabelFor(target);
        l.setMnemonicParsing(true);
        return l;
    }
}
