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

    /**
     * Per question: how many answered, counts per choice, mean of numbers, findings. {@code key} is stable across
     * template versions; {@code assessable} is the answers that can be judged (the question has a finding rule, or
     * the answer was marked a finding).
     */
    public record QuestionStats(long questionId, String key, String section, String text, AnswerType type,
                                long answered, Map<String, Long> counts, Double mean, long findings, long assessable) {
        public long count(String value) {
            return counts.getOrDefault(value, 0L);
        }

        /** Findings of the assessable answers (bristandel); no percentage when nothing could be judged. */
        public Share findingShare() {
            return Compilation.share(Math.min(findings, assessable), assessable);
        }
    }

    /**
     * Per unit: status, findings, the result phrase and the improvement actions from its findings. {@code result} is
     * what the report says: the coordinator's choice when {@code resultEdited}, otherwise {@code derivedResult}
     * (computed from the answers). {@code improvedRoutines} are the routines of the done actions;
     * {@code routinesText} is the coordinator's own text for "Processer och rutiner som förbättrats" ({@code null}:
     * use the derived routines).
     */
    public record UnitResult(long responseId, long unitId, String unitName, String area, ResponseStatus status,
                             long answered, long findings, long assessable, ResultLevel result, List<String> actions,
                             List<String> improvedRoutines, ResultLevel derivedResult, boolean resultEdited,
                             String routinesText) {

        /** Without edits: the result and the routines as derived from the answers and actions. */
        public UnitResult(long responseId, long unitId, String unitName, String area, ResponseStatus status,
                          long answered, long findings, long assessable, ResultLevel result, List<String> actions,
                          List<String> improvedRoutines) {
            this(responseId, unitId, unitName, area, status, answered, findings, assessable, result, actions,
                    improvedRoutines, result, false, null);
        }

        public boolean submitted() {
            return status == ResponseStatus.SUBMITTED;
        }

        /**
         * Följsamhet: assessable answers without a finding of all assessable answers; {@code null} when the unit
         * has not submitted (its answers are not counted).
         */
        public Share compliance() {
            return submitted() ? Compilation.share(Math.max(0, assessable - findings), assessable) : null;
        }

        /** The routines as derived from the done improvement actions. */
        public String derivedRoutines() {
            return String.join("; ", improvedRoutines);
        }

        /** "Processer och rutiner som förbättrats" as the report says it. */
        public String routines() {
            return routinesText != null ? routinesText : derivedRoutines();
        }

        public boolean routinesEdited() {
            return routinesText != null;
        }
    }

    /** Per verksamhetsområde. */
    public record AreaSummary(String area, long units, long submitted, long findings, long unitsWithFindings) { }

    /** One row of Bilaga 2: Genomförd egenkontroll | Verksamhet | Resultat | Åtgärder | Processer och rutiner. */
    public record ReportRow(String check, String unit, String result, String actions, String routines) { }

    public List<ReportRow> bilaga2() {
        return units.stream().filter(UnitResult::submitted)
                .map(u -> new ReportRow(template.name(), u.unitName(), u.result().phrase(),
                        String.join("; ", u.actions()), u.routines()))
                .toList();
    }

    /** Svarsfrekvens: submitted responses of all units the round went to. */
    public Share responseRate() {
        return new Share(units.stream().filter(UnitResult::submitted).count(), units.size());
    }

    /** Följsamhet over all submitted responses: assessable answers without a finding of all assessable answers. */
    public Share compliance() {
        Share total = Share.NONE;
        for (UnitResult u : units) {
            Share c = u.compliance();
            if (c != null) {
                total = total.plus(c);
            }
        }
        return total;
    }

    static Share share(long part, long whole) {
        return new Share(Math.max(0, Math.min(part, whole)), Math.max(0, whole));
    }
}
