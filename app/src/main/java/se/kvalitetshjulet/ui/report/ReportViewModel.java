package se.kvalitetshjulet.ui.report;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import javafx.beans.binding.Bindings;
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

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.deviation.PatternReport;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Rapporter: choose kvalitetsberättelse, kvalitetsrapport per tertial or nämndunderlag for a year/tertial and an
 * organisation subtree; write the stored texts (with the personnummer/name check); preview the key numbers; keep the
 * board meetings and their deadlines; generate the document with progress and cancel, save it and open it.
 */
public final class ReportViewModel {

    /** Opens a saved report in the operating system's program for it. */
    public interface FileOpener {
        boolean available();

        void open(Path file) throws IOException;
    }

    /** One line of the key-number preview. */
    public record PreviewRow(String label, String value) { }

    private final ReportContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final FileOpener opener;

    private final ObjectProperty<ReportKind> kind = new SimpleObjectProperty<>(ReportKind.ANNUAL);
    private final IntegerProperty year = new SimpleIntegerProperty();
    /** 1–3 for the tertial report; 0 (whole year) or 1–3 for board material; ignored for the annual report. */
    private final IntegerProperty tertial = new SimpleIntegerProperty();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(ReportFormat.PDF);
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObservableList<Integer> tertials = FXCollections.observableArrayList();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();

    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty priorities = new SimpleStringProperty("");
    private final StringProperty followUp = new SimpleStringProperty("");
    private final StringProperty analysis = new SimpleStringProperty("");
    private final StringProperty externalAudits = new SimpleStringProperty("");
    private final StringProperty previousPriorities = new SimpleStringProperty("");
    private final StringProperty privacyWarning = new SimpleStringProperty("");
    private final BooleanProperty textsDirty = new SimpleBooleanProperty();
    private final BooleanProperty textsLoaded = new SimpleBooleanProperty();
    private ReportTexts loadedTexts;
    private boolean applyingTexts;

    private final BooleanProperty includeDescriptions = new SimpleBooleanProperty();
    private final StringProperty descriptionWarning = new SimpleStringProperty("");

    private final ObjectProperty<ReportModel> previewModel = new SimpleObjectProperty<>();
    private final ObservableList<PreviewRow> preview = FXCollections.observableArrayList();
    private final BooleanProperty previewLoading = new SimpleBooleanProperty();

    private final ObservableList<BoardMeeting> meetings = FXCollections.observableArrayList();
    private final ObjectProperty<BoardMeeting> selectedMeeting = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> newMeetingDate = new SimpleObjectProperty<>();
    private final StringProperty newMeetingTitle = new SimpleStringProperty("");
    private final StringProperty meetingProblem = new SimpleStringProperty("");
    private final StringProperty deadlineText = new SimpleStringProperty("");
    private final BooleanProperty deadlineOverdue = new SimpleBooleanProperty();

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty generating = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Path> lastFile = new SimpleObjectProperty<>();

    private final Command saveTexts;
    private final Command generate;
    private final Command cancel;
    private final Command addMeeting;
    private final Command deleteMeeting;
    private final Command openLast;

    private int textSeq;
    private int previewSeq;
    private boolean switching;

    public ReportViewModel(ReportContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this(ctx, tasks, dialogs, i18n, desktopOpener());
    }

    public ReportViewModel(ReportContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, FileOpener opener) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.opener = opener;
        int current = ctx.today().getYear();
        for (int y = current; y >= current - 6; y--) {
            years.add(y);
        }
        // Default: last year's kvalitetsberättelse, written in the first months of the year.
        year.set(current - 1);
        int t = Period.tertialOf(ctx.today().getMonthValue()) - 1;
        tertial.set(t == 0 ? 3 : t);
        updateTertials();

        BooleanBinding textsUsed = Bindings.createBooleanBinding(() -> kind.get() != ReportKind.BOARD, kind);
        saveTexts = new Command(this::saveTexts, textsDirty.and(busy.not()).and(generating.not()));
        generate = new Command(this::generate, generating.not().and(busy.not()));
        cancel = new Command(tasks::cancel, generating);
        addMeeting = new Command(this::addMeeting, newMeetingDate.isNotNull().and(busy.not()));
        deleteMeeting = new Command(this::deleteMeeting, selectedMeeting.isNotNull().and(busy.not()));
        openLast = new Command(this::openLast, lastFile.isNotNull().and(
                Bindings.createBooleanBinding(opener::available)));
        this.textsUsed = textsUsed;

