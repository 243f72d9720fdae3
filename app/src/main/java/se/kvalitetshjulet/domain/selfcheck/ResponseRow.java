package se.kvalitetshjulet.domain.selfcheck;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One unit's self-check in one round, as listed (Mina egenkontroller, status per enhet). */
public record ResponseRow(long id, long roundId, String roundName, long templateId, long unitId, String unitName,
                          ResponseStatus status, LocalDate dueOn, LocalDateTime updatedAt, LocalDateTime submittedAt,
                          boolean overdue) {
}
