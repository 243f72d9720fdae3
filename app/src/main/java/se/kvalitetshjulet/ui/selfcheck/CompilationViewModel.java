package se.kvalitetshjulet.ui.selfcheck;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.selfcheck.AnswerDetail;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.ResultLevel;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundComparison;
import se.kvalitetshjulet.domain.selfcheck.Share;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Sammanställning, the coordinator's deeper look at a compiled round: the comparison with an earlier round of the
 * same template ("Jämför med", by default the latest earlier one), the drill-down into one unit's answers or every
 * unit's answer to one question, and the editing of a unit's Bilaga 2 row (the result phrase and the improved
 * routines, with the derived values shown and a way back to them). Follows the compilation of
 * {@link SelfCheckViewModel}; all work through the {@link TaskRunner}.
 */
public final class CompilationViewModel {
    /** What the drill-down shows: one unit's answers, or every unit's answer to one question. */
    public enum DrillKind { UNIT, QUESTION }

    private final SelfCheckService selfChecks;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final ObjectProperty<Compilation> compilation;
    private final Runnable recompile;

    private final ObservableList<Round> compareChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Round> compareWith = new SimpleObjectProperty<>();
    private final ObjectProperty<RoundComparison> comparison = new SimpleObjectProperty<>();
    private final StringProperty comparisonSummary = new SimpleStringProperty("");
    private Long choicesFor;
    private boolean settingChoices;

    private final ObjectProperty<DrillKind> drillKind = new SimpleObjectProperty<>();
    private final StringProperty drillTitle = new SimpleStringProperty("");
    private final ObservableList<AnswerDetail> drillRows = FXCollections.observableArrayList();

    private final ObservableList<Compilation.UnitResult> bilagaUnits = FXCollections.observableArrayList();
    private final ObjectProperty<Compilation.UnitResult> bilagaUnit = new SimpleObjectProperty<>();
    /** The board's texts of the round's rows as stored (by response), so the table shows what the report prints. */
    private final javafx.collections.ObservableMap<Long, se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts> boardTexts =
            FXCollections.observableHashMap();
    private final ObjectProperty<ResultLevel> bilagaResult = new SimpleObjectProperty<>();
    private final StringProperty bilagaRoutines = new SimpleStringProperty("");
    private final StringProperty bilagaDerivedResult = new SimpleStringProperty("");
    private final StringProperty bilagaDerivedRoutines = new SimpleStringProperty("");
    private final StringProperty bilagaProblems = new SimpleStringProperty("");
    /** The board-shaped texts of the row (issue 21): the unit as the board writes it, the free result, the actions. */
    private final StringProperty bilagaDisplayName = new SimpleStringProperty("");
    private final StringProperty bilagaResultText = new SimpleStringProperty("");
    private final StringProperty bilagaActions = new SimpleStringProperty("");
    private final StringProperty bilagaResultDraft = new SimpleStringProperty("");
    private final StringProperty bilagaActionsDefault = new SimpleStringProperty("");
    private final se.kvalitetshjulet.service.Bilaga2Service bilaga2;
    private int bilagaSeq;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Command saveBilaga;
    private final Command useDerivedResult;
    private final Command useDerivedRoutines;

    public CompilationViewModel(SelfCheckService selfChecks, se.kvalitetshjulet.service.Bilaga2Service bilaga2,
                                TaskRunner tasks, DialogService dialogs, I18n i18n,
                                ObjectProperty<Compilation> compilation, Runnable recompile) {
        this.selfChecks = selfChecks;
        this.bilaga2 = bilaga2;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.compilation = compilation;
        this.recompile = recompile;
        saveBilaga = new Command(this::saveBilaga, bilagaUnit.isNotNull().and(bilagaResult.isNotNull()).and(busy.not()));
        useDerivedResult = new Command(() -> bilagaResult.set(bilagaUnit.get().derivedResult()), bilagaUnit.isNotNull());
        useDerivedRoutines = new Command(() -> bilagaRoutines.set(bilagaUnit.get().derivedRoutines()),
                bilagaUnit.isNotNull());
        compilation.addListener((o, a, c) -> compiled(c));
        compareWith.addListener((o, a, r) -> {
            if (!settingChoices) {
                loadComparison();
            }
        });
        bilagaUnit.addListener((o, a, u) -> showBilaga(u));
    }

