package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.Problem;

/**
 * What a deviation needs before it may be saved, and before each workflow step.
 * Required fields depend on kind and state; messages are bundle keys.
 */
public final class DeviationRules {
    private DeviationRules() {
    }

    /** Problems that block saving in the record's current status. */
    public static List<Problem> validate(Deviation d, LocalDate today) {
        List<Problem> p = new ArrayList<>();
        if (d.kind() == null) {
            p.add(new Problem("kind", "deviation.validation.kindRequired"));
        }
        if (d.unitId() == null) {
            p.add(new Problem("unit", "deviation.validation.unitRequired"));
        }
        if (blank(d.title())) {
            p.add(new Problem("title", "deviation.validation.titleRequired"));
        } else if (d.title().length() > 300) {
            p.add(new Problem("title", "deviation.validation.titleTooLong"));
        }
        if (d.categoryId() == null) {
            p.add(new Problem("category", "deviation.validation.categoryRequired"));
        }
        if (d.law() == null) {
            p.add(new Problem("law", "deviation.validation.lawRequired"));
        } else if (d.kind() != null && !d.kind().allowedLaws().contains(d.law())) {
            p.add(new Problem("law", "deviation.validation.lawNotForKind"));
        }
        if (d.registeredOn() == null) {
            p.add(new Problem("registeredOn", "deviation.validation.registeredRequired"));
        } else if (d.registeredOn().isAfter(today)) {
            p.add(new Problem("registeredOn", "deviation.validation.registeredInFuture"));
        }
        if (d.occurredOn() != null && d.occurredOn().isAfter(today)) {
            p.add(new Problem("occurredOn", "deviation.validation.occurredInFuture"));
        }
        if (d.occurredOn() != null && d.reportedOn() != null && d.reportedOn().isBefore(d.occurredOn())) {
            p.add(new Problem("reportedOn", "deviation.validation.reportedBeforeOccurred"));
        }
        if (d.reportedOn() != null && d.registeredOn() != null && d.registeredOn().isBefore(d.reportedOn())) {
            p.add(new Problem("registeredOn", "deviation.validation.registeredBeforeReported"));
        }
        if (blank(d.reporterRole())) {
            p.add(new Problem("reporterRole", "deviation.validation.reporterRoleRequired"));
        }
        if (d.kind() != null && d.assessment() != null && !d.kind().assessments().contains(d.assessment())) {
            p.add(new Problem("assessment", "deviation.validation.assessmentNotForKind"));
        }
        if (d.ivoReportedOn() != null && d.registeredOn() != null && d.ivoReportedOn().isBefore(d.registeredOn())) {
            p.add(new Problem("ivoReportedOn", "deviation.validation.ivoBeforeRegistered"));
        }
        IvoDetails ivo = d.ivoDetails();
        if (d.ivoReportedOn() != null && d.kind() != null && d.kind().reportableToIvo() && ivo.notifierRole() == null) {
            p.add(new Problem("ivoNotifier", "deviation.validation.ivoNotifierRequired"));
        }
        if (ivo.notifierRole() != null && d.kind() != null
                && !IvoDetails.Notifier.forKind(d.kind()).contains(ivo.notifierRole())) {
            p.add(new Problem("ivoNotifier", "deviation.validation.ivoNotifierNotForKind"));
        }
        if (ivo.decisionDate() != null && d.ivoReportedOn() == null) {
            p.add(new Problem("ivoDecisionDate", "deviation.validation.ivoDecisionWithoutNotification"));
        } else if (ivo.decisionDate() != null && ivo.decisionDate().isBefore(d.ivoReportedOn())) {
            p.add(new Problem("ivoDecisionDate", "deviation.validation.ivoDecisionBeforeNotification"));
        }
        if (ivo.decisionDate() != null && ivo.decisionDate().isAfter(today)) {
            p.add(new Problem("ivoDecisionDate", "deviation.validation.ivoDecisionInFuture"));
        }
        if (ivo.decisionDate() != null && blank(ivo.decision())) {
            p.add(new Problem("ivoDecision", "deviation.validation.ivoDecisionTextRequired"));
        }
        return p;
    }

    /**
     * Problems that block sending the record back to {@code target} (or reopening a closed case): the step must
     * be one of {@link DeviationStatus#allowedBack()} and a reason must be written; it goes into the audit row.
     */
    public static List<Problem> checkStepBack(Deviation d, DeviationStatus target, String reason) {
        List<Problem> p = new ArrayList<>();
        if (d.id() == null) {
            p.add(new Problem("status", "deviation.validation.stepBackUnsaved"));
            return p;
        }
        if (!d.status().allowedBack().contains(target)) {
            p.add(new Problem("status", "deviation.validation.stepBackNotAllowed"));
        }
        if (blank(reason) || reason.strip().length() < MIN_REASON_LENGTH) {
            p.add(new Problem("reason", d.status() == DeviationStatus.AVSLUTAD
                    ? "deviation.validation.reopenReasonRequired" : "deviation.validation.stepBackReasonRequired"));
        }
        return p;
    }

