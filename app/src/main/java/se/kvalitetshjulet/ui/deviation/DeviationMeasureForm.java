package se.kvalitetshjulet.ui.deviation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * The åtgärder of one deviation: the list, and the form of the chosen (or a new) measure — what, type, responsible,
 * due, done, effect check and whether it worked. Measures can be added only to a saved deviation; each save or
 * delete is its own transaction.
 */
final class DeviationMeasureForm {
    private final DeviationContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final ObservableValue<Long> deviationId;
    private final ObservableValue<Unit> unit;
    private final Runnable onChanged;
    private final Consumer<Throwable> failed;

    private final ObservableList<Measure> measures = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> types = FXCollections.observableArrayList();
    private final ObjectProperty<Measure> selected = new SimpleObjectProperty<>();
    private final StringProperty what = new SimpleStringProperty("");
    private final ObjectProperty<Taxonomy> type = new SimpleObjectProperty<>();
    private final StringProperty responsible = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> due = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> done = new SimpleObjectProperty<>();
    private final StringProperty effect = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> effective = new SimpleObjectProperty<>();
    private final StringProperty problems = new SimpleStringProperty("");

    private final SaveFlow saves;
    final Command save;
    final Command newMeasure;
    final Command delete;

    /**
     * @param deviationId the deviation's id (null until it is saved)
     * @param failed      what to do when deleting fails
     */
    DeviationMeasureForm(DeviationContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, BooleanProperty busy,
                         ObservableValue<Long> deviationId, ObservableValue<Unit> unit, Runnable onChanged,
                         Consumer<Throwable> failed) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.deviationId = deviationId;
        this.unit = unit;
        this.onChanged = onChanged;
        this.failed = failed;
        saves = new SaveFlow(tasks, dialogs, problems, busy, SaveFlow.distinctLines(i18n));
        var saved = Bindings.createBooleanBinding(() -> deviationId.getValue() != null, deviationId);
        save = new Command(this::save, saved.and(busy.not()));
        newMeasure = new Command(this::startNew, saved.and(busy.not()));
        delete = new Command(this::delete, selected.isNotNull().and(busy.not()));
        selected.addListener((o, a, m) -> show(m));
    }

    /** Nothing chosen; the form ready for a new measure due in 30 days. */
    void reset() {
        selected.set(null);
        defaults();
    }

    private void defaults() {
        what.set("");
        type.set(null);
        responsible.set("");
        due.set(ctx.today().plusDays(30));
        done.set(null);
        effect.set("");
        effective.set(null);
        problems.set("");
    }

    private void startNew() {
        selected.set(null);
        defaults();
    }

    private void show(Measure m) {
        if (m == null) {
            return;
        }
        what.set(nz(m.what()));
        type.set(types.stream().filter(t -> m.measureTypeId() != null && t.id() == m.measureTypeId())
                .findFirst().orElse(null));
        responsible.set(nz(m.responsible()));
        due.set(m.dueOn());
        done.set(m.doneOn());
        effect.set(nz(m.effectCheck()));
        effective.set(m.effective());
        problems.set("");
    }

    private void save() {
        Measure sel = selected.get();
        Measure m = new Measure(sel == null ? null : sel.id(), Measure.SOURCE_DEVIATION, deviationId.getValue(),
                unit.getValue() == null ? null : unit.getValue().id(), what.get(),
                type.get() == null ? null : type.get().id(), responsible.get(), due.get(),
                done.get(), effect.get(), effective.get(), sel == null ? null : sel.version()); // decision 0029
        long id = deviationId.getValue();
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n,
                p -> ctx.privacyService().refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.DEVIATION),
                List.of(PrivacyQuestion.field(i18n, "measure.field.what", m.what()),
                        PrivacyQuestion.field(i18n, "measure.field.effect", m.effectCheck())),
                () -> saves.save(i18n.get("deviation.editor.saving"),
                        p -> ctx.deviationService().saveMeasure(m).map(saved -> ctx.deviationService().measures(id)),
                        list -> {
                            measures.setAll(list);
                            reset();
                            onChanged.run();
                        }));
    }

    private void delete() {
        Measure sel = selected.get();
        if (sel == null || !dialogs.confirm(i18n.get("measure.delete.title"),
                i18n.get("measure.delete.confirm", sel.what()))) {
            return;
        }
        long id = deviationId.getValue();
        tasks.run(i18n.get("deviation.editor.saving"), p -> {
            ctx.deviationService().deleteMeasure(sel.id(), sel.version());
            return ctx.deviationService().measures(id);
        }, list -> {
            measures.setAll(list);
            reset();
        }, failed);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    ObservableList<Measure> measures() { return measures; }
    ObservableList<Taxonomy> types() { return types; }
    ObjectProperty<Measure> selectedProperty() { return selected; }
    StringProperty whatProperty() { return what; }
    ObjectProperty<Taxonomy> typeProperty() { return type; }
    StringProperty responsibleProperty() { return responsible; }
    ObjectProperty<LocalDate> dueProperty() { return due; }
    ObjectProperty<LocalDate> doneProperty() { return done; }
    StringProperty effectProperty() { return effect; }
    ObjectProperty<Boolean> effectiveProperty() { return effective; }
    StringProperty problemsProperty() { return problems; }
}
