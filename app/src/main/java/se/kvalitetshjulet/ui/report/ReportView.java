package se.kvalitetshjulet.ui.report;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyWarningLabel;
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * Rapporter: the choice of report on top; the stored texts on the left; the key numbers, the board meetings and
 * generation on the right.
 */
public final class ReportView extends BorderPane implements Refreshable {
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final ReportViewModel vm;
    private final I18n i18n;

    public ReportView(ReportViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("reportView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        setTop(choiceBar());
        BorderPane.setMargin(getTop(), new Insets(0, 0, 12, 0));

        HBox body = new HBox(20, textsPane(), rightPane());
        HBox.setHgrow(body.getChildren().get(0), Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        setBottom(generateBar());
        BorderPane.setMargin(getBottom(), new Insets(12, 0, 0, 0));
    }

    @Override
    public void refresh() {
        vm.load();
    }

    // ---- choice ----------------------------------------------------------------------

    private Node choiceBar() {
        Label title = new Label(i18n.get("report.ui.title"));
        title.getStyleClass().add("h1");

        ComboBox<ReportKind> kind = new ComboBox<>();
        kind.setId("reportKind");
        kind.getItems().setAll(ReportKind.values());
        Forms.display(kind, i18n::of);
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setPrefWidth(260);

        ComboBox<Integer> year = new ComboBox<>(vm.years());
        year.setId("reportYear");
        year.setPrefWidth(100);
        year.setValue(vm.yearProperty().get());
        year.valueProperty().addListener((o, a, y) -> {
            if (y != null) {
                vm.yearProperty().set(y);
            }
        });
        vm.yearProperty().addListener((o, a, y) -> year.setValue(y.intValue()));

        ComboBox<Integer> tertial = new ComboBox<>(vm.tertials());
        tertial.setId("reportTertial");
        tertial.setPrefWidth(210);
        Forms.display(tertial, t -> i18n.get("pattern.period." + t));
        tertial.setValue(vm.tertialProperty().get());
        tertial.valueProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.tertialProperty().set(t);
            }
        });
        vm.tertialProperty().addListener((o, a, t) -> tertial.setValue(t.intValue()));
        vm.tertials().addListener((ListChangeListener<Integer>) c -> tertial.setValue(vm.tertialProperty().get()));
        tertial.visibleProperty().bind(Bindings.isNotEmpty(vm.tertials()));
        tertial.managedProperty().bind(tertial.visibleProperty());

        ComboBox<Unit> unit = new ComboBox<>();
        unit.setId("reportUnit");
        String whole = i18n.get("report.wholeOrganisation");
        Forms.display(unit, u -> "  ".repeat(u.level().ordinal()) + u.name(), whole);
        unit.setPromptText(whole);
        unit.setPrefWidth(260);
        vm.units().addListener((ListChangeListener<Unit>) c -> {
            Unit chosen = vm.unitProperty().get();
            List<Unit> items = new ArrayList<>();
            items.add(null);
            items.addAll(vm.units());
            unit.getItems().setAll(items);
            unit.setValue(chosen);
        });
        unit.valueProperty().bindBidirectional(vm.unitProperty());

        ComboBox<ReportFormat> format = new ComboBox<>();
        format.setId("reportFormat");
        format.getItems().setAll(ReportFormat.values());
        Forms.display(format, i18n::of);
        format.valueProperty().bindBidirectional(vm.formatProperty());

        for (Node n : List.of(kind, year, tertial, unit, format)) {
            n.disableProperty().bind(vm.generatingProperty());
        }
        HBox bar = new HBox(10, title, kind, year, tertial, unit, format);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    // ---- texts -----------------------------------------------------------------------

