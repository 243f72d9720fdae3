package se.kvalitetshjulet.ui.organisation;

import se.kvalitetshjulet.domain.audit.AuditEntry;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/** The organisation tree on the left, the selected unit's form and history on the right. */
public final class OrganisationView extends BorderPane implements Refreshable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OrganisationViewModel vm;
    private final TreeView<Unit> treeView = new TreeView<>();
    private final ComboBox<Unit> parentBox = new ComboBox<>();
    private boolean rebuilding;

    public OrganisationView(OrganisationViewModel vm, I18n i18n) {
        this.vm = vm;
        setId("organisationView");
        getStyleClass().add("screen");
        Label title = new Label(i18n.get("org.title"));
        title.getStyleClass().add("h1");
        setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 12, 0));

        treeView.setId("unitTree");

        treeView.setAccessibleText(i18n.get("h3.name.unitTree"));
        treeView.setShowRoot(false);
        treeView.setCellFactory(tv -> new TreeCell<>() {
            @Override
            protected void updateItem(Unit u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u.name() + "  ·  " + i18n.of(u.level()));
            }
        });
        treeView.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!rebuilding) {
                vm.select(item == null ? null : item.getValue());
            }
        });
        vm.treeProperty().addListener((o, a, t) -> rebuild(t));

        TextField name = new TextField();
        name.setId("unitName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<OrgLevel> level = new ComboBox<>();
        level.setId("unitLevel");
        level.getItems().setAll(OrgLevel.values());
        Forms.display(level, i18n::of);
        level.valueProperty().bindBidirectional(vm.levelProperty());
        parentBox.setId("unitParent");
        Forms.display(parentBox, u -> vm.treeProperty().get().path(u.id()));
        parentBox.valueProperty().bindBidirectional(vm.parentProperty());
        ComboBox<se.kvalitetshjulet.domain.org.BusinessArea> area = new ComboBox<>(vm.businessAreas());
        area.setId("unitArea");
        Forms.display(area, se.kvalitetshjulet.domain.org.BusinessArea::name);
        area.valueProperty().bindBidirectional(vm.businessAreaProperty());
        ComboBox<ProviderKind> provider = new ComboBox<>();
        provider.getItems().setAll(ProviderKind.values());
        Forms.display(provider, i18n::of);
        provider.valueProperty().bindBidirectional(vm.providerKindProperty());
        TextField providerName = new TextField();
        providerName.textProperty().bindBidirectional(vm.providerNameProperty());
        DatePicker from = Forms.datePicker();
        from.valueProperty().bindBidirectional(vm.activeFromProperty());
        DatePicker to = Forms.datePicker();
        to.valueProperty().bindBidirectional(vm.activeToProperty());

        var grid = Forms.grid();
        Forms.row(grid, i18n.get("org.field.name"), name);
        Forms.row(grid, i18n.get("org.field.level"), level);
        Forms.row(grid, i18n.get("org.field.parent"), parentBox);
        Forms.row(grid, i18n.get("org.field.area"), area);
        Forms.row(grid, i18n.get("org.field.provider"), provider);
        Forms.row(grid, i18n.get("org.field.providerName"), providerName);
        Forms.row(grid, i18n.get("org.field.activeFrom"), from);
        Forms.row(grid, i18n.get("org.field.activeTo"), to);

        Label validation = new Label();
        validation.setId("unitValidation");
        validation.getStyleClass().add("validation-message");
        validation.setWrapText(true);
        validation.textProperty().bind(vm.validationMessageProperty());

        ValidationSupport support = new ValidationSupport();
        support.registerValidator(name, false, (javafx.scene.control.Control c, String v) ->
                ValidationResult.fromErrorIf(c, vm.validationMessageProperty().get(),
                        !vm.validationMessageProperty().get().isEmpty()));
        vm.validationMessageProperty().addListener((o, a, b) -> support.revalidate());

        Button save = new Button(i18n.get("common.save"));
        save.setId("unitSave");
        save.setDefaultButton(true);
        vm.saveCommand().bind(save);
        Button newChild = new Button(i18n.get("org.newChild"));
        newChild.setId("unitNew");
        vm.newChildCommand().bind(newChild);
        Button delete = new Button(i18n.get("common.delete"));
        delete.setId("unitDelete");
        vm.deleteCommand().bind(delete);
        HBox buttons = new HBox(10, save, newChild, delete);

        TableView<AuditEntry> history = new TableView<>(vm.history());
        history.setId("unitHistory");
        history.setPlaceholder(new Label(i18n.get("audit.empty")));
        TableColumn<AuditEntry, String> when = new TableColumn<>(i18n.get("audit.when"));
        when.setCellValueFactory(c -> new SimpleStringProperty(WHEN.format(c.getValue().at())));
        TableColumn<AuditEntry, String> who = new TableColumn<>(i18n.get("audit.who"));
        who.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().actor()));
        TableColumn<AuditEntry, String> what = new TableColumn<>(i18n.get("audit.what"));
        what.setCellValueFactory(c -> new SimpleStringProperty(i18n.get("audit.action." + c.getValue().action())));
        TableColumn<AuditEntry, String> after = new TableColumn<>(i18n.get("audit.after"));
        after.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().afterJson() == null ? "" : c.getValue().afterJson()));
        history.getColumns().setAll(List.of(when, who, what, after));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPrefHeight(180);

        Label formTitle = new Label();
        formTitle.getStyleClass().add("h2");
        formTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.editingNewProperty().get() ? i18n.get("org.form.new")
                        : vm.selectedProperty().get() == null ? i18n.get("org.form.none")
                        : vm.selectedProperty().get().name(), vm.editingNewProperty(), vm.selectedProperty()));
        Label historyTitle = new Label(i18n.get("audit.title"));
        historyTitle.getStyleClass().add("h2");
        VBox form = new VBox(12, grid, validation, buttons, historyTitle, history);
        form.setPadding(new Insets(12, 0, 0, 0));
        javafx.scene.control.Tab unitTab = new javafx.scene.control.Tab(i18n.get("org.tab.unit"), form);
        unitTab.setId("orgUnitTab");
        javafx.scene.control.Tab denominatorTab = new javafx.scene.control.Tab(i18n.get("org.tab.denominators"),
                new javafx.scene.control.ScrollPane(new DenominatorPane(vm.denominators(), i18n)));
        denominatorTab.setId("orgDenominatorTab");
        ((javafx.scene.control.ScrollPane) denominatorTab.getContent()).setFitToWidth(true);
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(unitTab, denominatorTab);
        tabs.setId("orgTabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox right = new VBox(8, formTitle, tabs);
        javafx.scene.layout.VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 16));

        Button orgExport = new Button(i18n.get("org.file.export"));
        orgExport.setId("orgFileExport");
        vm.exportFileCommand().bind(orgExport);
        Button orgImport = new Button(i18n.get("org.file.import"));
        orgImport.setId("orgFileImport");
        vm.importFileCommand().bind(orgImport);
        VBox treePane = new VBox(8, treeView, new HBox(8, orgExport, orgImport));
        VBox.setVgrow(treeView, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(treePane, right);
        split.setDividerPositions(0.38);
        setCenter(split);
        setPadding(new Insets(16));

        KeyCombination saveKey = se.kvalitetshjulet.ui.common.Shortcuts.SAVE;
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (saveKey.match(e)) {
                vm.saveCommand().execute();
                e.consume();
            }
        });
    }

    private void rebuild(OrgTree tree) {
        rebuilding = true;
        try {
            TreeItem<Unit> root = new TreeItem<>();
            TreeItem<Unit> toSelect = null;
            Unit sel = vm.selectedProperty().get();
            for (Unit r : tree.roots()) {
                TreeItem<Unit> item = build(tree, r);
                root.getChildren().add(item);
            }
            treeView.setRoot(root);
            if (sel != null) {
                toSelect = find(root, sel.id());
            }
            if (toSelect != null) {
                treeView.getSelectionModel().select(toSelect);
            }
            parentBox.getItems().setAll(tree.all());
        } finally {
            rebuilding = false;
        }
    }

    private TreeItem<Unit> build(OrgTree tree, Unit u) {
        TreeItem<Unit> item = new TreeItem<>(u);
        item.setExpanded(u.level().ordinal() < OrgLevel.ENHET.ordinal());
        for (Unit c : tree.children(u.id())) {
            item.getChildren().add(build(tree, c));
        }
        return item;
    }

    private static TreeItem<Unit> find(TreeItem<Unit> item, Long id) {
        if (item.getValue() != null && item.getValue().id().equals(id)) {
            return item;
        }
        for (TreeItem<Unit> c : item.getChildren()) {
            TreeItem<Unit> f = find(c, id);
            if (f != null) {
                TreeItem<Unit> p = f.getParent();
                while (p != null) {
                    p.setExpanded(true);
                    p = p.getParent();
                }
                return f;
            }
        }
        return null;
    }

    @Override
    public void refresh() {
        vm.load();
    }
}
