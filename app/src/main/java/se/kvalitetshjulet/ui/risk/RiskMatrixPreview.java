package se.kvalitetshjulet.ui.risk;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import se.kvalitetshjulet.ui.common.I18n;

/**
 * The live preview of a template's risk matrix: every cell's score coloured by the band that covers it (a red border
 * where none does), the levels' labels along the axes. Redrawn on every change of the template.
 */
final class RiskMatrixPreview extends GridPane {
    private final RiskTemplateEditorViewModel vm;
    private final I18n i18n;

    RiskMatrixPreview(RiskTemplateEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("rtPreview");
        setHgap(3);
        setVgap(3);
        vm.revisionProperty().addListener((o, a, b) -> build());
        build();
    }

    private void build() {
        getChildren().clear();
        List<RiskLevelItem> ps = vm.probabilities();
        List<RiskLevelItem> cs = vm.consequences();
        int n = Math.min(ps.size(), cs.size());
        Label axisP = new Label(i18n.get("risk.field.probability"));
        axisP.setStyle("-fx-font-weight: bold;");
        add(axisP, 0, 0, 2, 1);
        for (int p = n; p >= 1; p--) {
            int row = n - p + 1;
            Label pl = new Label(p + " " + ps.get(p - 1).labelProperty().get());
            pl.setMinWidth(110);
            add(pl, 0, row);
            for (int c = 1; c <= n; c++) {
                int score = p * c;
                String col = vm.cellColour(p, c);
                Label cell = new Label(Integer.toString(score));
                cell.setId("rtCell-" + p + "-" + c);
                cell.setAlignment(Pos.CENTER);
                cell.setMinSize(48, 38);
                cell.setPrefSize(56, 42);
                cell.setStyle("-fx-background-color: " + (col == null ? "#ffffff" : col) + "; -fx-border-color: "
                        + (col == null ? "#c62828" : "#00000033") + "; -fx-font-weight: bold; -fx-text-fill: #111;");
                String band = vm.bandLabel(score);
                cell.setTooltip(new Tooltip(band.isEmpty() ? i18n.get("risk.templates.noBand", score)
                        : i18n.get("risk.templates.cell", score, band)));
                cell.getProperties().put("colour", col);
                add(cell, c, row);
            }
        }
        for (int c = 1; c <= n; c++) {
            Label cl = new Label(c + " " + cs.get(c - 1).labelProperty().get());
            cl.setWrapText(true);
            cl.setMaxWidth(56);
            add(cl, c, n + 1);
        }
        Label axisC = new Label(i18n.get("risk.field.consequence"));
        axisC.setStyle("-fx-font-weight: bold;");
        add(axisC, 1, n + 2, Math.max(1, n), 1);
    }
}