    // ---- following the compilation -----------------------------------------------------

    private record Choices(List<Round> rounds, Optional<Round> previous) { }

    private void compiled(Compilation c) {
        Long selectedResponse = bilagaUnit.get() == null ? null : bilagaUnit.get().responseId();
        bilagaUnits.setAll(c == null ? List.of() : c.units().stream().filter(Compilation.UnitResult::submitted).toList());
        bilagaUnit.set(selectedResponse == null ? null : bilagaUnits.stream()
                .filter(u -> u.responseId() == selectedResponse).findFirst().orElse(null));
        loadBoardTexts(c);
        if (c == null) {
            choicesFor = null;
            settingChoices = true;
            compareChoices.clear();
            compareWith.set(null);
            settingChoices = false;
            comparison.set(null);
            comparisonSummary.set("");
            return;
        }
        long roundId = c.round().id();
        if (choicesFor != null && choicesFor == roundId) {
            loadComparison();
            return;
        }
        drillKind.set(null);
        drillTitle.set("");
        drillRows.clear();
        choicesFor = roundId;
        tasks.run(i18n.get("selfcheck.compile.comparing"), p -> new Choices(selfChecks.comparableRounds(roundId),
                selfChecks.previousRound(roundId)), ch -> {
                    if (!current(roundId)) {
                        return;
                    }
                    settingChoices = true;
                    compareChoices.setAll(ch.rounds());
                    compareWith.set(ch.previous().orElse(null));
                    settingChoices = false;
                    loadComparison();
                }, dialogs::showUnexpected);
    }

    private boolean current(long roundId) {
        return compilation.get() != null && compilation.get().round().id() == roundId;
    }

    private void loadComparison() {
        Compilation c = compilation.get();
        Round with = compareWith.get();
        if (c == null || with == null) {
            comparison.set(null);
            comparisonSummary.set(c == null ? "" : i18n.get("selfcheck.compile.compare.none"));
            return;
        }
        long roundId = c.round().id();
        tasks.run(i18n.get("selfcheck.compile.comparing"), p -> selfChecks.compare(roundId, with.id()), cmp -> {
            if (current(roundId) && with.equals(compareWith.get())) {
                comparison.set(cmp);
                comparisonSummary.set(i18n.get("selfcheck.compile.compare.summary", percent(cmp.responseThen()),
                        percent(cmp.responseNow()), points(cmp.responseChangePoints()), percent(cmp.complianceThen()),
                        percent(cmp.complianceNow()), points(cmp.complianceChangePoints())));
            }
        }, dialogs::showUnexpected);
    }

    // ---- drill-down ----------------------------------------------------------------------

    /** Shows every answer of one unit's self-check (with comments, findings and actions). */
    public void drillUnit(Compilation.UnitResult u) {
        if (u == null) {
            return;
        }
        drillKind.set(DrillKind.UNIT);
        drillTitle.set(i18n.get("selfcheck.compile.drill.unit", u.unitName(), i18n.of(u.status())));
        drillRows.clear();
        tasks.run(i18n.get("selfcheck.loading"), p -> selfChecks.unitAnswers(u.responseId()), drillRows::setAll,
                dialogs::showUnexpected);
    }

    /** Shows every unit's answer to one question of the compiled round. */
    public void drillQuestion(Compilation.QuestionStats q) {
        Compilation c = compilation.get();
        if (q == null || c == null) {
            return;
        }
        long roundId = c.round().id();
        drillKind.set(DrillKind.QUESTION);
        drillTitle.set(i18n.get("selfcheck.compile.drill.question", q.text()));
        drillRows.clear();
        tasks.run(i18n.get("selfcheck.loading"), p -> selfChecks.questionAnswers(roundId, q.questionId()),
                drillRows::setAll, dialogs::showUnexpected);
    }

    // ---- Bilaga 2 -------------------------------------------------------------------------

    private void loadBoardTexts(Compilation c) {
        if (c == null || bilaga2 == null) {
            boardTexts.clear();
            return;
        }
        long round = c.round().id();
        tasks.runLatest("compilationBoardTexts", i18n.get("selfcheck.compile.bilaga.loading"),
                p -> bilaga2.allTexts(round), m -> {
                    boardTexts.clear();
                    boardTexts.putAll(m);
                }, dialogs::showUnexpected);
    }

