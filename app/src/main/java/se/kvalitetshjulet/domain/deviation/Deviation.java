package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;
import java.util.List;

/**
 * Avvikelse: one record of the deviation register. Names of people never belong here:
 * the case reference is pseudonymous and the reporter is a role.
 */
public record Deviation(
        Long id,
        String caseRef,
        DeviationKind kind,
        Law law,
        Long unitId,
        Long categoryId,
        DeviationStatus status,
        LocalDate occurredOn,
        LocalDate reportedOn,
        LocalDate registeredOn,
        LocalDate dueOn,
        LocalDate closedOn,
        String reporterRole,
        String title,
        String description,
        String immediateActions,
        String facts,
        String causeText,
        List<Long> causeIds,
        Assessment assessment,
        boolean serious,
        LocalDate ivoReportedOn,
        String ivoReference,
        String externalSource,
        String externalId,
        IvoDetails ivoDetails) {

    public Deviation {
        causeIds = causeIds == null ? List.of() : List.copyOf(causeIds);
        ivoDetails = ivoDetails == null ? IvoDetails.NONE : ivoDetails;
    }

    /** A record without IVO details (who notified, IVO's decision): older call sites and imports. */
    public Deviation(Long id, String caseRef, DeviationKind kind, Law law, Long unitId, Long categoryId,
                     DeviationStatus status, LocalDate occurredOn, LocalDate reportedOn, LocalDate registeredOn,
                     LocalDate dueOn, LocalDate closedOn, String reporterRole, String title, String description,
                     String immediateActions, String facts, String causeText, List<Long> causeIds, Assessment assessment,
                     boolean serious, LocalDate ivoReportedOn, String ivoReference, String externalSource,
                     String externalId) {
        this(id, caseRef, kind, law, unitId, categoryId, status, occurredOn, reportedOn, registeredOn, dueOn, closedOn,
                reporterRole, title, description, immediateActions, facts, causeText, causeIds, assessment, serious,
                ivoReportedOn, ivoReference, externalSource, externalId, IvoDetails.NONE);
    }

    public static Deviation newDraft(DeviationKind kind, Long unitId, LocalDate today) {
        return new Deviation(null, null, kind, kind.defaultLaw(), unitId, null, DeviationStatus.REGISTRERAD,
                today, today, today, null, null, null, "", "", "", "", "", List.of(), null, false, null, null, null, null);
    }

    public boolean overdue(LocalDate today) {
        return dueOn != null && !status.deadlineMet() && dueOn.isBefore(today);
    }

    public Deviation withStatus(DeviationStatus s, LocalDate closed) {
        return new Deviation(id, caseRef, kind, law, unitId, categoryId, s, occurredOn, reportedOn, registeredOn, dueOn,
                closed, reporterRole, title, description, immediateActions, facts, causeText, causeIds, assessment, serious,
                ivoReportedOn, ivoReference, externalSource, externalId, ivoDetails);
    }

    public Deviation withDueOn(LocalDate due) {
        return new Deviation(id, caseRef, kind, law, unitId, categoryId, status, occurredOn, reportedOn, registeredOn, due,
                closedOn, reporterRole, title, description, immediateActions, facts, causeText, causeIds, assessment, serious,
                ivoReportedOn, ivoReference, externalSource, externalId, ivoDetails);
    }

    public Deviation withLaw(Law l) {
        return new Deviation(id, caseRef, kind, l, unitId, categoryId, status, occurredOn, reportedOn, registeredOn, dueOn,
                closedOn, reporterRole, title, description, immediateActions, facts, causeText, causeIds, assessment, serious,
                ivoReportedOn, ivoReference, externalSource, externalId, ivoDetails);
    }

    public Deviation withIvoDetails(IvoDetails details) {
        return new Deviation(id, caseRef, kind, law, unitId, categoryId, status, occurredOn, reportedOn, registeredOn, dueOn,
                closedOn, reporterRole, title, description, immediateActions, facts, causeText, causeIds, assessment, serious,
                ivoReportedOn, ivoReference, externalSource, externalId, details);
    }

    /** Free-text fields that the privacy check looks through. */
    public List<String> freeTexts() {
        return List.of(nz(title), nz(description), nz(immediateActions), nz(facts), nz(causeText), nz(reporterRole),
                nz(ivoDetails.decision()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
