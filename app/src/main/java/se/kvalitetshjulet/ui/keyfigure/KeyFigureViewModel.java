package se.kvalitetshjulet.ui.keyfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.keyfigure.SurveyResult;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.spc.SignalExplainer;
import se.kvalitetshjulet.domain.spc.SpcResult;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.keyfigure.FollowUpService;
import se.kvalitetshjulet.service.keyfigure.KeyFigureService;
import se.kvalitetshjulet.service.keyfigure.UnitKeyFigureService;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Nyckeltal: the KPIs followed, over the years and against the chosen municipalities (dot-and-interval, never a
 * league table); the user survey per unit and question with "what changed"; own key figures per unit; and the
 * aggregated individual follow-up with its form and P chart. All work runs on the injected {@link TaskRunner}.
 * <p>
 * One view model per tab ({@link #kolada()}, {@link #survey()}, {@link #own()}, {@link #followUp()},
 * {@link #perUnit()}, {@link #choices()}); this class loads what they all list in one task and shares the units and
 * the busy flag between them.
 */
public final class KeyFigureViewModel {
    /** A unit to choose, with its path for the combo box. */
    public record UnitChoice(Long id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A survey question to choose. */
    public record QuestionChoice(String code, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final KeyFigureService keyFigures;
    private final OrganisationService organisation;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObservableList<UnitChoice> units = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final KeyFigureKoladaViewModel kolada;
    private final KeyFigureSurveyViewModel survey;
    private final KeyFigureOwnViewModel own;
    private final KeyFigureFollowUpViewModel followUp;
    private final KeyFigureChoiceViewModel choices;
    private final KeyFigureUnitViewModel perUnit;

    public KeyFigureViewModel(KeyFigureService keyFigures, FollowUpService followUps, OrganisationService organisation,
                              UnitKeyFigureService unitKeyFigures,
                              TaskRunner tasks, DialogService dialogs, I18n i18n, Clock clock) {
        this.keyFigures = keyFigures;
        this.organisation = organisation;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        kolada = new KeyFigureKoladaViewModel(keyFigures, tasks, dialogs, i18n, clock, busy, this::refresh);
        survey = new KeyFigureSurveyViewModel(keyFigures, tasks, dialogs, i18n, clock, busy, this::refresh);
        own = new KeyFigureOwnViewModel(keyFigures, tasks, dialogs, i18n, units, busy, this::refresh);
        followUp = new KeyFigureFollowUpViewModel(followUps, tasks, dialogs, i18n, clock, units, busy);
        choices = new KeyFigureChoiceViewModel(keyFigures, tasks, dialogs, i18n, this::refresh);
        perUnit = unitKeyFigures == null ? null
                : new KeyFigureUnitViewModel(unitKeyFigures, keyFigures, tasks, dialogs, i18n, units);
    }

    /** What the screen shows first: everything it lists, loaded in one background task. */
    private record Overview(List<Kpi> followed, String own, String ownName, List<UnitChoice> units,
                            List<SurveyResult> survey, List<Integer> surveyYears, List<OwnFigure> figures,
                            Long firstOwnUnit, List<String> comparisonCodes) { }

    public void refresh() {
        OwnFigure selectedFigure = own.chosen(); // read here: the work never reads a property
        tasks.run(i18n.get("kf.loading"), p -> {
            List<UnitChoice> us = new ArrayList<>();
            var tree = organisation.tree();
            for (Unit u : tree.all()) {
                us.add(new UnitChoice(u.id(), tree.path(u.id())));
            }
            us.sort(Comparator.comparing(UnitChoice::label));
            String ownCode = keyFigures.ownMunicipality().orElse("");
            List<OwnFigure> figs = keyFigures.ownFigures();
            OwnFigure f = selectedFigure != null ? selectedFigure : figs.isEmpty() ? null : figs.getFirst();
            List<OwnValue> vs = f == null ? List.of() : keyFigures.ownValues(f.id(), null, null);
            return new Overview(keyFigures.followed(), ownCode, ownCode.isEmpty() ? "" : keyFigures.municipalityName(ownCode),
                    us, keyFigures.survey(null, null), keyFigures.surveyYears(), figs,
                    vs.isEmpty() ? null : vs.getFirst().unitId(),
                    keyFigures.comparisons().stream().map(ComparisonChoice::code).toList());
        }, o -> {
            units.setAll(o.units());
            survey.show(o.units(), o.survey(), o.surveyYears());
            kolada.show(o.followed(), o.own(), o.ownName(), o.comparisonCodes());
            survey.chooseDefaults();
            own.show(o.figures(), o.firstOwnUnit());
            followUp.loadChart();
        }, dialogs::showUnexpected);
    }

    /** A run or P chart's signals in plain language. */
    static List<String> explain(I18n i18n, SpcResult result) {
        List<String> out = new ArrayList<>();
        if (result != null) {
            new SignalExplainer(i18n.locale()).explainAll(result).forEach(out::addAll);
        }
        return out;
    }

    /** The organisation's units by path, as the last refresh read them (shared by the tabs). */
    public ObservableList<UnitChoice> units() { return units; }
    public BooleanProperty busyProperty() { return busy; }
    public KeyFigureKoladaViewModel kolada() { return kolada; }
    public KeyFigureSurveyViewModel survey() { return survey; }
    public KeyFigureOwnViewModel own() { return own; }
    public KeyFigureFollowUpViewModel followUp() { return followUp; }
    public KeyFigureChoiceViewModel choices() { return choices; }
    /** "Per enhet", or null when the screen was built without the per-unit service. */
    public KeyFigureUnitViewModel perUnit() { return perUnit; }
    public I18n i18n() { return i18n; }
}
