package se.kvalitetshjulet.ui.cycle;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.cycle.AnnualActivity;
import se.kvalitetshjulet.domain.cycle.Occurrence;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/** Årshjulet: the year's activities by due date with their status, editing, marking done, iCalendar export. */
public final class AnnualCycleViewModel {
    private final CycleContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final IntegerProperty year = new SimpleIntegerProperty();
    private final ObservableList<Occurrence> occurrences = FXCollections.observableArrayList();
    private final ObjectProperty<Occurrence> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> editingId = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final IntegerProperty month = new SimpleIntegerProperty(1);
    private final IntegerProperty day = new SimpleIntegerProperty(1);
    private final BooleanProperty recurring = new SimpleBooleanProperty(true);
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final StringProperty problems = new SimpleStringProperty("");

    private final Command save;
    private final Command newActivity;
    private final Command toggleDone;
    private final Command exportIcs;
    private final Command previousYear;
    private final Command nextYear;

    public AnnualCycleViewModel(CycleContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        year.set(ctx.today().getYear());
        save = new Command(this::save, title.isNotEmpty());
        newActivity = Command.always(() -> selected.set(null));
        toggleDone = new Command(this::toggleDone, selected.isNotNull());
        exportIcs = Command.always(this::exportIcs);
        previousYear = Command.always(() -> {
            year.set(year.get() - 1);
            load();
        });
        nextYear = Command.always(() -> {
            year.set(year.get() + 1);
            load();
        });
        selected.addListener((o, a, occ) -> {
            problems.set("");
            AnnualActivity act = occ == null ? null : occ.activity();
            editingId.set(act == null ? null : act.id());
            title.set(act == null ? "" : act.title());
            description.set(act == null || act.description() == null ? "" : act.description());
            month.set(act == null ? ctx.today().getMonthValue() : act.dueMonth());
            day.set(act == null ? 1 : act.dueDay());
            recurring.set(act == null || act.recurring());
            active.set(act == null || act.active());
        });
    }

    public void load() {
        int y = year.get();
        Long keep = editingId.get();
        tasks.run(i18n.get("cycle.loading"), p -> ctx.annualCycleService().occurrences(y), list -> {
            occurrences.setAll(list);
            if (keep != null) {
                list.stream().filter(o -> keep.equals(o.activity().id())).findFirst().ifPresent(selected::set);
            }
        }, dialogs::showUnexpected);
    }

    private void save() {
        AnnualActivity a = new AnnualActivity(editingId.get(), title.get(), description.get(), month.get(), day.get(),
                recurring.get(), recurring.get() ? null : year.get(), active.get());
        se.kvalitetshjulet.ui.common.PrivacyQuestion.beforeSave(tasks, dialogs, i18n,
                p -> ctx.annualCycleService().privacyRefuses(),
                java.util.List.of(se.kvalitetshjulet.ui.common.PrivacyQuestion.field(i18n, "cycle.col.title", a.title()),
                        se.kvalitetshjulet.ui.common.PrivacyQuestion.field(i18n, "cycle.description",
                                a.description())),
                () -> tasks.run(i18n.get("cycle.saving"), p -> ctx.annualCycleService().save(a), r -> {
                    if (!r.ok()) {
                        problems.set(String.join("\n", r.problems().stream().map(i18n::problem).toList()));
                        return;
                    }
                    problems.set("");
                    editingId.set(r.value().id());
                    load();
                }, dialogs::showUnexpected));
    }

    private void toggleDone() {
        Occurrence o = selected.get();
        boolean done = o.doneOn() == null;
        tasks.run(i18n.get("cycle.saving"), p -> {
            ctx.annualCycleService().setDone(o.activity().id(), o.year(), done);
            return done;
        }, x -> load(), dialogs::showUnexpected);
    }

    private void exportIcs() {
        int y = year.get();
        dialogs.chooseSaveFile(i18n.get("cycle.export.title"), "arshjul.ics", List.of("*.ics")).ifPresent(path ->
                tasks.run(i18n.get("cycle.export.running"), p -> ctx.annualCycleService().exportIcs(path, y,
                                i18n.get("cycle.calendarName")),
                        n -> dialogs.showInfo(i18n.get("cycle.export.title"), i18n.get("cycle.export.done", n, path)),
                        dialogs::showUnexpected));
    }

    public IntegerProperty yearProperty() { return year; }
    public ObservableList<Occurrence> occurrences() { return occurrences; }
    public ObjectProperty<Occurrence> selectedProperty() { return selected; }
    public StringProperty titleProperty() { return title; }
    public StringProperty descriptionProperty() { return description; }
    public IntegerProperty monthProperty() { return month; }
    public IntegerProperty dayProperty() { return day; }
    public BooleanProperty recurringProperty() { return recurring; }
    public BooleanProperty activeProperty() { return active; }
    public StringProperty problemsProperty() { return problems; }
    public Command saveCommand() { return save; }
    public Command newCommand() { return newActivity; }
    public Command toggleDoneCommand() { return toggleDone; }
    public Command exportIcsCommand() { return exportIcs; }
    public Command previousYearCommand() { return previousYear; }
    public Command nextYearCommand() { return nextYear; }
}
