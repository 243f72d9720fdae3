package se.kvalitetshjulet.domain.selfcheck;

import java.util.List;
import java.util.Map;

/**
 * Sammanställning av en omgång: answers aggregated per question, per unit and per
 * verksamhetsområde, and the Bilaga 2 table of the annual quality report. Only submitted
 * responses are counted.
 */
public record Compilation(Round round, Template template, List<QuestionStats> questions, List<UnitResult> units,
                          List<AreaSummary> areas) {

    /** Per question: how many answered, counts per choice, mean of numbers, findings. */
    public record QuestionStats(long questionId, String section, String text, AnswerType type, long answered,
                                Map<String, Long> counts, Double mean, long findings) {
        public long count(String value) {
            return counts.getOrDefault(value, 0L);
        }
    }

    /** Per unit: status, findings, the result phrase and the improvement actions from its findings. */
    public record UnitResult(long responseId, long unitId, String unitName, String area, ResponseStatus status,
                             long answered, long findings, long assessable, ResultLevel result, List<String> actions,
                             List<String> improvedRoutines) { }

    /** Per verksamhetsområde. */
    public record AreaSummary(String area, long units, long submitted, long findings, long unitsWithFindings) { }

    /** One row of Bilaga 2: Genomförd egenkontroll | Verksamhet | Resultat | Åtgärder | Processer och rutiner. */
    public record ReportRow(String check, String unit, String result, String actions, String routines) { }

    public List<ReportRow> bilaga2() {
        return units.stream().filter(u -> u.status() == ResponseStatus.SUBMITTED)
                .map(u -> new ReportRow(template.name(), u.unitName(), u.result().phrase(),
                        String.join("; ", u.actions()), String.join("; ", u.improvedRoutines())))
                .toList();
    }
}
