package se.kvalitetshjulet.ui.deviation;

import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRules;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyWarnings;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * One deviation: registration, investigation, assessment, measures, links and history.
 * Required fields follow kind and status (domain rules); workflow steps are offered only
 * when the workflow allows them; free text is checked for identity numbers and names.
 */
public final class DeviationEditorViewModel {
    public static final String SETTING_REFUSE_ID_NUMBERS = "privacy.refuseIdentityNumbers";

    private final DeviationContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Runnable onChanged;

    private Deviation original;
    private final ObjectProperty<Long> id = new SimpleObjectProperty<>();
    private final StringProperty caseRef = new SimpleStringProperty("");
    private final ObjectProperty<DeviationKind> kind = new SimpleObjectProperty<>(DeviationKind.KVALITETSAVVIKELSE);
    private final ObjectProperty<Law> law = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<Taxonomy> category = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviationStatus> status = new SimpleObjectProperty<>(DeviationStatus.REGISTRERAD);
    private final ObjectProperty<LocalDate> occurredOn = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> reportedOn = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> registeredOn = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> dueOn = new SimpleObjectProperty<>();
    private final StringProperty reporterRole = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty immediateActions = new SimpleStringProperty("");
    private final StringProperty facts = new SimpleStringProperty("");
    private final StringProperty causeText = new SimpleStringProperty("");
    private final ObservableSet<Long> causeIds = FXCollections.observableSet();
    private final ObjectProperty<Assessment> assessment = new SimpleObjectProperty<>();
    private final BooleanProperty serious = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> ivoReportedOn = new SimpleObjectProperty<>();
    private final StringProperty ivoReference = new SimpleStringProperty("");
    private final ObjectProperty<se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier> ivoNotifier =
            new SimpleObjectProperty<>();
    private final StringProperty ivoNotifiedBy = new SimpleStringProperty("");
    private final StringProperty ivoDecision = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> ivoDecisionDate = new SimpleObjectProperty<>();
    private final StringProperty ivoDeadline = new SimpleStringProperty("");
    private final BooleanProperty ivoOverdue = new SimpleBooleanProperty();
    private final ObservableList<se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier> ivoNotifiers =
            FXCollections.observableArrayList();
    private final StringProperty lawWarning = new SimpleStringProperty("");
    private final ObservableList<DeviationStatus> allowedBack = FXCollections.observableArrayList();
    private final ObservableList<String> historyLines = FXCollections.observableArrayList();
    private boolean privacyRefuses;

    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> categories = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> causes = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> measureTypes = FXCollections.observableArrayList();
    private final ObservableList<Law> laws = FXCollections.observableArrayList();
    /** The laws' citations with validity dates: the record shows the one valid on its date (decision 0015). */
    private final ObservableList<se.kvalitetshjulet.domain.lists.LegalReference> legalReferences =
            FXCollections.observableArrayList();
    private final javafx.beans.binding.StringBinding citation = Bindings.createStringBinding(() -> {
        LocalDate day = occurredOn.get() != null ? occurredOn.get() : registeredOn.get();
        return law.get() == null ? "" : se.kvalitetshjulet.domain.lists.LegalReference.validOn(legalReferences,
                law.get().name(), day).map(se.kvalitetshjulet.domain.lists.LegalReference::citation).orElse("");
    }, law, occurredOn, registeredOn, legalReferences);
    private final ObservableList<Assessment> assessments = FXCollections.observableArrayList();
    private final ObservableList<DeviationStatus> allowedNext = FXCollections.observableArrayList();
    private final ObservableList<Measure> measures = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final ObservableList<String> links = FXCollections.observableArrayList();
    private final ObjectProperty<OrgTree> tree = new SimpleObjectProperty<>(new OrgTree(List.of()));

    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty privacyWarning = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty overdue = new SimpleBooleanProperty();
    private final BooleanProperty ivoRequired = new SimpleBooleanProperty();
    private final BooleanProperty closeRequested = new SimpleBooleanProperty();
    private boolean refuseIdNumbers;
    private boolean loadingValues;

