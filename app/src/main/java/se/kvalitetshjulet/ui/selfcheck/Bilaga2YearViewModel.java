package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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

import se.kvalitetshjulet.domain.selfcheck.Bilaga2Year;
import se.kvalitetshjulet.service.Bilaga2Service;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Egenkontroller → "Bilaga 2 för året": the year's Bilaga 2 rows across all rounds, in the order the
 * kvalitetsberättelse prints them, and the coordinator's own order of them within each verksamhetsområde (issue 21).
 * Moves change the list only; "Spara ordningen" stores the year-wide positions in one transaction. The report reads
 * the same rows through the same service, so what is shown here is what the board gets.
 */
public final class Bilaga2YearViewModel {
    private final Bilaga2Service service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObservableList<Bilaga2Year.Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Bilaga2Year.Line> unanswered = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final Command moveUp;
    private final Command moveDown;
    private final Command save;
    private final Command revert;
    private final Command byCheckAndUnit;
    /** The order as stored (response ids), to tell whether the list has unsaved moves. */
    private List<Long> stored = List.of();
    private Integer shownYear;
    private boolean switching;

    public Bilaga2YearViewModel(Bilaga2Service service, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        BooleanBinding canUp = Bindings.createBooleanBinding(() -> canMove(-1), selected, lines);
        BooleanBinding canDown = Bindings.createBooleanBinding(() -> canMove(1), selected, lines);
        moveUp = new Command(() -> move(-1), canUp.and(busy.not()));
        moveDown = new Command(() -> move(1), canDown.and(busy.not()));
        save = new Command(this::save, dirty.and(busy.not()));
        revert = new Command(this::load, dirty.and(busy.not()));
        byCheckAndUnit = new Command(this::byCheckAndUnit, Bindings.isNotEmpty(lines).and(busy.not()));
        year.addListener((o, before, y) -> yearChosen(before, y));
        lines.addListener((javafx.collections.ListChangeListener<Bilaga2Year.Line>) c -> updateStatus());
        dirty.addListener((o, a, b) -> updateStatus());
    }

    /** Reads the years with rounds, keeps the chosen one when it is still there (else the newest), and loads it. */
    public void refresh() {
        tasks.run(i18n.get("selfcheck.bilagaYear.loading"), p -> service.years(), ys -> {
            Integer keep = year.get();
            years.setAll(ys);
            Integer pick = keep != null && ys.contains(keep) ? keep : ys.isEmpty() ? null : ys.get(0);
            if (Objects.equals(pick, year.get())) {
                if (!dirty.get()) {
                    load();
                }
            } else {
                year.set(pick);
            }
        }, dialogs::showUnexpected);
    }

    private void yearChosen(Integer before, Integer y) {
        if (switching || Objects.equals(before, shownYear) && Objects.equals(y, shownYear)) {
            return;
        }
        if (dirty.get() && before != null) {
            DialogService.Unsaved answer = dialogs.askUnsaved(i18n.get("selfcheck.bilagaYear.title"),
                    i18n.get("selfcheck.bilagaYear.unsaved", Integer.toString(before)), true);
            if (answer == DialogService.Unsaved.CANCEL) {
                switching = true;
                year.set(before);
                switching = false;
                return;
            }
            if (answer == DialogService.Unsaved.SAVE) {
                List<Long> order = ids(lines);
                busy.set(true);
                tasks.run(i18n.get("selfcheck.bilagaYear.saving"), p -> {
                    service.orderYear(order);
                    return null;
                }, v -> {
                    busy.set(false);
                    dirty.set(false);
                    load();
                }, this::failed);
                return;
            }
        }
        dirty.set(false);
        load();
    }

