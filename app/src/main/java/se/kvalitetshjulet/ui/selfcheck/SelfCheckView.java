package se.kvalitetshjulet.ui.selfcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
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
    private final SelfCheckFormViewModel formVm;
    private final HandoverViewModel handover;
    private final I18n i18n;
    private FileChoosers files = new PlatformFileChoosers(this::window);
    private final VBox form = new VBox(14);
    private final QuestionCards cards;
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);
    private final PauseTransition autosaveMaxWait = new PauseTransition(AUTOSAVE_MAX_WAIT);

    public SelfCheckView(SelfCheckViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.formVm = vm.form();
        this.handover = vm.handover();
        this.cards = new QuestionCards(formVm, i18n);
        setId("selfCheckView");
        getStyleClass().add("screen");
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("selfcheck.title"));
        title.getStyleClass().add("h1");
        setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));

        TabPane tabs = new TabPane(
                tab("selfCheckTabMine", "selfcheck.tab.mine", mine()),
                tab("selfCheckTabRounds", "selfcheck.tab.rounds", new RoundsTab(vm, i18n, () -> files).build()),
                tab("selfCheckTabTemplates", "selfcheck.tab.templates", new TemplatesTab(vm, i18n, this::window).build()),
                tab("selfCheckTabCompilation", "selfcheck.tab.compilation", compilation()),
                tab("selfCheckTabBilagaYear", "selfcheck.tab.bilagaYear", new Bilaga2YearPane(vm.bilagaYear(), i18n)));
        if (!vm.mayManage()) { // h3 (decision 0034): a section chief fills in; the coordinator keeps the rest
            tabs.getTabs().removeIf(t -> !"selfCheckTabMine".equals(t.getId()));
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null && "selfCheckTabBilagaYear".equals(t.getId())) {
                vm.bilagaYear().refresh();
            }
        });
        tabs.setId("selfCheckTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);

        // the timers save quietly (paused while a refused draft waits for a choice); Ctrl+S asks again (decision 0029)
        autosave.setOnFinished(e -> autosaveNow());
        autosaveMaxWait.setOnFinished(e -> autosaveNow());
        formVm.editsProperty().addListener((o, a, b) -> {
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

    private void autosaveNow() {
        autosave.stop();
        autosaveMaxWait.stop();
        formVm.autosave();
    }

    /** Saves the draft now: after a pause in typing, at the latest {@link #AUTOSAVE_MAX_WAIT} after a change, or on Ctrl+S. */
    private void saveDraftNow() {
        autosave.stop();
        autosaveMaxWait.stop();
        formVm.saveDraftCommand().execute();
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

    // ---- Mina egenkontroller ---------------------------------------------------------

    private Node mine() {
        ComboBox<Unit> unit = new ComboBox<>(formVm.myUnits());
        unit.setId("selfCheckMyUnit");
        Forms.display(unit, Unit::name);
        unit.valueProperty().bindBidirectional(formVm.myUnitProperty());
        unit.setMaxWidth(Double.MAX_VALUE);
        Label unitLabel = new Label(i18n.get("selfcheck.mine.unit"));
        unitLabel.setLabelFor(unit);
        unitLabel.setMnemonicParsing(true);

        ListView<ResponseRow> list = new ListView<>(formVm.myResponses());
        list.setId("selfCheckMyList");
        list.setAccessibleText(i18n.get("h3.name.selfCheckMyList"));
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
                formVm.selectedResponseProperty().set(r);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button openForm = SelfCheckParts.handoverButton("selfCheckOpenFormFile", i18n.get("selfcheck.handover.openForm"),
                handover.canOpenFormFileProperty(), () -> files.openFile(i18n.get("selfcheck.handover.openForm"),
                        SelfCheckHandoverJson.FORM_EXTENSION).ifPresent(handover::openFormFile));
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
        progressText.textProperty().bind(formVm.progressTextProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(formVm.progressProperty());
        bar.setPrefWidth(160);
        Label saveState = new Label();
        saveState.setId("selfCheckSaveState");
        saveState.getStyleClass().add("hint");
        saveState.textProperty().bind(formVm.saveStateProperty());
        Button submit = new Button(i18n.get("selfcheck.form.submit"));
        submit.setId("selfCheckSubmit");
        submit.getStyleClass().add("primary");
        formVm.submitCommand().bind(submit);
        cards.afterLast(submit::requestFocus);
        Button reopen = new Button(i18n.get("selfcheck.reopen.button"));
        reopen.setId("selfCheckReopen");
        formVm.reopenCommand().bind(reopen);
        HBox progressRow = new HBox(10, bar, progressText, saveState);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        // No empty progress bar and no dead buttons before a self-check is opened: only the hint below shows.
        progressRow.visibleProperty().bind(formVm.formResponseProperty().isNotNull());
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        Button exportAnswers = SelfCheckParts.handoverButton("selfCheckExportAnswers", i18n.get("selfcheck.handover.exportAnswers"),
                handover.canExportAnswersProperty(), () -> files.saveFile(i18n.get("selfcheck.handover.exportAnswers"),
                        handover.suggestedAnswersFileName(), SelfCheckHandoverJson.ANSWERS_EXTENSION).ifPresent(handover::exportAnswers));
        HBox buttons = new HBox(10, status, submit, reopen, exportAnswers);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.visibleProperty().bind(formVm.formResponseProperty().isNotNull());
        buttons.managedProperty().bind(buttons.visibleProperty());
        Label problems = new Label();
        problems.setId("selfCheckProblems");
        problems.getStyleClass().add("validation-message");
        problems.setWrapText(true);
        problems.textProperty().bind(formVm.formProblemsProperty());
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        VBox header = new VBox(6, formTitle, progressRow, buttons, problems);
        header.setPadding(new Insets(0, 0, 8, 0));

        formVm.formResponseProperty().addListener((o, a, r) -> formTitle.setText(r == null ? ""
                : r.roundName() + " – " + r.unitName()));
        formVm.formStatusProperty().addListener((o, a, s) -> status.setText(s == null ? ""
                : i18n.get("selfcheck.form.status", i18n.of(s))));
        formVm.items().addListener((ListChangeListener<SelfCheckViewModel.QuestionItem>) c -> buildForm());
        formVm.formActions().addListener((ListChangeListener<Object>) c -> buildForm());
        formVm.actionQuestionProperty().addListener((o, a, q) -> buildForm());

        form.setPadding(new Insets(4, 12, 12, 4));
        form.setId("selfCheckForm");
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        se.kvalitetshjulet.ui.common.ScrollToFocus.follow(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label empty = new Label(i18n.get("selfcheck.mine.choose"));
        empty.getStyleClass().add("hint");
        form.getChildren().setAll(empty);
        VBox right = new VBox(4, header, scroll);
        right.setPadding(new Insets(0, 0, 0, 10));
        right.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (se.kvalitetshjulet.ui.common.Shortcuts.SUBMIT.match(e)) {
                formVm.submitCommand().execute();
                e.consume();
            } else if (se.kvalitetshjulet.ui.common.Shortcuts.SAVE.match(e)) {
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
        cards.clear();
        List<Node> nodes = new ArrayList<>();
        String section = null;
        for (SelfCheckViewModel.QuestionItem item : formVm.items()) {
            if (!item.section().equals(section)) {
                section = item.section();
                Label h = new Label(section);
                h.getStyleClass().add("h2");
                nodes.add(h);
            }
            nodes.add(cards.questionCard(item));
        }
        if (formVm.actionQuestionProperty().get() != null) {
            nodes.add(cards.actionForm());
        }
        form.getChildren().setAll(nodes);
    }

    // ---- Sammanställning -------------------------------------------------------------

    private Node compilation() {
        return new CompilationView(vm, i18n);
    }

}
