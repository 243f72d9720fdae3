package se.kvalitetshjulet.domain.trend;

/**
 * Diagramslag: what the chart screen shows. A trend over time, a Pareto chart (bars sorted
 * descending with the cumulative share) of deviation categories, cause categories or measure
 * types, the self-check compliance per round, open and overdue improvement actions per month end, or the risk
 * matrix (riskmatris) of the risk analyses: how many risks lie in each cell before and after measures.
 */
public enum ChartKind {
    TREND, PARETO_CATEGORIES, PARETO_CAUSES, PARETO_MEASURE_TYPES, SELF_CHECK_COMPLIANCE, ACTIONS, RISK_MATRIX;

    public boolean pareto() {
        return this == PARETO_CATEGORIES || this == PARETO_CAUSES || this == PARETO_MEASURE_TYPES;
    }

    /** Whether the x axis is time (periods, rounds or month ends), so dated annotations can be placed on it. */
    public boolean timeAxis() {
        return !pareto() && this != RISK_MATRIX;
    }
}
