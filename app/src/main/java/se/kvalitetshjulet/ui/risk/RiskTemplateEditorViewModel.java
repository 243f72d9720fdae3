package se.kvalitetshjulet.ui.risk;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Mallar för risk- och händelseanalys: the list of templates (with how many analyses use each) and the editor of one
 * template: name, kind, the steps to walk through, the matrix size (4×4 or 5×5), the label and description of every
 * probability and consequence level, and the score bands (riskområden) with colours, previewed as a coloured matrix.
 * Validation uses {@link RiskService#validateTemplate}; saving goes through {@link RiskService#saveTemplate}, which keeps
 * a template that analyses use unchanged and saves the edit as a new template. The matrix itself (levels, bands,
 * resizing, the preview's colours) is {@link RiskMatrixDraft}.
 */
public final class RiskTemplateEditorViewModel {
    /** The matrix sizes offered (Socialstyrelsen's 4×4 and the common 5×5). */
    public static final List<Integer> SIZES = List.of(4, 5);

    private final RiskService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Consumer<RiskTemplate> onSaved;

    private final ObservableList<RiskTemplate> templates = FXCollections.observableArrayList();
    private final ObjectProperty<Map<Long, Integer>> usage = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<RiskTemplate> selected = new SimpleObjectProperty<>();

    private final BooleanProperty editing = new SimpleBooleanProperty();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<AnalysisKind> kind = new SimpleObjectProperty<>(AnalysisKind.RISKANALYS);
    private final StringProperty stepsText = new SimpleStringProperty("");
    private final ObjectProperty<Integer> size = new SimpleObjectProperty<>(4);
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final ObservableList<Integer> sizes = FXCollections.observableArrayList(SIZES);
    private final RiskMatrixDraft matrix = new RiskMatrixDraft();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty saveState = new SimpleStringProperty("");
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final Command newTemplate;
    private final Command duplicate;
    private final Command edit;
    private final Command save;
    private final Command addBand;

    private Long editingId;
    private RiskTemplate baseline;
    private boolean loading;

    public RiskTemplateEditorViewModel(RiskService service, TaskRunner tasks, DialogService dialogs, I18n i18n,
                                       Consumer<RiskTemplate> onSaved) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.onSaved = onSaved;
        newTemplate = new Command(this::startNew, busy.not());
        duplicate = new Command(this::duplicateSelected, selected.isNotNull().and(busy.not()));
        edit = new Command(this::editSelected, selected.isNotNull().and(busy.not()));
        save = new Command(this::save, editing.and(busy.not()));
        addBand = new Command(this::addBand, editing);

        for (Observable o : new Observable[] {name, stepsText, active, matrix.probabilities(), matrix.consequences(),
                matrix.bands()}) {
            o.addListener(x -> changed());
        }
        kind.addListener((o, was, k) -> {
            if (!loading && was != null && k != null && steps().equals(defaultSteps(was))) {
                stepsText.set(String.join("\n", defaultSteps(k)));
            }
            changed();
        });
        size.addListener((o, was, now) -> {
            if (!loading && was != null && now != null && !was.equals(now)) {
                matrix.resize(was, now);
            }
        });
    }

    // ---- the list ----------------------------------------------------------------------

    private record Lists(List<RiskTemplate> templates, Map<Long, Integer> usage) { }

    /** Loads the templates and how many analyses use each; selects {@code selectId} when given. */
    public void refresh(Long selectId) {
        tasks.run(i18n.get("risk.loading"), p -> new Lists(service.templates(), service.templateUsage()), l -> {
            usage.set(Map.copyOf(l.usage()));
            templates.setAll(l.templates());
            Long id = selectId != null ? selectId : selected.get() == null ? null : selected.get().id();
            selected.set(templates.stream().filter(t -> t.id().equals(id)).findFirst()
                    .orElse(templates.isEmpty() ? null : templates.getFirst()));
        }, dialogs::showUnexpected);
    }

    public int usage(RiskTemplate t) {
        return t == null || t.id() == null ? 0 : usage.get().getOrDefault(t.id(), 0);
    }

    /** The list line of a template: name, kind, matrix size, use and whether it is offered for new analyses. */
    public String describe(RiskTemplate t) {
        String line = i18n.get("risk.templates.line", t.name(), i18n.of(t.kind()), t.matrix().size(), usage(t));
        return t.active() ? line : line + " · " + i18n.get("risk.templates.retired");
    }

    // ---- opening a template in the editor ----------------------------------------------

    private boolean mayReplace() {
        return !dirty.get() || dialogs.confirm(i18n.get("risk.templates.discardTitle"),
                i18n.get("risk.templates.discardQuestion"));
    }

    /** A new template: Socialstyrelsen's 4×4 matrix and the steps of a risk analysis, to adjust. */
    public void startNew() {
        if (mayReplace()) {
            load(null, new RiskTemplate(null, "", AnalysisKind.RISKANALYS, RiskTemplate.RISK_STEPS,
                    RiskMatrix.socialstyrelsen4x4(), true), i18n.get("risk.templates.newTitle"));
        }
    }

    private void duplicateSelected() {
        RiskTemplate t = selected.get();
        if (mayReplace()) {
            load(null, new RiskTemplate(null, i18n.get("risk.templates.copyOf", t.name()), t.kind(), t.steps(), t.matrix(),
                    true), i18n.get("risk.templates.newTitle"));
        }
    }

    private void editSelected() {
        RiskTemplate t = selected.get();
        if (mayReplace()) {
            load(t.id(), t, i18n.get("risk.templates.editTitle", t.name()));
        }
    }

    private void load(Long id, RiskTemplate t, String title) {
        loading = true;
        try {
            editingId = id;
            heading.set(title);
            name.set(t.name());
            kind.set(t.kind());
            stepsText.set(String.join("\n", t.steps()));
            active.set(t.active());
            RiskMatrix m = t.matrix();
            if (!sizes.contains(m.size())) {
                sizes.add(m.size());
            }
            size.set(m.size());
            matrix.set(m);
            int used = id == null ? 0 : usage.get().getOrDefault(id, 0);
            notice.set(used > 0 ? i18n.get("risk.templates.inUseNotice", used)
                    : id != null && !t.active() ? i18n.get("risk.templates.retiredNotice") : "");
            editing.set(true);
        } finally {
            loading = false;
        }
        baseline = toTemplate();
        saveState.set("");
        changed();
    }

    // ---- editing -----------------------------------------------------------------------

    private void addBand() {
        matrix.addBand(size.get());
    }

    public void removeBand(RiskBandItem b) {
        matrix.bands().remove(b);
    }

    // ---- validation and saving ---------------------------------------------------------

    public List<String> steps() {
        return stepsText.get() == null ? List.of() : stepsText.get().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The template as it would be saved now. */
    public RiskTemplate toTemplate() {
        return new RiskTemplate(editingId, name.get() == null ? "" : name.get().strip(), kind.get(), steps(),
                matrix.toMatrix(size.get()), active.get());
    }

    /** Swedish (or English) messages for everything that stops saving; empty when the template can be saved. */
    public List<String> validate() {
        Set<String> out = new LinkedHashSet<>();
        for (RiskBandItem b : matrix.bands()) {
            if (b.fromValue() == null || b.toValue() == null) {
                out.add(i18n.get("risk.templates.bandNumbers", b.labelProperty().get().strip()));
            }
        }
        if (kind.get() == null) {
            out.add(i18n.get("risk.templates.kindRequired"));
        }
        for (Problem p : RiskService.validateTemplate(toTemplate())) {
            out.add(i18n.problem(p));
        }
        return List.copyOf(out);
    }

    private void changed() {
        if (loading || !editing.get()) {
            return;
        }
        problems.setAll(validate());
        dirty.set(baseline != null && !toTemplate().equals(baseline));
        if (dirty.get()) {
            saveState.set(i18n.get("risk.templates.unsaved"));
        }
        revision.set(revision.get() + 1);
    }

    /** The colour of a preview cell (#rrggbb), or null when no band covers its score. */
    public String cellColour(int probability, int consequence) {
        return matrix.cellColour(probability, consequence);
    }

    /** The name of the band covering a score, or "" when none does. */
    public String bandLabel(int score) {
        return matrix.bandLabel(score);
    }

    private void save() {
        List<String> found = validate();
        if (!found.isEmpty()) {
            problems.setAll(found);
            saveState.set(i18n.get("risk.templates.notSaved", found.size()));
            return;
        }
        RiskTemplate t = toTemplate();
        String label = i18n.get("risk.templates.name").replace("_", "");
        java.util.List<se.kvalitetshjulet.ui.common.PrivacyQuestion.Field> fields = RiskService.templateTexts(t).stream()
                .map(x -> new se.kvalitetshjulet.ui.common.PrivacyQuestion.Field(label, x)).toList();
        se.kvalitetshjulet.ui.common.PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> service.privacyRefusesAnalyses(),
                fields, () -> store(t));
    }

    private void store(RiskTemplate t) {
        int used = t.id() == null ? 0 : usage.get().getOrDefault(t.id(), 0);
        busy.set(true);
        saveState.set(i18n.get("risk.templates.saving"));
        tasks.run(i18n.get("risk.templates.saving"), p -> service.saveTemplate(t), res -> {
            busy.set(false);
            if (!res.ok()) {
                problems.setAll(res.problems().stream().map(i18n::problem).distinct().toList());
                saveState.set(i18n.get("risk.templates.notSaved", res.problems().size()));
                return;
            }
            RiskTemplate saved = res.value();
            boolean copied = t.id() != null && !t.id().equals(saved.id());
            load(saved.id(), saved, i18n.get("risk.templates.editTitle", saved.name()));
            notice.set("");
            saveState.set(i18n.get("risk.templates.saved", saved.name()));
            if (copied) {
                dialogs.showInfo(i18n.get("risk.templates.savedAsNewTitle"),
                        i18n.get("risk.templates.savedAsNew", used, saved.name()));
            }
            refresh(saved.id());
            onSaved.accept(saved);
        }, e -> {
            busy.set(false);
            saveState.set(i18n.get("risk.templates.saveFailed"));
            if (e instanceof IllegalStateException) {
                dialogs.showError(i18n.get("risk.templates.saveFailed"), se.kvalitetshjulet.app.FailureMessages.explain(e));
            } else {
                dialogs.showUnexpected(e);
            }
        });
    }

    /** Whether the window may close: nothing unsaved, or the user agrees to drop the changes. */
    public boolean confirmClose() {
        return mayReplace();
    }

    // ---- helpers -----------------------------------------------------------------------

    private static List<String> defaultSteps(AnalysisKind k) {
        return k == AnalysisKind.HANDELSEANALYS ? RiskTemplate.EVENT_STEPS : RiskTemplate.RISK_STEPS;
    }

    // ---- accessors ---------------------------------------------------------------------

    public ObservableList<RiskTemplate> templates() { return templates; }
    public ObjectProperty<RiskTemplate> selectedProperty() { return selected; }
    public BooleanProperty editingProperty() { return editing; }
    public StringProperty headingProperty() { return heading; }
    public StringProperty noticeProperty() { return notice; }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<AnalysisKind> kindProperty() { return kind; }
    public StringProperty stepsTextProperty() { return stepsText; }
    public ObjectProperty<Integer> sizeProperty() { return size; }
    public ObservableList<Integer> sizes() { return sizes; }
    public BooleanProperty activeProperty() { return active; }
    public ObservableList<RiskLevelItem> probabilities() { return matrix.probabilities(); }
    public ObservableList<RiskLevelItem> consequences() { return matrix.consequences(); }
    public ObservableList<RiskBandItem> bands() { return matrix.bands(); }
    public ObservableList<String> problems() { return problems; }
    public StringProperty saveStateProperty() { return saveState; }
    /** Grows on every change, so the view knows when to redraw the preview. */
    public IntegerProperty revisionProperty() { return revision; }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public Command newCommand() { return newTemplate; }
    public Command duplicateCommand() { return duplicate; }
    public Command editCommand() { return edit; }
    public Command saveCommand() { return save; }
    public Command addBandCommand() { return addBand; }
    public I18n i18n() { return i18n; }
}
