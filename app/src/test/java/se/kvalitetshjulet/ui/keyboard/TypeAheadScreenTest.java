package se.kvalitetshjulet.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.Mnemonics;

/**
 * Issue 18: typing in a drop-down or a list chooses the first item that starts with the letters typed, as shown
 * (a drop-down's display text, a list's own cells), once the window's keyboard pass has run.
 */
@ExtendWith(ApplicationExtension.class)
class TypeAheadScreenTest {
    record Unit(long id, String name) { }

    private ComboBox<Unit> combo;
    private final java.util.List<String> pressed = new java.util.ArrayList<>();
    private ListView<Unit> list;

    @Start
    void start(Stage stage) {
        List<Unit> units = List.of(new Unit(1, "Äldreboende Solgården"), new Unit(2, "Hemsjukvård Väster"),
                new Unit(3, "Hemtjänst Norr"), new Unit(4, "Hemtjänst Östra"), new Unit(5, "Östermalms dagverksamhet"));
        combo = new ComboBox<>();
        combo.getItems().setAll(units);
        combo.setId("combo");
        Forms.display(combo, Unit::name);
        list = new ListView<>();
        list.getItems().setAll(units);
        list.setId("list");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Unit u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u.name() + " (" + u.id() + ")");
            }
        });
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(8);
        for (String text : List.of("Spara", "Stäng", "Sök")) {
            javafx.scene.control.Button b = new javafx.scene.control.Button(text);
            b.setOnAction(e -> pressed.add(text));
            buttons.getChildren().add(b);
        }
        Scene scene = new Scene(new VBox(8, combo, list, buttons), 500, 400);
        stage.setScene(scene);
        stage.show();
        Mnemonics.install(scene);
    }

    @Test
    void typingChoosesTheFirstItemThatStartsWithTheLetters(FxRobot robot) {
        robot.interact(combo::requestFocus);
        robot.write("hemtjänst o");
        assertThat(combo.getValue().name()).as("ö found by o, the space part of the word").isEqualTo("Hemtjänst Östra");

        robot.type(KeyCode.TAB);
        assertThat(list.isFocused()).isTrue();
        robot.write("HEMT");
        assertThat(list.getSelectionModel().getSelectedItem().name()).as("the list's own cell text").isEqualTo("Hemtjänst Norr");
    }

    @Test
    void altAndTheUnderlinedLetterPressTheButton(FxRobot robot) {
        javafx.scene.control.Button close = robot.lookup(".button").match(n -> ((javafx.scene.control.Button) n)
                .getText().replace("_", "").equals("Stäng")).query();
        // fewest letters first: Sök (s, k) takes S, then Spara gets P and Stäng T
        assertThat(close.getText()).isEqualTo("S_täng");
        robot.interact(list::requestFocus);
        robot.press(KeyCode.ALT).press(KeyCode.T).release(KeyCode.T).release(KeyCode.ALT);
        robot.press(KeyCode.ALT).press(KeyCode.S).release(KeyCode.S).release(KeyCode.ALT);
        assertThat(pressed).containsExactly("Stäng", "Sök");
    }
}
