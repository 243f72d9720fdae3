package se.kvalitetshjulet.domain.selfcheck;

import java.time.LocalDate;

/**
 * Omgång: one sending of a template version to a set of units (by default in March and in
 * September), with a period and a due date. The target units are chosen by a subtree and/or
 * a verksamhetsområde.
 */
public record Round(Long id, String name, long templateId, LocalDate periodStart, LocalDate periodEnd,
                    LocalDate dueOn, Long scopeUnitId, Long scopeBusinessAreaId) {

    public boolean overdue(ResponseStatus status, LocalDate today) {
        return status.pending() && dueOn != null && dueOn.isBefore(today);
    }

    /** The default March or September round of a year: period the month, due the last day of it. */
    public static Round standard(String templateName, long templateId, int year, boolean spring) {
        LocalDate start = LocalDate.of(year, spring ? 3 : 9, 1);
        LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
        return new Round(null, templateName + " – " + (spring ? "mars " : "september ") + year, templateId, start, end,
                end, null, null);
    }
}
