package se.kvalitetshjulet.ui.keyfigure;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.ui.common.I18n;

import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.button;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.cell;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.note;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.viewer;

/** The own key figures tab: figure and unit with the run chart, and the row where one value is typed. */
final class KeyFigureOwnView extends ScrollPane {

    KeyFigureOwnView(KeyFigureOwnViewModel vm, I18n i18n) {
        ComboBox<OwnFigure> figure = new ComboBox<>(vm.figures());
        figure.setId("kfOwnFigure");
        figure.setPrefWidth(420);
        figure.valueProperty().bindBidirectional(vm.figureProperty());
        figure.setCellFactory(l -> cell(f -> f.name() + " (" + f.code() + ")"));
        figure.setButtonCell(cell(f -> f.name() + " (" + f.code() + ")"));
        ComboBox<KeyFigureViewModel.UnitChoice> unit = new ComboBox<>(vm.units());
        unit.setId("kfOwnUnit");
        unit.setPrefWidth(360);
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        FlowPane bar = new FlowPane(8, 6, new Label(i18n.get("kf.figure")), figure, new Label(i18n.get("kf.unit")), unit,
                button(i18n, "kfImportOwn", "kf.importOwn", vm.importOwnCommand()),
                button(i18n, "kfNewOwnFigure", "kf.own.new", vm.newOwnFigureCommand()));
        bar.setAlignment(Pos.CENTER_LEFT);
        ChartViewer chart = viewer("kfOwnChart");
        Label chartNote = note("kfOwnNote");
        vm.seriesProperty().addListener((o, a, s) -> {
            OwnFigure f = vm.figureProperty().get();
            KeyFigureCharts.show(chart, s == null || s.periods().isEmpty() ? null : KeyFigureCharts.runChart(s,
                    f == null || f.unitLabel() == null ? "" : f.unitLabel(), i18n));
            chartNote.setText(s == null ? "" : String.join("\n", vm.explain(s.run())) + (f != null && f.lowerIsBetter()
                    ? " " + i18n.get("kf.own.lowerIsBetter") : ""));
        });
        TextField period = new TextField();
        period.setId("kfOwnPeriod");
        period.setPromptText("2025-10");
        period.textProperty().bindBidirectional(vm.periodProperty());
        TextField value = new TextField();
        value.setId("kfOwnValue");
        value.textProperty().bindBidirectional(vm.valueProperty());
        TextField n = new TextField();
        n.setId("kfOwnN");
        n.textProperty().bindBidirectional(vm.nProperty());
        Label message = note("kfOwnMessage");
        message.textProperty().bind(vm.messageProperty());
        HBox entry = new HBox(8, new Label(i18n.get("kf.own.period")), period, new Label(i18n.get("kf.own.value")), value,
                new Label(i18n.get("kf.own.n")), n, button(i18n, "kfOwnSave", "kf.own.save", vm.saveOwnValueCommand()));
        entry.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, bar, chart, chartNote, new Label(i18n.get("kf.own.entry")), entry, message);
        box.setPadding(new Insets(10));
        setContent(box);
        setFitToWidth(true);
    }
}
