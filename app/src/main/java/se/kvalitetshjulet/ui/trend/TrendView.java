package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.domain.trend.ChartData;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

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
                ChartClipboard.put(img);
            }
        });
        // Two rows, so that a 1366 px laptop shows every control in full: the title with Presentera, then the deck
        // (whose mötesbilder) and what to do with the chart on screen.
        Button exportDeck = new Button(i18n.get("trend.deck.export"));
        exportDeck.setId("trendExportDeck");
        exportDeck.setTooltip(new javafx.scene.control.Tooltip(i18n.get("trend.deck.export.tooltip")));
        vm.exportDeckCommand().bind(exportDeck);
        HBox titleRow = new HBox(10, title, new javafx.scene.layout.Region(), exportDeck, present);
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

        setLeft(new TrendSettingsPane(vm, i18n).build());

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
        VBox right = new VBox(10, explainTitle, explainScroll, help, new TrendDeckPane(vm, i18n).build());
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
        viewer.setChart(TrendChartFactory.create(data, projector ? 1.5 : 1.0, i18n.locale()));
        se.kvalitetshjulet.ui.common.AccessibleNames.chart(viewer);
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

    @Override
    public void refresh() {
        vm.refresh();
    }
}
