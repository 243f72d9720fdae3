package se.kvalitetshjulet.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.Problem;

/** A händelseanalys cannot be decided with its steps answered "Nej" and no written reason (issue 13). */
class EventAnalysisDecisionTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final RiskMatrix four = RiskMatrix.socialstyrelsen4x4();

    private RiskAnalysis analysis(List<EventStep> steps) {
        return new RiskAnalysis(1L, 2L, AnalysisKind.HANDELSEANALYS, AnalysisStatus.UTKAST, "Fall i badrum",
                AnalysisLevel.ENHET, 3L, null, TODAY, "MAS, enhetschef", "", "Inga åtgärder behövs: rutinen följdes.", "",
                null, null, null, null, List.of(), steps, List.of(),
                List.of(new UnderlyingCause(CauseCategory.RUTINER, "Rutinen var okänd")), List.of(7L));
    }

    private static List<EventStep> steps(boolean done, String text) {
        List<EventStep> out = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            out.add(new EventStep(i, text, done));
        }
        return out;
    }

    private static List<Problem> stepProblems(List<Problem> p) {
        return p.stream().filter(x -> x.messageKey().equals("risk.validation.stepNotDoneWithoutReason")).toList();
    }

    @Test
    void allStepsNejWithoutReasonBlocksTheDecisionForEachStepBeforeIt() {
        var p = stepProblems(RiskRules.checkDecision(analysis(steps(false, "")), four, List.of(), "MAS", TODAY));
        assertThat(p).extracting(x -> x.args()[0]).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aWrittenReasonOrADoneStepLetsItBeDecided() {
        assertThat(stepProblems(RiskRules.checkDecision(analysis(steps(false, "Behövdes inte: allt fanns i journalen")),
                four, List.of(), "MAS", TODAY))).isEmpty();
        assertThat(RiskRules.checkDecision(analysis(steps(true, "")), four, List.of(), "MAS", TODAY)).isEmpty();
    }
}
