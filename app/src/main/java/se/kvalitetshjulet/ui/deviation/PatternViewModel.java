package se.kvalitetshjulet.ui.deviation;

import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.deviation.PatternReport;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/** Patterns per tertial and year, compared with the same period of earlier years; exportable. */
public final class PatternViewModel {
    private final DeviationContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final IntegerProperty year = new SimpleIntegerProperty();
    /** 0 = whole year, 1–3 = tertial. */
    private final IntegerProperty tertial = new SimpleIntegerProperty();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<PatternReport> report = new SimpleObjectProperty<>();
    private final Command export;

    public PatternViewModel(DeviationContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        int current = ctx.today().getYear();
        for (int y = current; y >= current - 6; y--) {
            years.add(y);
        }
        // Default: the last completed tertial, the period a council reviews.
        int t = Period.tertialOf(ctx.today().getMonthValue()) - 1;
        year.set(t == 0 ? current - 1 : current);
        tertial.set(t == 0 ? 3 : t);
        export = new Command(this::export, report.isNotNull());
        year.addListener((o, a, b) -> load());
        tertial.addListener((o, a, b) -> load());
        unit.addListener((o, a, b) -> load());
    }

    public Period period() {
        return tertial.get() == 0 ? Period.year(year.get()) : Period.tertial(year.get(), tertial.get());
    }

    public void load() {
        Period p = period();
        Long unitId = unit.get() == null ? null : unit.get().id();
        tasks.run(i18n.get("pattern.loading", p.label()), pr -> {
            var tree = ctx.organisationService().tree();
            List<Unit> all = tree.all();
            PatternReport r = ctx.patternService().compute(p, ctx.organisationService().unitScope(unitId, null), ctx.today());
            return new Object[] {all, r};
        }, res -> {
            @SuppressWarnings("unchecked")
            List<Unit> all = (List<Unit>) res[0];
            if (units.isEmpty()) {
                units.setAll(all);
            }
            report.set((PatternReport) res[1]);
        }, dialogs::showUnexpected);
    }

    private void export() {
        PatternReport r = report.get();
        dialogs.chooseSaveFile(i18n.get("pattern.export.title"), "monster-" + r.period().label().replace(' ', '-') + ".xlsx",
                List.of("*.xlsx")).ifPresent(path -> tasks.run(i18n.get("pattern.export.running"), p -> {
                    ctx.patternExporter().export(r, path);
                    return path;
                }, done -> dialogs.showInfo(i18n.get("pattern.export.title"), i18n.get("pattern.export.done", done)),
                dialogs::showUnexpected));
    }

    public IntegerProperty yearProperty() { return year; }
    public IntegerProperty tertialProperty() { return tertial; }
    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObservableList<Unit> units() { return units; }
    public ObservableList<Integer> years() { return years; }
    public ObjectProperty<PatternReport> reportProperty() { return report; }
    public Command exportCommand() { return export; }
}
