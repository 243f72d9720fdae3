package se.kvalitetshjulet.ui.risk;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.ScoreBand;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * Värmekarta: the risk matrix as a grid of cells coloured by score band, each showing how many risks lie there
 * (before or after measures). Probability grows upwards, consequence to the right. Cells are buttons: click or
 * Enter shows the cell's risks.
 */
public final class RiskHeatmap extends GridPane {
    private final RiskEditorViewModel vm;
    private final I18n i18n;

    public RiskHeatmap(RiskEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("riskHeatmap");
        setHgap(3);
        setVgap(3);
        vm.risks().addListener((ListChangeListener<Risk>) c -> rebuild());
        vm.afterMeasuresProperty().addListener((o, a, b) -> rebuild());
        vm.templateProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        RiskMatrix m = vm.matrix();
        int n = m.size();
        int[][] counts = vm.heatmapCounts();
        Label axisP = new Label(i18n.get("risk.field.probability"));
        axisP.getStyleClass().add("h2");
        add(axisP, 0, 0, 2, 1);
        for (int p = n; p >= 1; p--) {
            int row = n - p + 1;
            Label pl = new Label(p + " " + m.probability(p).label());
            pl.setTooltip(new Tooltip(m.probability(p).description()));
            pl.setMinWidth(130);
            add(pl, 0, row);
            for (int c = 1; c <= n; c++) {
                int score = m.score(p, c);
                ScoreBand band = m.band(score);
                int count = counts[p - 1][c - 1];
                Button cell = new Button(count == 0 ? "" : Integer.toString(count));
                cell.setId("heat-" + p + "-" + c);
                cell.setMinSize(64, 48);
                cell.setPrefSize(80, 52);
                cell.setAlignment(Pos.CENTER);
                cell.setStyle("-fx-background-color: " + band.colour() + "; -fx-font-size: 16px; -fx-font-weight: bold;"
                        + " -fx-text-fill: #111; -fx-background-radius: 2;");
                cell.setTooltip(new Tooltip(i18n.get("risk.heat.cell", p, c, score, band.label(), count)));
                cell.getProperties().put("count", count);
                int pp = p;
                int cc = c;
                cell.setOnAction(e -> vm.selectCell(pp, cc));
                add(cell, c, row);
            }
        }
        for (int c = 1; c <= n; c++) {
            Label cl = new Label(c + " " + m.consequence(c).label());
            cl.setTooltip(new Tooltip(m.consequence(c).description()));
            cl.setWrapText(true);
            cl.setMaxWidth(80);
            add(cl, c, n + 1);
        }
        Label axisC = new Label(i18n.get("risk.field.consequence"));
        axisC.getStyleClass().add("h2");
        add(axisC, 1, n + 2, n, 1);
    }
}
