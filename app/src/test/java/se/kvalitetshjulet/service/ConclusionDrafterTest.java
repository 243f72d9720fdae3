package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import se.kvalitetshjulet.domain.trend.Improvement;
import se.kvalitetshjulet.domain.trend.Variation;

/**
 * The drafted sentence names the facts behind the verdict: the shift that earned it (ongoing: "sedan <month>";
 * ended: "<month>–<month>"), points outside the limits, or none at all for common-cause variation.
 */
class ConclusionDrafterTest {
    private final ConclusionDrafter drafter = new ConclusionDrafter(ChartTexts.forLocale(Locale.of("sv")));

    /** An I chart with centre 5 and limits 0–10, from January 2025; {@code runs}: the runs analysis signals. */
    private static ChartData chart(double[] values, Variation v, boolean runs) {
        List<ChartData.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            points.add(new ChartData.Point(YearMonth.of(2025, 1).plusMonths(i).toString(), x, 5, 0, 10,
                    x > 10 || x < 0, runs, false, 1));
        }
        ChartData.Spc spc = new ChartData.Spc(null, 0, "", List.of(), Improvement.LOWER, v, null, null, "", null);
        return new ChartData("Fall", "", "", ChartStyle.CONTROL, ChartType.I, points, List.of(), runs, ChartKind.TREND,
                null, null, List.of(), null, spc);
    }

    @Test
    void aShiftThatEndedIsNamedWithItsMonthsNotTheLatestShortRun() {
        // Nine above the centre line (May 2025 – January 2026), then one below and one above.
        double[] v = {6, 4, 6, 4, 7, 7, 7, 7, 7, 7, 7, 7, 7, 4, 6};
        assertThat(drafter.draft("Fall", chart(v, Variation.CONCERN_HIGH, true)))
                .isEqualTo("Fall: försämring — 9 perioder i rad över medelvärdet, maj 2025–januari 2026");
    }

    @Test
    void anOngoingShiftReadsSinceItsFirstMonthWithPointsOutsideTheLimits() {
        double[] v = {6, 4, 6, 4, 4, 3, 3, 2, 3, 3, 2, 3, 2, 11};
        String s = drafter.draft("Fall", chart(v, Variation.IMPROVEMENT_LOW, true));
        // The last point (above the upper limit) ends the run below: the ten below are named with their months.
        assertThat(s).isEqualTo("Fall: förbättring — 10 perioder i rad under medelvärdet, april 2025–januari 2026; "
                + "1 period över den övre styrgränsen");
        double[] ongoing = {6, 4, 4, 7, 7, 7, 7, 7, 7, 7, 7, 7};
        assertThat(drafter.draft("Fall", chart(ongoing, Variation.CONCERN_HIGH, true)))
                .isEqualTo("Fall: försämring — 9 perioder i rad över medelvärdet sedan april 2025");
    }

    @Test
    void commonCauseVariationClaimsNoRun() {
        double[] v = {6, 4, 6, 4, 6, 6, 4};
        assertThat(drafter.draft("Fall", chart(v, Variation.COMMON_CAUSE, false)))
                .isEqualTo("Fall: slumpmässig variation — inga signaler, variationen är förenlig med slumpen");
    }
}
