package se.kvalitetshjulet.domain.council;

import java.util.List;

/**
 * Dagordningspunkt. Built ones carry a kind, a count and a label (the view words them); added ones carry their
 * own title and detail. {@code refIds} are the records behind the item (deviations, actions); {@code signal} is set
 * on chart signal items.
 */
public record AgendaItem(Kind kind, Long id, String label, long count, String detail, List<Long> refIds,
                         AgendaBuilder.Signal signal) {

    public enum Kind { FOLLOW_UP, DEVIATIONS_SINCE, OVERDUE_ACTIONS, CHART_SIGNAL, ADDED }

    public AgendaItem {
        refIds = List.copyOf(refIds);
    }

    public static AgendaItem added(Long id, String title, String detail) {
        return new AgendaItem(Kind.ADDED, id, title, 0, detail, List.of(), null);
    }

    public boolean added() {
        return kind == Kind.ADDED;
    }
}