        ChangeListener<String> edited = (o, a, b) -> textEdited();
        for (StringProperty p : List.of(summary, priorities, followUp, analysis, externalAudits)) {
            p.addListener(edited);
        }
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
    }

    private final BooleanBinding textsUsed;

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
        BoardMeeting m = null;
        if (kind.get() == ReportKind.BOARD) {
            m = selectedMeeting.get() != null ? selectedMeeting.get() : meetings.isEmpty() ? null : meetings.getFirst();
        }
        return new ReportService.Request(kind.get(), year.get(), effectiveTertial(), unitId(), descriptions, m);
    }

    // ---- loading ---------------------------------------------------------------------

    private record Loaded(List<Unit> units, List<BoardMeeting> meetings) { }

    /** Loads the units and the meetings, then the texts and the preview of the current choice. */
    public void load() {
        busy.set(true);
        int textsAtStart = textSeq;
        int previewAtStart = previewSeq;
        tasks.run(i18n.get("report.ui.loading"), p -> new Loaded(ctx.organisationService().tree().all(),
                ctx.reportService().meetings(ctx.today())), l -> {
                    busy.set(false);
                    Unit chosen = unit.get();
                    units.setAll(l.units());
                    if (chosen != null) {
                        unit.set(l.units().stream().filter(u -> u.id() == chosen.id()).findFirst().orElse(null));
                    }
                    showMeetings(l.meetings());
                    // A choice made while this ran has loaded its own texts already: the latest wins, and
                    // loading them again would replace the boxes the user may be typing in.
                    if (!textsDirty.get() && textSeq == textsAtStart) {
                        loadTexts();
                    }
                    if (previewSeq == previewAtStart) {
                        loadPreview();
                    }
                }, this::failed);
    }

    private void selectionChanged() {
        if (switching) {
            return;
        }
        includeDescriptions.set(false);
        descriptionWarning.set("");
        if (textsDirty.get() && loadedTexts != null) {
            ReportTexts unsaved = currentTexts(loadedTexts);
            textsDirty.set(false);
            if (dialogs.confirm(i18n.get("report.ui.texts.unsavedTitle"), i18n.get("report.ui.texts.unsaved",
                    periodLabel(loadedTexts)))) {
                PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> ctx.reportService().privacyRefuses(),
                        textFields(unsaved), () -> tasks.run(i18n.get("report.ui.texts.saving"),
                                p -> ctx.reportService().saveTexts(unsaved), saved -> status.set(saved.ok()
                                        ? i18n.get("report.ui.texts.saved") : notSaved(saved.problems())),
                                this::failed));
            }
        }
        loadTexts();
        loadPreview();
    }

    private String periodLabel(ReportTexts t) {
        return t.tertial() == 0 ? Integer.toString(t.year()) : i18n.get("report.ui.tertialOf", t.tertial(),
                Integer.toString(t.year()));
    }

    private record TextsLoaded(ReportTexts texts, ReportTexts previous) { }

    /** One run or control chart the report includes and the sentence under it (drafted, or the author's). */
    public record ConclusionRow(String key, String title, String drafted, StringProperty text) { }

    private final ObservableList<ConclusionRow> conclusions = FXCollections.observableArrayList();
    private final BooleanProperty conclusionsLoading = new SimpleBooleanProperty();

    /** The report's charts with their sentences, for the author to rewrite (saved with the texts). */
    public ObservableList<ConclusionRow> conclusions() { return conclusions; }
    public BooleanProperty conclusionsLoadingProperty() { return conclusionsLoading; }

    /** Computes the charts the chosen report includes and drafts their sentences, off the FX thread. */
    private void loadConclusions(int seq, ReportTexts texts) {
        if (kind.get() == ReportKind.BOARD) {
            conclusions.clear();
            return;
        }
        ReportService.Request r = request(false);
        conclusionsLoading.set(true);
        tasks.run(i18n.get("report.ui.conclusions.loading"), p -> ctx.reportService().chartConclusions(r, texts,
                p::isCancelled), list -> {
                    if (seq != textSeq) {
                        return;
                    }
                    conclusionsLoading.set(false);
                    applyingTexts = true;
                    try {
                        List<ConclusionRow> rows = new ArrayList<>();
                        for (var c : list) {
                            if (c.key().startsWith("kind.") && !c.special()) {
                                continue; // as in the report: a kind's chart only when it shows a special cause
                            }
                            StringProperty text = new SimpleStringProperty(c.text());
                            text.addListener((o, a, b) -> textEdited());
                            rows.add(new ConclusionRow(c.key(), c.title(), c.drafted(), text));
                        }
                        conclusions.setAll(rows);
                    } finally {
                        applyingTexts = false;
                    }
                }, e -> {
                    conclusionsLoading.set(false);
                    failed(e);
                });
    }

    /** The stored conclusions with this screen's: a sentence left as drafted (or emptied) is not stored. */
    private java.util.Map<String, String> currentConclusions(ReportTexts base) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>(base.conclusions());
        for (ConclusionRow row : conclusions) {
            String t = row.text().get() == null ? "" : row.text().get().strip();
            if (t.isEmpty() || t.equals(row.drafted())) {
                out.remove(row.key());
            } else {
                out.put(row.key(), t);
            }
        }
        return out;
    }

    private void loadTexts() {
        int seq = ++textSeq;
        int y = year.get();
        int t = effectiveTertial();
        Long u = unitId();
        textsLoaded.set(false);
        tasks.run(i18n.get("report.ui.loading"), p -> new TextsLoaded(ctx.reportService().texts(y, t, u),
                ctx.reportService().texts(y - 1, t, u)), l -> {
                    if (seq == textSeq) {
                        applyTexts(l.texts());
                        previousPriorities.set(l.previous().priorities());
                        textsLoaded.set(true);
                        loadConclusions(seq, l.texts());
                    }
                }, this::failed);
    }

    private void applyTexts(ReportTexts t) {
        applyingTexts = true;
        try {
            loadedTexts = t;
            summary.set(t.summary());
            priorities.set(t.priorities());
            followUp.set(t.followUp());
            analysis.set(t.analysis());
            externalAudits.set(t.externalAudits());
            textsDirty.set(false);
        } finally {
            applyingTexts = false;
        }
        updatePrivacy();
    }

    private void loadPreview() {
        int seq = ++previewSeq;
        ReportService.Request r = request(false);
        previewLoading.set(true);
        tasks.run(i18n.get("report.ui.previewing", period().label()),
                p -> ctx.reportService().build(r, ctx.today(), (f, w) -> { }, p::isCancelled), m -> {
                    if (seq == previewSeq) {
                        previewLoading.set(false);
                        showPreview(m);
                    }
                }, e -> {
                    if (seq == previewSeq) {
                        previewLoading.set(false);
                    }
                    if (!(e instanceof CancellationException)) {
                        failed(e);
                    }
                });
    }

    private void showPreview(ReportModel m) {
        previewModel.set(m);
        List<PreviewRow> rows = new ArrayList<>();
        PatternReport p = m.patterns();
        for (DeviationKind k : DeviationKind.values()) {
            rows.add(new PreviewRow(i18n.of(k), p.boardStyle(k, PatternReport.TOTAL)));
        }
        long[] all = new long[p.yearsCompared() + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = m.total(i);
        }
        rows.add(new PreviewRow(i18n.get("report.col.allKinds"), p.boardStyle(all)));
        rows.add(new PreviewRow(i18n.get("report.ui.preview.sarah"), Long.toString(m.count(DeviationKind.LEX_SARAH))));
        rows.add(new PreviewRow(i18n.get("report.ui.preview.ivo"),
                i18n.get("report.ui.preview.ivoValue", m.sarahIvo(), m.mariaIvo())));
        rows.add(new PreviewRow(i18n.get("report.ui.preview.risks"),
                i18n.get("report.ui.preview.risksValue", m.risks().riskAnalyses(), m.risks().eventAnalyses())));
        rows.add(new PreviewRow(i18n.get("report.ui.preview.selfChecks"), i18n.get("report.ui.preview.selfChecksValue",
                m.selfChecks().rounds(), m.selfChecks().units(), m.selfChecks().submitted())));
        for (ReportModel.KeyFigure k : m.keyFigures()) {
            if (k.decimals() > 0) {
                rows.add(new PreviewRow(i18n.get("report.key." + k.key()), String.format(i18n.locale(),
                        "%." + k.decimals() + "f", k.value())));
            }
        }
        preview.setAll(rows);
    }

    // ---- texts -------------------------------------------------------------------------

    private void textEdited() {
        if (applyingTexts) {
            return;
        }
        textsDirty.set(true);
        status.set("");
        updatePrivacy();
    }

    private ReportTexts currentTexts(ReportTexts base) {
        return new ReportTexts(base.id(), base.year(), base.tertial(), base.unitId(), summary.get(), priorities.get(),
                followUp.get(), analysis.get(), externalAudits.get(), currentConclusions(base), base.sections());
    }

    private ReportTexts currentTexts() {
        ReportTexts base = loadedTexts != null ? loadedTexts : ReportTexts.empty(year.get(), effectiveTertial(), unitId());
        return currentTexts(base);
    }

    private void updatePrivacy() {
        List<PrivacyCheck.Finding> findings = ctx.reportService().privacyFindings(currentTexts());
        List<String> ids = findings.stream().filter(PrivacyCheck.Finding::identityNumber)
                .map(PrivacyCheck.Finding::text).distinct().toList();
        List<String> names = findings.stream().filter(f -> !f.identityNumber())
                .map(PrivacyCheck.Finding::text).distinct().toList();
        List<String> parts = new ArrayList<>();
        if (!ids.isEmpty()) {
            parts.add(i18n.get("privacy.idNumbers.warn", String.join(", ", ids)));
        }
        if (!names.isEmpty()) {
            parts.add(i18n.get("privacy.names.warn", String.join(", ", names)));
        }
        privacyWarning.set(String.join("\n", parts));
    }

    /** The author's texts as the form labels them, for the privacy question. */
    private List<PrivacyQuestion.Field> textFields(ReportTexts t) {
        return List.of(PrivacyQuestion.field(i18n, "report.h.summary", t.summary()),
                PrivacyQuestion.field(i18n, "report.ui.field.priorities", t.priorities()),
                PrivacyQuestion.field(i18n, "report.ui.field.followUp", t.followUp()),
                PrivacyQuestion.field(i18n, "report.h.audits", t.externalAudits()),
                PrivacyQuestion.field(i18n, "report.h.analysis", t.analysis()));
    }

    private String notSaved(List<se.kvalitetshjulet.domain.Problem> problems) {
        return i18n.get("privacy.report.textsNotSaved") + "\n"
                + String.join("\n", problems.stream().map(i18n::problem).toList());
    }

    /** Saves the texts after the privacy question (decision 0018); under "refuse" the service refuses. */
    private void saveTexts() {
        ReportTexts t = currentTexts();
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> ctx.reportService().privacyRefuses(), textFields(t),
                () -> storeTexts(t));
    }

    private void storeTexts(ReportTexts t) {
        int seq = textSeq;
        busy.set(true);
        tasks.run(i18n.get("report.ui.texts.saving"), p -> ctx.reportService().saveTexts(t), result -> {
            busy.set(false);
            if (!result.ok()) {
                status.set(notSaved(result.problems()));
                return;
            }
            ReportTexts saved = result.value();
            if (seq == textSeq) {
                loadedTexts = saved;
                // Keep what the user typed meanwhile; only the stored state is new.
                textsDirty.set(!currentTexts(saved).equals(saved));
            }
            status.set(i18n.get("report.ui.texts.saved"));
        }, this::failed);
    }

    // ---- descriptions ------------------------------------------------------------------

    /**
     * The user asks to include (or leave out) the deviation descriptions. Including them first runs the personnummer
     * and name check over exactly the descriptions the report would contain, and asks for confirmation with the result.
     */
    public void requestIncludeDescriptions(boolean on) {
        if (!on) {
            includeDescriptions.set(false);
            descriptionWarning.set("");
            return;
        }
        ReportService.Request r = request(true);
        busy.set(true);
        tasks.run(i18n.get("report.ui.descriptions.checking"), p -> ctx.reportService().descriptionFindings(r, ctx.today()),
                findings -> {
                    busy.set(false);
                    long ids = findings.stream().filter(PrivacyCheck.Finding::identityNumber).count();
                    long names = findings.stream().filter(f -> !f.identityNumber()).count();
                    String warning = i18n.get("report.ui.descriptions.warning", ids, names);
                    if (dialogs.confirm(i18n.get("report.ui.descriptions.title"),
                            warning + "\n\n" + i18n.get("report.ui.descriptions.confirm"))) {
                        includeDescriptions.set(true);
                        descriptionWarning.set(warning);
                    } else {
                        includeDescriptions.set(false);
                        descriptionWarning.set("");
                    }
                }, this::failed);
    }

    // ---- meetings ----------------------------------------------------------------------

    private void showMeetings(List<BoardMeeting> list) {
        BoardMeeting sel = selectedMeeting.get();
        meetings.setAll(list);
        selectedMeeting.set(sel == null ? null : list.stream().filter(m -> m.id().equals(sel.id())).findFirst()
                .orElse(null));
        LocalDate today = ctx.today();
        if (list.isEmpty()) {
            deadlineText.set(i18n.get("report.ui.meeting.none"));
            deadlineOverdue.set(false);
            return;
        }
        BoardMeeting next = list.getFirst();
        deadlineOverdue.set(next.deadlinePassed(today));
        deadlineText.set(i18n.get("report.ui.meeting.next", next.meetingOn().toString(), next.title(),
                next.deadline().toString(), daysText(next, today)));
    }

    private String daysText(BoardMeeting m, LocalDate today) {
        long d = m.daysToDeadline(today);
        if (d == 0) {
            return i18n.get("report.ui.meeting.today");
        }
        return d > 0 ? i18n.get("report.ui.meeting.daysLeft", d) : i18n.get("report.ui.meeting.daysLate", -d);
    }

    /** The line a meeting is listed with: date, title and the deadline of its material. */
    public String meetingLine(BoardMeeting m) {
        return i18n.get("report.ui.meeting.line", m.meetingOn().toString(), m.title(), m.deadline().toString(),
                daysText(m, ctx.today()));
    }

    public boolean meetingOverdue(BoardMeeting m) {
        return m.deadlinePassed(ctx.today());
    }

    private void addMeeting() {
        LocalDate on = newMeetingDate.get();
        if (on.isBefore(ctx.today())) {
            meetingProblem.set(i18n.get("report.ui.meeting.past"));
            return;
        }
        meetingProblem.set("");
        BoardMeeting m = new BoardMeeting(null, on, newMeetingTitle.get(), unitId());
        busy.set(true);
        tasks.run(i18n.get("report.ui.meeting.saving"), p -> {
            BoardMeeting saved = ctx.reportService().saveMeeting(m);
            return new Object[] {saved, ctx.reportService().meetings(ctx.today())};
        }, res -> {
            busy.set(false);
            @SuppressWarnings("unchecked")
            List<BoardMeeting> list = (List<BoardMeeting>) res[1];
            showMeetings(list);
            selectedMeeting.set((BoardMeeting) res[0]);
            newMeetingDate.set(null);
            newMeetingTitle.set("");
        }, this::failed);
    }

    private void deleteMeeting() {
        BoardMeeting m = selectedMeeting.get();
        if (!dialogs.confirm(i18n.get("report.ui.meeting.deleteTitle"),
                i18n.get("report.ui.meeting.deleteConfirm", m.meetingOn().toString()))) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("report.ui.meeting.saving"), p -> {
            ctx.reportService().deleteMeeting(m.id());
            return ctx.reportService().meetings(ctx.today());
        }, list -> {
            busy.set(false);
            selectedMeeting.set(null);
            showMeetings(list);
        }, this::failed);
    }

    // ---- generating --------------------------------------------------------------------

    private record Generated(Path temp, ReportModel model, ReportTexts savedTexts) { }

    /**
     * Builds the report, checks it once more for identifying details and lists what it finds by section and kind
     * before anything is written (decision 0018): under "refuse" nothing is written; under "warn" the user chooses
     * to write anyway or stop. Unsaved texts go through the privacy question first and are saved with the report.
     */
    private void generate() {
        ReportTexts unsaved = textsDirty.get() && textsUsed.get() ? currentTexts() : null;
        if (unsaved == null) {
            prepare(null);
            return;
        }
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> ctx.reportService().privacyRefuses(), textFields(unsaved),
                () -> prepare(unsaved));
    }

    private record Prepared(ReportModel model, ReportTexts savedTexts, List<se.kvalitetshjulet.domain.Problem> refused,
                            List<ReportService.ExportFinding> findings, boolean refuses) { }

    private void prepare(ReportTexts unsaved) {
        ReportService.Request r = request(includeDescriptions.get());
        generating.set(true);
        status.set("");
        tasks.run(i18n.get("report.ui.generating"), p -> {
            ReportTexts saved = null;
            if (unsaved != null) {
                var result = ctx.reportService().saveTexts(unsaved);
                if (!result.ok()) {
                    return new Prepared(null, null, result.problems(), List.of(), true);
                }
                saved = result.value();
            }
            ReportModel m = ctx.reportService().build(r, ctx.today(),
                    (fraction, what) -> p.update(fraction * 0.8, stepText(what)), p::isCancelled);
            return new Prepared(m, saved, List.of(), ReportService.exportFindings(m), ctx.reportService().privacyRefuses());
        }, prepared -> {
            generating.set(false);
            if (!prepared.refused().isEmpty()) {
                status.set(notSaved(prepared.refused()));
                return;
            }
            if (prepared.savedTexts() != null && loadedTexts != null && sameKey(prepared.savedTexts(), loadedTexts)) {
                loadedTexts = prepared.savedTexts();
                textsDirty.set(!currentTexts(prepared.savedTexts()).equals(prepared.savedTexts()));
            }
            List<ReportService.ExportFinding> found = prepared.findings();
            if (!found.isEmpty()) {
                String listing = String.join("\n", found.stream().map(x -> "• " + i18n.get("privacy.export.line",
                        i18n.get(x.sectionKey()).replace("{0}", "").strip(), i18n.get("privacy.q.kind." + x.kind().name()),
                        x.count())).toList());
                if (prepared.refuses()) {
                    status.set(i18n.get("privacy.export.refused") + "\n" + listing);
                    return;
                }
                var answer = dialogs.choose(i18n.get("privacy.export.title"),
                        i18n.get("privacy.export.message") + "\n\n" + listing,
                        List.of(i18n.get("privacy.export.stop"), i18n.get("privacy.export.write")));
                if (answer.isEmpty() || answer.get() != 1) {
                    status.set(i18n.get("privacy.export.stopped"));
                    return;
                }
            }
            write(r, prepared.model());
        }, e -> {
            generating.set(false);
            if (e instanceof CancellationException) {
                status.set(i18n.get("report.ui.cancelled"));
            } else {
                failed(e);
            }
        });
    }

    private void write(ReportService.Request r, ReportModel built) {
        ReportFormat f = format.get();
        String name = fileName(r, f);
        Path[] temp = new Path[1];
        generating.set(true);
        tasks.run(i18n.get("report.ui.generating"), p -> {
            ReportTexts saved = null;
            Path tmp = Files.createTempFile("kvalitetshjulet-", "." + f.extension());
            temp[0] = tmp;
            try {
                ReportModel m = built;
                p.update(0.85, i18n.get("report.ui.step.write"));
                ctx.reportExporter(i18n.locale()).write(m, f, tmp, p::isCancelled);
                p.checkCancelled();
                p.update(1.0, i18n.get("report.ui.step.done"));
                return new Generated(tmp, m, saved);
            } catch (Exception | Error e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }, g -> {
            generating.set(false);
            if (g.savedTexts() != null && loadedTexts != null && sameKey(g.savedTexts(), loadedTexts)) {
                loadedTexts = g.savedTexts();
                textsDirty.set(!currentTexts(g.savedTexts()).equals(g.savedTexts()));
            }
            saveGenerated(g.temp(), name, f);
        }, e -> {
            generating.set(false);
            deleteQuietly(temp[0]);
            if (e instanceof CancellationException) {
                status.set(i18n.get("report.ui.cancelled"));
            } else {
                failed(e);
            }
        });
    }

    private static boolean sameKey(ReportTexts a, ReportTexts b) {
        return a.year() == b.year() && a.tertial() == b.tertial() && java.util.Objects.equals(a.unitId(), b.unitId());
    }

    private String stepText(String what) {
        String key = "report.ui.step." + what;
        return i18n.has(key) ? i18n.get(key) : i18n.get("report.ui.generating");
    }

    private String fileName(ReportService.Request r, ReportFormat f) {
        String base = switch (r.kind()) {
            case ANNUAL -> i18n.get("report.ui.file.annual", Integer.toString(r.year()));
            case TERTIAL -> i18n.get("report.ui.file.tertial", Integer.toString(r.year()), r.tertial());
            case BOARD -> i18n.get("report.ui.file.board", r.meeting() == null ? Integer.toString(r.year())
                    : r.meeting().meetingOn().toString());
        };
        return base + "." + f.extension();
    }

    private void saveGenerated(Path temp, String suggested, ReportFormat f) {
        Optional<Path> chosen = dialogs.chooseSaveFile(i18n.get("report.ui.save.title"), suggested,
                List.of("*." + f.extension()));
        if (chosen.isEmpty()) {
            deleteQuietly(temp);
            status.set(i18n.get("report.ui.notSaved"));
            return;
        }
        Path target = chosen.get();
        if (ReportFormat.ofFileName(target.getFileName().toString()) != f) {
            target = target.resolveSibling(target.getFileName() + "." + f.extension());
        }
        Path dest = target;
        busy.set(true);
        tasks.run(i18n.get("report.ui.saving"), p -> Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING),
                done -> {
                    busy.set(false);
                    lastFile.set(done);
                    status.set(i18n.get("report.ui.savedAt", done.toAbsolutePath().toString()));
                    offerOpen(done);
                }, e -> {
                    deleteQuietly(temp);
                    failed(e);
                });
    }

    private void offerOpen(Path file) {
        String where = file.toAbsolutePath().toString();
        if (opener.available()) {
            if (dialogs.confirm(i18n.get("report.ui.save.title"), i18n.get("report.ui.openQuestion", where))) {
                open(file);
            }
        } else {
            dialogs.showInfo(i18n.get("report.ui.save.title"), i18n.get("report.ui.savedAt", where));
        }
    }

    private void openLast() {
        if (lastFile.get() != null) {
            open(lastFile.get());
        }
    }

    private void open(Path file) {
        tasks.run(i18n.get("report.ui.opening"), p -> {
            opener.open(file);
            return file;
        }, ok -> { }, e -> dialogs.showError(i18n.get("report.ui.save.title"),
                i18n.get("report.ui.openFailed", file.toAbsolutePath().toString())));
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A leftover temporary file is harmless; the user's chosen file is never touched here.
        }
    }

    private void failed(Throwable t) {
        busy.set(false);
        dialogs.showUnexpected(t);
    }

    public ObjectProperty<ReportKind> kindProperty() { return kind; }
    public IntegerProperty yearProperty() { return year; }
    public IntegerProperty tertialProperty() { return tertial; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObjectProperty<ReportFormat> formatProperty() { return format; }
    public ObservableList<Integer> years() { return years; }
    public ObservableList<Integer> tertials() { return tertials; }
    public ObservableList<Unit> units() { return units; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty prioritiesProperty() { return priorities; }
    public StringProperty followUpProperty() { return followUp; }
    public StringProperty analysisProperty() { return analysis; }
    public StringProperty externalAuditsProperty() { return externalAudits; }
    public StringProperty previousPrioritiesProperty() { return previousPriorities; }
    public StringProperty privacyWarningProperty() { return privacyWarning; }
    public BooleanProperty textsDirtyProperty() { return textsDirty; }
    public BooleanProperty textsLoadedProperty() { return textsLoaded; }
    public BooleanBinding textsUsedProperty() { return textsUsed; }
    public BooleanProperty includeDescriptionsProperty() { return includeDescriptions; }
    public StringProperty descriptionWarningProperty() { return descriptionWarning; }
    public ObjectProperty<ReportModel> previewModelProperty() { return previewModel; }
    public ObservableList<PreviewRow> preview() { return preview; }
    public BooleanProperty previewLoadingProperty() { return previewLoading; }
    public ObservableList<BoardMeeting> meetings() { return meetings; }
    public ObjectProperty<BoardMeeting> selectedMeetingProperty() { return selectedMeeting; }
    public ObjectProperty<LocalDate> newMeetingDateProperty() { return newMeetingDate; }
    public StringProperty newMeetingTitleProperty() { return newMeetingTitle; }
    public StringProperty meetingProblemProperty() { return meetingProblem; }
    public StringProperty deadlineTextProperty() { return deadlineText; }
    public BooleanProperty deadlineOverdueProperty() { return deadlineOverdue; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty generatingProperty() { return generating; }
    public ReadOnlyDoubleProperty progressProperty() { return tasks.progressProperty(); }
    public ReadOnlyStringProperty progressMessageProperty() { return tasks.messageProperty(); }
    public StringProperty statusProperty() { return status; }
    public ObjectProperty<Path> lastFileProperty() { return lastFile; }
    public Command saveTextsCommand() { return saveTexts; }
    public Command generateCommand() { return generate; }
    public Command cancelCommand() { return cancel; }
    public Command addMeetingCommand() { return addMeeting; }
    public Command deleteMeetingCommand() { return deleteMeeting; }
    public Command openLastCommand() { return openLast; }
}
