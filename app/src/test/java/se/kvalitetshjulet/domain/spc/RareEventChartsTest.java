package se.kvalitetshjulet.domain.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * G, T and I′ charts against qicharts2 0.8.1's {@code qic.g}, {@code qic.t} and {@code qic.ip}
 * (R/helper.functions.R), and the screening default that {@code library(qicharts2)} sets
 * ({@code .onAttach: options(qic.screenedmr = TRUE)}). Each case writes out its derivation.
 */
class RareEventChartsTest {
    private static final Offset<Double> EXACT = within(1e-9);

    private static List<Integer> outside(SpcResult r) {
        return r.points().stream().filter(SpcPoint::outside).map(SpcPoint::index).toList();
    }

    @Test
    void gChartTakesLimitsFromTheMeanAndDrawsTheMedian() {
        // Deviations between two lex Sarah reports: 3 10 0 25 7 14 2 40.
        // mean m = 101/8 = 12.625; sd = sqrt(m (m + 1)) = sqrt(172.015625) = 13.115472...
        // UCL = 12.625 + 3 sd = 51.971418197848706; LCL = 12.625 - 3 sd < 0 -> 0.
        // Centre line: the median (7 + 10) / 2 = 8.5 (qicharts2 sets cl to the median after the limits).
        SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.G, 3, 10, 0, 25, 7, 14, 2, 40));
        assertThat(r.point(1).centreLine()).isEqualTo(8.5);
        assertThat(r.point(1).upperLimit()).isCloseTo(51.971418197848706, EXACT);
        assertThat(r.point(1).lowerLimit()).isZero();
        assertThat(outside(r)).isEmpty();
        // runs against the median 8.5: - + - + - + - + -> 8 useful, 7 crossings, longest 1: no signal
        assertThat(r.part(1).runs()).isEqualTo(new RunsAnalysis(8, 1, RunsAnalysis.Side.BELOW, 6, 7, 1, false));
    }

    @Test
    void gChartWithBaseline() {
        // freeze 6: baseline 3 10 0 25 7 14, m = 59/6 = 9.8333; sd = sqrt(9.8333 × 10.8333) = 10.321229...
        // UCL = 40.79702174411541; median of the baseline (7 + 10) / 2 = 8.5. Point 8 (45) > UCL.
        SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.G, 3, 10, 0, 25, 7, 14, 2, 45).withFreeze(6));
        assertThat(r.point(8).upperLimit()).isCloseTo(40.79702174411541, EXACT);
        assertThat(r.point(8).centreLine()).isEqualTo(8.5);
        assertThat(outside(r)).containsExactly(8);
        assertThat(r.points().stream().filter(SpcPoint::baseline).count()).isEqualTo(6);
    }

    @Test
    void tChartIsAnIChartOfTheTransformedTimes() {
        // Days between events: 28 35 30 26 33 31 29 34 2 30. x = y^(1/3.6):
        // mean of x = 2.4485389979363203; moving ranges of x sum to 3.562451..., mean 0.39582790473821977.
        // Unscreened: sd = 0.3958279 / 1.128; limits (2.44854 ± 3 sd)^3.6 -> LCL 3.321768273168584,
        // UCL 91.03605174495205; centre 2.44854^3.6 = 25.122640952050133.
        double[] days = {28, 35, 30, 26, 33, 31, 29, 34, 2, 30};
        SpcResult plain = SpcEngine.compute(SpcRequest.of(ChartType.T, days).withScreenedMovingRanges(false));
        assertThat(plain.point(1).centreLine()).isCloseTo(25.122640952050133, EXACT);
        assertThat(plain.point(1).lowerLimit()).isCloseTo(3.321768273168584, EXACT);
        assertThat(plain.point(1).upperLimit()).isCloseTo(91.03605174495205, EXACT);
        assertThat(plain.point(9).value()).isEqualTo(2.0);
        assertThat(outside(plain)).containsExactly(9);

        // Screened (the qicharts2 default): 3.267 × 0.39583 = 1.29317, so the ranges 1.4509 and 1.3599 around
        // the 2 go; the other seven average 0.107374... -> LCL 16.076112351879114, UCL 37.371195341283354.
        SpcResult screened = SpcEngine.compute(SpcRequest.of(ChartType.T, days));
        assertThat(screened.point(1).lowerLimit()).isCloseTo(16.076112351879114, EXACT);
        assertThat(screened.point(1).upperLimit()).isCloseTo(37.371195341283354, EXACT);
        assertThat(screened.point(1).centreLine()).isCloseTo(25.122640952050133, EXACT);
    }

    @Test
    void tChartLowerLimitBelowZeroBecomesZero() {
        // 12 30 5 45 20 8 60 15 3 90: the transformed LCL is negative, R's negative^3.6 is NaN -> 0.
        SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.T, 12, 30, 5, 45, 20, 8, 60, 15, 3, 90));
        assertThat(r.point(1).lowerLimit()).isZero();
        assertThat(r.point(1).upperLimit()).isCloseTo(339.1372023765787, EXACT);
        assertThat(r.point(1).centreLine()).isCloseTo(20.613716748086564, EXACT);
    }

    @Test
    void tChartRejectsZeroTimes() {
        assertThatThrownBy(() -> SpcRequest.of(ChartType.T, 3, 0, 5))
                .isInstanceOf(InvalidSpcRequestException.class)
                .satisfies(e -> assertThat(((InvalidSpcRequestException) e).message(Locale.of("sv")))
                        .contains("punkt 2", "större än 0"));
        assertThatThrownBy(() -> SpcRequest.of(ChartType.G, new double[] {1, 2}, new double[] {3, 4}))
                .isInstanceOf(InvalidSpcRequestException.class);
    }

    @Test
    void iPrimeChartWidensLimitsForSmallDenominators() {
        // y = 3 5 2 8 4 30, n = 100 250 80 300 120 200; r = y/n; cl = 52/1050 = 0.049523809523809526.
        // s_i = sqrt(pi/2) |r_i - r_(i-1)| / sqrt(1/n_(i-1) + 1/n_i):
        //   0.10592437756, 0.04878518663, 0.01660055128, 0.07735622798, 1.26630219548 -> mean 0.3029937077869872
        // limits cl ± 3 × 0.30299 × sqrt(1/n_i); point 1: -0.04137430281228664 .. 0.1404219218599057 (not clipped).
        double[] y = {3, 5, 2, 8, 4, 30};
        double[] n = {100, 250, 80, 300, 120, 200};
        SpcResult plain = SpcEngine.compute(SpcRequest.of(ChartType.IP, y, n).withScreenedMovingRanges(false));
        assertThat(plain.point(1).centreLine()).isCloseTo(0.049523809523809526, EXACT);
        assertThat(plain.point(1).lowerLimit()).isCloseTo(-0.04137430281228664, EXACT);
        assertThat(plain.point(1).upperLimit()).isCloseTo(0.1404219218599057, EXACT);
        assertThat(plain.point(6).upperLimit()).isCloseTo(0.11379848115371968, EXACT);
        assertThat(outside(plain)).containsExactly(6);

        // Screened with qicharts2's 3.2665 × 0.30299 = 0.98973: 1.2663 goes, mean of the other four
        // 0.062166585864491905 -> point 1: 0.030873833764461955 .. 0.0681737852831571.
        SpcResult screened = SpcEngine.compute(SpcRequest.of(ChartType.IP, y, n));
        assertThat(screened.point(1).lowerLimit()).isCloseTo(0.030873833764461955, EXACT);
        assertThat(screened.point(1).upperLimit()).isCloseTo(0.0681737852831571, EXACT);
        assertThat(screened.point(4).lowerLimit()).isCloseTo(0.03875624099877021, EXACT);
    }

    @Test
    void iPrimeWithoutDenominatorsWeighsEveryPointOnce() {
        // n = 1: cl = 14/4 = 3.5; s = sqrt(pi/2) |diff| / sqrt(2) for diffs 1, 2, 1 -> mean (4/3) × 0.886227
        // = 1.181635900...; limits 3.5 ± 3 × 1.1816359.
        SpcResult r = SpcEngine.compute(SpcRequest.of(ChartType.IP, 2, 3, 5, 4).withScreenedMovingRanges(false)
                .withExcluded());
        assertThat(r.point(1).centreLine()).isCloseTo(3.5, EXACT);
        double sd = Math.sqrt(Math.PI / 2) / Math.sqrt(2) * (1 + 2 + 1) / 3.0;
        assertThat(r.point(1).upperLimit()).isCloseTo(3.5 + 3 * sd, EXACT);
    }

    @Test
    void screeningIsOnByDefaultAsAfterLibraryQicharts2() {
        // The I chart of SpcEngineTest: unscreened UCL 27.19, screened 17.40 (the two ranges of 18 dropped).
        double[] y = {10, 12, 11, 13, 12, 30, 12, 11, 13, 12};
        assertThat(SpcRequest.of(ChartType.I, y).screenMovingRanges()).isTrue();
        assertThat(SpcEngine.compute(SpcRequest.of(ChartType.I, y)).point(1).upperLimit())
                .isCloseTo(17.39939209726444, EXACT);
    }

    @Test
    void gAndTSignalTextsSpeakOfTheMedianAndCentre() {
        SpcResult g = SpcEngine.compute(SpcRequest.of(ChartType.G, 1, 1, 1, 1, 1, 1, 1, 1, 20, 30, 40, 25, 22, 30));
        assertThat(String.join(" ", SignalExplainer.swedish().explain(g, 1))).contains("medianen");
    }
}
