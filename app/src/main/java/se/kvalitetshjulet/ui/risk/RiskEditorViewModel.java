package se.kvalitetshjulet.ui.risk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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

import se.kvalitetshjulet.data.repo.RiskRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.CauseCategory;
import se.kvalitetshjulet.domain.risk.EventStep;
import se.kvalitetshjulet.domain.risk.MeasureState;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.RiskRules;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.domain.risk.ScoreBand;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;
import se.kvalitetshjulet.export.RiskReportExporter;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyWarnings;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.deviation.DeviationEditorViewModel;

/**
 * One risk or event analysis: basic facts, risks scored by probability × consequence (before and after measures),
 * the heatmap, the checklist of steps, the event's timeline, underlying causes, linked deviations, measures, the
 * decision and export for the person who decides. Free text is checked for identity numbers and names, as in the
 * deviation editor: the analysis asks what and why, never who.
 */
public final class RiskEditorViewModel {
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One step of the checklist, editable in place. */
    public static final class StepModel {
        private final int number;
        private final String name;
        private final BooleanProperty done = new SimpleBooleanProperty();
        private final StringProperty text = new SimpleStringProperty("");

        StepModel(int number, String name, boolean done, String text) {
            this.number = number;
            this.name = name;
            this.done.set(done);
            this.text.set(text);
        }

        public int number() { return number; }
        public String name() { return name; }
        public BooleanProperty doneProperty() { return done; }
        public StringProperty textProperty() { return text; }
    }

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
    private final ObservableList<Risk> risks = FXCollections.observableArrayList();
    private final ObservableList<StepModel> steps = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObservableList<UnderlyingCause> causes = FXCollections.observableArrayList();
    private final ObservableList<LinkedDeviation> deviations = FXCollections.observableArrayList();
    private final ObservableList<Measure> measures = FXCollections.observableArrayList();

    // risk sub-form
    private final ObjectProperty<Risk> selectedRisk = new SimpleObjectProperty<>();
    private final StringProperty riskDescription = new SimpleStringProperty("");
    private final StringProperty riskCauses = new SimpleStringProperty("");
    private final StringProperty riskBarriers = new SimpleStringProperty("");
    private final ObjectProperty<Integer> probability = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> consequence = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> residualProbability = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> residualConsequence = new SimpleObjectProperty<>();
    private final StringProperty riskScore = new SimpleStringProperty("");

    // heatmap
    private final BooleanProperty afterMeasures = new SimpleBooleanProperty();
    private final ObjectProperty<int[]> selectedCell = new SimpleObjectProperty<>();
    private final ObservableList<Risk> cellRisks = FXCollections.observableArrayList();

    // timeline, causes, links sub-forms
    private final StringProperty timelineAt = new SimpleStringProperty("");
    private final StringProperty timelineWhat = new SimpleStringProperty("");
    private final ObjectProperty<TimelineEntry> selectedTimeline = new SimpleObjectProperty<>();
    private final ObjectProperty<CauseCategory> causeCategory = new SimpleObjectProperty<>(CauseCategory.KOMMUNIKATION);
    private final StringProperty causeText = new SimpleStringProperty("");
    private final ObjectProperty<UnderlyingCause> selectedCause = new SimpleObjectProperty<>();
    private final StringProperty linkCaseRef = new SimpleStringProperty("");
    private final ObjectProperty<LinkedDeviation> selectedDeviation = new SimpleObjectProperty<>();

    // measure sub-form
    private final ObjectProperty<Measure> selectedMeasure = new SimpleObjectProperty<>();
    private final StringProperty measureWhat = new SimpleStringProperty("");
    private final StringProperty measureResponsible = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> measureDue = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> measureDone = new SimpleObjectProperty<>();
    private final StringProperty measureEffect = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> measureEffective = new SimpleObjectProperty<>();

    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty privacyWarning = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty closeRequested = new SimpleBooleanProperty();
    private boolean refuseIdNumbers;
    private boolean loadingValues;

