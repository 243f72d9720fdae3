package se.kvalitetshjulet.ui.deviation;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.PatternReport;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/** Patterns screen: the boards' table (count with earlier years) and the top lists. */
public final class PatternView extends BorderPane implements Refreshable {
    private final PatternViewModel vm;
    private final I18n i18n;
    private final TableView<DeviationKind> countTable = new TableView<>();
    private final VBox tops = new VBox(16);

    public PatternView(PatternViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("patternView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));

        Label title = new Label(i18n.get("pattern.title"));
        title.getStyleClass().add("h1");
        ComboBox<Integer> year = new ComboBox<>(vm.years());
        year.setId("patternYear");
        year.setPrefWidth(110);
        year.setValue(vm.yearProperty().get());
        year.valueProperty().addListener((o, a, y) -> {
            if (y != null) {
                vm.yearProperty().set(y);
            }
        });
        ComboBox<Integer> tertial = new ComboBox<>();
        tertial.setId("patternTertial");
        tertial.setAccessibleText(i18n.get("h3.name.patternTertial"));
        tertial.setPrefWidth(230);
        tertial.getItems().setAll(0, 1, 2, 3);
        Forms.display(tertial, t -> i18n.get("pattern.period." + t));
        tertial.setValue(vm.tertialProperty().get());
        tertial.valueProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.tertialProperty().set(t);
            }
        });
        ComboBox<Unit> unit = new ComboBox<>();
        unit.setId("patternUnit");
        Forms.display(unit, u -> "  ".repeat(u.level().ordinal()) + u.name(), i18n.get("deviation.filter.allUnits"));
        vm.units().addListener((javafx.collections.ListChangeListener<Unit>) c -> {
            List<Unit> items = new ArrayList<>();
            items.add(null);
            items.addAll(vm.units());
            unit.getItems().setAll(items);
        });
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        unit.setPromptText(i18n.get("deviation.filter.allUnits"));
        Button export = new Button(i18n.get("pattern.export"));
        export.setId("patternExport");
        vm.exportCommand().bind(export);
        HBox bar = new HBox(10, title, year, tertial, unit, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        setTop(bar);
        BorderPane.setMargin(bar, new Insets(0, 0, 12, 0));

        countTable.setId("patternTable");
        countTable.setPlaceholder(new Label(i18n.get("pattern.empty")));
        countTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        countTable.setPrefHeight(280);
        Label explain = new Label();
        explain.setWrapText(true);
        explain.getStyleClass().add("hint");
        explain.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.reportProperty().get() == null
                ? "" : i18n.get("pattern.explain", vm.reportProperty().get().period().label()), vm.reportProperty()));
        VBox content = new VBox(12, countTable, explain, tops);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        vm.reportProperty().addListener((o, a, r) -> show(r));
    }

    private void show(PatternReport r) {
        countTable.getColumns().clear();
        if (r == null) {
            countTable.getItems().clear();
            return;
        }
        TableColumn<DeviationKind, String> kindCol = new TableColumn<>(i18n.get("pattern.col.kind"));
        kindCol.setCellValueFactory(c -> new SimpleStringProperty(i18n.of(c.getValue())));
        kindCol.setPrefWidth(250);
        countTable.getColumns().add(kindCol);
        List<String> cols = new ArrayList<>(r.areas());
        cols.add(PatternReport.TOTAL);
        for (String area : cols) {
            TableColumn<DeviationKind, String> c = new TableColumn<>(
                    PatternReport.TOTAL.equals(area) ? i18n.get("pattern.col.total") : area);
            c.setCellValueFactory(cd -> new SimpleStringProperty(r.boardStyle(cd.getValue(), area)));
            c.setPrefWidth(215);
            countTable.getColumns().add(c);
        }
        countTable.getItems().setAll(DeviationKind.values());

        tops.getChildren().clear();
        GridPane grid = new GridPane();
        grid.setHgap(32);
        grid.setVgap(12);
        grid.add(topList(i18n.get("pattern.topCategories"), r.topCategories(), false), 0, 0);
        grid.add(topList(i18n.get("pattern.topCauses"), r.topCauses(), false), 1, 0);
        grid.add(topList(i18n.get("pattern.topMeasures"), r.topMeasureTypes(), false), 2, 0);
        grid.add(topList(i18n.get("pattern.assessments"), r.assessments(), true), 0, 1);
        Label ivo = new Label(i18n.get("pattern.ivo", r.ivoReports()));
        ivo.setId("patternIvo");
        ivo.getStyleClass().add("h2");
        grid.add(ivo, 1, 1);
        tops.getChildren().add(grid);
    }

    private VBox topList(String title, List<PatternReport.NamedCount> rows, boolean assessments) {
        Label t = new Label(title);
        t.getStyleClass().add("h2");
        VBox box = new VBox(4, t);
        if (rows.isEmpty()) {
            box.getChildren().add(new Label(i18n.get("pattern.none")));
        }
        for (PatternReport.NamedCount n : rows) {
            String name = assessments ? i18n.get("enum.Assessment." + n.name()) : n.name();
            box.getChildren().add(new Label(n.count() + "  " + name));
        }
        return box;
    }

    @Override
    public void refresh() {
        vm.load();
    }
}
