package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.value.ObservableValue;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The "per fråga" tab of Sammanställning: a table of the answers per question, a stacked bar chart of the ja/delvis/
 * nej answers (first question at the top) and a bar chart of the means of number questions.
 */
final class CompilationQuestionsPane extends SplitPane {
    private static final int LABEL_LENGTH = 42;
    /** Ja, delvis, nej, ej aktuellt: the order of the stacked bars (and of the colours in theme.css). */
    private static final List<String> CHART_ORDER = List.of("JA", "DELVIS", "NEJ", "EJ_AKTUELLT");

    private final I18n i18n;
    private final StackedBarChart<Number, String> chart;
    private final CategoryAxis questionAxis = fixedCategories();
    private final BarChart<Number, String> means;
    private final CategoryAxis numberAxis = fixedCategories();

    CompilationQuestionsPane(ObservableValue<Compilation> compilation, CompilationViewModel vm,
                             CompilationColumns cols, CompilationDrillPane drill, I18n i18n) {
        this.i18n = i18n;
        TableView<Compilation.QuestionStats> table = new TableView<>();
        table.setId("compileQuestions");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(cols.col("selfcheck.compile.col.section", Compilation.QuestionStats::section, 70));
        table.getColumns().add(cols.col("selfcheck.compile.col.question", Compilation.QuestionStats::text, 200));
        table.getColumns().add(cols.col("selfcheck.compile.col.answered", s -> Long.toString(s.answered()), 80));
        for (String v : AnswerType.YES_NO_VALUES) {
            table.getColumns().add(cols.col("selfcheck.yesno." + v, s -> s.type() == AnswerType.YES_NO
                    ? Long.toString(s.count(v)) : "", v.equals("EJ_AKTUELLT") ? 85 : 55));
        }
        table.getColumns().add(cols.col("selfcheck.compile.col.mean", s -> vm.number(s.mean()), 90));
        table.getColumns().add(cols.col("selfcheck.compile.col.findings", s -> Long.toString(s.findings()), 60));
        table.setPlaceholder(new Label(i18n.get("selfcheck.compile.drill.hint")));
        drill.openOn(table, vm::drillQuestion);

        NumberAxis countAxis = new NumberAxis();
        countAxis.setLabel(i18n.get("selfcheck.compile.chart.units"));
        se.kvalitetshjulet.ui.common.FxNumbers.axis(countAxis, i18n);
        countAxis.setMinorTickVisible(false);
        chart = new StackedBarChart<>(countAxis, questionAxis);
        chart.setId("compileQuestionChart");
        chart.getStyleClass().add("answer-chart");
        chart.setTitle(i18n.get("selfcheck.compile.chart.answers"));
        chart.setAnimated(false);
        chart.setCategoryGap(6);
        chart.setLegendVisible(true);

        NumberAxis meanAxis = new NumberAxis();
        meanAxis.setLabel(i18n.get("selfcheck.compile.col.mean"));
        se.kvalitetshjulet.ui.common.FxNumbers.axis(meanAxis, i18n);
        means = new BarChart<>(meanAxis, numberAxis);
        means.setId("compileMeanChart");
        means.setTitle(i18n.get("selfcheck.compile.chart.means"));
        means.setAnimated(false);
        means.setLegendVisible(false);
        means.setPrefHeight(180);
        means.setMinHeight(140);

        compilation.addListener((o, a, c) -> {
            table.getItems().setAll(c == null ? List.of() : c.questions());
            fillCharts(c);
        });
        VBox charts = new VBox(4, chart, means);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getItems().addAll(table, charts);
        setDividerPositions(0.62);
    }

    private void fillCharts(Compilation c) {
        chart.getData().clear();
        means.getData().clear();
        if (c == null) {
            return;
        }
        List<String> categories = new ArrayList<>();
        Map<String, XYChart.Series<Number, String>> series = new LinkedHashMap<>();
        for (String v : CHART_ORDER) {
            XYChart.Series<Number, String> s = new XYChart.Series<>();
            s.setName(i18n.get("selfcheck.yesno." + v));
            series.put(v, s);
        }
        XYChart.Series<Number, String> meanSeries = new XYChart.Series<>();
        List<String> meanCategories = new ArrayList<>();
        int n = 0;
        Set<String> used = new HashSet<>();
        for (Compilation.QuestionStats q : c.questions()) {
            n++;
            String label = n + ". " + shorten(q.text());
            if (SelfCheckService.counted(q.type())) {
                categories.add(label);
                Set<String> values = new LinkedHashSet<>(q.type() == AnswerType.YES_NO ? CHART_ORDER
                        : q.counts().keySet());
                for (String v : values) {
                    XYChart.Series<Number, String> s = series.computeIfAbsent(v, k -> {
                        XYChart.Series<Number, String> added = new XYChart.Series<>();
                        added.setName(k);
                        return added;
                    });
                    s.getData().add(new XYChart.Data<>(q.count(v), label));
                    used.add(v);
                }
            } else if (q.mean() != null) {
                meanCategories.add(label);
                meanSeries.getData().add(new XYChart.Data<>(q.mean(), label));
            }
        }
        // The first question at the top: a vertical category axis draws its first category at the bottom.
        questionAxis.getCategories().setAll(categories.reversed());
        // The four ja/nej series always come first so that their colours stay the same.
        chart.getData().setAll(series.entrySet().stream()
                .filter(e -> CHART_ORDER.contains(e.getKey()) || used.contains(e.getKey()))
                .map(Map.Entry::getValue).toList());
        numberAxis.getCategories().setAll(meanCategories.reversed());
        if (!meanSeries.getData().isEmpty()) {
            means.getData().add(meanSeries);
        }
        means.setVisible(!meanSeries.getData().isEmpty());
        means.setManaged(!meanSeries.getData().isEmpty());
    }

    /** A category axis that keeps the order given (auto-ranging would order by the data, bottom up). */
    static CategoryAxis fixedCategories() {
        CategoryAxis axis = new CategoryAxis();
        axis.setAutoRanging(false);
        return axis;
    }

    private static String shorten(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }
}
