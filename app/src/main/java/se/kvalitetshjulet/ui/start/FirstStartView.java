package se.kvalitetshjulet.ui.start;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.FirstStartService.Step;
import se.kvalitetshjulet.ui.common.EditorParts;
import se.kvalitetshjulet.ui.common.EditorWindow;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * "Kom igång" (decision 0027): the four steps on the left with a tick for each done, the current step's fields in the
 * middle, and "Hoppa över steget", "Fortsätt senare" and "Visa inte igen" at the bottom. Its own window.
 */
public final class FirstStartView extends BorderPane {
    private final FirstStartViewModel vm;
    private final I18n i18n;
    private final BorderPane body = new BorderPane();

    public FirstStartView(FirstStartViewModel vm, I18n i18n, Runnable close) {
        this.vm = vm;
        this.i18n = i18n;
        setId("firstStartView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("h2.guide.title"));
        title.getStyleClass().add("h1");
        Label intro = new Label(i18n.get("h2.guide.intro"));
        intro.setWrapText(true);
        setTop(new VBox(6, title, intro));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 12, 0));

        VBox steps = new VBox(8);
        steps.setPrefWidth(260);
        for (Step s : Step.values()) {
            Label l = new Label();
            l.setId("guideStep" + s.name());
            l.setWrapText(true);
            l.textProperty().bind(Bindings.createStringBinding(() -> (vm.done().contains(s) ? "✓ " : vm.stepProperty()
                    .get() == s && !vm.finishedProperty().get() ? "→ " : "   ") + i18n.get("h2.guide.step." + s.name()),
                    vm.done(), vm.stepProperty(), vm.finishedProperty()));
            steps.getChildren().add(l);
        }
        setLeft(steps);
        BorderPane.setMargin(steps, new Insets(0, 16, 0, 0));
        setCenter(body);
        vm.stepProperty().addListener((o, a, s) -> showStep());
        vm.finishedProperty().addListener((o, a, f) -> showStep());
        showStep();

        Label notice = EditorParts.notice("guideNotice", vm.noticeProperty());
        Button skip = button("h2.guide.skip", "guideSkip", () -> vm.skipCommand().execute());
        skip.disableProperty().bind(vm.finishedProperty());
        Button later = button("h2.guide.later", "guideLater", close);
        Button never = button("h2.guide.never", "guideNever", () -> {
            vm.dismissCommand().execute();
            close.run();
        });
        never.disableProperty().bind(vm.finishedProperty());
        setBottom(new VBox(8, EditorParts.problems("guideProblems", vm.problemsProperty()), notice,
                new HBox(8, skip, later, never)));
        vm.load();
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void showStep() {
        Node content = vm.finishedProperty().get() ? finished() : switch (vm.stepProperty().get()) {
            case NAMES -> names();
            case ORGANISATION -> organisation();
            case LISTS -> lists();
            case ROUND -> round();
        };
        body.setCenter(content);
        // the keyboard goes on where the step begins (its first field or button)
        javafx.application.Platform.runLater(() -> {
            Node first = content.lookup(".text-field");
            (first != null ? first : content.lookup(".button") != null ? content.lookup(".button") : content).requestFocus();
        });
    }

    private VBox step(Step s, Node fields, Node... buttons) {
        Label h = new Label(i18n.get("h2.guide.step." + s.name()));
        h.getStyleClass().add("h2");
        Label help = new Label(i18n.get("h2.guide.help." + s.name()));
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        return new VBox(10, h, help, fields, new HBox(8, buttons));
    }

