package se.kvalitetshjulet.domain.action;

import java.util.Set;

/**
 * Filter of the action list. {@code unitIds} null means every unit (an empty set matches nothing);
 * {@code responsible} matches when the responsible text contains it (case-insensitive).
 */
public record ActionFilter(String responsible, Set<Long> unitIds, boolean overdueOnly, ActionSource source,
                           ActionStatus status) {

    public static ActionFilter all() {
        return new ActionFilter(null, null, false, null, null);
    }

    public ActionFilter withResponsible(String r) {
        return new ActionFilter(r, unitIds, overdueOnly, source, status);
    }

    public ActionFilter withUnits(Set<Long> ids) {
        return new ActionFilter(responsible, ids, overdueOnly, source, status);
    }

    public ActionFilter withOverdueOnly(boolean o) {
        return new ActionFilter(responsible, unitIds, o, source, status);
    }

    public ActionFilter withSource(ActionSource s) {
        return new ActionFilter(responsible, unitIds, overdueOnly, s, status);
    }

    public ActionFilter withStatus(ActionStatus s) {
        return new ActionFilter(responsible, unitIds, overdueOnly, source, s);
    }
}