    // measure sub-form
    private final ObjectProperty<Measure> selectedMeasure = new SimpleObjectProperty<>();
    private final StringProperty measureWhat = new SimpleStringProperty("");
    private final ObjectProperty<Taxonomy> measureType = new SimpleObjectProperty<>();
    private final StringProperty measureResponsible = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> measureDue = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> measureDone = new SimpleObjectProperty<>();
    private final StringProperty measureEffect = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> measureEffective = new SimpleObjectProperty<>();
    private final StringProperty measureProblems = new SimpleStringProperty("");

    private final SaveFlow saves;
    private final SaveFlow measureSaves;
    private final Command save;
    private final Command saveMeasure;
    private final Command newMeasure;
    private final Command deleteMeasure;

    public DeviationEditorViewModel(DeviationContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, Runnable onChanged) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.onChanged = onChanged;
        saves = new SaveFlow(tasks, dialogs, problems, busy, SaveFlow.distinctLines(i18n));
        measureSaves = new SaveFlow(tasks, dialogs, measureProblems, busy, SaveFlow.distinctLines(i18n));
        save = new Command(this::save, ready.and(busy.not()));
        var saved = Bindings.createBooleanBinding(() -> id.get() != null, id);
        saveMeasure = new Command(this::saveMeasure, saved.and(busy.not()));
        newMeasure = new Command(this::newMeasure, saved.and(busy.not()));
        deleteMeasure = new Command(this::deleteMeasure, selectedMeasure.isNotNull().and(busy.not()));

