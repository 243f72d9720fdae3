package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;

/**
 * Åtgärd: an improvement action. The same record type serves every source (deviations,
 * self-checks, risk analyses, councils), linked back by source type and id.
 */
public record Measure(Long id, String sourceType, Long sourceId, Long unitId, String what, Long measureTypeId,
                      String responsible, LocalDate dueOn, LocalDate doneOn, String effectCheck, Boolean effective,
                      Long version) {

    /**
     * A measure without the version it was read at (a new one, or a write that is not checked). With a version, a
     * save is refused when someone else changed the action since it was read (decision 0029).
     */
    public Measure(Long id, String sourceType, Long sourceId, Long unitId, String what, Long measureTypeId,
                   String responsible, LocalDate dueOn, LocalDate doneOn, String effectCheck, Boolean effective) {
        this(id, sourceType, sourceId, unitId, what, measureTypeId, responsible, dueOn, doneOn, effectCheck, effective,
                null);
    }

    /** The same measure as read at {@code v} (null: not checked). */
    public Measure withVersion(Long v) {
        return new Measure(id, sourceType, sourceId, unitId, what, measureTypeId, responsible, dueOn, doneOn,
                effectCheck, effective, v);
    }

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
