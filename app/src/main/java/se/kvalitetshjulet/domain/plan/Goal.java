package se.kvalitetshjulet.domain.plan;

/** Mål i kvalitetsplanen, with how it is measured and whether it is reached; may come from a dialogue. */
public record Goal(Long id, long planId, int position, String goal, String indicator, GoalStatus status,
                   Long dialogueId) {

    /** Ej påbörjat, pågår, uppnått, ej uppnått. */
    public enum GoalStatus { NOT_STARTED, ONGOING, REACHED, NOT_REACHED }

    public Goal withStatus(GoalStatus s) {
        return new Goal(id, planId, position, goal, indicator, s, dialogueId);
    }
}
