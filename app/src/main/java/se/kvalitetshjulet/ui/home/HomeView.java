package se.kvalitetshjulet.ui.home;

import java.util.function.LongConsumer;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * Home screen, "what needs me now": a few large numbers, my overdue and upcoming actions, pending self-checks,
 * upcoming council meetings and annual-cycle activities, recent chart signals, and the deviations whose deadline
 * has passed.
 */
public final class HomeView extends BorderPane implements Refreshable {
    private final HomeViewModel vm;
    private final VBox box;
    private final Label listsLoading;
    /** Builds the lists and the table (decision 0039); null once they are shown. */
    private java.util.function.Supplier<java.util.List<javafx.scene.Node>> lists;

    public HomeView(HomeViewModel vm, I18n i18n, LongConsumer openDeviation, Runnable showOverdue) {
        this.vm = vm;
        setId("homeView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("home.title"));
        title.getStyleClass().add("h1");

        FlowPane cards = new FlowPane(16, 16,
                card(vm, i18n, "cardOverdue", i18n.get("home.card.overdueDeviations"), vm.overdueDeviationsProperty(), true),
                card(vm, i18n, "cardActions", i18n.get("home.card.overdueActions"), vm.overdueActionsProperty(), true),
                card(vm, i18n, "cardSerious", i18n.get("home.card.openSerious"), vm.openSeriousProperty(), false),
                card(vm, i18n, "cardRecent", i18n.get("home.card.lastThirtyDays"), vm.lastThirtyDaysProperty(), false));
        // the numbers on one line whatever the length of the text under them (a FlowPane centres its rows)
        cards.setRowValignment(javafx.geometry.VPos.TOP);

        javafx.scene.control.TextField name = new javafx.scene.control.TextField();
        name.setId("homeMyName");
        name.setPromptText(i18n.get("action.filter.myName"));
        name.textProperty().bindBidirectional(vm.myNameProperty());
        name.setOnAction(e -> vm.rememberNameCommand().execute());
        Button remember = new Button(i18n.get("home.mine.show"));
        remember.setId("homeRememberName");
        vm.rememberNameCommand().bind(remember);
        javafx.scene.layout.HBox nameRow = new javafx.scene.layout.HBox(8, new Label(i18n.get("home.mine.who")), name,
                remember);
        nameRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        // decision 0039: the lists and the table come after the window's first frame (their cells, scroll bars and
        // headers were most of its styling); until then one line says they are coming
        Label listsLoading = new Label(i18n.get("h1.home.listsLoading"));
        listsLoading.setId("homeListsLoading");
        VBox box = new VBox(16, title, cards, nameRow, listsLoading);
        this.box = box;
        this.listsLoading = listsLoading;
        this.lists = () -> {
            FlowPane lists = new FlowPane(16, 16,
                    list("homeMyOverdue", i18n.get("home.mine.overdue"), vm.myOverdue(), r -> i18n.get("home.actionLine",
                            r.measure().what(), date(r.measure().dueOn()), i18n.of(r.source()), r.sourceRef()), i18n),
                    list("homeMyUpcoming", i18n.get("home.mine.upcoming", HomeViewModel.UPCOMING_DAYS), vm.myUpcoming(),
                            r -> i18n.get("home.actionLine", r.measure().what(), date(r.measure().dueOn()),
                                    i18n.of(r.source()), r.sourceRef()), i18n),
                    list("homeSelfChecks", i18n.get("home.selfChecks"), vm.pendingSelfChecks(), r -> i18n.get(
                            "home.selfCheckLine", r.roundName(), r.unitName(), date(r.dueOn()), i18n.of(r.status())), i18n),
                    list("homeMeetings", i18n.get("home.meetings"), vm.upcomingMeetings(), r -> i18n.get("home.meetingLine",
                            date(r.heldOn()), r.unitName(), r.title()), i18n),
                    list("homeCycle", i18n.get("home.cycle"), vm.upcomingCycle(), o -> i18n.get("home.cycleLine",
                            date(o.dueOn()), o.activity().title(), i18n.of(o.status())), i18n),
                    list("homeSignals", i18n.get("home.signals"), vm.signals(), vm::describe, i18n));
            Label listTitle = new Label(i18n.get("home.mostOverdue"));
            listTitle.getStyleClass().add("h2");
            TableView<DeviationRow> table = new TableView<>(vm.mostOverdue());
            table.setId("homeOverdueTable");
            table.setPlaceholder(new Label(i18n.get("home.noneOverdue")));
            TableColumn<DeviationRow, String> ref = new TableColumn<>(i18n.get("deviation.col.caseRef"));
            ref.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().caseRef()));
            TableColumn<DeviationRow, String> kind = new TableColumn<>(i18n.get("deviation.col.kind"));
            kind.setCellValueFactory(c -> new SimpleStringProperty(i18n.of(c.getValue().kind())));
            TableColumn<DeviationRow, String> unit = new TableColumn<>(i18n.get("deviation.col.unit"));
            unit.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().unitName()));
            TableColumn<DeviationRow, String> due = new TableColumn<>(i18n.get("deviation.col.due"));
            due.setCellValueFactory(c -> new SimpleStringProperty(
                    c.getValue().dueOn() == null ? "" : Forms.DATE.format(c.getValue().dueOn())));
            TableColumn<DeviationRow, String> what = new TableColumn<>(i18n.get("deviation.col.title"));
            what.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().title()));
            table.getColumns().setAll(java.util.List.of(ref, kind, unit, due, what));
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.setRowFactory(tv -> {
                TableRow<DeviationRow> row = new TableRow<>();
                row.setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2 && !row.isEmpty()) {
                        openDeviation.accept(row.getItem().id());
                    }
                });
                return row;
            });
            table.setOnKeyPressed(e -> {
                DeviationRow r = table.getSelectionModel().getSelectedItem();
                if (e.getCode() == KeyCode.ENTER && r != null) {
                    openDeviation.accept(r.id());
                }
            });
            Button all = new Button(i18n.get("home.showAllOverdue"));
            all.setId("homeShowOverdue");
            all.setOnAction(e -> showOverdue.run());

            table.setPrefHeight(260);
            return java.util.List.of(lists, listTitle, table, all);
        };
        if (vm.aggregatesOnly()) {
            // h5 (issue 15): läsare/nämnd: the counts of their units, no case, no name, no free text
            cards.getChildren().removeIf(n -> "cardActions".equals(n.getId()));
            Label only = new Label(i18n.get("h5.lasare.home"));
            only.setId("homeAggregatesOnly");
            only.setWrapText(true);
            box.getChildren().setAll(title, only, cards);
            lists = null;
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    /**
     * h2 (decision 0027): "Kom igång" at the top while the first-start guide is not done ({@code open} null: gone).
     */
    public void offerGuide(String text, String buttonText, Runnable open) {
        if (open == null) {
            setTop(null);
            return;
        }
        Label l = new Label(text);
        l.setWrapText(true);
        javafx.scene.control.Button b = new javafx.scene.control.Button(buttonText);
        b.setId("homeOpenGuide");
        b.setOnAction(e -> open.run());
        javafx.scene.layout.HBox banner = new javafx.scene.layout.HBox(12, l, b);
        banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        banner.getStyleClass().add("settings-section");
        javafx.scene.layout.BorderPane.setMargin(banner, new javafx.geometry.Insets(0, 0, 12, 0));
        setTop(banner);
    }

    private static String date(java.time.LocalDate d) {
        return d == null ? "" : Forms.DATE.format(d);
    }

    private <T> VBox list(String id, String heading, javafx.collections.ObservableList<T> items,
                          java.util.function.Function<T, String> text, I18n i18n) {
        Label h = new Label(heading);
        h.getStyleClass().add("h2");
        h.setWrapText(true);
        h.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.ListView<T> view = new javafx.scene.control.ListView<>(items);
        view.setId(id);
        Label empty = new Label();
        // until the first read is in, an empty list says it is loading, not "Inget just nu." (nothing invented)
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(vm.loadedProperty())
                .then(i18n.get("home.nothing")).otherwise(i18n.get("h2.home.loading")));
        view.setPlaceholder(empty);
        view.setPrefHeight(170);
        view.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : text.apply(item));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox box = new VBox(6, h, view);
        box.setPrefWidth(420);
        return box;
    }

    private static VBox card(HomeViewModel vm, I18n i18n, String id, String text, LongProperty value, boolean alarm) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("card-number");
        // h2 (decision 0033): the counts are read after the window is shown; until then no number is invented
        number.textProperty().bind(javafx.beans.binding.Bindings.when(vm.loadedProperty())
                .then(value.asString()).otherwise(i18n.get("h2.home.loading")));
        if (alarm) {
            value.addListener((o, a, b) -> number.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("alarm"), b.longValue() > 0));
        }
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("card-label");
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setMaxWidth(200);
        VBox card = new VBox(4, number, label);
        card.getStyleClass().add("card");
        card.setPrefWidth(230);
        return card;
    }

    @Override
    public void refresh() {
        showLists();
        vm.load();
    }

    /**
     * Decision 0039: the lists and the table in place of "Läser in …", once. The shell refreshes its first screen
     * after the window's first frame, so they are built then; a läsare's home has none.
     */
    private void showLists() {
        if (lists == null) {
            return;
        }
        java.util.List<javafx.scene.Node> parts = lists.get();
        lists = null;
        int at = box.getChildren().indexOf(listsLoading);
        if (at >= 0) {
            box.getChildren().remove(at);
            box.getChildren().addAll(at, parts);
        }
    }

    /** h5 (decision 0030): others' changes to what the home screen counts and lists reload it. */
    @Override
    public java.util.Set<se.kvalitetshjulet.domain.change.ChangeTopic> shows() {
        return java.util.EnumSet.of(se.kvalitetshjulet.domain.change.ChangeTopic.DEVIATIONS,
                se.kvalitetshjulet.domain.change.ChangeTopic.ACTIONS, se.kvalitetshjulet.domain.change.ChangeTopic.SELF_CHECKS,
                se.kvalitetshjulet.domain.change.ChangeTopic.COUNCILS);
    }

    @Override
    public void othersChanged(java.util.Set<se.kvalitetshjulet.domain.change.ChangeTopic> changed) {
        vm.othersChanged();
    }
}
