package se.kvalitetshjulet.ui.lists;

import java.time.LocalDate;
import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.lists.DeadlineRule;
import se.kvalitetshjulet.domain.lists.LegalReference;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/** "Listor och regler": the lists, the deadline rules and the laws with their legal references, and the lists file. */
public final class ListsView extends BorderPane implements Refreshable {
    private final ListsViewModel vm;

    public ListsView(ListsViewModel vm, I18n i18n) {
        this.vm = vm;
        setId("listsView");
        getStyleClass().add("screen");

        Label title = new Label(i18n.get("lists.title"));
        title.getStyleClass().add("h1");
        Button export = new Button(i18n.get("lists.export"));
        export.setId("listsExport");
        vm.exportCommand().bind(export);
        Button importFile = new Button(i18n.get("lists.import"));
        importFile.setId("listsImport");
        vm.importCommand().bind(importFile);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, gap, export, importFile);
        header.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(i18n.get("lists.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox top = new VBox(6, header, hint);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);

        Label message = new Label();
        message.setId("listsMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        setBottom(message);
        BorderPane.setMargin(message, new Insets(8, 0, 0, 0));

        Tab lists = new Tab(i18n.get("lists.tab.lists"), listsPane(i18n));
        lists.setId("listsTabLists");
        Tab deadlines = new Tab(i18n.get("lists.tab.deadlines"), deadlinePane(i18n));
        deadlines.setId("listsTabDeadlines");
        Tab laws = new Tab(i18n.get("lists.tab.laws"), lawPane(i18n));
        laws.setId("listsTabLaws");
        Tab names = new Tab(i18n.get("lists.tab.names"), namesPane(i18n));
        names.setId("listsTabNames");
        TabPane tabs = new TabPane(lists, deadlines, laws, names);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
    }

    private VBox listsPane(I18n i18n) {
        ComboBox<ListKind> kind = new ComboBox<>();
        kind.setId("listsKind");
        kind.getItems().setAll(ListKind.values());
        Forms.display(kind, k -> i18n.get("lists.kind." + k.name()));
        kind.valueProperty().bindBidirectional(vm.kindProperty());

        TableView<ListsViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("listsTable");
        table.setPlaceholder(new Label(i18n.get("lists.empty")));
        table.getColumns().add(col(i18n.get("lists.col.name"), r -> r.entry().name(), 320));
        TableColumn<ListsViewModel.Row, String> code = col(i18n.get("lists.col.code"), r -> r.entry().code(), 180);
        code.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.kindProperty().get() != null && vm.kindProperty().get().coded(), vm.kindProperty()));
        table.getColumns().add(code);
        table.getColumns().add(col(i18n.get("lists.col.status"),
                r -> i18n.get(r.entry().active() ? "lists.status.active" : "lists.status.retired"), 120));
        table.getColumns().add(col(i18n.get("lists.col.usage"), r -> Integer.toString(r.usage()), 110));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(ListsViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("retired");
                if (!empty && r != null && !r.entry().active()) {
                    getStyleClass().add("retired");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedProperty().set(r));
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        HBox buttons = new HBox(8,
                button(i18n.get("lists.add"), "listsAdd", vm.addCommand()),
                button(i18n.get("lists.rename"), "listsRename", vm.renameCommand()),
                button(i18n.get("lists.toggleActive"), "listsToggle", vm.toggleActiveCommand()),
                button(i18n.get("lists.up"), "listsUp", vm.moveUpCommand()),
                button(i18n.get("lists.down"), "listsDown", vm.moveDownCommand()),
                button(i18n.get("lists.merge"), "listsMerge", vm.mergeCommand()));
        Label kindLabel = new Label(i18n.get("lists.kind"));
        HBox chooser = new HBox(8, kindLabel, kind);
        chooser.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, chooser, table, buttons);
        box.setPadding(new Insets(10));
        return box;
    }

    private VBox deadlinePane(I18n i18n) {
        TableView<DeadlineRule> table = new TableView<>(vm.deadlines());
        table.setId("deadlineTable");
        table.getColumns().add(col(i18n.get("lists.col.kind"), d -> vm.deadlineLabel(d.kind()), 300));
        table.getColumns().add(col(i18n.get("lists.col.days"), d -> Integer.toString(d.days()), 100));
        table.getColumns().add(col(i18n.get("lists.col.reference"), DeadlineRule::legalReference, 300));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> vm.selectedDeadlineProperty().set(d));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, table, new HBox(8, button(i18n.get("lists.deadline.edit"), "deadlineEdit",
                vm.editDeadlineCommand())));
        box.setPadding(new Insets(10));
        return box;
    }

    private VBox lawPane(I18n i18n) {
        TableView<LegalReference> table = new TableView<>(vm.references());
        table.setId("referenceTable");
        table.getColumns().add(col(i18n.get("lists.col.law"), r -> vm.laws().stream()
                .filter(l -> l.code().equals(r.lawCode())).map(l -> l.code() + " – " + l.name()).findFirst()
                .orElse(r.lawCode()), 320));
        table.getColumns().add(col(i18n.get("lists.col.citation"), LegalReference::citation, 200));
        table.getColumns().add(col(i18n.get("lists.col.validFrom"), r -> date(r.validFrom(), i18n), 130));
        table.getColumns().add(col(i18n.get("lists.col.validTo"), r -> date(r.validTo(), i18n), 130));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedReferenceProperty().set(r));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label hint = new Label(i18n.get("lists.ref.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the table gives way, the hint keeps its lines (125 %, decision 0028)
        hint.getStyleClass().add("hint");
        VBox box = new VBox(8, hint, table, new HBox(8,
                button(i18n.get("lists.ref.add"), "referenceAdd", vm.addReferenceCommand()),
                button(i18n.get("lists.ref.edit"), "referenceEdit", vm.editReferenceCommand()),
                button(i18n.get("lists.ref.delete"), "referenceDelete", vm.deleteReferenceCommand())));
        box.setPadding(new Insets(10));
        return box;
    }

    private VBox namesPane(I18n i18n) {
        javafx.scene.control.TextField board = new javafx.scene.control.TextField();
        board.setId("listsBoardName");
        board.setPromptText(i18n.get("lists.names.boardPrompt"));
        board.textProperty().bindBidirectional(vm.boardNameProperty());
        javafx.scene.control.TextField adm = new javafx.scene.control.TextField();
        adm.setId("listsAdministrationName");
        adm.setPromptText(i18n.get("lists.names.administrationPrompt"));
        adm.textProperty().bindBidirectional(vm.administrationNameProperty());
        var grid = Forms.grid();
        Forms.row(grid, i18n.get("lists.names.board"), board);
        Forms.row(grid, i18n.get("lists.names.administration"), adm);
        Label hint = new Label(i18n.get("lists.names.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox box = new VBox(8, hint, grid, new HBox(8, button(i18n.get("common.save"), "listsNamesSave",
                vm.saveNamesCommand())));
        box.setPadding(new Insets(10));
        return box;
    }

    private static String date(LocalDate d, I18n i18n) {
        return d == null ? i18n.get("lists.ref.open") : d.toString();
    }

    private static Button button(String text, String id, se.kvalitetshjulet.ui.common.Command c) {
        Button b = new Button(text);
        b.setId(id);
        c.bind(b);
        return b;
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public void refresh() {
        vm.load();
    }
}
