package se.kvalitetshjulet.ui.plan;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.plan.Dialogue;
import se.kvalitetshjulet.domain.plan.Goal;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.UiLists;
import se.kvalitetshjulet.ui.common.Refreshable;

/** Kvalitetsdialog och kvalitetsplan: a unit's dialogues per work group and its plan for the year with progress. */
public final class QualityPlanView extends BorderPane implements Refreshable {
    private final QualityPlanViewModel vm;
    private final I18n i18n;

    public QualityPlanView(QualityPlanViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("qualityPlanView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("plan.title"));
        title.getStyleClass().add("h1");
        ComboBox<Unit> unit = UiLists.withAll(vm.units(), u -> "  ".repeat(u.level().ordinal()) + u.name(),
                i18n.get("plan.chooseUnit"));
        unit.setId("planUnit");
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        Spinner<Integer> year = new Spinner<>(2000, 2100, vm.yearProperty().get());
        year.setId("planYear");
        year.setEditable(true);
        year.setPrefWidth(100);
        year.getValueFactory().valueProperty().addListener((o, a, b) -> vm.yearProperty().set(b));
        HBox header = new HBox(12, title, unit, new Label(i18n.get("plan.year")), year);
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);
        BorderPane.setMargin(header, new Insets(0, 0, 12, 0));
        Label problems = new Label();
        problems.setId("planProblems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problemsProperty());
        TabPane tabs = new TabPane(tab("planTabDialogues", i18n.get("plan.tab.dialogues"), dialogues()),
                tab("planTabPlan", i18n.get("plan.tab.plan"), plan()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        setCenter(new VBox(8, problems, tabs));
    }

    private static Tab tab(String id, String text, Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    private static TextArea area(String id, javafx.beans.property.StringProperty p) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPrefRowCount(2);
        a.setWrapText(true);
        a.textProperty().bindBidirectional(p);
        return a;
    }

    private Node dialogues() {
        ListView<Dialogue> list = new ListView<>(vm.dialogues());
        list.setId("planDialogues");
        list.setAccessibleText(i18n.get("h3.name.planDialogues"));
        list.setPrefWidth(280);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Dialogue d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? "" : d.year() + " – " + d.workGroup()
                        + (d.heldOn() == null ? "" : " (" + Forms.DATE.format(d.heldOn()) + ")"));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> vm.selectedDialogueProperty().set(d));
        TextField group = new TextField();
        group.setId("planWorkGroup");
        group.textProperty().bindBidirectional(vm.workGroupProperty());
        DatePicker held = Forms.datePicker();
        held.setId("planHeldOn");
        held.valueProperty().bindBidirectional(vm.heldOnProperty());
        TextField led = new TextField();
        led.setId("planLedBy");
        led.textProperty().bindBidirectional(vm.ledByProperty());
        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("plan.workGroup"), group);
        Forms.row(g, i18n.get("plan.heldOn"), held);
        Forms.row(g, i18n.get("plan.ledBy"), led);
        Label inputs = new Label(i18n.get("plan.inputs"));
        inputs.getStyleClass().add("h3");
        g.add(inputs, 0, g.getRowCount(), 2, 1);
        Forms.row(g, i18n.get("plan.staff"), area("planStaff", vm.staffProperty()));
        Forms.row(g, i18n.get("plan.users"), area("planUsers", vm.usersProperty()));
        Forms.row(g, i18n.get("plan.relatives"), area("planRelatives", vm.relativesProperty()));
        Forms.row(g, i18n.get("plan.survey"), area("planSurvey", vm.surveyProperty()));
        Forms.row(g, i18n.get("plan.complaints"), area("planComplaints", vm.complaintsProperty()));
        Label outcomes = new Label(i18n.get("plan.outcomes"));
        outcomes.getStyleClass().add("h3");
        g.add(outcomes, 0, g.getRowCount(), 2, 1);
        Forms.row(g, i18n.get("plan.strengths"), area("planStrengths", vm.strengthsProperty()));
        Forms.row(g, i18n.get("plan.improvements"), area("planImprovements", vm.improvementsProperty()));
        Button save = new Button(i18n.get("common.save"));
        save.setId("planSaveDialogue");
        save.getStyleClass().add("primary");
        vm.saveDialogueCommand().bind(save);
        Button add = new Button(i18n.get("plan.newDialogue"));
        add.setId("planNewDialogue");
        vm.newDialogueCommand().bind(add);
        g.add(new HBox(8, save, add), 1, g.getRowCount());
        ScrollPane form = new ScrollPane(g);
        form.setFitToWidth(true);
        HBox.setHgrow(form, Priority.ALWAYS);
        HBox box = new HBox(12, list, form);
        box.setPadding(new Insets(8));
        return box;
    }

