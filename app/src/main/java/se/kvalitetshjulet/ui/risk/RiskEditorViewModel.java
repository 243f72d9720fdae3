package se.kvalitetshjulet.ui.risk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.CauseCategory;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.RiskRules;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.domain.risk.ScoreBand;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.PrivacyWarnings;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * One risk or event analysis: basic facts, risks scored by probability × consequence (before and after measures),
 * the heatmap, the checklist of steps, the event's timeline, underlying causes, linked deviations, measures, the
 * decision and export for the person who decides. Free text is checked for identity numbers and names, as in the
 * deviation editor: the analysis asks what and why, never who.
 */
public final class RiskEditorViewModel {
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A deviation linked to an event analysis, as shown. */
    public record LinkedDeviation(long id, String caseRef) { }

    private final RiskContext ctx;
    private final RiskService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Runnable onChanged;

    private RiskAnalysis original;
    private final ObjectProperty<RiskTemplate> template = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> id = new SimpleObjectProperty<>();
    private final ObjectProperty<AnalysisKind> kind = new SimpleObjectProperty<>(AnalysisKind.RISKANALYS);
    private final ObjectProperty<AnalysisStatus> status = new SimpleObjectProperty<>(AnalysisStatus.UTKAST);
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<AnalysisLevel> level = new SimpleObjectProperty<>(AnalysisLevel.ENHET);
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<RiskTrigger> trigger = new SimpleObjectProperty<>();
    /** The reasons offered: the coordinator's active ones, and the analysis's own if it has been retired since. */
    private final RiskReasonChoice reasons;
    private final ObjectProperty<LocalDate> analysedOn = new SimpleObjectProperty<>();
    private final StringProperty participants = new SimpleStringProperty("");
    private final StringProperty processDescription = new SimpleStringProperty("");
    private final StringProperty noMeasuresReason = new SimpleStringProperty("");
    private final StringProperty improvedRoutines = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> followUpOn = new SimpleObjectProperty<>();
    private final StringProperty decidedBy = new SimpleStringProperty("");
    private final StringProperty decisionText = new SimpleStringProperty("");
    private final StringProperty recurrenceText = new SimpleStringProperty("");

    private final ObservableList<Unit> units = FXCollections.observableArrayList();

    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty privacyWarning = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty closeRequested = new SimpleBooleanProperty();
    private boolean refuseIdNumbers;
    private boolean loadingValues;

    private final SaveFlow saves;
    private final RiskScoringForm scoring;
    private final RiskEventForm event;
    private final RiskMeasureForm measureForm;
    private final RiskEditorLoader loader;
    private final RiskAnalysisExport exports;
    private final Command save;
    private final Command decide;
    private final Command followUp;
    private final Command exportDocx;
    private final Command exportPdf;

    public RiskEditorViewModel(RiskContext ctx, RiskService service, TaskRunner tasks, DialogService dialogs, I18n i18n,
                               Runnable onChanged) {
        this.ctx = ctx;
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.reasons = new RiskReasonChoice(i18n);
        this.onChanged = onChanged;
        saves = new SaveFlow(tasks, dialogs, problems, busy, SaveFlow.oneALine(i18n));
        BooleanBinding idle = ready.and(busy.not());
        BooleanBinding saved = Bindings.createBooleanBinding(() -> id.get() != null, id).and(idle);
        BooleanBinding draft = Bindings.createBooleanBinding(() -> status.get() == AnalysisStatus.UTKAST, status);
        scoring = new RiskScoringForm(i18n, this::matrix, idle);
        event = new RiskEventForm(service, tasks, dialogs, i18n, problems, idle, this::edited);
        measureForm = new RiskMeasureForm(ctx, service, tasks, dialogs, i18n, saves, id, unit, onChanged, saved, idle);
        loader = new RiskEditorLoader(ctx, service, i18n);
        exports = new RiskAnalysisExport(ctx, service, tasks, dialogs, i18n);
        save = new Command(this::save, idle);
        decide = new Command(this::decide, saved.and(draft));
        followUp = new Command(this::followUp, saved.and(Bindings.createBooleanBinding(
                () -> status.get() == AnalysisStatus.BESLUTAD, status)));
        exportDocx = new Command(() -> export(true), saved);
        exportPdf = new Command(() -> export(false), saved);

        ChangeListener<Object> edited = (o, a, b) -> edited();
        List<javafx.beans.value.ObservableValue<?>> fields = List.of(title, level, unit, trigger, analysedOn,
                participants, processDescription, noMeasuresReason, improvedRoutines, followUpOn);
        for (javafx.beans.value.ObservableValue<?> p : fields) {
            p.addListener(edited);
        }
        scoring.risks().addListener((ListChangeListener<Risk>) c -> edited());
    }

