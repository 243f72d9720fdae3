package se.kvalitetshjulet.domain.audit;

import java.util.List;

/** What {@code AuditTrail.verify} found. */
public record AuditVerification(long rows, long purged, List<AuditBreak> breaks) {
    public boolean intact() {
        return breaks.isEmpty();
    }
}
