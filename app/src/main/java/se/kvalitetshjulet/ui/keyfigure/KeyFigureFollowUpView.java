package se.kvalitetshjulet.ui.keyfigure;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.service.keyfigure.FollowUpService;
import se.kvalitetshjulet.ui.common.I18n;

import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.button;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.cell;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.col;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.note;
import static se.kvalitetshjulet.ui.keyfigure.KeyFigureControls.viewer;

/**
 * The individual follow-up tab: the form of one follow-up with its privacy note, then the chosen measure as a P chart
 * for the chosen part of the organisation, and the tertial table with a share and interval per measure.
 */
final class KeyFigureFollowUpView extends ScrollPane {
    private final I18n i18n;

    KeyFigureFollowUpView(KeyFigureFollowUpViewModel vm, I18n i18n) {
        this.i18n = i18n;
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        TextField ref = new TextField();
        ref.setId("kfCaseRef");
        ref.setPromptText("HT-2025-0142");
        ref.textProperty().bindBidirectional(vm.caseRefProperty());
        DatePicker date = new DatePicker();
        date.setId("kfFollowUpDate");
        date.valueProperty().bindBidirectional(vm.dateProperty());
        ComboBox<KeyFigureViewModel.UnitChoice> unit = new ComboBox<>(vm.units());
        unit.setId("kfFollowUpUnit");
        unit.setPrefWidth(320);
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        ComboBox<String> insats = new ComboBox<>(FXCollections.observableArrayList("Hemtjänst",
                "Särskilt boende", "Korttidsvistelse", "Dagverksamhet", "Boendestöd", "LSS-insats"));
        insats.setId("kfInsats");
        insats.setEditable(true);
        insats.valueProperty().bindBidirectional(vm.insatsProperty());
        TextArea remark = new TextArea();
        remark.setId("kfRemark");
        remark.setPrefRowCount(2);
        remark.setWrapText(true);
        remark.textProperty().bindBidirectional(vm.remarkProperty());
        int r = 0;
        form.addRow(r++, new Label(i18n.get("kf.followUp.caseRef")), ref, new Label(i18n.get("kf.followUp.date")), date);
        form.addRow(r++, new Label(i18n.get("kf.unit")), unit, new Label(i18n.get("kf.followUp.insats")), insats);
        form.addRow(r++, new Label(i18n.get("kf.measure.PLAN_EXISTS")), yesNo("kfPlanExists", vm.planExistsProperty()),
                new Label(i18n.get("kf.measure.PLAN_UP_TO_DATE")), yesNo("kfPlanUpToDate", vm.planUpToDateProperty()));
        form.addRow(r++, new Label(i18n.get("kf.measure.MEETS_DECISION")), yesNo("kfMeetsDecision", vm.meetsDecisionProperty()),
                new Label(i18n.get("kf.measure.WISHES_FOLLOWED_UP")), yesNo("kfWishes", vm.wishesProperty()));
        form.add(new Label(i18n.get("kf.followUp.remark")), 0, r);
        form.add(remark, 1, r, 3, 1);
        Label message = note("kfFollowUpMessage");
        message.textProperty().bind(vm.messageProperty());
        HBox actions = new HBox(8, button(i18n, "kfFollowUpSave", "kf.followUp.save", vm.saveFollowUpCommand()),
                button(i18n, "kfImportFollowUps", "kf.importFollowUps", vm.importFollowUpsCommand()));
        Label privacy = note("kfPrivacyNote");
        privacy.setText(i18n.get("kf.followUp.privacy"));

        ComboBox<FollowUpMeasure> measure = new ComboBox<>(FXCollections.observableArrayList(FollowUpMeasure.values()));
        measure.setId("kfMeasure");
        measure.valueProperty().bindBidirectional(vm.measureProperty());
        measure.setCellFactory(l -> cell(m -> i18n.get("kf.measure." + m.name())));
        measure.setButtonCell(cell(m -> i18n.get("kf.measure." + m.name())));
        ComboBox<KeyFigureViewModel.UnitChoice> scope = new ComboBox<>(vm.units());
        scope.setId("kfScope");
        scope.setPrefWidth(320);
        scope.setPromptText(i18n.get("kf.wholeOrganisation"));
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        ChartViewer chart = viewer("kfFollowUpChart");
        Label chartNote = note("kfFollowUpNote");
        vm.seriesProperty().addListener((o, a, s) -> {
            FollowUpMeasure m = vm.measureProperty().get();
            KeyFigureCharts.show(chart, s == null || s.total() == 0 ? null : KeyFigureCharts.pChart(s,
                    i18n.get("kf.chart.pTitle", i18n.get("kf.measure." + m.name())), i18n));
            chartNote.setText(s == null || s.total() == 0 ? i18n.get("kf.followUp.none")
                    : String.join("\n", vm.explain(s.chart())));
        });
        TableView<FollowUpService.TertialRow> tertials = new TableView<>(vm.tertials());
        tertials.setId("kfTertials");
        tertials.setPrefHeight(220);
        tertials.getColumns().add(col(i18n, "kf.col.unit", FollowUpService.TertialRow::unit, 240));
        tertials.getColumns().add(col(i18n, "kf.col.tertial", (FollowUpService.TertialRow t) -> "T" + t.tertial(), 70));
        tertials.getColumns().add(col(i18n, "kf.col.followUps",
                (FollowUpService.TertialRow t) -> Integer.toString(t.count().followUps()), 110));
        for (FollowUpMeasure m : FollowUpMeasure.values()) {
            tertials.getColumns().add(col(i18n, "kf.measure." + m.name(),
                    (FollowUpService.TertialRow t) -> share(t.count().compared(m)), 190));
        }
        FlowPane chartBar = new FlowPane(8, 6, new Label(i18n.get("kf.followUp.measure")), measure,
                new Label(i18n.get("kf.unit")), scope);
        VBox box = new VBox(10, new Label(i18n.get("kf.followUp.formTitle")), form, actions, message, privacy, chartBar,
                chart, chartNote, new Label(i18n.get("kf.followUp.tertials")), tertials);
        box.setPadding(new Insets(10));
        setContent(box);
        setFitToWidth(true);
    }

    private static String share(ComparedValue v) {
        if (v.value() == null) {
            return "–";
        }
        return Math.round(v.value()) + " % (" + Math.round(v.interval().lower()) + "–" + Math.round(v.interval().upper())
                + "; n = " + v.respondents() + ")";
    }

    private ComboBox<Boolean> yesNo(String id, ObjectProperty<Boolean> p) {
        ComboBox<Boolean> c = new ComboBox<>(FXCollections.observableArrayList(null, true, false));
        c.setId(id);
        c.valueProperty().bindBidirectional(p);
        c.setCellFactory(l -> yesNoCell());
        c.setButtonCell(yesNoCell());
        return c;
    }

    /** Yes, no, or "not assessed" for the empty answer (null is a real choice here). */
    private ListCell<Boolean> yesNoCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Boolean b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty ? null : i18n.get(b == null ? "kf.notAssessed" : b ? "kf.yes" : "kf.no"));
            }
        };
    }
}