    // ---- loading ---------------------------------------------------------------------

    /** A reason as the list names it; a retired one says so (see {@link RiskReasonChoice}). */
    public String reasonLabel(RiskTrigger t) {
        return reasons.label(t);
    }

    public void load(long analysisId) {
        busy.set(true);
        tasks.run(i18n.get("risk.loading"), p -> loader.stored(analysisId), this::apply, saves::failed);
    }

    public void startNew(RiskTemplate t, Unit preselected) {
        busy.set(true);
        tasks.run(i18n.get("risk.loading"), p -> loader.draft(t, preselected), this::apply, saves::failed);
    }

    private void apply(RiskEditorLoader.Loaded l) {
        loadingValues = true;
        try {
            RiskAnalysis a = l.analysis();
            original = a;
            refuseIdNumbers = l.refuse();
            template.set(l.template());
            units.setAll(l.tree().all());
            id.set(a.id());
            kind.set(a.kind());
            status.set(a.status());
            title.set(a.title());
            level.set(a.level());
            unit.set(a.unitId() == null ? null : l.tree().find(a.unitId()).orElse(null));
            reasons.show(l.reasons(), a, trigger);
            analysedOn.set(a.analysedOn());
            participants.set(a.participants());
            processDescription.set(a.processDescription());
            noMeasuresReason.set(a.noMeasuresReason());
            improvedRoutines.set(a.improvedRoutines());
            followUpOn.set(a.followUpOn());
            decidedBy.set(a.decidedBy() == null ? ctx.settingsService().actingName() : a.decidedBy());
            scoring.reset(a.risks());
            event.reset(l.template().steps(), a.steps(), a.timeline(), a.causes(),
                    l.deviations().stream().map(d -> new LinkedDeviation(d.id(), d.caseRef())).toList());
            measureForm.reset(l.measures());
            updateHeader();
            dirty.set(false);
        } finally {
            loadingValues = false;
        }
        busy.set(false);
        ready.set(true);
        problems.set("");
        updatePrivacy();
    }

    private void edited() {
        if (loadingValues) {
            return;
        }
        dirty.set(true);
        updatePrivacy();
    }

    private void updateHeader() {
        RiskAnalysis a = current();
        if (a.status() == AnalysisStatus.UTKAST) {
            decisionText.set(i18n.get("risk.decision.notYet"));
        } else {
            decisionText.set(i18n.get("risk.decision.made", a.decidedBy() == null ? "" : a.decidedBy(),
                    a.decidedOn() == null ? "" : a.decidedOn().toString()));
        }
        recurrenceText.set(RiskRules.nextRecurrence(a.level(), a.analysedOn())
                .map(d -> i18n.get("risk.recurrence.next", d.toString())).orElse(""));
    }

    /** Same warning as the deviation editor: identity numbers (refused when so configured) and likely names. */
    private void updatePrivacy() {
        privacyWarning.set(PrivacyWarnings.text(i18n, service.privacyFindings(current()), refuseIdNumbers));
    }

    /** The analysis as it stands in the form. */
    public RiskAnalysis current() {
        RiskAnalysis o = original;
        RiskTemplate t = template.get();
        return new RiskAnalysis(id.get(), t == null ? null : t.id(), kind.get(), status.get(), title.get(), level.get(),
                unit.get() == null ? null : unit.get().id(), trigger.get(), analysedOn.get(), participants.get(),
                processDescription.get(), noMeasuresReason.get(), improvedRoutines.get(), followUpOn.get(),
                o == null ? null : o.decidedBy(), o == null ? null : o.decidedOn(), o == null ? null : o.previousId(),
                new ArrayList<>(scoring.risks()),
                event.currentSteps(),
                new ArrayList<>(event.timeline()), new ArrayList<>(event.causes()),
                event.deviations().stream().map(LinkedDeviation::id).toList());
    }

