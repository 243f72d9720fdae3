package se.kvalitetshjulet.ui.risk;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleStringProperty;

import se.kvalitetshjulet.domain.risk.CauseCategory;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;
import se.kvalitetshjulet.ui.common.I18n;

import static se.kvalitetshjulet.ui.risk.RiskFormControls.button;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.combo;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.h2;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.scroll;
import static se.kvalitetshjulet.ui.risk.RiskFormControls.text;

/**
 * Händelse (event analyses only): the deviations the event concerns, the timeline of what happened, and the
 * underlying causes by category — what and why, never who.
 */
final class RiskEventTab {
    private final RiskEditorViewModel vm;
    private final I18n i18n;

    private RiskEventTab(RiskEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    /** The tab's content, bound to {@code vm}. */
    static Node build(RiskEditorViewModel vm, I18n i18n) {
        return new RiskEventTab(vm, i18n).eventTab();
    }

    private Node eventTab() {
        // Linked deviations
        ListView<RiskEditorViewModel.LinkedDeviation> devs = new ListView<>(vm.deviations());
        devs.setId("riskDeviations");
        devs.setPrefHeight(80);
        devs.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(RiskEditorViewModel.LinkedDeviation d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? "" : d.caseRef());
            }
        });
        devs.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> vm.selectedDeviationProperty().set(d));
        TextField ref = text("riskLinkCaseRef", vm.linkCaseRefProperty());
        ref.setPromptText("AV-2026-000123");
        ref.setOnAction(e -> vm.linkDeviationCommand().execute());
        Button link = button(i18n.get("risk.event.link"), "riskLink");
        vm.linkDeviationCommand().bind(link);
        Button unlink = button(i18n.get("risk.event.unlink"), "riskUnlink");
        vm.unlinkDeviationCommand().bind(unlink);

        // Timeline
        TableView<TimelineEntry> timeline = new TableView<>(vm.timeline());
        timeline.setId("riskTimeline");
        timeline.setPrefHeight(160);
        TableColumn<TimelineEntry, String> at = new TableColumn<>(i18n.get("risk.timeline.at"));
        at.setCellValueFactory(cd -> new SimpleStringProperty(RiskEditorViewModel.WHEN.format(cd.getValue().at())));
        at.setPrefWidth(140);
        TableColumn<TimelineEntry, String> what = new TableColumn<>(i18n.get("risk.timeline.what"));
        what.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().what()));
        what.setPrefWidth(600);
        timeline.getColumns().setAll(List.of(at, what));
        timeline.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> vm.selectedTimelineProperty().set(t));
        TextField when = text("riskTimelineAt", vm.timelineAtProperty());
        when.setPromptText("ÅÅÅÅ-MM-DD TT:MM");
        when.setPrefColumnCount(14);
        TextField happened = text("riskTimelineWhat", vm.timelineWhatProperty());
        HBox.setHgrow(happened, Priority.ALWAYS);
        happened.setOnAction(e -> vm.addTimelineCommand().execute());
        Button addT = button(i18n.get("risk.timeline.add"), "riskTimelineAdd");
        vm.addTimelineCommand().bind(addT);
        Button removeT = button(i18n.get("risk.timeline.remove"), "riskTimelineRemove");
        vm.removeTimelineCommand().bind(removeT);

        // Causes
        TableView<UnderlyingCause> causes = new TableView<>(vm.causes());
        causes.setId("riskCauseTable");
        causes.setPrefHeight(140);
        TableColumn<UnderlyingCause, String> cat = new TableColumn<>(i18n.get("risk.cause.category"));
        cat.setCellValueFactory(cd -> new SimpleStringProperty(i18n.of(cd.getValue().category())));
        cat.setPrefWidth(160);
        TableColumn<UnderlyingCause, String> ct = new TableColumn<>(i18n.get("risk.cause.text"));
        ct.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().text()));
        ct.setPrefWidth(580);
        causes.getColumns().setAll(List.of(cat, ct));
        causes.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> vm.selectedCauseProperty().set(c));
        ComboBox<CauseCategory> category = combo("riskCauseCategory", List.of(CauseCategory.values()), i18n::of);
        category.valueProperty().bindBidirectional(vm.causeCategoryProperty());
        TextField causeText = text("riskCauseText", vm.causeTextProperty());
        HBox.setHgrow(causeText, Priority.ALWAYS);
        causeText.setOnAction(e -> vm.addCauseCommand().execute());
        Button addC = button(i18n.get("risk.cause.add"), "riskCauseAdd");
        vm.addCauseCommand().bind(addC);
        Button removeC = button(i18n.get("risk.cause.remove"), "riskCauseRemove");
        vm.removeCauseCommand().bind(removeC);

        Label hint = new Label(i18n.get("risk.event.whatNotWho"));
        hint.setWrapText(true);
        VBox box = new VBox(8, hint, h2(i18n, "risk.report.deviations"), devs, new HBox(8, ref, link, unlink),
                h2(i18n, "risk.tab.timeline"), timeline, new HBox(8, when, happened, addT, removeT),
                h2(i18n, "risk.report.causes"), causes, new HBox(8, category, causeText, addC, removeC));
        box.setPadding(new Insets(12));
        return scroll(box);
    }

}
