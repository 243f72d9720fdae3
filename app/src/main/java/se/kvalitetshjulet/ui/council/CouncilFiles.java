package se.kvalitetshjulet.ui.council;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.export.DeckExporter;
import se.kvalitetshjulet.service.ChartBuilder;
import se.kvalitetshjulet.service.ChartTexts;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.trend.TrendChartFactory;

/**
 * What the open meeting produces beyond the database: the minutes as Word or PDF, and the council's chart deck
 * (saved in the chart screen for the meeting's unit; the default deck until the council has its own) with today's
 * data — shown in presentation mode, saved as PowerPoint or PDF handout, or opened for editing in the chart screen.
 * All drawing and writing off the FX thread.
 */
public final class CouncilFiles {
    private final CouncilContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final ObservableValue<CouncilService.MeetingView> current;
    private final ObjectProperty<BiConsumer<Long, String>> deckEditor = new SimpleObjectProperty<>();

    private final Command exportDocx;
    private final Command exportPdf;
    private final Command editDeck;
    private final Command exportDeck;

    CouncilFiles(CouncilContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n,
                 ObservableValue<CouncilService.MeetingView> current, BooleanBinding open) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.current = current;
        exportDocx = new Command(() -> exportMinutes(true), open);
        exportPdf = new Command(() -> exportMinutes(false), open);
        editDeck = new Command(this::editDeck, open.and(deckEditor.isNotNull()));
        exportDeck = new Command(this::exportDeck, open);
    }

    private ChartBuilder charts() {
        return ctx.chartBuilder(ChartTexts.of(i18n.bundle(), i18n.locale()));
    }

    private void exportMinutes(boolean docx) {
        CouncilService.MeetingView v = current.getValue();
        String ext = docx ? "*.docx" : "*.pdf";
        String name = "protokoll-" + v.meeting().heldOn() + (docx ? ".docx" : ".pdf");
        dialogs.chooseSaveFile(i18n.get("council.export.title"), name, List.of(ext)).ifPresent(path ->
                tasks.run(i18n.get("council.export.running"), p -> {
                    writeMinutes(v, path, docx);
                    return path;
                }, x -> dialogs.showInfo(i18n.get("council.export.title"), i18n.get("council.export.done", path)),
                        dialogs::showUnexpected));
    }

    private void writeMinutes(CouncilService.MeetingView v, Path path, boolean docx) {
        var exporter = ctx.councilMinutesExporter(i18n.locale());
        if (docx) {
            exporter.docx(v, path);
        } else {
            exporter.pdf(v, path);
        }
    }

    /** Loads this council's chart deck with today's data, for presentation mode. */
    public void loadDeck(Consumer<List<ChartData>> onReady) {
        CouncilService.MeetingView v = current.getValue();
        Long unitId = v == null ? null : v.meeting().unitId();
        ChartBuilder charts = charts();
        tasks.run(i18n.get("trend.deck.loading"), p -> charts.deck(unitId, TrendSettings.standard(ctx.today())),
                onReady, dialogs::showUnexpected);
    }

    /**
     * Saves this council's deck (the default deck until it has its own, as in presentation mode) with today's data as
     * PowerPoint or as a PDF handout, by the file's ending.
     */
    private void exportDeck() {
        CouncilService.MeetingView v = current.getValue();
        Long unitId = v.meeting().unitId();
        String owner = i18n.get("trend.deck.council", v.unitName());
        LocalDate today = ctx.today();
        ChartBuilder charts = charts();
        dialogs.chooseSaveFile(i18n.get("trend.deck.export.title"), DeckExporter.suggestedFileName(owner, today, "pptx"),
                List.of("*.pptx", "*.pdf")).ifPresent(path -> tasks.run(i18n.get("trend.deck.exporting"), p -> {
                    new DeckExporter(i18n.bundle(), TrendChartFactory::render).write(
                            new DeckExporter.Deck(owner, today, charts.deck(unitId, null)), path, p::isCancelled);
                    return path;
                }, done -> dialogs.showInfo(i18n.get("trend.deck.export.title"), i18n.get("trend.deck.exported", done)),
                        e -> {
                            if (e instanceof IllegalArgumentException) {
                                dialogs.showError(i18n.get("trend.deck.export.title"), e.getMessage());
                            } else {
                                dialogs.showUnexpected(e);
                            }
                        }));
    }

    /** Where "edit the charts" leads (given the council's unit id and name); without one the command is unavailable. */
    void setDeckEditor(BiConsumer<Long, String> editor) {
        deckEditor.set(editor);
    }

    private void editDeck() {
        CouncilService.MeetingView v = current.getValue();
        deckEditor.get().accept(v.meeting().unitId(), v.unitName());
    }

    public Command exportDocxCommand() { return exportDocx; }
    public Command exportPdfCommand() { return exportPdf; }
    public Command editDeckCommand() { return editDeck; }
    /** Saves the council's deck as PowerPoint or PDF handout. */
    public Command exportDeckCommand() { return exportDeck; }
}
