package se.kvalitetshjulet.ui.selfcheck;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.selfcheck.Bilaga2Year;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * "Bilaga 2 för året": the year's rows as the kvalitetsberättelse prints them, moved up and down within their
 * verksamhetsområde (buttons or Alt+↑/Alt+↓ in the table), and below them the forms not submitted, which the report
 * lists apart.
 */
final class Bilaga2YearPane extends BorderPane {

    Bilaga2YearPane(Bilaga2YearViewModel vm, I18n i18n) {
        setId("bilagaYearPane");
        setPadding(new Insets(8, 0, 0, 0));
        ComboBox<Integer> year = new ComboBox<>(vm.years());
        year.setId("bilagaYearChoice");
        year.valueProperty().bindBidirectional(vm.yearProperty());
        Label yearLabel = new Label(i18n.get("selfcheck.bilagaYear.year"));
        yearLabel.setLabelFor(year);
        Label status = new Label();
        status.setId("bilagaYearStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox top = new HBox(8, yearLabel, year, status);
        top.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(i18n.get("selfcheck.bilagaYear.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the table shrinks, the hint keeps its lines

        TableView<Bilaga2Year.Line> rows = new TableView<>(vm.lines());
        rows.setId("bilagaYearRows");
        rows.setPlaceholder(new Label(i18n.get("selfcheck.bilagaYear.empty")));
        rows.getColumns().add(number(rows, i18n));
        rows.getColumns().add(col(i18n, "selfcheck.bilagaYear.col.area", Bilaga2Year.Line::area, 140));
        rows.getColumns().add(col(i18n, "selfcheck.compile.col.check", Bilaga2Year.Line::check, 190));
        rows.getColumns().add(col(i18n, "selfcheck.compile.col.unit", Bilaga2Year.Line::unit, 170));
        rows.getColumns().add(col(i18n, "selfcheck.bilagaYear.col.round", l -> month(l, i18n), 100));
        rows.getColumns().add(col(i18n, "selfcheck.compile.col.result", Bilaga2Year.Line::result, 220));
        rows.getColumns().add(col(i18n, "selfcheck.compile.col.actions", Bilaga2Year.Line::actions, 220));
        rows.getColumns().add(col(i18n, "selfcheck.compile.col.routines", Bilaga2Year.Line::routines, 220));
        rows.getColumns().forEach(c -> c.setSortable(false)); // the order is the point: no header sorting
        rows.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> vm.selectedProperty().set(i.intValue()));
        vm.selectedProperty().addListener((o, a, i) -> {
            if (i.intValue() != rows.getSelectionModel().getSelectedIndex()) {
                if (i.intValue() < 0) {
                    rows.getSelectionModel().clearSelection();
                } else {
                    rows.getSelectionModel().select(i.intValue());
                    rows.scrollTo(Math.max(0, i.intValue() - 3));
                }
            }
        });
        rows.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                (e.getCode() == KeyCode.UP ? vm.moveUpCommand() : vm.moveDownCommand()).execute();
                e.consume();
            }
        });

        Button up = button("bilagaYearUp", i18n.get("selfcheck.bilagaYear.up"));
        vm.moveUpCommand().bind(up);
        Button down = button("bilagaYearDown", i18n.get("selfcheck.bilagaYear.down"));
        vm.moveDownCommand().bind(down);
        Button sort = button("bilagaYearSort", i18n.get("selfcheck.bilagaYear.byCheck"));
        vm.byCheckAndUnitCommand().bind(sort);
        Button revert = button("bilagaYearRevert", i18n.get("selfcheck.bilagaYear.revert"));
        vm.revertCommand().bind(revert);
        Button save = button("bilagaYearSave", i18n.get("selfcheck.bilagaYear.save"));
        vm.saveCommand().bind(save);
        FlowPane buttons = new FlowPane(8, 6, up, down, sort, revert, save);

        TableView<Bilaga2Year.Line> missing = new TableView<>(vm.unanswered());
        missing.setId("bilagaYearUnanswered");
        missing.setPlaceholder(new Label(i18n.get("selfcheck.bilagaYear.allAnswered")));
        missing.getColumns().add(col(i18n, "selfcheck.bilagaYear.col.area", Bilaga2Year.Line::area, 140));
        missing.getColumns().add(col(i18n, "selfcheck.compile.col.check", Bilaga2Year.Line::check, 190));
        missing.getColumns().add(col(i18n, "selfcheck.compile.col.unit", Bilaga2Year.Line::unit, 170));
        missing.getColumns().add(col(i18n, "selfcheck.bilagaYear.col.round", l -> month(l, i18n), 100));
        missing.getColumns().add(col(i18n, "selfcheck.bilagaYear.col.state", Bilaga2Year.Line::result, 220));
        Label missingTitle = new Label(i18n.get("selfcheck.bilagaYear.unansweredTitle"));
        missingTitle.getStyleClass().add("h2");
        VBox lower = new VBox(6, missingTitle, missing);
        VBox.setVgrow(missing, Priority.ALWAYS);

        VBox upper = new VBox(6, top, hint, rows, buttons);
        VBox.setVgrow(rows, Priority.ALWAYS);
        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        setCenter(split);
    }

    /** The round's month ("mars 2026"): two rounds of one check in a year are told apart by it. */
    private static String month(Bilaga2Year.Line l, I18n i18n) {
        return l.roundStart() == null ? "" : java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", i18n.locale())
                .format(l.roundStart());
    }

    private static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    private static TableColumn<Bilaga2Year.Line, String> number(TableView<Bilaga2Year.Line> table, I18n i18n) {
        TableColumn<Bilaga2Year.Line, String> c = new TableColumn<>(i18n.get("selfcheck.bilagaYear.col.row"));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(
                Integer.toString(table.getItems().indexOf(d.getValue()) + 1)));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(44);
        return c;
    }

    private static TableColumn<Bilaga2Year.Line, String> col(I18n i18n, String key,
                                                             Function<Bilaga2Year.Line, String> value, double width) {
        TableColumn<Bilaga2Year.Line, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
