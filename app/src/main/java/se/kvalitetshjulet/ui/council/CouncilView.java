package se.kvalitetshjulet.ui.council;

import se.kvalitetshjulet.domain.council.OrderedAnalysis;
import se.kvalitetshjulet.domain.council.MeetingRow;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.council.AgendaItem;
import se.kvalitetshjulet.domain.council.FollowUpItem;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.UiLists;
import se.kvalitetshjulet.domain.change.ChangeTopic;
import se.kvalitetshjulet.ui.common.Refreshable;
import se.kvalitetshjulet.ui.trend.PresentationView;

/** Kvalitetsråd: meetings on the left; the open meeting's agenda, deviations, follow-up, decisions and minutes. */
public final class CouncilView extends BorderPane implements Refreshable {
    private final CouncilViewModel vm;
    private final I18n i18n;

    public CouncilView(CouncilViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("councilView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("council.title"));
        title.getStyleClass().add("h1");
        setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 12, 0));
        setLeft(meetingList());
        setCenter(meetingPane());
    }

    private VBox meetingList() {
        ComboBox<Unit> filter = UiLists.withAll(vm.units(), u -> "  ".repeat(u.level().ordinal()) + u.name(),
                i18n.get("council.filter.allUnits"));
        filter.setId("councilUnitFilter");
        filter.valueProperty().bindBidirectional(vm.unitFilterProperty());
        filter.valueProperty().addListener((o, a, b) -> vm.loadMeetings(null));
        ListView<MeetingRow> list = new ListView<>(vm.meetings());
        list.setId("councilMeetings");
        list.setAccessibleText(i18n.get("h3.name.councilMeetings"));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(MeetingRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? "" : r.councilType() == null
                        ? i18n.get("council.meetingRow", Forms.DATE.format(r.heldOn()),
                        r.unitName(), r.title(), r.decisions(), r.held() ? "✓" : "")
                        : i18n.get("council.meetingRowTyped", Forms.DATE.format(r.heldOn()),
                        r.unitName(), r.title(), r.decisions(), r.held() ? "✓" : "", r.councilType()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedMeetingProperty().set(r));
        vm.selectedMeetingProperty().addListener((o, a, r) -> {
            if (r != null && r != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(r);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label newHeading = new Label(i18n.get("council.new"));
        newHeading.getStyleClass().add("h2");
        ComboBox<Unit> unit = UiLists.withAll(vm.units(), u -> "  ".repeat(u.level().ordinal()) + u.name(),
                i18n.get("council.new.chooseUnit"));
        unit.setId("councilNewUnit");
        unit.valueProperty().bindBidirectional(vm.newUnitProperty());
        unit.setMaxWidth(Double.MAX_VALUE);
        DatePicker date = Forms.datePicker();
        date.setId("councilNewDate");
        date.valueProperty().bindBidirectional(vm.newDateProperty());
        ComboBox<se.kvalitetshjulet.domain.lists.ListEntry> type = UiLists.withAll(vm.newTypeChoices(), vm::typeLabel,
                i18n.get("council.type.choose"));
        type.setId("councilNewType");
        type.setMaxWidth(Double.MAX_VALUE);
        type.setTooltip(new javafx.scene.control.Tooltip(i18n.get("council.type.tooltip")));
        type.valueProperty().bindBidirectional(vm.newTypeProperty());
        TextField name = new TextField();
        name.setId("councilNewTitle");
        name.setPromptText(i18n.get("council.new.titlePrompt"));
        name.textProperty().bindBidirectional(vm.newTitleProperty());
        Button create = new Button(i18n.get("council.new.create"));
        create.setId("councilCreate");
        create.getStyleClass().add("primary");
        vm.createMeetingCommand().bind(create);
        VBox box = new VBox(8, filter, list, newHeading, unit, type, date, name, create);
        box.setPrefWidth(330);
        box.setPadding(new Insets(0, 16, 0, 0));
        return box;
    }

    private VBox meetingPane() {
        Label heading = new Label();
        heading.setId("councilHeading");
        heading.getStyleClass().add("h2");
        heading.setWrapText(true);
        heading.textProperty().bind(vm.headingProperty());
        Label problems = new Label();
        problems.setId("councilProblems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problemsProperty());
        Button present = new Button(i18n.get("council.present"));
        present.setId("councilPresent");
        present.setOnAction(e -> vm.loadDeck(charts -> PresentationView.show(charts, i18n, getScene().getWindow())));
        present.disableProperty().bind(vm.currentProperty().isNull());
        Button editDeck = new Button(i18n.get("council.editDeck"));
        editDeck.setId("councilEditDeck");
        editDeck.setTooltip(new javafx.scene.control.Tooltip(i18n.get("council.editDeck.tooltip")));
        vm.files().editDeckCommand().bind(editDeck);
        Button docx = new Button(i18n.get("council.export.docx"));
        docx.setId("councilExportDocx");
        vm.files().exportDocxCommand().bind(docx);
        Button pdf = new Button(i18n.get("council.export.pdf"));
        pdf.setId("councilExportPdf");
        vm.files().exportPdfCommand().bind(pdf);
        Button next = new Button(i18n.get("council.planNext"));
        next.setId("councilPlanNext");
        vm.planNextCommand().bind(next);
        Button exportDeck = new Button(i18n.get("trend.deck.export"));
        exportDeck.setId("councilExportDeck");
        exportDeck.setTooltip(new javafx.scene.control.Tooltip(i18n.get("trend.deck.export.tooltip")));
        vm.files().exportDeckCommand().bind(exportDeck);
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, present, editDeck, exportDeck, docx, pdf, next);
        actions.setAlignment(Pos.CENTER_LEFT);

        TabPane tabs = new TabPane(
                tab("councilTabAgenda", i18n.get("council.tab.agenda"), agendaTab()),
                tab("councilTabFollowUp", i18n.get("council.tab.followUp"), followUpTab()),
                tab("councilTabDeviations", i18n.get("council.tab.deviations"), deviationsTab()),
                tab("councilTabDecisions", i18n.get("council.tab.decisions"), decisionsTab()),
                tab("councilTabMinutes", i18n.get("council.tab.minutes"), minutesTab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.disableProperty().bind(vm.currentProperty().isNull());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return new VBox(10, heading, actions, problems, tabs);
    }

    private static Tab tab(String id, String text, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    private VBox agendaTab() {
        ListView<AgendaItem> list = new ListView<>(vm.agenda());
        list.setId("councilAgenda");
        list.setAccessibleText(i18n.get("h3.name.councilAgenda"));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(AgendaItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : (getIndex() + 1) + ". " + vm.describe(item));
            }
        });
        TextField title = new TextField();
        title.setId("councilItemTitle");
        title.setPromptText(i18n.get("council.item.title"));
        title.textProperty().bindBidirectional(vm.itemTitleProperty());
        TextField detail = new TextField();
        detail.setId("councilItemDetail");
        detail.setPromptText(i18n.get("council.item.detail"));
        detail.textProperty().bindBidirectional(vm.itemDetailProperty());
        HBox.setHgrow(detail, Priority.ALWAYS);
        Button add = new Button(i18n.get("council.item.add"));
        add.setId("councilItemAdd");
        vm.addItemCommand().bind(add);
        Label overdueTitle = new Label(i18n.get("council.overdueActions"));
        overdueTitle.getStyleClass().add("h3");
        TableView<ActionRow> overdue = actionTable("councilOverdueTable", vm.overdue());
        overdue.setPrefHeight(180);
        VBox box = new VBox(8, list, new HBox(8, title, detail, add), overdueTitle, overdue);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private TableView<ActionRow> actionTable(String id, javafx.collections.ObservableList<ActionRow> rows) {
        TableView<ActionRow> t = new TableView<>(rows);
        t.setId(id);
        t.setPlaceholder(new Label(i18n.get("council.none")));
        t.getColumns().setAll(List.of(
                UiLists.<ActionRow>column(i18n.get("action.col.what"), 320, r -> r.measure().what()),
                UiLists.<ActionRow>column(i18n.get("action.col.sourceRef"), 200,
                        r -> i18n.of(r.source()) + ": " + r.sourceRef()),
                UiLists.<ActionRow>column(i18n.get("action.col.responsible"), 140, r -> r.measure().responsible()),
                UiLists.<ActionRow>column(i18n.get("action.col.due"), 100,
                        r -> r.measure().dueOn() == null ? "" : Forms.DATE.format(r.measure().dueOn())),
                UiLists.<ActionRow>column(i18n.get("action.col.status"), 130, r -> i18n.of(r.status(vm.today())))));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private VBox followUpTab() {
        TableView<FollowUpItem> table = new TableView<>(vm.followUps());
        table.setId("councilFollowUpTable");
        table.setPlaceholder(new Label(i18n.get("council.followUp.none")));
        table.getColumns().setAll(List.of(
                UiLists.<FollowUpItem>column(i18n.get("action.col.what"), 320, f -> f.action().what()),
                UiLists.<FollowUpItem>column(i18n.get("action.col.responsible"), 140, f -> f.action().responsible()),
                UiLists.<FollowUpItem>column(i18n.get("action.col.due"), 100,
                        f -> f.action().dueOn() == null ? "" : Forms.DATE.format(f.action().dueOn())),
                UiLists.<FollowUpItem>column(i18n.get("action.col.status"), 130,
                        f -> i18n.of(se.kvalitetshjulet.domain.action.ActionStatus.of(f.action(), vm.today()))),
                UiLists.<FollowUpItem>column(i18n.get("council.col.outcome"), 140, f -> f.outcome() == null
                        ? i18n.get("council.followUp.notRecorded") : i18n.of(f.outcome())),
                UiLists.<FollowUpItem>column(i18n.get("council.col.note"), 200, FollowUpItem::note)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> vm.decisionForm().selectedFollowUpProperty().set(f));
        TextField note = new TextField();
        note.setId("councilFollowUpNote");
        note.setPromptText(i18n.get("council.followUp.note"));
        note.textProperty().bindBidirectional(vm.decisionForm().followUpNoteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);
        DatePicker newDue = Forms.datePicker();
        newDue.setId("councilFollowUpNewDue");
        newDue.setPromptText(i18n.get("council.followUp.newDue"));
        newDue.valueProperty().bindBidirectional(vm.decisionForm().followUpNewDueProperty());
        Button done = new Button(i18n.get("enum.FollowUpOutcome.DONE"));
        done.setId("councilFollowUpDone");
        vm.decisionForm().followUpDoneCommand().bind(done);
        Button notDone = new Button(i18n.get("enum.FollowUpOutcome.NOT_DONE"));
        notDone.setId("councilFollowUpNotDone");
        vm.decisionForm().followUpNotDoneCommand().bind(notDone);
        Button carry = new Button(i18n.get("enum.FollowUpOutcome.CARRIED_OVER"));
        carry.setId("councilFollowUpCarry");
        vm.decisionForm().followUpCarryCommand().bind(carry);
        Label hint = new Label(i18n.get("council.followUp.hint"));
        hint.setWrapText(true);
        VBox box = new VBox(8, hint, table, new HBox(8, note, newDue), new HBox(8, done, notDone, carry));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox deviationsTab() {
        TableView<DeviationRow> table = new TableView<>(vm.deviations());
        table.setId("councilDeviationTable");
        table.setPlaceholder(new Label(i18n.get("council.deviations.none")));
        table.getColumns().setAll(List.of(
                UiLists.<DeviationRow>column(i18n.get("council.col.reviewed"), 80, r -> vm.isReviewed(r) ? "✓" : ""),
                UiLists.<DeviationRow>column(i18n.get("deviation.col.caseRef"), 130, DeviationRow::caseRef),
                UiLists.<DeviationRow>column(i18n.get("deviation.col.registered"), 100,
                        r -> Forms.DATE.format(r.registeredOn())),
                UiLists.<DeviationRow>column(i18n.get("deviation.col.kind"), 150, r -> i18n.of(r.kind())),
                UiLists.<DeviationRow>column(i18n.get("deviation.col.unit"), 150, DeviationRow::unitName),
                UiLists.<DeviationRow>column(i18n.get("deviation.col.category"), 130,
                        r -> r.categoryName() == null ? "" : r.categoryName()),
                UiLists.<DeviationRow>column(i18n.get("deviation.col.title"), 300, DeviationRow::title)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedDeviationProperty().set(r));
        vm.reviewedProperty().addListener((o, a, b) -> table.refresh());
        Button toggle = new Button(i18n.get("council.deviations.toggleReviewed"));
        toggle.setId("councilToggleReviewed");
        vm.toggleReviewedCommand().bind(toggle);
        Label count = new Label();
        count.setId("councilDeviationCount");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.currentProperty().get() == null
                ? "" : i18n.get("council.deviations.count", vm.currentProperty().get().deviationCount(),
                        vm.currentProperty().get().since(), vm.reviewedProperty().get().size()),
                vm.currentProperty(), vm.reviewedProperty()));
        VBox box = new VBox(8, count, table, toggle);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox decisionsTab() {
        TableView<ActionRow> table = actionTable("councilDecisionTable", vm.decisions());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.decisionForm().selectedDecisionProperty().set(r));
        TextField what = new TextField();
        what.setId("councilDecisionWhat");
        what.setPromptText(i18n.get("council.decision.what"));
        what.textProperty().bindBidirectional(vm.decisionForm().decisionWhatProperty());
        HBox.setHgrow(what, Priority.ALWAYS);
        TextField who = new TextField();
        who.setId("councilDecisionResponsible");
        who.setPromptText(i18n.get("council.decision.responsible"));
        who.textProperty().bindBidirectional(vm.decisionForm().decisionResponsibleProperty());
        DatePicker due = Forms.datePicker();
        due.setId("councilDecisionDue");
        due.valueProperty().bindBidirectional(vm.decisionForm().decisionDueProperty());
        Button add = new Button(i18n.get("council.decision.add"));
        add.setId("councilDecisionAdd");
        add.getStyleClass().add("primary");
        vm.decisionForm().addDecisionCommand().bind(add);
        Button risk = new Button(i18n.get("council.orderRiskAnalysis"));
        risk.setId("councilOrderRisk");
        vm.decisionForm().orderRiskAnalysisCommand().bind(risk);
        Button event = new Button(i18n.get("council.orderEventAnalysis"));
        event.setId("councilOrderEvent");
        vm.decisionForm().orderEventAnalysisCommand().bind(event);
        ListView<OrderedAnalysis> analyses = new ListView<>(vm.analyses());
        analyses.setId("councilAnalyses");
        analyses.setPrefHeight(90);
        analyses.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(OrderedAnalysis a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? "" : a.title());
            }
        });
        VBox box = new VBox(8, table, new HBox(8, what, who, due, add), new HBox(8, risk, event),
                new Label(i18n.get("council.minutes.analyses")), analyses);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox minutesTab() {
        ListView<Meeting.Participant> list = new ListView<>(vm.participants());
        list.setId("councilParticipants");
        list.setPrefHeight(140);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Meeting.Participant p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? "" : p.name() + " – " + p.role());
            }
        });
        TextField name = new TextField();
        name.setId("councilParticipantName");
        name.setPromptText(i18n.get("council.col.name"));
        name.textProperty().bindBidirectional(vm.participantNameProperty());
        TextField role = new TextField();
        role.setId("councilParticipantRole");
        role.setPromptText(i18n.get("council.col.role"));
        role.textProperty().bindBidirectional(vm.participantRoleProperty());
        Button add = new Button(i18n.get("council.participant.add"));
        add.setId("councilParticipantAdd");
        vm.addParticipantCommand().bind(add);
        Button remove = new Button(i18n.get("council.participant.remove"));
        remove.setId("councilParticipantRemove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeParticipant(list.getSelectionModel().getSelectedItem()));
        TextArea patterns = new TextArea();
        patterns.setId("councilPatterns");
        patterns.setPrefRowCount(4);
        patterns.setWrapText(true);
        patterns.textProperty().bindBidirectional(vm.patternsProperty());
        TextArea notes = new TextArea();
        notes.setId("councilNotes");
        notes.setPrefRowCount(4);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.notesProperty());
        CheckBox held = new CheckBox(i18n.get("council.held"));
        held.setId("councilHeld");
        held.selectedProperty().bindBidirectional(vm.heldProperty());
        Button save = new Button(i18n.get("common.save"));
        save.setId("councilSaveMinutes");
        save.getStyleClass().add("primary");
        vm.saveMinutesCommand().bind(save);
        ComboBox<se.kvalitetshjulet.domain.lists.ListEntry> type = UiLists.withAll(vm.meetingTypeChoices(), vm::typeLabel,
                i18n.get("council.type.none"));
        type.setId("councilMeetingType");
        type.valueProperty().bindBidirectional(vm.meetingTypeProperty());
        GridPane g = Forms.grid();
        Forms.row(g, i18n.get("council.type.label"), type);
        Forms.row(g, i18n.get("council.minutes.participants"), list);
        g.add(new FlowPane(8, 8, name, role, add, remove), 1, g.getRowCount());
        Forms.row(g, i18n.get("council.minutes.patterns"), patterns);
        Forms.row(g, i18n.get("council.minutes.notes"), notes);
        g.add(new HBox(12, held, save), 1, g.getRowCount());
        VBox box = new VBox(8, g);
        box.setPadding(new Insets(8));
        return box;
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    /** h5 (decision 0030): others' changes to councils, their actions and deviations reload the meeting shown. */
    @Override
    public java.util.Set<ChangeTopic> shows() { return java.util.EnumSet.of(ChangeTopic.COUNCILS, ChangeTopic.ACTIONS, ChangeTopic.DEVIATIONS); }

    @Override
    public void othersChanged(java.util.Set<ChangeTopic> changed) { vm.othersChanged(); }
}
