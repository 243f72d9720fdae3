package se.kvalitetshjulet.domain.cycle;

import java.time.LocalDate;

/** One activity in one year with its status on a given day. */
public record Occurrence(AnnualActivity activity, int year, LocalDate dueOn, LocalDate doneOn, CycleStatus status) {

    /** Klar, försenad, snart (within the warning window), senare. */
    public enum CycleStatus { DONE, OVERDUE, DUE_SOON, LATER }
}
