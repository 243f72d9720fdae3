package se.kvalitetshjulet.domain.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.Problem;

/** Workflow guards, lex Sarah / lex Maria rules and the law from the unit (issue 13), in the domain. */
class WorkflowGuardTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Deviation sarah(DeviationStatus status, String immediate) {
        return new Deviation(1L, "AV-2026-000001", DeviationKind.LEX_SARAH, Law.LSS, 5L, 3L, status, TODAY.minusDays(10),
                TODAY.minusDays(10), TODAY.minusDays(10), TODAY.plusDays(4), null, "Stödassistent", "Kränkande bemötande",
                "Personal höjde rösten.", immediate, "", "", List.of(), null, false, null, null, null, null);
    }

    private static List<String> keys(List<Problem> p) {
        return p.stream().map(Problem::messageKey).toList();
    }

    @Test
    void ordinaryStepsOnlyGoForward() {
        for (DeviationStatus s : DeviationStatus.values()) {
            assertThat(s.allowedNext()).allMatch(n -> n.ordinal() > s.ordinal());
            assertThat(s.allowedBack()).allMatch(n -> n.ordinal() < s.ordinal());
        }
        assertThat(DeviationStatus.AVSLUTAD.allowedNext()).isEmpty();
        assertThat(DeviationStatus.AVSLUTAD.allowedBack()).containsExactly(DeviationStatus.UTREDNING);
    }

    @Test
    void aClosedCaseCannotBeMovedBackAsAnOrdinaryStep() {
        Deviation closed = sarah(DeviationStatus.AVSLUTAD, "Samtal samma dag.");
        assertThat(keys(DeviationRules.checkTransition(closed, DeviationStatus.UTREDNING, List.of(), TODAY)))
                .contains("deviation.validation.stepBackNeedsReason");
    }

    @Test
    void reopeningNeedsAWrittenReason() {
        Deviation closed = sarah(DeviationStatus.AVSLUTAD, "Samtal samma dag.");
        assertThat(keys(DeviationRules.checkStepBack(closed, DeviationStatus.UTREDNING, "  ")))
                .containsExactly("deviation.validation.reopenReasonRequired");
        assertThat(keys(DeviationRules.checkStepBack(closed, DeviationStatus.UTREDNING, "ok")))
                .containsExactly("deviation.validation.reopenReasonRequired");
        assertThat(DeviationRules.checkStepBack(closed, DeviationStatus.UTREDNING, "Ny uppgift från närstående"))
                .isEmpty();
        assertThat(keys(DeviationRules.checkStepBack(closed, DeviationStatus.REGISTRERAD, "Ny uppgift från närstående")))
                .containsExactly("deviation.validation.stepBackNotAllowed");
        Deviation investigating = sarah(DeviationStatus.UTREDNING, "Samtal samma dag.");
        assertThat(keys(DeviationRules.checkStepBack(investigating, DeviationStatus.REGISTRERAD, "")))
                .containsExactly("deviation.validation.stepBackReasonRequired");
    }

    @Test
    void lexSarahNeedsImmediateMeasuresBeforeLeavingRegistrerad() {
        assertThat(keys(DeviationRules.checkTransition(sarah(DeviationStatus.REGISTRERAD, " "), DeviationStatus.UTREDNING,
                List.of(), TODAY))).containsExactly("deviation.validation.immediateActionsRequired");
        assertThat(DeviationRules.checkTransition(sarah(DeviationStatus.REGISTRERAD, "Personalen byttes ut samma kväll."),
                DeviationStatus.UTREDNING, List.of(), TODAY)).isEmpty();
    }

    @Test
    void seriousSetsTheIvoDeadlineFromTheCoordinatorsRule() {
        Deviation serious = new Deviation(1L, "AV", DeviationKind.LEX_SARAH, Law.SOL, 5L, 3L, DeviationStatus.UTREDNING,
                TODAY.minusDays(10), TODAY.minusDays(10), TODAY.minusDays(10), null, null, "Stödassistent", "t", "d", "i",
                "", "", List.of(), null, true, null, null, null, null);
        DeadlineRules rules = new DeadlineRules(Map.of(), 7);
        assertThat(rules.ivoDueOn(serious)).isEqualTo(TODAY.minusDays(3));
        assertThat(rules.ivoOverdue(serious, TODAY)).isTrue();
        assertThat(new DeadlineRules(Map.of(), 14).ivoOverdue(serious, TODAY)).isFalse();
        Deviation notSerious = sarah(DeviationStatus.UTREDNING, "i");
        assertThat(rules.ivoDueOn(notSerious)).isNull();
        Deviation notified = new Deviation(1L, "AV", DeviationKind.LEX_SARAH, Law.SOL, 5L, 3L, DeviationStatus.UTREDNING,
                TODAY.minusDays(10), TODAY.minusDays(10), TODAY.minusDays(10), null, null, "Stödassistent", "t", "d", "i",
                "", "", List.of(), null, true, TODAY.minusDays(5), "IVO 1", null, null,
                new IvoDetails(IvoDetails.Notifier.SAS, "Socialt ansvarig samordnare", "", null));
        assertThat(rules.ivoOverdue(notified, TODAY)).isFalse();
        // The investigation stays open after the notification: the next step is still the assessment.
        assertThat(notified.status().isOpen()).isTrue();
        assertThat(DeviationRules.validate(notified, TODAY)).isEmpty();
    }

    @Test
    void theIvoNotifierFitsTheKindAndTheDecisionHasADateAndText() {
        Deviation base = new Deviation(1L, "AV", DeviationKind.LEX_MARIA, Law.PSL, 5L, 3L, DeviationStatus.UTREDNING,
                TODAY.minusDays(10), TODAY.minusDays(10), TODAY.minusDays(10), null, null, "Sjuksköterska", "t", "d", "i",
                "", "", List.of(), null, true, TODAY.minusDays(5), "IVO 1", null, null);
        assertThat(keys(DeviationRules.validate(base, TODAY))).containsExactly("deviation.validation.ivoNotifierRequired");
        assertThat(keys(DeviationRules.validate(base.withIvoDetails(new IvoDetails(IvoDetails.Notifier.SAS, "", "", null)),
                TODAY))).containsExactly("deviation.validation.ivoNotifierNotForKind");
        assertThat(keys(DeviationRules.validate(base.withIvoDetails(new IvoDetails(IvoDetails.Notifier.MAS, "MAS", "",
                TODAY.minusDays(1))), TODAY))).containsExactly("deviation.validation.ivoDecisionTextRequired");
        assertThat(keys(DeviationRules.validate(base.withIvoDetails(new IvoDetails(IvoDetails.Notifier.MAR, "MAR",
                "IVO avslutar ärendet", TODAY.minusDays(7))), TODAY)))
                .containsExactly("deviation.validation.ivoDecisionBeforeNotification");
    }

    @Test
    void theLawDefaultsFromTheUnitsAreaAndAMismatchIsPointedOut() {
        assertThat(DeviationRules.defaultLaw(DeviationKind.LEX_SARAH, "LSS")).isEqualTo(Law.LSS);
        assertThat(DeviationRules.defaultLaw(DeviationKind.LEX_SARAH, "HEMTJANST")).isEqualTo(Law.SOL);
        assertThat(DeviationRules.defaultLaw(DeviationKind.KVALITETSAVVIKELSE, "HSL")).isEqualTo(Law.HSL);
        assertThat(DeviationRules.defaultLaw(DeviationKind.HSL_AVVIKELSE, "LSS")).isEqualTo(Law.HSL);
        assertThat(DeviationRules.defaultLaw(DeviationKind.LEX_MARIA, "LSS")).isEqualTo(Law.PSL);
        assertThat(DeviationRules.lawMismatch(DeviationKind.LEX_SARAH, Law.SOL, "LSS")).map(Problem::messageKey)
                .contains("deviation.warning.lawNotLssInLssUnit");
        assertThat(DeviationRules.lawMismatch(DeviationKind.LEX_SARAH, Law.LSS, "SABO")).map(Problem::messageKey)
                .contains("deviation.warning.lssOutsideLssUnit");
        assertThat(DeviationRules.lawMismatch(DeviationKind.LEX_SARAH, Law.LSS, "LSS")).isEmpty();
        assertThat(DeviationRules.lawMismatch(DeviationKind.HSL_AVVIKELSE, Law.HSL, "LSS")).isEmpty();
    }
}
