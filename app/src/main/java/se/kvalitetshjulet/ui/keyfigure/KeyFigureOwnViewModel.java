package se.kvalitetshjulet.ui.keyfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.spc.SpcResult;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.service.keyfigure.KeyFigureService;
import se.kvalitetshjulet.service.keyfigure.Numbers;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.keyfigure.KeyFigureViewModel.UnitChoice;

/**
 * Nyckeltal, the own key figures tab: a figure the organisation measures itself, per unit as a run chart; defining
 * a figure, typing one value (year or month) and importing many from a file.
 */
public final class KeyFigureOwnViewModel {
    private final KeyFigureService keyFigures;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final BooleanProperty busy;
    private final Runnable refreshAll;

    private final ObservableList<OwnFigure> figures = FXCollections.observableArrayList();
    private final ObjectProperty<OwnFigure> figure = new SimpleObjectProperty<>();
    private final ObservableList<UnitChoice> units;
    private final ObjectProperty<UnitChoice> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<ValueSeries> series = new SimpleObjectProperty<>();
    private final StringProperty period = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty n = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    private final Command newOwnFigure;
    private final Command saveOwnValue;
    private final Command importOwn;

    /**
     * @param units      the organisation's units (the screen's list, filled by its refresh)
     * @param busy       the screen's: true while a save or an import runs
     * @param refreshAll reloads the whole screen (after a new figure or an import)
     */
    KeyFigureOwnViewModel(KeyFigureService keyFigures, TaskRunner tasks, DialogService dialogs, I18n i18n,
                          ObservableList<UnitChoice> units, BooleanProperty busy, Runnable refreshAll) {
        this.keyFigures = keyFigures;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.units = units;
        this.busy = busy;
        this.refreshAll = refreshAll;
        var idle = busy.not();
        newOwnFigure = new Command(this::defineFigure, idle);
        saveOwnValue = new Command(this::save, idle.and(figure.isNotNull()).and(unit.isNotNull())
                .and(Bindings.createBooleanBinding(() -> !period.get().isBlank(), period)));
        importOwn = new Command(this::importFile, idle);
        figure.addListener((o, a, f) -> loadSeries());
        unit.addListener((o, a, u) -> loadSeries());
    }

    /** The figure chosen now (read on the FX thread, for the screen's refresh). */
    OwnFigure chosen() {
        return figure.get();
    }

    /**
     * What the screen's refresh read: the figures, and the unit of the first value of the chosen (or first) figure,
     * chosen when no unit is yet.
     */
    void show(List<OwnFigure> all, Long firstUnit) {
        figures.setAll(all);
        if (figure.get() == null && !figures.isEmpty()) {
            figure.set(figures.getFirst());
        }
        if (unit.get() == null && figure.get() != null && firstUnit != null) {
            long id = firstUnit;
            unit.set(units.stream().filter(u -> u.id() == id).findFirst().orElse(null));
        }
    }

    private void loadSeries() {
        OwnFigure f = figure.get();
        UnitChoice u = unit.get();
        if (f == null || u == null) {
            series.set(null);
            return;
        }
        tasks.runLatest("kf.loadOwnSeries", i18n.get("kf.loading"), p -> keyFigures.ownSeries(f, u.id()), series::set,
                dialogs::showUnexpected);
    }

