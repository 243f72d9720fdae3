package se.kvalitetshjulet.ui.report;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Rapporter: choose kvalitetsberättelse, kvalitetsrapport per tertial or nämndunderlag for a year/tertial and an
 * organisation subtree; write the stored texts (with the personnummer/name check); preview the key numbers; keep the
 * board meetings and their deadlines; generate the document with progress and cancel, save it and open it.
 * <p>
 * This class holds the choice and loading; its parts hold the rest: {@link ReportTextsForm} (texts and chart
 * conclusions), {@link ReportPreview}, {@link ReportMeetings} and {@link ReportGeneration} (descriptions, building,
 * saving, opening).
 */
public final class ReportViewModel {

    /** Opens a saved report in the operating system's program for it. */
    public interface FileOpener {
        boolean available();

        void open(Path file) throws IOException;
    }

    /** One line of the key-number preview. */
    public record PreviewRow(String label, String value) { }

    /** One run or control chart the report includes and the sentence under it (drafted, or the author's). */
    /**
     * One more section of the kvalitetsberättelse in seed 002's shape (issue 21): its key in {@link ReportTexts#sections},
     * its heading in the report, the hint of what belongs there (shown in the empty box), and the text.
     */
    public record SectionRow(String key, String title, String hint, StringProperty text) { }

    public record ConclusionRow(String key, String title, String drafted, StringProperty text) { }

    private final ReportContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObjectProperty<ReportKind> kind = new SimpleObjectProperty<>(ReportKind.ANNUAL);
    private final IntegerProperty year = new SimpleIntegerProperty();
    /** 1–3 for the tertial report; 0 (whole year) or 1–3 for board material; ignored for the annual report. */
    private final IntegerProperty tertial = new SimpleIntegerProperty();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    /** By registration date or by assessment date (decision 0023); the report states which. */
    private final ObjectProperty<se.kvalitetshjulet.domain.report.CountingRule> countBy =
            new SimpleObjectProperty<>(se.kvalitetshjulet.domain.report.CountingRule.REGISTERED);
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObservableList<Integer> tertials = FXCollections.observableArrayList();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty generating = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");

    private final ReportTextsForm texts;
    private final ReportPreview preview;
    private final ReportMeetings meetings;
    private final ReportGeneration generation;

    private boolean switching;

    public ReportViewModel(ReportContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this(ctx, tasks, dialogs, i18n, desktopOpener());
    }

    public ReportViewModel(ReportContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, FileOpener opener) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        int current = ctx.today().getYear();
        for (int y = current; y >= current - 6; y--) {
            years.add(y);
        }
        // Default: last year's kvalitetsberättelse, written in the first months of the year.
        year.set(current - 1);
        int t = Period.tertialOf(ctx.today().getMonthValue()) - 1;
        tertial.set(t == 0 ? 3 : t);
        updateTertials();

        meetings = new ReportMeetings(ctx, tasks, dialogs, i18n, busy, this::unitId, this::failed);
        texts = new ReportTextsForm(ctx, tasks, dialogs, i18n, kind,
                () -> ReportTexts.empty(year.get(), effectiveTertial(), unitId()), () -> request(false), busy,
                generating, status, this::failed);
        preview = new ReportPreview(ctx, tasks, i18n, this::failed);
        generation = new ReportGeneration(ctx, tasks, dialogs, i18n, opener, texts, this::request, busy, generating,
                status, this::failed);

