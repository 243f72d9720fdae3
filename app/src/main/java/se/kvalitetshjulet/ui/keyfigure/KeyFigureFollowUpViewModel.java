package se.kvalitetshjulet.ui.keyfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.keyfigure.FollowUp;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.domain.keyfigure.FollowUpRules;
import se.kvalitetshjulet.domain.keyfigure.ShareSeries;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.spc.SpcResult;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.service.keyfigure.FollowUpService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.keyfigure.KeyFigureViewModel.UnitChoice;

/**
 * Nyckeltal, the individual follow-up tab: the form of one follow-up (case reference, never a name; four yes/no
 * questions; a remark checked for identifying details), importing many, and the chosen measure as a P chart over
 * two years with the tertial table.
 */
public final class KeyFigureFollowUpViewModel {
    private final FollowUpService followUps;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Clock clock;
    private final BooleanProperty busy;
    private final ObservableList<UnitChoice> units;

    private final StringProperty caseRef = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<UnitChoice> unit = new SimpleObjectProperty<>();
    private final StringProperty insats = new SimpleStringProperty("Hemtjänst");
    private final ObjectProperty<Boolean> planExists = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> planUpToDate = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> meetsDecision = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> wishes = new SimpleObjectProperty<>();
    private final StringProperty remark = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<FollowUpMeasure> measure = new SimpleObjectProperty<>(FollowUpMeasure.PLAN_EXISTS);
    private final ObjectProperty<UnitChoice> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<ShareSeries> series = new SimpleObjectProperty<>();
    private final ObservableList<FollowUpService.TertialRow> tertials = FXCollections.observableArrayList();

    private final Command saveFollowUp;
    private final Command importFollowUps;

    /**
     * @param units the organisation's units (the screen's list, filled by its refresh)
     * @param busy  the screen's: true while a save or an import runs
     */
    KeyFigureFollowUpViewModel(FollowUpService followUps, TaskRunner tasks, DialogService dialogs, I18n i18n, Clock clock,
                               ObservableList<UnitChoice> units, BooleanProperty busy) {
        this.followUps = followUps;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.clock = clock;
        this.units = units;
        this.busy = busy;
        date.set(LocalDate.now(clock));
        saveFollowUp = new Command(this::save, busy.not().and(unit.isNotNull()));
        importFollowUps = new Command(this::importFile, busy.not());
        measure.addListener((o, a, m) -> loadChart());
        scope.addListener((o, a, s) -> loadChart());
    }

    private record ChartLoaded(ShareSeries series, List<FollowUpService.TertialRow> tertials) { }

    /** The chosen measure over the last 24 months and this year's tertials, for the chosen part of the organisation. */
    void loadChart() {
        FollowUpMeasure m = measure.get();
        Long unitId = scope.get() == null ? null : scope.get().id();
        YearMonth end = YearMonth.now(clock);
        int yearNow = end.getYear();
        tasks.runLatest("kf.loadFollowUpChart", i18n.get("kf.loading"), p -> new ChartLoaded(
                followUps.monthly(unitId, null, m, end.minusMonths(23), end), followUps.byTertial(unitId, null, yearNow)),
                r -> {
                    series.set(r.series());
                    tertials.setAll(r.tertials());
                }, dialogs::showUnexpected);
    }

    /** The follow-up being typed in the form. */
    FollowUp formFollowUp() {
        return new FollowUp(null, caseRef.get(), date.get(), unit.get() == null ? -1 : unit.get().id(),
                insats.get(), planExists.get(), planUpToDate.get(), meetsDecision.get(), wishes.get(), remark.get());
    }

    private void save() {
        FollowUp f = formFollowUp();
        // A personnummer in the remark is always refused (FollowUpRules); a name, phone number or address gets the
        // one privacy question (decision 0018).
        List<String> names = FollowUpRules.remarkNameWarnings(f.remark());
        boolean identity = PrivacyCheck.check(f.remark() == null ? "" : f.remark())
                .stream().anyMatch(PrivacyCheck.Finding::identityNumber);
        if (!names.isEmpty() && !identity && !PrivacyQuestion.confirm(dialogs, i18n,
                List.of(PrivacyQuestion.field(i18n, "kf.followUp.remark", f.remark())))) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("kf.saving"), p -> followUps.save(f), (SaveResult<Long> r) -> {
            busy.set(false);
            if (!r.ok()) {
                message.set(String.join(" ", r.problems().stream().map((Problem x) -> i18n.problem(x)).toList()));
                return;
            }
            message.set(i18n.get("kf.followUp.saved", f.caseRef().strip()));
            caseRef.set("");
            remark.set("");
            planExists.set(null);
            planUpToDate.set(null);
            meetsDecision.set(null);
            wishes.set(null);
            loadChart();
        }, this::failedBusy);
    }

    private void importFile() {
        Optional<Path> file = dialogs.chooseOpenFile(i18n.get("kf.importFollowUps"), List.of("*.csv", "*.xlsx"));
        if (file.isEmpty()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("kf.importing"), p -> followUps.importFile(file.get()), r -> {
            busy.set(false);
            if (!r.ok()) {
                dialogs.showError(i18n.get("kf.importFollowUps"), String.join("\n", r.errors().stream().limit(20).toList())
                        + "\n" + i18n.get("kf.nothingWritten"));
                return;
            }
            dialogs.showInfo(i18n.get("kf.importFollowUps"), i18n.get("kf.followUpsImported", r.rows(), r.inserted(),
                    r.unchanged()));
            loadChart();
        }, this::failedBusy);
    }

    private void failedBusy(Throwable e) {
        busy.set(false);
        dialogs.showUnexpected(e);
    }

    /** The P chart's signals in plain language. */
    public List<String> explain(SpcResult result) {
        return KeyFigureViewModel.explain(i18n, result);
    }

    public ObservableList<UnitChoice> units() { return units; }
    public StringProperty caseRefProperty() { return caseRef; }
    public ObjectProperty<LocalDate> dateProperty() { return date; }
    public ObjectProperty<UnitChoice> unitProperty() { return unit; }
    public StringProperty insatsProperty() { return insats; }
    public ObjectProperty<Boolean> planExistsProperty() { return planExists; }
    public ObjectProperty<Boolean> planUpToDateProperty() { return planUpToDate; }
    public ObjectProperty<Boolean> meetsDecisionProperty() { return meetsDecision; }
    public ObjectProperty<Boolean> wishesProperty() { return wishes; }
    public StringProperty remarkProperty() { return remark; }
    public StringProperty messageProperty() { return message; }
    public ObjectProperty<FollowUpMeasure> measureProperty() { return measure; }
    public ObjectProperty<UnitChoice> scopeProperty() { return scope; }
    public ObjectProperty<ShareSeries> seriesProperty() { return series; }
    public ObservableList<FollowUpService.TertialRow> tertials() { return tertials; }
    public Command saveFollowUpCommand() { return saveFollowUp; }
    public Command importFollowUpsCommand() { return importFollowUps; }
}
