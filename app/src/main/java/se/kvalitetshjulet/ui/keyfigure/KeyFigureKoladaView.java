package se.kvalitetshjulet.ui.keyfigure;

import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.ui.common.I18n;

import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.button;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.cell;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.note;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.viewer;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.withNote;

/**
 * The Kolada tab: the KPI, year and gender; import, fetch and the way to the "Urval" tab; the comparison with the
 * chosen municipalities above the KPI's run chart, each with its explanation.
 */
final class KeyFigureKoladaView extends ScrollPane {

    /** @param showChoice opens the "Urval" tab with the cursor in the search field of this id */
    KeyFigureKoladaView(KeyFigureKoladaViewModel vm, I18n i18n, Consumer<String> showChoice) {
        ComboBox<Kpi> kpi = new ComboBox<>(vm.followed());
        kpi.setId("kfKpi");
        kpi.setPrefWidth(520);
        kpi.valueProperty().bindBidirectional(vm.kpiProperty());
        kpi.setCellFactory(l -> cell(k -> k.id() + " – " + k.title()));
        kpi.setButtonCell(cell(k -> k.id() + " – " + k.title()));
        kpi.setPromptText(i18n.get("kf.kpi.prompt"));
        ComboBox<Integer> year = new ComboBox<>(vm.years());
        year.setId("kfYear");
        year.valueProperty().bindBidirectional(vm.yearProperty());
        ComboBox<String> gender = new ComboBox<>(FXCollections.observableArrayList("T", "K", "M"));
        gender.setId("kfGender");
        gender.setAccessibleText(i18n.get("h3.name.kfGender"));
        gender.valueProperty().bindBidirectional(vm.genderProperty());
        gender.setCellFactory(l -> cell(g -> i18n.get("kf.gender." + g)));
        gender.setButtonCell(cell(g -> i18n.get("kf.gender." + g)));
        Label own = new Label();
        own.textProperty().bind(vm.ownMunicipalityProperty());
        FlowPane bar = new FlowPane(8, 6, new Label(i18n.get("kf.kpi")), kpi, new Label(i18n.get("kf.year")), year,
                gender, button(i18n, "kfImportKolada", "kf.importKolada", vm.importKoladaCommand()),
                button(i18n, "kfFetchKolada", "kf.fetch", vm.fetchKoladaCommand()),
                choiceButton(i18n, "kfChooseKpis", "kf.chooseKpis", "#kfKpiSearch", showChoice),
                choiceButton(i18n, "kfChooseComparisons", "kf.chooseComparisons", "#kfMunicipalitySearch", showChoice));
        bar.setAlignment(Pos.CENTER_LEFT);
        ChartViewer series = viewer("kfSeriesChart");
        ChartViewer compare = viewer("kfComparisonChart");
        Label seriesNote = note("kfSeriesNote");
        vm.kpiSeriesProperty().addListener((o, a, s) -> {
            KeyFigureCharts.show(series, s == null || s.periods().isEmpty() ? null : KeyFigureCharts.runChart(s, "", i18n));
            seriesNote.setText(s == null ? i18n.get("kf.noValues") : String.join("\n", vm.explain(s.run())));
        });
        vm.comparisonProperty().addListener((o, a, rows) -> KeyFigureCharts.show(compare, rows == null || rows.isEmpty() ? null
                : KeyFigureCharts.comparison(rows, i18n.get("kf.chart.comparisonTitle", String.valueOf(vm.yearProperty().get())), i18n)));
        Label text = note("kfComparisonText");
        text.textProperty().bind(vm.comparisonTextProperty());
        // one below the other, so that the comparison's row labels (respondents, response rate) leave room for the plot
        compare.setPrefHeight(380);
        VBox charts = new VBox(12, withNote(compare, text), withNote(series, seriesNote));
        VBox box = new VBox(10, new HBox(8, new Label(i18n.get("kf.ownMunicipality")), own), bar, charts);
        box.setPadding(new Insets(10));
        setContent(box);
        setFitToWidth(true);
    }

    /** A button that opens the "Urval" tab with the cursor in the given search field. */
    private static Button choiceButton(I18n i18n, String id, String key, String focus, Consumer<String> showChoice) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setOnAction(e -> showChoice.accept(focus));
        return b;
    }
}
