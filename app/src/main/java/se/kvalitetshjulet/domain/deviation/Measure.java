package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;

/**
 * Åtgärd: an improvement action. The same record type serves every source (deviations,
 * self-checks, risk analyses, councils), linked back by source type and id.
 */
public record Measure(Long id, String sourceType, Long sourceId, Long unitId, String what, Long measureTypeId,
                      String responsible, LocalDate dueOn, LocalDate doneOn, String effectCheck, Boolean effective) {

    public static final String SOURCE_DEVIATION = "DEVIATION";

    public boolean done() {
        return doneOn != null;
    }

    /** A measure is finished when done and its effect has been checked. */
    public boolean effectChecked() {
        return effective != null && effectCheck != null && !effectCheck.isBlank();
    }

    public boolean overdue(LocalDate today) {
        return doneOn == null && dueOn != null && dueOn.isBefore(today);
    }
}
