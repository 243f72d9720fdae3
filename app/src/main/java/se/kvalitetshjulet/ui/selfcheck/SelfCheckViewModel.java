package se.kvalitetshjulet.ui.selfcheck;

import se.kvalitetshjulet.domain.selfcheck.FindingAction;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.Handover;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.SubmissionRules;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.service.SelfCheckHandoverService;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Egenkontroller: a section chief's own self-checks and the form to fill in (drafts saved a
 * moment after every change, never lost), the coordinator's rounds with status per unit, the
 * templates, and the compilation of a round. All database and file work goes through the
 * {@link TaskRunner}; the view drives autosave by calling {@link #autosave()} after a pause.
 */
public final class SelfCheckViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One question of the open form with its editable answer. */
    public static final class QuestionItem {
        private final String section;
        private final Question question;
        private final StringProperty value = new SimpleStringProperty("");
        private final StringProperty comment = new SimpleStringProperty("");
        private final BooleanBinding finding;
        private final StringProperty problem = new SimpleStringProperty("");

        QuestionItem(String section, Question question) {
            this.section = section;
            this.question = question;
            this.finding = Bindings.createBooleanBinding(() -> question.isFinding(
                    se.kvalitetshjulet.domain.selfcheck.AnswerValues.normalise(question.type(), value.get())), value);
        }

        public String section() { return section; }
        public Question question() { return question; }
        public StringProperty valueProperty() { return value; }
        public StringProperty commentProperty() { return comment; }
        public BooleanBinding findingProperty() { return finding; }
        public StringProperty problemProperty() { return problem; }
    }

    private final SelfCheckContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    // ---- my self-checks and the form
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
    private final ObservableList<FindingAction> formActions = FXCollections.observableArrayList();
    private boolean pendingSave;
    private boolean loadingForm;

    // action sub-form
    private final ObjectProperty<QuestionItem> actionQuestion = new SimpleObjectProperty<>();
    private final StringProperty actionWhat = new SimpleStringProperty("");
    private final StringProperty actionResponsible = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> actionDue = new SimpleObjectProperty<>();
    private final StringProperty actionProblems = new SimpleStringProperty("");

    // ---- rounds
    private final ObservableList<RoundRow> rounds = FXCollections.observableArrayList();
    private final ObjectProperty<RoundRow> selectedRound = new SimpleObjectProperty<>();
    private final ObservableList<ResponseRow> roundResponses = FXCollections.observableArrayList();
    private final BooleanProperty onlyUnanswered = new SimpleBooleanProperty();
    private final StringProperty roundName = new SimpleStringProperty("");
    private final ObjectProperty<Template> roundTemplate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> roundStart = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> roundEnd = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> roundDue = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> roundScopeUnit = new SimpleObjectProperty<>();
    private final ObjectProperty<BusinessArea> roundScopeArea = new SimpleObjectProperty<>();
    private final StringProperty roundProblems = new SimpleStringProperty("");
    private final ObservableList<Unit> allUnits = FXCollections.observableArrayList();
    private final ObservableList<BusinessArea> areas = FXCollections.observableArrayList();

    // ---- templates (the Mallar tab)
    private final TemplateListViewModel templateList;
    private final ObservableList<Template> templates;

    // ---- compilation
    private final ObjectProperty<RoundRow> compileRound = new SimpleObjectProperty<>();
    private final ObjectProperty<Compilation> compilation = new SimpleObjectProperty<>();
    private final CompilationViewModel compilationDetails;

    private final BooleanProperty busy = new SimpleBooleanProperty();

    // ---- hand-over by file (formulärfil / svarsfil)
    private final ObjectProperty<ResponseRow> selectedRoundResponse = new SimpleObjectProperty<>();
    private final StringProperty handoverSummary = new SimpleStringProperty("");
    private final BooleanBinding canExportUnitForm;
    private final BooleanBinding canExportAllForms;
    private final BooleanBinding canImportAnswers;
    private final BooleanBinding canOpenFormFile;
    private final BooleanBinding canExportAnswers;
    private Long pendingUnitId;

    private final Command saveDraft;
    private final Command submit;
    private final Command reopen;
    private final Command addAction;
    private final Command createRound;
    private final Command exportCompilation;

    public SelfCheckViewModel(SelfCheckContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.templateList = new TemplateListViewModel(ctx, tasks, dialogs, i18n, busy, this::refresh);
        this.templates = templateList.templates();
        BooleanBinding hasForm = formResponse.isNotNull();
        saveDraft = new Command(this::autosave, hasForm.and(locked.not()));
        submit = new Command(this::submit, hasForm.and(locked.not()).and(busy.not()));
        reopen = new Command(this::reopen, hasForm.and(Bindings.createBooleanBinding(
                () -> formStatus.get() == ResponseStatus.SUBMITTED, formStatus)).and(busy.not()));
        addAction = new Command(this::addAction, actionQuestion.isNotNull().and(busy.not()));
        createRound = new Command(this::createRound, roundTemplate.isNotNull().and(busy.not()));
        exportCompilation = new Command(this::exportCompilation, compilation.isNotNull().and(busy.not()));
        canExportUnitForm = selectedRound.isNotNull().and(selectedRoundResponse.isNotNull()).and(busy.not());
        canExportAllForms = selectedRound.isNotNull().and(busy.not());
        canImportAnswers = busy.not();
        canOpenFormFile = busy.not();
        canExportAnswers = hasForm.and(busy.not());

        myUnit.addListener((o, a, u) -> loadMyResponses());
        selectedResponse.addListener((o, a, r) -> {
            if (r != null && (formResponse.get() == null || formResponse.get().id() != r.id())) {
                open(r.id());
            }
        });
        selectedRound.addListener((o, a, r) -> {
            selectedRoundResponse.set(null);
            loadRoundResponses();
        });
        onlyUnanswered.addListener((o, a, b) -> loadRoundResponses());
        compileRound.addListener((o, a, r) -> compile());
        compilationDetails = new CompilationViewModel(ctx.selfCheckService(), tasks, dialogs, i18n, compilation, this::compile);
        roundTemplate.addListener((o, a, t) -> {
            if (t != null && roundName.get().isBlank()) {
                LocalDate today = ctx.today();
                boolean spring = today.getMonthValue() <= 6;
                Round standard = Round.standard(t.name(), t.id(), today.getYear(), spring);
                roundName.set(standard.name());
                roundStart.set(standard.periodStart());
                roundEnd.set(standard.periodEnd());
                roundDue.set(standard.dueOn());
            }
        });
    }

    // ---- loading ---------------------------------------------------------------------

    private record Overview(List<Unit> myUnits, List<Unit> allUnits, List<BusinessArea> areas, List<RoundRow> rounds,
                            List<Template> templates) { }

    /** Reloads lists (units, rounds, templates); keeps what is selected when it still exists. */
    public void refresh() {
        tasks.run(i18n.get("selfcheck.loading"), p -> new Overview(ctx.selfCheckService().respondingUnits(),
                ctx.organisationService().tree().all(), ctx.organisationService().businessAreas(), ctx.selfCheckService().rounds(),
                ctx.selfCheckService().templates()), o -> {
                    Unit mine = myUnit.get();
                    myUnits.setAll(o.myUnits());
                    allUnits.setAll(o.allUnits());
                    areas.setAll(o.areas());
                    Long roundId = selectedRound.get() == null ? null : selectedRound.get().round().id();
                    Long compileId = compileRound.get() == null ? null : compileRound.get().round().id();
                    rounds.setAll(o.rounds());
                    templates.setAll(o.templates());
                    Long wanted = pendingUnitId;
                    pendingUnitId = null;
                    Unit opened = wanted == null ? null
                            : myUnits.stream().filter(u -> u.id().equals(wanted)).findFirst().orElse(null);
                    if (opened != null && !opened.equals(mine)) {
                        myUnit.set(opened);
                    } else if (mine == null && !myUnits.isEmpty()) {
                        myUnit.set(myUnits.getFirst());
                    } else if (mine != null) {
                        loadMyResponses();
                    }
                    selectedRound.set(find(roundId));
                    compileRound.set(find(compileId));
                    if (compileRound.get() == null && !rounds.isEmpty()) {
                        compileRound.set(rounds.getFirst());
                    }
                }, dialogs::showUnexpected);
    }

    private RoundRow find(Long roundId) {
        return roundId == null ? null : rounds.stream().filter(r -> r.round().id().equals(roundId)).findFirst().orElse(null);
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

    private void loadRoundResponses() {
        RoundRow r = selectedRound.get();
        if (r == null) {
            roundResponses.clear();
            return;
        }
        boolean only = onlyUnanswered.get();
        tasks.run(i18n.get("selfcheck.loading"), p -> ctx.selfCheckService().responses(r.round().id(), null),
                rows -> roundResponses.setAll(only ? rows.stream().filter(x -> x.status().pending()).toList() : rows),
                dialogs::showUnexpected);
    }

    // ---- the form --------------------------------------------------------------------

    /** Opens a self-check for filling in; unsaved answers of the previous one are saved first. */
    public void open(long responseId) {
        autosave();
        busy.set(true);
        tasks.run(i18n.get("selfcheck.loading"), p -> ctx.selfCheckService().open(responseId), this::showForm, this::failed);
    }

    private void showForm(SelfCheckService.Form f) {
        loadingForm = true;
        try {
            formTemplate.set(f.template());
            List<QuestionItem> list = new ArrayList<>();
            for (TemplateSection s : f.template().sections()) {
                for (Question q : s.questions()) {
                    QuestionItem item = new QuestionItem(s.title(), q);
                    Answer a = f.answers().get(q.id());
                    if (a != null) {
                        item.value.set(a.value() == null ? "" : a.value());
                        item.comment.set(a.comment() == null ? "" : a.comment());
                    }
                    item.value.addListener((o, x, y) -> edited());
                    item.comment.addListener((o, x, y) -> edited());
                    list.add(item);
                }
            }
            items.setAll(list);
            formActions.setAll(f.actions());
            formResponse.set(f.response());
            formStatus.set(f.response().status());
            locked.set(!f.response().status().editable());
            formProblems.set("");
            actionQuestion.set(null);
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
        Map<Long, String> values = currentValues();
        int done = (int) SubmissionRules.answeredRequired(t, values);
        int total = (int) SubmissionRules.required(t);
        answeredRequired.set(done);
        requiredCount.set(total);
        progress.set(total == 0 ? 1 : (double) done / total);
        long answered = items.stream().filter(i -> !i.value.get().isBlank()).count();
        progressText.set(i18n.get("selfcheck.form.progress", done, total, answered, items.size()));
    }

    private Map<Long, String> currentValues() {
        Map<Long, String> values = new HashMap<>();
        for (QuestionItem i : items) {
            values.put(i.question.id(), i.value.get());
        }
        return values;
    }

    private List<Answer> snapshot() {
        return items.stream().map(i -> new Answer(null, i.question.id(), i.value.get(), i.comment.get())).toList();
    }

    /**
     * Saves the open form as a draft if anything changed. Only one save runs at a time; a
     * change made while saving is saved right after. Called by the view after a short pause
     * in typing, when another self-check is opened and when the window closes.
     */
    public void autosave() {
        ResponseRow r = formResponse.get();
        if (r == null || !dirty.get() || locked.get()) {
            return;
        }
        if (saving.get()) {
            pendingSave = true;
            return;
        }
        List<Answer> answers = snapshot();
        long responseId = r.id();
        dirty.set(false);
        saving.set(true);
        saveState.set(i18n.get("selfcheck.form.saving"));
        tasks.run(i18n.get("selfcheck.form.saving"), p -> ctx.selfCheckService().saveDraft(responseId, answers), n -> {
            saving.set(false);
            if (formResponse.get() != null && formResponse.get().id() == responseId) {
                if (formStatus.get() == ResponseStatus.NOT_STARTED && n > 0) {
                    formStatus.set(ResponseStatus.DRAFT);
                }
                saveState.set(dirty.get() ? i18n.get("selfcheck.form.unsaved")
                        : i18n.get("selfcheck.form.savedAt", LocalTime.now(ctx.clock()).format(TIME)));
            }
            if (pendingSave) {
                pendingSave = false;
                autosave();
            }
        }, e -> {
            saving.set(false);
            dirty.set(true);
            saveState.set(i18n.get("selfcheck.form.saveFailed"));
            dialogs.showError(i18n.get("selfcheck.form.saveFailed"), se.kvalitetshjulet.app.FailureMessages.explain(e));
        });
    }

    private void submit() {
        ResponseRow r = formResponse.get();
        List<Answer> answers = snapshot();
        dirty.set(false);
        busy.set(true);
        items.forEach(i -> i.problem.set(""));
        tasks.run(i18n.get("selfcheck.form.submitting"), p -> ctx.selfCheckService().submit(r.id(), answers), result -> {
            busy.set(false);
            if (!result.ok()) {
                showProblems(result.problems());
                saveState.set(i18n.get("selfcheck.form.savedAt", LocalTime.now(ctx.clock()).format(TIME)));
                if (formStatus.get() == ResponseStatus.NOT_STARTED) {
                    formStatus.set(ResponseStatus.DRAFT);
                }
                return;
            }
            formProblems.set("");
            open(r.id());
            loadMyResponses();
            dialogs.showInfo(i18n.get("selfcheck.form.submitted.title"), i18n.get("selfcheck.form.submitted", r.roundName()));
        }, this::failed);
    }

    private void showProblems(List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        for (Problem p : problems) {
            String text = i18n.problem(p);
            lines.add(text);
            items.stream().filter(i -> p.field().equals("q" + i.question.id())).findFirst()
                    .ifPresent(i -> i.problem.set(text));
        }
        formProblems.set(i18n.get("selfcheck.form.problemsIntro", problems.size()) + "\n"
                + lines.stream().map(l -> "• " + l).collect(Collectors.joining("\n")));
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
                        loadRoundResponses();
                    }, this::failed);
                });
    }

    /** Starts an improvement action for the finding of {@code item}. */
    public void startAction(QuestionItem item) {
        actionQuestion.set(item);
        actionWhat.set("");
        actionResponsible.set("");
        actionDue.set(ctx.today().plusMonths(2));
        actionProblems.set("");
    }

    private void addAction() {
        ResponseRow r = formResponse.get();
        QuestionItem q = actionQuestion.get();
        String what = actionWhat.get();
        String who = actionResponsible.get();
        LocalDate due = actionDue.get();
        autosave();
        busy.set(true);
        tasks.run(i18n.get("selfcheck.action.saving"), p -> {
            SaveResult<?> res = ctx.selfCheckService().addAction(r.id(), q.question.id(), what, who, due);
            return res.ok() ? new ActionOutcome(res.problems(), ctx.selfCheckService().actions(r.id(), null))
                    : new ActionOutcome(res.problems(), null);
        }, out -> {
            busy.set(false);
            if (!out.problems().isEmpty()) {
                actionProblems.set(out.problems().stream().map(i18n::problem).collect(Collectors.joining("\n")));
                return;
            }
            formActions.setAll(out.actions());
            actionQuestion.set(null);
        }, this::failed);
    }

    private record ActionOutcome(List<Problem> problems, List<FindingAction> actions) { }

    /** The actions raised from one question of the open form, as text. */
    public List<String> actionsFor(QuestionItem item) {
        return formActions.stream().filter(a -> a.questionId() == item.question.id())
                .map(a -> i18n.get("selfcheck.action.line", a.measure().what(), a.measure().responsible(),
                        a.measure().dueOn()))
                .toList();
    }

    // ---- rounds ----------------------------------------------------------------------

    private void createRound() {
        Template t = roundTemplate.get();
        Round r = new Round(null, roundName.get(), t.id(), roundStart.get(), roundEnd.get(), roundDue.get(),
                roundScopeUnit.get() == null ? null : roundScopeUnit.get().id(),
                roundScopeArea.get() == null ? null : roundScopeArea.get().id());
        busy.set(true);
        tasks.run(i18n.get("selfcheck.round.creating"), p -> ctx.selfCheckService().createRound(r), res -> {
            busy.set(false);
            if (!res.ok()) {
                roundProblems.set(res.problems().stream().map(i18n::problem).collect(Collectors.joining("\n")));
                return;
            }
            roundProblems.set("");
            roundName.set("");
            roundTemplate.set(null);
            selectedRound.set(null);
            refresh();
        }, this::failed);
    }

    static String fileName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9åäö]+", "-").replaceAll("(^-|-$)", "");
    }

    // ---- hand-over by file -----------------------------------------------------------
    // The view asks for the file or folder (its file choosers) and hands the path in.

    /** A file name for the selected unit's form of the selected round. */
    public String suggestedFormFileName() {
        RoundRow r = selectedRound.get();
        ResponseRow u = selectedRoundResponse.get();
        return r == null || u == null ? "" : SelfCheckHandoverService.formFileName(r.round().name(), u.unitName());
    }

    /** A file name for the answers of the open form. */
    public String suggestedAnswersFileName() {
        ResponseRow r = formResponse.get();
        return r == null ? "" : SelfCheckHandoverService.answersFileName(r.roundName(), r.unitName());
    }

    /** Coordinator: writes the selected unit's form of the selected round to {@code target}. */
    public void exportFormForUnit(Path target) {
        RoundRow r = selectedRound.get();
        ResponseRow u = selectedRoundResponse.get();
        if (r == null || u == null || target == null) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("selfcheck.handover.exportingForm"),
                p -> ctx.selfCheckHandoverService().exportForm(r.round().id(), u.unitId(), target), done -> {
                    busy.set(false);
                    dialogs.showInfo(i18n.get("selfcheck.handover.exportForm"),
                            i18n.get("selfcheck.handover.formExported", u.unitName(), done));
                }, this::handoverFailed);
    }

    /** Coordinator: writes every unit's form of the selected round into {@code folder}, one file each. */
    public void exportAllForms(Path folder) {
        RoundRow r = selectedRound.get();
        if (r == null || folder == null) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("selfcheck.handover.exportingForm"),
                p -> ctx.selfCheckHandoverService().exportAllForms(r.round().id(), folder), files -> {
                    busy.set(false);
                    dialogs.showInfo(i18n.get("selfcheck.handover.exportAllForms"),
                            i18n.get("selfcheck.handover.formsExported", files.size(), folder));
                }, this::handoverFailed);
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
        importNext(new java.util.ArrayDeque<>(files), new ArrayList<>());
    }

    private void importNext(java.util.Deque<Path> queue, List<String> lines) {
        Path file = queue.poll();
        if (file == null) {
            busy.set(false);
            String text = String.join("\n", lines);
            handoverSummary.set(text);
            dialogs.showInfo(i18n.get("selfcheck.handover.importAnswers"), text);
            refresh();
            loadRoundResponses();
            return;
        }
        importOne(file, null, queue, lines);
    }

    private void importOne(Path file, Handover.ConflictChoice choice, java.util.Deque<Path> queue, List<String> lines) {
        tasks.run(i18n.get("selfcheck.handover.importing", file.getFileName()),
                p -> ctx.selfCheckHandoverService().importAnswers(file, choice), result -> {
                    if (result.outcome() == Handover.ImportOutcome.CONFLICT) {
                        var c = result.conflict();
                        java.util.Optional<Integer> answer = dialogs.choose(i18n.get("selfcheck.handover.conflict.title"),
                                i18n.get("selfcheck.handover.conflict.question", result.unitName(), result.roundName(),
                                        file.getFileName(), i18n.of(c.existingStatus()), c.existingAnswered(),
                                        c.existingUpdatedAt() == null ? "–" : c.existingUpdatedAt().toLocalDate(),
                                        i18n.of(c.fileStatus()), c.fileAnswered(),
                                        c.fileSubmittedBy() == null ? "–" : c.fileSubmittedBy(),
                                        c.fileSubmittedAt() == null ? "–" : c.fileSubmittedAt().toLocalDate()),
                                List.of(i18n.get("selfcheck.handover.conflict.keep"), i18n.get("selfcheck.handover.conflict.useFile"),
                                        i18n.get("selfcheck.handover.conflict.skip")));
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
        autosave();
        busy.set(true);
        tasks.run(i18n.get("selfcheck.handover.opening"), p -> ctx.selfCheckHandoverService().openForm(file), opened -> {
            busy.set(false);
            pendingUnitId = opened.unitId();
            refresh();
            open(opened.responseId());
            dialogs.showInfo(i18n.get("selfcheck.handover.openForm"),
                    i18n.get("selfcheck.handover.opened." + opened.outcome().name(), opened.roundName(), opened.unitName()));
        }, this::handoverFailed);
    }

    /** Section chief: saves what is typed and writes the open form's answers to {@code target}. */
    public void exportAnswers(Path target) {
        ResponseRow r = formResponse.get();
        if (r == null || target == null) {
            return;
        }
        boolean save = dirty.get() && !locked.get();
        List<Answer> answers = snapshot();
        if (save) {
            dirty.set(false);
        }
        boolean submitted = formStatus.get() == ResponseStatus.SUBMITTED;
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
        }, this::handoverFailed);
    }

    private void handoverFailed(Throwable e) {
        busy.set(false);
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException) {
            dialogs.showError(i18n.get("selfcheck.handover.title"), se.kvalitetshjulet.app.FailureMessages.explain(e));
        } else {
            dialogs.showUnexpected(e);
        }
    }

    // ---- compilation -----------------------------------------------------------------

    private void compile() {
        RoundRow r = compileRound.get();
        if (r == null) {
            compilation.set(null);
            return;
        }
        tasks.run(i18n.get("selfcheck.compile.running"), p -> ctx.selfCheckService().compile(r.round().id()), compilation::set,
                dialogs::showUnexpected);
    }

    private void exportCompilation() {
        Compilation c = compilation.get();
        var shown = compilationDetails.comparisonProperty().get();
        var comparison = shown != null && shown.current().id().equals(c.round().id()) ? shown : null;
        dialogs.chooseSaveFile(i18n.get("selfcheck.compile.export"), "sammanstallning-" + fileName(c.round().name()) + ".xlsx",
                List.of("*.xlsx")).ifPresent(path -> tasks.run(i18n.get("selfcheck.compile.exporting"), p -> {
                    ctx.selfCheckExporter().export(c, comparison, path);
                    return path;
                }, done -> dialogs.showInfo(i18n.get("selfcheck.compile.export"),
                        i18n.get("selfcheck.compile.exported", done)), this::failed));
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof IllegalStateException) {
            dialogs.showError(i18n.get("selfcheck.title"), se.kvalitetshjulet.app.FailureMessages.explain(e));
        } else {
            dialogs.showUnexpected(e);
        }
    }

    // ---- accessors -------------------------------------------------------------------

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
    public ObservableList<FindingAction> formActions() { return formActions; }
    public ObjectProperty<QuestionItem> actionQuestionProperty() { return actionQuestion; }
    public StringProperty actionWhatProperty() { return actionWhat; }
    public StringProperty actionResponsibleProperty() { return actionResponsible; }
    public ObjectProperty<LocalDate> actionDueProperty() { return actionDue; }
    public StringProperty actionProblemsProperty() { return actionProblems; }
    public ObservableList<RoundRow> rounds() { return rounds; }
    public ObjectProperty<RoundRow> selectedRoundProperty() { return selectedRound; }
    public ObservableList<ResponseRow> roundResponses() { return roundResponses; }
    public BooleanProperty onlyUnansweredProperty() { return onlyUnanswered; }
    public StringProperty roundNameProperty() { return roundName; }
    public ObjectProperty<Template> roundTemplateProperty() { return roundTemplate; }
    public ObjectProperty<LocalDate> roundStartProperty() { return roundStart; }
    public ObjectProperty<LocalDate> roundEndProperty() { return roundEnd; }
    public ObjectProperty<LocalDate> roundDueProperty() { return roundDue; }
    public ObjectProperty<Unit> roundScopeUnitProperty() { return roundScopeUnit; }
    public ObjectProperty<BusinessArea> roundScopeAreaProperty() { return roundScopeArea; }
    public StringProperty roundProblemsProperty() { return roundProblems; }
    public ObservableList<Unit> allUnits() { return allUnits; }
    public ObservableList<BusinessArea> areas() { return areas; }
    public ObservableList<Template> templates() { return templates; }
    /** The Mallar tab: templates, their versions, files and the editor. */
    public TemplateListViewModel templateList() { return templateList; }
    public ObjectProperty<RoundRow> compileRoundProperty() { return compileRound; }
    public ObjectProperty<Compilation> compilationProperty() { return compilation; }
    /** Comparison, drill-down and Bilaga 2 editing of the compiled round. */
    public CompilationViewModel compilationDetails() { return compilationDetails; }
    public Command saveDraftCommand() { return saveDraft; }
    public Command submitCommand() { return submit; }
    public Command reopenCommand() { return reopen; }
    public Command addActionCommand() { return addAction; }
    public Command createRoundCommand() { return createRound; }
    public Command exportCompilationCommand() { return exportCompilation; }
    public ObjectProperty<ResponseRow> selectedRoundResponseProperty() { return selectedRoundResponse; }
    public StringProperty handoverSummaryProperty() { return handoverSummary; }
    public BooleanBinding canExportUnitFormProperty() { return canExportUnitForm; }
    public BooleanBinding canExportAllFormsProperty() { return canExportAllForms; }
    public BooleanBinding canImportAnswersProperty() { return canImportAnswers; }
    public BooleanBinding canOpenFormFileProperty() { return canOpenFormFile; }
    public BooleanBinding canExportAnswersProperty() { return canExportAnswers; }
    public I18n i18n() { return i18n; }
}
