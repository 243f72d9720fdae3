package se.kvalitetshjulet.ui.selfcheck;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.SelfCheckHandoverJson;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * Egenkontroller: tabs for the section chief's own self-checks (with the fill-in form), the
 * coordinator's rounds, the templates and the compilation. The form works by keyboard
 * (Tab between answers, Space/arrows to choose, Ctrl+Enter to submit, Ctrl+S to save) and
 * saves a draft 1.5 seconds after the last change.
 */
public final class SelfCheckView extends BorderPane implements Refreshable {
    static final Duration AUTOSAVE_DELAY = Duration.seconds(1.5);
    /** Someone who never pauses typing is still saved this long after the first unsaved change. */
    static final Duration AUTOSAVE_MAX_WAIT = Duration.seconds(5);

    /**
     * Where the hand-over buttons get their files and folders from: the platform's file
     * choosers normally, something else in tests. The view model only ever gets a path.
     */
    public interface FileChoosers {
        Optional<Path> saveFile(String title, String suggestedName, String extension);

        Optional<Path> openFile(String title, String extension);

        List<Path> openFiles(String title, String extension);

        Optional<Path> folder(String title);
    }

    private final SelfCheckViewModel vm;
    private final I18n i18n;
    private FileChoosers files = new PlatformFileChoosers();
    private final VBox form = new VBox(14);
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);
    private final PauseTransition autosaveMaxWait = new PauseTransition(AUTOSAVE_MAX_WAIT);

    public SelfCheckView(SelfCheckViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("selfCheckView");
        getStyleClass().add("screen");
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("selfcheck.title"));
        title.getStyleClass().add("h1");
        setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));

        TabPane tabs = new TabPane(
                tab("selfCheckTabMine", "selfcheck.tab.mine", mine()),
                tab("selfCheckTabRounds", "selfcheck.tab.rounds", rounds()),
                tab("selfCheckTabTemplates", "selfcheck.tab.templates", templates()),
                tab("selfCheckTabCompilation", "selfcheck.tab.compilation", compilation()));
        tabs.setId("selfCheckTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);

        autosave.setOnFinished(e -> saveDraftNow());
        autosaveMaxWait.setOnFinished(e -> saveDraftNow());
        vm.editsProperty().addListener((o, a, b) -> {
            autosave.playFromStart();
            if (autosaveMaxWait.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                autosaveMaxWait.playFromStart();
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, x, window) -> {
                    if (window != null) {
                        window.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, ev -> vm.autosave());
                    }
                });
            } else {
                vm.autosave();
            }
        });
    }

    /** Saves the draft now: after a pause in typing, at the latest {@link #AUTOSAVE_MAX_WAIT} after a change, or on Ctrl+S. */
    private void saveDraftNow() {
        autosave.stop();
        autosaveMaxWait.stop();
        vm.saveDraftCommand().execute();
    }

    private static Tab tab(String id, String key, Node content, I18n i18n) {
        Tab t = new Tab(i18n.get(key), content);
        t.setId(id);
        return t;
    }

    private Tab tab(String id, String key, Node content) {
        return tab(id, key, content, i18n);
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    /** Replaces the file choosers of the hand-over buttons (tests). */
    public void setFileChoosers(FileChoosers choosers) {
        this.files = choosers;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** The platform's file and folder choosers, owned by this view's window, starting in the home folder. */
    private final class PlatformFileChoosers implements FileChoosers {
        private FileChooser chooser(String title, String extension) {
            FileChooser fc = new FileChooser();
            fc.setTitle(title);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("*" + extension, "*" + extension));
            File home = new File(System.getProperty("user.home"));
            if (home.isDirectory()) {
                fc.setInitialDirectory(home);
            }
            return fc;
        }

        @Override
        public Optional<Path> saveFile(String title, String suggestedName, String extension) {
            FileChooser fc = chooser(title, extension);
            fc.setInitialFileName(suggestedName);
            return Optional.ofNullable(fc.showSaveDialog(window())).map(File::toPath);
        }

        @Override
        public Optional<Path> openFile(String title, String extension) {
            return Optional.ofNullable(chooser(title, extension).showOpenDialog(window())).map(File::toPath);
        }

        @Override
        public List<Path> openFiles(String title, String extension) {
            List<File> chosen = chooser(title, extension).showOpenMultipleDialog(window());
            return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
        }

        @Override
        public Optional<Path> folder(String title) {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(title);
            return Optional.ofNullable(dc.showDialog(window())).map(File::toPath);
        }
    }

    private static Button handoverButton(String id, String text, javafx.beans.binding.BooleanBinding enabled,
                                         Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(enabled.not());
        b.setOnAction(e -> action.run());
        return b;
    }

    // ---- Mina egenkontroller ---------------------------------------------------------

    private Node mine() {
        ComboBox<Unit> unit = new ComboBox<>(vm.myUnits());
        unit.setId("selfCheckMyUnit");
        Forms.display(unit, Unit::name);
        unit.valueProperty().bindBidirectional(vm.myUnitProperty());
        unit.setMaxWidth(Double.MAX_VALUE);
        Label unitLabel = new Label(i18n.get("selfcheck.mine.unit"));
        unitLabel.setLabelFor(unit);
        unitLabel.setMnemonicParsing(true);

        ListView<ResponseRow> list = new ListView<>(vm.myResponses());
        list.setId("selfCheckMyList");
        list.setCellFactory(lv -> new ListCell<>() {
            {
                // Long round names wrap inside the list instead of hiding behind a horizontal scroll bar.
                setWrapText(true);
                prefWidthProperty().bind(lv.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(ResponseRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("overdue");
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                setText(r.roundName() + "\n" + i18n.of(r.status()) + " · " + i18n.get("selfcheck.due", r.dueOn())
                        + (r.overdue() ? " · " + i18n.get("selfcheck.overdue") : ""));
                if (r.overdue()) {
                    getStyleClass().add("overdue");
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.selectedResponseProperty().set(r);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button openForm = handoverButton("selfCheckOpenFormFile", i18n.get("selfcheck.handover.openForm"),
                vm.canOpenFormFileProperty(), () -> files.openFile(i18n.get("selfcheck.handover.openForm"),
                        SelfCheckHandoverJson.FORM_EXTENSION).ifPresent(vm::openFormFile));
        openForm.setMaxWidth(Double.MAX_VALUE);
        VBox left = new VBox(6, unitLabel, unit, list, openForm);
        left.setMinWidth(240);
        left.setPrefWidth(300);

        // header of the form: name, status, progress, save state, buttons
        Label formTitle = new Label();
        formTitle.getStyleClass().add("h2");
        formTitle.setId("selfCheckFormTitle");
        formTitle.setWrapText(true);
        Label status = new Label();
        status.setId("selfCheckStatus");
        Label progressText = new Label();
        progressText.setId("selfCheckProgress");
        progressText.textProperty().bind(vm.progressTextProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(160);
        Label saveState = new Label();
        saveState.setId("selfCheckSaveState");
        saveState.getStyleClass().add("hint");
        saveState.textProperty().bind(vm.saveStateProperty());
        Button submit = new Button(i18n.get("selfcheck.form.submit"));
        submit.setId("selfCheckSubmit");
        submit.getStyleClass().add("primary");
        vm.submitCommand().bind(submit);
        Button reopen = new Button(i18n.get("selfcheck.reopen.button"));
        reopen.setId("selfCheckReopen");
        vm.reopenCommand().bind(reopen);
        HBox progressRow = new HBox(10, bar, progressText, saveState);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        // No empty progress bar and no dead buttons before a self-check is opened: only the hint below shows.
        progressRow.visibleProperty().bind(vm.formResponseProperty().isNotNull());
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        Button exportAnswers = handoverButton("selfCheckExportAnswers", i18n.get("selfcheck.handover.exportAnswers"),
                vm.canExportAnswersProperty(), () -> files.saveFile(i18n.get("selfcheck.handover.exportAnswers"),
                        vm.suggestedAnswersFileName(), SelfCheckHandoverJson.ANSWERS_EXTENSION).ifPresent(vm::exportAnswers));
        HBox buttons = new HBox(10, status, submit, reopen, exportAnswers);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.visibleProperty().bind(vm.formResponseProperty().isNotNull());
        buttons.managedProperty().bind(buttons.visibleProperty());
        Label problems = new Label();
        problems.setId("selfCheckProblems");
        problems.getStyleClass().add("validation-message");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.formProblemsProperty());
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        VBox header = new VBox(6, formTitle, progressRow, buttons, problems);
        header.setPadding(new Insets(0, 0, 8, 0));

        vm.formResponseProperty().addListener((o, a, r) -> formTitle.setText(r == null ? ""
                : r.roundName() + " – " + r.unitName()));
        vm.formStatusProperty().addListener((o, a, s) -> status.setText(s == null ? ""
                : i18n.get("selfcheck.form.status", i18n.of(s))));
        vm.items().addListener((ListChangeListener<SelfCheckViewModel.QuestionItem>) c -> buildForm());
        vm.formActions().addListener((ListChangeListener<Object>) c -> buildForm());
        vm.actionQuestionProperty().addListener((o, a, q) -> buildForm());

        form.setPadding(new Insets(4, 12, 12, 4));
        form.setId("selfCheckForm");
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label empty = new Label(i18n.get("selfcheck.mine.choose"));
        empty.getStyleClass().add("hint");
        form.getChildren().setAll(empty);
        VBox right = new VBox(4, header, scroll);
        right.setPadding(new Insets(0, 0, 0, 10));
        right.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.submitCommand().execute();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                saveDraftNow();
                e.consume();
            }
        });
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(left, false);
        return split;
    }

    private void buildForm() {
        List<Node> nodes = new ArrayList<>();
        String section = null;
        for (SelfCheckViewModel.QuestionItem item : vm.items()) {
            if (!item.section().equals(section)) {
                section = item.section();
                Label h = new Label(section);
                h.getStyleClass().add("h2");
                nodes.add(h);
            }
            nodes.add(questionCard(item));
        }
        if (vm.actionQuestionProperty().get() != null) {
            nodes.add(actionForm());
        }
        form.getChildren().setAll(nodes);
    }

    private Node questionCard(SelfCheckViewModel.QuestionItem item) {
        Question q = item.question();
        Label text = new Label(q.text() + (q.required() ? " *" : ""));
        text.setWrapText(true);
        text.setStyle("-fx-font-weight: bold;");
        VBox card = new VBox(6, text);
        card.getStyleClass().add("card");
        if (q.helpText() != null && !q.helpText().isBlank()) {
            Label help = new Label(q.helpText());
            help.getStyleClass().add("hint");
            help.setWrapText(true);
            card.getChildren().add(help);
        }
        if (q.reference() != null && !q.reference().isBlank()) {
            Label ref = new Label(i18n.get("selfcheck.form.reference", q.reference()));
            ref.getStyleClass().add("hint");
            ref.setWrapText(true);
            card.getChildren().add(ref);
        }
        Node control = control(item);
        text.setLabelFor(control);
        card.getChildren().add(control);
        TextField comment = new TextField();
        comment.setId("comment-" + q.id());
        comment.setPromptText(i18n.get("selfcheck.form.comment"));
        comment.textProperty().bindBidirectional(item.commentProperty());
        comment.disableProperty().bind(vm.lockedProperty());
        card.getChildren().add(comment);
        Label problem = new Label();
        problem.getStyleClass().add("validation-message");
        problem.textProperty().bind(item.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        card.getChildren().add(problem);

        Label finding = new Label(i18n.get("selfcheck.form.finding"));
        finding.getStyleClass().add("overdue-badge");
        Button action = new Button(i18n.get("selfcheck.action.create"));
        action.setId("action-" + q.id());
        action.setOnAction(e -> vm.startAction(item));
        HBox findingRow = new HBox(10, finding, action);
        findingRow.setAlignment(Pos.CENTER_LEFT);
        findingRow.visibleProperty().bind(item.findingProperty());
        findingRow.managedProperty().bind(item.findingProperty());
        card.getChildren().add(findingRow);
        for (String line : vm.actionsFor(item)) {
            Label l = new Label(line);
            l.setWrapText(true);
            card.getChildren().add(l);
        }
        return card;
    }

    private Node control(SelfCheckViewModel.QuestionItem item) {
        Question q = item.question();
        String id = "answer-" + q.id();
        return switch (q.type()) {
            case YES_NO, SINGLE_CHOICE -> {
                ToggleGroup group = new ToggleGroup();
                FlowPane box = new FlowPane(16, 6);
                box.setId(id);
                for (String choice : q.choices()) {
                    RadioButton b = new RadioButton(q.type() == AnswerType.YES_NO
                            ? i18n.get("selfcheck.yesno." + choice) : choice);
                    b.setId(id + "-" + choice.replaceAll("[^A-Za-z0-9_]", "_"));
                    b.setUserData(choice);
                    b.setToggleGroup(group);
                    b.setSelected(choice.equals(item.valueProperty().get()));
                    b.disableProperty().bind(vm.lockedProperty());
                    box.getChildren().add(b);
                }
                group.selectedToggleProperty().addListener((o, a, t) ->
                        item.valueProperty().set(t == null ? "" : (String) t.getUserData()));
                yield box;
            }
            case MULTIPLE_CHOICE -> {
                FlowPane box = new FlowPane(16, 6);
                box.setId(id);
                Set<String> selected = new HashSet<>(AnswerValues.split(item.valueProperty().get()));
                List<CheckBox> boxes = new ArrayList<>();
                for (String choice : q.choices()) {
                    CheckBox c = new CheckBox(choice);
                    c.setSelected(selected.contains(choice));
                    c.disableProperty().bind(vm.lockedProperty());
                    boxes.add(c);
                    c.selectedProperty().addListener((o, a, b) -> item.valueProperty().set(AnswerValues.join(
                            boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList())));
                    box.getChildren().add(c);
                }
                yield box;
            }
            case DATE -> {
                DatePicker dp = Forms.datePicker();
                dp.setId(id);
                String v = item.valueProperty().get();
                dp.setValue(v != null && AnswerValues.isDate(v) ? LocalDate.parse(v) : null);
                dp.valueProperty().addListener((o, a, d) -> item.valueProperty().set(d == null ? "" : d.toString()));
                dp.disableProperty().bind(vm.lockedProperty());
                yield dp;
            }
            default -> {
                TextField f = new TextField();
                f.setId(id);
                f.setPromptText(i18n.get("selfcheck.form.prompt." + q.type().name()));
                f.textProperty().bindBidirectional(item.valueProperty());
                f.disableProperty().bind(vm.lockedProperty());
                if (q.type() != AnswerType.TEXT) {
                    f.setMaxWidth(200);
                }
                yield f;
            }
        };
    }

    private Node actionForm() {
        SelfCheckViewModel.QuestionItem item = vm.actionQuestionProperty().get();
        Label title = new Label(i18n.get("selfcheck.action.title", item.question().text()));
        title.getStyleClass().add("h2");
        title.setWrapText(true);
        GridPane g = Forms.grid();
        TextField what = new TextField();
        what.setId("actionWhat");
        what.textProperty().bindBidirectional(vm.actionWhatProperty());
        TextField who = new TextField();
        who.setId("actionResponsible");
        who.textProperty().bindBidirectional(vm.actionResponsibleProperty());
        DatePicker due = Forms.datePicker();
        due.setId("actionDue");
        due.valueProperty().bindBidirectional(vm.actionDueProperty());
        Forms.row(g, i18n.get("selfcheck.action.what"), what);
        Forms.row(g, i18n.get("selfcheck.action.responsible"), who);
        Forms.row(g, i18n.get("selfcheck.action.due"), due);
        Label problems = new Label();
        problems.getStyleClass().add("validation-message");
        problems.textProperty().bind(vm.actionProblemsProperty());
        Button save = new Button(i18n.get("selfcheck.action.save"));
        save.setId("actionSave");
        save.getStyleClass().add("primary");
        vm.addActionCommand().bind(save);
        Button cancel = new Button(i18n.get("common.cancel"));
        cancel.setOnAction(e -> vm.actionQuestionProperty().set(null));
        VBox box = new VBox(8, title, g, problems, new HBox(10, save, cancel));
        box.getStyleClass().add("card");
        javafx.application.Platform.runLater(what::requestFocus);
        return box;
    }

    // ---- Omgångar --------------------------------------------------------------------

    private Node rounds() {
        TableView<RoundRow> table = new TableView<>(vm.rounds());
        table.setId("selfCheckRoundTable");
        table.getColumns().add(col("selfcheck.round.col.name", r -> r.round().name(), 230));
        table.getColumns().add(col("selfcheck.round.col.template", RoundRow::templateLabel, 150));
        table.getColumns().add(col("selfcheck.round.col.due", r -> String.valueOf(r.round().dueOn()), 100));
        table.getColumns().add(col("selfcheck.round.col.units", r -> Long.toString(r.units()), 70));
        table.getColumns().add(col("selfcheck.round.col.submitted", r -> Long.toString(r.submitted()), 90));
        table.getColumns().add(col("selfcheck.round.col.notAnswered", r -> Long.toString(r.notAnswered()), 110));
        table.getColumns().add(col("selfcheck.round.col.overdue", r -> Long.toString(r.overdue()), 90));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedRoundProperty().set(r));

        TableView<ResponseRow> units = new TableView<>(vm.roundResponses());
        units.setId("selfCheckRoundUnits");
        units.getColumns().add(col("selfcheck.round.col.unit", ResponseRow::unitName, 240));
        units.getColumns().add(col("selfcheck.round.col.status", r -> i18n.of(r.status()), 120));
        units.getColumns().add(col("selfcheck.round.col.updated", r -> r.updatedAt() == null ? ""
                : r.updatedAt().toLocalDate().toString(), 110));
        units.getColumns().add(col("selfcheck.round.col.isOverdue", r -> r.overdue() ? i18n.get("selfcheck.overdue") : "", 110));
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
        Button exportForm = handoverButton("selfCheckExportUnitForm", i18n.get("selfcheck.handover.exportForm"),
                vm.canExportUnitFormProperty(), () -> files.saveFile(i18n.get("selfcheck.handover.exportForm"),
                        vm.suggestedFormFileName(), SelfCheckHandoverJson.FORM_EXTENSION).ifPresent(vm::exportFormForUnit));
        Button exportAll = handoverButton("selfCheckExportAllForms", i18n.get("selfcheck.handover.exportAllForms"),
                vm.canExportAllFormsProperty(), () -> files.folder(i18n.get("selfcheck.handover.exportAllForms"))
                        .ifPresent(vm::exportAllForms));
        Button importAnswers = handoverButton("selfCheckImportAnswers", i18n.get("selfcheck.handover.importAnswers"),
                vm.canImportAnswersProperty(), () -> vm.importAnswerFiles(files.openFiles(
                        i18n.get("selfcheck.handover.importAnswers"), SelfCheckHandoverJson.ANSWERS_EXTENSION)));
        FlowPane handover = new FlowPane(8, 8, exportForm, exportAll, importAnswers);
        Label summary = new Label();
        summary.setId("selfCheckHandoverSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.handoverSummaryProperty());
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        VBox unitsBox = new VBox(6, only, units, handover, summary);
        VBox.setVgrow(units, Priority.ALWAYS);

        // new round
        GridPane g = Forms.grid();
        ComboBox<Template> template = new ComboBox<>(vm.templates());
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
        Forms.row(g, i18n.get("selfcheck.round.scopeUnit"), scope);
        Forms.row(g, i18n.get("selfcheck.round.scopeArea"), area);
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

    // ---- Mallar ----------------------------------------------------------------------

    private Node templates() {
        ListView<Template> list = new ListView<>(vm.templates());
        list.setId("selfCheckTemplateList");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.label() + (t.frozen() ? " · " + i18n.get("selfcheck.template.frozen") : ""));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> vm.selectedTemplateProperty().set(t));
        vm.selectedTemplateProperty().addListener((o, a, t) -> {
            if (t != null && list.getSelectionModel().getSelectedItem() != t) {
                list.getSelectionModel().select(t);
                list.scrollTo(t);
            }
        });
        Button newTemplate = new Button(i18n.get("selfcheck.template.new"));
        newTemplate.setId("templateNew");
        vm.newTemplateCommand().bind(newTemplate);
        Button editTemplate = new Button(i18n.get("selfcheck.template.edit"));
        editTemplate.setId("templateEdit");
        vm.editTemplateCommand().bind(editTemplate);
        vm.templateEditorRequestProperty().addListener((o, a, editor) -> {
            if (editor != null) {
                TemplateEditorView.open(editor, i18n, getScene() == null ? null : getScene().getWindow());
            }
        });
        Button dup = new Button(i18n.get("selfcheck.template.duplicate"));
        vm.duplicateTemplateCommand().bind(dup);
        Button rename = new Button(i18n.get("selfcheck.template.rename"));
        vm.renameTemplateCommand().bind(rename);
        Button export = new Button(i18n.get("selfcheck.template.export"));
        export.setId("templateExport");
        vm.exportTemplateCommand().bind(export);
        Button imp = new Button(i18n.get("selfcheck.template.import"));
        imp.setId("templateImport");
        vm.importTemplateCommand().bind(imp);
        FlowPane buttons = new FlowPane(8, 8, newTemplate, editTemplate, dup, rename, export, imp);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(8, list, buttons);
        left.setPrefWidth(340);

        VBox detail = new VBox(8);
        detail.setPadding(new Insets(0, 0, 0, 12));
        ListView<Template> history = new ListView<>(vm.templateHistory());
        history.setPrefHeight(110);
        history.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : i18n.get("selfcheck.template.versionLine", t.version(), t.name(),
                        t.frozen() ? i18n.get("selfcheck.template.frozen") : i18n.get("selfcheck.template.editable")));
            }
        });
        vm.selectedTemplateProperty().addListener((o, a, t) -> {
            detail.getChildren().clear();
            if (t == null) {
                return;
            }
            Label name = new Label(t.label());
            name.getStyleClass().add("h2");
            Label desc = new Label(t.description() == null ? "" : t.description());
            desc.setWrapText(true);
            Label hist = new Label(i18n.get("selfcheck.template.history"));
            hist.setStyle("-fx-font-weight: bold;");
            detail.getChildren().addAll(name, desc, hist, history);
            for (var s : t.sections()) {
                Label h = new Label(s.title());
                h.getStyleClass().add("h2");
                detail.getChildren().add(h);
                for (Question q : s.questions()) {
                    String rule = q.findingRule().isNone() ? "" : " · " + i18n.get("selfcheck.template.findingRule",
                            describeRule(q));
                    Label l = new Label("• " + q.text() + (q.required() ? " *" : "") + "\n   "
                            + i18n.of(q.type()) + rule + (q.reference() == null ? ""
                            : " · " + i18n.get("selfcheck.form.reference", q.reference())));
                    l.setWrapText(true);
                    detail.getChildren().add(l);
                }
            }
        });
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.3);
        return split;
    }

    private String describeRule(Question q) {
        List<String> parts = new ArrayList<>();
        q.findingRule().values().stream().sorted().forEach(v -> parts.add(q.type() == AnswerType.YES_NO
                ? i18n.get("selfcheck.yesno." + v) : v));
        if (q.findingRule().below() != null) {
            parts.add(i18n.get("selfcheck.template.below", q.findingRule().below()));
        }
        if (q.findingRule().above() != null) {
            parts.add(i18n.get("selfcheck.template.above", q.findingRule().above()));
        }
        return String.join(", ", parts);
    }

    // ---- Sammanställning -------------------------------------------------------------

    private Node compilation() {
        return new CompilationView(vm, i18n);
    }

    private <T> TableColumn<T, String> col(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

}
