package se.kvalitetshjulet.ui.deviation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.StringBinding;
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

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRules;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * One deviation: registration, investigation, assessment, measures, links and history.
 * Required fields follow kind and status (domain rules); workflow steps are offered only
 * when the workflow allows them; free text is checked for identity numbers and names ({@link DeviationPrivacy}).
 * Reading a record is {@link DeviationEditorLoader}, the measures sub-form {@link DeviationMeasureForm}, the IVO
 * fields {@link DeviationIvoFields}.
 */
public final class DeviationEditorViewModel {
    public static final String SETTING_REFUSE_ID_NUMBERS = DeviationEditorLoader.SETTING_REFUSE_ID_NUMBERS;

    private final DeviationContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Runnable onChanged;

    private Deviation original;
    /** The version {@link #original} was read at; a save on it is refused if someone else saved in between. */
    private Long version;
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
    private final DeviationIvoFields ivo = new DeviationIvoFields();
    private final StringProperty lawWarning = new SimpleStringProperty("");
    private final ObservableList<DeviationStatus> allowedBack = FXCollections.observableArrayList();
    private final ObservableList<String> historyLines = FXCollections.observableArrayList();

    private final DeviationChoices choices = new DeviationChoices(law, occurredOn, registeredOn);
    private final ObservableList<DeviationStatus> allowedNext = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final ObservableList<String> links = FXCollections.observableArrayList();
    private final ObjectProperty<OrgTree> tree = new SimpleObjectProperty<>(new OrgTree(List.of()));

    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty privacyWarning = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty overdue = new SimpleBooleanProperty();
    private final BooleanProperty closeRequested = new SimpleBooleanProperty();
    private boolean loadingValues;

    private final DeviationEditorLoader loader;
    private final DeviationPrivacy privacy;
    private final DeviationSteps steps;
    private final DeviationMeasureForm measureForm;
    private final SaveFlow saves;
    private final Command save;
    /** h2: the form's autosaved draft (decision 0027); {@code draftOf} is the id the form was opened with. */
    private final DeviationDraftKeeper drafts;
    private Long draftOf;

    public DeviationEditorViewModel(DeviationContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, Runnable onChanged) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.onChanged = onChanged;
        saves = new SaveFlow(tasks, dialogs, problems, busy, SaveFlow.distinctLines(i18n));
        loader = new DeviationEditorLoader(ctx, i18n);
        privacy = new DeviationPrivacy(ctx, dialogs, i18n);
        measureForm = new DeviationMeasureForm(ctx, tasks, dialogs, i18n, busy, id, unit, onChanged, saves::failed);
        steps = new DeviationSteps(ctx, dialogs, i18n, saves, privacy, this::current, caseRef::get, this::loaded,
                this::apply, this::appliedAndChanged);
        steps.readAt(() -> original, () -> version);
        // h3 (decision 0034): a login that reads cases but registers none (rådsledamot) cannot save or move them
        save = new Command(steps::save, ready.and(busy.not()).and(new javafx.beans.property.SimpleBooleanProperty(mayEdit())));
        drafts = new DeviationDraftKeeper(ctx, tasks, dialogs, i18n);

