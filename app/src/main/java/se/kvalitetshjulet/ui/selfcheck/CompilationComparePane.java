package se.kvalitetshjulet.ui.selfcheck;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundComparison;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/** The "jämför" tab of Sammanställning: this round against an earlier one, per question and per unit. */
final class CompilationComparePane extends VBox {

    CompilationComparePane(CompilationViewModel vm, CompilationColumns cols, I18n i18n) {
        super(8);
        ComboBox<Round> with = new ComboBox<>(vm.compareChoices());
        with.setId("compileCompareWith");
        Forms.display(with, Round::name);
        with.valueProperty().bindBidirectional(vm.compareWithProperty());
        Label withLabel = new Label(i18n.get("selfcheck.compile.compare.with"));
        withLabel.setLabelFor(with);
        Label summary = new Label();
        summary.setId("compileCompareSummary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // at 125 % it wraps instead of ending in "…" (decision 0028)
        summary.textProperty().bind(vm.comparisonSummaryProperty());
        HBox top = new HBox(10, withLabel, with);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<RoundComparison.QuestionChange> questions = new TableView<>();
        questions.setId("compileCompareQuestions");
        questions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        questions.getColumns().add(cols.col("selfcheck.compile.col.question", RoundComparison.QuestionChange::text, 330));
        questions.getColumns().add(cols.col("selfcheck.compile.compare.col.presence", q -> vm.presence(q.presence()), 110));
        questions.getColumns().add(cols.shareCol(null, "selfcheck.compile.compare.col.findingsThen",
                RoundComparison.QuestionChange::findingsThen, 120));
        questions.getColumns().add(cols.shareCol(null, "selfcheck.compile.compare.col.findingsNow",
                RoundComparison.QuestionChange::findingsNow, 120));
        questions.getColumns().add(cols.pointsCol("selfcheck.compile.compare.col.change",
                RoundComparison.QuestionChange::changePoints, 110));
        questions.getColumns().add(CompilationColumns.right(cols.col("selfcheck.compile.compare.col.meanThen",
                q -> vm.number(q.meanThen()), 100)));
        questions.getColumns().add(CompilationColumns.right(cols.col("selfcheck.compile.compare.col.meanNow",
                q -> vm.number(q.meanNow()), 100)));

        TableView<RoundComparison.UnitChange> units = new TableView<>();
        units.setId("compileCompareUnits");
        units.getColumns().add(cols.col("selfcheck.compile.col.unitName", RoundComparison.UnitChange::unitName, 220));
        units.getColumns().add(cols.col("selfcheck.compile.col.area", RoundComparison.UnitChange::area, 160));
        units.getColumns().add(cols.shareCol(null, "selfcheck.compile.compare.col.complianceThen",
                RoundComparison.UnitChange::complianceThen, 140));
        units.getColumns().add(cols.shareCol(null, "selfcheck.compile.compare.col.complianceNow",
                RoundComparison.UnitChange::complianceNow, 140));
        units.getColumns().add(cols.pointsCol("selfcheck.compile.compare.col.change",
                RoundComparison.UnitChange::changePoints, 110));

        vm.comparisonProperty().addListener((o, a, c) -> {
            questions.getItems().setAll(c == null ? List.of() : c.questions());
            units.getItems().setAll(c == null ? List.of() : c.units());
        });
        SplitPane split = new SplitPane(questions, units);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        getChildren().addAll(top, summary, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        setPadding(new Insets(8, 0, 0, 0));
    }
}
