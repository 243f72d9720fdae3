package se.kvalitetshjulet.domain.action;

import java.util.List;
import java.util.Set;

/**
 * Filter of the action list. {@code unitIds} null means every unit (an empty set matches nothing);
 * {@code responsible} matches when the responsible text contains it (case-insensitive).
 * {@code roles} widen "mine" (issue 18, decision 0027): an action is also mine when its responsible names one of
 * my roles ("Enhetschef") in one of {@code roleUnitIds} (null: in every unit). With a name and roles, either one
 * makes an action mine.
 */
public record ActionFilter(String responsible, Set<Long> unitIds, boolean overdueOnly, ActionSource source,
                           ActionStatus status, List<String> roles, Set<Long> roleUnitIds) {

    public ActionFilter {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public ActionFilter(String responsible, Set<Long> unitIds, boolean overdueOnly, ActionSource source,
                        ActionStatus status) {
        this(responsible, unitIds, overdueOnly, source, status, List.of(), null);
    }

    public static ActionFilter all() {
        return new ActionFilter(null, null, false, null, null);
    }

    /** Whether "mine" narrows the list (a name or a role). */
    public boolean hasMine() {
        return responsible != null && !responsible.isBlank() || !roles.isEmpty();
    }

    public ActionFilter withResponsible(String r) {
        return new ActionFilter(r, unitIds, overdueOnly, source, status, roles, roleUnitIds);
    }

    /** "Mina åtgärder": my name, or one of my roles within {@code roleUnits} (null: anywhere). */
    public ActionFilter withMine(String name, List<String> myRoles, Set<Long> roleUnits) {
        return new ActionFilter(name, unitIds, overdueOnly, source, status, myRoles, roleUnits);
    }

    public ActionFilter withUnits(Set<Long> ids) {
        return new ActionFilter(responsible, ids, overdueOnly, source, status, roles, roleUnitIds);
    }

    public ActionFilter withOverdueOnly(boolean o) {
        return new ActionFilter(responsible, unitIds, o, source, status, roles, roleUnitIds);
    }

    public ActionFilter withSource(ActionSource s) {
        return new ActionFilter(responsible, unitIds, overdueOnly, s, status, roles, roleUnitIds);
    }

    public ActionFilter withStatus(ActionStatus s) {
        return new ActionFilter(responsible, unitIds, overdueOnly, source, s, roles, roleUnitIds);
    }
}
