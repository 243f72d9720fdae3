package se.kvalitetshjulet.service;

import se.kvalitetshjulet.service.demo.DemoDataService;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.SpcEngine;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.domain.trend.TrendPoint;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendServiceTest {
    AppContext ctx;
    final LocalDate from = LocalDate.of(2023, 12, 1);
    final LocalDate to = LocalDate.of(2026, 10, 31);

    @BeforeAll
    void setUp(@TempDir Path dir) {
        ctx = TestDb.demo(dir);
    }

    @AfterAll
    void tearDown() {
        ctx.close();
    }

    private Set<Long> linden() {
        Unit u = ctx.units().findAll().stream().filter(x -> x.name().equals(DemoDataService.SHIFT_UNIT)).findFirst().orElseThrow();
        return Set.of(u.id());
    }

    @Test
    void everyMonthIsPresentAndTheCountsAddUp() {
        DeviationFilter f = DeviationFilter.all().withUnits(linden()).withKinds(EnumSet.of(DeviationKind.HSL_AVVIKELSE));
        List<TrendPoint> s = ctx.trends().series(f, Granularity.MONTH, TrendMeasure.COUNT, from, to, TestDb.TODAY);
        assertThat(s).hasSize(35);
        assertThat(s.getFirst().label()).isEqualTo("2023-12");
        assertThat(s.getLast().label()).isEqualTo("2026-10");
        double sum = s.stream().mapToDouble(TrendPoint::count).sum();
        assertThat((long) sum).isEqualTo(ctx.deviations().count(f.withPeriod(from, to), TestDb.TODAY));
        assertThat(s).allSatisfy(p -> assertThat(p.denominator()).isNull());
    }

    @Test
    void tertialsFoldFourMonths() {
        List<TrendPoint> s = ctx.trends().series(DeviationFilter.all(), Granularity.TERTIAL, TrendMeasure.COUNT,
                LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), TestDb.TODAY);
        assertThat(s).extracting(TrendPoint::label).containsExactly("T1 2024", "T2 2024", "T3 2024", "T1 2025", "T2 2025",
                "T3 2025");
    }

    @Test
    void ratesUseCareDaysAndSharesUseAllDeviationsOfTheScope() {
        DeviationFilter f = DeviationFilter.all().withUnits(linden()).withKinds(EnumSet.of(DeviationKind.HSL_AVVIKELSE));
        List<TrendPoint> rate = ctx.trends().series(f, Granularity.MONTH, TrendMeasure.PER_1000_CARE_DAYS, from, to, TestDb.TODAY);
        assertThat(rate).allSatisfy(p -> assertThat(p.denominator()).isBetween(0.2, 0.5));
        List<TrendPoint> share = ctx.trends().series(f, Granularity.YEAR, TrendMeasure.SHARE, LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), TestDb.TODAY);
        assertThat(share).allSatisfy(p -> assertThat(p.value()).isBetween(0.0, 1.0));
    }

    @Test
    void theDemosShiftInFallsIsARealSignalOnARunChart() {
        DeviationFilter f = DeviationFilter.all().withUnits(linden()).withKinds(EnumSet.of(DeviationKind.HSL_AVVIKELSE));
        List<TrendPoint> s = ctx.trends().series(f, Granularity.MONTH, TrendMeasure.COUNT, from, to, TestDb.TODAY);
        var result = SpcEngine.compute(SpcRequest.of(ChartType.RUN, s.stream().map(TrendPoint::count).toList()));
        assertThat(result.hasSignal()).isTrue();
    }
}
