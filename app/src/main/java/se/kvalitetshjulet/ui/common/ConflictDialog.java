package se.kvalitetshjulet.ui.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The conflict dialog (decision 0025): who changed the record and when, the differing fields mine beside theirs, and
 * for each field both changed a pick "Mitt"/"Deras". "Slå ihop" is enabled only once every such field is picked;
 * "Avbryt" (nothing saved, the form keeps mine) is the default.
 */
final class ConflictDialog {
    private ConflictDialog() {
    }

    static Optional<ConflictQuestion.Answer> show(Window owner, ConflictQuestion q) {
        Dialog<ButtonType> d = new Dialog<>();
        Mnemonics.onShown(d); // h1: Alt+letter on its buttons
        d.initOwner(owner);
        Theme.style(d.getDialogPane()); // h3: the window's theme
        d.setTitle(q.title());
        d.setHeaderText(q.title());
        d.getDialogPane().setId("conflictDialog");
        ConflictQuestion.Labels l = q.labels();
        ButtonType keep = new ButtonType(l.keepMine(), ButtonBar.ButtonData.OTHER);
        ButtonType theirs = new ButtonType(l.takeTheirs(), ButtonBar.ButtonData.OTHER);
        ButtonType merge = new ButtonType(l.merge(), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(l.cancel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(keep, theirs, merge, cancel);

        Label message = new Label(q.message());
        message.setWrapText(true);
        message.setId("conflictMessage");
        GridPane grid = new GridPane();
        grid.setId("conflictFields");
        grid.setHgap(12);
        grid.setVgap(6);
        String[] headings = {l.field(), l.changed(), l.mine(), l.theirs()};
        for (int c = 0; c < headings.length; c++) {
            Label h = new Label(headings[c]);
            h.setStyle("-fx-font-weight: bold;");
            grid.add(h, c, 0);
        }
        Map<Integer, ToggleGroup> picks = new HashMap<>();
        for (int i = 0; i < q.rows().size(); i++) {
            ConflictQuestion.Row r = q.rows().get(i);
            int row = i + 1;
            grid.add(new Label(r.field()), 0, row);
            grid.add(new Label(r.changedText()), 1, row);
            Label mine = value(r.mine(), "conflictMine-" + i);
            Label their = value(r.theirs(), "conflictTheirs-" + i);
            if (r.changed() == ConflictQuestion.Changed.BOTH) {
                ToggleGroup g = new ToggleGroup();
                RadioButton pickMine = new RadioButton(l.pickMine());
                pickMine.setId("conflictPickMine-" + i);
                pickMine.setToggleGroup(g);
                RadioButton pickTheirs = new RadioButton(l.pickTheirs());
                pickTheirs.setId("conflictPickTheirs-" + i);
                pickTheirs.setToggleGroup(g);
                RadioGroups.oneTabStop(g, java.util.List.of(pickMine, pickTheirs), null);
                pickMine.setUserData(Boolean.TRUE);
                pickTheirs.setUserData(Boolean.FALSE);
                picks.put(i, g);
                grid.add(new VBox(4, mine, pickMine), 2, row);
                grid.add(new VBox(4, their, pickTheirs), 3, row);
            } else {
                grid.add(mine, 2, row);
                grid.add(their, 3, row);
            }
        }
        VBox box = new VBox(10, message, grid);
        if (!picks.isEmpty()) {
            Label hint = new Label(l.bothHint());
            hint.setWrapText(true);
            box.getChildren().add(hint);
        }
        box.setPrefWidth(760);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(460, 180 + 48 * q.rows().size()));
        d.getDialogPane().setContent(scroll);
        d.setResizable(true);

        Button mergeButton = (Button) d.getDialogPane().lookupButton(merge);
        mergeButton.setId("conflictMerge");
        BooleanBinding unpicked = Bindings.createBooleanBinding(() -> false);
        for (ToggleGroup g : picks.values()) {
            unpicked = unpicked.or(g.selectedToggleProperty().isNull());
        }
        mergeButton.disableProperty().bind(unpicked);
        ((Button) d.getDialogPane().lookupButton(keep)).setId("conflictKeepMine");
        ((Button) d.getDialogPane().lookupButton(theirs)).setId("conflictTakeTheirs");
        Button cancelButton = (Button) d.getDialogPane().lookupButton(cancel);
        cancelButton.setId("conflictCancel");
        cancelButton.setDefaultButton(true);
        Platform.runLater(cancelButton::requestFocus);

        Optional<ButtonType> chosen = d.showAndWait();
        if (chosen.isEmpty() || chosen.get() == cancel) {
            return Optional.empty();
        }
        if (chosen.get() == keep) {
            return Optional.of(ConflictQuestion.Answer.of(ConflictQuestion.Choice.KEEP_MINE));
        }
        if (chosen.get() == theirs) {
            return Optional.of(ConflictQuestion.Answer.of(ConflictQuestion.Choice.TAKE_THEIRS));
        }
        Set<Integer> mineRows = new HashSet<>();
        picks.forEach((i, g) -> {
            if (g.getSelectedToggle() != null && Boolean.TRUE.equals(g.getSelectedToggle().getUserData())) {
                mineRows.add(i);
            }
        });
        return Optional.of(new ConflictQuestion.Answer(ConflictQuestion.Choice.MERGE, mineRows));
    }

    private static Label value(String text, String id) {
        Label v = new Label(text);
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(260);
        return v;
    }
}