        ChangeListener<Object> edited = (o, a, b) -> edited();
        for (var p : List.of(kind, law, unit, category, occurredOn, reportedOn, registeredOn, reporterRole, title,
                description, immediateActions, facts, causeText, assessment, serious, ivoReportedOn, ivoReference,
                ivoNotifier, ivoNotifiedBy, ivoDecision, ivoDecisionDate)) {
            p.addListener(edited);
        }
        causeIds.addListener((javafx.collections.SetChangeListener<Long>) c -> edited());
        kind.addListener((o, a, k) -> {
            if (k != null) {
                laws.setAll(k.allowedLaws());
                assessments.setAll(k.assessments());
                if (law.get() == null || !k.allowedLaws().contains(law.get())) {
                    law.set(k.defaultLaw());
                }
                if (assessment.get() != null && !k.assessments().contains(assessment.get())) {
                    assessment.set(null);
                }
                ivoNotifiers.setAll(se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier.forKind(k));
                if (ivoNotifier.get() != null && !ivoNotifiers.contains(ivoNotifier.get())) {
                    ivoNotifier.set(null);
                }
            }
            defaultLawFromUnit();
        });
        unit.addListener((o, a, u) -> defaultLawFromUnit());
        selectedMeasure.addListener((o, a, m) -> showMeasure(m));
        tasks.run(i18n.get("deviation.editor.loading"), p -> ctx.listsService().references(), legalReferences::setAll, t -> { });
    }

    // ---- loading ---------------------------------------------------------------------

    private record Loaded(Deviation deviation, List<Measure> measures, List<AuditEntry> history, List<String> links,
                          OrgTree tree, List<Taxonomy> categories, List<Taxonomy> causes, List<Taxonomy> measureTypes,
                          boolean refuse, boolean policyRefuses, List<String> historyLines) { }

    public void load(long deviationId) {
        busy.set(true);
        tasks.run(i18n.get("deviation.editor.loading"), p -> {
            Deviation d = ctx.deviationService().find(deviationId)
                    .orElseThrow(() -> new IllegalStateException(i18n.get("deviation.editor.missing", deviationId)));
            return loaded(d);
        }, this::apply, saves::failed);
    }

    public void startNew(Unit preselected) {
        busy.set(true);
        Long unitId = preselected == null ? null : preselected.id();
        tasks.run(i18n.get("deviation.editor.loading"), p -> loaded(
                Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unitId, ctx.today())
                        .withLaw(ctx.deviationService().defaultLaw(DeviationKind.KVALITETSAVVIKELSE, unitId))),
                this::apply, saves::failed);
    }

    private Loaded loaded(Deviation d) {
        List<Measure> m = d.id() == null ? List.of() : ctx.deviationService().measures(d.id());
        List<AuditEntry> h = d.id() == null ? List.of() : ctx.auditService().history("deviation", d.id());
        List<String> l = d.id() == null ? List.of() : ctx.deviationService().links(d.id()).stream()
                .map(r -> i18n.get(r.outgoing() ? "deviation.link.out" : "deviation.link.in",
                        i18n.get("deviation.linkType." + r.type()), r.otherCaseRef()))
                .toList();
        return new Loaded(d, m, h, l, ctx.organisationService().tree(), ctx.taxonomyService().list(TaxonomyKind.CATEGORY),
                ctx.taxonomyService().list(TaxonomyKind.CAUSE),
                ctx.taxonomyService().list(TaxonomyKind.MEASURE_TYPE),
                ctx.settingsService().preference(SETTING_REFUSE_ID_NUMBERS).map(Boolean::parseBoolean).orElse(false),
                ctx.privacyService().refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.DEVIATION),
                d.id() == null ? List.of() : historyText(h));
    }

    /** The history in plain Swedish, field by field, with the coded values and causes by name. */
    private List<String> historyText(List<AuditEntry> h) {
        java.util.Map<Long, String> causeNames = new java.util.HashMap<>();
        for (Taxonomy t : ctx.taxonomyService().list(TaxonomyKind.CAUSE)) {
            causeNames.put(t.id(), t.name());
        }
        java.util.Map<Long, String> categoryNames = new java.util.HashMap<>();
        for (Taxonomy t : ctx.taxonomyService().list(TaxonomyKind.CATEGORY)) {
            categoryNames.put(t.id(), t.name());
        }
        OrgTree orgTree = ctx.organisationService().tree();
        java.util.Map<String, java.util.function.Function<Object, String>> f = new java.util.HashMap<>();
        f.put("status", v -> enumName(DeviationStatus.class, v));
        f.put("kind", v -> enumName(DeviationKind.class, v));
        f.put("law", v -> enumName(Law.class, v));
        f.put("assessment", v -> enumName(Assessment.class, v));
        f.put("category_id", v -> categoryNames.getOrDefault(((Number) v).longValue(), String.valueOf(v)));
        f.put("unit_id", v -> orgTree.find(((Number) v).longValue()).map(Unit::name).orElse(String.valueOf(v)));
        f.put("causes", v -> String.join(", ", ((java.util.Collection<?>) v).stream()
                .map(x -> causeNames.getOrDefault(((Number) x).longValue(), String.valueOf(x))).toList()));
        return new se.kvalitetshjulet.ui.common.AuditText(i18n, f).lines(h);
    }

    private <E extends Enum<E>> String enumName(Class<E> type, Object v) {
        try {
            return i18n.of(Enum.valueOf(type, String.valueOf(v)));
        } catch (IllegalArgumentException e) {
            return String.valueOf(v);
        }
    }

    private void apply(Loaded l) {
        loadingValues = true;
        try {
            tree.set(l.tree());
            units.setAll(l.tree().all());
            // Retired entries are not offered for new records, but a record keeps showing its own (decision 0015).
            categories.setAll(l.categories().stream().filter(c -> c.active() || (l.deviation().categoryId() != null
                    && c.id() == l.deviation().categoryId())).toList());
            causes.setAll(l.causes().stream().filter(c -> c.active() || l.deviation().causeIds().contains(c.id())).toList());
            measureTypes.setAll(l.measureTypes().stream().filter(c -> c.active() || l.measures().stream()
                    .anyMatch(m -> m.measureTypeId() != null && m.measureTypeId() == c.id())).toList());
            refuseIdNumbers = l.refuse();
            privacyRefuses = l.policyRefuses();
            Deviation d = l.deviation();
            original = d;
            id.set(d.id());
            caseRef.set(d.caseRef() == null ? "" : d.caseRef());
            kind.set(d.kind());
            laws.setAll(d.kind().allowedLaws());
            assessments.setAll(d.kind().assessments());
            law.set(d.law());
            unit.set(l.tree().find(d.unitId()).orElse(null));
            category.set(l.categories().stream().filter(c -> d.categoryId() != null && c.id() == d.categoryId())
                    .findFirst().orElse(null));
            status.set(d.status());
            occurredOn.set(d.occurredOn());
            reportedOn.set(d.reportedOn());
            registeredOn.set(d.registeredOn());
            dueOn.set(d.dueOn());
            reporterRole.set(nz(d.reporterRole()));
            title.set(nz(d.title()));
            description.set(nz(d.description()));
            immediateActions.set(nz(d.immediateActions()));
            facts.set(nz(d.facts()));
            causeText.set(nz(d.causeText()));
            causeIds.clear();
            causeIds.addAll(d.causeIds());
            assessment.set(d.assessment());
            serious.set(d.serious());
            ivoReportedOn.set(d.ivoReportedOn());
            ivoReference.set(nz(d.ivoReference()));
            ivoNotifiers.setAll(se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier.forKind(d.kind()));
            ivoNotifier.set(d.ivoDetails().notifierRole());
            ivoNotifiedBy.set(d.ivoDetails().notifiedBy());
            ivoDecision.set(d.ivoDetails().decision());
            ivoDecisionDate.set(d.ivoDetails().decisionDate());
            historyLines.setAll(l.historyLines());
            allowedBack.setAll(d.id() == null ? List.of() : new ArrayList<>(d.status().allowedBack()));
            measures.setAll(l.measures());
            history.setAll(l.history());
            links.setAll(l.links());
            allowedNext.setAll(d.id() == null ? List.of() : new ArrayList<>(d.status().allowedNext()));
            overdue.set(d.overdue(ctx.today()));
            dirty.set(false);
            ready.set(true);
            problems.set("");
            selectedMeasure.set(null);
            newMeasureDefaults();
        } finally {
            loadingValues = false;
            busy.set(false);
        }
        updatePrivacy();
        updateDerived();
    }

    /** IVO deadline (shown overdue) and the law-versus-unit warning, from the form's current values. */
    private void updateDerived() {
        Deviation d = current();
        ivoRequired.set(DeviationRules.requiresIvo(d));
        LocalDate ivoDue = ctx.deviationService().ivoDueOn(d);
        boolean late = ivoDue != null && d.ivoReportedOn() == null && ivoDue.isBefore(ctx.today());
        ivoOverdue.set(late);
        ivoDeadline.set(ivoDue == null || d.ivoReportedOn() != null ? ""
                : i18n.get(late ? "deviation.ivo.deadlineOverdue" : "deviation.ivo.deadline", ivoDue));
        lawWarning.set(ctx.deviationService().lawWarning(d).map(i18n::problem).orElse(""));
    }

    /** A new record's law follows its unit's verksamhetsområde (LSS unit → LSS) until the user chooses. */
    private void defaultLawFromUnit() {
        if (loadingValues || id.get() != null || kind.get() == null || unit.get() == null) {
            return;
        }
        law.set(ctx.deviationService().defaultLaw(kind.get(), unit.get().id()));
    }

    private void edited() {
        if (loadingValues) {
            return;
        }
        dirty.set(true);
        updatePrivacy();
        Deviation d = current();
        updateDerived();
        problems.set(format(DeviationRules.validate(d, ctx.today())));
    }

    private void updatePrivacy() {
        privacyWarning.set(PrivacyWarnings.text(i18n, ctx.deviationService().privacyFindings(current()),
                refuseIdNumbers || privacyRefuses));
    }

    /** The record as it stands in the form. */
    public Deviation current() {
        Deviation o = original;
        return new Deviation(id.get(), o == null ? null : o.caseRef(), kind.get(), law.get(),
                unit.get() == null ? null : unit.get().id(), category.get() == null ? null : category.get().id(),
                status.get(), occurredOn.get(), reportedOn.get(), registeredOn.get(),
                o == null || o.kind() != kind.get() ? null : o.dueOn(), o == null ? null : o.closedOn(),
                reporterRole.get(), title.get(), description.get(), immediateActions.get(), facts.get(), causeText.get(),
                new ArrayList<>(causeIds), assessment.get(), serious.get(), ivoReportedOn.get(), ivoReference.get(),
                o == null ? null : o.externalSource(), o == null ? null : o.externalId(),
                new se.kvalitetshjulet.domain.deviation.IvoDetails(ivoNotifier.get(), ivoNotifiedBy.get(),
                        ivoDecision.get(), ivoDecisionDate.get()));
    }

    // ---- actions ---------------------------------------------------------------------

    private void save() {
        Deviation d = current();
        if (!privacyConfirmed(d)) {
            return;
        }
        boolean refuse = refuseIdNumbers;
        saves.save(i18n.get("deviation.editor.saving"), p -> ctx.deviationService().save(d, refuse).map(this::loaded),
                this::appliedAndChanged);
    }

    /**
     * Under the "warn" policy: when the text holds what looks like identity numbers, names, phone numbers or
     * addresses, shows them and asks before saving ("Spara ändå" / "Ändra texten", the latter the safe answer).
     * Under "refuse" the service refuses and the problem says what to remove.
     */
    private boolean privacyConfirmed(Deviation d) {
        var findings = ctx.deviationService().privacyFindings(d);
        if (findings.isEmpty() || privacyRefuses || refuseIdNumbers) {
            return true;
        }
        return PrivacyWarnings.confirmSave(dialogs, i18n, findings);
    }

    /**
     * Sends the record back one step, or reopens a closed case: asks for the reason (required) and a
     * confirmation in one dialog, then moves it in one transaction with its audit row.
     */
    public void stepBack(DeviationStatus target) {
        DeviationStatus from = status.get();
        boolean reopen = from == DeviationStatus.AVSLUTAD;
        String prefix = reopen ? "deviation.reopen" : "deviation.stepBack";
        var reason = dialogs.askReason(i18n.get(prefix + ".title", caseRef.get()),
                i18n.get(prefix + ".message", i18n.of(from), i18n.of(target)),
                i18n.get(prefix + ".confirm", i18n.of(target)), i18n.get("common.cancel"), DeviationRules.MIN_REASON_LENGTH);
        if (reason.isEmpty()) {
            return;
        }
        Deviation d = current();
        saves.save(i18n.get("deviation.editor.saving"),
                p -> ctx.deviationService().stepBack(d, target, reason.get()).map(this::loaded), this::appliedAndChanged);
    }

    /** Moves the record to the next status (saving pending edits in the same transaction). */
    public void transition(DeviationStatus next) {
        Deviation d = current();
        if (!privacyConfirmed(d)) {
            return;
        }
        saves.save(i18n.get("deviation.editor.saving"), p -> ctx.deviationService().transition(d, next).map(this::loaded),
                this::appliedAndChanged, text -> i18n.get("deviation.transition.blocked", i18n.of(next)) + "\n" + text);
    }

    private void appliedAndChanged(Loaded l) {
        apply(l);
        onChanged.run();
    }

    /** Links this record to another by case reference (duplicate of / related to). */
    public void link(String otherCaseRef, String type) {
        Long self = id.get();
        if (self == null || otherCaseRef == null || otherCaseRef.isBlank()) {
            return;
        }
        saves.save(i18n.get("deviation.editor.saving"), p -> ctx.deviationService().link(self, otherCaseRef, type)
                .map(v -> loaded(ctx.deviationService().find(self).orElseThrow())), this::apply);
    }

    /** Asks before discarding unsaved edits; returns whether the editor may close. */
    public boolean confirmClose() {
        if (!dirty.get()) {
            return true;
        }
        return dialogs.confirm(i18n.get("deviation.editor.unsavedTitle"), i18n.get("deviation.editor.unsaved"));
    }

    private void newMeasureDefaults() {
        measureWhat.set("");
        measureType.set(null);
        measureResponsible.set("");
        measureDue.set(ctx.today().plusDays(30));
        measureDone.set(null);
        measureEffect.set("");
        measureEffective.set(null);
        measureProblems.set("");
    }

    private void newMeasure() {
        selectedMeasure.set(null);
        newMeasureDefaults();
    }

    private void showMeasure(Measure m) {
        if (m == null) {
            return;
        }
        measureWhat.set(nz(m.what()));
        measureType.set(measureTypes.stream().filter(t -> m.measureTypeId() != null && t.id() == m.measureTypeId())
                .findFirst().orElse(null));
        measureResponsible.set(nz(m.responsible()));
        measureDue.set(m.dueOn());
        measureDone.set(m.doneOn());
        measureEffect.set(nz(m.effectCheck()));
        measureEffective.set(m.effective());
        measureProblems.set("");
    }

    private void saveMeasure() {
        Measure sel = selectedMeasure.get();
        Measure m = new Measure(sel == null ? null : sel.id(), Measure.SOURCE_DEVIATION, id.get(),
                unit.get() == null ? null : unit.get().id(), measureWhat.get(),
                measureType.get() == null ? null : measureType.get().id(), measureResponsible.get(), measureDue.get(),
                measureDone.get(), measureEffect.get(), measureEffective.get());
        long deviationId = id.get();
        measureSaves.save(i18n.get("deviation.editor.saving"),
                p -> ctx.deviationService().saveMeasure(m).map(saved -> ctx.deviationService().measures(deviationId)), list -> {
                    measures.setAll(list);
                    selectedMeasure.set(null);
                    newMeasureDefaults();
                    onChanged.run();
                });
    }

    private void deleteMeasure() {
        Measure sel = selectedMeasure.get();
        if (sel == null || !dialogs.confirm(i18n.get("measure.delete.title"), i18n.get("measure.delete.confirm", sel.what()))) {
            return;
        }
        long deviationId = id.get();
        tasks.run(i18n.get("deviation.editor.saving"), p -> {
            ctx.deviationService().deleteMeasure(sel.id());
            return ctx.deviationService().measures(deviationId);
        }, list -> {
            measures.setAll(list);
            selectedMeasure.set(null);
            newMeasureDefaults();
        }, saves::failed);
    }

    private String format(List<Problem> list) {
        return SaveFlow.distinctLines(i18n).apply(list);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Sets the refuse-identity-numbers policy for this database (an administrator's choice). */
    public void setRefuseIdentityNumbers(boolean refuse) {
        ctx.settingsService().savePreference(SETTING_REFUSE_ID_NUMBERS, Boolean.toString(refuse));
        refuseIdNumbers = refuse;
        updatePrivacy();
    }

    boolean refuseIdentityNumbers() {
        return refuseIdNumbers;
    }

    public ObjectProperty<Long> idProperty() { return id; }
    public StringProperty caseRefProperty() { return caseRef; }
    public ObjectProperty<DeviationKind> kindProperty() { return kind; }
    public ObjectProperty<Law> lawProperty() { return law; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObjectProperty<Taxonomy> categoryProperty() { return category; }
    public ObjectProperty<DeviationStatus> statusProperty() { return status; }
    public ObjectProperty<LocalDate> occurredOnProperty() { return occurredOn; }
    public ObjectProperty<LocalDate> reportedOnProperty() { return reportedOn; }
    public ObjectProperty<LocalDate> registeredOnProperty() { return registeredOn; }
    public ObjectProperty<LocalDate> dueOnProperty() { return dueOn; }
    public StringProperty reporterRoleProperty() { return reporterRole; }
    public StringProperty titleProperty() { return title; }
    public StringProperty descriptionProperty() { return description; }
    public StringProperty immediateActionsProperty() { return immediateActions; }
    public StringProperty factsProperty() { return facts; }
    public StringProperty causeTextProperty() { return causeText; }
    public ObservableSet<Long> causeIds() { return causeIds; }
    public ObjectProperty<Assessment> assessmentProperty() { return assessment; }
    public BooleanProperty seriousProperty() { return serious; }
    public ObjectProperty<LocalDate> ivoReportedOnProperty() { return ivoReportedOn; }
    public StringProperty ivoReferenceProperty() { return ivoReference; }
    public ObservableList<Unit> units() { return units; }
    public ObservableList<Taxonomy> categories() { return categories; }
    public ObservableList<Taxonomy> causes() { return causes; }
    public ObservableList<Taxonomy> measureTypes() { return measureTypes; }
    public ObservableList<Law> laws() { return laws; }
    /** The legal reference of the chosen law valid on the record's date, e.g. "SoL (2001:453)". */
    public javafx.beans.binding.StringBinding citationBinding() { return citation; }
    public ObservableList<Assessment> assessments() { return assessments; }
    public ObservableList<DeviationStatus> allowedNext() { return allowedNext; }
    public ObservableList<DeviationStatus> allowedBack() { return allowedBack; }
    public ObservableList<String> historyLines() { return historyLines; }
    public ObjectProperty<se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier> ivoNotifierProperty() { return ivoNotifier; }
    public ObservableList<se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier> ivoNotifiers() { return ivoNotifiers; }
    public StringProperty ivoNotifiedByProperty() { return ivoNotifiedBy; }
    public StringProperty ivoDecisionProperty() { return ivoDecision; }
    public ObjectProperty<LocalDate> ivoDecisionDateProperty() { return ivoDecisionDate; }
    public StringProperty ivoDeadlineProperty() { return ivoDeadline; }
    public BooleanProperty ivoOverdueProperty() { return ivoOverdue; }
    public StringProperty lawWarningProperty() { return lawWarning; }
    public ObservableList<Measure> measures() { return measures; }
    public ObservableList<AuditEntry> history() { return history; }
    public ObservableList<String> links() { return links; }
    public ObjectProperty<OrgTree> treeProperty() { return tree; }
    public StringProperty problemsProperty() { return problems; }
    public StringProperty privacyWarningProperty() { return privacyWarning; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty readyProperty() { return ready; }
    public BooleanProperty overdueProperty() { return overdue; }
    public BooleanProperty ivoRequiredProperty() { return ivoRequired; }
    public BooleanProperty closeRequestedProperty() { return closeRequested; }
    public ObjectProperty<Measure> selectedMeasureProperty() { return selectedMeasure; }
    public StringProperty measureWhatProperty() { return measureWhat; }
    public ObjectProperty<Taxonomy> measureTypeProperty() { return measureType; }
    public StringProperty measureResponsibleProperty() { return measureResponsible; }
    public ObjectProperty<LocalDate> measureDueProperty() { return measureDue; }
    public ObjectProperty<LocalDate> measureDoneProperty() { return measureDone; }
    public StringProperty measureEffectProperty() { return measureEffect; }
    public ObjectProperty<Boolean> measureEffectiveProperty() { return measureEffective; }
    public StringProperty measureProblemsProperty() { return measureProblems; }
    public Command saveCommand() { return save; }
    public Command saveMeasureCommand() { return saveMeasure; }
    public Command newMeasureCommand() { return newMeasure; }
    public Command deleteMeasureCommand() { return deleteMeasure; }

}
