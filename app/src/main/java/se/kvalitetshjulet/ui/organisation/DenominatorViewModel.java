package se.kvalitetshjulet.ui.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.trend.MonthDenominator;
import se.kvalitetshjulet.service.DenominatorService;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Nämnare by hand: one unit's twelve months of care recipients (brukare), care days (vårddygn) and visits
 * (besök) for a chosen year, typed in a grid and saved as a whole, so counts can be charted as rates.
 * Text fields stay text until saving; what is not a whole number is reported per month, in Swedish.
 */
public final class DenominatorViewModel {
    /** One month's row of the grid: the three figures as typed. */
    public static final class MonthRow {
        private final int month;
        private final String name;
        private final StringProperty recipients = new SimpleStringProperty("");
        private final StringProperty careDays = new SimpleStringProperty("");
        private final StringProperty visits = new SimpleStringProperty("");

        MonthRow(int month, String name) {
            this.month = month;
            this.name = name;
        }

        /** 1–12. */
        public int month() { return month; }
        /** The month's name in the user's language ("januari"). */
        public String name() { return name; }
        public StringProperty recipientsProperty() { return recipients; }
        public StringProperty careDaysProperty() { return careDays; }
        public StringProperty visitsProperty() { return visits; }
    }

    private final DenominatorService denominators;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final List<MonthRow> rows = new ArrayList<>(12);
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty validationMessage = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Command save;
    private final Command revert;
    private boolean loading;

    public DenominatorViewModel(DenominatorService denominators, Clock clock, TaskRunner tasks, DialogService dialogs,
            I18n i18n) {
        this.denominators = denominators;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        year.set(LocalDate.now(clock).getYear());
        for (int m = 1; m <= 12; m++) {
            MonthRow row = new MonthRow(m, monthName(m));
            rows.add(row);
            for (StringProperty p : List.of(row.recipients, row.careDays, row.visits)) {
                p.addListener((o, a, b) -> edited());
            }
        }
        var canEdit = Bindings.createBooleanBinding(() -> unit.get() != null, unit).and(busy.not());
        save = new Command(this::save, canEdit.and(dirty));
        revert = new Command(this::load, canEdit.and(dirty));
        unit.addListener((o, a, b) -> load());
        year.addListener((o, a, b) -> {
            if (b == null) {
                year.set(a);
            } else {
                load();
            }
        });
    }

    /**
     * Before the unit or year changes: when there are unsaved figures, asks whether to save them; returns false
     * when the person wants to stay (no: discard; yes: save first).
     */
    public boolean confirmLeave() {
        if (!dirty.get()) {
            return true;
        }
        var answer = dialogs.askUnsaved(i18n.get("denominator.title"), i18n.get("h4.unsaved.denominator"),
                saveCommand().isExecutable());
        if (answer == se.kvalitetshjulet.ui.common.DialogService.Unsaved.SAVE) {
            save();
            return !dirty.get();
        }
        return answer == se.kvalitetshjulet.ui.common.DialogService.Unsaved.DISCARD;
    }

    public void load() {
        Unit u = unit.get();
        int y = year.get();
        validationMessage.set("");
        status.set("");
        if (u == null) {
            fill(y, List.of());
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("denominator.loading"), p -> denominators.year(u.id(), y), months -> {
            busy.set(false);
            if (u.equals(unit.get()) && y == year.get()) {
                fill(y, months);
            }
        }, this::failed);
    }

    private void fill(int y, List<MonthDenominator> months) {
        loading = true;
        try {
            for (int m = 0; m < 12; m++) {
                MonthDenominator d = m < months.size() ? months.get(m) : null;
                MonthRow row = rows.get(m);
                row.recipients.set(text(d == null ? null : d.recipients()));
                row.careDays.set(text(d == null ? null : d.careDays()));
                row.visits.set(text(d == null ? null : d.visits()));
            }
        } finally {
            loading = false;
        }
        dirty.set(false);
        updateSummary();
    }