    private Node names() {
        TextField adm = new TextField();
        adm.setId("guideAdministration");
        adm.textProperty().bindBidirectional(vm.administrationProperty());
        adm.setPromptText(i18n.get("h2.guide.names.administration.prompt"));
        TextField board = new TextField();
        board.setId("guideBoard");
        board.textProperty().bindBidirectional(vm.boardProperty());
        board.setPromptText(i18n.get("h2.guide.names.board.prompt"));
        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("h2.guide.names.administration"), adm);
        Forms.row(g, i18n.get("h2.guide.names.board"), board);
        Button save = button("h2.guide.names.save", "guideSaveNames", () -> vm.saveNamesCommand().execute());
        save.setDefaultButton(true);
        return step(Step.NAMES, g, save);
    }

    private Node organisation() {
        ListView<String> units = new ListView<>(vm.units());
        units.setId("guideUnits");
        units.setPrefHeight(180);
        units.setPlaceholder(new Label(i18n.get("h2.guide.org.empty")));
        TextField name = new TextField();
        name.setId("guideUnitName");
        name.setPromptText(i18n.get("h2.guide.org.unit.prompt"));
        name.setPrefColumnCount(28);
        name.textProperty().bindBidirectional(vm.unitNameProperty());
        name.setOnAction(e -> vm.addUnitCommand().execute());
        Button add = button("h2.guide.org.add", "guideAddUnit", () -> vm.addUnitCommand().execute());
        Button imp = button("h2.guide.org.import", "guideImportOrg", () -> vm.importOrgCommand().execute());
        Button next = button("h2.guide.org.done", "guideOrgDone", () -> vm.skipCommand().execute());
        next.disableProperty().bind(Bindings.isEmpty(vm.units()));
        return step(Step.ORGANISATION, new VBox(8, units, new HBox(8, name, add)), imp, next);
    }

    private Node lists() {
        Button keep = button("h2.guide.lists.keep", "guideKeepLists", () -> vm.keepListsCommand().execute());
        keep.setDefaultButton(true);
        Button imp = button("h2.guide.lists.import", "guideImportLists", () -> vm.importListsCommand().execute());
        return step(Step.LISTS, new VBox(), keep, imp);
    }

    private Node round() {
        ComboBox<Template> template = new ComboBox<>(vm.templates());
        template.setId("guideTemplate");
        Forms.display(template, Template::name);
        template.valueProperty().bindBidirectional(vm.templateProperty());
        TextField name = new TextField();
        name.setId("guideRoundName");
        name.textProperty().bindBidirectional(vm.roundNameProperty());
        DatePicker due = Forms.datePicker();
        due.setId("guideRoundDue");
        due.valueProperty().bindBidirectional(vm.roundDueProperty());
        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("h2.guide.round.template"), template);
        Forms.row(g, i18n.get("h2.guide.round.name"), name);
        Forms.row(g, i18n.get("h2.guide.round.due"), due);
        Label none = new Label(i18n.get("h2.guide.round.noTemplate"));
        none.setWrapText(true);
        none.visibleProperty().bind(Bindings.isEmpty(vm.templates()));
        none.managedProperty().bind(none.visibleProperty());
        Button create = button("h2.guide.round.create", "guideCreateRound", () -> vm.createRoundCommand().execute());
        create.disableProperty().bind(Bindings.isEmpty(vm.templates()));
        return step(Step.ROUND, new VBox(8, g, none), create);
    }

    private Node finished() {
        Label done = new Label(i18n.get("h2.guide.finished"));
        done.setId("guideFinished");
        done.setWrapText(true);
        return new VBox(10, done);
    }

    /** "Öppna guiden …" for Inställningar (the guide can be opened again, also to see that it is done). */
    public static Node openButton(I18n i18n, Runnable open) {
        Button b = new Button(i18n.get("h2.guide.open"));
        b.setId("settingsOpenGuide");
        b.setOnAction(e -> open.run());
        return b;
    }

    /** Opens the guide in its own window. */
    public static Stage open(FirstStartViewModel vm, I18n i18n, Window owner, Runnable afterClose) {
        Stage[] stage = new Stage[1];
        FirstStartView view = new FirstStartView(vm, i18n, () -> stage[0].close());
        stage[0] = EditorWindow.open(view, owner, 900, 600, () -> true);
        stage[0].setTitle(i18n.get("h2.guide.title"));
        stage[0].setOnHidden(e -> afterClose.run());
        stage[0].show();
        return stage[0];
    }
}
