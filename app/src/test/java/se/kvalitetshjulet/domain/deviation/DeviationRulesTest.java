package se.kvalitetshjulet.domain.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.Problem;

class DeviationRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Deviation valid(DeviationKind kind) {
        return new Deviation(1L, "AV-2026-000001", kind, kind.defaultLaw(), 5L, 3L, DeviationStatus.REGISTRERAD,
                TODAY.minusDays(2), TODAY.minusDays(1), TODAY, TODAY.plusDays(28), null, "Undersköterska",
                "Missad kvällsdos", "Kvällsdosen gavs inte.", "Ringde sjuksköterskan.", "", "", List.of(), null, false,
                null, null, null, null);
    }

    private static Deviation with(Deviation d, DeviationStatus s, String facts, Assessment a, boolean serious,
                                  List<Long> causes) {
        return new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), s, d.occurredOn(),
                d.reportedOn(), d.registeredOn(), d.dueOn(), null, d.reporterRole(), d.title(), d.description(),
                d.immediateActions(), facts, d.causeText(), causes, a, serious, d.ivoReportedOn(), d.ivoReference(), null, null);
    }

    private static List<String> keys(List<Problem> p) {
        return p.stream().map(Problem::messageKey).toList();
    }

    @Test
    void onlyTheWorkflowsStepsAreAllowed() {
        assertThat(DeviationStatus.REGISTRERAD.allowedNext()).containsExactly(DeviationStatus.UTREDNING);
        assertThat(DeviationStatus.REGISTRERAD.mayMoveTo(DeviationStatus.AVSLUTAD)).isFalse();
        assertThat(DeviationStatus.UTREDNING.mayMoveTo(DeviationStatus.BEDOMD)).isTrue();
        // A closed case has no ordinary next step: it reopens only through checkStepBack, with a reason.
        assertThat(DeviationStatus.AVSLUTAD.allowedNext()).isEmpty();
        var p = DeviationRules.checkTransition(valid(DeviationKind.KVALITETSAVVIKELSE), DeviationStatus.AVSLUTAD, List.of(), TODAY);
        assertThat(keys(p)).contains("deviation.validation.transitionNotAllowed");
    }

    @Test
    void assessingNeedsFactsAndAnAssessment() {
        Deviation d = with(valid(DeviationKind.KVALITETSAVVIKELSE), DeviationStatus.UTREDNING, "", null, false, List.of());
        assertThat(keys(DeviationRules.checkTransition(d, DeviationStatus.BEDOMD, List.of(), TODAY)))
                .contains("deviation.validation.factsRequired", "deviation.validation.assessmentRequired");
        Deviation ok = with(d, DeviationStatus.UTREDNING, "Fakta", Assessment.AVVIKELSE_BEKRAFTAD, false, List.of());
        assertThat(DeviationRules.checkTransition(ok, DeviationStatus.BEDOMD, List.of(), TODAY)).isEmpty();
    }

    @Test
    void lexSarahNeedsCausesBeforeAssessment() {
        Deviation d = with(valid(DeviationKind.LEX_SARAH), DeviationStatus.UTREDNING, "Fakta", Assessment.MISSFORHALLANDE,
                false, List.of());
        assertThat(keys(DeviationRules.checkTransition(d, DeviationStatus.BEDOMD, List.of(), TODAY)))
                .containsExactly("deviation.validation.causesRequired");
    }

    @Test
    void seriousLexSarahCannotCloseWithoutIvoReport() {
        Deviation d = with(valid(DeviationKind.LEX_SARAH), DeviationStatus.BEDOMD, "Fakta", Assessment.MISSFORHALLANDE,
                true, List.of(1L));
        assertThat(DeviationRules.requiresIvo(d)).isTrue();
        assertThat(keys(DeviationRules.checkTransition(d, DeviationStatus.AVSLUTAD, List.of(), TODAY)))
                .containsExactly("deviation.validation.ivoRequired", "deviation.validation.ivoNotifierRequired");
    }

    @Test
    void allvarligVardskadaIsSeriousByDefinition() {
        Deviation d = with(valid(DeviationKind.LEX_MARIA), DeviationStatus.BEDOMD, "Fakta", Assessment.ALLVARLIG_VARDSKADA,
                false, List.of(1L));
        assertThat(DeviationRules.requiresIvo(d)).isTrue();
    }

    @Test
    void closingNeedsEveryMeasureDoneAndItsEffectChecked() {
        Deviation d = with(valid(DeviationKind.KVALITETSAVVIKELSE), DeviationStatus.ATGARDAD, "Fakta",
                Assessment.AVVIKELSE_BEKRAFTAD, false, List.of());
        Measure open = new Measure(1L, Measure.SOURCE_DEVIATION, 1L, 5L, "Utbildning", null, "Enhetschef",
                TODAY.plusDays(5), null, null, null);
        Measure doneUnchecked = new Measure(2L, Measure.SOURCE_DEVIATION, 1L, 5L, "Ny rutin", null, "Enhetschef",
                TODAY, TODAY, null, null);
        Measure checked = new Measure(3L, Measure.SOURCE_DEVIATION, 1L, 5L, "Påminnelse", null, "Enhetschef",
                TODAY, TODAY, "Följt upp på APT", true);
        assertThat(keys(DeviationRules.checkTransition(d, DeviationStatus.AVSLUTAD, List.of(open, doneUnchecked, checked), TODAY)))
                .containsExactly("deviation.validation.measureNotDone", "deviation.validation.measureEffectUnchecked");
        assertThat(DeviationRules.checkTransition(d, DeviationStatus.AVSLUTAD, List.of(checked), TODAY)).isEmpty();
    }

    @Test
    void markingAsMeasuredNeedsAMeasure() {
        Deviation d = with(valid(DeviationKind.KVALITETSAVVIKELSE), DeviationStatus.BEDOMD, "Fakta",
                Assessment.AVVIKELSE_BEKRAFTAD, false, List.of());
        assertThat(keys(DeviationRules.checkTransition(d, DeviationStatus.ATGARDAD, List.of(), TODAY)))
                .containsExactly("deviation.validation.measuresRequired");
    }

    @Test
    void datesMustBeInOrderAndNotInTheFuture() {
        Deviation d = valid(DeviationKind.KLAGOMAL_EXTERN);
        Deviation bad = new Deviation(null, null, d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(),
                TODAY.plusDays(1), TODAY.minusDays(3), TODAY.minusDays(4), null, null, "Närstående", "Klagomål", "", "",
                "", "", List.of(), null, false, null, null, null, null);
        assertThat(keys(DeviationRules.validate(bad, TODAY))).contains("deviation.validation.occurredInFuture",
                "deviation.validation.reportedBeforeOccurred", "deviation.validation.registeredBeforeReported");
    }

    @Test
    void lawMustFitTheKind() {
        Deviation d = valid(DeviationKind.LEX_MARIA);
        Deviation wrong = new Deviation(null, null, d.kind(), Law.SOL, d.unitId(), d.categoryId(), d.status(),
                d.occurredOn(), d.reportedOn(), d.registeredOn(), null, null, "Sjuksköterska", "Fel", "", "", "", "",
                List.of(), null, false, null, null, null, null);
        assertThat(keys(DeviationRules.validate(wrong, TODAY))).containsExactly("deviation.validation.lawNotForKind");
    }

    @Test
    void complaintIsDueInFourWeeksAndOverdueUntilAssessed() {
        DeadlineRules rules = DeadlineRules.defaults();
        assertThat(rules.dueOn(DeviationKind.KLAGOMAL_EXTERN, LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 29));
        Deviation d = valid(DeviationKind.KLAGOMAL_EXTERN).withDueOn(TODAY.minusDays(1));
        assertThat(d.overdue(TODAY)).isTrue();
        assertThat(d.withStatus(DeviationStatus.BEDOMD, null).overdue(TODAY)).isFalse();
        assertThat(new DeadlineRules(java.util.Map.of(DeviationKind.LEX_SARAH, 7)).days(DeviationKind.LEX_SARAH)).isEqualTo(7);
    }

    @Test
    void tertialsFollowTheFourMonthPeriods() {
        assertThat(Period.tertialOf(4)).isEqualTo(1);
        assertThat(Period.tertialOf(5)).isEqualTo(2);
        assertThat(Period.tertialOf(9)).isEqualTo(3);
        assertThat(Period.tertial(2025, 2).end()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(PatternReport.boardStyle(new long[] {210, 154, 120}, Period.year(2022)))
                .isEqualTo("210 (2021: 154, 2020: 120)");
    }
}
