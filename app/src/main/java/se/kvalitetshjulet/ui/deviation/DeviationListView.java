package se.kvalitetshjulet.ui.deviation;

import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/** The deviation register: filter bar, one page of rows sorted in the database, pager. */
public final class DeviationListView extends BorderPane implements Refreshable, se.kvalitetshjulet.ui.common.ShortcutTarget {
    private final DeviationListViewModel vm;
    private final I18n i18n;

    public DeviationListView(DeviationListViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("deviationListView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));

        Label title = new Label(i18n.get("deviation.title"));
        title.getStyleClass().add("h1");
        Button newButton = new Button(i18n.get("deviation.new"));
        newButton.setId("deviationNew");
        newButton.getStyleClass().add("primary");
        vm.newCommand().bind(newButton);
        Button export = new Button(i18n.get("deviation.export"));
        export.setId("deviationExport");
        export.setOnAction(e -> vm.export());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importButton = new Button(i18n.get("deviation.import"));
        importButton.setId("deviationImport");
        importButton.setOnAction(e -> ImportView.open(vm.newImport(), i18n, getScene() == null ? null : getScene().getWindow()));
        HBox header = new HBox(12, title, spacer, newButton, importButton, export);
        // h3 (decision 0034): what this login may not do is not offered
        if (!vm.mayRegister()) {
            header.getChildren().remove(newButton);
        }
        if (!vm.mayImport()) {
            header.getChildren().remove(importButton);
        }
        header.setAlignment(Pos.CENTER_LEFT);

        ComboBox<DeviationKind> kind = nullable(new ComboBox<>(), List.of(DeviationKind.values()), i18n::of, "deviation.filter.allKinds");
        kind.setId("filterKind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ComboBox<DeviationStatus> status = nullable(new ComboBox<>(), List.of(DeviationStatus.values()), i18n::of,
                "deviation.filter.allStatuses");
        status.setId("filterStatus");
        status.valueProperty().bindBidirectional(vm.statusProperty());
        ComboBox<Unit> unit = new ComboBox<>();
        unit.setId("filterUnit");
        Forms.display(unit, u -> "  ".repeat(u.level().ordinal()) + u.name(), i18n.get("deviation.filter.allUnits"));
        vm.units().addListener((javafx.collections.ListChangeListener<Unit>) c -> {
            java.util.List<Unit> items = new java.util.ArrayList<>();
            items.add(null);
            items.addAll(vm.units());
            unit.getItems().setAll(items);
        });
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        unit.setPromptText(i18n.get("deviation.filter.allUnits"));
        ComboBox<BusinessArea> area = new ComboBox<>();
        area.setId("filterArea");
        Forms.display(area, BusinessArea::name, i18n.get("deviation.filter.allAreas"));
        vm.areas().addListener((javafx.collections.ListChangeListener<BusinessArea>) c -> {
            java.util.List<BusinessArea> items = new java.util.ArrayList<>();
            items.add(null);
            items.addAll(vm.areas());
            area.getItems().setAll(items);
        });
        area.valueProperty().bindBidirectional(vm.areaProperty());
        area.setPromptText(i18n.get("deviation.filter.allAreas"));
        ComboBox<Taxonomy> category = new ComboBox<>();
        category.setId("filterCategory");
        Forms.display(category, Taxonomy::name, i18n.get("deviation.filter.allCategories"));
        vm.categories().addListener((javafx.collections.ListChangeListener<Taxonomy>) c -> {
            java.util.List<Taxonomy> items = new java.util.ArrayList<>();
            items.add(null);
            items.addAll(vm.categories());
            category.getItems().setAll(items);
        });
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        category.setPromptText(i18n.get("deviation.filter.allCategories"));
        DatePicker from = Forms.datePicker();
        from.setId("filterFrom");
        from.setPromptText(i18n.get("deviation.filter.from"));
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = Forms.datePicker();
        to.setId("filterTo");
        to.setPromptText(i18n.get("deviation.filter.to"));
        to.valueProperty().bindBidirectional(vm.toProperty());
        CheckBox overdue = new CheckBox(i18n.get("deviation.filter.overdue"));
        overdue.setId("filterOverdue");
        overdue.selectedProperty().bindBidirectional(vm.overdueOnlyProperty());
        CheckBox ivoLate = new CheckBox(i18n.get("deviation.filter.ivoLate"));
        ivoLate.setId("filterIvoLate");
        ivoLate.setTooltip(new javafx.scene.control.Tooltip(i18n.get("deviation.filter.ivoLate.tip")));
        ivoLate.selectedProperty().bindBidirectional(vm.ivoLateOnlyProperty());
        CheckBox reportedByMe = new CheckBox();
        reportedByMe.setId("filterReportedByMe");
        reportedByMe.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get("deviation.filter.reportedByMe", vm.reportedByMeCountProperty().get()),
                vm.reportedByMeCountProperty()));
        reportedByMe.setTooltip(new javafx.scene.control.Tooltip(i18n.get("deviation.filter.reportedByMe.tip")));
        reportedByMe.selectedProperty().bindBidirectional(vm.reportedByMeProperty());
        // h2 (decision 0027): my units from Inställningar, and every case still being handled
        CheckBox myUnits = new CheckBox(i18n.get("h2.action.filter.myUnits"));
        myUnits.setId("filterMyUnits");
        myUnits.setTooltip(new javafx.scene.control.Tooltip(i18n.get("h2.action.filter.myUnits.tip")));
        myUnits.selectedProperty().bindBidirectional(vm.myUnitsOnlyProperty());
        myUnits.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.meProperty().get().units().isEmpty(), vm.meProperty()));
        CheckBox openOnly = new CheckBox(i18n.get("h2.deviation.filter.openOnly"));
        openOnly.setId("filterOpenOnly");
        openOnly.selectedProperty().bindBidirectional(vm.openOnlyProperty());
        TextField text = new TextField();
        text.setId("filterText");
        text.setPromptText(i18n.get("deviation.filter.text"));
        text.textProperty().bindBidirectional(vm.textProperty());
        text.setOnAction(e -> vm.searchCommand().execute());
        Button search = new Button(i18n.get("deviation.filter.search"));
        search.setId("filterSearch");
        search.setDefaultButton(true);
        vm.searchCommand().bind(search);
        Button clear = new Button(i18n.get("deviation.filter.clear"));
        clear.setId("filterClear");
        vm.clearFilterCommand().bind(clear);
        ComboBox<String> saved = new ComboBox<>(vm.savedFilters());
        saved.setId("savedFilters");
        saved.setPromptText(i18n.get("deviation.filter.saved"));
        saved.setOnAction(e -> vm.applySavedFilter(saved.getValue()));
        Button saveFilter = new Button(i18n.get("deviation.filter.save"));
        saveFilter.setId("saveFilter");
        saveFilter.setOnAction(e -> vm.saveFilter());
        // Filters apply as soon as a choice changes; free text on Enter or "Sök".
        for (var p : List.of(vm.kindProperty(), vm.statusProperty(), vm.unitProperty(), vm.areaProperty(),
                vm.categoryProperty(), vm.fromProperty(), vm.toProperty(), vm.overdueOnlyProperty(),
                vm.ivoLateOnlyProperty(), vm.reportedByMeProperty(), vm.myUnitsOnlyProperty(), vm.openOnlyProperty())) {
            p.addListener((o, a, b) -> vm.searchCommand().execute());
        }

        FlowPane filters = new FlowPane(8, 8, kind, status, unit, area, category, from, to, myUnits, openOnly, overdue, ivoLate, reportedByMe, text,
                search, clear,
                saved, saveFilter);
        filters.getStyleClass().add("filter-bar");

        TableView<DeviationRow> table = new TableView<>(vm.rows());
        table.setId("deviationTable");
        se.kvalitetshjulet.ui.common.LiveLists.keepSelection(table, DeviationRow::id);
        table.setPlaceholder(new Label(i18n.get("deviation.empty")));
        Map<TableColumn<DeviationRow, ?>, DeviationSort> sortMap = new java.util.HashMap<>();
        table.getColumns().setAll(List.of(
                col(sortMap, "deviation.col.caseRef", DeviationSort.CASE_REF, 130, r -> r.caseRef()),
                col(sortMap, "deviation.col.registered", DeviationSort.REGISTERED_ON, 100, r -> Forms.DATE.format(r.registeredOn())),
                col(sortMap, "deviation.col.kind", DeviationSort.KIND, 160, r -> i18n.of(r.kind())),
                col(sortMap, "deviation.col.status", DeviationSort.STATUS, 115, r -> i18n.of(r.status())),
                col(sortMap, "deviation.col.unit", DeviationSort.UNIT, 165, DeviationRow::unitName),
                col(sortMap, "deviation.col.category", DeviationSort.CATEGORY, 150, r -> r.categoryName() == null ? "" : r.categoryName()),
                col(sortMap, "deviation.col.due", DeviationSort.DUE_ON, 110,
                        r -> r.dueOn() == null ? "" : Forms.DATE.format(r.dueOn()) + (r.overdue() ? " ⚠" : "")),
                ivoColumn(),
                col(sortMap, "deviation.col.title", DeviationSort.TITLE, 300, DeviationRow::title)));
        table.getColumns().getLast().setMinWidth(150);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Sorting happens in the database over every match, not in the visible page.
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<DeviationRow, ?> c = t.getSortOrder().getFirst();
                DeviationSort field = sortMap.get(c);
                boolean asc = c.getSortType() == TableColumn.SortType.ASCENDING;
                if (field != null && (field != vm.sortProperty().get() || asc != vm.ascendingProperty().get())) {
                    vm.sortBy(field, asc);
                }
            }
            return true;
        });
        table.setRowFactory(tv -> {
            TableRow<DeviationRow> row = new TableRow<>() {
                @Override
                protected void updateItem(DeviationRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("overdue"),
                            !empty && item != null && item.overdue());
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("ivo-late"),
                            !empty && item != null && item.ivoLate());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem().id());
                }
            });
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            DeviationRow r = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && r != null) {
                vm.open(r.id());
                e.consume();
            }
        });

        Label summary = new Label();
        summary.setId("deviationSummary");
        summary.textProperty().bind(vm.summaryProperty());
        Button first = pagerButton("«", "deviationFirst", i18n.get("pager.first"));
        vm.firstCommand().bind(first);
        Button prev = pagerButton("‹", "deviationPrev", i18n.get("pager.previous"));
        vm.previousCommand().bind(prev);
        Button next = pagerButton("›", "deviationNext", i18n.get("pager.next"));
        vm.nextCommand().bind(next);
        Button last = pagerButton("»", "deviationLast", i18n.get("pager.last"));
        vm.lastCommand().bind(last);
        HBox pager = new HBox(8, summary, new Region(), first, prev, next, last);
        HBox.setHgrow(pager.getChildren().get(1), Priority.ALWAYS);
        pager.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(12, header, filters);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(table);
        BorderPane.setMargin(pager, new Insets(8, 0, 0, 0));
        setBottom(pager);

        vm.editorRequestProperty().addListener((o, a, editor) -> {
            if (editor != null) {
                DeviationEditorView.open(editor, i18n, getScene() == null ? null : getScene().getWindow());
                vm.editorRequestProperty().set(null);
            }
        });
        // the keys are the shortcut sheet's (issue 18); Ctrl+N also from outside the screen, through the shell
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (se.kvalitetshjulet.ui.common.Shortcuts.NEW.match(e)) {
                vm.newCommand().execute();
                e.consume();
            } else if (se.kvalitetshjulet.ui.common.Shortcuts.FIND.match(e)) {
                text.requestFocus();
                e.consume();
            } else if (se.kvalitetshjulet.ui.common.Shortcuts.NEXT_PAGE.match(e)) {
                vm.nextCommand().execute();
            } else if (se.kvalitetshjulet.ui.common.Shortcuts.PREVIOUS_PAGE.match(e)) {
                vm.previousCommand().execute();
            }
        });
    }

    @Override
    public boolean onShortcut(KeyCombination keys) {
        if (keys.equals(se.kvalitetshjulet.ui.common.Shortcuts.NEW)) {
            return vm.newCommand().execute();
        }
        return false;
    }

    private static Button pagerButton(String text, String id, String tooltip) {
        Button b = new Button(text);
        b.getStyleClass().add("pager-button");
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        return b;
    }

    /** "IVO-anmälan": "Försenad" for a serious lex Sarah / lex Maria case whose IVO deadline has passed. */
    private TableColumn<DeviationRow, String> ivoColumn() {
        TableColumn<DeviationRow, String> c = new TableColumn<>(i18n.get("deviation.col.ivo"));
        c.setId("deviationColIvo");
        c.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().ivoLate() ? i18n.get("deviation.ivoLate") : ""));
        c.setSortable(false);
        c.setPrefWidth(110);
        c.setMinWidth(110);
        return c;
    }

    private TableColumn<DeviationRow, String> col(Map<TableColumn<DeviationRow, ?>, DeviationSort> sortMap, String key,
                                                  DeviationSort sort, double width,
                                                  java.util.function.Function<DeviationRow, String> value) {
        TableColumn<DeviationRow, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        sortMap.put(c, sort);
        return c;
    }

    private <T> ComboBox<T> nullable(ComboBox<T> box, List<T> values, java.util.function.Function<T, String> text,
                                     String allKey) {
        java.util.List<T> items = new java.util.ArrayList<>();
        items.add(null);
        items.addAll(values);
        box.getItems().setAll(items);
        Forms.display(box, text::apply, i18n.get(allKey));
        box.setPromptText(i18n.get(allKey));
        return box;
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    /** h5 (decision 0030): others' changes to deviations and their measures reload the shown page. */
    @Override
    public java.util.Set<se.kvalitetshjulet.domain.change.ChangeTopic> shows() {
        return java.util.EnumSet.of(se.kvalitetshjulet.domain.change.ChangeTopic.DEVIATIONS,
                se.kvalitetshjulet.domain.change.ChangeTopic.ORGANISATION);
    }

    @Override
    public void othersChanged(java.util.Set<se.kvalitetshjulet.domain.change.ChangeTopic> changed) {
        vm.othersChanged();
    }
}
