package se.kvalitetshjulet.domain.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the engine against numbers derived by hand from the qicharts2 0.8.x formulas. Each test
 * writes out its derivation, so a failing assertion can be checked with pen and paper.
 */
class SpcEngineTest {
    private static final Offset<Double> EXACT = within(1e-9);

    private static double[] values(SpcResult r) {
        return r.points().stream().mapToDouble(SpcPoint::value).toArray();
    }

    private static double[] lower(SpcResult r) {
        return r.points().stream().mapToDouble(SpcPoint::lowerLimit).toArray();
    }

    private static double[] upper(SpcResult r) {
        return r.points().stream().mapToDouble(SpcPoint::upperLimit).toArray();
    }

    private static List<Integer> outsideIndices(SpcResult r) {
        return r.points().stream().filter(SpcPoint::outside).map(SpcPoint::index).toList();
    }

    @Nested
    class CriticalValues {

        /**
         * Anhøj &amp; Olesen (2014), table of critical values for n = 10..100 useful observations:
         * upper limit for the longest run and lower limit for the number of crossings.
         */
        @ParameterizedTest(name = "n = {0}: longest run ≤ {1}, crossings ≥ {2}")
        @CsvSource({
            "10,6,2", "11,6,2", "12,7,3", "13,7,3", "14,7,4", "15,7,4", "16,7,4", "17,7,5", "18,7,5",
            "19,7,6", "20,7,6", "21,7,6", "22,7,7", "23,8,7", "24,8,8", "25,8,8", "26,8,8", "27,8,9",
            "28,8,9", "29,8,10", "30,8,10", "31,8,11", "32,8,11", "33,8,11", "34,8,12", "35,8,12",
            "36,8,13", "37,8,13", "38,8,14", "39,8,14", "40,8,14", "41,8,15", "42,8,15", "43,8,16",
            "44,8,16", "45,8,17", "46,9,17", "47,9,17", "48,9,18", "49,9,18", "50,9,19", "51,9,19",
            "52,9,20", "53,9,20", "54,9,21", "55,9,21", "56,9,21", "57,9,22", "58,9,22", "59,9,23",
            "60,9,23", "61,9,24", "62,9,24", "63,9,25", "64,9,25", "65,9,25", "66,9,26", "67,9,26",
            "68,9,27", "69,9,27", "70,9,28", "71,9,28", "72,9,29", "73,9,29", "74,9,29", "75,9,30",
            "76,9,30", "77,9,31", "78,9,31", "79,9,32", "80,9,32", "81,9,33", "82,9,33", "83,9,34",
            "84,9,34", "85,9,34", "86,9,35", "87,9,35", "88,9,36", "89,9,36", "90,9,37", "91,10,37",
            "92,10,38", "93,10,38", "94,10,39", "95,10,39", "96,10,39", "97,10,40", "98,10,40",
            "99,10,41", "100,10,41"
        })
        void matchAnhojsTable(int n, int longestRunLimit, int crossingsLimit) {
            assertThat(RunsRules.longestRunLimit(n)).isEqualTo(longestRunLimit);
            assertThat(RunsRules.crossingsLimit(n)).isEqualTo(crossingsLimit);
        }

        @Test
        void binomialQuantileIsExactAtSmallSizes() {
            BigDecimal p = new BigDecimal("0.05");
            // Binomial(8, 1/2): P(X<=1) = 9/256 = 0.035 < 0.05 <= P(X<=2) = 37/256 = 0.145 -> 2
            assertThat(FairCoinBinomial.quantile(p, 8)).isEqualTo(2);
            // Binomial(13, 1/2): P(X<=3) = 378/8192 = 0.0461 < 0.05 <= P(X<=4) = 1093/8192 -> 4
            assertThat(FairCoinBinomial.quantile(p, 13)).isEqualTo(4);
            // Binomial(0, 1/2) is always 0, as R's qbinom(0.05, 0, 0.5).
            assertThat(FairCoinBinomial.quantile(p, 0)).isZero();
            // The median of Binomial(4, 1/2): P(X<=1) = 5/16 < 0.5 <= P(X<=2) = 11/16 -> 2
            assertThat(FairCoinBinomial.quantile(new BigDecimal("0.5"), 4)).isEqualTo(2);
            // P(X<=x) >= 1 first at x = size; any p at all is reached at x = 0 when p = 0.
            assertThat(FairCoinBinomial.quantile(BigDecimal.ONE, 7)).isEqualTo(7);
            assertThat(FairCoinBinomial.quantile(BigDecimal.ZERO, 7)).isZero();
            // Far beyond the table, checked in R: qbinom(0.05, 999, 0.5) = 474, since
            // pbinom(473, 999, 0.5) = 0.04994 < 0.05 <= pbinom(474, 999, 0.5) = 0.05681;
            // round(log2(1000) = 9.97) + 3 = 13.
            assertThat(RunsRules.crossingsLimit(1000)).isEqualTo(474);
            assertThat(RunsRules.longestRunLimit(1000)).isEqualTo(13);
        }

