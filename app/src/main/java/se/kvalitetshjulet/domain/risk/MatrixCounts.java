package se.kvalitetshjulet.domain.risk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Riskmatrisens fördelning: how many risks lie in each cell of one template's matrix, before measures and after
 * measures (a risk without an assessment after measures counts where it was before), over a number of analyses.
 * Counts come grouped from the database; cells outside the matrix (a template changed after the risks were
 * scored) are counted apart.
 */
public record MatrixCounts(RiskMatrix matrix, long[][] before, long[][] after, long outside, long analyses) {

    /** One grouped count: the risks scored (probability, consequence) before or after measures. */
    public record Cell(boolean afterMeasures, int probability, int consequence, long count) { }

    /** Folds grouped cell counts into the matrix. */
    public static MatrixCounts of(RiskMatrix matrix, List<Cell> cells, long analyses) {
        int n = matrix.size();
        long[][] before = new long[n][n];
        long[][] after = new long[n][n];
        long outside = 0;
        for (Cell c : cells) {
            if (matrix.inRange(c.probability()) && matrix.inRange(c.consequence())) {
                (c.afterMeasures() ? after : before)[c.probability() - 1][c.consequence() - 1] += c.count();
            } else if (!c.afterMeasures()) {
                outside += c.count();
            }
        }
        return new MatrixCounts(matrix, before, after, outside, analyses);
    }

    /** Risks in the cell (probability p, consequence c, both from 1). */
    public long count(boolean afterMeasures, int p, int c) {
        return (afterMeasures ? after : before)[p - 1][c - 1];
    }

    public long total(boolean afterMeasures) {
        long sum = 0;
        for (long[] row : afterMeasures ? after : before) {
            for (long v : row) {
                sum += v;
            }
        }
        return sum;
    }

    /** Risks per score band, highest band first. */
    public Map<ScoreBand, Long> byBand(boolean afterMeasures) {
        Map<ScoreBand, Long> out = new LinkedHashMap<>();
        for (ScoreBand b : matrix.bands().reversed()) {
            out.put(b, 0L);
        }
        for (int p = 1; p <= matrix.size(); p++) {
            for (int c = 1; c <= matrix.size(); c++) {
                out.merge(matrix.band(matrix.score(p, c)), count(afterMeasures, p, c), Long::sum);
            }
        }
        return out;
    }
}
