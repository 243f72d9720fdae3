package se.kvalitetshjulet.ui.selfcheck;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.app.FailureMessages;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.FindingAction;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.SubmissionRules;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel.QuestionItem;

/**
 * Mina egenkontroller: the section chief's units, their self-checks and the open form — answers with progress, a
 * draft saved a moment after every change (never lost), submit after the privacy question, reopen with a reason,
 * and the improvement actions of its findings ({@link FindingActionForm}).
 */
public final class SelfCheckFormViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** h6: "kl. 14:05" in the offline draft states. */
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final SelfCheckContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final BooleanProperty busy;
    private final Consumer<Throwable> failed;
    private final Runnable onReopened;

    private final ObservableList<Unit> myUnits = FXCollections.observableArrayList();
    private final ObjectProperty<Unit> myUnit = new SimpleObjectProperty<>();
    private final ObservableList<ResponseRow> myResponses = FXCollections.observableArrayList();
    private final ObjectProperty<ResponseRow> selectedResponse = new SimpleObjectProperty<>();
    private final ObjectProperty<ResponseRow> formResponse = new SimpleObjectProperty<>();
    private final ObjectProperty<Template> formTemplate = new SimpleObjectProperty<>();
    private final ObservableList<QuestionItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<ResponseStatus> formStatus = new SimpleObjectProperty<>();
    private final BooleanProperty locked = new SimpleBooleanProperty(true);
    private final IntegerProperty answeredRequired = new SimpleIntegerProperty();
    private final IntegerProperty requiredCount = new SimpleIntegerProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty saveState = new SimpleStringProperty("");
    private final StringProperty formProblems = new SimpleStringProperty("");
    private final IntegerProperty edits = new SimpleIntegerProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final FormProblems problems;
    private boolean pendingSave;
    private boolean loadingForm;
    private final FindingActionForm actions;
    private final DraftVersion draftVersion = new DraftVersion();

    private final Command saveDraft;
    private final Command submit;
    private final Command reopen;

    /** @param onReopened reloads what else shows the response's status (the rounds tab) after a reopen */
    SelfCheckFormViewModel(SelfCheckContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, BooleanProperty busy,
                           Consumer<Throwable> failed, Runnable onReopened) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.busy = busy;
        this.failed = failed;
        this.onReopened = onReopened;
        this.problems = new FormProblems(i18n, items, formProblems);
        this.actions = new FindingActionForm(ctx, tasks, dialogs, i18n, busy, formResponse, this::autosave, failed);
        BooleanBinding hasForm = formResponse.isNotNull();
        saveDraft = new Command(this::saveNow, hasForm.and(locked.not()));
        submit = new Command(this::submit, hasForm.and(locked.not()).and(busy.not()));
        reopen = new Command(this::reopen, hasForm.and(Bindings.createBooleanBinding(
                () -> formStatus.get() == ResponseStatus.SUBMITTED, formStatus)).and(busy.not()));
        myUnit.addListener((o, a, u) -> loadMyResponses());
        if (ctx.offlineDrafts() != null) {
            // h6: a draft kept while the server did not answer is sent later on the change feed's thread. The service
            // lives as long as the database; it holds this form only weakly, or every form ever opened (and the
            // screen bound to it) would stay in memory
            KeptDraftNews.listen(ctx.offlineDrafts(), tasks, this);
        }
        selectedResponse.addListener((o, a, r) -> {
            if (r != null && (formResponse.get() == null || formResponse.get().id() != r.id())) {
                open(r.id());
            }
        });
    }

    /**
     * After the units were reloaded: shows {@code wanted} (a unit whose form file was just opened) if it is one of
     * them, else the first unit when none was chosen, else reloads the chosen unit's self-checks.
     */
    void chooseUnit(Unit mine, Long wanted) {
        Unit opened = wanted == null ? null
                : myUnits.stream().filter(u -> u.id().equals(wanted)).findFirst().orElse(null);
        if (opened != null && !opened.equals(mine)) {
            myUnit.set(opened);
        } else if (mine == null && !myUnits.isEmpty()) {
            myUnit.set(myUnits.getFirst());
        } else if (mine != null) {
            loadMyResponses();
        }
    }

    private void loadMyResponses() {
        Unit u = myUnit.get();
        if (u == null) {
            myResponses.clear();
            return;
        }
        tasks.run(i18n.get("selfcheck.loading"), p -> ctx.selfCheckService().responses(null, u.id()), rows -> {
            ResponseRow selected = selectedResponse.get();
            myResponses.setAll(rows);
            if (selected != null) {
                rows.stream().filter(r -> r.id() == selected.id()).findFirst().ifPresent(selectedResponse::set);
            }
        }, dialogs::showUnexpected);
    }

    /** Opens a self-check for filling in; unsaved answers of the previous one are saved first. */
    public void open(long responseId) {
        autosave();
        busy.set(true);
        tasks.run(i18n.get("selfcheck.loading"), p -> ctx.selfCheckService().open(responseId), this::showForm, failed);
    }

    private void showForm(SelfCheckService.Form f) {
        loadingForm = true;
        try {
            formTemplate.set(f.template());
            draftVersion.read(f.version(), f.answers());
            List<QuestionItem> list = new ArrayList<>();
            for (TemplateSection s : f.template().sections()) {
                for (Question q : s.questions()) {
                    QuestionItem item = new QuestionItem(s.title(), q);
                    Answer a = f.answers().get(q.id());
                    if (a != null) {
                        item.valueProperty().set(a.value() == null ? "" : a.value());
                        item.commentProperty().set(a.comment() == null ? "" : a.comment());
                    }
                    item.valueProperty().addListener((o, x, y) -> {
                        edited();
                        if (y != null && !y.isBlank()) {
                            problems.answered(item);
                        }
                    });
                    item.commentProperty().addListener((o, x, y) -> edited());
                    list.add(item);
                }
            }
            items.setAll(list);
            actions.actions().setAll(f.actions());
            formResponse.set(f.response());
            formStatus.set(f.response().status());
            locked.set(!f.response().status().editable());
            formProblems.set("");
            actions.questionProperty().set(null);
            dirty.set(false);
            saveState.set(f.response().updatedAt() == null ? ""
                    : i18n.get("selfcheck.form.savedAt", f.response().updatedAt().toLocalTime().format(TIME)));
            updateProgress();
        } finally {
            loadingForm = false;
            busy.set(false);
        }
    }

    private void edited() {
        if (loadingForm) {
            return;
        }
        dirty.set(true);
        saveState.set(i18n.get("selfcheck.form.unsaved"));
        updateProgress();
        edits.set(edits.get() + 1);
    }

    private void updateProgress() {
        Template t = formTemplate.get();
        if (t == null) {
            return;
        }
        Map<Long, String> values = new HashMap<>();
        for (QuestionItem i : items) {
            values.put(i.question().id(), i.valueProperty().get());
        }
        int done = (int) SubmissionRules.answeredRequired(t, values);
        int total = (int) SubmissionRules.required(t);
        answeredRequired.set(done);
        requiredCount.set(total);
        progress.set(total == 0 ? 1 : (double) done / total);
        long answered = items.stream().filter(i -> !i.valueProperty().get().isBlank()).count();
        progressText.set(i18n.get("selfcheck.form.progress", done, total, answered, items.size()));
    }

    /** The answers as typed, for saving. */
    List<Answer> snapshot() {
        return items.stream().map(i -> new Answer(null, i.question().id(), i.valueProperty().get(),
                i.commentProperty().get())).toList();
    }

    /**
     * Saves the open form as a draft if anything changed. Only one save runs at a time; a
     * change made while saving is saved right after. Called by the view after a short pause
     * in typing, when another self-check is opened and when the window closes.
     */
    public void autosave() {
        ResponseRow r = formResponse.get();
        if (r == null || !dirty.get() || locked.get() || draftVersion.paused()) {
            return; // a refused draft waits for the person's choice: no saving back and forth (decision 0029)
        }
        if (saving.get()) {
            pendingSave = true;
            return;
        }
        List<Answer> answers = snapshot();
        long responseId = r.id();
        long templateId = formTemplate.get().id();
        Long version = draftVersion.version();
        dirty.set(false);
        saving.set(true);
        saveState.set(i18n.get("selfcheck.form.saving"));
        // Under "refuse" a comment with identifying details is held back (not stored); the form says which.
        // h5: when the server does not answer, the draft is kept locally and sent when it does (decision 0030)
        tasks.run(i18n.get("selfcheck.form.saving"), p -> {
            var saved = ctx.offlineDrafts().saveDraft(responseId, answers, version);
            return new Draft(saved.changed(), saved.keptLocally() ? List.of()
                    : ctx.selfCheckService().refusedComments(templateId, answers), saved.keptLocally(), saved.version(),
                    saved.keptAt() == null ? java.time.LocalDateTime.now(ctx.clock()) : saved.keptAt());
        }, d -> {
            int n = d.changed();
            saving.set(false);
            if (d.version() != null) {
                draftVersion.saved(d.version(), answers); // on the server now: the next draft is saved on this version
            }
            if (formResponse.get() != null && formResponse.get().id() == responseId) {
                if (formStatus.get() == ResponseStatus.NOT_STARTED && n > 0) {
                    formStatus.set(ResponseStatus.DRAFT);
                    showDraftInList(responseId);
                }
                saveState.set(dirty.get() ? i18n.get("selfcheck.form.unsaved") : d.local()
                        ? i18n.get("h6.selfcheck.waitingSince", d.keptAt().toLocalTime().format(HOURS))
                        : i18n.get("selfcheck.form.savedAt", LocalTime.now(ctx.clock()).format(TIME)));
                problems.showHeldBack(d.heldBack());
            }
            if (pendingSave) {
                pendingSave = false;
                autosave();
            }
        }, e -> {
            saving.set(false);
            dirty.set(true);
            if (e instanceof SelfCheckService.DraftConflictException c) {
                refused(c.conflict());
                return;
            }
            saveState.set(i18n.get("selfcheck.form.saveFailed"));
            dialogs.showError(i18n.get("selfcheck.form.saveFailed"), FailureMessages.explain(e));
        });
    }

    /**
     * h6: the kept draft reached the server: the form continues on the version it made (its next save is not someone
     * else's change) and says so, unless the person typed meanwhile (then the next save says "Sparat").
     */
    void keptDraftSent(se.kvalitetshjulet.service.OfflineDraftService.Sent sent) {
        ResponseRow r = formResponse.get();
        if (r == null || r.id() != sent.responseId()) {
            return;
        }
        draftVersion.saved(sent.version(), sent.answers());
        if (!dirty.get() && !saving.get()) {
            saveState.set(i18n.get("h6.selfcheck.sentAt", sent.sentAt().toLocalTime().format(HOURS)));
        }
    }

    /**
     * h6: the server did not take the kept draft. Someone else saved the self-check meanwhile: the conflict dialog
     * (decision 0029) with the kept answers as "mine". Otherwise the person is told why and where the answers are.
     */
    void keptDraftNotTaken(se.kvalitetshjulet.service.OfflineDraftService.NotTaken n) {
        ResponseRow r = formResponse.get();
        boolean shown = r != null && r.id() == n.responseId();
        if (shown && n.conflict() != null) {
            if (!dirty.get()) {
                loadingForm = true;
                try {
                    DraftVersion.fill(items, n.answers());
                } finally {
                    loadingForm = false;
                }
                updateProgress();
            }
            draftVersion.refused(n.conflict());
            askConflict();
            return;
        }
        String kept = n.keptAt() == null ? "" : n.keptAt().toLocalTime().format(HOURS);
        String why = i18n.get("h6.selfcheck.notTaken." + n.refusal().name().toLowerCase(java.util.Locale.ROOT));
        String message = i18n.get("h6.selfcheck.notTaken", kept, why, n.file().toString());
        if (shown) {
            saveState.set(i18n.get("h6.selfcheck.notTakenState", kept));
        }
        dialogs.showError(i18n.get("h6.selfcheck.notTakenTitle"), message);
    }

    private record Submitted(se.kvalitetshjulet.service.SaveResult<ResponseRow> result, Long version) { }

    private record Draft(int changed, List<SelfCheckService.CommentFinding> heldBack, boolean local, Long version,
                         java.time.LocalDateTime keptAt) { }

    /** Ctrl+S and "Spara utkast": saves now, or asks again about a refused draft the person has not decided on. */
    private void saveNow() {
        if (draftVersion.paused()) askConflict(); else autosave();
    }

    /** Someone else saved this self-check in between: autosave pauses and the person chooses (decision 0029). */
    private void refused(SelfCheckService.DraftConflict c) {
        if (formResponse.get() != null && formResponse.get().id() == c.responseId()) {
            draftVersion.refused(c);
            askConflict();
        }
    }

    private void askConflict() {
        long responseId = formResponse.get().id();
        draftVersion.ask(dialogs, i18n, formTemplate.get(), snapshot()).ifPresentOrElse(res -> {
            settledOffline(responseId);
            if (res.save().isEmpty()) { // take theirs: show their answers as saved
                dirty.set(false);
                open(responseId);
                return;
            }
            loadingForm = true;
            try {
                DraftVersion.fill(items, res.save().get());
            } finally {
                loadingForm = false;
            }
            dirty.set(true);
            updateProgress();
            autosave();
        }, () -> saveState.set(i18n.get("selfcheck.conflict.paused")));
    }

    /** h6: the person decided about a kept draft the server did not take: its kept file is no longer needed. */
    private void settledOffline(long responseId) {
        if (ctx.offlineDrafts() != null) {
            tasks.run(i18n.get("selfcheck.form.saving"), p -> {
                ctx.offlineDrafts().settled(responseId);
                return responseId;
            }, id -> { }, e -> { });
        }
    }

    /** h2 (issue 18): the list says "Utkast" as soon as the first answer is kept, not only after the next reload. */
    private void showDraftInList(long responseId) {
        for (int i = 0; i < myResponses.size(); i++) {
            ResponseRow r = myResponses.get(i);
            if (r.id() == responseId && r.status() == ResponseStatus.NOT_STARTED) {
                myResponses.set(i, new ResponseRow(r.id(), r.roundId(), r.roundName(), r.templateId(), r.unitId(),
                        r.unitName(), ResponseStatus.DRAFT, r.dueOn(), r.updatedAt(), r.submittedAt(), r.overdue()));
            }
        }
    }

    /**
     * Submits after the privacy question (decision 0018): under "warn" a comment with identifying details is shown
     * and asked about ("Ändra texten" keeps the form open, nothing is submitted); under "refuse" the service refuses.
     */
    private void submit() {
        ResponseRow r = formResponse.get();
        List<Answer> answers = snapshot();
        // Asked once (issue 18); while a required question is unanswered the service refuses and says which.
        if (answeredRequired.get() >= requiredCount.get() && !dialogs.confirmAs(i18n.get("h1.submit.title"),
                SubmitQuestion.message(i18n, items), i18n.get("h1.submit.confirm"), i18n.get("h1.submit.cancel"))) {
            return;
        }
        List<PrivacyQuestion.Field> comments = new ArrayList<>();
        for (Answer a : answers) {
            items.stream().filter(i -> i.question().id() == a.questionId()).findFirst().ifPresent(i ->
                    comments.add(new PrivacyQuestion.Field(i18n.get("privacy.q.comment", i.question().text()), a.comment())));
        }
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> ctx.selfCheckService().privacyRefuses(), comments,
                () -> submit(r, answers));
    }

    private void submit(ResponseRow r, List<Answer> answers) {
        dirty.set(false);
        busy.set(true);
        items.forEach(i -> i.problemProperty().set(""));
        Long version = draftVersion.version();
        tasks.run(i18n.get("selfcheck.form.submitting"), p -> {
            var res = ctx.selfCheckService().submit(r.id(), answers, version);
            return new Submitted(res, res.ok() ? null : ctx.selfCheckService().version(r.id()));
        }, s -> {
            var result = s.result();
            busy.set(false);
            if (!result.ok()) {
                // the refused submission kept the answers as a draft: the next save is based on that version, or
                // the form's own answers would look like someone else's change (decision 0029)
                draftVersion.saved(s.version(), answers);
                problems.showRules(result.problems());
                saveState.set(i18n.get("selfcheck.form.savedAt", LocalTime.now(ctx.clock()).format(TIME)));
                if (formStatus.get() == ResponseStatus.NOT_STARTED) {
                    formStatus.set(ResponseStatus.DRAFT);
                    showDraftInList(r.id());
                }
                return;
            }
            formProblems.set("");
            open(r.id());
            loadMyResponses();
            dialogs.showInfo(i18n.get("selfcheck.form.submitted.title"), i18n.get("selfcheck.form.submitted", r.roundName()));
        }, e -> {
            busy.set(false);
            if (!(e instanceof SelfCheckService.DraftConflictException c)) {
                failed.accept(e);
                return;
            }
            dirty.set(true);
            refused(c.conflict());
        });
    }

    private void reopen() {
        ResponseRow r = formResponse.get();
        dialogs.askText(i18n.get("selfcheck.reopen.title"), i18n.get("selfcheck.reopen.prompt", r.unitName()), "")
                .ifPresent(reason -> {
                    busy.set(true);
                    tasks.run(i18n.get("selfcheck.reopen.running"), p -> ctx.selfCheckService().reopen(r.id(), reason), res -> {
                        busy.set(false);
                        if (!res.ok()) {
                            dialogs.showError(i18n.get("selfcheck.reopen.title"), i18n.problem(res.problems().getFirst()));
                            return;
                        }
                        open(r.id());
                        loadMyResponses();
                        onReopened.run();
                    }, failed);
                });
    }

    /** Starts an improvement action for the finding of {@code item}. */
    public void startAction(QuestionItem item) {
        actions.start(item);
    }

    /** The actions raised from one question of the open form, as text. */
    public List<String> actionsFor(QuestionItem item) {
        return actions.actionsFor(item);
    }

    public ObservableList<Unit> myUnits() { return myUnits; }
    public ObjectProperty<Unit> myUnitProperty() { return myUnit; }
    public ObservableList<ResponseRow> myResponses() { return myResponses; }
    public ObjectProperty<ResponseRow> selectedResponseProperty() { return selectedResponse; }
    public ObjectProperty<ResponseRow> formResponseProperty() { return formResponse; }
    public ObjectProperty<Template> formTemplateProperty() { return formTemplate; }
    public ObservableList<QuestionItem> items() { return items; }
    public ObjectProperty<ResponseStatus> formStatusProperty() { return formStatus; }
    public BooleanProperty lockedProperty() { return locked; }
    public IntegerProperty answeredRequiredProperty() { return answeredRequired; }
    public IntegerProperty requiredCountProperty() { return requiredCount; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    public StringProperty saveStateProperty() { return saveState; }
    public StringProperty formProblemsProperty() { return formProblems; }
    public IntegerProperty editsProperty() { return edits; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public ObservableList<FindingAction> formActions() { return actions.actions(); }
    public ObjectProperty<QuestionItem> actionQuestionProperty() { return actions.questionProperty(); }
    public StringProperty actionWhatProperty() { return actions.whatProperty(); }
    public StringProperty actionResponsibleProperty() { return actions.responsibleProperty(); }
    public ObjectProperty<LocalDate> actionDueProperty() { return actions.dueProperty(); }
    public StringProperty actionProblemsProperty() { return actions.problemsProperty(); }
    public Command saveDraftCommand() { return saveDraft; }
    public Command submitCommand() { return submit; }
    public Command reopenCommand() { return reopen; }
    public Command addActionCommand() { return actions.add; }
}
