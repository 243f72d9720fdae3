package se.kvalitetshjulet.ui.trend;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.ui.common.I18n;

/**
 * The chosen deck's charts in presentation order, with title, kind and selection; moved, renamed, updated with the
 * screen's settings, removed — by buttons or keys (Alt+Up/Down, F2, Delete, Enter opens) — and saved at once.
 */
final class TrendDeckPane {
    private final TrendViewModel vm;
    private final I18n i18n;

    TrendDeckPane(TrendViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    VBox build() {
        Label heading = new Label(i18n.get("trend.deck.heading"));
        heading.getStyleClass().add("h2");
        Label owner = new Label();
        owner.setId("trendDeckOwnerName");
        owner.setWrapText(true);
        owner.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.deckOwnerProperty().get() == null ? "" : vm.deckOwnerProperty().get().name(), vm.deckOwnerProperty()));
        ListView<TrendViewModel.DeckItem> list = new ListView<>(vm.deckItems());
        list.setId("trendDeckList");
        list.setPrefHeight(220);
        Label placeholder = new Label(i18n.get("trend.deck.empty"));
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(8));
        list.setPlaceholder(placeholder);
        list.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(TrendViewModel.DeckItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label t = new Label((getIndex() + 1) + ". " + item.title());
                t.setStyle("-fx-font-weight: bold;");
                Label sub = new Label(item.summary());
                sub.setWrapText(true);
                sub.setStyle("-fx-font-size: 0.85em;");
                VBox box = new VBox(2, t, sub);
                box.setMaxWidth(240);
                setText(null);
                setGraphic(box);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedDeckItemProperty().set(b));
        vm.selectedDeckItemProperty().addListener((o, a, b) -> {
            if (b != list.getSelectionModel().getSelectedItem()) {
                if (b == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(b);
                    list.scrollTo(b);
                }
            }
        });
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean handled = switch (e.getCode()) {
                case UP -> e.isAltDown() && vm.moveUpCommand().execute();
                case DOWN -> e.isAltDown() && vm.moveDownCommand().execute();
                case DELETE -> vm.removeFromDeckCommand().execute();
                case ENTER -> vm.openDeckItemCommand().execute();
                case F2 -> vm.renameInDeckCommand().execute();
                default -> false;
            };
            if (handled || (e.isAltDown() && (e.getCode() == javafx.scene.input.KeyCode.UP
                    || e.getCode() == javafx.scene.input.KeyCode.DOWN))) {
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.openDeckItemCommand().execute();
            }
        });
        Button up = deckButton("trendDeckUp", "trend.deck.up", "trend.deck.up.tooltip", vm.moveUpCommand());
        Button down = deckButton("trendDeckDown", "trend.deck.down", "trend.deck.down.tooltip", vm.moveDownCommand());
        Button rename = deckButton("trendDeckRename", "trend.deck.rename", "trend.deck.rename.tooltip", vm.renameInDeckCommand());
        Button replace = deckButton("trendDeckReplace", "trend.deck.replace", "trend.deck.replace.tooltip", vm.replaceInDeckCommand());
        Button remove = deckButton("trendDeckRemove", "trend.deck.remove", "trend.deck.remove.tooltip", vm.removeFromDeckCommand());
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, up, down, rename, replace, remove);
        VBox box = new VBox(6, heading, owner, list, buttons);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private Button deckButton(String id, String key, String tooltipKey, se.kvalitetshjulet.ui.common.Command command) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(i18n.get(tooltipKey)));
        command.bind(b);
        return b;
    }
}
