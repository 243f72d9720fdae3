package se.kvalitetshjulet.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pieces every editor window repeats (redigeringsfönstrets ram): the heading row on top, the problems line, the
 * button bar with Save/Close at the right, the footer that holds them, and Ctrl+S for save.
 */
public final class EditorParts {
    private EditorParts() {
    }

    /** The editor's heading (style {@code h1}) showing {@code text}. */
    public static Label heading(String id, ObservableValue<String> text) {
        Label heading = new Label();
        heading.getStyleClass().add("h1");
        heading.setId(id);
        heading.textProperty().bind(text);
        return heading;
    }

    /** The row on top: the heading followed by badges or facts, left-aligned. */
    public static HBox header(Node... nodes) {
        HBox header = new HBox(16, nodes);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 8, 16));
        return header;
    }

    /**
     * A notice above or under a form in the warning style (e.g. "this template is in use; saving makes version 2"),
     * taking no room while its text is empty.
     */
    public static Label notice(String id, javafx.beans.value.ObservableStringValue text) {
        return asNotice(new Label(), id, text);
    }

    /** Makes {@code label} a self-hiding warning-style notice bound to {@code text}; see {@link #notice}. */
    static <L extends Label> L asNotice(L label, String id, javafx.beans.value.ObservableStringValue text) {
        label.setId(id);
        label.getStyleClass().add("privacy-warning");
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** The validation message: the problems that stopped a save, one a line. */
    public static Label problems(String id, ObservableValue<String> text) {
        Label problems = new Label();
        problems.setId(id);
        problems.getStyleClass().add("validation-message");
        problems.setWrapText(true);
        problems.textProperty().bind(text);
        return problems;
    }

    /** The primary Save button, enabled exactly when {@code save} can run. */
    public static Button saveButton(String text, String id, Command save) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("primary");
        save.bind(b);
        return b;
    }

    /** The Close button; Escape presses it. */
    public static Button closeButton(String text, String id, Runnable close) {
        Button b = new Button(text);
        b.setId(id);
        b.setCancelButton(true);
        b.setOnAction(e -> close.run());
        return b;
    }

    /** A row of buttons: {@code left} at the left, {@code right} pushed to the right edge. */
    public static HBox buttonBar(List<? extends Node> left, Node... right) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        List<Node> all = new ArrayList<>(left);
        all.add(spacer);
        all.addAll(List.of(right));
        HBox bar = new HBox(8);
        bar.getChildren().setAll(all);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The editor's footer: warnings, problems and the button bar, stacked. */
    public static VBox footer(Node... rows) {
        VBox bottom = new VBox(8, rows);
        bottom.setPadding(new Insets(8, 16, 12, 16));
        return bottom;
    }

    /** Ctrl+S (Cmd+S) anywhere in {@code node} runs {@code save}. */
    public static void saveOnShortcut(Node node, Command save) {
        KeyCombination saveKey = Shortcuts.SAVE;
        node.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (saveKey.match(e)) {
                save.execute();
                e.consume();
            }
        });
    }
}
