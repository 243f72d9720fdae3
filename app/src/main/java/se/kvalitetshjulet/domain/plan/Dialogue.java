package se.kvalitetshjulet.domain.plan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Kvalitetsdialog: a work group's yearly reflection, led by the manager, on what the numbers do not show. Inputs:
 * the staff's self-assessment summary, notes from user and relative dialogues, survey results, complaints. Outcomes:
 * strengths and what to improve (one per line), which feed the unit's quality plan.
 */
public record Dialogue(Long id, long unitId, int year, String workGroup, LocalDate heldOn, String ledBy,
                       String staffSelfAssessment, String userDialogue, String relativeDialogue, String surveyResults,
                       String complaints, String strengths, String improvements) {

    /** The improvement points, one per non-blank line (leading bullets removed). */
    public List<String> improvementPoints() {
        if (improvements == null) {
            return List.of();
        }
        return Arrays.stream(improvements.split("\\R")).map(s -> s.strip().replaceFirst("^[-•*]\\s*", ""))
                .filter(s -> !s.isBlank()).toList();
    }

    public List<String> freeTexts() {
        return java.util.stream.Stream.of(staffSelfAssessment, userDialogue, relativeDialogue, surveyResults, complaints,
                strengths, improvements).filter(s -> s != null && !s.isBlank()).toList();
    }
}
