package se.kvalitetshjulet.domain.plan;

import java.time.LocalDate;
import java.util.List;

import se.kvalitetshjulet.domain.action.ActionStatus;
import se.kvalitetshjulet.domain.deviation.Measure;

/**
 * How far a quality plan has come: goals reached of all goals, actions done (and effect-checked) of all actions,
 * overdue actions; {@link #share()} is the share of finished items (goals reached plus actions done) of all items.
 */
public record PlanProgress(int goals, int goalsReached, int actions, int actionsDone, int actionsEffectChecked,
                           int actionsOverdue) {

    public static PlanProgress of(List<Goal> goals, List<Measure> actions, LocalDate today) {
        int reached = (int) goals.stream().filter(g -> g.status() == Goal.GoalStatus.REACHED).count();
        int done = 0;
        int checked = 0;
        int overdue = 0;
        for (Measure m : actions) {
            ActionStatus s = ActionStatus.of(m, today);
            if (s == ActionStatus.DONE || s == ActionStatus.EFFECT_CHECKED) {
                done++;
            }
            if (s == ActionStatus.EFFECT_CHECKED) {
                checked++;
            }
            if (s == ActionStatus.OVERDUE) {
                overdue++;
            }
        }
        return new PlanProgress(goals.size(), reached, actions.size(), done, checked, overdue);
    }

    public double share() {
        int all = goals + actions;
        return all == 0 ? 0 : (double) (goalsReached + actionsDone) / all;
    }
}
