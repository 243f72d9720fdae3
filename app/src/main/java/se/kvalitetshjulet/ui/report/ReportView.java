package se.kvalitetshjulet.ui.report;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * Rapporter: the choice of report on top; the stored texts on the left ({@link ReportTextsPane}); the key numbers and
 * the board meetings ({@link ReportMeetingsPane}) on the right; generation at the bottom.
 */
public final class ReportView extends BorderPane implements Refreshable {
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

        HBox body = new HBox(20, new ReportTextsPane(vm, i18n), rightPane());
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
        year.setAccessibleText(i18n.get("h3.name.reportYear"));
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
        format.setAccessibleText(i18n.get("h3.name.reportFormat"));
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

        ComboBox<se.kvalitetshjulet.domain.report.CountingRule> countBy = new ComboBox<>();
        countBy.setId("reportCountBy");
        countBy.getItems().setAll(se.kvalitetshjulet.domain.report.CountingRule.values());
        Forms.display(countBy, i18n::of);
        countBy.valueProperty().bindBidirectional(vm.countByProperty());
        countBy.disableProperty().bind(vm.generatingProperty());
        Label countByLabel = new Label(i18n.get("report.ui.countBy"));
        countByLabel.setLabelFor(countBy);
        HBox counting = new HBox(8, countByLabel, countBy);
        counting.setAlignment(Pos.CENTER_LEFT);
        ReportTextsPane.show(counting, vm.textsUsedProperty());

        VBox box = new VBox(10, previewHeading, counting, table, new ReportMeetingsPane(vm, i18n));
        box.setMinWidth(440);
        box.setPrefWidth(500);
        return box;
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
