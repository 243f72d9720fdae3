package se.kvalitetshjulet.ui.risk;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

import static se.kvalitetshjulet.ui.risk.RiskFormControls.area;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.button;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.column;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.combo;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.scroll;

/**
 * Risker: the analysis's risks with their scores before and after measures, and the form of one risk, where
 * probability and consequence take a typed digit at once.
 */
final class RiskRisksTab {
    private final RiskEditorViewModel vm;
    private final I18n i18n;

    private RiskRisksTab(RiskEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    /** The tab's content, bound to {@code vm}. */
    static Node build(RiskEditorViewModel vm, I18n i18n) {
        return new RiskRisksTab(vm, i18n).risksTab();
    }

    private Node risksTab() {
        TableView<Risk> table = new TableView<>(vm.risks());
        table.setId("riskRisks");
        table.setPlaceholder(new Label(i18n.get("risk.risks.empty")));
        table.getColumns().setAll(List.of(
                column(i18n, "risk.field.description", 380, Risk::description),
                column(i18n, "risk.report.p", 50, r -> r.probability() == null ? "–" : r.probability().toString()),
                column(i18n, "risk.report.c", 50, r -> r.consequence() == null ? "–" : r.consequence().toString()),
                column(i18n, "risk.report.before", 140, r -> vm.scoreText(r, false)),
                column(i18n, "risk.report.after", 140, r -> vm.scoreText(r, true))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedRiskProperty().set(r));
        vm.selectedRiskProperty().addListener((o, a, r) -> {
            if (r == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        table.setPrefHeight(220);

        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("risk.field.description"), area("riskDescription", vm.riskDescriptionProperty(), 2));
        Forms.row(g, i18n.get("risk.field.causes"), area("riskCauses", vm.riskCausesProperty(), 2));
        Forms.row(g, i18n.get("risk.field.barriers"), area("riskBarriers", vm.riskBarriersProperty(), 2));
        HBox before = new HBox(8, new Label(i18n.get("risk.field.probability")),
                levelBox("riskProbability", vm.probabilityProperty()), new Label(i18n.get("risk.field.consequence")),
                levelBox("riskConsequence", vm.consequenceProperty()));
        before.setAlignment(Pos.CENTER_LEFT);
        Forms.row(g, i18n.get("risk.field.before"), before);
        HBox after = new HBox(8, new Label(i18n.get("risk.field.probability")),
                levelBox("riskResidualProbability", vm.residualProbabilityProperty()),
                new Label(i18n.get("risk.field.consequence")),
                levelBox("riskResidualConsequence", vm.residualConsequenceProperty()));
        after.setAlignment(Pos.CENTER_LEFT);
        Forms.row(g, i18n.get("risk.field.after"), after);
        Label score = new Label();
        score.setId("riskScore");
        score.textProperty().bind(vm.riskScoreProperty());
        Forms.row(g, i18n.get("risk.field.score"), score);
        Button add = button(i18n.get("risk.risks.add"), "riskAdd");
        vm.addRiskCommand().bind(add);
        Button update = button(i18n.get("risk.risks.update"), "riskUpdate");
        vm.updateRiskCommand().bind(update);
        Button remove = button(i18n.get("risk.risks.remove"), "riskRemove");
        vm.removeRiskCommand().bind(remove);
        Forms.row(g, "", new HBox(8, add, update, remove));
        VBox box = new VBox(10, table, g);
        box.setPadding(new Insets(12));
        return scroll(box);
    }

    /** Probability/consequence: a combo box that takes a typed digit at once (1..n of the template's matrix). */
    private ComboBox<Integer> levelBox(String id, ObjectProperty<Integer> property) {
        ComboBox<Integer> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.setPrefWidth(80);
        Runnable items = () -> {
            int n = vm.matrix().size();
            List<Integer> values = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                values.add(i);
            }
            box.getItems().setAll(values);
        };
        items.run();
        vm.templateProperty().addListener((o, a, b) -> items.run());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                return parse(s);
            }
        });
        box.valueProperty().bindBidirectional(property);
        box.getEditor().textProperty().addListener((o, a, t) -> {
            Integer v = parse(t);
            if (t == null || t.isBlank()) {
                property.set(null);
            } else if (v != null) {
                property.set(v);
            }
        });
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Integer v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? "" : v + " " + (id.toLowerCase().contains("probability")
                        ? vm.matrix().probability(v).label() : vm.matrix().consequence(v).label()));
            }
        });
        return box;
    }

    private Integer parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(s.strip());
            return vm.matrix().inRange(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