        @Test
        void longestRunLimitForTinySeries() {
            // round(log2(1)) + 3 = 3, round(log2(2)) + 3 = 4, round(log2(3) = 1.58) + 3 = 5
            assertThat(RunsRules.longestRunLimit(1)).isEqualTo(3);
            assertThat(RunsRules.longestRunLimit(2)).isEqualTo(4);
            assertThat(RunsRules.longestRunLimit(3)).isEqualTo(5);
        }
    }

    @Nested
    class RunChart {

        @Test
        void pointsOnTheMedianNeitherBreakNorExtendARun() {
            // y = 3 5 4 6 5 4 7 8 6 7 9 8 7 6 (14 points)
            // sorted: 3 4 4 5 5 6 6 6 7 7 7 8 8 9 -> median = (6 + 6) / 2 = 6
            // points 4, 9 and 14 equal 6: on the median, not useful -> n = 11
            // useful signs: 3- 5- 4- (6) 5- 4- | 7+ 8+ (6) 7+ 9+ 8+ 7+ (6)
            // runs: 5 below (points 1,2,3,5,6: point 4 does not break it), 6 above -> longest 6,
            // crossings 1. Limits for n = 11: round(log2 11 = 3.46) + 3 = 6 and qbinom(0.05, 10, 0.5):
            // P(X<=1) = 11/1024 = 0.011, P(X<=2) = 56/1024 = 0.055 -> 2.
            // 6 > 6 is false; 1 < 2 is true -> runs signal from the crossings rule.
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.RUN, 3, 5, 4, 6, 5, 4, 7, 8, 6, 7, 9, 8, 7, 6));

