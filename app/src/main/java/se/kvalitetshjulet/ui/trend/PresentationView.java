package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.domain.trend.ChartData;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.jfree.chart.fx.ChartViewer;

import se.kvalitetshjulet.ui.common.I18n;

/**
 * Presentation mode for the quality council: one chart at a time, full screen, large type and
 * thick lines readable from the back of the room, the signals in plain words beside it.
 * Arrow keys or Page Up/Down move through the deck; Escape ends.
 */
public final class PresentationView extends BorderPane {
    private final List<ChartData> charts;
    private final I18n i18n;
    private final ChartViewer viewer = new ChartViewer();
    private final VBox explanations = new VBox(18);
    private final Label counter = new Label();
    private int index;

    public PresentationView(List<ChartData> charts, I18n i18n) {
        this.charts = charts;
        this.i18n = i18n;
        setId("presentationView");
        getStyleClass().add("presentation");
        setPadding(new Insets(24));
        explanations.setPrefWidth(460);
        explanations.setPadding(new Insets(24, 0, 0, 24));
        setCenter(viewer);
        // Long explanations scroll instead of being cut off with "…".
        javafx.scene.control.ScrollPane explanationScroll = new javafx.scene.control.ScrollPane(explanations);
        explanationScroll.setFitToWidth(true);
        explanationScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        explanationScroll.getStyleClass().add("presentation-explanations");
        explanationScroll.setPrefWidth(480);
        setRight(explanationScroll);
        Label hint = new Label(i18n.get("trend.presentation.hint"));
        hint.getStyleClass().add("presentation-hint");
        HBox bottom = new HBox(20, counter, hint);
        HBox.setHgrow(hint, Priority.ALWAYS);
        bottom.setAlignment(Pos.CENTER_LEFT);
        setBottom(bottom);
        counter.setId("presentationCounter");
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.heightProperty().addListener((h, before, after) -> show(index));
            }
        });
        counter.getStyleClass().add("presentation-hint");
        show(0);
    }

    public static Stage show(List<ChartData> charts, I18n i18n, Window owner) {
        PresentationView view = new PresentationView(charts, i18n);
        Stage stage = new Stage();
        stage.initOwner(owner);
        Scene scene = new Scene(view, 1280, 800);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                // Leave full screen first: that ends the exit-hint overlay, whose fade-out must not outlive the window.
                stage.setFullScreen(false);
                stage.close();
            } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.SPACE) {
                view.show(view.index + 1);
            } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP) {
                view.show(view.index - 1);
            } else if (e.getCode().isDigitKey() && !e.getText().isEmpty() && Character.isDigit(e.getText().charAt(0))) {
                int n = e.getText().charAt(0) - '0';
                if (n >= 1) {
                    view.show(n - 1);
                }
            }
        });
        stage.setScene(scene);
        stage.setTitle(i18n.get("trend.presentation.title"));
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        stage.show();
        // Full screen only once the window exists: set before show(), the toolkit applies it before it knows the
        // stage's (empty) exit hint and shows its own "press Esc" overlay, whose fade-out can outlive the window.
        stage.setFullScreen(true);
        return stage;
    }

    void show(int i) {
        if (charts.isEmpty()) {
            return;
        }
        index = Math.max(0, Math.min(i, charts.size() - 1));
        ChartData data = charts.get(index);
        double height = screenHeight();
        viewer.setChart(TrendChartFactory.create(data, TrendChartFactory.presentationScale(height),
                i18n.locale()));
        se.kvalitetshjulet.ui.common.AccessibleNames.chart(viewer);
        explanations.getChildren().clear();
        String verdict = data.spc() == null ? null : data.spc().verdict();
        long textPx = Math.round(Math.max(30, Math.ceil(TrendChartFactory.MIN_TEXT_SHARE * height)));
        for (String s : data.explanations()) {
            Label l = new Label(s);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add(data.signal() ? "presentation-signal" : "presentation-calm");
            if (s.equals(verdict)) {
                l.setId("presentationVerdict");
                VariationStyle.apply(l, data.spc().variation(), i18n);
                l.setStyle(l.getStyle() + " -fx-font-size: " + textPx + "px;");
            } else {
                l.setStyle("-fx-font-size: " + textPx + "px;");
            }
            explanations.getChildren().add(l);
        }
        counter.setText(i18n.get("trend.presentation.counter", index + 1, charts.size()));
    }

    /** The height the presentation is shown at: its scene once it has one, else the primary screen. */
    private double screenHeight() {
        if (getScene() != null && getScene().getHeight() > 0) {
            return getScene().getHeight();
        }
        return javafx.stage.Screen.getPrimary().getBounds().getHeight();
    }

    ChartViewer viewer() {
        return viewer;
    }

    int index() {
        return index;
    }
}
