package se.kvalitetshjulet.domain.council;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a council meeting follows up: every decision of the previous meeting, and every action that was followed
 * up at the previous meeting without being reported done (not done, carried over, or left without an outcome).
 * Applied meeting by meeting, nothing decided can slip between meetings until it is reported done.
 */
public final class FollowUpRules {
    private FollowUpRules() {
    }

    /** What one earlier meeting decided (action ids) and the outcomes it recorded (action id → outcome). */
    public record MeetingRecord(long meetingId, List<Long> decisions, Map<Long, FollowUpOutcome> outcomes) { }

    /**
     * The actions to follow up at the meeting after {@code earlier}.
     *
     * @param earlier the unit council's earlier meetings, oldest first
     * @return action ids, in the order they were decided
     */
    public static List<Long> actionsToFollowUp(List<MeetingRecord> earlier) {
        Set<Long> list = new LinkedHashSet<>();
        for (MeetingRecord m : earlier) {
            Set<Long> next = new LinkedHashSet<>();
            for (Long id : list) {
                if (m.outcomes().get(id) != FollowUpOutcome.DONE) {
                    next.add(id);
                }
            }
            next.addAll(m.decisions());
            list = next;
        }
        return new ArrayList<>(list);
    }
}