    private Node textsPane() {
        Label heading = new Label(i18n.get("report.ui.texts"));
        heading.getStyleClass().add("h2");
        Label hint = new Label(i18n.get("report.ui.texts.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        ObservableBooleanValue isAnnual = Bindings.createBooleanBinding(
                () -> vm.kindProperty().get() == ReportKind.ANNUAL, vm.kindProperty());
        ObservableBooleanValue isTertial = Bindings.createBooleanBinding(
                () -> vm.kindProperty().get() == ReportKind.TERTIAL, vm.kindProperty());

        GridPane grid = Forms.grid();
        field(grid, "reportSummary", "report.h.summary", vm.summaryProperty(), 5, vm.textsUsedProperty());
        field(grid, "reportPriorities", "report.ui.field.priorities", vm.prioritiesProperty(), 4, isAnnual);
        Label previous = new Label();
        previous.setId("reportPreviousPriorities");
        previous.getStyleClass().add("hint");
        previous.setWrapText(true);
        previous.textProperty().bind(Bindings.createStringBinding(() -> vm.previousPrioritiesProperty().get().isBlank()
                ? i18n.get("report.ui.previous.none")
                : i18n.get("report.ui.previous", vm.previousPrioritiesProperty().get()), vm.previousPrioritiesProperty()));
        show(previous, isAnnual);
        grid.add(previous, 1, grid.getRowCount());
        field(grid, "reportFollowUp", "report.ui.field.followUp", vm.followUpProperty(), 4, isAnnual);
        field(grid, "reportExternalAudits", "report.h.audits", vm.externalAuditsProperty(), 4, isTertial);
        field(grid, "reportAnalysis", "report.h.analysis", vm.analysisProperty(), 4, isTertial);

        Label boardHint = new Label(i18n.get("report.ui.texts.board"));
        boardHint.getStyleClass().add("hint");
        boardHint.setWrapText(true);
        show(boardHint, Bindings.not(vm.textsUsedProperty()));

        Label privacy = new PrivacyWarningLabel("reportPrivacy", vm.privacyWarningProperty());
        privacy.setMaxWidth(Double.MAX_VALUE);

        Button save = new Button(i18n.get("report.ui.texts.save"));
        save.setId("reportSaveTexts");
        save.getStyleClass().add("primary");
        vm.saveTextsCommand().bind(save);
        Label unsaved = new Label(i18n.get("report.ui.texts.unsavedBadge"));
        unsaved.getStyleClass().add("hint");
        unsaved.visibleProperty().bind(vm.textsDirtyProperty());
        HBox buttons = new HBox(10, save, unsaved);
        buttons.setAlignment(Pos.CENTER_LEFT);
        show(buttons, vm.textsUsedProperty());

        VBox box = new VBox(10, heading, hint, boardHint, grid, privacy, buttons, conclusionsPane());
        box.setMinWidth(420);
        box.setPrefWidth(620);
        return box;
    }

    /**
     * "Slutsatser om diagrammen": each run or control chart the report includes, with the sentence under it — drafted
     * from the chart's signals, rewritten here by the author (an emptied box uses the draft again, shown as prompt).
     */
    private Node conclusionsPane() {
        Label heading = new Label(i18n.get("report.ui.conclusions"));
        heading.getStyleClass().add("h3");
        Label hint = new Label(i18n.get("report.ui.conclusions.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox rows = new VBox(8);
        rows.setId("reportConclusions");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            if (vm.conclusions().isEmpty()) {
                Label none = new Label(i18n.get(vm.conclusionsLoadingProperty().get()
                        ? "report.ui.conclusions.loading" : "report.ui.conclusions.none"));
                none.getStyleClass().add("hint");
                none.setWrapText(true);
                rows.getChildren().add(none);
            }
            int i = 0;
            for (ReportViewModel.ConclusionRow row : vm.conclusions()) {
                TextArea area = new TextArea();
                area.setId("reportConclusion" + i++);
                area.setWrapText(true);
                area.setPrefRowCount(3);
                area.setPromptText(row.drafted());
                area.textProperty().bindBidirectional(row.text());
                area.disableProperty().bind(Bindings.not(vm.textsLoadedProperty()));
                Label title = new Label(row.title());
                title.setStyle("-fx-font-weight: bold;");
                title.setWrapText(true);
                title.setLabelFor(area);
                rows.getChildren().addAll(title, area);
            }
        };
        vm.conclusions().addListener((javafx.collections.ListChangeListener<ReportViewModel.ConclusionRow>) c -> rebuild.run());
        vm.conclusionsLoadingProperty().addListener((o, a, b) -> rebuild.run());
        rebuild.run();
        // Saved with the other texts: the same command, also under the conclusions so that it is at hand.
        Button save = new Button(i18n.get("report.ui.texts.save"));
        save.setId("reportSaveConclusions");
        vm.saveTextsCommand().bind(save);
        Label unsaved = new Label(i18n.get("report.ui.texts.unsavedBadge"));
        unsaved.getStyleClass().add("hint");
        unsaved.visibleProperty().bind(vm.textsDirtyProperty());
        HBox buttons = new HBox(10, save, unsaved);
        buttons.setAlignment(Pos.CENTER_LEFT);
        show(buttons, Bindings.isNotEmpty(vm.conclusions()));
        VBox box = new VBox(6, heading, hint, rows, buttons);
        box.setPadding(new Insets(10, 0, 0, 0));
        show(box, vm.textsUsedProperty());
        return box;
    }

    private void field(GridPane grid, String id, String labelKey, StringProperty text, int rows,
                       ObservableBooleanValue visible) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        area.textProperty().bindBidirectional(text);
        area.disableProperty().bind(Bindings.not(vm.textsLoadedProperty()));
        Label label = new Label(i18n.get(labelKey));
        label.setLabelFor(area);
        label.setWrapText(true);
        label.setMaxWidth(150);
        int r = grid.getRowCount();
        grid.add(label, 0, r);
        grid.add(area, 1, r);
        show(label, visible);
        show(area, visible);
    }

    private static void show(Node n, ObservableBooleanValue visible) {
        n.visibleProperty().bind(visible);
        n.managedProperty().bind(n.visibleProperty());
    }

    // ---- preview and meetings ----------------------------------------------------------

    private Node rightPane() {
        Label previewHeading = new Label();
        previewHeading.getStyleClass().add("h2");
        previewHeading.textProperty().bind(Bindings.createStringBinding(() -> vm.previewModelProperty().get() == null
                ? i18n.get("report.ui.preview")
                : i18n.get("report.ui.previewOf", vm.previewModelProperty().get().period().label()),
                vm.previewModelProperty()));
        TableView<ReportViewModel.PreviewRow> table = new TableView<>(vm.preview());
        table.setId("reportPreview");
        table.setPlaceholder(new Label(i18n.get("report.ui.preview.loading")));
        TableColumn<ReportViewModel.PreviewRow, String> what = new TableColumn<>(i18n.get("report.col.keyFigure"));
        what.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().label()));
        what.setPrefWidth(230);
        TableColumn<ReportViewModel.PreviewRow, String> value = new TableColumn<>(i18n.get("report.col.value"));
        value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value()));
        value.setPrefWidth(230);
        table.getColumns().add(what);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(340);
        table.opacityProperty().bind(Bindings.when(vm.previewLoadingProperty()).then(0.5).otherwise(1.0));

        VBox box = new VBox(10, previewHeading, table, meetingsPane());
        box.setMinWidth(440);
        box.setPrefWidth(500);
        return box;
    }

    private Node meetingsPane() {
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
        show(boardHint, Bindings.createBooleanBinding(() -> vm.kindProperty().get() == ReportKind.BOARD,
                vm.kindProperty()));
        return new VBox(8, heading, deadline, list, form, problem, boardHint);
    }

    // ---- generating --------------------------------------------------------------------

    private Node generateBar() {
        CheckBox descriptions = new CheckBox(i18n.get("report.ui.descriptions"));
        descriptions.setId("reportDescriptions");
        descriptions.setSelected(vm.includeDescriptionsProperty().get());
        vm.includeDescriptionsProperty().addListener((o, a, on) -> descriptions.setSelected(on));
        descriptions.setOnAction(e -> {
            boolean wanted = descriptions.isSelected();
            // The view model decides: including needs the privacy check and a confirmation first.
            descriptions.setSelected(vm.includeDescriptionsProperty().get());
            vm.requestIncludeDescriptions(wanted);
        });
        descriptions.disableProperty().bind(vm.busyProperty().or(vm.generatingProperty()));
        Label descWarning = new Label();
        descWarning.setId("reportDescriptionWarning");
        descWarning.getStyleClass().add("privacy-warning");
        descWarning.setWrapText(true);
        descWarning.textProperty().bind(vm.descriptionWarningProperty());
        descWarning.visibleProperty().bind(vm.descriptionWarningProperty().isNotEmpty());
        descWarning.managedProperty().bind(descWarning.visibleProperty());

        Button generate = new Button(i18n.get("report.ui.generate"));
        generate.setId("reportGenerate");
        generate.getStyleClass().add("primary");
        generate.setDefaultButton(false);
        vm.generateCommand().bind(generate);
        ProgressBar bar = new ProgressBar();
        bar.setId("reportProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.textProperty().bind(vm.progressMessageProperty());
        Button cancel = new Button(i18n.get("common.cancel"));
        cancel.setId("reportCancel");
        vm.cancelCommand().bind(cancel);
        for (Node n : List.of(bar, message, cancel)) {
            n.visibleProperty().bind(vm.generatingProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        Button open = new Button(i18n.get("report.ui.open"));
        open.setId("reportOpen");
        vm.openLastCommand().bind(open);
        Label status = new Label();
        status.setId("reportStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10, descriptions, spacer, message, bar, cancel, generate, open);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, descWarning, row, status);
    }
}
