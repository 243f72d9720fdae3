package se.kvalitetshjulet.ui.settings;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.me.RegisterDefaults;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/** The nodes of Inställningar's personal sections (decision 0027): my units and roles, the register's defaults. */
final class PersonalPanes {
    private PersonalPanes() {
    }

    /** "Mina enheter och roller": a ticked list of the organisation and the role words; read-only from a login. */
    static Node me(PersonalSettings vm, I18n i18n) {
        ListView<Unit> list = new ListView<>(vm.units());
        list.setId("settingsMyUnits");
        list.setPrefHeight(200);
        list.setPrefWidth(460);
        list.setCellFactory(CheckBoxListCell.forListView(vm::chosen, new javafx.util.StringConverter<>() {
            @Override
            public String toString(Unit u) {
                return u == null ? "" : "    ".repeat(u.level().ordinal()) + u.name();
            }

            @Override
            public Unit fromString(String s) {
                return null;
            }
        }));
        // Space ticks the unit in focus (the keyboard, issue 18)
        list.setOnKeyPressed(e -> {
            Unit u = list.getFocusModel().getFocusedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && u != null) {
                vm.chosen(u).set(!vm.chosen(u).get());
                e.consume();
            }
        });
        list.setAccessibleText(i18n.get("h2.me.units"));
        list.setPlaceholder(new Label(i18n.get("h2.me.units.emptyTree")));
        Label count = new Label();
        count.setId("settingsMyUnitsCount");
        count.getStyleClass().add("hint");
        count.textProperty().bind(vm.chosenCountProperty());
        TextField roles = new TextField();
        roles.setId("settingsMyRoles");
        roles.setPrefColumnCount(30);
        roles.setPromptText(i18n.get("h2.me.roles.prompt"));
        roles.textProperty().bindBidirectional(vm.rolesProperty());
        Label common = new Label();
        common.setId("settingsMyRolesCommon");
        common.getStyleClass().add("hint");
        common.setWrapText(true);
        common.textProperty().bind(vm.commonHintProperty());
        GridPane local = Forms.grid();
        Forms.row(local, i18n.get("h2.me.units"), new VBox(4, list, count));
        Forms.row(local, i18n.get("h2.me.roles"), new VBox(4, roles, common));
        local.visibleProperty().bind(vm.fromLoginProperty().not());
        local.managedProperty().bind(local.visibleProperty());

        Label fromLogin = new Label();
        fromLogin.setId("settingsMeFromLogin");
        fromLogin.setWrapText(true);
        fromLogin.textProperty().bind(vm.fromLoginTextProperty());
        fromLogin.visibleProperty().bind(vm.fromLoginProperty());
        fromLogin.managedProperty().bind(fromLogin.visibleProperty());
        return new VBox(6, local, fromLogin);
    }

    /** "Avvikelseregistret öppnas med": my units, only open cases, a period counted back from today. */
    static Node registerDefaults(PersonalSettings vm, I18n i18n) {
        CheckBox myUnits = new CheckBox(i18n.get("h2.defaults.myUnits"));
        myUnits.setId("settingsDefaultMyUnits");
        myUnits.selectedProperty().bindBidirectional(vm.defaultMyUnitsProperty());
        CheckBox open = new CheckBox(i18n.get("h2.defaults.openOnly"));
        open.setId("settingsDefaultOpenOnly");
        open.selectedProperty().bindBidirectional(vm.defaultOpenOnlyProperty());
        ComboBox<RegisterDefaults.Period> period = new ComboBox<>();
        period.setId("settingsDefaultPeriod");
        period.getItems().setAll(List.of(RegisterDefaults.Period.values()));
        Forms.display(period, p -> i18n.get("h2.defaults.period." + p.name()));
        period.valueProperty().bindBidirectional(vm.defaultPeriodProperty());
        GridPane g = Forms.grid();
        Forms.row(g, "", new VBox(6, myUnits, open));
        Forms.row(g, i18n.get("h2.defaults.period"), period);
        return g;
    }
}
