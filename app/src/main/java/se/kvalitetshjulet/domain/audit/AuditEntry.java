package se.kvalitetshjulet.domain.audit;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One row of a record's history, as shown in the UI: when (and the offset time as written), who and where that name
 * came from, what kind of change, the stored (masked) before/after images, the reason of an explicit step, and the
 * fields that differ between the images, in column order.
 */
public record AuditEntry(LocalDateTime at, String actor, String action, String beforeJson, String afterJson,
                         String atText, String actorSource, String reason, List<AuditChange> changes) {
    public AuditEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** Whether the actor was the operating-system account because no name was set in Inställningar. */
    public boolean actorFromOs() {
        return Actor.SOURCE_OS.equals(actorSource);
    }
}
