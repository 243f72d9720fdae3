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
        return p;
    }

    /** Problems that block moving the record to {@code next}; empty when the step is allowed. */
    public static List<Problem> checkTransition(Deviation d, DeviationStatus next, List<Measure> measures, LocalDate today) {
        List<Problem> p = new ArrayList<>(validate(d, today));
        if (!d.status().mayMoveTo(next)) {
            p.add(new Problem("status", "deviation.validation.transitionNotAllowed"));
            return p;
        }
        boolean forward = next.ordinal() > d.status().ordinal();
        if (!forward) {
            return p;
        }
        if (next.ordinal() >= DeviationStatus.UTREDNING.ordinal() && blank(d.description())) {
            p.add(new Problem("description", "deviation.validation.descriptionRequired"));
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