    private String monthName(int m) {
        return java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, i18n.locale());
    }

    private static String text(Integer v) {
        return v == null ? "" : Integer.toString(v);
    }

    private void edited() {
        if (loading) {
            return;
        }
        dirty.set(true);
        status.set("");
        List<String> errors = new ArrayList<>();
        parse(errors);
        validationMessage.set(String.join("\n", errors));
        updateSummary();
    }

    /** The grid as months, with a message per field that is not a whole number. */
    private List<MonthDenominator> parse(List<String> errors) {
        List<MonthDenominator> months = new ArrayList<>(12);
        int y = year.get();
        for (int m = 0; m < 12; m++) {
            MonthRow r = rows.get(m);
            YearMonth ym = YearMonth.of(y, m + 1);
            months.add(new MonthDenominator(ym, number(r.recipients.get(), ym, "denominator.recipients", errors),
                    number(r.careDays.get(), ym, "denominator.careDays", errors),
                    number(r.visits.get(), ym, "denominator.visits", errors)));
        }
        return months;
    }

    private Integer number(String text, YearMonth ym, String fieldKey, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip().replace(" ", "").replace("\u00a0", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            errors.add(i18n.get("denominator.validation.notNumber", monthName(ym.getMonthValue()),
                    i18n.get(fieldKey), text.strip()));
            return null;
        }
    }

    private void updateSummary() {
        long careDays = 0;
        long visits = 0;
        long recipientSum = 0;
        int recipientMonths = 0;
        for (MonthRow r : rows) {
            Long c = quiet(r.careDays.get());
            Long v = quiet(r.visits.get());
            Long b = quiet(r.recipients.get());
            careDays += c == null ? 0 : c;
            visits += v == null ? 0 : v;
            if (b != null) {
                recipientSum += b;
                recipientMonths++;
            }
        }
        summary.set(recipientMonths == 0 && careDays == 0 && visits == 0 ? i18n.get("denominator.summary.none")
                : i18n.get("denominator.summary", recipientMonths == 0 ? 0 : Math.round((double) recipientSum / recipientMonths),
                        recipientMonths, careDays, visits));
    }

    private static Long quiet(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s.strip().replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void save() {
        Unit u = unit.get();
        if (u == null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        List<MonthDenominator> months = parse(errors);
        if (!errors.isEmpty()) {
            validationMessage.set(String.join("\n", errors));
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("denominator.saving"), p -> denominators.save(u.id(), months),
                (SaveResult<Integer> r) -> {
                    busy.set(false);
                    if (!r.ok()) {
                        validationMessage.set(r.problems().stream().map(pr -> {
                            Object[] args = pr.args().clone();
                            if (args.length > 0 && args[0] instanceof YearMonth ym) {
                                args[0] = monthName(ym.getMonthValue()) + " " + ym.getYear();
                            } else if (args.length > 0 && args[0] instanceof String s && s.matches("\\d{4}-\\d{2}")) {
                                YearMonth ym2 = YearMonth.parse(s);
                                args[0] = monthName(ym2.getMonthValue()) + " " + ym2.getYear();
                            }
                            return i18n.get(pr.messageKey(), args);
                        }).collect(Collectors.joining("\n")));
                        return;
                    }
                    validationMessage.set("");
                    dirty.set(false);
                    status.set(i18n.get("denominator.saved", r.value()));
                }, this::failed);
    }

    private void failed(Throwable t) {
        busy.set(false);
        dialogs.showUnexpected(t);
    }

    public ObjectProperty<Unit> unitProperty() { return unit; }
    public ObjectProperty<Integer> yearProperty() { return year; }
    public List<MonthRow> rows() { return rows; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public StringProperty validationMessageProperty() { return validationMessage; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public Command saveCommand() { return save; }
    public Command revertCommand() { return revert; }
}