    /** What the report prints as the unit of a row: the board's name, else the unit's. */
    public String boardUnit(Compilation.UnitResult u) {
        var t = boardTexts.get(u.responseId());
        return t == null || t.displayName().isBlank() ? u.unitName() : t.displayName();
    }

    /** What the report prints as the result: the coordinator's words, else the result phrase. */
    public String boardResult(Compilation.UnitResult u) {
        var t = boardTexts.get(u.responseId());
        return t == null || t.resultText().isBlank() ? u.result().phrase() + "." : t.resultText();
    }

    /** What the report prints as the actions: as written, else the self-check's actions. */
    public String boardActions(Compilation.UnitResult u) {
        var t = boardTexts.get(u.responseId());
        return t == null || t.actionsText().isBlank() ? String.join("; ", u.actions()) : t.actionsText();
    }

    public javafx.collections.ObservableMap<Long, se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts> boardTexts() {
        return boardTexts;
    }

    private void showBilaga(Compilation.UnitResult u) {
        bilagaProblems.set("");
        int mine = ++bilagaSeq;
        bilagaDisplayName.set("");
        bilagaResultText.set("");
        bilagaActions.set("");
        if (u == null) {
            bilagaResultDraft.set("");
            bilagaActionsDefault.set("");
            bilagaResult.set(null);
            bilagaRoutines.set("");
            bilagaDerivedResult.set("");
            bilagaDerivedRoutines.set("");
            return;
        }
        bilagaResult.set(u.result());
        bilagaRoutines.set(u.routines());
        bilagaResultDraft.set(se.kvalitetshjulet.service.Bilaga2Service.draftResult(u));
        bilagaActionsDefault.set(String.join("; ", u.actions()));
        Compilation c = compilation.get();
        if (bilaga2 != null && c != null) {
            long round = c.round().id();
            tasks.run(i18n.get("selfcheck.compile.bilaga.loading"), p -> bilaga2.texts(round, u.responseId()), t -> {
                if (mine == bilagaSeq) {
                    bilagaDisplayName.set(t.displayName());
                    bilagaResultText.set(t.resultText());
                    bilagaActions.set(t.actionsText());
                }
            }, e -> dialogs.showUnexpected(e));
        }
        bilagaDerivedResult.set(i18n.get("selfcheck.compile.bilaga.derivedResult", i18n.of(u.derivedResult())));
        bilagaDerivedRoutines.set(i18n.get("selfcheck.compile.bilaga.derivedRoutines",
                u.derivedRoutines().isBlank() ? i18n.get("selfcheck.compile.bilaga.noRoutines") : u.derivedRoutines()));
    }

    private void saveBilaga() {
        Compilation.UnitResult u = bilagaUnit.get();
        ResultLevel result = bilagaResult.get();
        String routines = bilagaRoutines.get();
        se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts board = new se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts(
                bilagaDisplayName.get().strip(), bilagaResultText.get().strip(), bilagaActions.get().strip());
        Compilation c = compilation.get();
        Long round = c == null ? null : c.round().id();
        busy.set(true);
        tasks.run(i18n.get("selfcheck.compile.bilaga.saving"), p -> {
            // The board's texts first (refused with identifying details under the report policy), then the level
            // and the routines: nothing of the row is stored when the texts are refused.
            if (bilaga2 != null && round != null) {
                var texts = bilaga2.saveTexts(u.responseId(), round, board);
                if (!texts.ok()) {
                    return se.kvalitetshjulet.service.SaveResult.<Compilation.UnitResult>rejected(texts.problems());
                }
            }
            return selfChecks.saveBilaga2(u.responseId(), result, routines);
        }, r -> {
                    busy.set(false);
                    if (r.ok()) {
                        bilagaProblems.set("");
                        recompile.run();
                        loadBoardTexts(compilation.getValue()); // an equal compilation fires no change
                    } else {
                        bilagaProblems.set(r.problems().stream().map(x -> i18n.get(x.messageKey(), x.args()))
                                .collect(Collectors.joining("\n")));
                    }
                }, e -> {
                    busy.set(false);
                    if (e instanceof IllegalStateException) {
                        dialogs.showError(i18n.get("selfcheck.compile.bilaga"), se.kvalitetshjulet.app.FailureMessages.explain(e));
                    } else {
                        dialogs.showUnexpected(e);
                    }
                });
    }

