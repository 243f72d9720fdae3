package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;
import java.util.Set;

/**
 * Filter of the register. {@code unitIds} is already expanded to the chosen unit's subtree
 * (and intersected with the business area); {@code null} means all units.
 */
public record DeviationFilter(Set<DeviationKind> kinds, Set<DeviationStatus> statuses, Set<Long> unitIds,
                              Long categoryId, LocalDate from, LocalDate to, boolean overdueOnly, String text) {

    public static DeviationFilter all() {
        return new DeviationFilter(Set.of(), Set.of(), null, null, null, null, false, null);
    }

    public DeviationFilter withUnits(Set<Long> ids) {
        return new DeviationFilter(kinds, statuses, ids, categoryId, from, to, overdueOnly, text);
    }

    public DeviationFilter withPeriod(LocalDate f, LocalDate t) {
        return new DeviationFilter(kinds, statuses, unitIds, categoryId, f, t, overdueOnly, text);
    }

    public DeviationFilter withKinds(Set<DeviationKind> k) {
        return new DeviationFilter(k, statuses, unitIds, categoryId, from, to, overdueOnly, text);
    }

    public DeviationFilter withText(String t) {
        return new DeviationFilter(kinds, statuses, unitIds, categoryId, from, to, overdueOnly, t);
    }

    public DeviationFilter withOverdueOnly(boolean o) {
        return new DeviationFilter(kinds, statuses, unitIds, categoryId, from, to, o, text);
    }
}
