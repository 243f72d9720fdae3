package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;

/**
 * One deviation as the export writes it: the stored values as text and dates, with the unit's and the category's
 * names. Enumerations stay as the stored names ({@code LEX_SARAH}), as the export has always written them.
 */
public record DeviationExportRow(String caseRef, LocalDate registeredOn, LocalDate occurredOn, LocalDate reportedOn,
        String kind, String law, String status, Long unitId, String unitName, String categoryName, String title,
        String reporterRole, LocalDate dueOn, LocalDate closedOn, String assessment, boolean serious,
        LocalDate ivoReportedOn, String ivoReference, String externalSource, String externalId, String description,
        String immediateActions, String facts, String causeText, String ivoNotifierRole, LocalDate ivoDecisionDate,
        String ivoDecision) {
}
