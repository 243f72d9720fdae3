package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.value.ObservableValue;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;

import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.ui.common.I18n;

/** The "per enhet" tab of Sammanställning: compliance per unit (sortable) and a bar chart of the units by it. */
final class CompilationUnitsPane extends SplitPane {

    CompilationUnitsPane(ObservableValue<Compilation> compilation, CompilationViewModel vm, CompilationColumns cols,
                         CompilationDrillPane drill, I18n i18n) {
        TableView<Compilation.UnitResult> table = new TableView<>();
        table.setId("compileUnits");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(cols.col("selfcheck.compile.col.area", Compilation.UnitResult::area, 140));
        table.getColumns().add(cols.col("selfcheck.compile.col.unitName", Compilation.UnitResult::unitName, 180));
        table.getColumns().add(cols.col("selfcheck.round.col.status", u -> i18n.of(u.status()), 100));
        table.getColumns().add(cols.col("selfcheck.compile.col.answered", u -> Long.toString(u.answered()), 75));
        table.getColumns().add(cols.col("selfcheck.compile.col.findings", u -> Long.toString(u.findings()), 60));
        table.getColumns().add(cols.shareCol("compileColCompliance", "selfcheck.compile.col.compliance",
                Compilation.UnitResult::compliance, 95));
        table.getColumns().add(cols.col("selfcheck.compile.col.result", u -> i18n.of(u.result()), 200));
        drill.openOn(table, vm::drillUnit);

        NumberAxis percent = new NumberAxis(0, 100, 10);
        percent.setLabel(i18n.get("selfcheck.compile.col.compliance"));
        se.kvalitetshjulet.ui.common.FxNumbers.axis(percent, i18n);
        CategoryAxis unitAxis = CompilationQuestionsPane.fixedCategories();
        BarChart<Number, String> chart = new BarChart<>(percent, unitAxis);
        chart.setId("compileUnitChart");
        chart.getStyleClass().add("compliance-chart");
        chart.setTitle(i18n.get("selfcheck.compile.chart.compliance"));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(4);

        compilation.addListener((o, a, c) -> {
            table.getItems().setAll(c == null ? List.of() : c.units());
            chart.getData().clear();
            if (c == null) {
                return;
            }
            XYChart.Series<Number, String> s = new XYChart.Series<>();
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Compilation.UnitResult u : CompilationViewModel.byCompliance(c)) {
                String name = seen.add(u.unitName()) ? u.unitName() : u.unitName() + " (" + u.area() + ")";
                names.add(name);
                s.getData().add(new XYChart.Data<>(u.compliance().percent(), name));
            }
            unitAxis.getCategories().setAll(names.reversed());
            chart.getData().add(s);
        });
        getItems().addAll(table, chart);
        setDividerPositions(0.64);
    }
}
