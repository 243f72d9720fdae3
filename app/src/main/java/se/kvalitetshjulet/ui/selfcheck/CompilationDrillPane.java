package se.kvalitetshjulet.ui.selfcheck;

import java.util.List;
import java.util.function.Consumer;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.selfcheck.AnswerDetail;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The drill-down tab of Sammanställning: every answer behind a unit (by question) or a question (by unit), findings
 * marked. {@link #openOn} makes another table open it on double-click or Enter.
 */
final class CompilationDrillPane extends VBox {
    private final Runnable show;

    /** {@code show} brings this pane's tab to the front. */
    CompilationDrillPane(CompilationViewModel vm, CompilationColumns cols, I18n i18n, Runnable show) {
        super(8);
        this.show = show;
        Label title = new Label();
        title.setId("compileDrillTitle");
        title.getStyleClass().add("h2");
        title.setWrapText(true);
        title.textProperty().bind(vm.drillTitleProperty());
        TableView<AnswerDetail> table = new TableView<>(vm.drillRows());
        table.setId("compileDrill");
        table.setPlaceholder(new Label(i18n.get("selfcheck.compile.drill.hint")));
        TableColumn<AnswerDetail, String> unit = cols.col("selfcheck.compile.col.unitName", AnswerDetail::unitName, 180);
        TableColumn<AnswerDetail, String> status = cols.col("selfcheck.round.col.status", d -> i18n.of(d.status()), 100);
        TableColumn<AnswerDetail, String> section = cols.col("selfcheck.compile.col.section", AnswerDetail::section, 120);
        TableColumn<AnswerDetail, String> question = cols.col("selfcheck.compile.col.question", AnswerDetail::question, 280);
        TableColumn<AnswerDetail, String> answer = cols.col("selfcheck.compile.drill.col.answer",
                d -> vm.answerText(d.type(), d.value()), 150);
        TableColumn<AnswerDetail, String> comment = cols.col("selfcheck.compile.drill.col.comment",
                d -> d.comment() == null ? "" : d.comment(), 220);
        TableColumn<AnswerDetail, String> finding = cols.col("selfcheck.compile.drill.col.finding",
                d -> d.finding() ? i18n.get("selfcheck.compile.drill.finding") : "", 70);
        TableColumn<AnswerDetail, String> actions = cols.col("selfcheck.compile.col.actions",
                d -> String.join("; ", d.actions()), 260);
        table.getColumns().addAll(List.of(unit, status, section, question, answer, comment, finding, actions));
        unit.visibleProperty().bind(vm.drillKindProperty().isEqualTo(CompilationViewModel.DrillKind.QUESTION));
        status.visibleProperty().bind(unit.visibleProperty());
        section.visibleProperty().bind(vm.drillKindProperty().isNotEqualTo(CompilationViewModel.DrillKind.QUESTION));
        question.visibleProperty().bind(section.visibleProperty());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AnswerDetail item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("finding"), !empty && item != null
                        && item.finding());
            }
        });
        getChildren().addAll(title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setPadding(new Insets(8, 0, 0, 0));
    }

    /** Double-click or Enter on a row of {@code table} opens the drill-down for it. */
    <T> void openOn(TableView<T> table, Consumer<T> open) {
        Consumer<T> go = item -> {
            if (item != null) {
                open.accept(item);
                show.run();
            }
        };
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                go.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                go.accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }
}
