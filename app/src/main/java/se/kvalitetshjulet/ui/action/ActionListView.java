package se.kvalitetshjulet.ui.action;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.action.ActionStatus;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.UiLists;
import se.kvalitetshjulet.ui.common.Refreshable;

/** Åtgärder: one list of every improvement action, with filters, a pager and the selected action's follow-up. */
public final class ActionListView extends BorderPane implements Refreshable {
    private final ActionListViewModel vm;

    public ActionListView(ActionListViewModel vm, I18n i18n) {
        this.vm = vm;
        setId("actionListView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("action.title"));
        title.getStyleClass().add("h1");

        TextField name = new TextField();
        name.setId("actionMyName");
        name.setPromptText(i18n.get("action.filter.myName"));
        name.textProperty().bindBidirectional(vm.myNameProperty());
        name.setOnAction(e -> vm.showMine(name.getText()));
        CheckBox mine = new CheckBox(i18n.get("action.filter.mine"));
        mine.setId("actionMine");
        mine.selectedProperty().bindBidirectional(vm.mineOnlyProperty());
        ComboBox<Unit> unit = UiLists.withAll(vm.units(), u -> "  ".repeat(u.level().ordinal()) + u.name(),
                i18n.get("action.filter.allUnits"));
        unit.setId("actionUnit");
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        // h2 (decision 0027): "Mina enheter" are the units from Inställningar (or the login's grants)
        CheckBox myUnits = new CheckBox(i18n.get("h2.action.filter.myUnits"));
        myUnits.setId("actionMyUnits");
        myUnits.selectedProperty().bindBidirectional(vm.myUnitsOnlyProperty());
        myUnits.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.meProperty().get().units().isEmpty(), vm.meProperty()));
        unit.disableProperty().bind(vm.myUnitsOnlyProperty());
        var mineTip = new javafx.scene.control.Tooltip();
        mineTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.meProperty().get()
                .roles().isEmpty() ? i18n.get("h2.action.filter.mine.tipNoRoles")
                : i18n.get("h2.action.filter.mine.tip", String.join(", ", vm.meProperty().get().roles())), vm.meProperty()));
        mine.setTooltip(mineTip);
        myUnits.setTooltip(new javafx.scene.control.Tooltip(i18n.get("h2.action.filter.myUnits.tip")));
        CheckBox overdue = new CheckBox(i18n.get("action.filter.overdue"));
        overdue.setId("actionOverdue");
        overdue.selectedProperty().bindBidirectional(vm.overdueOnlyProperty());
        ComboBox<ActionSource> source = UiLists.withAll(List.of(ActionSource.values()), i18n::of,
                i18n.get("action.filter.allSources"));
        source.setId("actionSource");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        ComboBox<ActionStatus> status = UiLists.withAll(List.of(ActionStatus.values()), i18n::of,
                i18n.get("action.filter.allStatuses"));
        status.setId("actionStatus");
        status.valueProperty().bindBidirectional(vm.statusProperty());
        for (var p : List.of(vm.mineOnlyProperty(), vm.unitProperty(), vm.overdueOnlyProperty(), vm.sourceProperty(),
                vm.statusProperty(), vm.myUnitsOnlyProperty())) {
            p.addListener((o, a, b) -> vm.searchCommand().execute());
        }
        FlowPane filters = new FlowPane(8, 8, name, mine, myUnits, unit, overdue, source, status);
        filters.getStyleClass().add("filter-bar");

        TableView<ActionRow> table = new TableView<>(vm.rows());
        table.setId("actionTable");
        table.setPlaceholder(new Label(i18n.get("action.empty")));
        table.getColumns().setAll(List.of(
                UiLists.<ActionRow>column(i18n.get("action.col.what"), 300, r -> r.measure().what()),
                UiLists.<ActionRow>column(i18n.get("action.col.source"), 110, r -> i18n.of(r.source())),
                UiLists.<ActionRow>column(i18n.get("action.col.sourceRef"), 220, ActionRow::sourceRef),
                UiLists.<ActionRow>column(i18n.get("action.col.unit"), 160, ActionRow::unitName),
                UiLists.<ActionRow>column(i18n.get("action.col.responsible"), 140, r -> r.measure().responsible()),
                UiLists.<ActionRow>column(i18n.get("action.col.due"), 100,
                        r -> r.measure().dueOn() == null ? "" : Forms.DATE.format(r.measure().dueOn())),
                UiLists.<ActionRow>column(i18n.get("action.col.status"), 140, r -> i18n.of(r.status(vm.today())))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(ActionRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("overdue"),
                        !empty && item != null && item.status(vm.today()) == ActionStatus.OVERDUE);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedProperty().set(r));
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r != table.getSelectionModel().getSelectedItem()) {
                if (r == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(r);
                }
            }
        });

        Label summary = new Label();
        summary.setId("actionSummary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the count keeps its words beside the pager (125 %, decision 0028)
        Button prev = new Button(i18n.get("action.previous"));
        prev.setId("actionPrevious");
        vm.previousCommand().bind(prev);
        Button next = new Button(i18n.get("action.next"));
        next.setId("actionNext");
        vm.nextCommand().bind(next);
        HBox pager = new HBox(8, summary, prev, next);
        pager.setAlignment(Pos.CENTER_LEFT);

        setTop(new VBox(12, title, filters));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 12, 0));
        setCenter(new VBox(8, table, pager));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        setRight(detail(i18n));
    }

    private VBox detail(I18n i18n) {
        Label heading = new Label(i18n.get("action.detail.title"));
        heading.getStyleClass().add("h2");
        Label what = new Label();
        what.setId("actionDetailWhat");
        what.setWrapText(true);
        what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? i18n.get("action.detail.none")
                : vm.selectedProperty().get().measure().what() + "\n" + i18n.get("action.detail.source",
                        i18n.of(vm.selectedProperty().get().source()), vm.selectedProperty().get().sourceRef()),
                vm.selectedProperty()));
        DatePicker doneOn = Forms.datePicker();
        doneOn.setId("actionDoneOn");
        doneOn.valueProperty().bindBidirectional(vm.doneOnProperty());
        Button markDone = new Button(i18n.get("action.markDone"));
        markDone.setId("actionMarkDone");
        vm.markDoneCommand().bind(markDone);
        TextArea effect = new TextArea();
        effect.setId("actionEffectCheck");
        effect.setPrefRowCount(3);
        effect.setWrapText(true);
        effect.setPromptText(i18n.get("action.effectCheck.prompt"));
        effect.textProperty().bindBidirectional(vm.effectCheckProperty());
        ComboBox<Boolean> effective = new ComboBox<>();
        effective.setId("actionEffective");
        effective.getItems().setAll(java.util.Arrays.asList(null, Boolean.TRUE, Boolean.FALSE));
        Forms.display(effective, b -> i18n.get(b ? "action.effective.yes" : "action.effective.no"),
                i18n.get("action.effective.unknown"));
        effective.valueProperty().bindBidirectional(vm.effectiveProperty());
        Button close = new Button(i18n.get("action.close"));
        close.setId("actionClose");
        close.getStyleClass().add("primary");
        vm.closeCommand().bind(close);
        Button reopen = new Button(i18n.get("action.reopen"));
        reopen.setId("actionReopen");
        vm.reopenCommand().bind(reopen);
        Label problems = new Label();
        problems.setId("actionProblems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problemsProperty());
        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("action.doneOn"), doneOn);
        g.add(markDone, 1, g.getRowCount());
        Forms.row(g, i18n.get("action.effectCheck"), effect);
        Forms.row(g, i18n.get("action.effective"), effective);
        g.add(new HBox(8, close, reopen), 1, g.getRowCount());
        VBox box = new VBox(10, heading, what, g, problems);
        box.setPadding(new Insets(0, 0, 0, 16));
        box.setPrefWidth(380);
        return box;
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    /** h5 (decision 0030): others' changes to actions reload the shown page, never while a follow-up is being written. */
    @Override
    public java.util.Set<se.kvalitetshjulet.domain.change.ChangeTopic> shows() {
        return java.util.EnumSet.of(se.kvalitetshjulet.domain.change.ChangeTopic.ACTIONS);
    }

    @Override
    public void othersChanged(java.util.Set<se.kvalitetshjulet.domain.change.ChangeTopic> changed) {
        vm.othersChanged();
    }
}
