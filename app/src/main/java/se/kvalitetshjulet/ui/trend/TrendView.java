package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.domain.selfcheck.TemplateFamily;
import se.kvalitetshjulet.domain.trend.ChartData;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import se.kvalitetshjulet.data.repo.ChartRepository;
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
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * Charts screen: the chart kind and its choices, annotations and export size on the left, the chart in the middle,
 * what it means and the chosen deck's charts (mötesbilder: reorder with Alt+Up/Down, Delete removes, Enter opens,
 * F2 renames) on the right; the deck owner (default or per council) in the header.
 */
public final class TrendView extends BorderPane implements Refreshable {
    private final TrendViewModel vm;
    private final I18n i18n;
    private final ChartViewer viewer = new ChartViewer();
    private final VBox explanations = new VBox(8);

    public TrendView(TrendViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("trendView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));

        Label title = new Label(i18n.get("trend.screenTitle"));
        title.getStyleClass().add("h1");
        Button present = new Button(i18n.get("trend.present"));
        present.setId("trendPresent");
        present.getStyleClass().add("primary");
        present.setOnAction(e -> vm.loadDeck(charts -> PresentationView.show(charts, i18n, getScene().getWindow())));
        Button export = new Button(i18n.get("trend.exportPng"));
        export.setId("trendExport");
        vm.exportPngCommand().bind(export);
        Button addToDeck = new Button(i18n.get("trend.deck.add"));
        addToDeck.setId("trendAddToDeck");
        vm.addToDeckCommand().bind(addToDeck);
        ComboBox<TrendViewModel.DeckOwner> owner = new ComboBox<>(vm.deckOwners());
        owner.setId("trendDeckOwner");
        owner.valueProperty().bindBidirectional(vm.deckOwnerProperty());
        ComboBox<String> deck = new ComboBox<>(vm.deck());
        deck.setId("trendDeck");
        deck.setPromptText(i18n.get("trend.deck.prompt"));
        deck.setOnAction(e -> vm.openFromDeck(deck.getValue()));
        Button copy = new Button(i18n.get("trend.copy"));
        copy.setId("trendCopy");
        vm.copyImageCommand().bind(copy);
        vm.clipboardImageProperty().addListener((o, a, img) -> {
            if (img != null) {
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putImage(toFxImage(img));
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            }
        });
        // Two rows, so that a 1366 px laptop shows every control in full: the title with Presentera, then the deck
        // (whose mötesbilder) and what to do with the chart on screen.
        HBox titleRow = new HBox(10, title, new javafx.scene.layout.Region(), present);
        HBox.setHgrow(titleRow.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Label deckLabel = new Label(i18n.get("trend.deck.owner"));
        deckLabel.setLabelFor(owner);
        deckLabel.setMnemonicParsing(true);
        owner.setPrefWidth(300);
        owner.setMaxWidth(360);
        deck.setPrefWidth(280);
        deck.setMaxWidth(340);
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(8, 6, deckLabel, owner, deck, addToDeck,
                export, copy);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.VBox header = new javafx.scene.layout.VBox(6, titleRow, toolbar);
        setTop(header);
        BorderPane.setMargin(header, new Insets(0, 0, 12, 0));

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
        config.setPrefWidth(250);
        config.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Control c) {
                c.setMaxWidth(Double.MAX_VALUE);
            }
        });
        ScrollPane configScroll = new ScrollPane(config);
        configScroll.setFitToWidth(true);
        configScroll.setPrefWidth(270);
        setLeft(configScroll);

