package se.kvalitetshjulet.ui.selfcheck;

import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.app.FailureMessages;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Egenkontroller, the screen as a whole: loads what every tab lists (units, rounds, templates) and hands each tab its
 * own view model — the section chief's self-checks and the form ({@link SelfCheckFormViewModel}), the coordinator's
 * rounds ({@link RoundsViewModel}) with the hand-over by file ({@link HandoverViewModel}), the templates
 * ({@link TemplateListViewModel}) and the compilation of a round ({@link CompilationViewModel}). All database and
 * file work goes through the {@link TaskRunner}; the view drives autosave by calling {@link #autosave()} after a pause.
 */
public final class SelfCheckViewModel {

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
                    AnswerValues.normalise(question.type(), value.get())), value);
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
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final SelfCheckFormViewModel form;
    private final RoundsViewModel roundsTab;
    private final HandoverViewModel handover;
    private final TemplateListViewModel templateList;
    private final ObservableList<Template> templates;

    private final ObjectProperty<RoundRow> compileRound = new SimpleObjectProperty<>();
    private final ObjectProperty<Compilation> compilation = new SimpleObjectProperty<>();
    private final CompilationViewModel compilationDetails;
    private final Bilaga2YearViewModel bilagaYear;
    private final Command exportCompilation;
    private Long pendingUnitId;

    /** h3 (decision 0034): whether this login keeps templates, rounds, the compilation and Bilaga 2. */
    public boolean mayManage() {
        return ctx.permissions().may(se.kvalitetshjulet.domain.org.Permissions.Capability.MANAGE_SELF_CHECKS);
    }

    public SelfCheckViewModel(SelfCheckContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.templateList = new TemplateListViewModel(ctx, tasks, dialogs, i18n, busy, this::refresh);
        this.templates = templateList.templates();
        this.roundsTab = new RoundsViewModel(ctx, tasks, dialogs, i18n, busy, this::refresh, this::failed);
        this.form = new SelfCheckFormViewModel(ctx, tasks, dialogs, i18n, busy, this::failed, roundsTab::reloadResponses);
        this.handover = new HandoverViewModel(ctx, tasks, dialogs, i18n, busy, form, roundsTab, unitId -> {
            pendingUnitId = unitId;
            refresh();
        });
        exportCompilation = new Command(this::exportCompilation, compilation.isNotNull().and(busy.not()));
        compileRound.addListener((o, a, r) -> compile());
        compilationDetails = new CompilationViewModel(ctx.selfCheckService(), ctx.bilaga2Service(), tasks, dialogs, i18n,
                compilation, this::compile);
        bilagaYear = new Bilaga2YearViewModel(ctx.bilaga2Service(), tasks, dialogs, i18n);
    }

    private record Overview(List<Unit> myUnits, List<Unit> allUnits, List<BusinessArea> areas, List<RoundRow> rounds,
                            List<Template> templates) { }

    /** Reloads lists (units, rounds, templates); keeps what is selected when it still exists. */
    public void refresh() {
        tasks.run(i18n.get("selfcheck.loading"), p -> new Overview(ctx.selfCheckService().respondingUnits(),
                ctx.organisationService().tree().all(), ctx.organisationService().businessAreas(), ctx.selfCheckService().rounds(),
                ctx.selfCheckService().templates()), o -> {
                    Unit mine = form.myUnitProperty().get();
                    form.myUnits().setAll(o.myUnits());
                    roundsTab.allUnits().setAll(o.allUnits());
                    roundsTab.areas().setAll(o.areas());
                    RoundRow round = roundsTab.selectedRoundProperty().get();
                    Long roundId = round == null ? null : round.round().id();
                    Long compileId = compileRound.get() == null ? null : compileRound.get().round().id();
                    roundsTab.rounds().setAll(o.rounds());
                    templates.setAll(o.templates());
                    Long wanted = pendingUnitId;
                    pendingUnitId = null;
                    form.chooseUnit(mine, wanted);
                    roundsTab.selectedRoundProperty().set(roundsTab.find(roundId));
                    compileRound.set(roundsTab.find(compileId));
                    if (compileRound.get() == null && !roundsTab.rounds().isEmpty()) {
                        compileRound.set(roundsTab.rounds().getFirst());
                    }
                }, dialogs::showUnexpected);
    }

    static String fileName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9åäö]+", "-").replaceAll("(^-|-$)", "");
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
            dialogs.showError(i18n.get("selfcheck.title"), FailureMessages.explain(e));
        } else {
            dialogs.showUnexpected(e);
        }
    }

    // ---- the tabs --------------------------------------------------------------------

    /** Mina egenkontroller: the section chief's self-checks and the open form. */
    public SelfCheckFormViewModel form() { return form; }
    /** Omgångar: the rounds, their units and the form for a new round. */
    public RoundsViewModel roundsTab() { return roundsTab; }
    /** Formulärfiler and svarsfiler for units without access to the database. */
    public HandoverViewModel handover() { return handover; }
    /** The Mallar tab: templates, their versions, files and the editor. */
    public TemplateListViewModel templateList() { return templateList; }
    /** Comparison, drill-down and Bilaga 2 editing of the compiled round. */
    public CompilationViewModel compilationDetails() { return compilationDetails; }
    /** Bilaga 2 för året: the year's rows across rounds, in the coordinator's order. */
    public Bilaga2YearViewModel bilagaYear() { return bilagaYear; }

    /** Opens a self-check for filling in (see {@link SelfCheckFormViewModel#open}). */
    public void open(long responseId) { form.open(responseId); }
    /** Saves the open form as a draft if anything changed (see {@link SelfCheckFormViewModel#autosave}). */
    public void autosave() { form.autosave(); }
    public ObservableList<QuestionItem> items() { return form.items(); }
    public ObjectProperty<ResponseStatus> formStatusProperty() { return form.formStatusProperty(); }
    public ObservableList<RoundRow> rounds() { return roundsTab.rounds(); }
    public ObservableList<Template> templates() { return templates; }
    public ObjectProperty<RoundRow> compileRoundProperty() { return compileRound; }
    public ObjectProperty<Compilation> compilationProperty() { return compilation; }
    public Command exportCompilationCommand() { return exportCompilation; }
    public I18n i18n() { return i18n; }
}
