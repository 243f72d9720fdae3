package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;
import java.util.Set;

/**
 * Filter of the register. {@code unitIds} is already expanded to the chosen unit's subtree
 * (and intersected with the business area); {@code null} means all units. {@code ivoLateBefore}, when set, keeps only
 * the cases whose IVO notification is late: serious lex Sarah / lex Maria cases not yet notified and registered
 * before that day (today minus the IVO_ANMALAN rule's days, see {@link DeadlineRules#ivoLateBefore}).
 * {@code registeredBy}, when set, keeps only the cases that person registered ("Mina rapporterade avvikelser").
 */
public record DeviationFilter(Set<DeviationKind> kinds, Set<DeviationStatus> statuses, Set<Long> unitIds,
                              Long categoryId, LocalDate from, LocalDate to, boolean overdueOnly, String text,
                              LocalDate ivoLateBefore, String registeredBy) {

    public DeviationFilter(Set<DeviationKind> kinds, Set<DeviationStatus> statuses, Set<Long> unitIds,
                           Long categoryId, LocalDate from, LocalDate to, boolean overdueOnly, String text,
                           LocalDate ivoLateBefore) {
        this(kinds, statuses, unitIds, categoryId, from, to, overdueOnly, text, ivoLateBefore, null);
    }

    public DeviationFilter(Set<DeviationKind> kinds, Set<DeviationStatus> statuses, Set<Long> unitIds,
                           Long categoryId, LocalDate from, LocalDate to, boolean overdueOnly, String text) {
        this(kinds, statuses, unitIds, categoryId, from, to, overdueOnly, text, null);
    }

    public static DeviationFilter all() {
        return new DeviationFilter(Set.of(), Set.of(), null, null, null, null, false, null, null, null);
    }

    public DeviationFilter withUnits(Set<Long> ids) {
        return new DeviationFilter(kinds, statuses, ids, categoryId, from, to, overdueOnly, text, ivoLateBefore, registeredBy);
    }

    public DeviationFilter withStatuses(Set<DeviationStatus> s) {
        return new DeviationFilter(kinds, s, unitIds, categoryId, from, to, overdueOnly, text, ivoLateBefore, registeredBy);
    }

    public DeviationFilter withPeriod(LocalDate f, LocalDate t) {
        return new DeviationFilter(kinds, statuses, unitIds, categoryId, f, t, overdueOnly, text, ivoLateBefore, registeredBy);
    }

    public DeviationFilter withKinds(Set<DeviationKind> k) {
        return new DeviationFilter(k, statuses, unitIds, categoryId, from, to, overdueOnly, text, ivoLateBefore, registeredBy);
    }

    public DeviationFilter withText(String t) {
        return new DeviationFilter(kinds, statuses, unitIds, categoryId, from, to, overdueOnly, t, ivoLateBefore, registeredBy);
    }

    public DeviationFilter withOverdueOnly(boolean o) {
        return new DeviationFilter(kinds, statuses, unitIds, categoryId, from, to, o, text, ivoLateBefore, registeredBy);
    }

    /** Only cases whose IVO notification is late: registered before {@code day} (null: no such filter). */
    public DeviationFilter withIvoLateBefore(LocalDate day) {
        return new DeviationFilter(kinds, statuses, unitIds, categoryId, from, to, overdueOnly, text, day, registeredBy);
    }

    /** Only the cases {@code actor} registered (the name the audit trail records; null: everyone's). */
    public DeviationFilter withRegisteredBy(String actor) {
        return new DeviationFilter(kinds, statuses, unitIds, categoryId, from, to, overdueOnly, text, ivoLateBefore,
                actor);
    }
}
