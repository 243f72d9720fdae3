package se.kvalitetshjulet.domain.risk;

import java.time.LocalDate;

/** One line of the analysis list, with its due state computed for "today". */
public record RiskAnalysisRow(long id, AnalysisKind kind, AnalysisStatus status, String title, AnalysisLevel level,
                              long unitId, String unitName, RiskTrigger trigger, LocalDate analysedOn,
                              LocalDate followUpOn, LocalDate nextRecurrence, boolean followUpDue,
                              boolean recurrenceDue, int riskCount, Integer maxScore) {
    public boolean due() {
        return followUpDue || recurrenceDue;
    }
}