        viewer.setId("trendChart");
        Label message = new Label();
        message.setId("trendMessage");
        message.getStyleClass().add("validation-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox center = new VBox(8, message, viewer);
        javafx.scene.layout.VBox.setVgrow(viewer, javafx.scene.layout.Priority.ALWAYS);
        center.setPadding(new Insets(0, 12, 0, 12));
        setCenter(center);

        Label explainTitle = new Label(i18n.get("trend.explainTitle"));
        explainTitle.getStyleClass().add("h2");
        explanations.setId("trendExplanations");
        ScrollPane explainScroll = new ScrollPane(explanations);
        explainScroll.setFitToWidth(true);
        explainScroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(explainScroll, javafx.scene.layout.Priority.ALWAYS);
        Label helpText = new Label(i18n.get("trend.help.text"));
        helpText.setWrapText(true);
        javafx.scene.control.TitledPane help = new javafx.scene.control.TitledPane(i18n.get("trend.help.button"),
                helpText);
        help.setId("trendHelpPanel");
        help.setExpanded(false);
        VBox right = new VBox(10, explainTitle, explainScroll, help, deckPane());
        right.setPrefWidth(280);
        right.setMaxWidth(300);
        setRight(right);

        vm.chartProperty().addListener((o, a, data) -> show(data));
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getRoot().getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c ->
                        show(vm.chartProperty().get()));
            }
        });
    }

    private void show(ChartData data) {
        if (data == null) {
            return;
        }
        // Projector mode is a style class on the shell (the scene's root): draw the chart larger too.
        boolean projector = getScene() != null && getScene().getRoot().getStyleClass().contains("projector");
        viewer.setChart(TrendChartFactory.create(data, projector ? 1.5 : 1.0));
        explanations.getChildren().clear();
        String verdict = data.spc() == null ? null : data.spc().verdict();
        for (String s : data.explanations()) {
            Label l = new Label(s);
            l.setWrapText(true);
            if (s.equals(verdict)) {
                l.setId("trendVerdict");
                VariationStyle.apply(l, data.spc().variation(), i18n);
            } else {
                l.getStyleClass().add(data.signal() ? "signal-text" : "calm-text");
            }
            explanations.getChildren().add(l);
        }
    }

    /**
     * The chosen deck's charts in presentation order, with title, kind and selection; moved, renamed, updated with
     * the screen's settings, removed — by buttons or keys — and saved at once.
     */
    private VBox deckPane() {
        Label heading = new Label(i18n.get("trend.deck.heading"));
        heading.getStyleClass().add("h2");
        Label owner = new Label();
        owner.setId("trendDeckOwnerName");
        owner.setWrapText(true);
        owner.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.deckOwnerProperty().get() == null ? "" : vm.deckOwnerProperty().get().name(), vm.deckOwnerProperty()));
        ListView<TrendViewModel.DeckItem> list = new ListView<>(vm.deckItems());
        list.setId("trendDeckList");
        list.setPrefHeight(220);
        Label placeholder = new Label(i18n.get("trend.deck.empty"));
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(8));
        list.setPlaceholder(placeholder);
        list.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(TrendViewModel.DeckItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label t = new Label((getIndex() + 1) + ". " + item.title());
                t.setStyle("-fx-font-weight: bold;");
                Label sub = new Label(item.summary());
                sub.setWrapText(true);
                sub.setStyle("-fx-font-size: 0.85em;");
                VBox box = new VBox(2, t, sub);
                box.setMaxWidth(240);
                setText(null);
                setGraphic(box);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedDeckItemProperty().set(b));
        vm.selectedDeckItemProperty().addListener((o, a, b) -> {
            if (b != list.getSelectionModel().getSelectedItem()) {
                if (b == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(b);
                    list.scrollTo(b);
                }
            }
        });
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean handled = switch (e.getCode()) {
                case UP -> e.isAltDown() && vm.moveUpCommand().execute();
                case DOWN -> e.isAltDown() && vm.moveDownCommand().execute();
                case DELETE -> vm.removeFromDeckCommand().execute();
                case ENTER -> vm.openDeckItemCommand().execute();
                case F2 -> vm.renameInDeckCommand().execute();
                default -> false;
            };
            if (handled || (e.isAltDown() && (e.getCode() == javafx.scene.input.KeyCode.UP
                    || e.getCode() == javafx.scene.input.KeyCode.DOWN))) {
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.openDeckItemCommand().execute();
            }
        });
        Button up = deckButton("trendDeckUp", "trend.deck.up", "trend.deck.up.tooltip", vm.moveUpCommand());
        Button down = deckButton("trendDeckDown", "trend.deck.down", "trend.deck.down.tooltip", vm.moveDownCommand());
        Button rename = deckButton("trendDeckRename", "trend.deck.rename", "trend.deck.rename.tooltip", vm.renameInDeckCommand());
        Button replace = deckButton("trendDeckReplace", "trend.deck.replace", "trend.deck.replace.tooltip", vm.replaceInDeckCommand());
        Button remove = deckButton("trendDeckRemove", "trend.deck.remove", "trend.deck.remove.tooltip", vm.removeFromDeckCommand());
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, up, down, rename, replace, remove);
        VBox box = new VBox(6, heading, owner, list, buttons);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private Button deckButton(String id, String key, String tooltipKey, se.kvalitetshjulet.ui.common.Command command) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(i18n.get(tooltipKey)));
        command.bind(b);
        return b;
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
        Spinner<Integer> height = sizeSpinner("trendExportHeight", vm.exportHeightProperty());
        width.disableProperty().bind(vm.exportSizeProperty().isNotEqualTo(ExportSize.CUSTOM));
        height.disableProperty().bind(vm.exportSizeProperty().isNotEqualTo(ExportSize.CUSTOM));
        ComboBox<Integer> dpi = new ComboBox<>();
        dpi.setId("trendExportDpi");
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

    /** An AWT image as a JavaFX image, pixel for pixel. */
    static javafx.scene.image.Image toFxImage(java.awt.image.BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        javafx.scene.image.WritableImage out = new javafx.scene.image.WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }

    private Label label(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("field-label");
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

    @Override
    public void refresh() {
        vm.refresh();
    }
}
