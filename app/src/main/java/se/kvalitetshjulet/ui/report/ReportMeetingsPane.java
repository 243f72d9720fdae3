package se.kvalitetshjulet.ui.report;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/** Nämndsammanträden: the next material deadline (red when passed), the meetings, and adding or deleting one. */
final class ReportMeetingsPane extends VBox {
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    ReportMeetingsPane(ReportViewModel vm, I18n i18n) {
        super(8);
        Label heading = new Label(i18n.get("report.ui.meetings"));
        heading.getStyleClass().add("h2");
        Label deadline = new Label();
        deadline.setId("reportDeadline");
        deadline.setWrapText(true);
        deadline.setMaxWidth(Double.MAX_VALUE);
        deadline.textProperty().bind(vm.deadlineTextProperty());
        Runnable style = () -> {
            deadline.getStyleClass().removeAll("card", "overdue-badge");
            deadline.getStyleClass().add(vm.deadlineOverdueProperty().get() ? "overdue-badge" : "card");
        };
        vm.deadlineOverdueProperty().addListener((o, a, b) -> style.run());
        style.run();
        deadline.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");

        ListView<BoardMeeting> list = new ListView<>(vm.meetings());
        list.setId("reportMeetings");
        list.setPrefHeight(130);
        list.setPlaceholder(new Label(i18n.get("report.ui.meeting.none")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(BoardMeeting m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? "" : vm.meetingLine(m));
                boolean late = !empty && m != null && vm.meetingOverdue(m);
                pseudoClassStateChanged(OVERDUE, late);
                setStyle(late ? "-fx-text-fill: #b3261e; -fx-font-weight: bold;" : "");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> vm.selectedMeetingProperty().set(m));
        vm.selectedMeetingProperty().addListener((o, a, m) -> {
            if (list.getSelectionModel().getSelectedItem() != m) {
                list.getSelectionModel().select(m);
            }
        });

        DatePicker date = Forms.datePicker();
        date.setId("reportMeetingDate");
        date.valueProperty().bindBidirectional(vm.newMeetingDateProperty());
        TextField title = new TextField();
        title.setId("reportMeetingTitle");
        title.setPromptText(i18n.get("report.ui.meeting.titlePrompt"));
        title.textProperty().bindBidirectional(vm.newMeetingTitleProperty());
        HBox.setHgrow(title, Priority.ALWAYS);
        Button add = new Button(i18n.get("report.ui.meeting.add"));
        add.setId("reportMeetingAdd");
        vm.addMeetingCommand().bind(add);
        Button delete = new Button(i18n.get("common.delete"));
        delete.setId("reportMeetingDelete");
        vm.deleteMeetingCommand().bind(delete);
        HBox form = new HBox(8, date, title, add, delete);
        form.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.getStyleClass().add("validation-message");
        problem.textProperty().bind(vm.meetingProblemProperty());
        problem.visibleProperty().bind(vm.meetingProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label boardHint = new Label(i18n.get("report.ui.meeting.boardHint"));
        boardHint.getStyleClass().add("hint");
        boardHint.setWrapText(true);
        ReportTextsPane.show(boardHint, Bindings.createBooleanBinding(
                () -> vm.kindProperty().get() == ReportKind.BOARD, vm.kindProperty()));
        getChildren().addAll(heading, deadline, list, form, problem, boardHint);
    }
}