    private final SaveFlow saves;
    private final Command save;
    private final Command addRisk;
    private final Command updateRisk;
    private final Command removeRisk;
    private final Command addTimeline;
    private final Command removeTimeline;
    private final Command addCause;
    private final Command removeCause;
    private final Command linkDeviation;
    private final Command unlinkDeviation;
    private final Command saveMeasure;
    private final Command newMeasure;
    private final Command deleteMeasure;
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
        this.onChanged = onChanged;
        saves = new SaveFlow(tasks, dialogs, problems, busy, SaveFlow.oneALine(i18n));
        BooleanBinding idle = ready.and(busy.not());
        BooleanBinding saved = Bindings.createBooleanBinding(() -> id.get() != null, id).and(idle);
        BooleanBinding draft = Bindings.createBooleanBinding(() -> status.get() == AnalysisStatus.UTKAST, status);
        save = new Command(this::save, idle);
        addRisk = new Command(this::addRisk, riskDescription.isNotEmpty().and(idle));
        updateRisk = new Command(this::updateRisk, selectedRisk.isNotNull().and(riskDescription.isNotEmpty()).and(idle));
        removeRisk = new Command(this::removeRisk, selectedRisk.isNotNull().and(idle));
        addTimeline = new Command(this::addTimeline, timelineWhat.isNotEmpty().and(timelineAt.isNotEmpty()).and(idle));
        removeTimeline = new Command(() -> timeline.remove(selectedTimeline.get()), selectedTimeline.isNotNull().and(idle));
        addCause = new Command(this::addCause, causeText.isNotEmpty().and(causeCategory.isNotNull()).and(idle));
        removeCause = new Command(() -> causes.remove(selectedCause.get()), selectedCause.isNotNull().and(idle));
        linkDeviation = new Command(this::linkDeviation, linkCaseRef.isNotEmpty().and(idle));
        unlinkDeviation = new Command(() -> deviations.remove(selectedDeviation.get()), selectedDeviation.isNotNull().and(idle));
        saveMeasure = new Command(this::saveMeasure, saved);
        newMeasure = new Command(() -> selectedMeasure.set(null), saved);
        deleteMeasure = new Command(this::deleteMeasure, selectedMeasure.isNotNull().and(idle));
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
        ListChangeListener<Object> listEdited = c -> edited();
        for (ObservableList<?> l : List.of(risks, timeline, causes, deviations)) {
            @SuppressWarnings("unchecked")
            ObservableList<Object> ol = (ObservableList<Object>) l;
            ol.addListener(listEdited);
        }
        steps.addListener((ListChangeListener<StepModel>) c -> {
            while (c.next()) {
                for (StepModel s : c.getAddedSubList()) {
                    s.doneProperty().addListener(edited);
                    s.textProperty().addListener(edited);
                }
            }
        });
        for (ObjectProperty<Integer> p : List.of(probability, consequence, residualProbability, residualConsequence)) {
            p.addListener((o, a, b) -> updateScore());
        }
        selectedRisk.addListener((o, a, r) -> showRisk(r));
        selectedMeasure.addListener((o, a, m) -> showMeasure(m));
        afterMeasures.addListener((o, a, b) -> updateCell());
        selectedCell.addListener((o, a, b) -> updateCell());
        risks.addListener((ListChangeListener<Risk>) c -> updateCell());
    }

    // ---- loading ---------------------------------------------------------------------

    private record Loaded(RiskAnalysis analysis, RiskTemplate template, List<Measure> measures,
                          List<se.kvalitetshjulet.domain.risk.LinkedDeviation> deviations, OrgTree tree,
                          boolean refuse) { }

    public void load(long analysisId) {
        busy.set(true);
        tasks.run(i18n.get("risk.loading"), p -> {
            RiskAnalysis a = service.find(analysisId)
                    .orElseThrow(() -> new IllegalStateException(i18n.get("risk.missing", analysisId)));
            return loaded(a, service.template(a.templateId()));
        }, this::apply, saves::failed);
    }

    public void startNew(RiskTemplate t, Unit preselected) {
        busy.set(true);
        tasks.run(i18n.get("risk.loading"), p -> loaded(RiskAnalysis.newDraft(t, preselected == null ? null
                : preselected.id(), ctx.today()), t), this::apply, saves::failed);
    }

    private Loaded loaded(RiskAnalysis a, RiskTemplate t) {
        return new Loaded(a, t, a.id() == null ? List.of() : service.measures(a.id()),
                a.id() == null ? List.of() : service.linkedDeviations(a.id()), ctx.organisationService().tree(),
                ctx.settingsService().preference(DeviationEditorViewModel.SETTING_REFUSE_ID_NUMBERS).map(Boolean::parseBoolean)
                        .orElse(false)
                        || ctx.privacyService().refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.RISK_ANALYSIS));
    }

    private void apply(Loaded l) {
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
            trigger.set(a.trigger());
            analysedOn.set(a.analysedOn());
            participants.set(a.participants());
            processDescription.set(a.processDescription());
            noMeasuresReason.set(a.noMeasuresReason());
            improvedRoutines.set(a.improvedRoutines());
            followUpOn.set(a.followUpOn());
            decidedBy.set(a.decidedBy() == null ? ctx.settingsService().actingName() : a.decidedBy());
            risks.setAll(a.risks());
            List<StepModel> models = new ArrayList<>();
            List<String> names = l.template().steps();
            for (int i = 0; i < names.size(); i++) {
                int n = i + 1;
                EventStep s = a.steps().stream().filter(x -> x.number() == n).findFirst()
                        .orElse(new EventStep(n, "", false));
                models.add(new StepModel(n, names.get(i), s.done(), s.text()));
            }
            steps.setAll(models);
            timeline.setAll(a.timeline());
            causes.setAll(a.causes());
            deviations.setAll(l.deviations().stream().map(d -> new LinkedDeviation(d.id(), d.caseRef())).toList());
            measures.setAll(l.measures());
            selectedRisk.set(null);
            selectedMeasure.set(null);
            showRisk(null);
            showMeasure(null);
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
                new ArrayList<>(risks),
                steps.stream().map(s -> new EventStep(s.number(), s.textProperty().get(), s.doneProperty().get())).toList(),
                new ArrayList<>(timeline), new ArrayList<>(causes),
                deviations.stream().map(LinkedDeviation::id).toList());
    }

    public RiskMatrix matrix() {
        return template.get() == null ? RiskMatrix.socialstyrelsen4x4() : template.get().matrix();
    }

    // ---- saving and workflow ---------------------------------------------------------

    private void save() {
        RiskAnalysis a = current();
        // Timelines, causes and steps too: under "warn" the findings are shown and the user is asked first.
        if (!refuseIdNumbers && !PrivacyWarnings.confirmSave(dialogs, i18n, service.privacyFindings(a))) {
            return;
        }
        boolean refuse = refuseIdNumbers;
        saves.save(i18n.get("risk.saving"), p -> service.save(a, refuse), this::afterSave);
    }

    private void afterSave(RiskAnalysis saved) {
        reload(saved.id());
        onChanged.run();
    }

    private void reload(long analysisId) {
        busy.set(true);
        tasks.run(i18n.get("risk.loading"), p -> loaded(service.find(analysisId).orElseThrow(),
                service.template(template.get().id())), this::apply, saves::failed);
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

    private String format(List<Problem> list) {
        return SaveFlow.oneALine(i18n).apply(list);
    }

    // ---- risks -----------------------------------------------------------------------

    private Risk formRisk(Long riskId) {
        return new Risk(riskId, riskDescription.get().strip(), riskCauses.get(), riskBarriers.get(), probability.get(),
                consequence.get(), residualProbability.get(), residualConsequence.get());
    }

    private void addRisk() {
        risks.add(formRisk(null));
        showRisk(null);
    }

    private void updateRisk() {
        Risk old = selectedRisk.get();
        int i = risks.indexOf(old);
        if (i >= 0) {
            risks.set(i, formRisk(old.id()));
        }
        selectedRisk.set(null);
    }

    private void removeRisk() {
        risks.remove(selectedRisk.get());
        selectedRisk.set(null);
    }

    private void showRisk(Risk r) {
        riskDescription.set(r == null ? "" : r.description());
        riskCauses.set(r == null ? "" : r.causes());
        riskBarriers.set(r == null ? "" : r.barriers());
        probability.set(r == null ? null : r.probability());
        consequence.set(r == null ? null : r.consequence());
        residualProbability.set(r == null ? null : r.residualProbability());
        residualConsequence.set(r == null ? null : r.residualConsequence());
        updateScore();
    }

    private void updateScore() {
        RiskMatrix m = matrix();
        String before = m.band(probability.get(), consequence.get())
                .map(b -> i18n.get("risk.score", m.score(probability.get(), consequence.get()), b.label())).orElse("–");
        String after = m.band(residualProbability.get(), residualConsequence.get())
                .map(b -> i18n.get("risk.score", m.score(residualProbability.get(), residualConsequence.get()), b.label()))
                .orElse("–");
        riskScore.set(i18n.get("risk.scoreBeforeAfter", before, after));
    }

    /** Score and band of a risk before or after measures, or empty if not scored. */
    public String scoreText(Risk r, boolean after) {
        RiskMatrix m = matrix();
        Integer p = after ? r.residualProbability() : r.probability();
        Integer c = after ? r.residualConsequence() : r.consequence();
        return m.band(p, c).map(b -> i18n.get("risk.score", m.score(p, c), b.label())).orElse("–");
    }

    public java.util.Optional<ScoreBand> band(Risk r, boolean after) {
        return after ? matrix().band(r.residualProbability(), r.residualConsequence())
                : matrix().band(r.probability(), r.consequence());
    }

    // ---- heatmap -----------------------------------------------------------------------

    /** Risks per cell: [probability-1][consequence-1], before or after measures (unassessed "after" counts as before). */
    public int[][] heatmapCounts() {
        int n = matrix().size();
        int[][] counts = new int[n][n];
        for (Risk r : risks) {
            Integer p = r.probability(afterMeasures.get());
            Integer c = r.consequence(afterMeasures.get());
            if (matrix().inRange(p) && matrix().inRange(c)) {
                counts[p - 1][c - 1]++;
            }
        }
        return counts;
    }

    public void selectCell(int p, int c) {
        selectedCell.set(new int[] {p, c});
    }

    private void updateCell() {
        int[] cell = selectedCell.get();
        if (cell == null) {
            cellRisks.clear();
            return;
        }
        cellRisks.setAll(risks.stream().filter(r -> Integer.valueOf(cell[0]).equals(r.probability(afterMeasures.get()))
                && Integer.valueOf(cell[1]).equals(r.consequence(afterMeasures.get()))).toList());
    }

    // ---- timeline, causes, links -------------------------------------------------------

    private void addTimeline() {
        try {
            LocalDateTime at = LocalDateTime.parse(timelineAt.get().strip(), WHEN);
            timeline.add(new TimelineEntry(at, timelineWhat.get().strip()));
            timeline.sort(java.util.Comparator.comparing(TimelineEntry::at));
            timelineWhat.set("");
            problems.set("");
        } catch (DateTimeParseException e) {
            problems.set(i18n.get("risk.timeline.badTime"));
        }
    }

    private void addCause() {
        causes.add(new UnderlyingCause(causeCategory.get(), causeText.get().strip()));
        causeText.set("");
    }

    private void linkDeviation() {
        String ref = linkCaseRef.get().strip();
        tasks.run(i18n.get("risk.loading"), p -> service.deviationByCaseRef(ref), r -> {
            if (!r.ok()) {
                problems.set(format(r.problems()));
                return;
            }
            if (deviations.stream().noneMatch(d -> d.id() == r.value())) {
                deviations.add(new LinkedDeviation(r.value(), ref));
            }
            linkCaseRef.set("");
            problems.set("");
        }, dialogs::showUnexpected);
    }

    // ---- measures ----------------------------------------------------------------------

    private void showMeasure(Measure m) {
        measureWhat.set(m == null ? "" : m.what());
        measureResponsible.set(m == null ? "" : m.responsible() == null ? "" : m.responsible());
        measureDue.set(m == null ? null : m.dueOn());
        measureDone.set(m == null ? null : m.doneOn());
        measureEffect.set(m == null ? "" : m.effectCheck() == null ? "" : m.effectCheck());
        measureEffective.set(m == null ? null : m.effective());
    }

    private void saveMeasure() {
        Measure sel = selectedMeasure.get();
        Measure m = new Measure(sel == null ? null : sel.id(), RiskAnalysis.SOURCE, id.get(),
                unit.get() == null ? null : unit.get().id(), measureWhat.get(), null, measureResponsible.get(),
                measureDue.get(), measureDone.get(), measureEffect.get(), measureEffective.get());
        long analysisId = id.get();
        saves.save(i18n.get("risk.saving"), p -> service.saveMeasure(m).map(saved -> service.measures(analysisId)), all -> {
            measures.setAll(all);
            selectedMeasure.set(null);
            showMeasure(null);
            onChanged.run();
        });
    }

    private void deleteMeasure() {
        Measure m = selectedMeasure.get();
        if (!dialogs.confirm(i18n.get("risk.measure.deleteTitle"), i18n.get("risk.measure.deleteQuestion", m.what()))) {
            return;
        }
        long analysisId = id.get();
        tasks.run(i18n.get("risk.saving"), p -> {
            service.deleteMeasure(m.id());
            return service.measures(analysisId);
        }, all -> {
            measures.setAll(all);
            selectedMeasure.set(null);
        }, dialogs::showUnexpected);
    }

    public String measureState(Measure m) {
        return i18n.of(MeasureState.of(m, ctx.today()));
    }

    // ---- export ------------------------------------------------------------------------

    private void export(boolean docx) {
        if (dirty.get()) {
            problems.set(i18n.get("risk.export.saveFirst"));
            return;
        }
        String ext = docx ? "docx" : "pdf";
        String name = (kind.get() == AnalysisKind.HANDELSEANALYS ? "handelseanalys-" : "riskanalys-") + id.get() + "." + ext;
        long analysisId = id.get();
        dialogs.chooseSaveFile(i18n.get("risk.export.title"), name, List.of("*." + ext)).ifPresent(path ->
                tasks.run(i18n.get("risk.exporting"), p -> {
                    RiskReportExporter exporter = new RiskReportExporter(i18n.bundle());
                    if (docx) {
                        exporter.docx(service.report(analysisId), ctx.today(), path);
                    } else {
                        exporter.pdf(service.report(analysisId), ctx.today(), path);
                    }
                    return path;
                }, (Path done) -> dialogs.showInfo(i18n.get("risk.export.title"), i18n.get("risk.exported", done)),
                        dialogs::showUnexpected));
    }

    public ObjectProperty<RiskTemplate> templateProperty() { return template; }
    public ObjectProperty<Long> idProperty() { return id; }
    public ObjectProperty<AnalysisKind> kindProperty() { return kind; }
    public ObjectProperty<AnalysisStatus> statusProperty() { return status; }
    public StringProperty titleProperty() { return title; }
    public ObjectProperty<AnalysisLevel> levelProperty() { return level; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObjectProperty<RiskTrigger> triggerProperty() { return trigger; }
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
    public ObservableList<Risk> risks() { return risks; }
    public ObservableList<StepModel> steps() { return steps; }
    public ObservableList<TimelineEntry> timeline() { return timeline; }
    public ObservableList<UnderlyingCause> causes() { return causes; }
    public ObservableList<LinkedDeviation> deviations() { return deviations; }
    public ObservableList<Measure> measures() { return measures; }
    public ObjectProperty<Risk> selectedRiskProperty() { return selectedRisk; }
    public StringProperty riskDescriptionProperty() { return riskDescription; }
    public StringProperty riskCausesProperty() { return riskCauses; }
    public StringProperty riskBarriersProperty() { return riskBarriers; }
    public ObjectProperty<Integer> probabilityProperty() { return probability; }
    public ObjectProperty<Integer> consequenceProperty() { return consequence; }
    public ObjectProperty<Integer> residualProbabilityProperty() { return residualProbability; }
    public ObjectProperty<Integer> residualConsequenceProperty() { return residualConsequence; }
    public StringProperty riskScoreProperty() { return riskScore; }
    public BooleanProperty afterMeasuresProperty() { return afterMeasures; }
    public ObjectProperty<int[]> selectedCellProperty() { return selectedCell; }
    public ObservableList<Risk> cellRisks() { return cellRisks; }
    public StringProperty timelineAtProperty() { return timelineAt; }
    public StringProperty timelineWhatProperty() { return timelineWhat; }
    public ObjectProperty<TimelineEntry> selectedTimelineProperty() { return selectedTimeline; }
    public ObjectProperty<CauseCategory> causeCategoryProperty() { return causeCategory; }
    public StringProperty causeTextProperty() { return causeText; }
    public ObjectProperty<UnderlyingCause> selectedCauseProperty() { return selectedCause; }
    public StringProperty linkCaseRefProperty() { return linkCaseRef; }
    public ObjectProperty<LinkedDeviation> selectedDeviationProperty() { return selectedDeviation; }
    public ObjectProperty<Measure> selectedMeasureProperty() { return selectedMeasure; }
    public StringProperty measureWhatProperty() { return measureWhat; }
    public StringProperty measureResponsibleProperty() { return measureResponsible; }
    public ObjectProperty<LocalDate> measureDueProperty() { return measureDue; }
    public ObjectProperty<LocalDate> measureDoneProperty() { return measureDone; }
    public StringProperty measureEffectProperty() { return measureEffect; }
    public ObjectProperty<Boolean> measureEffectiveProperty() { return measureEffective; }
    public StringProperty problemsProperty() { return problems; }
    public StringProperty privacyWarningProperty() { return privacyWarning; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty readyProperty() { return ready; }
    public BooleanProperty closeRequestedProperty() { return closeRequested; }
    public Command saveCommand() { return save; }
    public Command addRiskCommand() { return addRisk; }
    public Command updateRiskCommand() { return updateRisk; }
    public Command removeRiskCommand() { return removeRisk; }
    public Command addTimelineCommand() { return addTimeline; }
    public Command removeTimelineCommand() { return removeTimeline; }
    public Command addCauseCommand() { return addCause; }
    public Command removeCauseCommand() { return removeCause; }
    public Command linkDeviationCommand() { return linkDeviation; }
    public Command unlinkDeviationCommand() { return unlinkDeviation; }
    public Command saveMeasureCommand() { return saveMeasure; }
    public Command newMeasureCommand() { return newMeasure; }
    public Command deleteMeasureCommand() { return deleteMeasure; }
    public Command decideCommand() { return decide; }
    public Command followUpCommand() { return followUp; }
    public Command exportDocxCommand() { return exportDocx; }
    public Command exportPdfCommand() { return exportPdf; }
}
