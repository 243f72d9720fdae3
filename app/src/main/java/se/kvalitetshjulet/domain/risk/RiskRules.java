package se.kvalitetshjulet.domain.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Measure;

/**
 * Rules of risk and event analyses: what a saved draft needs, when it may be decided (every risk scored; measures or
 * a reason for "inga åtgärder"), when it counts as followed up, and the half-yearly recurrence of individual-level
 * analyses (seed 003).
 */
public final class RiskRules {
    /** Individual-level risk analyses are redone every half year. */
    public static final int INDIVIDUAL_INTERVAL_MONTHS = 6;

    private RiskRules() {
    }

    public static List<Problem> validate(RiskAnalysis a, RiskMatrix m, LocalDate today) {
        List<Problem> p = new ArrayList<>();
        if (blank(a.title())) {
            p.add(new Problem("title", "risk.validation.titleRequired"));
        }
        if (a.unitId() == null) {
            p.add(new Problem("unit", "risk.validation.unitRequired"));
        }
        if (a.level() == null) {
            p.add(new Problem("level", "risk.validation.levelRequired"));
        }
        if (a.analysedOn() == null) {
            p.add(new Problem("analysedOn", "risk.validation.dateRequired"));
        } else if (a.analysedOn().isAfter(today)) {
            p.add(new Problem("analysedOn", "risk.validation.dateInFuture"));
        }
        if (a.kind() == AnalysisKind.RISKANALYS && a.trigger() == null) {
            p.add(new Problem("trigger", "risk.validation.triggerRequired"));
        }
        if (a.followUpOn() != null && a.analysedOn() != null && a.followUpOn().isBefore(a.analysedOn())) {
            p.add(new Problem("followUpOn", "risk.validation.followUpBeforeAnalysis"));
        }
        int n = 1;
        for (Risk r : a.risks()) {
            if (blank(r.description())) {
                p.add(new Problem("risks", "risk.validation.riskDescription", n));
            }
            for (Integer level : new Integer[] {r.probability(), r.consequence(), r.residualProbability(),
                    r.residualConsequence()}) {
                if (level != null && !m.inRange(level)) {
                    p.add(new Problem("risks", "risk.validation.levelRange", n, m.size()));
                    break;
                }
            }
            if ((r.residualProbability() == null) != (r.residualConsequence() == null)) {
                p.add(new Problem("risks", "risk.validation.residualBoth", n));
            }
            n++;
        }
        return p;
    }

    /** What stops the person who decides from deciding the analysis now. */
    public static List<Problem> checkDecision(RiskAnalysis a, RiskMatrix m, List<Measure> measures, String decidedBy,
                                              LocalDate today) {
        List<Problem> p = new ArrayList<>(validate(a, m, today));
        if (a.status() != AnalysisStatus.UTKAST) {
            p.add(new Problem("status", "risk.validation.alreadyDecided"));
        }
        if (blank(decidedBy)) {
            p.add(new Problem("decidedBy", "risk.validation.decidedByRequired"));
        }
        if (a.kind() == AnalysisKind.RISKANALYS) {
            if (a.risks().isEmpty()) {
                p.add(new Problem("risks", "risk.validation.noRisks"));
            }
            int n = 1;
            for (Risk r : a.risks()) {
                if (!r.scored()) {
                    p.add(new Problem("risks", "risk.validation.unscored", n));
                }
                n++;
            }
        } else {
            if (a.deviationIds().isEmpty()) {
                p.add(new Problem("deviations", "risk.validation.noDeviation"));
            }
            if (a.causes().isEmpty()) {
                p.add(new Problem("causes", "risk.validation.noCauses"));
            }
            // A händelseanalys is walked through to the end: every step before the decision and the follow-up (the
            // last two; steps 1-6 of the standard eight) is done ("Ja"), or says in writing why not.
            int required = Math.max(0, a.steps().size() - 2);
            for (EventStep s : a.steps()) {
                if (s.number() <= required && !s.done() && blank(s.text())) {
                    p.add(new Problem("steps", "risk.validation.stepNotDoneWithoutReason", s.number()));
                }
            }
        }
        if (measures.isEmpty() && blank(a.noMeasuresReason())) {
            p.add(new Problem("measures", "risk.validation.measuresOrReason"));
        }
        if (!measures.isEmpty() && a.followUpOn() == null) {
            p.add(new Problem("followUpOn", "risk.validation.followUpRequired"));
        }
        return p;
    }

    /** An analysis is followed up when it was decided and every measure is done with its effect checked. */
    public static List<Problem> checkFollowUp(RiskAnalysis a, List<Measure> measures) {
        List<Problem> p = new ArrayList<>();
        if (a.status() != AnalysisStatus.BESLUTAD) {
            p.add(new Problem("status", "risk.validation.notDecided"));
        }
        long open = measures.stream().filter(m -> !m.done() || !m.effectChecked()).count();
        if (open > 0) {
            p.add(new Problem("measures", "risk.validation.measuresOpen", open));
        }
        return p;
    }

    /** When the next half-yearly analysis is due (individual level only). */
    public static Optional<LocalDate> nextRecurrence(AnalysisLevel level, LocalDate analysedOn) {
        if (level != AnalysisLevel.INDIVID || analysedOn == null) {
            return Optional.empty();
        }
        return Optional.of(analysedOn.plusMonths(INDIVIDUAL_INTERVAL_MONTHS));
    }

    /** The next individual analysis is due: half a year has passed and no successor has been started. */
    public static boolean recurrenceDue(AnalysisLevel level, LocalDate analysedOn, boolean hasSuccessor,
                                        LocalDate today) {
        return !hasSuccessor && nextRecurrence(level, analysedOn).map(d -> !d.isAfter(today)).orElse(false);
    }

    /** The follow-up date has come and the analysis is not yet followed up. */
    public static boolean followUpDue(AnalysisStatus status, LocalDate followUpOn, LocalDate today) {
        return status != AnalysisStatus.UPPFOLJD && followUpOn != null && !followUpOn.isAfter(today);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