    /** "Name;code;measure[;unit label[;lower is better]]", as the prompt says. */
    private void defineFigure() {
        Optional<String> text = dialogs.askText(i18n.get("kf.own.new"), i18n.get("kf.own.new.prompt"), "");
        if (text.isEmpty()) {
            return;
        }
        String[] p = text.get().split(";");
        OwnFigure.Measure measure = p.length < 3 ? null : switch (p[2].strip().toLowerCase(Locale.ROOT)) {
            case "median" -> OwnFigure.Measure.MEDIAN;
            case "medel", "medelvärde" -> OwnFigure.Measure.MEAN;
            case "andel", "andel (%)" -> OwnFigure.Measure.SHARE;
            case "antal" -> OwnFigure.Measure.COUNT;
            default -> null;
        };
        if (measure == null) {
            dialogs.showError(i18n.get("kf.own.new"), i18n.get("kf.own.new.invalid"));
            return;
        }
        OwnFigure f = new OwnFigure(null, p[0].strip(), p[1].strip(), measure, p.length > 3 ? p[3].strip() : null,
                p.length > 4 && p[4].strip().toLowerCase(Locale.ROOT).startsWith("j"), null);
        tasks.run(i18n.get("kf.saving"), work -> keyFigures.saveOwnFigure(f), (SaveResult<Long> r) -> {
            if (!r.ok()) {
                dialogs.showError(i18n.get("kf.own.new"), String.join(" ", r.problems().stream().map(i18n::problem).toList()));
                return;
            }
            refreshAll.run();
        }, dialogs::showUnexpected);
    }

    private void save() {
        message.set("");
        String typed = period.get().strip();
        int y;
        int m;
        try {
            if (typed.matches("\\d{4}")) {
                y = Integer.parseInt(typed);
                m = 0;
            } else if (typed.matches("\\d{4}-\\d{1,2}")) {
                y = Integer.parseInt(typed.substring(0, 4));
                m = Integer.parseInt(typed.substring(5));
            } else {
                message.set(i18n.get("kf.own.periodHint"));
                return;
            }
        } catch (NumberFormatException e) {
            message.set(i18n.get("kf.own.periodHint"));
            return;
        }
        Double v;
        Integer count;
        try {
            v = Numbers.decimal(value.get());
            count = Numbers.whole(n.get());
        } catch (NumberFormatException e) {
            message.set(e.getMessage());
            return;
        }
        OwnValue ov = new OwnValue(figure.get().id(), unit.get().id(), y, m, v, count);
        busy.set(true);
        tasks.run(i18n.get("kf.saving"), p -> keyFigures.saveOwnValues(List.of(ov)), (SaveResult<Integer> r) -> {
            busy.set(false);
            if (!r.ok()) {
                message.set(String.join(" ", r.problems().stream().map(i18n::problem).toList()));
                return;
            }
            message.set(i18n.get("kf.own.saved", ov.periodLabel()));
            value.set("");
            n.set("");
            loadSeries();
        }, this::failedBusy);
    }

    private void importFile() {
        Optional<Path> file = dialogs.chooseOpenFile(i18n.get("kf.importOwn"), List.of("*.csv", "*.xlsx"));
        if (file.isEmpty()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("kf.importing"), p -> keyFigures.importOwnValues(file.get()), r -> {
            busy.set(false);
            if (!r.ok()) {
                dialogs.showError(i18n.get("kf.importOwn"), String.join("\n", r.errors().stream().limit(20).toList())
                        + "\n" + i18n.get("kf.nothingWritten"));
                return;
            }
            dialogs.showInfo(i18n.get("kf.importOwn"), i18n.get("kf.ownImported", r.rows(), r.changed()));
            refreshAll.run();
        }, this::failedBusy);
    }

    private void failedBusy(Throwable e) {
        busy.set(false);
        dialogs.showUnexpected(e);
    }

    /** The run chart's signals in plain language. */
    public List<String> explain(SpcResult result) {
        return KeyFigureViewModel.explain(i18n, result);
    }

    public ObservableList<OwnFigure> figures() { return figures; }
    public ObjectProperty<OwnFigure> figureProperty() { return figure; }
    public ObservableList<UnitChoice> units() { return units; }
    public ObjectProperty<UnitChoice> unitProperty() { return unit; }
    public ObjectProperty<ValueSeries> seriesProperty() { return series; }
    public StringProperty periodProperty() { return period; }
    public StringProperty valueProperty() { return value; }
    public StringProperty nProperty() { return n; }
    public StringProperty messageProperty() { return message; }
    public Command newOwnFigureCommand() { return newOwnFigure; }
    public Command saveOwnValueCommand() { return saveOwnValue; }
    public Command importOwnCommand() { return importOwn; }
}
