package se.kvalitetshjulet.ui.risk;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.risk.CauseCategory;
import se.kvalitetshjulet.domain.risk.EventStep;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.risk.RiskEditorViewModel.LinkedDeviation;

/**
 * How the analysis went and what it found about the event: the checklist of the template's steps, the timeline (time and what happened, kept in time order), the
 * underlying causes by category, and the deviations it concerns (linked by case reference, looked up off the FX
 * thread). Changes stay in the form until the analysis is saved.
 */
final class RiskEventForm {
    private final RiskService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final StringProperty problems;

    private final ObservableList<ChecklistStep> steps = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObservableList<UnderlyingCause> causes = FXCollections.observableArrayList();
    private final ObservableList<LinkedDeviation> deviations = FXCollections.observableArrayList();
    private final StringProperty timelineAt = new SimpleStringProperty("");
    private final StringProperty timelineWhat = new SimpleStringProperty("");
    private final ObjectProperty<TimelineEntry> selectedTimeline = new SimpleObjectProperty<>();
    private final ObjectProperty<CauseCategory> causeCategory = new SimpleObjectProperty<>(CauseCategory.KOMMUNIKATION);
    private final StringProperty causeText = new SimpleStringProperty("");
    private final ObjectProperty<UnderlyingCause> selectedCause = new SimpleObjectProperty<>();
    private final StringProperty linkCaseRef = new SimpleStringProperty("");
    private final ObjectProperty<LinkedDeviation> selectedDeviation = new SimpleObjectProperty<>();

    final Command addTimeline;
    final Command removeTimeline;
    final Command addCause;
    final Command removeCause;
    final Command link;
    final Command unlink;

    /**
     * @param problems the editor's problem line (a bad time, an unknown case reference)
     * @param idle     true while the editor is loaded and not busy
     * @param edited   told of every change the user makes here (a step ticked or written, an entry added or removed)
     */
    RiskEventForm(RiskService service, TaskRunner tasks, DialogService dialogs, I18n i18n, StringProperty problems,
                  BooleanBinding idle, Runnable edited) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.problems = problems;
        addTimeline = new Command(this::addTimeline, timelineWhat.isNotEmpty().and(timelineAt.isNotEmpty()).and(idle));
        removeTimeline = new Command(() -> timeline.remove(selectedTimeline.get()), selectedTimeline.isNotNull().and(idle));
        addCause = new Command(this::addCause, causeText.isNotEmpty().and(causeCategory.isNotNull()).and(idle));
        removeCause = new Command(() -> causes.remove(selectedCause.get()), selectedCause.isNotNull().and(idle));
        link = new Command(this::link, linkCaseRef.isNotEmpty().and(idle));
        unlink = new Command(() -> deviations.remove(selectedDeviation.get()), selectedDeviation.isNotNull().and(idle));
        ListChangeListener<Object> listEdited = c -> edited.run();
        for (ObservableList<?> l : List.of(timeline, causes, deviations)) {
            @SuppressWarnings("unchecked")
            ObservableList<Object> ol = (ObservableList<Object>) l;
            ol.addListener(listEdited);
        }
        ChangeListener<Object> stepEdited = (o, a, b) -> edited.run();
        steps.addListener((ListChangeListener<ChecklistStep>) c -> {
            while (c.next()) {
                for (ChecklistStep s : c.getAddedSubList()) {
                    s.doneProperty().addListener(stepEdited);
                    s.textProperty().addListener(stepEdited);
                }
            }
        });
    }

    /** The analysis's steps (one per step of its template), timeline, causes and links are shown anew. */
    void reset(List<String> stepNames, List<EventStep> stored, List<TimelineEntry> entries, List<UnderlyingCause> all,
               List<LinkedDeviation> linked) {
        List<ChecklistStep> models = new ArrayList<>();
        for (int i = 0; i < stepNames.size(); i++) {
            int n = i + 1;
            EventStep s = stored.stream().filter(x -> x.number() == n).findFirst().orElse(new EventStep(n, "", false));
            models.add(new ChecklistStep(n, stepNames.get(i), s.done(), s.text()));
        }
        steps.setAll(models);
        timeline.setAll(entries);
        causes.setAll(all);
        deviations.setAll(linked);
    }

    /** The checklist as it stands in the form. */
    List<EventStep> currentSteps() {
        return steps.stream().map(s -> new EventStep(s.number(), s.textProperty().get(), s.doneProperty().get())).toList();
    }

    private void addTimeline() {
        try {
            LocalDateTime at = LocalDateTime.parse(timelineAt.get().strip(), RiskEditorViewModel.WHEN);
            timeline.add(new TimelineEntry(at, timelineWhat.get().strip()));
            timeline.sort(Comparator.comparing(TimelineEntry::at));
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

    private void link() {
        String ref = linkCaseRef.get().strip();
        tasks.run(i18n.get("risk.loading"), p -> service.deviationByCaseRef(ref), r -> {
            if (!r.ok()) {
                problems.set(SaveFlow.oneALine(i18n).apply(r.problems()));
                return;
            }
            if (deviations.stream().noneMatch(d -> d.id() == r.value())) {
                deviations.add(new LinkedDeviation(r.value(), ref));
            }
            linkCaseRef.set("");
            problems.set("");
        }, dialogs::showUnexpected);
    }

    ObservableList<ChecklistStep> steps() { return steps; }
    ObservableList<TimelineEntry> timeline() { return timeline; }
    ObservableList<UnderlyingCause> causes() { return causes; }
    ObservableList<LinkedDeviation> deviations() { return deviations; }
    StringProperty timelineAtProperty() { return timelineAt; }
    StringProperty timelineWhatProperty() { return timelineWhat; }
    ObjectProperty<TimelineEntry> selectedTimelineProperty() { return selectedTimeline; }
    ObjectProperty<CauseCategory> causeCategoryProperty() { return causeCategory; }
    StringProperty causeTextProperty() { return causeText; }
    ObjectProperty<UnderlyingCause> selectedCauseProperty() { return selectedCause; }
    StringProperty linkCaseRefProperty() { return linkCaseRef; }
    ObjectProperty<LinkedDeviation> selectedDeviationProperty() { return selectedDeviation; }
}
