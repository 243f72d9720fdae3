package se.kvalitetshjulet.ui.selfcheck;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * Sammanställning: per question (table and a stacked bar chart of the answers), per unit (compliance, sortable,
 * and a bar chart of the units by compliance), per verksamhetsområde, the comparison with an earlier round, the
 * drill-down (double-click or Enter on a unit or a question) and Bilaga 2 with the coordinator's edits. This class
 * holds the round bar and the tabs; each tab is its own pane ({@code Compilation*Pane}).
 */
final class CompilationView extends BorderPane {
    private final SelfCheckViewModel owner;
    private final CompilationViewModel vm;
    private final I18n i18n;
    private final TabPane inner = new TabPane();
    private Tab drillTab;

    CompilationView(SelfCheckViewModel owner, I18n i18n) {
        this.owner = owner;
        this.vm = owner.compilationDetails();
        this.i18n = i18n;
        setId("compilationView");
        ComboBox<RoundRow> round = new ComboBox<>(owner.rounds());
        round.setId("compileRound");
        Forms.display(round, r -> r.round().name());
        round.valueProperty().bindBidirectional(owner.compileRoundProperty());
        Button export = new Button(i18n.get("selfcheck.compile.export"));
        export.setId("compileExport");
        owner.exportCompilationCommand().bind(export);
        Label summary = new Label();
        summary.setId("compileSummary");
        round.setPrefWidth(330);
        Label roundLabel = new Label(i18n.get("selfcheck.compile.round"));
        roundLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        roundLabel.setLabelFor(round);
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, roundLabel, round, export, summary);
        bar.setAlignment(Pos.CENTER_LEFT);

        CompilationColumns cols = new CompilationColumns(vm, i18n);
        var compilation = owner.compilationProperty();
        CompilationDrillPane drill = new CompilationDrillPane(vm, cols, i18n,
                () -> inner.getSelectionModel().select(drillTab));
        drillTab = tab("compileTabDrill", "selfcheck.compile.drill", drill);
        inner.getTabs().addAll(
                tab("compileTabQuestions", "selfcheck.compile.perQuestion",
                        new CompilationQuestionsPane(compilation, vm, cols, drill, i18n)),
                tab("compileTabUnits", "selfcheck.compile.perUnit",
                        new CompilationUnitsPane(compilation, vm, cols, drill, i18n)),
                tab("compileTabAreas", "selfcheck.compile.perArea", areas(cols)),
                tab("compileTabCompare", "selfcheck.compile.compare", new CompilationComparePane(vm, cols, i18n)),
                drillTab,
                tab("compileTabBilaga", "selfcheck.compile.bilaga", new CompilationBilagaPane(compilation, vm, cols, i18n)));
        inner.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        inner.setId("compileTabs");
        owner.compilationProperty().addListener((o, a, c) -> summary.setText(c == null ? ""
                : i18n.get("selfcheck.compile.summary", c.responseRate().part(), c.responseRate().whole())
                + "  ·  " + i18n.get("selfcheck.compile.complianceTotal", vm.percent(c.compliance()))));
        setCenter(inner);
        setTop(bar);
        BorderPane.setMargin(bar, new Insets(0, 0, 8, 0));
    }

    // ---- per area ------------------------------------------------------------------------

    private Node areas(CompilationColumns cols) {
        TableView<Compilation.AreaSummary> areas = new TableView<>();
        areas.setId("compileAreas");
        areas.getColumns().add(cols.col("selfcheck.compile.col.area", Compilation.AreaSummary::area, 220));
        areas.getColumns().add(cols.col("selfcheck.compile.col.units", a -> Long.toString(a.units()), 90));
        areas.getColumns().add(cols.col("selfcheck.compile.col.submitted", a -> Long.toString(a.submitted()), 90));
        areas.getColumns().add(cols.col("selfcheck.compile.col.findings", a -> Long.toString(a.findings()), 90));
        areas.getColumns().add(cols.col("selfcheck.compile.col.unitsWithFindings", a -> Long.toString(a.unitsWithFindings()), 150));
        owner.compilationProperty().addListener((o, a, c) -> areas.getItems().setAll(c == null ? List.of() : c.areas()));
        return areas;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab(i18n.get(key), content);
        t.setId(id);
        return t;
    }
}
