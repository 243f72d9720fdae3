package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.domain.selfcheck.TemplateFamily;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.trend.Annotation;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The left column of the chart screen: the chart kind and the choices that fit it (only those are shown), the
 * dated annotations and the size of exported images, bound to the {@link TrendViewModel}.
 */
final class TrendSettingsPane {
    private final TrendViewModel vm;
    private final I18n i18n;

    TrendSettingsPane(TrendViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    ScrollPane build() {
        ComboBox<ChartKind> chartKind = new ComboBox<>();
        chartKind.setId("trendChartKind");
        chartKind.getItems().setAll(ChartKind.values());
        Forms.display(chartKind, k -> i18n.get("trend.chartKind." + k.name()));
        chartKind.valueProperty().bindBidirectional(vm.chartKindProperty());
        ComboBox<TemplateFamily> template = new ComboBox<>(vm.templateFamilies());
        template.setId("trendTemplate");
        Forms.display(template, TemplateFamily::name);
        template.valueProperty().bindBidirectional(vm.templateFamilyProperty());
        ComboBox<RiskTemplate> riskTemplate = new ComboBox<>(vm.riskTemplates());
        riskTemplate.setId("trendRiskTemplate");
        Forms.display(riskTemplate, vm::riskTemplateLabel);
        riskTemplate.valueProperty().bindBidirectional(vm.riskTemplateProperty());
        ComboBox<DeviationKind> kind = new ComboBox<>();
        kind.setId("trendKind");
        List<DeviationKind> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(List.of(DeviationKind.values()));
        kind.getItems().setAll(kinds);
        Forms.display(kind, i18n::of, i18n.get("deviation.filter.allKinds"));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ComboBox<Taxonomy> category = nullableCombo("trendCategory", vm.categories(), Taxonomy::name,
                i18n.get("deviation.filter.allCategories"));
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        ComboBox<Unit> unit = nullableCombo("trendUnit", vm.units(), u -> "  ".repeat(u.level().ordinal()) + u.name(),
                i18n.get("deviation.filter.allUnits"));
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        ComboBox<BusinessArea> area = nullableCombo("trendArea", vm.areas(), BusinessArea::name,
                i18n.get("deviation.filter.allAreas"));
        area.valueProperty().bindBidirectional(vm.areaProperty());
        ComboBox<Granularity> granularity = new ComboBox<>();
        granularity.setId("trendGranularity");
        granularity.getItems().setAll(Granularity.values());
        Forms.display(granularity, g -> i18n.get("trend.granularity." + g.name()));
        granularity.valueProperty().bindBidirectional(vm.granularityProperty());
        ComboBox<TrendMeasure> measure = new ComboBox<>();
        measure.setId("trendMeasure");
        measure.getItems().setAll(TrendMeasure.values());
        Forms.display(measure, m -> i18n.get("trend.measure." + m.name()));
        measure.valueProperty().bindBidirectional(vm.measureProperty());
        ComboBox<ChartStyle> style = new ComboBox<>();
        style.setId("trendStyle");
        style.getItems().setAll(ChartStyle.values());
        Forms.display(style, s -> i18n.get("trend.style." + s.name()));
        style.valueProperty().bindBidirectional(vm.styleProperty());
        DatePicker from = Forms.datePicker();
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = Forms.datePicker();
        to.valueProperty().bindBidirectional(vm.toProperty());
        Spinner<Integer> freeze = new Spinner<>(0, 120, 0);
        freeze.setId("trendFreeze");
        freeze.setEditable(true);
        // Both ways: a deck chart opened with a baseline shows it here, exactly as the chart was computed.
        freeze.valueProperty().addListener((o, a, b) -> vm.freezeProperty().set(b == null || b < 1 ? null : b));
        vm.freezeProperty().addListener((o, a, b) -> {
            int shown = b == null ? 0 : b;
            if (!java.util.Objects.equals(freeze.getValue(), shown)) {
                freeze.getValueFactory().setValue(shown);
            }
        });
        TextField excluded = new TextField();
        excluded.setId("trendExclude");
        excluded.setPromptText(i18n.get("trend.field.exclude.prompt"));
        excluded.textProperty().bindBidirectional(vm.excludedTextProperty());
        javafx.scene.control.CheckBox screen = new javafx.scene.control.CheckBox(i18n.get("trend.field.screenMr"));
        screen.setId("trendScreenMr");
        screen.setWrapText(true);
        screen.selectedProperty().bindBidirectional(vm.screenMrProperty());
        ComboBox<se.kvalitetshjulet.domain.trend.Improvement> better = new ComboBox<>();
        better.setId("trendImprovement");
        better.getItems().setAll(java.util.Arrays.asList(null, se.kvalitetshjulet.domain.trend.Improvement.LOWER,
                se.kvalitetshjulet.domain.trend.Improvement.HIGHER));
        Forms.display(better, b -> i18n.get("trend.improvement." + b.name()), i18n.get("trend.improvement.default"));
        better.valueProperty().bindBidirectional(vm.improvementProperty());
        TextField target = new TextField();
        target.setId("trendTarget");
        target.setPromptText(i18n.get("trend.field.target.prompt"));
        target.textProperty().bindBidirectional(vm.targetTextProperty());

        DatePicker phase = Forms.datePicker();
        phase.setId("trendPhase");
        phase.valueProperty().bindBidirectional(vm.phaseStartProperty());

        Button denominators = new Button(i18n.get("trend.denominators.button"));
        denominators.setId("trendDenominators");
        denominators.setOnAction(e -> vm.importDenominators());
        VBox config = new VBox(6, label("trend.field.chartKind"), chartKind);
        javafx.beans.binding.BooleanBinding isTrend = vm.chartKindProperty().isEqualTo(ChartKind.TREND);
        javafx.beans.binding.BooleanBinding isCompliance = vm.chartKindProperty().isEqualTo(ChartKind.SELF_CHECK_COMPLIANCE);
        javafx.beans.binding.BooleanBinding deviations = isTrend.or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.chartKindProperty().get() != null && vm.chartKindProperty().get().pareto(), vm.chartKindProperty()));
        section(config, isCompliance, label("trend.field.template"), template);
        section(config, vm.chartKindProperty().isEqualTo(ChartKind.RISK_MATRIX), label("trend.field.riskTemplate"),
                riskTemplate);
        section(config, deviations, label("trend.field.kind"), kind, label("trend.field.category"), category);
        config.getChildren().addAll(label("trend.field.unit"), unit, label("trend.field.area"), area);
        section(config, isTrend, label("trend.field.measure"), measure, label("trend.field.granularity"), granularity);
        section(config, isTrend.or(isCompliance), label("trend.field.style"), style);
        section(config, isCompliance.not(), label("trend.field.from"), from, label("trend.field.to"), to);
        section(config, isTrend, label("trend.field.freeze"), freeze, label("trend.field.phase"), phase,
                label("trend.field.exclude"), excluded, screen);
        section(config, isTrend.or(isCompliance), label("trend.field.improvement"), better,
                label("trend.field.target"), target);
        config.getChildren().addAll(annotationPane(), exportPane(), new Label(), denominators);
        config.getStyleClass().add("trend-settings"); // its width in em (theme.css): it grows with the projector's text
        config.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Control c) {
                c.setMaxWidth(Double.MAX_VALUE);
                if (!(c instanceof Label)) {
                    // a long choice (a category, a unit) is shortened with "…" instead of widening the column past
                    // its scroll pane: in the projector's text at 1366 px the column then scrolled sideways and cut
                    // every box's right edge
                    c.setMinWidth(0);
                }
            }
        });
        ScrollPane configScroll = new ScrollPane(config);
        configScroll.setFitToWidth(true);
        configScroll.getStyleClass().add("trend-settings-scroll");
        return configScroll;
    }

    /** Nodes shown (and taking space) only while {@code when} holds. */
    private static void section(VBox box, javafx.beans.value.ObservableBooleanValue when, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
            box.getChildren().add(n);
        }
    }

    /** Dated annotations ("Ny rutin införd"): drawn on the chart, optionally starting a new phase; saved with the chart. */
    private VBox annotationPane() {
        Label heading = new Label(i18n.get("trend.annotation.heading"));
        heading.getStyleClass().add("h3");
        DatePicker date = Forms.datePicker();
        date.setId("trendAnnotationDate");
        date.valueProperty().bindBidirectional(vm.annotationDateProperty());
        TextField text = new TextField();
        text.setId("trendAnnotationText");
        text.setPromptText(i18n.get("trend.annotation.prompt"));
        text.textProperty().bindBidirectional(vm.annotationTextProperty());
        CheckBox phase = new CheckBox(i18n.get("trend.annotation.phase"));
        phase.setId("trendAnnotationPhase");
        phase.setWrapText(true);
        phase.selectedProperty().bindBidirectional(vm.annotationPhaseProperty());
        Button add = new Button(i18n.get("trend.annotation.add"));
        add.setId("trendAnnotationAdd");
        vm.addAnnotationCommand().bind(add);
        ListView<Annotation> list = new ListView<>(vm.annotations());
        list.setId("trendAnnotations");
        list.setAccessibleText(i18n.get("h3.name.trendAnnotations"));
        list.setPrefHeight(90);
        list.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Annotation a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.date() + " " + a.text()
                        + (a.phaseSplit() ? " (" + i18n.get("trend.annotation.phaseShort") + ")" : ""));
            }
        });
        Button remove = new Button(i18n.get("trend.annotation.remove"));
        remove.setId("trendAnnotationRemove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeAnnotation(list.getSelectionModel().getSelectedItem()));
        VBox box = new VBox(6, heading, date, text, phase, new HBox(6, add, remove), list);
        box.setPadding(new Insets(10, 0, 0, 0));
        box.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.chartKindProperty().get() != null && vm.chartKindProperty().get().timeAxis(), vm.chartKindProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Size and resolution of exported and copied images. */
    private VBox exportPane() {
        Label heading = new Label(i18n.get("trend.export.heading"));
        heading.getStyleClass().add("h3");
        ComboBox<ExportSize> size = new ComboBox<>();
        size.setId("trendExportSize");
        size.getItems().setAll(ExportSize.values());
        Forms.display(size, x -> x == ExportSize.CUSTOM ? i18n.get("trend.export.custom")
                : x.width() + " × " + x.height());
        size.valueProperty().bindBidirectional(vm.exportSizeProperty());
        Spinner<Integer> width = sizeSpinner("trendExportWidth", vm.exportWidthProperty());
        width.setAccessibleText(i18n.get("h3.name.trendExportWidth"));
        Spinner<Integer> height = sizeSpinner("trendExportHeight", vm.exportHeightProperty());
        height.setAccessibleText(i18n.get("h3.name.trendExportHeight"));
        width.disableProperty().bind(vm.exportSizeProperty().isNotEqualTo(ExportSize.CUSTOM));
        height.disableProperty().bind(vm.exportSizeProperty().isNotEqualTo(ExportSize.CUSTOM));
        ComboBox<Integer> dpi = new ComboBox<>();
        dpi.setId("trendExportDpi");
        dpi.setAccessibleText(i18n.get("h3.name.trendExportDpi"));
        dpi.getItems().setAll(ExportSize.DPIS);
        Forms.display(dpi, d -> i18n.get("trend.export.dpi", d));
        dpi.valueProperty().bindBidirectional(vm.exportDpiProperty());
        HBox wh = new HBox(6, width, new Label("×"), height);
        wh.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, heading, size, wh, dpi);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private static Spinner<Integer> sizeSpinner(String id, javafx.beans.property.ObjectProperty<Integer> value) {
        Spinner<Integer> s = new Spinner<>(ExportSize.MIN, ExportSize.MAX, value.get(), 10);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(100);
        s.getValueFactory().valueProperty().bindBidirectional(value);
        return s;
    }

    private Label label(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("field-label");
        l.setWrapText(true); // a long label ("Frys gränser efter punkt …") wraps in the projector's larger text, never cut
        return l;
    }

    private static <T> ComboBox<T> nullableCombo(String id, javafx.collections.ObservableList<T> source,
                                                 java.util.function.Function<T, String> text, String allText) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        Forms.display(box, text, allText);
        Runnable sync = () -> {
            T selected = box.getValue();
            List<T> items = new ArrayList<>();
            items.add(null);
            items.addAll(source);
            box.getItems().setAll(items);
            box.setValue(selected);
        };
        source.addListener((ListChangeListener<T>) c -> sync.run());
        sync.run();
        box.setPromptText(allText);
        return box;
    }
}
