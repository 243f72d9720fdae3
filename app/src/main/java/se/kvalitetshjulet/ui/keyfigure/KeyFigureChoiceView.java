package se.kvalitetshjulet.ui.keyfigure;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.Municipality;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The "Urval" tab: on the left the KPI catalogue as a search list above the KPIs followed, on the right the
 * municipalities the same way. Keyboard: ↓ from the search field into the hits, Enter adds, Delete removes,
 * Alt+↑/↓ moves; with the mouse a double click adds or removes.
 */
final class KeyFigureChoiceView extends HBox {
    private final KeyFigureChoiceViewModel vm;
    private final I18n i18n;

    KeyFigureChoiceView(KeyFigureChoiceViewModel vm) {
        super(16);
        this.vm = vm;
        this.i18n = vm.i18n();
        setId("kfChoiceView");
        setPadding(new Insets(10));
        VBox kpis = kpiColumn();
        VBox municipalities = municipalityColumn();
        HBox.setHgrow(kpis, Priority.ALWAYS);
        HBox.setHgrow(municipalities, Priority.ALWAYS);
        kpis.setPrefWidth(520);
        municipalities.setPrefWidth(480);
        getChildren().addAll(kpis, municipalities);
    }

    private VBox kpiColumn() {
        Label title = heading("kf.choice.kpis");
        TextField search = new TextField();
        search.setId("kfKpiSearch");
        search.setPromptText(i18n.get("kf.choice.kpiSearchPrompt"));
        search.textProperty().bindBidirectional(vm.kpiQueryProperty());
        ListView<Kpi> hits = new ListView<>(vm.kpiHits());
        hits.setId("kfKpiHits");
        hits.setAccessibleText(i18n.get("h3.name.kfKpiHits"));
        hits.setPrefHeight(230);
        hits.setCellFactory(l -> kpiHitCell(hits));
        ListView<Kpi> followed = new ListView<>(vm.followed());
        followed.setId("kfFollowedList");
        followed.setPrefHeight(170);
        followed.setCellFactory(l -> followedCell());
        followed.setPlaceholder(new Label(i18n.get("kf.choice.noneFollowed")));
        Button add = button("kfFollowAdd", "kf.choice.add", () -> vm.follow(hits.getSelectionModel().getSelectedItem()));
        add.disableProperty().bind(hits.getSelectionModel().selectedItemProperty().isNull());
        Button remove = button("kfFollowRemove", "kf.choice.remove",
                () -> vm.unfollow(followed.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(followed.getSelectionModel().selectedItemProperty().isNull());
        Button up = button("kfFollowedUp", "kf.choice.up", () -> moveKeepingSelection(followed, -1));
        Button down = button("kfFollowedDown", "kf.choice.down", () -> moveKeepingSelection(followed, 1));
        up.disableProperty().bind(followed.getSelectionModel().selectedItemProperty().isNull());
        down.disableProperty().bind(followed.getSelectionModel().selectedItemProperty().isNull());
        vm.followed().addListener((javafx.collections.ListChangeListener<Kpi>) c -> hits.refresh());
        keyboard(search, hits);
        hits.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.follow(hits.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        hits.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.follow(hits.getSelectionModel().getSelectedItem());
            }
        });
        followed.setOnKeyPressed(e -> {
            Kpi k = followed.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.unfollow(k);
                e.consume();
            } else if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                moveKeepingSelection(followed, e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume();
            }
        });
        followed.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.unfollow(followed.getSelectionModel().getSelectedItem());
            }
        });
        Label message = message("kfKpiChoiceMessage");
        message.textProperty().bind(vm.kpiMessageProperty());
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, add, remove, up, down);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, title, search, hits, buttons, message, heading("kf.choice.followedTitle"), followed,
                hint("kf.choice.kpiKeys"));
    }

    private void moveKeepingSelection(ListView<Kpi> list, int step) {
        Kpi k = list.getSelectionModel().getSelectedItem();
        vm.moveFollowed(k, step);
    }

    private VBox municipalityColumn() {
        Label title = heading("kf.choice.municipalities");
        TextField search = new TextField();
        search.setId("kfMunicipalitySearch");
        search.setPromptText(i18n.get("kf.choice.municipalitySearchPrompt"));
        search.textProperty().bindBidirectional(vm.municipalityQueryProperty());
        ListView<Municipality> hits = new ListView<>(vm.municipalityHits());
        hits.setId("kfMunicipalityHits");
        hits.setAccessibleText(i18n.get("h3.name.kfMunicipalityHits"));
        hits.setPrefHeight(230);
        hits.setCellFactory(l -> municipalityHitCell());
        ComboBox<ComparisonRole> role = new ComboBox<>(FXCollections.observableArrayList(null, ComparisonRole.SIMILAR,
                ComparisonRole.COUNTY, ComparisonRole.NATIONAL, ComparisonRole.OTHER));
        role.setId("kfComparisonRole");
        role.valueProperty().bindBidirectional(vm.roleProperty());
        role.setCellFactory(l -> roleCell());
        role.setButtonCell(roleCell());
        Button add = button("kfCompareAdd", "kf.choice.add", () -> addMunicipality(hits));
        Button remove = new Button(i18n.get("kf.choice.remove"));
        remove.setId("kfCompareRemove");
        ListView<KeyFigureChoiceViewModel.ComparedMunicipality> chosen = new ListView<>(vm.comparisons());
        chosen.setId("kfComparisonList");
        chosen.setPrefHeight(170);
        chosen.setCellFactory(l -> comparisonCell());
        chosen.setPlaceholder(new Label(i18n.get("kf.choice.noneCompared")));
        remove.setOnAction(e -> vm.stopComparing(chosen.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        Button up = button("kfCompareUp", "kf.choice.up", () -> vm.moveComparison(chosen.getSelectionModel().getSelectedItem(), -1));
        Button down = button("kfCompareDown", "kf.choice.down",
                () -> vm.moveComparison(chosen.getSelectionModel().getSelectedItem(), 1));
        up.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        down.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        vm.comparisons().addListener((javafx.collections.ListChangeListener<KeyFigureChoiceViewModel.ComparedMunicipality>) c
                -> hits.refresh());
        keyboard(search, hits);
        search.setOnAction(e -> {
            if (vm.municipalityHits().isEmpty()) {
                vm.compareWithTypedCode();
            }
        });
        hits.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                addMunicipality(hits);
                e.consume();
            }
        });
        hits.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                addMunicipality(hits);
            }
        });
        chosen.setOnKeyPressed(e -> {
            var c = chosen.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.stopComparing(c);
                e.consume();
            } else if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                vm.moveComparison(c, e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume();
            }
        });
        chosen.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.stopComparing(chosen.getSelectionModel().getSelectedItem());
            }
        });
        Label message = message("kfMunicipalityChoiceMessage");
        message.textProperty().bind(vm.municipalityMessageProperty());
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, new Label(i18n.get("kf.choice.as")),
                role, add, remove, up, down);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, title, search, hits, buttons, message, heading("kf.choice.comparedTitle"), chosen,
                hint("kf.choice.municipalityKeys"));
    }

    /** Adds the selected hit, or the typed code when nothing is listed for it. */
    private void addMunicipality(ListView<Municipality> hits) {
        Municipality m = hits.getSelectionModel().getSelectedItem();
        if (m != null) {
            vm.compareWith(m);
        } else if (vm.municipalityHits().isEmpty()) {
            vm.compareWithTypedCode();
        }
    }

    /** ↓ in the search field goes to the first hit, so that the whole choice can be made from the keyboard. */
    private static <T> void keyboard(TextField search, ListView<T> hits) {
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !hits.getItems().isEmpty()) {
                hits.requestFocus();
                if (hits.getSelectionModel().isEmpty()) {
                    hits.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
    }

    private ListCell<Kpi> kpiHitCell(ListView<Kpi> list) {
        return new ListCell<>() {
            {
                setPrefWidth(0); // wrap inside the list instead of scrolling sideways
            }

            @Override
            protected void updateItem(Kpi k, boolean empty) {
                super.updateItem(k, empty);
                if (empty || k == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Label head = new Label(k.id() + "  " + k.title());
                head.setStyle("-fx-font-weight: bold;");
                head.setWrapText(true);
                head.maxWidthProperty().bind(list.widthProperty().subtract(28));
                String marks = (vm.isFollowed(k) ? i18n.get("kf.choice.isFollowed") + " " : "")
                        + (k.hasOuData() ? i18n.get("kf.choice.hasOuData") : "");
                Label desc = new Label(KeyFigureChoiceViewModel.shortDescription(k.description(), 150)
                        + (marks.isBlank() ? "" : "  " + marks.strip()));
                desc.getStyleClass().add("explanation");
                desc.setWrapText(true);
                desc.maxWidthProperty().bind(list.widthProperty().subtract(28));
                VBox box = new VBox(1, head, desc);
                setText(null);
                setGraphic(box);
                setTooltip(k.description() == null ? null : wrapped(k.description()));
            }
        };
    }

    private ListCell<Kpi> followedCell() {
        return new ListCell<>() {
            {
                setPrefWidth(0);
                setWrapText(true);
            }

            @Override
            protected void updateItem(Kpi k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.id() + "  " + k.title());
            }
        };
    }

    private ListCell<Municipality> municipalityHitCell() {
        return new ListCell<>() {
            {
                setPrefWidth(0);
                setWrapText(true);
            }

            @Override
            protected void updateItem(Municipality m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                    setText(null);
                    return;
                }
                String kind = i18n.get("kf.role." + se.kvalitetshjulet.service.keyfigure.KeyFigureService.likelyRole(m).name());
                if (m.code().equals(vm.ownMunicipality())) {
                    kind = i18n.get("kf.choice.ownMunicipality");
                }
                setText(m.title() + " (" + m.code() + ") – " + kind + (vm.isCompared(m.code())
                        ? " · " + i18n.get("kf.choice.isCompared") : ""));
            }
        };
    }

    private ListCell<KeyFigureChoiceViewModel.ComparedMunicipality> comparisonCell() {
        return new ListCell<>() {
            {
                setPrefWidth(0);
                setWrapText(true);
            }

            @Override
            protected void updateItem(KeyFigureChoiceViewModel.ComparedMunicipality c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name() + " (" + c.code() + ") – " + i18n.get("kf.role." + c.role().name()));
            }
        };
    }

    private ListCell<ComparisonRole> roleCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ComparisonRole r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty ? null : r == null ? i18n.get("kf.choice.roleAuto") : i18n.get("kf.role." + r.name()));
            }
        };
    }

    private static Tooltip wrapped(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(520);
        return t;
    }

    private Label heading(String key) {
        Label l = new Label(i18n.get(key));
        l.setWrapText(true);
        l.getStyleClass().add("h2");
        return l;
    }

    private Label hint(String key) {
        Label l = new Label(i18n.get(key));
        l.setWrapText(true);
        l.getStyleClass().add("explanation");
        return l;
    }

    private static Label message(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
