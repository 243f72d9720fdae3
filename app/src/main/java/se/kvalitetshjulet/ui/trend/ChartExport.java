package se.kvalitetshjulet.ui.trend;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * The chart on screen as a file or on the clipboard: PNG at a chosen size and resolution, SVG at a chosen size, or
 * its numbers as CSV (by the file's ending), and an image for the clipboard; drawn off the FX thread.
 */
final class ChartExport {
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final ObservableValue<ChartData> chart;

    private final ObjectProperty<ExportSize> size = new SimpleObjectProperty<>(ExportSize.FULL_HD);
    private final ObjectProperty<Integer> width = new SimpleObjectProperty<>(ExportSize.FULL_HD.width());
    private final ObjectProperty<Integer> height = new SimpleObjectProperty<>(ExportSize.FULL_HD.height());
    private final ObjectProperty<Integer> dpi = new SimpleObjectProperty<>(96);
    private final ObjectProperty<BufferedImage> clipboardImage = new SimpleObjectProperty<>();
    final Command exportFile;
    final Command copyImage;

    ChartExport(TaskRunner tasks, DialogService dialogs, I18n i18n, ObservableValue<ChartData> chart) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.chart = chart;
        BooleanBinding hasChart = Bindings.createBooleanBinding(() -> chart.getValue() != null, chart);
        BooleanBinding sizeOk = Bindings.createBooleanBinding(() -> validSize(width.get()) && validSize(height.get())
                && dpi.get() != null, width, height, dpi);
        exportFile = new Command(this::exportFile, hasChart.and(sizeOk));
        copyImage = new Command(this::copyImage, hasChart.and(sizeOk));
        size.addListener((o, a, s) -> {
            if (s != null && s != ExportSize.CUSTOM) {
                width.set(s.width());
                height.set(s.height());
            }
        });
    }

    private static boolean validSize(Integer v) {
        return v != null && v >= ExportSize.MIN && v <= ExportSize.MAX;
    }

    /** Saves the chart as PNG (chosen size and resolution), SVG (chosen size) or its numbers as CSV, by the ending. */
    private void exportFile() {
        ChartData data = chart.getValue();
        int w = width.get();
        int h = height.get();
        int d = dpi.get();
        dialogs.chooseSaveFile(i18n.get("trend.exportPng"), "diagram.png", List.of("*.png", "*.svg", "*.csv"))
                .ifPresent(path -> tasks.run(i18n.get("trend.exporting"), p -> {
                    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".svg")) {
                        TrendChartFactory.writeSvg(data, path, w, h);
                    } else if (name.endsWith(".csv")) {
                        TrendChartFactory.writeCsv(data, path);
                    } else {
                        TrendChartFactory.writePng(data, path, w, h, d);
                    }
                    return path;
                }, done -> dialogs.showInfo(i18n.get("trend.exportPng"), i18n.get("trend.exported", done)),
                        dialogs::showUnexpected));
    }

    /** Draws the chart at the chosen size for the clipboard; the view puts {@link #clipboardImage()} there. */
    private void copyImage() {
        ChartData data = chart.getValue();
        int w = width.get();
        int h = height.get();
        tasks.run(i18n.get("trend.copying"), p -> TrendChartFactory.render(data, w, h), clipboardImage::set,
                dialogs::showUnexpected);
    }

    ObjectProperty<ExportSize> size() { return size; }
    ObjectProperty<Integer> width() { return width; }
    ObjectProperty<Integer> height() { return height; }
    ObjectProperty<Integer> dpi() { return dpi; }
    ObjectProperty<BufferedImage> clipboardImage() { return clipboardImage; }
}
