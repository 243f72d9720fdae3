package se.kvalitetshjulet.domain.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Riskanalys eller händelseanalys with its risks, checklist steps, timeline, underlying causes and linked
 * deviations. Measures (åtgärder) are stored as action items with source {@link #SOURCE}.
 */
public record RiskAnalysis(Long id, Long templateId, AnalysisKind kind, AnalysisStatus status, String title,
                           AnalysisLevel level, Long unitId, RiskTrigger trigger, LocalDate analysedOn,
                           String participants, String processDescription, String noMeasuresReason,
                           String improvedRoutines, LocalDate followUpOn, String decidedBy, LocalDate decidedOn,
                           Long previousId, List<Risk> risks, List<EventStep> steps, List<TimelineEntry> timeline,
                           List<UnderlyingCause> causes, List<Long> deviationIds) {

    /** action_item.source_type of the measures of an analysis. */
    public static final String SOURCE = "RISK_ANALYSIS";

    public RiskAnalysis {
        risks = List.copyOf(risks);
        steps = List.copyOf(steps);
        timeline = List.copyOf(timeline);
        causes = List.copyOf(causes);
        deviationIds = List.copyOf(deviationIds);
    }

    /** A new draft from a template: its steps become the checklist. */
    public static RiskAnalysis newDraft(RiskTemplate template, Long unitId, LocalDate today) {
        List<EventStep> steps = new ArrayList<>();
        for (int i = 0; i < template.steps().size(); i++) {
            steps.add(new EventStep(i + 1, "", false));
        }
        return new RiskAnalysis(null, template.id(), template.kind(), AnalysisStatus.UTKAST, "",
                AnalysisLevel.ENHET, unitId,
                template.kind() == AnalysisKind.RISKANALYS ? RiskTrigger.ANNAT : null, today, "", "", "", "", null,
                null, null, null, List.of(), steps, List.of(), List.of(), List.of());
    }

    public RiskAnalysis withId(Long newId) {
        return new RiskAnalysis(newId, templateId, kind, status, title, level, unitId, trigger, analysedOn,
                participants, processDescription, noMeasuresReason, improvedRoutines, followUpOn, decidedBy, decidedOn,
                previousId, risks, steps, timeline, causes, deviationIds);
    }

    public RiskAnalysis withRisks(List<Risk> newRisks) {
        return new RiskAnalysis(id, templateId, kind, status, title, level, unitId, trigger, analysedOn,
                participants, processDescription, noMeasuresReason, improvedRoutines, followUpOn, decidedBy, decidedOn,
                previousId, newRisks, steps, timeline, causes, deviationIds);
    }

    public RiskAnalysis withDecision(AnalysisStatus newStatus, String by, LocalDate on) {
        return new RiskAnalysis(id, templateId, kind, newStatus, title, level, unitId, trigger, analysedOn,
                participants, processDescription, noMeasuresReason, improvedRoutines, followUpOn, by, on,
                previousId, risks, steps, timeline, causes, deviationIds);
    }

    public RiskAnalysis withStatus(AnalysisStatus newStatus) {
        return withDecision(newStatus, decidedBy, decidedOn);
    }

    /** The next half-yearly analysis of an individual-level analysis: a copy of the risks, rescored later. */
    public RiskAnalysis recurrence(LocalDate today) {
        List<Risk> copied = risks.stream().map(r -> new Risk(null, r.description(), r.causes(), r.barriers(),
                residualProbability(r), residualConsequence(r), null, null)).toList();
        List<EventStep> fresh = steps.stream().map(s -> new EventStep(s.number(), "", false)).toList();
        return new RiskAnalysis(null, templateId, kind, AnalysisStatus.UTKAST, title, level, unitId, trigger, today,
                participants, processDescription, "", "", null, null, null, id, copied, fresh, List.of(), List.of(),
                List.of());
    }

    /** Every free text of the analysis, for the privacy check. */
    public List<String> freeTexts() {
        List<String> out = new ArrayList<>(List.of(nz(title), nz(participants), nz(processDescription),
                nz(noMeasuresReason), nz(improvedRoutines)));
        for (Risk r : risks) {
            out.add(nz(r.description()));
            out.add(nz(r.causes()));
            out.add(nz(r.barriers()));
        }
        steps.forEach(s -> out.add(nz(s.text())));
        timeline.forEach(t -> out.add(nz(t.what())));
        causes.forEach(c -> out.add(nz(c.text())));
        return out;
    }

    private static Integer residualProbability(Risk r) {
        return r.probability(true);
    }

    private static Integer residualConsequence(Risk r) {
        return r.consequence(true);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
