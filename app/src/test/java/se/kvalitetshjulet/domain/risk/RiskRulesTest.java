package se.kvalitetshjulet.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Measure;

class RiskRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final RiskMatrix four = RiskMatrix.socialstyrelsen4x4();
    private final RiskMatrix five = RiskMatrix.fiveByFive();

    @Test
    void fourByFourScoresAreProductsWithTheDefaultBands() {
        assertThat(four.validate()).isEmpty();
        assertThat(four.score(1, 1)).isEqualTo(1);
        assertThat(four.score(3, 4)).isEqualTo(12);
        assertThat(four.band(2).code()).isEqualTo("LAG");
        assertThat(four.band(four.score(2, 2)).code()).isEqualTo("MEDEL");
        assertThat(four.band(four.score(2, 3)).code()).isEqualTo("HOG");
        assertThat(four.band(four.score(3, 3)).code()).isEqualTo("MYCKET_HOG");
        assertThat(four.band(16).label()).isEqualTo("Mycket hög");
        assertThat(four.consequence(4).label()).isEqualTo("Katastrofal");
        assertThat(four.probability(4).description()).contains("dagligen");
        assertThat(four.band(null, 2)).isEmpty();
        assertThatThrownBy(() -> four.score(5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTemplateIsNamedWithItsMatrixSizeUnlessTheNameSaysIt() {
        RiskTemplate plain = new RiskTemplate(1L, "Riskanalys", AnalysisKind.RISKANALYS, List.of(), four, true);
        RiskTemplate named = new RiskTemplate(2L, "Riskanalys 5×5 för boenden", AnalysisKind.RISKANALYS, List.of(), five, true);
        RiskTemplate wrong = new RiskTemplate(3L, "Riskanalys 4×4", AnalysisKind.RISKANALYS, List.of(), five, true);
        assertThat(plain.nameWithSize()).isEqualTo("Riskanalys (4×4)");
        assertThat(named.nameWithSize()).isEqualTo("Riskanalys 5×5 för boenden");
        assertThat(wrong.nameWithSize()).isEqualTo("Riskanalys 4×4 (5×5)");
    }

    @Test
    void fiveByFiveCoversOneToTwentyFive() {
        assertThat(five.validate()).isEmpty();
        assertThat(five.maxScore()).isEqualTo(25);
        assertThat(five.band(five.score(5, 5)).code()).isEqualTo("MYCKET_HOG");
        assertThat(five.band(five.score(2, 2)).code()).isEqualTo("LAG");
        assertThat(five.band(five.score(3, 3)).code()).isEqualTo("MEDEL");
        assertThat(five.band(five.score(3, 4)).code()).isEqualTo("HOG");
        assertThat(five.inRange(5)).isTrue();
        assertThat(four.inRange(5)).isFalse();
    }

    @Test
    void bandsWithGapsOverlapsOrShortRangeAreRejected() {
        List<ScoreBand> gap = List.of(new ScoreBand("LAG", "Låg", 1, 2, "#00ff00"), new ScoreBand("HOG", "Hög", 4, 16, "#ff0000"));
        assertThat(keys(new RiskMatrix(4, four.probabilities(), four.consequences(), gap).validate()))
                .containsExactly("risk.matrix.validation.gap");
        List<ScoreBand> overlap = List.of(new ScoreBand("LAG", "Låg", 1, 5, "#00ff00"), new ScoreBand("HOG", "Hög", 4, 16, "#ff0000"));
        assertThat(keys(new RiskMatrix(4, four.probabilities(), four.consequences(), overlap).validate()))
                .containsExactly("risk.matrix.validation.overlap");
        List<ScoreBand> shortRange = List.of(new ScoreBand("LAG", "Låg", 1, 9, "#00ff00"));
        assertThat(keys(new RiskMatrix(4, four.probabilities(), four.consequences(), shortRange).validate()))
                .containsExactly("risk.matrix.validation.range");
        assertThat(keys(new RiskMatrix(5, four.probabilities(), four.consequences(), five.bands()).validate()))
                .contains("risk.matrix.validation.axisLength");
        List<ScoreBand> badColour = List.of(new ScoreBand("LAG", "Låg", 1, 16, "grön"));
        assertThat(keys(new RiskMatrix(4, four.probabilities(), four.consequences(), badColour).validate()))
                .containsExactly("risk.matrix.validation.bandColour");
    }

    @Test
    void individualAnalysesRecurEveryHalfYearUntilASuccessorExists() {
        LocalDate analysed = LocalDate.of(2026, 5, 23);
        assertThat(RiskRules.nextRecurrence(AnalysisLevel.INDIVID, analysed)).contains(LocalDate.of(2026, 11, 23));
        assertThat(RiskRules.recurrenceDue(AnalysisLevel.INDIVID, analysed, false, TODAY)).isTrue();
        assertThat(RiskRules.recurrenceDue(AnalysisLevel.INDIVID, analysed.plusDays(1), false, TODAY)).isFalse();
        assertThat(RiskRules.recurrenceDue(AnalysisLevel.INDIVID, analysed, true, TODAY)).isFalse();
        assertThat(RiskRules.nextRecurrence(AnalysisLevel.ENHET, analysed)).isEmpty();
        assertThat(RiskRules.recurrenceDue(AnalysisLevel.ENHET, analysed.minusYears(2), false, TODAY)).isFalse();
        assertThat(RiskRules.followUpDue(AnalysisStatus.BESLUTAD, TODAY, TODAY)).isTrue();
        assertThat(RiskRules.followUpDue(AnalysisStatus.UPPFOLJD, TODAY, TODAY)).isFalse();
    }

    @Test
    void aRecurrenceStartsFromTheResidualScoresAndPointsBack() {
        RiskAnalysis a = draft().withRisks(List.of(new Risk(7L, "Fall", "", "", 3, 3, 2, 3),
                new Risk(8L, "Förväxling", "", "", 2, 2, null, null)));
        RiskAnalysis next = a.withId(5L).recurrence(TODAY);
        assertThat(next.previousId()).isEqualTo(5L);
        assertThat(next.status()).isEqualTo(AnalysisStatus.UTKAST);
        assertThat(next.risks()).extracting(Risk::id).containsOnlyNulls();
        assertThat(next.risks().get(0).probability()).isEqualTo(2);
        assertThat(next.risks().get(1).probability()).isEqualTo(2);
        assertThat(next.analysedOn()).isEqualTo(TODAY);
    }

    @Test
    void decidingNeedsScoredRisksAndMeasuresOrAReason() {
        RiskAnalysis a = draft().withRisks(List.of(new Risk(null, "Fall", "", "", 3, null, null, null)));
        assertThat(keys(RiskRules.checkDecision(a, four, List.of(), "Enhetschef", TODAY)))
                .containsExactlyInAnyOrder("risk.validation.unscored", "risk.validation.measuresOrReason");
        RiskAnalysis scored = a.withRisks(List.of(new Risk(null, "Fall", "", "", 3, 2, null, null)));
        assertThat(keys(RiskRules.checkDecision(scored, four, List.of(), " ", TODAY)))
                .contains("risk.validation.decidedByRequired");
        RiskAnalysis noMeasures = new RiskAnalysis(null, 1L, AnalysisKind.RISKANALYS, AnalysisStatus.UTKAST, "Flytt",
                AnalysisLevel.ENHET, 3L, RiskTrigger.FLYTT, TODAY, "", "", "Lokalen möter behovet bättre.", "", null,
                null, null, null, scored.risks(), List.of(), List.of(), List.of(), List.of());
        assertThat(RiskRules.checkDecision(noMeasures, four, List.of(), "Enhetschef", TODAY)).isEmpty();
        Measure m = new Measure(1L, RiskAnalysis.SOURCE, 1L, 3L, "Ny rutin", null, "Chef", TODAY, null, null, null);
        assertThat(keys(RiskRules.checkDecision(scored, four, List.of(m), "Enhetschef", TODAY)))
                .containsExactly("risk.validation.followUpRequired");
        assertThat(keys(RiskRules.checkDecision(noMeasures.withStatus(AnalysisStatus.BESLUTAD), four, List.of(),
                "Enhetschef", TODAY))).containsExactly("risk.validation.alreadyDecided");
    }

    @Test
    void anEventAnalysisNeedsADeviationAndCausesToBeDecided() {
        RiskTemplate t = new RiskTemplate(2L, "Händelseanalys", AnalysisKind.HANDELSEANALYS, RiskTemplate.EVENT_STEPS,
                four, true);
        RiskAnalysis e = RiskAnalysis.newDraft(t, 3L, TODAY);
        assertThat(e.steps()).hasSize(8);
        assertThat(keys(RiskRules.checkDecision(e, four, List.of(), "MAS", TODAY))).contains(
                "risk.validation.titleRequired", "risk.validation.noDeviation", "risk.validation.noCauses")
                .doesNotContain("risk.validation.noRisks", "risk.validation.triggerRequired");
    }

    @Test
    void followUpNeedsEveryMeasureDoneWithItsEffectChecked() {
        RiskAnalysis decided = draft().withStatus(AnalysisStatus.BESLUTAD);
        Measure open = new Measure(1L, RiskAnalysis.SOURCE, 1L, 3L, "Utbildning", null, "Chef", TODAY, TODAY, null, null);
        Measure checked = new Measure(2L, RiskAnalysis.SOURCE, 1L, 3L, "Rutin", null, "Chef", TODAY, TODAY, "Inga fall", true);
        assertThat(keys(RiskRules.checkFollowUp(decided, List.of(open, checked)))).containsExactly("risk.validation.measuresOpen");
        assertThat(RiskRules.checkFollowUp(decided, List.of(checked))).isEmpty();
        assertThat(keys(RiskRules.checkFollowUp(draft(), List.of(checked)))).containsExactly("risk.validation.notDecided");
        assertThat(MeasureState.of(open, TODAY)).isEqualTo(MeasureState.GENOMFORD);
        assertThat(MeasureState.of(checked, TODAY)).isEqualTo(MeasureState.EFFEKT_UPPFOLJD);
        Measure late = new Measure(3L, RiskAnalysis.SOURCE, 1L, 3L, "X", null, "Chef", TODAY.minusDays(1), null, null, null);
        assertThat(MeasureState.of(late, TODAY)).isEqualTo(MeasureState.FORSENAD);
    }

    @Test
    void validationCatchesLevelsOutsideTheMatrixAndHalfResidualScores() {
        RiskAnalysis a = draft().withRisks(List.of(new Risk(null, "Fall", "", "", 5, 1, 2, null)));
        assertThat(keys(RiskRules.validate(a, four, TODAY)))
                .containsExactlyInAnyOrder("risk.validation.levelRange", "risk.validation.residualBoth");
        assertThat(RiskRules.validate(a.withRisks(List.of(new Risk(null, "Fall", "", "", 5, 1, 2, 2))), five, TODAY)).isEmpty();
    }

    private static RiskAnalysis draft() {
        return new RiskAnalysis(null, 1L, AnalysisKind.RISKANALYS, AnalysisStatus.UTKAST, "Omorganisation",
                AnalysisLevel.INDIVID, 3L, RiskTrigger.OMORGANISATION, TODAY.minusDays(3), "", "", "", "", null, null,
                null, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<String> keys(List<Problem> problems) {
        return new ArrayList<>(problems.stream().map(Problem::messageKey).toList());
    }
}
