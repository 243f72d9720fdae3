package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;

/**
 * One line of the register table: only what the table shows. {@code ivoLate}: a serious lex Sarah / lex Maria case
 * whose IVO notification deadline (the IVO_ANMALAN rule) has passed without a notification date.
 */
public record DeviationRow(long id, String caseRef, DeviationKind kind, DeviationStatus status, long unitId,
                           String unitName, String categoryName, LocalDate registeredOn, LocalDate dueOn, String title,
                           boolean overdue, boolean ivoLate) {

    public DeviationRow(long id, String caseRef, DeviationKind kind, DeviationStatus status, long unitId,
                        String unitName, String categoryName, LocalDate registeredOn, LocalDate dueOn, String title,
                        boolean overdue) {
        this(id, caseRef, kind, status, unitId, unitName, categoryName, registeredOn, dueOn, title, overdue, false);
    }
}
