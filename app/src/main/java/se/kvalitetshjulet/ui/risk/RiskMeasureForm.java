package se.kvalitetshjulet.ui.risk;

import java.time.LocalDate;
import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.domain.risk.MeasureState;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * The åtgärder of a saved analysis: the list and the form of the chosen (or a new) measure — what, responsible, due,
 * done, effect check and whether it worked. Each save (after the privacy question) or delete is its own transaction.
 */
final class RiskMeasureForm {
    private final RiskContext ctx;
    private final RiskService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final SaveFlow saves;
    private final ObservableValue<Long> analysisId;
    private final ObservableValue<Unit> unit;
    private final Runnable onChanged;

    private final ObservableList<Measure> measures = FXCollections.observableArrayList();
    private final ObjectProperty<Measure> selected = new SimpleObjectProperty<>();
    private final StringProperty what = new SimpleStringProperty("");
    private final StringProperty responsible = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> due = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> done = new SimpleObjectProperty<>();
    private final StringProperty effect = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> effective = new SimpleObjectProperty<>();

    final Command save;
    final Command newMeasure;
    final Command delete;

    /**
     * @param analysisId the analysis's id (null until it is saved)
     * @param saved      true while the analysis is saved, loaded and not busy
     * @param idle       true while the editor is loaded and not busy
     */
    RiskMeasureForm(RiskContext ctx, RiskService service, TaskRunner tasks, DialogService dialogs, I18n i18n,
                    SaveFlow saves, ObservableValue<Long> analysisId, ObservableValue<Unit> unit, Runnable onChanged,
                    BooleanBinding saved, BooleanBinding idle) {
        this.ctx = ctx;
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.saves = saves;
        this.analysisId = analysisId;
        this.unit = unit;
        this.onChanged = onChanged;
        save = new Command(this::save, saved);
        newMeasure = new Command(() -> selected.set(null), saved);
        delete = new Command(this::delete, selected.isNotNull().and(idle));
        selected.addListener((o, a, m) -> show(m));
    }

    /** The analysis's measures are shown anew: nothing chosen, an empty form. */
    void reset(List<Measure> all) {
        measures.setAll(all);
        selected.set(null);
        show(null);
    }

    private void show(Measure m) {
        what.set(m == null ? "" : m.what());
        responsible.set(m == null ? "" : m.responsible() == null ? "" : m.responsible());
        due.set(m == null ? null : m.dueOn());
        done.set(m == null ? null : m.doneOn());
        effect.set(m == null ? "" : m.effectCheck() == null ? "" : m.effectCheck());
        effective.set(m == null ? null : m.effective());
    }

    private void save() {
        Measure sel = selected.get();
        long id = analysisId.getValue();
        Measure m = new Measure(sel == null ? null : sel.id(), RiskAnalysis.SOURCE, id,
                unit.getValue() == null ? null : unit.getValue().id(), what.get(), null, responsible.get(),
                due.get(), done.get(), effect.get(), effective.get());
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n,
                p -> ctx.privacyService().refuses(PrivacyPolicy.TextKind.RISK_ANALYSIS),
                List.of(PrivacyQuestion.field(i18n, "measure.field.what", m.what()),
                        PrivacyQuestion.field(i18n, "measure.field.effect", m.effectCheck())),
                () -> saves.save(i18n.get("risk.saving"),
                        p -> service.saveMeasure(m).map(saved -> service.measures(id)), all -> {
                            measures.setAll(all);
                            selected.set(null);
                            show(null);
                            onChanged.run();
                        }));
    }

    private void delete() {
        Measure m = selected.get();
        if (!dialogs.confirm(i18n.get("risk.measure.deleteTitle"), i18n.get("risk.measure.deleteQuestion", m.what()))) {
            return;
        }
        long id = analysisId.getValue();
        tasks.run(i18n.get("risk.saving"), p -> {
            service.deleteMeasure(m.id());
            return service.measures(id);
        }, all -> {
            measures.setAll(all);
            selected.set(null);
        }, dialogs::showUnexpected);
    }

    /** Planned, late, done or checked: how the measure stands today. */
    String state(Measure m) {
        return i18n.of(MeasureState.of(m, ctx.today()));
    }

    ObservableList<Measure> measures() { return measures; }
    ObjectProperty<Measure> selectedProperty() { return selected; }
    StringProperty whatProperty() { return what; }
    StringProperty responsibleProperty() { return responsible; }
    ObjectProperty<LocalDate> dueProperty() { return due; }
    ObjectProperty<LocalDate> doneProperty() { return done; }
    StringProperty effectProperty() { return effect; }
    ObjectProperty<Boolean> effectiveProperty() { return effective; }
}
