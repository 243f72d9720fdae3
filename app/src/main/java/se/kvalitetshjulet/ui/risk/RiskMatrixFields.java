package se.kvalitetshjulet.ui.risk;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;

import se.kvalitetshjulet.ui.common.I18n;

/**
 * The fields of a template's risk matrix: one row per score band (name, from, to, colour, remove) and one row per
 * probability and consequence level (label, description). The rows are rebuilt when bands or levels are added,
 * removed or reordered, not when their text changes (so typing keeps the focus).
 */
final class RiskMatrixFields {
    private final RiskTemplateEditorViewModel vm;
    private final I18n i18n;
    private final GridPane levels = new GridPane();
    private final GridPane bandRows = new GridPane();

    RiskMatrixFields(RiskTemplateEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        levels.setHgap(8);
        levels.setVgap(6);
        levels.setId("rtLevels");
        ListChangeListener<RiskLevelItem> rebuildLevels = c -> {
            if (structural(c)) {
                buildLevels();
            }
        };
        vm.probabilities().addListener(rebuildLevels);
        vm.consequences().addListener(rebuildLevels);
        buildLevels();

        bandRows.setHgap(8);
        bandRows.setVgap(6);
        bandRows.setId("rtBands");
        vm.bands().addListener((ListChangeListener<RiskBandItem>) c -> {
            if (structural(c)) {
                buildBands();
            }
        });
        buildBands();
    }

    /** The probability and consequence levels. */
    GridPane levels() {
        return levels;
    }

    /** The score bands. */
    GridPane bands() {
        return bandRows;
    }

    private static boolean structural(ListChangeListener.Change<?> c) {
        while (c.next()) {
            if (c.wasAdded() || c.wasRemoved() || c.wasPermutated() || c.wasReplaced()) {
                return true;
            }
        }
        return false;
    }

    private void buildLevels() {
        levels.getChildren().clear();
        int row = 0;
        row = levelBlock(row, "risk.templates.probability", "rtProbability", vm.probabilities());
        levelBlock(row, "risk.templates.consequence", "rtConsequence", vm.consequences());
    }

    private int levelBlock(int row, String titleKey, String idPrefix, ObservableList<RiskLevelItem> items) {
        Label t = new Label(i18n.get(titleKey));
        t.setStyle("-fx-font-weight: bold;");
        levels.add(t, 0, row++, 3, 1);
        for (RiskLevelItem l : items) {
            TextField label = new TextField();
            label.setId(idPrefix + "Label" + l.value());
            label.setPromptText(i18n.get("risk.templates.levelLabel"));
            label.textProperty().bindBidirectional(l.labelProperty());
            label.setPrefColumnCount(14);
            TextField description = new TextField();
            description.setId(idPrefix + "Description" + l.value());
            description.setPromptText(i18n.get("risk.templates.levelDescription"));
            description.textProperty().bindBidirectional(l.descriptionProperty());
            GridPane.setHgrow(description, Priority.ALWAYS);
            Label number = new Label(Integer.toString(l.value()));
            number.setLabelFor(label);
            number.setMinWidth(20);
            levels.add(number, 0, row);
            levels.add(label, 1, row);
            levels.add(description, 2, row++);
        }
        return row;
    }

    private void buildBands() {
        bandRows.getChildren().clear();
        bandRows.addRow(0, bold("risk.templates.bandName"), bold("risk.templates.bandFrom"), bold("risk.templates.bandTo"),
                bold("risk.templates.bandColour"));
        int row = 1;
        for (RiskBandItem b : vm.bands()) {
            int n = row;
            TextField label = new TextField();
            label.setId("rtBandLabel" + n);
            label.textProperty().bindBidirectional(b.labelProperty());
            label.setPrefColumnCount(12);
            TextField from = new TextField();
            from.setId("rtBandFrom" + n);
            from.setPrefColumnCount(4);
            from.textProperty().bindBidirectional(b.fromProperty());
            TextField to = new TextField();
            to.setId("rtBandTo" + n);
            to.setPrefColumnCount(4);
            to.textProperty().bindBidirectional(b.toProperty());
            ColorPicker colour = new ColorPicker(colour(b.colourProperty().get()));
            colour.setId("rtBandColour" + n);
            colour.valueProperty().addListener((o, a, c) -> b.colourProperty().set(hex(c)));
            b.colourProperty().addListener((o, a, c) -> {
                if (!hex(colour.getValue()).equalsIgnoreCase(c)) {
                    colour.setValue(colour(c));
                }
            });
            Button remove = new Button(i18n.get("risk.templates.removeBand"));
            remove.setId("rtBandRemove" + n);
            remove.setOnAction(e -> vm.removeBand(b));
            bandRows.addRow(row++, label, from, to, colour, remove);
        }
    }

    static Color colour(String hex) {
        try {
            return Color.web(hex);
        } catch (RuntimeException e) {
            return Color.GRAY;
        }
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private Label bold(String key) {
        Label l = new Label(i18n.get(key));
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