    public RiskMatrix matrix() {
        return template.get() == null ? RiskMatrix.socialstyrelsen4x4() : template.get().matrix();
    }

    // ---- saving and workflow ---------------------------------------------------------

    private void save() {
        RiskAnalysis a = current();
        // Timelines, causes and steps too: under "warn" the findings are shown and the user is asked first; the policy
        // is read as it is now (the coordinator may have changed it while the editor was open).
        boolean refuse = refuseIdNumbers;
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> refuse || ctx.privacyService().refuses(
                        PrivacyPolicy.TextKind.RISK_ANALYSIS), RiskPrivacyFields.of(i18n, a),
                () -> saves.save(i18n.get("risk.saving"), p -> service.save(a, refuse), this::afterSave));
    }

    private void afterSave(RiskAnalysis saved) {
        reload(saved.id());
        onChanged.run();
    }

    private void reload(long analysisId) {
        busy.set(true);
        long templateId = template.get().id();
        tasks.run(i18n.get("risk.loading"), p -> loader.again(analysisId, templateId), this::apply, saves::failed);
    }

    private void decide() {
        RiskAnalysis a = current();
        String by = decidedBy.get();
        saves.save(i18n.get("risk.saving"), p -> service.decide(a, by), this::afterSave);
    }

    private void followUp() {
        RiskAnalysis a = current();
        saves.save(i18n.get("risk.saving"), p -> service.markFollowedUp(a), this::afterSave);
    }

    /** Asks (through the injected dialogs) before unsaved edits are dropped; returns whether the editor may close. */
    public boolean mayClose() {
        return !dirty.get() || dialogs.confirm(i18n.get("risk.editor.discardTitle"),
                i18n.get("risk.editor.discardQuestion"));
    }

    // ---- the parts' look-ups, for the view --------------------------------------------

    /** Score and band of a risk before or after measures, or "–" if not scored. */
    public String scoreText(Risk r, boolean after) {
        return scoring.scoreText(r, after);
    }

    public Optional<ScoreBand> band(Risk r, boolean after) {
        return scoring.band(r, after);
    }

    /** Risks per cell: [probability-1][consequence-1], before or after measures (unassessed "after" counts as before). */
    public int[][] heatmapCounts() {
        return scoring.heatmapCounts();
    }

    public void selectCell(int p, int c) {
        scoring.selectCell(p, c);
    }

    public String measureState(Measure m) {
        return measureForm.state(m);
    }

    // ---- export ------------------------------------------------------------------------

    private void export(boolean docx) {
        if (dirty.get()) {
            problems.set(i18n.get("risk.export.saveFirst"));
            return;
        }
        exports.export(docx, kind.get(), id.get());
    }

    public ObjectProperty<RiskTemplate> templateProperty() { return template; }
    public ObjectProperty<Long> idProperty() { return id; }
    public ObjectProperty<AnalysisKind> kindProperty() { return kind; }
    public ObjectProperty<AnalysisStatus> statusProperty() { return status; }
    public StringProperty titleProperty() { return title; }
    public ObjectProperty<AnalysisLevel> levelProperty() { return level; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObjectProperty<RiskTrigger> triggerProperty() { return trigger; }
    public javafx.collections.ObservableList<RiskTrigger> reasonChoices() { return reasons.choices(); }
    public ObjectProperty<LocalDate> analysedOnProperty() { return analysedOn; }
    public StringProperty participantsProperty() { return participants; }
    public StringProperty processDescriptionProperty() { return processDescription; }
    public StringProperty noMeasuresReasonProperty() { return noMeasuresReason; }
    public StringProperty improvedRoutinesProperty() { return improvedRoutines; }
    public ObjectProperty<LocalDate> followUpOnProperty() { return followUpOn; }
    public StringProperty decidedByProperty() { return decidedBy; }
    public StringProperty decisionTextProperty() { return decisionText; }
    public StringProperty recurrenceTextProperty() { return recurrenceText; }
    public ObservableList<Unit> units() { return units; }
    public ObservableList<Risk> risks() { return scoring.risks(); }
    public ObservableList<ChecklistStep> steps() { return event.steps(); }
    public ObservableList<TimelineEntry> timeline() { return event.timeline(); }
    public ObservableList<UnderlyingCause> causes() { return event.causes(); }
    public ObservableList<LinkedDeviation> deviations() { return event.deviations(); }
    public ObservableList<Measure> measures() { return measureForm.measures(); }
    public ObjectProperty<Risk> selectedRiskProperty() { return scoring.selectedProperty(); }
    public StringProperty riskDescriptionProperty() { return scoring.descriptionProperty(); }
    public StringProperty riskCausesProperty() { return scoring.causesProperty(); }
    public StringProperty riskBarriersProperty() { return scoring.barriersProperty(); }
    public ObjectProperty<Integer> probabilityProperty() { return scoring.probabilityProperty(); }
    public ObjectProperty<Integer> consequenceProperty() { return scoring.consequenceProperty(); }
    public ObjectProperty<Integer> residualProbabilityProperty() { return scoring.residualProbabilityProperty(); }
    public ObjectProperty<Integer> residualConsequenceProperty() { return scoring.residualConsequenceProperty(); }
    public StringProperty riskScoreProperty() { return scoring.scoreProperty(); }
    public BooleanProperty afterMeasuresProperty() { return scoring.afterMeasuresProperty(); }
    public ObjectProperty<int[]> selectedCellProperty() { return scoring.selectedCellProperty(); }
    public ObservableList<Risk> cellRisks() { return scoring.cellRisks(); }
    public StringProperty timelineAtProperty() { return event.timelineAtProperty(); }
    public StringProperty timelineWhatProperty() { return event.timelineWhatProperty(); }
    public ObjectProperty<TimelineEntry> selectedTimelineProperty() { return event.selectedTimelineProperty(); }
    public ObjectProperty<CauseCategory> causeCategoryProperty() { return event.causeCategoryProperty(); }
    public StringProperty causeTextProperty() { return event.causeTextProperty(); }
    public ObjectProperty<UnderlyingCause> selectedCauseProperty() { return event.selectedCauseProperty(); }
    public StringProperty linkCaseRefProperty() { return event.linkCaseRefProperty(); }
    public ObjectProperty<LinkedDeviation> selectedDeviationProperty() { return event.selectedDeviationProperty(); }
    public ObjectProperty<Measure> selectedMeasureProperty() { return measureForm.selectedProperty(); }
    public StringProperty measureWhatProperty() { return measureForm.whatProperty(); }
    public StringProperty measureResponsibleProperty() { return measureForm.responsibleProperty(); }
    public ObjectProperty<LocalDate> measureDueProperty() { return measureForm.dueProperty(); }
    public ObjectProperty<LocalDate> measureDoneProperty() { return measureForm.doneProperty(); }
    public StringProperty measureEffectProperty() { return measureForm.effectProperty(); }
    public ObjectProperty<Boolean> measureEffectiveProperty() { return measureForm.effectiveProperty(); }
    public StringProperty problemsProperty() { return problems; }
    public StringProperty privacyWarningProperty() { return privacyWarning; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty readyProperty() { return ready; }
    public BooleanProperty closeRequestedProperty() { return closeRequested; }
    public Command saveCommand() { return save; }
    public Command addRiskCommand() { return scoring.add; }
    public Command updateRiskCommand() { return scoring.update; }
    public Command removeRiskCommand() { return scoring.remove; }
    public Command addTimelineCommand() { return event.addTimeline; }
    public Command removeTimelineCommand() { return event.removeTimeline; }
    public Command addCauseCommand() { return event.addCause; }
    public Command removeCauseCommand() { return event.removeCause; }
    public Command linkDeviationCommand() { return event.link; }
    public Command unlinkDeviationCommand() { return event.unlink; }
    public Command saveMeasureCommand() { return measureForm.save; }
    public Command newMeasureCommand() { return measureForm.newMeasure; }
    public Command deleteMeasureCommand() { return measureForm.delete; }
    public Command decideCommand() { return decide; }
    public Command followUpCommand() { return followUp; }
    public Command exportDocxCommand() { return exportDocx; }
    public Command exportPdfCommand() { return exportPdf; }
}
