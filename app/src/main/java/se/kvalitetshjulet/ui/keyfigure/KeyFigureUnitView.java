package se.kvalitetshjulet.ui.keyfigure;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.OuLink;
import se.kvalitetshjulet.domain.keyfigure.UnitMeasure;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The "Per enhet" tab: a unit and one of its measures beside our municipality and the comparison municipalities
 * (dot-and-interval, the unit first), the measure over the years as a run chart, and the links between Kolada's units
 * and ours.
 */
final class KeyFigureUnitView extends VBox {
    private final KeyFigureUnitViewModel vm;
    private final I18n i18n;

    KeyFigureUnitView(KeyFigureUnitViewModel vm) {
        super(10);
        this.vm = vm;
        this.i18n = vm.i18n();
        setId("kfUnitView");
        setPadding(new Insets(10));
        ComboBox<KeyFigureViewModel.UnitChoice> unit = new ComboBox<>(vm.unitChoices());
        unit.setId("kfUnitUnit");
        unit.setPrefWidth(460);
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        ComboBox<UnitMeasure> measure = new ComboBox<>(vm.measures());
        measure.setId("kfUnitMeasure");
        measure.setPrefWidth(420);
        measure.valueProperty().bindBidirectional(vm.measureProperty());
        measure.setPlaceholder(new Label(i18n.get("kf.unit.noMeasures")));
        ComboBox<Integer> year = new ComboBox<>(vm.years());
        year.setId("kfUnitYear");
        year.valueProperty().bindBidirectional(vm.yearProperty());
        ComboBox<Kpi> kpi = new ComboBox<>(vm.kpis());
        kpi.setId("kfUnitKpi");
        kpi.setPrefWidth(420);
        kpi.valueProperty().bindBidirectional(vm.kpiProperty());
        kpi.setCellFactory(l -> kpiCell());
        kpi.setButtonCell(kpiCell());
        kpi.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.measureProperty().get() == null
                || vm.measureProperty().get().kind() == UnitMeasure.Kind.KOLADA, vm.measureProperty()));
        FlowPane bar = new FlowPane(8, 6, new Label(i18n.get("kf.unit")), unit, new Label(i18n.get("kf.unit.measure")),
                measure, new Label(i18n.get("kf.year")), year, new Label(i18n.get("kf.unit.kpi")), kpi);
        bar.setAlignment(Pos.CENTER_LEFT);

        ChartViewer compare = new ChartViewer();
        compare.setId("kfUnitComparisonChart");
        compare.setMinHeight(260);
        compare.setPrefHeight(360);
        Label text = note("kfUnitComparisonText");
        text.textProperty().bind(vm.comparisonTextProperty());
        vm.comparisonProperty().addListener((o, a, c) -> KeyFigureCharts.show(compare, c == null || c.rows().size() < 2 ? null
                : KeyFigureCharts.comparison(c.rows(), i18n.get("kf.unit.chartTitle", c.rows().getFirst().value().label(),
                        String.valueOf(c.year())), i18n.get("kf.unit.legend"), "", c.measure().kind() == UnitMeasure.Kind.FOLLOW_UP
                        ? "kf.unit.assessed" : c.measure().kind() == UnitMeasure.Kind.OWN ? "kf.unit.measured"
                        : "kf.value.respondents", i18n)));
        ChartViewer series = new ChartViewer();
        series.setId("kfUnitSeriesChart");
        series.setMinHeight(240);
        series.setPrefHeight(320);
        Label seriesNote = note("kfUnitSeriesNote");
        vm.seriesProperty().addListener((o, a, s) -> {
            KeyFigureCharts.show(series, s == null || s.periods().isEmpty() ? null : KeyFigureCharts.runChart(s, "", i18n));
            seriesNote.setText(s == null || s.periods().isEmpty() ? i18n.get("kf.noValues") : String.join("\n",
                    new se.kvalitetshjulet.domain.spc.SignalExplainer(i18n.locale()).explainAll(s.run()).stream()
                            .flatMap(java.util.List::stream).toList()));
        });
        getChildren().addAll(bar, compare, text, series, seriesNote, links());
    }

    private TitledPane links() {
        TableView<OuLink> table = new TableView<>(vm.links());
        table.setId("kfOuLinks");
        table.setPrefHeight(170);
        table.getColumns().add(col("kf.unit.col.ou", OuLink::ouCode, 160));
        table.getColumns().add(col("kf.unit.col.ouTitle", l -> l.ouTitle() == null ? i18n.get("kf.unit.unknownName")
                : l.ouTitle(), 260));
        table.getColumns().add(col("kf.unit.col.unit", OuLink::unit, 560));
        table.setPlaceholder(new Label(i18n.get("kf.unit.noLinks")));
        TextField ou = new TextField();
        ou.setId("kfOuCode");
        ou.setPromptText("V15E128000101");
        ou.textProperty().bindBidirectional(vm.ouCodeProperty());
        ComboBox<KeyFigureViewModel.UnitChoice> unit = new ComboBox<>(vm.unitChoices());
        unit.setId("kfOuUnit");
        unit.setPrefWidth(320);
        unit.valueProperty().bindBidirectional(vm.linkUnitProperty());
        Button link = button("kfOuLink", "kf.unit.link", vm::link);
        Button unlink = button("kfOuUnlink", "kf.unit.unlink", () -> vm.unlink(table.getSelectionModel().getSelectedItem()));
        unlink.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button suggest = button("kfOuSuggest", "kf.unit.suggest", vm::suggest);
        Button importLinks = button("kfOuImport", "kf.unit.import", vm::importLinks);
        FlowPane form = new FlowPane(8, 6, new Label(i18n.get("kf.unit.col.ou")), ou, new Label(i18n.get("kf.unit.isUnit")),
                unit, link, unlink, suggest, importLinks);
        form.setAlignment(Pos.CENTER_LEFT);
        Label message = note("kfOuMessage");
        message.textProperty().bind(vm.linkMessageProperty());
        Label hint = note("kfOuHint");
        hint.setText(i18n.get("kf.unit.linksHint"));
        TitledPane pane = new TitledPane(i18n.get("kf.unit.linksTitle"), new VBox(8, hint, table, form, message));
        pane.setId("kfOuPane");
        pane.setExpanded(true);
        return pane;
    }

    private ListCell<Kpi> kpiCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Kpi k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.id().isEmpty() ? i18n.get("kf.unit.noKpiChoice") : k.id() + " – " + k.title());
            }
        };
    }

    private <T> TableColumn<T, String> col(String key, java.util.function.Function<T, String> f, double width) {
        TableColumn<T, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label note(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("explanation");
        return l;
    }
}