        ChangeListener<Object> selection = (o, a, b) -> selectionChanged();
        kind.addListener((o, a, k) -> {
            switching = true;
            try {
                updateTertials();
            } finally {
                switching = false;
            }
            selectionChanged();
        });
        year.addListener(selection);
        tertial.addListener(selection);
        unit.addListener(selection);
        countBy.addListener((o, a, b) -> {
            if (b == null) {
                countBy.set(se.kvalitetshjulet.domain.report.CountingRule.REGISTERED);
            } else {
                preview.load(request(false), period());
            }
        });
    }

    /** The operating system's opener: never on a headless machine, only where the desktop supports opening files. */
    public static FileOpener desktopOpener() {
        return new FileOpener() {
            @Override
            public boolean available() {
                return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
            }

            @Override
            public void open(Path file) throws IOException {
                Desktop.getDesktop().open(file.toFile());
            }
        };
    }

    private void updateTertials() {
        List<Integer> items = switch (kind.get()) {
            case ANNUAL -> List.of();
            case TERTIAL -> List.of(1, 2, 3);
            case BOARD -> List.of(0, 1, 2, 3);
        };
        tertials.setAll(items);
        if (kind.get() == ReportKind.TERTIAL && tertial.get() == 0) {
            tertial.set(3);
        }
    }

    /** The tertial the request and the stored texts use: 0 for the annual report. */
    private int effectiveTertial() {
        return kind.get() == ReportKind.ANNUAL ? 0 : tertial.get();
    }

    private Long unitId() {
        return unit.get() == null ? null : unit.get().id();
    }

    public Period period() {
        int t = effectiveTertial();
        return t == 0 ? Period.year(year.get()) : Period.tertial(year.get(), t);
    }

    private ReportService.Request request(boolean descriptions) {
        BoardMeeting m = kind.get() == ReportKind.BOARD ? meetings.forBoardMaterial() : null;
        return new ReportService.Request(kind.get(), year.get(), effectiveTertial(), unitId(), descriptions, m,
                countBy.get());
    }

    // ---- loading ---------------------------------------------------------------------

    private record Loaded(List<Unit> units, List<BoardMeeting> meetings) { }

    /** Loads the units and the meetings, then the texts and the preview of the current choice. */
    public void load() {
        busy.set(true);
        int textsAtStart = texts.seq();
        int previewAtStart = preview.seq();
        tasks.run(i18n.get("report.ui.loading"), p -> new Loaded(ctx.organisationService().tree().all(),
                ctx.reportService().meetings(ctx.today())), l -> {
                    busy.set(false);
                    Unit chosen = unit.get();
                    units.setAll(l.units());
                    if (chosen != null) {
                        unit.set(l.units().stream().filter(u -> u.id() == chosen.id()).findFirst().orElse(null));
                    }
                    meetings.show(l.meetings());
                    // A choice made while this ran has loaded its own texts already: the latest wins, and
                    // loading them again would replace the boxes the user may be typing in.
                    if (!texts.dirtyProperty().get() && texts.seq() == textsAtStart) {
                        texts.load();
                    }
                    if (preview.seq() == previewAtStart) {
                        preview.load(request(false), period());
                    }
                }, this::failed);
    }

    private void selectionChanged() {
        if (switching) {
            return;
        }
        generation.choiceChanged();
        texts.choiceChanged();
        preview.load(request(false), period());
    }

    private void failed(Throwable t) {
        busy.set(false);
        dialogs.showUnexpected(t);
    }

    /**
     * The user asks to include (or leave out) the deviation descriptions. Including them first runs the personnummer
     * and name check over exactly the descriptions the report would contain, and asks for confirmation with the result.
     */
    public void requestIncludeDescriptions(boolean on) {
        generation.requestIncludeDescriptions(on);
    }

    /** The line a meeting is listed with: date, title and the deadline of its material. */
    public String meetingLine(BoardMeeting m) {
        return meetings.line(m);
    }

    public boolean meetingOverdue(BoardMeeting m) {
        return meetings.overdue(m);
    }

    public ObjectProperty<ReportKind> kindProperty() { return kind; }
    public IntegerProperty yearProperty() { return year; }
    public IntegerProperty tertialProperty() { return tertial; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObjectProperty<ReportFormat> formatProperty() { return generation.formatProperty(); }
    public ObservableList<Integer> years() { return years; }
    public ObservableList<Integer> tertials() { return tertials; }
    public ObservableList<Unit> units() { return units; }
    public StringProperty summaryProperty() { return texts.summaryProperty(); }
    public StringProperty prioritiesProperty() { return texts.prioritiesProperty(); }
    public StringProperty followUpProperty() { return texts.followUpProperty(); }
    public StringProperty analysisProperty() { return texts.analysisProperty(); }
    public StringProperty externalAuditsProperty() { return texts.externalAuditsProperty(); }
    public StringProperty previousPrioritiesProperty() { return texts.previousPrioritiesProperty(); }
    public StringProperty privacyWarningProperty() { return texts.privacyWarningProperty(); }
    public BooleanProperty textsDirtyProperty() { return texts.dirtyProperty(); }
    public BooleanProperty textsLoadedProperty() { return texts.loadedProperty(); }
    public BooleanBinding textsUsedProperty() { return texts.usedProperty(); }
    /** The report's charts with their sentences, for the author to rewrite (saved with the texts). */
    public ObservableList<ConclusionRow> conclusions() { return texts.conclusions(); }
    /** The kvalitetsberättelse's further sections (processes, per kind, patterns, …) for the author to write. */
    public ObservableList<SectionRow> sections() { return texts.sections(); }
    public ObjectProperty<se.kvalitetshjulet.domain.report.CountingRule> countByProperty() { return countBy; }
    public BooleanProperty conclusionsLoadingProperty() { return texts.conclusionsLoadingProperty(); }
    public BooleanProperty includeDescriptionsProperty() { return generation.includeDescriptionsProperty(); }
    public StringProperty descriptionWarningProperty() { return generation.descriptionWarningProperty(); }
    public ObjectProperty<ReportModel> previewModelProperty() { return preview.modelProperty(); }
    public ObservableList<PreviewRow> preview() { return preview.rows(); }
    public BooleanProperty previewLoadingProperty() { return preview.loadingProperty(); }
    public ObservableList<BoardMeeting> meetings() { return meetings.meetings(); }
    public ObjectProperty<BoardMeeting> selectedMeetingProperty() { return meetings.selectedProperty(); }
    public ObjectProperty<LocalDate> newMeetingDateProperty() { return meetings.newDateProperty(); }
    public StringProperty newMeetingTitleProperty() { return meetings.newTitleProperty(); }
    public StringProperty meetingProblemProperty() { return meetings.problemProperty(); }
    public StringProperty deadlineTextProperty() { return meetings.deadlineTextProperty(); }
    public BooleanProperty deadlineOverdueProperty() { return meetings.deadlineOverdueProperty(); }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty generatingProperty() { return generating; }
    public ReadOnlyDoubleProperty progressProperty() { return tasks.progressProperty(); }
    public ReadOnlyStringProperty progressMessageProperty() { return tasks.messageProperty(); }
    public StringProperty statusProperty() { return status; }
    public ObjectProperty<Path> lastFileProperty() { return generation.lastFileProperty(); }
    public Command saveTextsCommand() { return texts.save; }
    public Command generateCommand() { return generation.generate; }
    public Command cancelCommand() { return generation.cancel; }
    public Command addMeetingCommand() { return meetings.add; }
    public Command deleteMeetingCommand() { return meetings.delete; }
    public Command openLastCommand() { return generation.openLast; }
}
