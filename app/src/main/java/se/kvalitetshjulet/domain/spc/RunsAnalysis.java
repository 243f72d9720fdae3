package se.kvalitetshjulet.domain.spc;

/**
 * The Anhøj runs analysis of one part: the longest run on one side of the centre line and the
 * number of times the series crosses it, each against its critical value (Anhøj &amp; Olesen 2014).
 *
 * <p>Only useful observations count: points that are neither missing, excluded nor exactly on the
 * centre line. With no useful observations the numbers are {@code null}, as qicharts2 gives
 * {@code NA}.
 *
 * @param nUseful          number of useful observations
 * @param longestRun       length of the longest run of useful observations on one side
 * @param longestRunSide   which side that run is on (the first of them on a tie)
 * @param longestRunLimit  round(log2(nUseful)) + 3; a longer run signals
 * @param crossings        number of crossings of the centre line
 * @param crossingsLimit   the 5th percentile of Binomial(nUseful − 1, 0.5); fewer crossings signal
 * @param signal           a runs signal for the part; always {@code false} on MR charts, where
 *                         qicharts2 does not apply the rules
 */
public record RunsAnalysis(
        int nUseful,
        Integer longestRun,
        Side longestRunSide,
        Integer longestRunLimit,
        Integer crossings,
        Integer crossingsLimit,
        boolean signal) {

    /** Side of the centre line. */
    public enum Side { ABOVE, BELOW }

    static RunsAnalysis empty() {
        return new RunsAnalysis(0, null, null, null, null, null, false);
    }

    /** The longest run is longer than its limit (the shift rule). */
    public boolean longestRunTooLong() {
        return longestRun != null && longestRun > longestRunLimit;
    }

    /** There are fewer crossings than the limit (the crossings rule). */
    public boolean tooFewCrossings() {
        return crossings != null && crossings < crossingsLimit;
    }

    RunsAnalysis withoutSignal() {
        return new RunsAnalysis(nUseful, longestRun, longestRunSide, longestRunLimit, crossings, crossingsLimit,
                false);
    }
}
