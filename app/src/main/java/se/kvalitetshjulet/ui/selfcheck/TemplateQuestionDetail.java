package se.kvalitetshjulet.ui.selfcheck;

import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.ui.common.EditorLists;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The right-hand pane of the template editor: the chosen question's text, answer type, options, required, help text,
 * reference, finding rule (tick the answers that are findings, or type limits for numbers) and key. Follows the chosen
 * question; empty and disabled when none is chosen.
 */
final class TemplateQuestionDetail extends ScrollPane {
    private final I18n i18n;
    private final TextField questionText = new TextField();
    private final ComboBox<AnswerType> type = new ComboBox<>();
    private final TextArea options = EditorLists.textArea("tplOptions", 4);
    private final CheckBox required;
    private final TextField help = new TextField();
    private final TextField reference = new TextField();
    private final TextField key = new TextField();
    private final VBox findingBox = new VBox(6);
    private final Label none;
    private final GridPane grid = Forms.grid();
    private TemplateQuestionItem bound;

    TemplateQuestionDetail(ObservableValue<TemplateQuestionItem> selected, I18n i18n) {
        this.i18n = i18n;
        questionText.setId("tplQuestionText");
        type.setId("tplQuestionType");
        type.getItems().setAll(AnswerType.values());
        Forms.display(type, i18n::of);
        options.setPromptText(i18n.get("selfcheck.editor.optionsPrompt"));
        Label optionsLabel = label("selfcheck.editor.options", options);
        required = new CheckBox(i18n.get("selfcheck.editor.required"));
        required.setId("tplRequired");
        required.setMnemonicParsing(true);
        help.setId("tplHelp");
        reference.setId("tplReference");
        reference.setPromptText(i18n.get("selfcheck.editor.referencePrompt"));
        key.setId("tplKey");
        findingBox.setId("tplFinding");

        Forms.row(grid, i18n.get("selfcheck.editor.questionText"), questionText);
        Forms.row(grid, i18n.get("selfcheck.editor.type"), type);
        grid.add(optionsLabel, 0, grid.getRowCount());
        grid.add(options, 1, grid.getRowCount() - 1);
        grid.add(required, 1, grid.getRowCount());
        Forms.row(grid, i18n.get("selfcheck.editor.help"), help);
        Forms.row(grid, i18n.get("selfcheck.editor.reference"), reference);
        Forms.row(grid, i18n.get("selfcheck.editor.finding"), findingBox);
        Forms.row(grid, i18n.get("selfcheck.editor.key"), key);

        none = new Label(i18n.get("selfcheck.editor.chooseQuestion"));
        none.getStyleClass().add("hint");
        Label heading = new Label(i18n.get("selfcheck.editor.question"));
        heading.getStyleClass().add("h2");
        VBox box = new VBox(8, heading, none, grid);
        box.setPadding(new Insets(8, 0, 8, 8));
        setContent(box);
        setFitToWidth(true);

        selected.addListener((o, a, q) -> bind(q));
        // The finding controls follow the type and the options of the bound question.
        type.valueProperty().addListener((o, a, t) -> {
            if (bound != null) {
                buildFinding(bound);
            }
            options.setDisable(t == null || !t.hasOptions());
        });
        options.textProperty().addListener((o, a, b) -> {
            if (bound != null && bound.typeProperty().get() != null && bound.typeProperty().get().hasOptions()) {
                buildFinding(bound);
            }
        });
        bind(selected.getValue());
    }

    /** The question text field (focused after a new question is added). */
    TextField questionText() {
        return questionText;
    }

    private void bind(TemplateQuestionItem q) {
        if (bound != null) {
            questionText.textProperty().unbindBidirectional(bound.textProperty());
            type.valueProperty().unbindBidirectional(bound.typeProperty());
            options.textProperty().unbindBidirectional(bound.optionsTextProperty());
            required.selectedProperty().unbindBidirectional(bound.requiredProperty());
            help.textProperty().unbindBidirectional(bound.helpTextProperty());
            reference.textProperty().unbindBidirectional(bound.referenceProperty());
            key.textProperty().unbindBidirectional(bound.keyProperty());
        }
        bound = q;
        none.setVisible(q == null);
        none.setManaged(q == null);
        grid.setDisable(q == null);
        if (q == null) {
            for (var f : List.of(questionText, help, reference, key)) {
                f.setText("");
            }
            options.setText("");
            findingBox.getChildren().clear();
            return;
        }
        questionText.textProperty().bindBidirectional(q.textProperty());
        type.valueProperty().bindBidirectional(q.typeProperty());
        options.textProperty().bindBidirectional(q.optionsTextProperty());
        required.selectedProperty().bindBidirectional(q.requiredProperty());
        help.textProperty().bindBidirectional(q.helpTextProperty());
        reference.textProperty().bindBidirectional(q.referenceProperty());
        key.textProperty().bindBidirectional(q.keyProperty());
        buildFinding(q);
        options.setDisable(q.typeProperty().get() == null || !q.typeProperty().get().hasOptions());
    }

    /** Friendly controls for the finding rule: tick the answers that are findings, or type limits for numbers. */
    private void buildFinding(TemplateQuestionItem q) {
        findingBox.getChildren().clear();
        AnswerType t = q.typeProperty().get();
        if (t == null) {
            return;
        }
        if (t == AnswerType.YES_NO || t.hasOptions()) {
            List<String> choices = q.choices();
            if (choices.isEmpty()) {
                findingBox.getChildren().add(hint("selfcheck.editor.findingNeedsOptions"));
                return;
            }
            FlowPane boxes = new FlowPane(14, 6);
            for (String c : choices) {
                CheckBox b = new CheckBox(t == AnswerType.YES_NO ? i18n.get("selfcheck.yesno." + c) : c);
                b.setId("tplFinding-" + c.replaceAll("[^A-Za-z0-9_]", "_"));
                b.setSelected(q.findingValues().contains(c));
                b.selectedProperty().addListener((o, was, is) -> {
                    if (is) {
                        q.findingValues().add(c);
                    } else {
                        q.findingValues().remove(c);
                    }
                });
                boxes.getChildren().add(b);
            }
            findingBox.getChildren().addAll(hint("selfcheck.editor.findingChoices"), boxes);
        } else if (t.numeric()) {
            TextField below = new TextField();
            below.setId("tplBelow");
            below.setPrefColumnCount(6);
            below.textProperty().bindBidirectional(q.belowProperty());
            TextField above = new TextField();
            above.setId("tplAbove");
            above.setPrefColumnCount(6);
            above.textProperty().bindBidirectional(q.aboveProperty());
            String unit = t == AnswerType.PERCENTAGE ? " %" : "";
            HBox row = new HBox(8, label("selfcheck.editor.below", below), below, new Label(unit),
                    label("selfcheck.editor.above", above), above, new Label(unit));
            row.setAlignment(Pos.CENTER_LEFT);
            findingBox.getChildren().addAll(row, hint("selfcheck.editor.findingLimits"));
        } else {
            findingBox.getChildren().add(hint("selfcheck.editor.findingNever"));
        }
    }

    private Label label(String key, Node target) {
        Label l = new Label(i18n.get(key));
        l.setLabelFor(target);
        l.setMnemonicParsing(true);
        return l;
    }

    private Label hint(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }
}