    /** The shortest reason accepted for a step back: a word or two, not a single character. */
    public static final int MIN_REASON_LENGTH = 5;

    /**
     * The law a new deviation defaults to in a unit of the given verksamhetsområde (its code, e.g. "LSS"):
     * an LSS unit gives LSS, a health-care unit HSL, where the kind allows it; otherwise the kind's default.
     */
    public static Law defaultLaw(DeviationKind kind, String businessAreaCode) {
        if (kind == null) {
            return null;
        }
        if ("LSS".equalsIgnoreCase(businessAreaCode) && kind.allowedLaws().contains(Law.LSS)) {
            return Law.LSS;
        }
        if ("HSL".equalsIgnoreCase(businessAreaCode) && kind.allowedLaws().contains(Law.HSL)) {
            return Law.HSL;
        }
        return kind.defaultLaw();
    }

    /**
     * A warning (not a block) when the chosen law does not fit the unit's verksamhetsområde: SoL or HSL chosen in
     * an LSS unit where LSS is possible, or LSS chosen in a unit outside LSS. Empty when it fits.
     */
    public static java.util.Optional<Problem> lawMismatch(DeviationKind kind, Law law, String businessAreaCode) {
        if (kind == null || law == null || businessAreaCode == null) {
            return java.util.Optional.empty();
        }
        boolean lssUnit = "LSS".equalsIgnoreCase(businessAreaCode);
        if (lssUnit && law != Law.LSS && kind.allowedLaws().contains(Law.LSS) && law != Law.HSL) {
            return java.util.Optional.of(new Problem("law", "deviation.warning.lawNotLssInLssUnit"));
        }
        if (!lssUnit && law == Law.LSS) {
            return java.util.Optional.of(new Problem("law", "deviation.warning.lssOutsideLssUnit"));
        }
        return java.util.Optional.empty();
    }

    /** Problems that block moving the record to {@code next}; empty when the step is allowed. */
    public static List<Problem> checkTransition(Deviation d, DeviationStatus next, List<Measure> measures, LocalDate today) {
        List<Problem> p = new ArrayList<>(validate(d, today));
        if (!d.status().mayMoveTo(next)) {
            // Going back or reopening is a separate step with a reason (checkStepBack), never an ordinary next step.
            p.add(new Problem("status", d.status().isBackTo(next) ? "deviation.validation.stepBackNeedsReason"
                    : "deviation.validation.transitionNotAllowed"));
            return p;
        }
        if (next.ordinal() >= DeviationStatus.UTREDNING.ordinal() && blank(d.description())) {
            p.add(new Problem("description", "deviation.validation.descriptionRequired"));
        }
        // Lex Sarah: the missförhållande is remedied "utan dröjsmål" - the immediate measures come first.
        if (d.kind() == DeviationKind.LEX_SARAH && d.status() == DeviationStatus.REGISTRERAD && blank(d.immediateActions())) {
            p.add(new Problem("immediateActions", "deviation.validation.immediateActionsRequired"));
        }
        if (next.ordinal() >= DeviationStatus.BEDOMD.ordinal()) {
            if (blank(d.facts())) {
                p.add(new Problem("facts", "deviation.validation.factsRequired"));
            }
            if (d.assessment() == null) {
                p.add(new Problem("assessment", "deviation.validation.assessmentRequired"));
            }
            if (d.kind() == DeviationKind.LEX_SARAH || d.kind() == DeviationKind.LEX_MARIA) {
                if (d.causeIds().isEmpty() && blank(d.causeText())) {
                    p.add(new Problem("causes", "deviation.validation.causesRequired"));
                }
            }
        }
        if (next == DeviationStatus.ATGARDAD && measures.isEmpty()) {
            p.add(new Problem("measures", "deviation.validation.measuresRequired"));
        }
        if (next == DeviationStatus.AVSLUTAD) {
            for (Measure m : measures) {
                if (!m.done()) {
                    p.add(new Problem("measures", "deviation.validation.measureNotDone", m.what()));
                } else if (!m.effectChecked()) {
                    p.add(new Problem("measures", "deviation.validation.measureEffectUnchecked", m.what()));
                }
            }
            if (requiresIvo(d) && (d.ivoReportedOn() == null || blank(d.ivoReference()))) {
                p.add(new Problem("ivo", "deviation.validation.ivoRequired"));
            }
            if (requiresIvo(d) && d.ivoDetails().notifierRole() == null) {
                p.add(new Problem("ivoNotifier", "deviation.validation.ivoNotifierRequired"));
            }
        }
        return p;
    }

    /** Serious lex Sarah and lex Maria cases are reported to IVO (by SAS or MAS/MAR). */
    public static boolean requiresIvo(Deviation d) {
        if (d.kind() == null || !d.kind().reportableToIvo()) {
            return false;
        }
        return d.serious() || (d.assessment() != null && d.assessment().seriousByDefinition());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