    private TableView<ActionRow> actions(String id, javafx.collections.ObservableList<ActionRow> rows) {
        TableView<ActionRow> t = new TableView<>(rows);
        t.setId(id);
        t.setPrefHeight(150);
        t.setPlaceholder(new Label(i18n.get("council.none")));
        t.getColumns().setAll(List.of(
                UiLists.<ActionRow>column(i18n.get("action.col.what"), 320, r -> r.measure().what()),
                UiLists.<ActionRow>column(i18n.get("action.col.sourceRef"), 200, r -> i18n.of(r.source()) + ": " + r.sourceRef()),
                UiLists.<ActionRow>column(i18n.get("action.col.responsible"), 130, r -> r.measure().responsible()),
                UiLists.<ActionRow>column(i18n.get("action.col.due"), 100,
                        r -> r.measure().dueOn() == null ? "" : Forms.DATE.format(r.measure().dueOn())),
                UiLists.<ActionRow>column(i18n.get("action.col.status"), 130, r -> i18n.of(r.status(vm.today())))));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private Node plan() {
        Button open = new Button(i18n.get("plan.open"));
        open.setId("planOpen");
        open.getStyleClass().add("primary");
        vm.openPlanCommand().bind(open);
        Button fromDialogues = new Button(i18n.get("plan.fromDialogues"));
        fromDialogues.setId("planFromDialogues");
        vm.goalsFromDialoguesCommand().bind(fromDialogues);
        Label progress = new Label();
        progress.setId("planProgress");
        progress.textProperty().bind(vm.progressProperty());
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(300);
        vm.planProperty().addListener((o, a, p) -> bar.setProgress(p == null ? 0 : p.progress().share()));

        TableView<Goal> goals = new TableView<>(vm.goals());
        goals.setId("planGoals");
        goals.setPrefHeight(170);
        goals.setPlaceholder(new Label(i18n.get("plan.noGoals")));
        goals.getColumns().setAll(List.of(
                UiLists.<Goal>column(i18n.get("plan.goal"), 360, Goal::goal),
                UiLists.<Goal>column(i18n.get("plan.indicator"), 220, Goal::indicator),
                UiLists.<Goal>column(i18n.get("action.col.status"), 120, g -> i18n.of(g.status()))));
        goals.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        goals.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> vm.selectedGoalProperty().set(g));
        ComboBox<Goal.GoalStatus> status = new ComboBox<>();
        status.setId("planGoalStatus");
        status.setAccessibleText(i18n.get("h3.name.planGoalStatus"));
        status.getItems().setAll(Goal.GoalStatus.values());
        Forms.display(status, i18n::of);
        status.valueProperty().bindBidirectional(vm.goalStatusProperty());
        Button setStatus = new Button(i18n.get("plan.setStatus"));
        setStatus.setId("planSetStatus");
        vm.setGoalStatusCommand().bind(setStatus);
        TextField goal = new TextField();
        goal.setId("planGoalText");
        goal.setPromptText(i18n.get("plan.goal"));
        goal.textProperty().bindBidirectional(vm.goalTextProperty());
        HBox.setHgrow(goal, Priority.ALWAYS);
        TextField indicator = new TextField();
        indicator.setId("planGoalIndicator");
        indicator.setPromptText(i18n.get("plan.indicator"));
        indicator.textProperty().bindBidirectional(vm.goalIndicatorProperty());
        Button addGoal = new Button(i18n.get("plan.addGoal"));
        addGoal.setId("planAddGoal");
        vm.addGoalCommand().bind(addGoal);

        TextField what = new TextField();
        what.setId("planActivityWhat");
        what.setPromptText(i18n.get("plan.activity"));
        what.textProperty().bindBidirectional(vm.activityWhatProperty());
        HBox.setHgrow(what, Priority.ALWAYS);
        TextField who = new TextField();
        who.setId("planActivityResponsible");
        who.setPromptText(i18n.get("action.col.responsible"));
        who.textProperty().bindBidirectional(vm.activityResponsibleProperty());
        DatePicker due = Forms.datePicker();
        due.setId("planActivityDue");
        due.valueProperty().bindBidirectional(vm.activityDueProperty());
        Button addActivity = new Button(i18n.get("plan.addActivity"));
        addActivity.setId("planAddActivity");
        vm.addActivityCommand().bind(addActivity);

        ComboBox<ActionRow> linkable = new ComboBox<>(vm.linkable());
        linkable.setId("planLinkable");
        linkable.setAccessibleText(i18n.get("h3.name.planLinkable"));
        linkable.setPrefWidth(420);
        Forms.display(linkable, r -> i18n.of(r.source()) + ": " + r.measure().what(), i18n.get("plan.chooseAction"));
        linkable.valueProperty().bindBidirectional(vm.toLinkProperty());
        Button link = new Button(i18n.get("plan.link"));
        link.setId("planLink");
        vm.linkCommand().bind(link);

        VBox box = new VBox(8, new HBox(8, open, fromDialogues), new HBox(12, bar, progress),
                h3("plan.goals"), goals, new HBox(8, status, setStatus), new HBox(8, goal, indicator, addGoal),
                h3("plan.activities"), actions("planActivities", vm.activities()), new HBox(8, what, who, due, addActivity),
                h3("plan.linked"), actions("planLinked", vm.linked()), new HBox(8, linkable, link));
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Label h3(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("h3");
        return l;
    }

    @Override
    public void refresh() {
        vm.refresh();
    }
}