    /** Reads the chosen year's rows as the report would print them (latest request wins). */
    public void load() {
        Integer y = year.get();
        if (y == null) {
            shownYear = null;
            lines.clear();
            unanswered.clear();
            stored = List.of();
            dirty.set(false);
            updateStatus();
            return;
        }
        tasks.runLatest("bilaga2Year", i18n.get("selfcheck.bilagaYear.loading"), p -> service.year(y, null), r -> {
            Long keep = selected.get() >= 0 && selected.get() < lines.size() && Objects.equals(shownYear, y)
                    ? lines.get(selected.get()).responseId() : null;
            shownYear = y;
            lines.setAll(r.rows());
            unanswered.setAll(r.unanswered());
            stored = ids(r.rows());
            dirty.set(false);
            selected.set(keep == null ? -1 : indexOf(keep));
            updateStatus();
        }, dialogs::showUnexpected);
    }

    private boolean canMove(int delta) {
        int i = selected.get();
        return i >= 0 && i < lines.size() && Bilaga2Year.move(lines, i, delta) != lines;
    }

    private void move(int delta) {
        int i = selected.get();
        List<Bilaga2Year.Line> moved = Bilaga2Year.move(new ArrayList<>(lines), i, delta);
        if (moved.size() == lines.size()) {
            lines.setAll(moved);
            selected.set(i + delta);
            dirty.set(!ids(lines).equals(stored));
        }
    }

    /** Sorts the year's rows by check and unit within each area (the order before the coordinator set one). */
    private void byCheckAndUnit() {
        Long keep = selected.get() >= 0 && selected.get() < lines.size() ? lines.get(selected.get()).responseId() : null;
        List<String> areas = lines.stream().map(Bilaga2Year.Line::area).distinct().toList();
        List<Bilaga2Year.Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt((Bilaga2Year.Line l) -> areas.indexOf(l.area()))
                .thenComparing(Bilaga2Year.Line::check).thenComparing(Bilaga2Year.Line::unit));
        lines.setAll(sorted);
        selected.set(keep == null ? -1 : indexOf(keep));
        dirty.set(!ids(lines).equals(stored));
    }

    private void save() {
        List<Long> order = ids(lines);
        busy.set(true);
        tasks.run(i18n.get("selfcheck.bilagaYear.saving"), p -> {
            service.orderYear(order);
            return null;
        }, v -> {
            busy.set(false);
            stored = order;
            dirty.set(false);
            updateStatus();
            load();
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof IllegalStateException) {
            dialogs.showError(i18n.get("selfcheck.bilagaYear.title"), se.kvalitetshjulet.app.FailureMessages.explain(e));
            load();
        } else {
            dialogs.showUnexpected(e);
        }
    }

    private void updateStatus() {
        if (year.get() == null) {
            status.set(i18n.get("selfcheck.bilagaYear.noRounds"));
            return;
        }
        String s = i18n.get("selfcheck.bilagaYear.count", Integer.toString(lines.size()),
                Integer.toString(unanswered.size()));
        status.set(dirty.get() ? s + " " + i18n.get("selfcheck.bilagaYear.notSaved") : s);
    }

    private int indexOf(long responseId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).responseId() == responseId) {
                return i;
            }
        }
        return -1;
    }

    private static List<Long> ids(List<Bilaga2Year.Line> ls) {
        return ls.stream().map(Bilaga2Year.Line::responseId).toList();
    }

    public ObservableList<Integer> years() { return years; }
    public ObjectProperty<Integer> yearProperty() { return year; }
    /** The submitted rows, in the order the report will print them (with unsaved moves). */
    public ObservableList<Bilaga2Year.Line> lines() { return lines; }
    /** Forms of the year not submitted: listed apart in the report, never as results. */
    public ObservableList<Bilaga2Year.Line> unanswered() { return unanswered; }
    /** The index of the chosen row in {@link #lines()}, -1 for none. */
    public IntegerProperty selectedProperty() { return selected; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public StringProperty statusProperty() { return status; }
    public Command moveUpCommand() { return moveUp; }
    public Command moveDownCommand() { return moveDown; }
    public Command saveCommand() { return save; }
    public Command revertCommand() { return revert; }
    public Command byCheckAndUnitCommand() { return byCheckAndUnit; }
}
