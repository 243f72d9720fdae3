package se.kvalitetshjulet.ui.selfcheck;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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

import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.selfcheck.TemplateEditorViewModel.QuestionItem;
import se.kvalitetshjulet.ui.selfcheck.TemplateEditorViewModel.SectionItem;

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
    private final TextField questionText = new TextField();
    private final VBox findingBox = new VBox(6);
    private QuestionItem bound;
    private SectionItem boundSection;

    public TemplateEditorView(TemplateEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
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
        TextArea description = textArea("tplDescription", 2);
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

        SplitPane split = new SplitPane(sectionsPane(), questionsPane(), detailPane());
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

        KeyCodeCombination saveKey = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
        KeyCodeCombination newQuestion = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
        KeyCodeCombination newSection = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (saveKey.match(e)) {
                vm.saveCommand().execute();
                e.consume();
            } else if (newSection.match(e)) {
                if (vm.addSectionCommand().execute()) {
                    focusLater(sectionTitle);
                }
                e.consume();
            } else if (newQuestion.match(e)) {
                if (vm.addQuestionCommand().execute()) {
                    focusLater(questionText);
                }
                e.consume();
            }
        });
    }

    /** Opens the editor in its own window; closing asks before unsaved changes are dropped. */
    public static Stage open(TemplateEditorViewModel vm, I18n i18n, Window owner) {
        TemplateEditorView view = new TemplateEditorView(vm, i18n);
        Stage stage = se.kvalitetshjulet.ui.common.EditorWindow.open(view, owner, 1200, 780, vm::confirmClose);
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
        ListView<SectionItem> list = new ListView<>(vm.sections());
        list.setId("tplSections");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(SectionItem s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : i18n.get("selfcheck.editor.sectionLine", s.titleProperty().get(),
                        s.questions().size()));
            }
        });
        syncSelection(list, vm.selectedSectionProperty());
        listKeys(list, vm.sectionUpCommand(), vm.sectionDownCommand(), vm.removeSectionCommand());
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

    private void bindSection(SectionItem s) {
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
        ListView<QuestionItem> list = new ListView<>();
        list.setId("tplQuestions");
        list.setPlaceholder(new Label(i18n.get("selfcheck.editor.noQuestionsYet")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(QuestionItem q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : (q.textProperty().get().isBlank()
                        ? i18n.get("selfcheck.editor.untitledQuestion") : q.textProperty().get())
                        + (q.requiredProperty().get() ? " *" : "") + "\n" + i18n.of(q.typeProperty().get()));
            }
        });
        Runnable showSection = () -> {
            SectionItem s = vm.selectedSectionProperty().get();
            list.setItems(s == null ? javafx.collections.FXCollections.observableArrayList() : s.questions());
            list.getSelectionModel().select(vm.selectedQuestionProperty().get());
        };
        vm.selectedSectionProperty().addListener((o, a, s) -> showSection.run());
        showSection.run();
        syncSelection(list, vm.selectedQuestionProperty());
        listKeys(list, vm.questionUpCommand(), vm.questionDownCommand(), vm.removeQuestionCommand());
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

    // ---- the chosen question -----------------------------------------------------------

    private Node detailPane() {
        questionText.setId("tplQuestionText");
        ComboBox<AnswerType> type = new ComboBox<>();
        type.setId("tplQuestionType");
        type.getItems().setAll(AnswerType.values());
        Forms.display(type, i18n::of);
        TextArea options = textArea("tplOptions", 4);
        options.setPromptText(i18n.get("selfcheck.editor.optionsPrompt"));
        Label optionsLabel = label("selfcheck.editor.options", options);
        CheckBox required = new CheckBox(i18n.get("selfcheck.editor.required"));
        required.setId("tplRequired");
        required.setMnemonicParsing(true);
        TextField help = new TextField();
        help.setId("tplHelp");
        TextField reference = new TextField();
        reference.setId("tplReference");
        reference.setPromptText(i18n.get("selfcheck.editor.referencePrompt"));
        TextField key = new TextField();
        key.setId("tplKey");
        findingBox.setId("tplFinding");

        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("selfcheck.editor.questionText"), questionText);
        Forms.row(g, i18n.get("selfcheck.editor.type"), type);
        g.add(optionsLabel, 0, g.getRowCount());
        g.add(options, 1, g.getRowCount() - 1);
        g.add(required, 1, g.getRowCount());
        Forms.row(g, i18n.get("selfcheck.editor.help"), help);
        Forms.row(g, i18n.get("selfcheck.editor.reference"), reference);
        Forms.row(g, i18n.get("selfcheck.editor.finding"), findingBox);
        Forms.row(g, i18n.get("selfcheck.editor.key"), key);

        Label none = new Label(i18n.get("selfcheck.editor.chooseQuestion"));
        none.getStyleClass().add("hint");
        VBox box = new VBox(8, heading("selfcheck.editor.question"), none, g);
        box.setPadding(new Insets(8, 0, 8, 8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);

        java.util.function.Consumer<QuestionItem> bindQuestion = q -> {
            if (bound != null) {
                questionText.textProperty().unbindBidirectional(bound.textProperty());
                type.valueProperty().unbindBidirectional(bound.typeProperty());
                options.textProperty().unbindBidirectional(bound.optionsTextProperty());
                required.selectedProperty().unbindBidirectional(bound.requiredProperty());
                help.textProperty().unbindBidirectional(bound.helpTextProperty());
                reference.textProperty().unbindBidirectional(bound.referenceProperty());
                key.textProperty().unbindBidirectional(bound.keyProperty());
            }
            bound = q;
            none.setVisible(q == null);
            none.setManaged(q == null);
            g.setDisable(q == null);
            if (q == null) {
                for (var f : List.of(questionText, help, reference, key)) {
                    f.setText("");
                }
                options.setText("");
                findingBox.getChildren().clear();
                return;
            }
            questionText.textProperty().bindBidirectional(q.textProperty());
            type.valueProperty().bindBidirectional(q.typeProperty());
            options.textProperty().bindBidirectional(q.optionsTextProperty());
            required.selectedProperty().bindBidirectional(q.requiredProperty());
            help.textProperty().bindBidirectional(q.helpTextProperty());
            reference.textProperty().bindBidirectional(q.referenceProperty());
            key.textProperty().bindBidirectional(q.keyProperty());
            buildFinding(q);
            options.setDisable(q.typeProperty().get() == null || !q.typeProperty().get().hasOptions());
        };
        vm.selectedQuestionProperty().addListener((o, a, q) -> bindQuestion.accept(q));
        // The finding controls follow the type and the options of the bound question.
        type.valueProperty().addListener((o, a, t) -> {
            if (bound != null) {
                buildFinding(bound);
            }
            options.setDisable(t == null || !t.hasOptions());
        });
        options.textProperty().addListener((o, a, b) -> {
            if (bound != null && bound.typeProperty().get() != null && bound.typeProperty().get().hasOptions()) {
                buildFinding(bound);
            }
        });
        bindQuestion.accept(vm.selectedQuestionProperty().get());
        return scroll;
    }

    /** Friendly controls for the finding rule: tick the answers that are findings, or type limits for numbers. */
    private void buildFinding(QuestionItem q) {
        findingBox.getChildren().clear();
        AnswerType t = q.typeProperty().get();
        if (t == null) {
            return;
        }
        if (t == AnswerType.YES_NO || t.hasOptions()) {
            List<String> choices = q.choices();
            if (choices.isEmpty()) {
                findingBox.getChildren().add(hint("selfcheck.editor.findingNeedsOptions"));
                return;
            }
            FlowPane boxes = new FlowPane(14, 6);
            for (String c : choices) {
                CheckBox b = new CheckBox(t == AnswerType.YES_NO ? i18n.get("selfcheck.yesno." + c) : c);
                b.setId("tplFinding-" + c.replaceAll("[^A-Za-z0-9_]", "_"));
                b.setSelected(q.findingValues().contains(c));
                b.selectedProperty().addListener((o, was, is) -> {
                    if (is) {
                        q.findingValues().add(c);
                    } else {
                        q.findingValues().remove(c);
                    }
                });
                boxes.getChildren().add(b);
            }
            findingBox.getChildren().addAll(hint("selfcheck.editor.findingChoices"), boxes);
        } else if (t.numeric()) {
            TextField below = new TextField();
            below.setId("tplBelow");
            below.setPrefColumnCount(6);
            below.textProperty().bindBidirectional(q.belowProperty());
            TextField above = new TextField();
            above.setId("tplAbove");
            above.setPrefColumnCount(6);
            above.textProperty().bindBidirectional(q.aboveProperty());
            String unit = t == AnswerType.PERCENTAGE ? " %" : "";
            HBox row = new HBox(8, label("selfcheck.editor.below", below), below, new Label(unit),
                    label("selfcheck.editor.above", above), above, new Label(unit));
            row.setAlignment(Pos.CENTER_LEFT);
            findingBox.getChildren().addAll(row, hint("selfcheck.editor.findingLimits"));
        } else {
            findingBox.getChildren().add(hint("selfcheck.editor.findingNever"));
        }
    }

    // ---- helpers -----------------------------------------------------------------------

    /** Keeps a list's selection and a view-model property in step (both ways). */
    private static <T> void syncSelection(ListView<T> list, Property<T> selected) {
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item != selected.getValue()) {
                selected.setValue(item);
            }
        });
        selected.addListener((o, a, item) -> {
            if (item == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != item) {
                list.getSelectionModel().select(item);
                list.scrollTo(item);
            }
        });
        list.getItems().addListener((ListChangeListener<T>) c -> {
            T item = selected.getValue();
            if (item != null && list.getSelectionModel().getSelectedItem() != item) {
                list.getSelectionModel().select(item);
            }
        });
        if (selected.getValue() != null) {
            list.getSelectionModel().select(selected.getValue());
        }
    }

    private static void listKeys(ListView<?> list, Command up, Command down, Command remove) {
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                up.execute();
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                down.execute();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                remove.execute();
                e.consume();
            }
        });
    }

    private Button button(String key, String id, Command command, Node focusAfter) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setMnemonicParsing(true);
        command.bind(b);
        if (focusAfter != null) {
            b.setOnAction(e -> {
                if (command.execute()) {
                    focusLater(focusAfter);
                }
            });
        }
        return b;
    }

    private static void focusLater(Node node) {
        javafx.application.Platform.runLater(() -> {
            node.requestFocus();
            if (node instanceof TextField tf) {
                tf.selectAll();
            }
        });
    }

    private TextArea textArea(String id, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPrefRowCount(rows);
        a.setWrapText(true);
        // Tab moves on (as in every other field); Ctrl+Tab is not needed to leave the area.
        a.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                Node n = a;
                if (e.isShiftDown()) {
                    n.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, true, true, false, false));
                } else {
                    n.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, true, false, false));
                }
            }
        });
        return a;
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

    private Label hint(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }
}
