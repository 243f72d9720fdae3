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
import se.kvalitetshjulet.ui.shell.MainView;

/** Home screen: a few large numbers and the deviations whose deadline has passed. */
public final class HomeView extends BorderPane implements MainView.Refreshable {
    private final HomeViewModel vm;

    public HomeView(HomeViewModel vm, I18n i18n, LongConsumer openDeviation, Runnable showOverdue) {
        this.vm = vm;
        setId("homeView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("home.title"));
        title.getStyleClass().add("h1");

        FlowPane cards = new FlowPane(16, 16,
                card("cardOverdue", i18n.get("home.card.overdueDeviations"), vm.overdueDeviationsProperty(), true),
                card("cardActions", i18n.get("home.card.overdueActions"), vm.overdueActionsProperty(), true),
                card("cardSerious", i18n.get("home.card.openSerious"), vm.openSeriousProperty(), false),
                card("cardRecent", i18n.get("home.card.lastThirtyDays"), vm.lastThirtyDaysProperty(), false));

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

        VBox box = new VBox(16, title, cards, listTitle, table, all);
        setCenter(box);
    }

    private static VBox card(String id, String text, LongProperty value, boolean alarm) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("card-number");
        number.textProperty().bind(value.asString());
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
        vm.load();
    }
}
