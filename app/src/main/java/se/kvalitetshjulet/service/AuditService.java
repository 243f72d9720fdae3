package se.kvalitetshjulet.service;

import java.util.List;

import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.audit.AuditVerification;

/** Reading the audit trail: a record's history, and whether the chain is complete and unbroken (decision 8). */
public final class AuditService {
    private final AuditTrail audit;

    public AuditService(AuditTrail audit) {
        this.audit = audit;
    }

    /** The record's history, newest first. */
    public List<AuditEntry> history(String entity, long entityId) {
        return audit.history(entity, entityId);
    }

    public AuditVerification verify() {
        return audit.verify();
    }
}
