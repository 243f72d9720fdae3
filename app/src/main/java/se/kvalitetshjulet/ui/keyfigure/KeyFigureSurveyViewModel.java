package se.kvalitetshjulet.ui.keyfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.keyfigure.SurveyChange;
import se.kvalitetshjulet.domain.keyfigure.SurveyResult;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.keyfigure.Verdict;
import se.kvalitetshjulet.service.keyfigure.KeyFigureService;
import se.kvalitetshjulet.service.keyfigure.SurveyImporter;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.keyfigure.KeyFigureViewModel.QuestionChoice;
import se.kvalitetshjulet.ui.keyfigure.KeyFigureViewModel.UnitChoice;

/**
 * Nyckeltal, the user-survey tab: one question at one unit over the years (small groups suppressed), what changed
 * from one survey to the next with a verdict that says whether the change is clear, and importing a survey file.
 */
public final class KeyFigureSurveyViewModel {
    private final KeyFigureService keyFigures;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Clock clock;
    private final BooleanProperty busy;
    private final Runnable refreshAll;

    private final ObservableList<UnitChoice> units = FXCollections.observableArrayList();
    private final ObjectProperty<UnitChoice> unit = new SimpleObjectProperty<>();
    private final ObservableList<QuestionChoice> questions = FXCollections.observableArrayList();
    private final ObjectProperty<QuestionChoice> question = new SimpleObjectProperty<>();
    private final ObjectProperty<ValueSeries> series = new SimpleObjectProperty<>();
    private final ObservableList<SurveyChange> changes = FXCollections.observableArrayList();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();

    private final Command importSurvey;

    /**
     * @param busy       the screen's: true while an import runs
     * @param refreshAll reloads the whole screen (after an import)
     */
    KeyFigureSurveyViewModel(KeyFigureService keyFigures, TaskRunner tasks, DialogService dialogs, I18n i18n, Clock clock,
                             BooleanProperty busy, Runnable refreshAll) {
        this.keyFigures = keyFigures;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.clock = clock;
        this.busy = busy;
        this.refreshAll = refreshAll;
        importSurvey = new Command(this::importFile, busy.not());
        unit.addListener((o, a, u) -> loadSeries());
        question.addListener((o, a, q) -> loadSeries());
        year.addListener((o, a, y) -> loadChanges());
    }

    /** What the screen's refresh read: the units that have survey results, the questions asked, the survey years. */
    void show(List<UnitChoice> allUnits, List<SurveyResult> survey, List<Integer> surveyYears) {
        List<Long> withSurvey = survey.stream().map(SurveyResult::unitId).distinct().toList();
        units.setAll(allUnits.stream().filter(u -> withSurvey.contains(u.id())).toList());
        List<QuestionChoice> qs = new ArrayList<>();
        for (SurveyResult r : survey) {
            if (qs.stream().noneMatch(q -> q.code().equals(r.questionCode()))) {
                qs.add(new QuestionChoice(r.questionCode(), r.question()));
            }
        }
        questions.setAll(qs);
        years.setAll(surveyYears);
    }

    /** After {@link #show}: the first unit, question and the latest year unless chosen already. */
    void chooseDefaults() {
        if (unit.get() == null && !units.isEmpty()) {
            unit.set(units.getFirst());
        }
        if (question.get() == null && !questions.isEmpty()) {
            question.set(questions.getFirst());
        }
        if (!years.isEmpty()) {
            if (year.get() == null) {
                year.set(years.getLast());
            } else {
                loadChanges();
            }
        }
    }

    private void loadSeries() {
        UnitChoice u = unit.get();
        QuestionChoice q = question.get();
        if (u == null || q == null) {
            series.set(null);
            return;
        }
        tasks.runLatest("kf.loadSurveySeries", i18n.get("kf.loading"), p -> keyFigures.surveySeries(u.id(), q.code()),
                series::set, dialogs::showUnexpected);
    }

    private void loadChanges() {
        Integer y = year.get();
        if (y == null) {
            changes.clear();
            return;
        }
        tasks.runLatest("kf.loadChanges", i18n.get("kf.loading"), p -> keyFigures.whatChanged(null, null, y),
                changes::setAll, dialogs::showUnexpected);
    }

    private void importFile() {
        Optional<Path> file = dialogs.chooseOpenFile(i18n.get("kf.importSurvey"), List.of("*.csv", "*.xlsx", "*.txt"));
        if (file.isEmpty()) {
            return;
        }
        Integer y = dialogs.askText(i18n.get("kf.importSurvey"), i18n.get("kf.askSurveyYear"),
                Integer.toString(LocalDate.now(clock).getYear())).map(String::strip).filter(s -> s.matches("\\d{4}"))
                .map(Integer::valueOf).orElse(null);
        busy.set(true);
        tasks.run(i18n.get("kf.importing"), p -> keyFigures.surveyImporter().importFile(file.get(), y, null, false),
                (SurveyImporter.Result r) -> {
                    busy.set(false);
                    if (!r.ok()) {
                        dialogs.showError(i18n.get("kf.importSurvey"), String.join("\n", r.errors().stream().limit(20).toList())
                                + "\n" + i18n.get("kf.nothingWritten"));
                        return;
                    }
                    dialogs.showInfo(i18n.get("kf.importSurvey"), i18n.get("kf.surveyImported", r.rows(), r.inserted(),
                            r.updated(), r.suppressed()));
                    refreshAll.run();
                }, e -> {
                    busy.set(false);
                    dialogs.showUnexpected(e);
                });
    }

    /** The verdict of a survey change in words. */
    public String changeText(Verdict v) {
        return i18n.get("kf.change." + v.name());
    }

    public ObservableList<UnitChoice> units() { return units; }
    public ObjectProperty<UnitChoice> unitProperty() { return unit; }
    public ObservableList<QuestionChoice> questions() { return questions; }
    public ObjectProperty<QuestionChoice> questionProperty() { return question; }
    public ObjectProperty<ValueSeries> seriesProperty() { return series; }
    public ObservableList<SurveyChange> changes() { return changes; }
    public ObservableList<Integer> years() { return years; }
    public ObjectProperty<Integer> yearProperty() { return year; }
    public Command importSurveyCommand() { return importSurvey; }
}