        ChangeListener<Object> edited = (o, a, b) -> edited();
        for (var p : List.of(kind, law, unit, category, occurredOn, reportedOn, registeredOn, reporterRole, title,
                description, immediateActions, facts, causeText, assessment, serious)) {
            p.addListener(edited);
        }
        ivo.editables().forEach(p -> p.addListener(edited));
        causeIds.addListener((javafx.collections.SetChangeListener<Long>) c -> edited());
        kind.addListener((o, a, k) -> {
            if (k != null) {
                choices.kind(k);
                if (law.get() == null || !k.allowedLaws().contains(law.get())) {
                    law.set(k.defaultLaw());
                }
                if (assessment.get() != null && !k.assessments().contains(assessment.get())) {
                    assessment.set(null);
                }
                ivo.kindChanged(k);
            }
            defaultLawFromUnit();
        });
        unit.addListener((o, a, u) -> defaultLawFromUnit());
        tasks.run(i18n.get("deviation.editor.loading"), p -> ctx.listsService().references(), choices.legalReferences()::setAll, t -> { });
    }

    // ---- loading ---------------------------------------------------------------------

    public void load(long deviationId) {
        busy.set(true);
        tasks.run(i18n.get("deviation.editor.loading"), p -> {
            Deviation d = ctx.deviationService().find(deviationId)
                    .orElseThrow(() -> new IllegalStateException(i18n.get("deviation.editor.missing", deviationId)));
            return loaded(d);
        }, this::applyAndOfferDraft, saves::failed);
    }

    public void startNew(Unit preselected) {
        busy.set(true);
        Long unitId = preselected == null ? null : preselected.id();
        tasks.run(i18n.get("deviation.editor.loading"), p -> loaded(
                Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unitId, ctx.today())
                        .withLaw(ctx.deviationService().defaultLaw(DeviationKind.KVALITETSAVVIKELSE, unitId))),
                this::applyAndOfferDraft, saves::failed);
    }

    private void applyAndOfferDraft(DeviationEditorLoader.Loaded l) {
        apply(l);
        drafts.offer(draftOf = l.deviation().id(), this::fill);
    }

    private DeviationEditorLoader.Loaded loaded(Deviation d) {
        return loader.load(d);
    }

    private void apply(DeviationEditorLoader.Loaded l) {
        loadingValues = true;
        try {
            tree.set(l.tree());
            choices.units().setAll(l.tree().all());
            // Retired entries are not offered for new records, but a record keeps showing its own (decision 0015).
            choices.categories().setAll(l.categories().stream().filter(c -> c.active() || (l.deviation().categoryId() != null
                    && c.id() == l.deviation().categoryId())).toList());
            choices.causes().setAll(l.causes().stream().filter(c -> c.active() || l.deviation().causeIds().contains(c.id())).toList());
            measureForm.types().setAll(l.measureTypes().stream().filter(c -> c.active() || l.measures().stream()
                    .anyMatch(m -> m.measureTypeId() != null && m.measureTypeId() == c.id())).toList());
            privacy.policies(l.refuse(), l.policyRefuses());
            Deviation d = l.deviation();
            original = d;
            version = l.version();
            id.set(d.id());
            caseRef.set(d.caseRef() == null ? "" : d.caseRef());
            status.set(d.status());
            dueOn.set(d.dueOn());
            fillFields(d, l.tree(), l.categories());
            historyLines.setAll(l.historyLines());
            allowedBack.setAll(d.id() == null ? List.of() : new ArrayList<>(d.status().allowedBack()));
            deletable.set(d.id() != null && ctx.deviationService().mayDelete());
            measureForm.measures().setAll(l.measures());
            history.setAll(l.history());
            links.setAll(l.links());
            allowedNext.setAll(d.id() == null ? List.of() : new ArrayList<>(d.status().allowedNext()));
            overdue.set(d.overdue(ctx.today()));
            dirty.set(false);
            ready.set(true);
            problems.set("");
            measureForm.reset();
        } finally {
            loadingValues = false;
            busy.set(false);
        }
        updatePrivacy();
        updateDerived();
    }

    /** The form's editable fields from a record (or a draft of it). */
    private void fillFields(Deviation d, OrgTree t, List<Taxonomy> categories) {
        kind.set(d.kind());
        choices.kind(d.kind());
        law.set(d.law());
        unit.set(t.find(d.unitId()).orElse(null));
        category.set(categories.stream().filter(c -> d.categoryId() != null && c.id() == d.categoryId())
                .findFirst().orElse(null));
        occurredOn.set(d.occurredOn());
        reportedOn.set(d.reportedOn());
        registeredOn.set(d.registeredOn());
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
        ivo.show(d);
    }

    private void fill(Deviation draft) { // "Fortsätt med utkastet": over the record as read, then unsaved
        fillFields(draft, tree.get(), choices.categories());
        edited();
    }

    /** IVO deadline (shown overdue) and the law-versus-unit warning, from the form's current values. */
    private void updateDerived() {
        Deviation d = current();
        ivo.derive(d, ctx.deviationService().ivoDueOn(d), ctx.today(), i18n);
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
        drafts.changed();
        closeAfterSave = false;
        updatePrivacy();
        Deviation d = current();
        updateDerived();
        problems.set(format(DeviationRules.validate(d, ctx.today())));
    }

    private void updatePrivacy() {
        privacyWarning.set(privacy.warning(current()));
    }

    /** The record as it stands in the form. */
    public Deviation current() {
        Deviation o = original;
        return new Deviation(id.get(), o == null ? null : o.caseRef(), kind.get(), law.get(),
                unit.get() == null ? null : unit.get().id(), category.get() == null ? null : category.get().id(),
                status.get(), occurredOn.get(), reportedOn.get(), registeredOn.get(),
                o == null || o.kind() != kind.get() ? null : o.dueOn(), o == null ? null : o.closedOn(),
                reporterRole.get(), title.get(), description.get(), immediateActions.get(), facts.get(), causeText.get(),
                new ArrayList<>(causeIds), assessment.get(), serious.get(), ivo.reportedOnProperty().get(),
                ivo.referenceProperty().get(),
                o == null ? null : o.externalSource(), o == null ? null : o.externalId(),
                ivo.details());
    }

    // ---- actions ---------------------------------------------------------------------

    /**
     * Sends the record back one step, or reopens a closed case: asks for the reason (required) and a
     * confirmation in one dialog, then moves it in one transaction with its audit row.
     */
    public void stepBack(DeviationStatus target) {
        steps.stepBack(status.get(), target);
    }

    /** Moves the record to the next status (saving pending edits in the same transaction). */
    public void transition(DeviationStatus next) {
        steps.transition(next);
    }

    private void appliedAndChanged(DeviationEditorLoader.Loaded l) {
        apply(l);
        drafts.discard(draftOf, l.deviation().id()); // saved: the draft (of a new one, too) is not needed
        draftOf = l.deviation().id();
        onChanged.run();
        if (closeAfterSave && !dirty.get()) {
            closeAfterSave = false;
            closeRequested.set(true);
        }
    }

    /** h4 (decision 0035): whether "Ta bort ärendet …" is offered: a saved case, and a role that may delete. */
    private final BooleanProperty deletable = new SimpleBooleanProperty();

    public BooleanProperty deletableProperty() { return deletable; }

    /**
     * Deletes a case registered by mistake (decision 0035): asks for the reason, naming the case, and on success
     * throws the form and its draft away, tells the register and closes the editor. A refusal (reported to IVO, in an
     * analysis, reviewed by a council …) is shown with what to do instead; nothing is written then.
     */
    public void delete() {
        Long self = id.get();
        Long read = version;
        if (self == null || read == null || !deletable.get()) {
            return;
        }
        String ref = caseRef.get();
        var reason = dialogs.askReason(i18n.get("h4.delete.title", ref),
                i18n.get("h4.delete.message", ref, nz(title.get()), measureForm.measures().size()),
                i18n.get("h4.delete.confirm", ref), i18n.get("common.cancel"),
                se.kvalitetshjulet.service.DeviationService.DELETE_REASON_MIN);
        if (reason.isEmpty()) {
            return;
        }
        saves.save(i18n.get("h4.delete.deleting"), p -> ctx.deviationService().delete(self, read, reason.get()), n -> {
            drafts.discard(draftOf, self);
            dirty.set(false);
            deletable.set(false);
            onChanged.run();
            closeRequested.set(true);
            dialogs.showInfo(i18n.get("lead.delete.doneTitle"), i18n.get("lead.delete.done", ref));
        });
    }

    /** Links this record to another by case reference (duplicate of / related to). */
    public void link(String otherCaseRef, String type) {
        steps.link(id.get(), otherCaseRef, type);
    }

    /** Asks before discarding unsaved edits (Spara / Släng ändringarna / Avbryt); returns whether the editor may close now. */
    public boolean confirmClose() {
        if (!dirty.get()) {
            return true;
        }
        var answer = dialogs.askUnsaved(i18n.get("deviation.editor.unsavedTitle"), i18n.get("h4.unsaved.deviation"),
                save.isExecutable());
        closeAfterSave = answer == se.kvalitetshjulet.ui.common.DialogService.Unsaved.SAVE && save.execute() && dirty.get();
        if (answer == se.kvalitetshjulet.ui.common.DialogService.Unsaved.DISCARD) {
            drafts.discard(draftOf);
        }
        return answer == se.kvalitetshjulet.ui.common.DialogService.Unsaved.DISCARD || answer
                == se.kvalitetshjulet.ui.common.DialogService.Unsaved.SAVE && !dirty.get();
    }

    /** "Spara" in the unsaved-changes question: the window closes once the save is through (h4, issue 18). */
    private boolean closeAfterSave;

    private String format(List<Problem> list) {
        return SaveFlow.distinctLines(i18n).apply(list);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** h3 (decision 0034): whether this login may change deviations (register, save, move in the workflow). */
    public boolean mayEdit() {
        return ctx.permissions().may(se.kvalitetshjulet.domain.org.Permissions.Capability.REGISTER_DEVIATIONS);
    }

    /** Sets the refuse-identity-numbers policy for this database (an administrator's choice). */
    public void setRefuseIdentityNumbers(boolean refuse) {
        privacy.setRefuseIdentityNumbers(refuse);
        updatePrivacy();
    }

    boolean refuseIdentityNumbers() {
        return privacy.refuseIdentityNumbers();
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
    public ObservableList<Unit> units() { return choices.units(); }
    public ObservableList<Taxonomy> categories() { return choices.categories(); }
    public ObservableList<Taxonomy> causes() { return choices.causes(); }
    public ObservableList<Law> laws() { return choices.laws(); }
    /** The legal reference of the chosen law valid on the record's date, e.g. "SoL (2001:453)". */
    public StringBinding citationBinding() { return choices.citation(); }
    public ObservableList<Assessment> assessments() { return choices.assessments(); }
    public ObservableList<DeviationStatus> allowedNext() { return allowedNext; }
    public ObservableList<DeviationStatus> allowedBack() { return allowedBack; }
    public ObservableList<String> historyLines() { return historyLines; }
    public StringProperty lawWarningProperty() { return lawWarning; }
    public ObservableList<AuditEntry> history() { return history; }
    public ObservableList<String> links() { return links; }
    public ObjectProperty<OrgTree> treeProperty() { return tree; }
    public StringProperty problemsProperty() { return problems; }
    public StringProperty privacyWarningProperty() { return privacyWarning; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty readyProperty() { return ready; }
    public BooleanProperty overdueProperty() { return overdue; }
    public BooleanProperty closeRequestedProperty() { return closeRequested; }
    public Command saveCommand() { return save; }
    /** The autosaved draft of this form (decision 0027). */
    public DeviationDraftKeeper drafts() { return drafts; }
    /** The Åtgärder tab: the record's measures and the form of one. */
    DeviationMeasureForm measureForm() { return measureForm; }
    /** The IVO fields (Lex Sarah / Lex Maria notification) and the derived deadline. */
    DeviationIvoFields ivo() { return ivo; }

}
