package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.trend.MonthDenominator;

/** Denominators typed by hand: whole-year save, all or nothing, audited, and seen by the rate charts. */
class DenominatorServiceTest {
    AppContext ctx;
    Unit unit;

    @BeforeEach
    void setUp(@TempDir Path dir) {
        ctx = TestDb.open(dir);
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        unit = ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Norr", OrgLevel.AVDELNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private static List<MonthDenominator> year(int y, Integer recipients, Integer careDays) {
        List<MonthDenominator> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new MonthDenominator(YearMonth.of(y, m), recipients, careDays, null));
        }
        return months;
    }

    @Test
    void aSavedYearReadsBackWithTwelveMonthsAndFeedsTheMonthlySums() {
        List<MonthDenominator> months = year(2026, 40, 1200);
        months.set(1, new MonthDenominator(YearMonth.of(2026, 2), 38, 1064, 310));
        months.set(11, new MonthDenominator(YearMonth.of(2026, 12), null, null, null));
        SaveResult<Integer> r = ctx.denominatorService().save(unit.id(), months);
        assertThat(r.ok()).isTrue();
        assertThat(r.value()).isEqualTo(11);

        List<MonthDenominator> back = ctx.denominatorService().year(unit.id(), 2026);
        assertThat(back).hasSize(12);
        assertThat(back.get(1)).isEqualTo(new MonthDenominator(YearMonth.of(2026, 2), 38, 1064, 310));
        assertThat(back.get(11).empty()).isTrue();
        var sums = ctx.denominators().monthlySums(Set.of(unit.id()), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        assertThat(sums).extracting(s -> s.careDays()).containsExactlyInAnyOrder(1200L, 1064L, 1200L);
        assertThat(ctx.audit().history("unit_denominator", unit.id())).hasSize(11)
                .allSatisfy(e -> assertThat(e.action()).isEqualTo("INSERT"));
    }

    @Test
    void savingTheSameYearAgainChangesNothingAndWritesNoAuditRows() {
        assertThat(ctx.denominatorService().save(unit.id(), year(2025, 12, 300)).value()).isEqualTo(12);
        int audit = ctx.audit().count();
        SaveResult<Integer> again = ctx.denominatorService().save(unit.id(), ctx.denominatorService().year(unit.id(), 2025));
        assertThat(again.value()).isZero();
        assertThat(ctx.audit().count()).isEqualTo(audit);
    }

    @Test
    void clearingAMonthDeletesItAndTheDeletionIsAudited() {
        assertThat(ctx.denominatorService().save(unit.id(), year(2025, 12, 300)).ok()).isTrue();
        List<MonthDenominator> months = ctx.denominatorService().year(unit.id(), 2025);
        months.set(4, new MonthDenominator(YearMonth.of(2025, 5), null, null, null));
        assertThat(ctx.denominatorService().save(unit.id(), months).value()).isEqualTo(1);
        assertThat(ctx.denominators().year(unit.id(), 2025)).hasSize(11);
        assertThat(ctx.audit().history("unit_denominator", unit.id()).getFirst().action()).isEqualTo("DELETE");
    }

    @Test
    void oneImpossibleMonthStopsTheWholeYear() {
        List<MonthDenominator> months = year(2026, 10, 300);
        // 10 recipients in February 2026 (28 days) can have at most 280 care days.
        months.set(1, new MonthDenominator(YearMonth.of(2026, 2), 10, 300, null));
        months.set(2, new MonthDenominator(YearMonth.of(2026, 3), -1, 300, null));
        SaveResult<Integer> r = ctx.denominatorService().save(unit.id(), months);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(p -> p.messageKey())
                .containsExactly("denominator.validation.careDaysTooMany", "denominator.validation.recipients");
        assertThat(ctx.denominators().count()).isZero();
    }

    @Test
    void anUnknownUnitIsRefused() {
        SaveResult<Integer> r = ctx.denominatorService().save(9_999L, year(2026, 1, 1));
        assertThat(r.problems()).extracting(p -> p.messageKey()).containsExactly("denominator.validation.noUnit");
    }
}
