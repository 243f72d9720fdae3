package se.kvalitetshjulet.domain.council;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a council meeting's agenda (dagordning) from what has happened: first the previous meeting's decisions
 * to follow up, then the deviations registered since the previous meeting, the overdue actions of the unit's
 * subtree, one item per chart signal, and last the items added by hand.
 */
public final class AgendaBuilder {
    private AgendaBuilder() {
    }

    /**
     * A monthly run chart with a recent signal: what was charted ({@code series}: a deviation kind's name, or
     * {@code ALL}), its median and the latest month's value.
     */
    public record Signal(String series, double median, double latest) { }

    /** The facts the agenda is built from. {@code since} is the previous meeting's date (or the start of the period). */
    public record Input(LocalDate since, long deviationCount, List<Long> deviationIds, List<Long> followUpActionIds,
                        List<Long> overdueActionIds, List<Signal> signals, List<AgendaItem> added) { }

    public static List<AgendaItem> build(Input in) {
        List<AgendaItem> out = new ArrayList<>();
        if (!in.followUpActionIds().isEmpty()) {
            out.add(new AgendaItem(AgendaItem.Kind.FOLLOW_UP, null, null, in.followUpActionIds().size(), null,
                    in.followUpActionIds(), null));
        }
        out.add(new AgendaItem(AgendaItem.Kind.DEVIATIONS_SINCE, null, in.since() == null ? null : in.since().toString(),
                in.deviationCount(), null, in.deviationIds(), null));
        if (!in.overdueActionIds().isEmpty()) {
            out.add(new AgendaItem(AgendaItem.Kind.OVERDUE_ACTIONS, null, null, in.overdueActionIds().size(), null,
                    in.overdueActionIds(), null));
        }
        for (Signal s : in.signals()) {
            out.add(new AgendaItem(AgendaItem.Kind.CHART_SIGNAL, null, s.series(), 1, null, List.of(), s));
        }
        out.addAll(in.added());
        return out;
    }
}
