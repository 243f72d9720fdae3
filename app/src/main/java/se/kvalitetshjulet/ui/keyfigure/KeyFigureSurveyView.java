package se.kvalitetshjulet.ui.keyfigure;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.SurveyChange;
import se.kvalitetshjulet.domain.keyfigure.SurveyRules;
import se.kvalitetshjulet.ui.common.I18n;

import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.button;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.col;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.note;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.viewer;

/**
 * The user-survey tab: unit and question with the run chart of its share (suppressed years said), and the table of
 * what changed since the previous survey with a verdict in words.
 */
final class KeyFigureSurveyView extends ScrollPane {
    private final I18n i18n;

    KeyFigureSurveyView(KeyFigureSurveyViewModel vm, I18n i18n) {
        this.i18n = i18n;
        ComboBox<KeyFigureViewModel.UnitChoice> unit = new ComboBox<>(vm.units());
        unit.setId("kfSurveyUnit");
        unit.setPrefWidth(360);
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        ComboBox<KeyFigureViewModel.QuestionChoice> question = new ComboBox<>(vm.questions());
        question.setId("kfSurveyQuestion");
        question.setPrefWidth(420);
        question.valueProperty().bindBidirectional(vm.questionProperty());
        FlowPane bar = new FlowPane(8, 6, new Label(i18n.get("kf.unit")), unit, new Label(i18n.get("kf.question")), question,
                button(i18n, "kfImportSurvey", "kf.importSurvey", vm.importSurveyCommand()));
        bar.setAlignment(Pos.CENTER_LEFT);
        ChartViewer chart = viewer("kfSurveyChart");
        Label chartNote = note("kfSurveyNote");
        vm.seriesProperty().addListener((o, a, s) -> {
            KeyFigureCharts.show(chart, s == null || s.periods().isEmpty() ? null : KeyFigureCharts.runChart(s, "%", i18n));
            chartNote.setText(s == null ? "" : suppressedNote(s.values()) + " " + i18n.get("kf.method.short"));
        });
        ComboBox<Integer> year = new ComboBox<>(vm.years());
        year.setId("kfChangesYear");
        year.valueProperty().bindBidirectional(vm.yearProperty());
        TableView<SurveyChange> changes = new TableView<>(vm.changes());
        changes.setId("kfChanges");
        changes.setPrefHeight(280);
        changes.getColumns().add(col(i18n, "kf.col.unit", SurveyChange::unit, 200));
        changes.getColumns().add(col(i18n, "kf.col.question", SurveyChange::question, 300));
        changes.getColumns().add(col(i18n, "kf.col.previous", (SurveyChange c) -> value(c.previous()), 210));
        changes.getColumns().add(col(i18n, "kf.col.latest", (SurveyChange c) -> value(c.current()), 210));
        changes.getColumns().add(col(i18n, "kf.col.verdict", (SurveyChange c) -> vm.changeText(c.verdict()), 260));
        changes.setPlaceholder(new Label(i18n.get("kf.changes.none")));
        // the verdict column is what the kvalitetsdialog reads: fit all columns to the width instead of cutting it off
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        VBox box = new VBox(10, bar, chart, chartNote, new HBox(8, new Label(i18n.get("kf.changes.title")), year), changes);
        box.setPadding(new Insets(10));
        setContent(box);
        setFitToWidth(true);
    }

    private String suppressedNote(List<ComparedValue> values) {
        long suppressed = values.stream().filter(ComparedValue::suppressed).count();
        return suppressed == 0 ? "" : i18n.get("kf.suppressedYears", suppressed, SurveyRules.SUPPRESSION_THRESHOLD);
    }

    private String value(ComparedValue v) {
        if (v == null) {
            return i18n.get("kf.value.noPrevious");
        }
        if (v.suppressed()) {
            return i18n.get("kf.value.suppressed", v.respondents());
        }
        if (v.value() == null) {
            return i18n.get("kf.value.missing");
        }
        String s = Math.round(v.value()) + " %";
        if (v.interval() != null) {
            s += " (" + Math.round(v.interval().lower()) + "–" + Math.round(v.interval().upper()) + ")";
        }
        if (v.respondents() != null) {
            s += ", " + i18n.get("kf.value.respondents", v.respondents());
        }
        return s;
    }
}
