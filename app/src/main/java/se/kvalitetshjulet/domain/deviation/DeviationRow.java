package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;

/** One line of the register table: only what the table shows. */
public record DeviationRow(long id, String caseRef, DeviationKind kind, DeviationStatus status, long unitId,
                           String unitName, String categoryName, LocalDate registeredOn, LocalDate dueOn, String title,
                           boolean overdue) {
}