            SpcPart part = r.part(1);
            assertThat(part.centreLine()).isEqualTo(6.0);
            assertThat(part.runs()).isEqualTo(new RunsAnalysis(11, 6, RunsAnalysis.Side.ABOVE, 6, 1, 2, true));
            assertThat(part.runs().longestRunTooLong()).isFalse();
            assertThat(part.runs().tooFewCrossings()).isTrue();
            assertThat(r.points()).allSatisfy(p -> {
                assertThat(p.runsSignal()).isTrue();
                assertThat(p.outside()).isFalse();
                assertThat(p.lowerLimit()).isNaN();
                assertThat(p.upperLimit()).isNaN();
            });
        }

        @Test
        void evenNumberOfPointsTakesTheMeanOfTheMiddleTwo() {
            // y = 1 2 3 4 5 5 5 6 7 8 9 10: median = (5 + 5) / 2 = 5; the three 5s are on it.
            // useful: 1 2 3 4 below, 6 7 8 9 10 above -> n = 9, longest 5, crossings 1.
            // n = 9: round(log2 9 = 3.17) + 3 = 6; qbinom(0.05, 8, 0.5) = 2 (37/256 >= 0.05).
            // crossings 1 < 2 -> signal.
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.RUN, 1, 2, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10));
            assertThat(r.part(1).centreLine()).isEqualTo(5.0);
            assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(9, 5, RunsAnalysis.Side.ABOVE, 6, 1, 2, true));

            // y = 1 3 2 4: median = (2 + 3) / 2 = 2.5
            assertThat(SpcEngine.compute(SpcRequest.of(ChartType.RUN, 1, 3, 2, 4)).part(1).centreLine())
                    .isEqualTo(2.5);
        }

        @Test
        void freezeTakesTheMedianFromTheBaselineAndAnalysesTheWholeSeries() {
            // Same 14 points, freeze = 6: baseline 3 5 4 6 5 4 sorted 3 4 4 5 5 6 -> median 4.5.
            // No point equals 4.5 -> n = 14. Signs: - + - + + - + + + + + + + +
            // runs 1,1,1,2,1,8 -> longest 8 (above), crossings 5.
            // n = 14: round(log2 14 = 3.81) + 3 = 7; qbinom(0.05, 13, 0.5) = 4 (P(X<=3) = 0.046).
            // 8 > 7 -> signal from the shift rule.
            SpcResult r = SpcEngine.compute(
                    SpcRequest.of(ChartType.RUN, 3, 5, 4, 6, 5, 4, 7, 8, 6, 7, 9, 8, 7, 6).withFreeze(6));
            assertThat(r.points()).allSatisfy(p -> assertThat(p.centreLine()).isEqualTo(4.5));
            assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(14, 8, RunsAnalysis.Side.ABOVE, 7, 5, 4, true));
            assertThat(r.points().stream().filter(SpcPoint::baseline).map(SpcPoint::index))
                    .containsExactly(1, 2, 3, 4, 5, 6);
        }

        @Test
        void aRunAsLongAsItsLimitIsNoSignal() {
            // Baseline (freeze 4) 1 3 1 3 -> median 2. y = 1 3 1 3 3 3 3 3 3 3 1 3
            // signs - + - + + + + + + + - + -> runs 1,1,1,7,1,1: longest 7, crossings 5, n = 12.
            // n = 12: round(log2 12 = 3.58) + 3 = 7 and qbinom(0.05, 11, 0.5) = 3. A run longer than
            // 7 signals; a run of exactly 7 does not.
            SpcResult r = SpcEngine.compute(
                    SpcRequest.of(ChartType.RUN, 1, 3, 1, 3, 3, 3, 3, 3, 3, 3, 1, 3).withFreeze(4));
            assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(12, 7, RunsAnalysis.Side.ABOVE, 7, 5, 3, false));
        }

        @Test
        void missingValuesAreNotUsefulAndDoNotBreakRuns() {
            // y = 1 NA 2 8 9 NA 7: median of 1 2 7 8 9 = 7; useful: 1- 2- 8+ 9+ (7 on median)
            // -> n = 4, runs 2,2 -> longest 2, crossings 1; limits round(log2 4) + 3 = 5 and
            // qbinom(0.05, 3, 0.5) = 0 (P(X=0) = 1/8 >= 0.05) -> no signal.
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.RUN,
                    Arrays.asList(1.0, null, 2.0, 8.0, 9.0, Double.NaN, 7.0)));
            assertThat(r.point(2).isMissing()).isTrue();
            assertThat(r.part(1).centreLine()).isEqualTo(7.0);
            assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(4, 2, RunsAnalysis.Side.BELOW, 5, 1, 0, false));
        }

        @Test
        void denominatorsMakeARunChartOfRatios() {
            // 1/4 = 0.25, 3/4 = 0.75, 1/2 = 0.5 -> median 0.5
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.RUN, new double[] {1, 3, 1},
                    new double[] {4, 4, 2}));
            assertThat(values(r)).containsExactly(0.25, 0.75, 0.5);
            assertThat(r.part(1).centreLine()).isEqualTo(0.5);
        }
    }

    @Nested
    class IndividualsChart {
        // y = 10 12 11 13 12 30 12 11 13 12, mean = 136 / 10 = 13.6
        // moving ranges: 2 1 2 1 18 18 1 2 1, sum 46 -> mean MR = 46/9 = 5.1111
        private final double[] y = {10, 12, 11, 13, 12, 30, 12, 11, 13, 12};

        @Test
        void unscreened() {
            // sd = (46/9) / 1.128 = 4.531126872; limits 13.6 ± 3 sd = 13.6 ± 13.593380615
            // -> UCL 27.193380615, LCL 0.006619385 (not clipped: I charts are never clipped)
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.I, y).withScreenedMovingRanges(false));
            SpcPoint p = r.point(1);
            assertThat(p.centreLine()).isCloseTo(13.6, EXACT);
            assertThat(p.upperLimit()).isCloseTo(27.193380614657208, EXACT);
            assertThat(p.lowerLimit()).isCloseTo(0.006619385342789386, EXACT);
            assertThat(outsideIndices(r)).containsExactly(6);
            // runs vs 13.6: 5 below, 30 above, 4 below -> n 10, longest 5, crossings 2;
            // limits for n = 10 are 6 and 2 -> no runs signal.
            assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(10, 5, RunsAnalysis.Side.BELOW, 6, 2, 2, false));
            assertThat(r.part(1).pointsOutside()).isEqualTo(1);
        }

        @Test
        void screenedMovingRanges() {
            // upper limit for moving ranges: 3.267 × 46/9 = 16.698 -> both 18s are dropped;
            // the remaining 7 ranges sum to 10 -> mean MR = 10/7 = 1.428571
            // sd = (10/7) / 1.128 = 1.266464032; 13.6 ± 3.799392097 -> UCL 17.399392097, LCL 9.800607903
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.I, y).withScreenedMovingRanges(true));
            assertThat(r.point(1).upperLimit()).isCloseTo(17.39939209726444, EXACT);
            assertThat(r.point(1).lowerLimit()).isCloseTo(9.800607902735562, EXACT);
            assertThat(outsideIndices(r)).containsExactly(6);
        }

        @Test
        void screeningDropsMovingRangesEqualToTheLimit() {
            // y = 0 245 3512 3756 4000, mean 11513/5 = 2302.6
            // moving ranges of (y − 2302.6): 245 3267 244 244 -> mean 4000/4 = 1000
            // 3.267 × 1000 = 3267 exactly in doubles; qicharts2 keeps only ranges < 3267, so the
            // range of 3267 goes and the mean becomes 733/3 = 244.333333
            // sd = 244.333333 / 1.128 = 216.607565; 2302.6 ± 649.822695 -> LCL 1652.777305, UCL 2952.422695
            SpcResult r = SpcEngine.compute(
                    SpcRequest.of(ChartType.I, 0, 245, 3512, 3756, 4000).withScreenedMovingRanges(true));
            assertThat(r.point(1).lowerLimit()).isCloseTo(1652.7773049645389, EXACT);
            assertThat(r.point(1).upperLimit()).isCloseTo(2952.4226950354609, EXACT);
        }

        @Test
        void excludedPointIsShownButNotUsed() {
            // Exclude point 6 (30): mean of the other nine = 106/9 = 11.777777778.
            // Moving ranges over the included points 10 12 11 13 12 | 12 11 13 12 bridge the gap
            // (|12 - 12| = 0): 2 1 2 1 0 1 2 1, sum 10 -> mean MR = 10/8 = 1.25
            // sd = 1.25 / 1.128 = 1.108156028; 11.777777778 ± 3.324468085
            // -> UCL 15.102245863, LCL 8.453309693
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.I, y).withExcluded(6));
            SpcPoint six = r.point(6);
            assertThat(six.value()).isEqualTo(30.0);
            assertThat(six.excluded()).isTrue();
            assertThat(six.centreLine()).isCloseTo(11.777777777777779, EXACT);
            assertThat(six.upperLimit()).isCloseTo(15.10224586288416, EXACT);
            assertThat(six.lowerLimit()).isCloseTo(8.453309692671397, EXACT);
            // qicharts2 still flags an excluded point that lies outside the limits.
            assertThat(six.outside()).isTrue();
            // Runs analysis without point 6, vs 11.7778: 10- 12+ 11- 13+ 12+ 12+ 11- 13+ 12+
            // -> n 9, runs 1,1,1,3,1,2 -> longest 3, crossings 5; limits 6 and 2 -> no signal.
            assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(9, 3, RunsAnalysis.Side.ABOVE, 6, 5, 2, false));
        }

        @Test
        void freezeExtendsBaselineLimitsOverTheRest() {
            // Baseline 10 12 11 13 12 11: mean 69/6 = 11.5; MRs 2 1 2 1 1 -> 7/5 = 1.4
            // sd = 1.4 / 1.128 = 1.241134752; 11.5 ± 3.723404255 -> UCL 15.223404255, LCL 7.776595745
            // After the baseline: 15 16 15 17 16 15 16 17 -> 16, 17, 16, 16, 17 are above the UCL.
            // Runs over all 14 points vs 11.5: - + - + + - then 8 × + -> longest 8, crossings 5;
            // n = 14 -> limits 7 and 4 -> signal from the shift rule.
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.I,
                    10, 12, 11, 13, 12, 11, 15, 16, 15, 17, 16, 15, 16, 17).withFreeze(6));
            assertThat(r.points()).allSatisfy(p -> {
                assertThat(p.centreLine()).isEqualTo(11.5);
                assertThat(p.upperLimit()).isCloseTo(15.22340425531915, EXACT);
                assertThat(p.lowerLimit()).isCloseTo(7.776595744680851, EXACT);
            });
            assertThat(outsideIndices(r)).containsExactly(8, 10, 11, 13, 14);
            assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(14, 8, RunsAnalysis.Side.ABOVE, 7, 5, 4, true));
            assertThat(r.point(6).baseline()).isTrue();
            assertThat(r.point(7).baseline()).isFalse();
        }

        @Test
        void meanIsExactLikeR() {
            // R: mean(c(0.1, 0.2, 0.3)) == 0.2 is TRUE, while (0.1 + 0.2 + 0.3) / 3 in doubles is
            // 0.20000000000000004. Point 2 must therefore lie exactly on the centre line and not be
            // useful: n = 2.
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.I, 0.1, 0.2, 0.3));
            assertThat(r.part(1).centreLine()).isEqualTo(0.2);
            assertThat(r.part(1).runs().nUseful()).isEqualTo(2);
        }
    }

    @Nested
    class MovingRangeChart {

        @Test
        void limitsFromTheMeanMovingRange() {
            // MR values: NA 2 1 2 1 18 18 1 2 1; CL = 46/9 = 5.111111111; UCL = 3.267 × CL = 16.698
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.MR, 10, 12, 11, 13, 12, 30, 12, 11, 13, 12));
            assertThat(values(r)).containsExactly(Double.NaN, 2, 1, 2, 1, 18, 18, 1, 2, 1);
            assertThat(r.point(2).centreLine()).isCloseTo(46.0 / 9, EXACT);
            assertThat(r.point(2).upperLimit()).isCloseTo(16.698, EXACT);
            assertThat(r.point(2).lowerLimit()).isZero();
            assertThat(outsideIndices(r)).containsExactly(6, 7);
        }

        @Test
        void runsRulesNeverSignal() {
            // y = 0..10 then 20..100 by 10: MRs ten 1s and nine 10s; CL = 100/19 = 5.263; UCL 17.19
            // Runs: 10 below, 9 above: longest 10 > 7 and crossings 1 < 6 for n = 19, which would
            // signal on any other chart; qicharts2 never gives a runs signal on an MR chart.
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.MR,
                    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100));
            RunsAnalysis runs = r.part(1).runs();
            assertThat(runs).isEqualTo(new RunsAnalysis(19, 10, RunsAnalysis.Side.BELOW, 7, 1, 6, false));
            assertThat(runs.longestRunTooLong()).isTrue();
            assertThat(r.points()).noneMatch(SpcPoint::runsSignal);
            assertThat(SignalExplainer.swedish().explain(r, 1))
                    .containsExactly("Inga signaler: variationen är förenlig med slumpmässig variation");
        }
    }

    @Nested
    class CountChart {

        @Test
        void limitsAndClippingAtZero() {
            // y = 2 0 1 3 1 0 2 1 9 1: CL = 20/10 = 2; sd = √2 = 1.414213562
            // UCL = 2 + 3√2 = 6.242640687; LCL = 2 − 3√2 = −2.243 -> clipped to 0
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.C, 2, 0, 1, 3, 1, 0, 2, 1, 9, 1));
            assertThat(r.point(1).centreLine()).isEqualTo(2.0);
            assertThat(r.point(1).upperLimit()).isCloseTo(6.242640687119286, EXACT);
            assertThat(r.point(1).lowerLimit()).isZero();
            assertThat(outsideIndices(r)).containsExactly(9);
            // runs vs 2 (points 1 and 7 are on it, not useful): 0- 1- 3+ 1- 0- 1- 9+ 1- -> n = 8,
            // runs 2,1,3,1,1 -> longest 3, crossings 4; n = 8: limits round(3) + 3 = 6 and
            // qbinom(0.05, 7, 0.5) = 1 (P(X=0) = 1/128 < 0.05 <= P(X<=1) = 8/128).
            assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(8, 3, RunsAnalysis.Side.BELOW, 6, 4, 1, false));
        }

        @Test
        void partsGetTheirOwnCentreLinesLimitsAndRuns() {
            // "Ny rutin införd" after month 6.
            // Part 1: 5 6 4 7 5 6, CL = 33/6 = 5.5, UCL = 5.5 + 3√5.5 = 12.535623640, LCL -> 0
            // Part 2: 2 1 3 2 1 2, CL = 11/6 = 1.833333333, UCL = 11/6 + 3√(11/6) = 5.895352536, LCL -> 0
            // Runs part 1 vs 5.5: - + - + - + -> n 6, longest 1, crossings 5
            // Runs part 2 vs 1.8333: + - + + - + -> n 6, longest 2, crossings 4
            // n = 6: round(log2 6 = 2.58) + 3 = 6; qbinom(0.05, 5, 0.5) = 1 (1/32 < 0.05 <= 6/32).
            double[] counts = {5, 6, 4, 7, 5, 6, 2, 1, 3, 2, 1, 2};
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.C, counts).withPartBreaks(6));

            assertThat(r.parts()).hasSize(2);
            assertThat(r.part(1).firstIndex()).isEqualTo(1);
            assertThat(r.part(1).lastIndex()).isEqualTo(6);
            assertThat(r.part(2).firstIndex()).isEqualTo(7);
            assertThat(r.point(6).part()).isEqualTo(1);
            assertThat(r.point(7).part()).isEqualTo(2);
            assertThat(r.point(1).centreLine()).isCloseTo(5.5, EXACT);
            assertThat(r.point(1).upperLimit()).isCloseTo(12.535623639735144, EXACT);
            assertThat(r.point(12).centreLine()).isCloseTo(11.0 / 6, EXACT);
            assertThat(r.point(12).upperLimit()).isCloseTo(5.8953525356513135, EXACT);
            assertThat(lower(r)).containsOnly(0.0);
            assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(6, 1, RunsAnalysis.Side.BELOW, 6, 5, 1, false));
            assertThat(r.part(2).runs()).isEqualTo(new RunsAnalysis(6, 2, RunsAnalysis.Side.ABOVE, 6, 4, 1, false));

            // Without the split the common mean 44/12 = 3.667 has all of part 1 above and all of
            // part 2 below: n 12, longest 6, crossings 1 < qbinom(0.05, 11, 0.5) = 3 -> signal.
            SpcResult whole = SpcEngine.compute(SpcRequest.of(ChartType.C, counts));
            assertThat(whole.part(1).runs()).isEqualTo(new RunsAnalysis(12, 6, RunsAnalysis.Side.ABOVE, 7, 1, 3, true));
        }
    }

    @Nested
    class RateAndProportionCharts {

        @Test
        void uChartWithVaryingDenominators() {
            // Falls per bed day: y = 3 5 2 40 4 15, n = 100 150 80 1000 120 150
            // CL = Σy / Σn = 69 / 1600 = 0.043125; sd_i = √(0.043125 / n_i)
            //   n = 100:  sd 0.020766560, UCL 0.105424679, LCL −0.019 -> 0
            //   n = 1000: sd 0.006566963, UCL 0.062825888, LCL 0.023424112 (positive, kept)
            //   n = 150:  sd 0.016955825, UCL 0.093992475; point 6 = 15/150 = 0.1 > UCL -> outside
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.U,
                    new double[] {3, 5, 2, 40, 4, 15}, new double[] {100, 150, 80, 1000, 120, 150}));
            assertThat(values(r)).containsExactly(0.03, 5.0 / 150, 0.025, 0.04, 4.0 / 120, 0.1);
            assertThat(r.point(1).centreLine()).isEqualTo(0.043125);
            assertThat(upper(r)).containsExactly(new double[] {0.10542467897188557, 0.09399247487343951,
                0.11277815857877516, 0.06282588830484553, 0.09999656583038663, 0.09399247487343951}, EXACT);
            assertThat(lower(r)).containsExactly(new double[] {0, 0, 0, 0.023424111695154452, 0, 0}, EXACT);
            assertThat(outsideIndices(r)).containsExactly(6);
        }

        @Test
        void pChartWithVaryingDenominatorsClipsAtZeroAndOne() {
            // y = 1 5 14 10 2 9, n = 2 10 20 50 4 30: CL = 41/116 = 0.353448276
            // sd_i = √(CL (1 − CL) / n_i), CL (1 − CL) = 0.228522592
            //   n = 2:  sd 0.338025585, UCL 1.367525 -> clipped to 1, LCL −0.661 -> 0
            //   n = 20: sd 0.106893076, UCL 0.674127503, LCL 0.032769049; point 3 = 0.7 -> outside
            //   n = 50: sd 0.067605117, UCL 0.556263627, LCL 0.150632925
            //   n = 4:  sd 0.239020183, UCL 1.070509 -> clipped to 1
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.P,
                    new double[] {1, 5, 14, 10, 2, 9}, new double[] {2, 10, 20, 50, 4, 30}));
            assertThat(r.point(1).centreLine()).isCloseTo(41.0 / 116, EXACT);
            assertThat(upper(r)).containsExactly(new double[] {1, 0.8069571875021598, 0.674127502611308,
                0.5562636268279068, 1, 0.6152817680773697}, EXACT);
            assertThat(lower(r)).containsExactly(new double[] {0, 0, 0.03276904911282991,
                0.15063292489623115, 0, 0.09161478364676823}, EXACT);
            assertThat(outsideIndices(r)).containsExactly(3);
        }

        @Test
        void missingSubgroupHasNoLimits() {
            // A missing numerator makes the point missing (as R's complete.cases); qicharts2 then gets
            // a denominator of 0 for it, infinite limits, and reports them as NA.
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.P,
                    Arrays.asList(1.0, null, 3.0), List.of(10.0, 10.0, 10.0)));
            assertThat(r.point(2).value()).isNaN();
            assertThat(r.point(2).hasLimits()).isFalse();
            assertThat(r.point(1).centreLine()).isCloseTo(0.2, EXACT); // (1 + 3) / (10 + 10)
            assertThat(r.point(1).hasLimits()).isTrue();
        }

        @Test
        void laneyPPrime() {
            // y = 50 80 40 90 60, n = 500 600 400 700 500: CL = 320/2700 = 0.118518519
            // p = 0.1 0.133333 0.1 0.128571 0.12; sd_i = √(CL (1 − CL) / n_i)
            //   = 0.014454887 0.013195446 0.016161055 0.012216609 0.014454887
            // z_i = (p_i − CL) / sd_i = −1.281125096 1.122721783 −1.145873121 0.822888728 0.102490008
            // |Δz| = 2.403846879 2.268594904 1.968761849 0.720398720 -> mean 1.840400588
            // sigma_z = 1.840400588 / 1.128 = 1.631560805; limits CL ± 3 sd_i sigma_z:
            //   n = 500: 0.047766437 .. 0.189270600; n = 600: 0.053931000 .. 0.183106037
            //   n = 400: 0.039415287 .. 0.197621750; n = 700: 0.058722096 .. 0.178314941
            SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.PP,
                    new double[] {50, 80, 40, 90, 60}, new double[] {500, 600, 400, 700, 500}));
            assertThat(r.point(1).centreLine()).isCloseTo(320.0 / 2700, EXACT);
            assertThat(upper(r)).containsExactly(new double[] {0.189270599798115, 0.18310603669730846,
                0.19762175016390254, 0.1783149410428673, 0.189270599798115}, EXACT);
            assertThat(lower(r)).containsExactly(new double[] {0.04776643723892206, 0.053931000339728585,
                0.03941528687313452, 0.05872209599416974, 0.04776643723892206}, EXACT);
            assertThat(outsideIndices(r)).isEmpty();
        }

        @Test
        void laneyUPrimeWidensLimitsForOverdispersedRates() {
            // y = 12 30 9 25 14 40, n = 400 500 300 600 350 500: CL = 130/2650 = 0.049056604
            // u = 0.03 0.06 0.03 0.041667 0.04 0.08; sd_i = √(CL / n_i)
            //   = 0.011074363 0.009905211 0.012787573 0.009042179 0.011838992 0.009905211
            // z = −1.720785590 1.104812011 −1.490244036 −0.817273897 −0.764981004 3.123951203
            // |Δz| = 2.825597601 2.595056046 0.672970138 0.052292893 3.888932207 -> mean 2.006969777
            // sigma_z = 2.006969777 / 1.128 = 1.779228526
            // Point 6 (0.08): plain U chart UCL = CL + 3 × 0.009905211 = 0.078772 -> outside;
            // U′ UCL = CL + 3 × 0.009905211 × 1.779228526 = 0.101927506 -> inside.
            // Point 4 (n = 600): U′ LCL = CL − 3 × 0.009042179 × 1.779228526 = 0.000792294 (kept).
            double[] y = {12, 30, 9, 25, 14, 40};
            double[] n = {400, 500, 300, 600, 350, 500};
            SpcResult prime = SpcEngine.compute(SpcRequest.of(ChartType.UP, y, n));
            assertThat(upper(prime)).containsExactly(new double[] {0.10816806989305773, 0.10192750637071168,
                0.11731264552612707, 0.09732091375375959, 0.11224941915900292, 0.10192750637071168}, EXACT);
            assertThat(lower(prime)).containsExactly(new double[] {0, 0, 0, 0.0007922937934102328, 0, 0}, EXACT);
            assertThat(outsideIndices(prime)).isEmpty();

            SpcResult plain = SpcEngine.compute(SpcRequest.of(ChartType.U, y, n));
            assertThat(plain.point(6).upperLimit()).isCloseTo(0.07877223716620382, EXACT);
            assertThat(outsideIndices(plain)).containsExactly(6);
        }
    }

    @Nested
    class Validation {

        @Test
        void rejectsInputThatCannotMakeAChart() {
            assertThatThrownBy(() -> SpcRequest.of(ChartType.U, 1, 2, 3))
                    .isInstanceOfSatisfying(InvalidSpcRequestException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("error.denominators.required"));
            assertThatThrownBy(() -> SpcRequest.of(ChartType.P, new double[] {1, 2}, new double[] {5}))
                    .hasMessage("The number of denominators (1) differs from the number of values (2)");
            assertThatThrownBy(() -> SpcRequest.of(ChartType.P, new double[] {6}, new double[] {5}))
                    .hasMessage("The numerator of point 1 (6) is greater than its denominator (5)");
            assertThatThrownBy(() -> SpcRequest.of(ChartType.U, new double[] {1}, new double[] {0}))
                    .hasMessage("The denominator of point 1 must be greater than 0 (is 0)");
            assertThatThrownBy(() -> SpcRequest.of(ChartType.C, new double[] {1}, new double[] {5}))
                    .hasMessageContaining("takes no denominators");
            assertThatThrownBy(() -> SpcRequest.of(ChartType.C, 1, -1))
                    .hasMessage("The value of point 2 must not be negative on a c chart");
            assertThatThrownBy(() -> SpcRequest.of(ChartType.I, 1, 2, 3).withFreeze(2).withPartBreaks(1))
                    .hasMessage("A baseline (freeze) cannot be combined with parts (part)");
            assertThatThrownBy(() -> SpcRequest.of(ChartType.I, 1, 2, 3).withExcluded(4))
                    .hasMessage("There is no point 4; points are numbered 1 to 3");
            assertThatThrownBy(() -> SpcRequest.of(ChartType.I, 1, 2, 3).withPartBreaks(3))
                    .hasMessage("A new part can only start after point 1 to 2 (given: 3)");
            assertThatThrownBy(() -> SpcRequest.of(ChartType.I, 1, 2, 3).withFreeze(0))
                    .hasMessage("The baseline must cover between 1 and 3 points (given: 0)");
            assertThatThrownBy(() -> SpcRequest.of(ChartType.I))
                    .hasMessage("No values given");
        }

        @Test
        void messagesAreSwedishByDefault() {
            InvalidSpcRequestException e = new InvalidSpcRequestException("error.denominators.required", "p");
            assertThat(e.message(Locale.forLanguageTag("sv-SE")))
                    .isEqualTo("Diagramtyp p kräver en nämnare för varje värde");
        }
    }

    @Nested
    class Explanations {
        private final SpcResult runFrozen = SpcEngine.compute(
                SpcRequest.of(ChartType.RUN, 3, 5, 4, 6, 5, 4, 7, 8, 6, 7, 9, 8, 7, 6).withFreeze(6));

        @Test
        void longRunInSwedish() {
            assertThat(SignalExplainer.swedish().explain(runFrozen, 1))
                    .containsExactly("8 punkter i rad över medianen (gräns 7): trolig verklig förändring");
        }

        @Test
        void fewCrossingsAndOutsidePoints() {
            SpcResult run = SpcEngine.compute(SpcRequest.of(ChartType.RUN, 3, 5, 4, 6, 5, 4, 7, 8, 6, 7, 9, 8, 7, 6));
            assertThat(SignalExplainer.swedish().explain(run, 1)).containsExactly(
                    "Endast 1 korsning av medianen (minst 2 väntat): trolig verklig förändring");

            SpcResult frozenI = SpcEngine.compute(SpcRequest.of(ChartType.I,
                    10, 12, 11, 13, 12, 11, 15, 16, 15, 17, 16, 15, 16, 17).withFreeze(6));
            assertThat(SignalExplainer.swedish().explain(frozenI, 1)).containsExactly(
                    "5 punkter utanför styrgränserna: särskild orsak bör utredas",
                    "8 punkter i rad över centrallinjen (gräns 7): trolig verklig förändring");
        }

        @Test
        void noSignalAndFewPoints() {
            SpcResult c = SpcEngine.compute(SpcRequest.of(ChartType.C, 5, 6, 4, 7, 5, 6, 2, 1, 3, 2, 1, 2)
                    .withPartBreaks(6));
            assertThat(SignalExplainer.swedish().explain(c, 2)).containsExactly(
                    "Inga signaler: variationen är förenlig med slumpmässig variation",
                    "Obs: endast 6 användbara punkter (färre än 10), så serieanalysen upptäcker sällan förändringar");
            SpcResult i = SpcEngine.compute(SpcRequest.of(ChartType.I, 10, 12, 11, 13, 12, 30, 12, 11, 13, 12));
            assertThat(SignalExplainer.swedish().explain(i, 1))
                    .containsExactly("1 punkt utanför styrgränserna: särskild orsak bör utredas");
        }

        @Test
        void swedishAndEnglishBundlesHaveTheSameKeysAndValidPatterns() throws Exception {
            java.util.Properties sv = new java.util.Properties();
            java.util.Properties en = new java.util.Properties();
            try (var a = getClass().getResourceAsStream("/i18n/spc.properties");
                 var b = getClass().getResourceAsStream("/i18n/spc_en.properties")) {
                sv.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
                en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(en.stringPropertyNames()).isEqualTo(sv.stringPropertyNames());
            for (java.util.Properties bundle : List.of(sv, en)) {
                for (String key : bundle.stringPropertyNames()) {
                    assertThat(new java.text.MessageFormat(bundle.getProperty(key)).format(new Object[] {1, 2, 3}))
                            .as(key).doesNotContain("'");
                }
            }
        }

        @Test
        void englishAndNoFallbackToTheDefaultLocale() {
            assertThat(new SignalExplainer(Locale.ENGLISH).explain(runFrozen, 1))
                    .containsExactly("8 points in a row above the median (limit 7): probable real change");
            Locale before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.ENGLISH);
                assertThat(new SignalExplainer(Locale.forLanguageTag("sv")).explain(runFrozen, 1))
                        .containsExactly("8 punkter i rad över medianen (gräns 7): trolig verklig förändring");
            } finally {
                Locale.setDefault(before);
            }
        }
    }
}
