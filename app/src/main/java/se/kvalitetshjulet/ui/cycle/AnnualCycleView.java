package se.kvalitetshjulet.ui.cycle;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.cycle.Occurrence;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.UiLists;
import se.kvalitetshjulet.ui.common.Refreshable;

/** Årshjulet as a calendar list: the year's activities by due date, due soon and overdue marked. */
public final class AnnualCycleView extends BorderPane implements Refreshable {
    private final AnnualCycleViewModel vm;

    public AnnualCycleView(AnnualCycleViewModel vm, I18n i18n) {
        this.vm = vm;
        setId("annualCycleView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("cycle.title"));
        title.getStyleClass().add("h1");
        Button prev = new Button("◀");
        prev.setId("cyclePrevYear");
        prev.setAccessibleText(i18n.get("h3.cycle.previousYear"));
        prev.setTooltip(new javafx.scene.control.Tooltip(i18n.get("h3.cycle.previousYear")));
        vm.previousYearCommand().bind(prev);
        Label year = new Label();
        year.setId("cycleYear");
        year.getStyleClass().add("h2");
        year.textProperty().bind(vm.yearProperty().asString());
        Button next = new Button("▶");
        next.setId("cycleNextYear");
        next.setAccessibleText(i18n.get("h3.cycle.nextYear"));
        next.setTooltip(new javafx.scene.control.Tooltip(i18n.get("h3.cycle.nextYear")));
        vm.nextYearCommand().bind(next);
        Button export = new Button(i18n.get("cycle.export"));
        export.setId("cycleExportIcs");
        vm.exportIcsCommand().bind(export);
        HBox header = new HBox(12, title, prev, year, next, export);
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);
        BorderPane.setMargin(header, new Insets(0, 0, 12, 0));

        TableView<Occurrence> table = new TableView<>(vm.occurrences());
        table.setId("cycleTable");
        table.setPlaceholder(new Label(i18n.get("cycle.empty")));
        table.getColumns().setAll(List.of(
                UiLists.<Occurrence>column(i18n.get("cycle.col.due"), 110, o -> Forms.DATE.format(o.dueOn())),
                UiLists.<Occurrence>column(i18n.get("cycle.col.title"), 320, o -> o.activity().title()),
                UiLists.<Occurrence>column(i18n.get("cycle.col.status"), 130, o -> i18n.of(o.status())),
                UiLists.<Occurrence>column(i18n.get("cycle.col.doneOn"), 110,
                        o -> o.doneOn() == null ? "" : Forms.DATE.format(o.doneOn())),
                UiLists.<Occurrence>column(i18n.get("cycle.col.recurring"), 90,
                        o -> o.activity().recurring() ? i18n.get("cycle.yearly") : i18n.get("cycle.once"))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(Occurrence o, boolean empty) {
                super.updateItem(o, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("overdue"),
                        !empty && o != null && o.status() == Occurrence.CycleStatus.OVERDUE);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        setCenter(table);

        TextField name = new TextField();
        name.setId("cycleTitle");
        name.textProperty().bindBidirectional(vm.titleProperty());
        TextArea description = new TextArea();
        description.setId("cycleDescription");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        Spinner<Integer> month = new Spinner<>(1, 12, 1);
        month.setId("cycleMonth");
        month.setEditable(true);
        month.getValueFactory().valueProperty().addListener((o, a, b) -> vm.monthProperty().set(b));
        vm.monthProperty().addListener((o, a, b) -> month.getValueFactory().setValue(b.intValue()));
        Spinner<Integer> day = new Spinner<>(1, 31, 1);
        day.setId("cycleDay");
        day.setEditable(true);
        day.getValueFactory().valueProperty().addListener((o, a, b) -> vm.dayProperty().set(b));
        vm.dayProperty().addListener((o, a, b) -> day.getValueFactory().setValue(b.intValue()));
        CheckBox recurring = new CheckBox(i18n.get("cycle.recurring"));
        recurring.setId("cycleRecurring");
        recurring.selectedProperty().bindBidirectional(vm.recurringProperty());
        CheckBox active = new CheckBox(i18n.get("cycle.active"));
        active.setId("cycleActive");
        active.selectedProperty().bindBidirectional(vm.activeProperty());
        Button save = new Button(i18n.get("common.save"));
        save.setId("cycleSave");
        save.getStyleClass().add("primary");
        vm.saveCommand().bind(save);
        Button add = new Button(i18n.get("cycle.new"));
        add.setId("cycleNew");
        vm.newCommand().bind(add);
        Button done = new Button(i18n.get("cycle.toggleDone"));
        done.setId("cycleToggleDone");
        vm.toggleDoneCommand().bind(done);
        Label problems = new Label();
        problems.setId("cycleProblems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problemsProperty());
        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("cycle.col.title"), name);
        Forms.row(g, i18n.get("cycle.description"), description);
        Forms.row(g, i18n.get("cycle.month"), month);
        Forms.row(g, i18n.get("cycle.day"), day);
        g.add(new HBox(12, recurring, active), 1, g.getRowCount());
        g.add(new HBox(8, save, add, done), 1, g.getRowCount());
        VBox right = new VBox(10, g, problems);
        right.setPadding(new Insets(0, 0, 0, 16));
        right.setPrefWidth(420);
        HBox.setHgrow(right, Priority.NEVER);
        setRight(right);
    }

    @Override
    public void refresh() {
        vm.load();
    }
}
