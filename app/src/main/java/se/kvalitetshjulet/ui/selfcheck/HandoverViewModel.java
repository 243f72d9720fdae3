package se.kvalitetshjulet.ui.selfcheck;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.app.FailureMessages;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Handover;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.service.SelfCheckHandoverService;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Hand-over by file, for units without access to the database: the coordinator writes a unit's form (formulärfil) or
 * every unit's and takes answer files (svarsfiler) back in, asking which answers to keep when a unit already has
 * others; the section chief opens a form file and writes the answers of the open form. The view asks for the file
 * or folder (its file choosers) and hands the path in.
 */
public final class HandoverViewModel {
    private final SelfCheckContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final BooleanProperty busy;
    private final SelfCheckFormViewModel form;
    private final RoundsViewModel rounds;
    private final Consumer<Long> refreshShowing;

    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanBinding canExportUnitForm;
    private final BooleanBinding canExportAllForms;
    private final BooleanBinding canImportAnswers;
    private final BooleanBinding canOpenFormFile;
    private final BooleanBinding canExportAnswers;

    /** @param refreshShowing reloads the screen and then shows the unit with this id (or keeps the choice: null) */
    HandoverViewModel(SelfCheckContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, BooleanProperty busy,
                      SelfCheckFormViewModel form, RoundsViewModel rounds, Consumer<Long> refreshShowing) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.busy = busy;
        this.form = form;
        this.rounds = rounds;
        this.refreshShowing = refreshShowing;
        canExportUnitForm = rounds.selectedRoundProperty().isNotNull()
                .and(rounds.selectedRoundResponseProperty().isNotNull()).and(busy.not());
        canExportAllForms = rounds.selectedRoundProperty().isNotNull().and(busy.not());
        canImportAnswers = busy.not();
        canOpenFormFile = busy.not();
        canExportAnswers = form.formResponseProperty().isNotNull().and(busy.not());
    }

    /** A file name for the selected unit's form of the selected round. */
    public String suggestedFormFileName() {
        RoundRow r = rounds.selectedRoundProperty().get();
        ResponseRow u = rounds.selectedRoundResponseProperty().get();
        return r == null || u == null ? "" : SelfCheckHandoverService.formFileName(r.round().name(), u.unitName());
    }

    /** A file name for the answers of the open form. */
    public String suggestedAnswersFileName() {
        ResponseRow r = form.formResponseProperty().get();
        return r == null ? "" : SelfCheckHandoverService.answersFileName(r.roundName(), r.unitName());
    }

    /** Coordinator: writes the selected unit's form of the selected round to {@code target}. */
    public void exportFormForUnit(Path target) {
        RoundRow r = rounds.selectedRoundProperty().get();
        ResponseRow u = rounds.selectedRoundResponseProperty().get();
        if (r == null || u == null || target == null) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("selfcheck.handover.exportingForm"),
                p -> ctx.selfCheckHandoverService().exportForm(r.round().id(), u.unitId(), target), done -> {
                    busy.set(false);
                    dialogs.showInfo(i18n.get("selfcheck.handover.exportForm"),
                            i18n.get("selfcheck.handover.formExported", u.unitName(), done));
                }, this::failed);
    }

    /** Coordinator: writes every unit's form of the selected round into {@code folder}, one file each. */
    public void exportAllForms(Path folder) {
        RoundRow r = rounds.selectedRoundProperty().get();
        if (r == null || folder == null) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("selfcheck.handover.exportingForm"),
                p -> ctx.selfCheckHandoverService().exportAllForms(r.round().id(), folder), files -> {
                    busy.set(false);
                    dialogs.showInfo(i18n.get("selfcheck.handover.exportAllForms"),
                            i18n.get("selfcheck.handover.formsExported", files.size(), folder));
                }, this::failed);
    }

    /**
     * Coordinator: takes answer files in, one after the other. When a unit already has other
     * answers the user is asked which to keep; at the end a summary line per file is shown.
     */
    public void importAnswerFiles(List<Path> files) {
        if (files == null || files.isEmpty()) {
            return;
        }
        busy.set(true);
        importNext(new ArrayDeque<>(files), new ArrayList<>());
    }

    private void importNext(Deque<Path> queue, List<String> lines) {
        Path file = queue.poll();
        if (file == null) {
            busy.set(false);
            String text = String.join("\n", lines);
            summary.set(text);
            dialogs.showInfo(i18n.get("selfcheck.handover.importAnswers"), text);
            refreshShowing.accept(null);
            rounds.reloadResponses();
            return;
        }
        importOne(file, null, queue, lines);
    }

    private void importOne(Path file, Handover.ConflictChoice choice, Deque<Path> queue, List<String> lines) {
        tasks.run(i18n.get("selfcheck.handover.importing", file.getFileName()),
                p -> ctx.selfCheckHandoverService().importAnswers(file, choice), result -> {
                    if (result.outcome() == Handover.ImportOutcome.CONFLICT) {
                        Optional<Integer> answer = askAboutConflict(file, result);
                        if (answer.isEmpty() || answer.get() == 2) {
                            lines.add(i18n.get("selfcheck.handover.conflict.skipped", file.getFileName(), result.unitName()));
                            importNext(queue, lines);
                            return;
                        }
                        importOne(file, answer.get() == 1 ? Handover.ConflictChoice.USE_FILE
                                : Handover.ConflictChoice.KEEP_EXISTING, queue, lines);
                        return;
                    }
                    lines.add(describe(result));
                    importNext(queue, lines);
                }, e -> {
                    lines.add(i18n.get("selfcheck.handover.outcome.REJECTED", file.getFileName(), "", "",
                            e.getMessage()));
                    importNext(queue, lines);
                });
    }

    /** Keep the unit's answers (0), use the file's (1) or skip the file (2, or empty when the dialog is closed). */
    private Optional<Integer> askAboutConflict(Path file, SelfCheckHandoverService.AnswerImport result) {
        var c = result.conflict();
        return dialogs.choose(i18n.get("selfcheck.handover.conflict.title"),
                i18n.get("selfcheck.handover.conflict.question", result.unitName(), result.roundName(),
                        file.getFileName(), i18n.of(c.existingStatus()), c.existingAnswered(),
                        c.existingUpdatedAt() == null ? "–" : c.existingUpdatedAt().toLocalDate(),
                        i18n.of(c.fileStatus()), c.fileAnswered(),
                        c.fileSubmittedBy() == null ? "–" : c.fileSubmittedBy(),
                        c.fileSubmittedAt() == null ? "–" : c.fileSubmittedAt().toLocalDate()),
                List.of(i18n.get("selfcheck.handover.conflict.keep"), i18n.get("selfcheck.handover.conflict.useFile"),
                        i18n.get("selfcheck.handover.conflict.skip")));
    }

    private String describe(SelfCheckHandoverService.AnswerImport r) {
        String unit = r.unitName() == null ? "" : r.unitName();
        String round = r.roundName() == null ? "" : r.roundName();
        String detail = r.outcome() == Handover.ImportOutcome.ALREADY_IMPORTED ? i18n.of(r.earlierOutcome())
                : r.message() == null ? "" : r.message();
        StringBuilder b = new StringBuilder(i18n.get("selfcheck.handover.outcome." + r.outcome().name(),
                r.file().getFileName(), unit, round, detail));
        for (Problem p : r.problems()) {
            b.append("\n    • ").append(i18n.problem(p));
        }
        return b.toString();
    }

    /** Section chief: opens a form file in this database and shows the form to fill in. */
    public void openFormFile(Path file) {
        if (file == null) {
            return;
        }
        form.autosave();
        busy.set(true);
        tasks.run(i18n.get("selfcheck.handover.opening"), p -> ctx.selfCheckHandoverService().openForm(file), opened -> {
            busy.set(false);
            refreshShowing.accept(opened.unitId());
            form.open(opened.responseId());
            dialogs.showInfo(i18n.get("selfcheck.handover.openForm"),
                    i18n.get("selfcheck.handover.opened." + opened.outcome().name(), opened.roundName(), opened.unitName()));
        }, this::failed);
    }

    /** Section chief: saves what is typed and writes the open form's answers to {@code target}. */
    public void exportAnswers(Path target) {
        ResponseRow r = form.formResponseProperty().get();
        if (r == null || target == null) {
            return;
        }
        boolean save = form.dirtyProperty().get() && !form.lockedProperty().get();
        List<Answer> answers = form.snapshot();
        if (save) {
            form.dirtyProperty().set(false);
        }
        boolean submitted = form.formStatusProperty().get() == ResponseStatus.SUBMITTED;
        busy.set(true);
        tasks.run(i18n.get("selfcheck.handover.exportingAnswers"), p -> {
            if (save) {
                ctx.selfCheckService().saveDraft(r.id(), answers);
            }
            return ctx.selfCheckHandoverService().exportAnswers(r.id(), target);
        }, done -> {
            busy.set(false);
            dialogs.showInfo(i18n.get("selfcheck.handover.exportAnswers"), i18n.get("selfcheck.handover.answersExported",
                    done) + (submitted ? "" : "\n\n" + i18n.get("selfcheck.handover.answersAreDraft")));
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException) {
            dialogs.showError(i18n.get("selfcheck.handover.title"), FailureMessages.explain(e));
        } else {
            dialogs.showUnexpected(e);
        }
    }

    public StringProperty handoverSummaryProperty() { return summary; }
    public BooleanBinding canExportUnitFormProperty() { return canExportUnitForm; }
    public BooleanBinding canExportAllFormsProperty() { return canExportAllForms; }
    public BooleanBinding canImportAnswersProperty() { return canImportAnswers; }
    public BooleanBinding canOpenFormFileProperty() { return canOpenFormFile; }
    public BooleanBinding canExportAnswersProperty() { return canExportAnswers; }
}
