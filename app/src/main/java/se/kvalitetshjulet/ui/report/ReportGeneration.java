package se.kvalitetshjulet.ui.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.report.ReportViewModel.FileOpener;

/**
 * Generating the chosen report: whether the deviation descriptions go in (after their own privacy check), building
 * with progress and cancel, the last check for identifying details by section (decision 0018), writing the file
 * in the chosen format to a temporary file, moving it where the user says and offering to open it.
 */
final class ReportGeneration {
    private final ReportContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final FileOpener opener;
    private final ReportTextsForm texts;
    private final Function<Boolean, ReportService.Request> request;
    private final BooleanProperty busy;
    private final StringProperty status;
    private final Consumer<Throwable> failed;

    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(ReportFormat.PDF);
    private final BooleanProperty includeDescriptions = new SimpleBooleanProperty();
    private final StringProperty descriptionWarning = new SimpleStringProperty("");
    private final BooleanProperty generating;
    private final ObjectProperty<Path> lastFile = new SimpleObjectProperty<>();

    final Command generate;
    final Command cancel;
    final Command openLast;

    /**
     * @param request    the report request of the current choice, with or without the deviation descriptions
     * @param generating true while a report is being built or written (shared with the texts' save command)
     */
    ReportGeneration(ReportContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, FileOpener opener,
                     ReportTextsForm texts, Function<Boolean, ReportService.Request> request, BooleanProperty busy,
                     BooleanProperty generating, StringProperty status, Consumer<Throwable> failed) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.opener = opener;
        this.texts = texts;
        this.request = request;
        this.busy = busy;
        this.generating = generating;
        this.status = status;
        this.failed = failed;
        generate = new Command(this::generate, generating.not().and(busy.not()));
        cancel = new Command(tasks::cancel, generating);
        openLast = new Command(this::openLast, lastFile.isNotNull().and(
                Bindings.createBooleanBinding(opener::available)));
    }

    /** A new choice: the descriptions are left out again until the user asks (and confirms) for them. */
    void choiceChanged() {
        includeDescriptions.set(false);
        descriptionWarning.set("");
    }

    // ---- descriptions ------------------------------------------------------------------

    /**
     * The user asks to include (or leave out) the deviation descriptions. Including them first runs the personnummer
     * and name check over exactly the descriptions the report would contain, and asks for confirmation with the result.
     */
    void requestIncludeDescriptions(boolean on) {
        if (!on) {
            choiceChanged();
            return;
        }
        ReportService.Request r = request.apply(true);
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
                        choiceChanged();
                    }
                }, failed);
    }

    // ---- building and checking ---------------------------------------------------------

    /**
     * Builds the report, checks it once more for identifying details and lists what it finds by section and kind
     * before anything is written (decision 0018): under "refuse" nothing is written; under "warn" the user chooses
     * to write anyway or stop. Unsaved texts go through the privacy question first and are saved with the report.
     */
    private void generate() {
        ReportTexts unsaved = texts.unsavedForReport();
        if (unsaved == null) {
            prepare(null);
            return;
        }
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> ctx.reportService().privacyRefuses(),
                texts.fields(unsaved), () -> prepare(unsaved));
    }

    private record Prepared(ReportModel model, ReportTexts savedTexts, List<Problem> refused,
                            List<ReportService.ExportFinding> findings, boolean refuses, List<String> unwritten) { }

    private void prepare(ReportTexts unsaved) {
        ReportService.Request r = request.apply(includeDescriptions.get());
        generating.set(true);
        status.set("");
        tasks.run(i18n.get("report.ui.generating"), p -> {
            ReportTexts saved = null;
            if (unsaved != null) {
                var result = ctx.reportService().saveTexts(unsaved);
                if (!result.ok()) {
                    return new Prepared(null, null, result.problems(), List.of(), true, List.of());
                }
                saved = result.value();
            }
            ReportModel m = ctx.reportService().build(r, ctx.today(),
                    (fraction, what) -> p.update(fraction * 0.8, stepText(what)), p::isCancelled);
            return new Prepared(m, saved, List.of(), ReportService.exportFindings(m), ctx.reportService().privacyRefuses(),
                    ctx.reportExporter(i18n.locale()).unwritten(m));
        }, prepared -> {
            generating.set(false);
            if (!prepared.refused().isEmpty()) {
                status.set(texts.notSaved(prepared.refused()));
                return;
            }
            texts.savedElsewhere(prepared.savedTexts());
            if (writeAfterFindings(prepared.findings(), prepared.refuses()) && writeUnwritten(prepared.unwritten())) {
                write(r, prepared.model());
            }
        }, this::cancelledOrFailed);
    }

    /** Lists the identifying details found by section: under "refuse" stops; under "warn" the user decides. */
    private boolean writeAfterFindings(List<ReportService.ExportFinding> found, boolean refuses) {
        if (found.isEmpty()) {
            return true;
        }
        String listing = String.join("\n", found.stream().map(x -> "• " + i18n.get("privacy.export.line",
                i18n.get(x.sectionKey()).replace("{0}", "").strip(), i18n.get("privacy.q.kind." + x.kind().name()),
                x.count())).toList());
        if (refuses) {
            status.set(i18n.get("privacy.export.refused") + "\n" + listing);
            return false;
        }
        var answer = dialogs.choose(i18n.get("privacy.export.title"),
                i18n.get("privacy.export.message") + "\n\n" + listing,
                List.of(i18n.get("privacy.export.stop"), i18n.get("privacy.export.write")));
        if (answer.isEmpty() || answer.get() != 1) {
            status.set(i18n.get("privacy.export.stopped"));
            return false;
        }
        return true;
    }

    /**
     * Lists the sections still unwritten and asks (issue 21): they get their heading and no text — a board document
     * never carries a placeholder. "Avbryt" is the first answer and the default.
     */
    private boolean writeUnwritten(List<String> unwritten) {
        if (unwritten.isEmpty()) {
            return true;
        }
        String listing = String.join("\n", unwritten.stream().map(u -> "• " + u).toList());
        var answer = dialogs.choose(i18n.get("report.export.unwrittenTitle"),
                i18n.get("report.export.unwritten", listing),
                List.of(i18n.get("common.cancel"), i18n.get("report.export.createAnyway")));
        if (answer.isEmpty() || answer.get() != 1) {
            status.set(i18n.get("report.export.unwrittenStopped"));
            return false;
        }
        return true;
    }

    private void cancelledOrFailed(Throwable e) {
        generating.set(false);
        if (e instanceof CancellationException) {
            status.set(i18n.get("report.ui.cancelled"));
        } else {
            failed.accept(e);
        }
    }

    private String stepText(String what) {
        String key = "report.ui.step." + what;
        return i18n.has(key) ? i18n.get(key) : i18n.get("report.ui.generating");
    }

    // ---- writing, saving, opening ------------------------------------------------------

    private void write(ReportService.Request r, ReportModel built) {
        ReportFormat f = format.get();
        String name = fileName(r, f);
        Path[] temp = new Path[1];
        generating.set(true);
        tasks.run(i18n.get("report.ui.generating"), p -> {
            Path tmp = Files.createTempFile("kvalitetshjulet-", "." + f.extension());
            temp[0] = tmp;
            try {
                p.update(0.85, i18n.get("report.ui.step.write"));
                ctx.reportExporter(i18n.locale()).write(built, f, tmp, p::isCancelled);
                p.checkCancelled();
                p.update(1.0, i18n.get("report.ui.step.done"));
                return tmp;
            } catch (Exception | Error e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }, written -> {
            generating.set(false);
            saveGenerated(written, name, f);
        }, e -> {
            deleteQuietly(temp[0]);
            cancelledOrFailed(e);
        });
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
                    failed.accept(e);
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

    ObjectProperty<ReportFormat> formatProperty() { return format; }
    BooleanProperty includeDescriptionsProperty() { return includeDescriptions; }
    StringProperty descriptionWarningProperty() { return descriptionWarning; }
    ObjectProperty<Path> lastFileProperty() { return lastFile; }
}