    public StringProperty bilagaDisplayNameProperty() { return bilagaDisplayName; }
    public StringProperty bilagaResultTextProperty() { return bilagaResultText; }
    public StringProperty bilagaActionsProperty() { return bilagaActions; }
    /** The result drafted from the answers, shown in the empty box ("16 % av … följer inte rutinen"). */
    public StringProperty bilagaResultDraftProperty() { return bilagaResultDraft; }
    public StringProperty bilagaActionsDefaultProperty() { return bilagaActionsDefault; }

    // ---- presentation helpers ----------------------------------------------------------------

    /** The submitted units with the best compliance first (for the bar chart). */
    public static List<Compilation.UnitResult> byCompliance(Compilation c) {
        return c.units().stream().filter(u -> u.compliance() != null && u.compliance().defined())
                .sorted(Comparator.comparing((Compilation.UnitResult u) -> u.compliance().percent()).reversed()
                        .thenComparing(Compilation.UnitResult::unitName))
                .toList();
    }

    /** "85,7 %", or "–" when there is nothing to divide. */
    public String percent(Share s) {
        return percent(s == null ? null : s.percent());
    }

    /** A percentage (0–100) as "85,7 %", or "–". */
    public String percent(Double p) {
        return p == null ? i18n.get("selfcheck.compile.noValue")
                : i18n.get("selfcheck.compile.percent", i18n.numbers().fixed(p, 1));
    }

    /** "+12,5 p.e." (percentage points), or "–". */
    public String points(Double change) {
        return change == null ? i18n.get("selfcheck.compile.noValue")
                : i18n.get("selfcheck.compile.points", i18n.numbers().signed(change, 1));
    }

    public String number(Double d) {
        return d == null ? "" : i18n.numbers().fixed(d, 1);
    }

    /** An answer as the user picked it: ja/nej in words, several choices separated by commas. */
    public String answerText(AnswerType type, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (type == AnswerType.YES_NO) {
            return i18n.get("selfcheck.yesno." + value);
        }
        return String.join(", ", AnswerValues.split(value));
    }

    public String presence(RoundComparison.Presence p) {
        return switch (p) {
            case BOTH -> "";
            case NEW -> i18n.get("selfcheck.compile.compare.new");
            case REMOVED -> i18n.get("selfcheck.compile.compare.removed");
        };
    }

    // ---- accessors -----------------------------------------------------------------------

    public ObservableList<Round> compareChoices() { return compareChoices; }
    public ObjectProperty<Round> compareWithProperty() { return compareWith; }
    public ObjectProperty<RoundComparison> comparisonProperty() { return comparison; }
    public StringProperty comparisonSummaryProperty() { return comparisonSummary; }
    public ObjectProperty<DrillKind> drillKindProperty() { return drillKind; }
    public StringProperty drillTitleProperty() { return drillTitle; }
    public ObservableList<AnswerDetail> drillRows() { return drillRows; }
    public ObservableList<Compilation.UnitResult> bilagaUnits() { return bilagaUnits; }
    public ObjectProperty<Compilation.UnitResult> bilagaUnitProperty() { return bilagaUnit; }
    public ObjectProperty<ResultLevel> bilagaResultProperty() { return bilagaResult; }
    public StringProperty bilagaRoutinesProperty() { return bilagaRoutines; }
    public StringProperty bilagaDerivedResultProperty() { return bilagaDerivedResult; }
    public StringProperty bilagaDerivedRoutinesProperty() { return bilagaDerivedRoutines; }
    public StringProperty bilagaProblemsProperty() { return bilagaProblems; }
    public Command saveBilagaCommand() { return saveBilaga; }
    public Command useDerivedResultCommand() { return useDerivedResult; }
    public Command useDerivedRoutinesCommand() { return useDerivedRoutines; }
    public ObjectProperty<Compilation> compilationProperty() { return compilation; }
    public I18n i18n() { return i18n; }
}
