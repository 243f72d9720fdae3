package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.MonthDenominator;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.domain.trend.TrendPoint;

/**
 * No invented zeros: a unit started in 2025 has no points in 2023–2024, a month without a denominator is a gap, a
 * month without deviations after the first is a real zero; and the rare-event series behind G and T charts.
 */
class SeriesGapRuleTest {
    @TempDir
    Path dir;
    AppContext ctx;
    Unit syd;
    long category;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        syd = ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Syd", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, LocalDate.of(2025, 3, 1), null));
        category = ctx.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
        register(DeviationKind.LEX_SARAH, LocalDate.of(2025, 3, 10));
        register(DeviationKind.KVALITETSAVVIKELSE, LocalDate.of(2025, 3, 20));
        register(DeviationKind.KVALITETSAVVIKELSE, LocalDate.of(2025, 5, 2));
        register(DeviationKind.LEX_SARAH, LocalDate.of(2025, 6, 2));
        register(DeviationKind.KVALITETSAVVIKELSE, LocalDate.of(2025, 6, 2));
        register(DeviationKind.KVALITETSAVVIKELSE, LocalDate.of(2025, 8, 15));
        register(DeviationKind.LEX_SARAH, LocalDate.of(2025, 9, 1));
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private void register(DeviationKind kind, LocalDate day) {
        Deviation d = Deviation.newDraft(kind, syd.id(), day);
        var saved = ctx.deviationService().save(new Deviation(null, null, d.kind(), d.law(), d.unitId(), category,
                d.status(), day, day, day, null, null, "Undersköterska", "Händelse " + day,
                "Beskrivning utan personuppgifter.", "Åtgärdat samma dag.", "", "", List.of(), null, false, null, null,
                null, null), false);
        assertThat(saved.ok()).as("saved %s", day).isTrue();
        assertThat(saved.value().registeredOn()).isEqualTo(day);
    }

    private DeviationFilter sydFilter(DeviationKind kind) {
        DeviationFilter f = DeviationFilter.all().withUnits(Set.of(syd.id()));
        return kind == null ? f : f.withKinds(EnumSet.of(kind));
    }

    @Test
    void aUnitStartedIn2025HasNoPointsBeforeItsFirstDeviation() {
        List<TrendPoint> s = ctx.trends().series(sydFilter(DeviationKind.LEX_SARAH), Granularity.MONTH,
                TrendMeasure.COUNT, LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31), TestDb.TODAY);
        assertThat(s.getFirst().label()).isEqualTo("2025-03");
        assertThat(s).hasSize(10).noneMatch(p -> p.periodStart().getYear() < 2025);
        // April 2025 had no lex Sarah report while the unit was reporting: a real zero.
        assertThat(s.get(1).label()).isEqualTo("2025-04");
        assertThat(s.get(1).count()).isZero();
        assertThat(s.stream().mapToDouble(TrendPoint::count).sum()).isEqualTo(3);
    }

    @Test
    void aMonthWithoutDenominatorIsAGapNotAZero() {
        for (int m = 4; m <= 9; m++) {
            if (m != 7) {
                assertThat(ctx.denominatorService().save(syd.id(), List.of(new MonthDenominator(YearMonth.of(2025, m),
                        30, 900, null))).ok()).isTrue();
            }
        }
        List<TrendPoint> s = ctx.trends().series(sydFilter(null), Granularity.MONTH, TrendMeasure.PER_1000_CARE_DAYS,
                LocalDate.of(2024, 1, 1), LocalDate.of(2025, 9, 30), TestDb.TODAY);
        // Rates begin with the first month with care days (April), not with the first deviation (March).
        assertThat(s).extracting(TrendPoint::label).containsExactly("2025-04", "2025-05", "2025-06", "2025-07",
                "2025-08", "2025-09");
        assertThat(s.get(3).value()).isNaN();
        assertThat(s.get(0).value()).isZero();
        assertThat(s.get(1).value()).isEqualTo(1 / 0.9);
    }

    @Test
    void rareEventsAsDaysAndDeviationsBetween() {
        List<TrendService.BetweenEvents> between = ctx.trends().betweenEvents(sydFilter(DeviationKind.LEX_SARAH),
                LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31), TestDb.TODAY);
        // lex Sarah on 2025-03-10, 2025-06-02, 2025-09-01: 84 and 91 days; other deviations between them:
        // 03-20, 05-02 and 06-02 (the same day) -> 3; then 08-15 -> 1.
        assertThat(between).containsExactly(
                new TrendService.BetweenEvents(LocalDate.of(2025, 6, 2), 84, 3),
                new TrendService.BetweenEvents(LocalDate.of(2025, 9, 1), 91, 1));
    }
}
