package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Page;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.PatternReport;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.demo.DemoDataService;

/** Repository behaviour on a real SQLite file with the demo municipality. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoryTest {
    /** The same assertions on a SQLite file and on a real PostgreSQL server (decision 10). */
    @Parameter
    TestDb.Engine engine;
    AppContext ctx;
    Path dir;
    final LocalDate today = TestDb.TODAY;

    @BeforeParameterizedClassInvocation
    void setUp(TestDb.Engine engine) throws java.io.IOException {
        dir = java.nio.file.Files.createTempDirectory("kvh-repository-test");
        ctx = TestDb.demo(engine, dir);
    }

    @AfterParameterizedClassInvocation
    void tearDown() {
        ctx.close();
        TestDb.deleteTree(dir);
    }

    @Test
    void demoDataIsDeterministicForASeed(@TempDir Path other) {
        try (AppContext second = TestDb.demo(engine, other)) {
            assertThat(second.deviations().count(DeviationFilter.all(), today))
                    .isEqualTo(ctx.deviations().count(DeviationFilter.all(), today));
            assertThat(second.deviations().find(100).orElseThrow()).isEqualTo(ctx.deviations().find(100).orElseThrow());
        }
        assertThat(ctx.settings().isDemo()).isTrue();
    }

    @Test
    void pagesAreSlicesOfTheSortedMatchesWithATotalCount() {
        DeviationFilter f = DeviationFilter.all();
        Page<DeviationRow> p0 = ctx.deviations().search(f, DeviationSort.REGISTERED_ON, false, 0, 50, today);
        Page<DeviationRow> p1 = ctx.deviations().search(f, DeviationSort.REGISTERED_ON, false, 1, 50, today);
        assertThat(p0.total()).isGreaterThan(3000);
        assertThat(p0.rows()).hasSize(50);
        assertThat(p0.rows().getLast().registeredOn()).isAfterOrEqualTo(p1.rows().getFirst().registeredOn());
        assertThat(p0.rows()).extracting(DeviationRow::id).doesNotContainAnyElementsOf(
                p1.rows().stream().map(DeviationRow::id).toList());
        assertThat(p0.pageCount()).isEqualTo((int) ((p0.total() + 49) / 50));
    }

    @Test
    void filtersCombineKindUnitSubtreeDatesAndText() {
        Unit solbacken = ctx.units().findAll().stream().filter(u -> u.name().startsWith("Solbackens")).findFirst().orElseThrow();
        Set<Long> scope = ctx.organisation().unitScope(solbacken.id(), null);
        assertThat(scope).hasSize(4);
        DeviationFilter f = new DeviationFilter(EnumSet.of(DeviationKind.HSL_AVVIKELSE), Set.of(), scope, null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), false, "fall");
        Page<DeviationRow> page = ctx.deviations().search(f, DeviationSort.UNIT, true, 0, 1000, today);
        assertThat(page.total()).isPositive().isEqualTo(page.rows().size());
        assertThat(page.rows()).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(DeviationKind.HSL_AVVIKELSE);
            assertThat(scope).contains(r.unitId());
            assertThat(r.registeredOn().getYear()).isEqualTo(2025);
            assertThat(r.title().toLowerCase()).contains("fall");
        });
        assertThat(page.rows()).extracting(DeviationRow::unitName).isSorted();
    }

    @Test
    void freeTextSearchIgnoresTheCaseOfSwedishLettersToo() {
        long lower = ctx.deviations().count(DeviationFilter.all().withText("måltid"), today);
        assertThat(lower).isPositive();
        // SQLite's own lower() folds only A–Z: "MÅLTID" would become "mÅltid" and find nothing.
        assertThat(ctx.deviations().count(DeviationFilter.all().withText("MÅLTID"), today)).isEqualTo(lower);
        assertThat(ctx.deviations().count(DeviationFilter.all().withText("Måltid"), today)).isEqualTo(lower);
        // Wildcards typed by the user are text, not patterns.
        assertThat(ctx.deviations().count(DeviationFilter.all().withText("m%ltid"), today)).isZero();
    }

    @Test
    void overdueMeansPastDueAndNotYetAssessed() {
        DeviationFilter f = DeviationFilter.all().withOverdueOnly(true);
        Page<DeviationRow> page = ctx.deviations().search(f, DeviationSort.DUE_ON, true, 0, 500, today);
        assertThat(page.rows()).allSatisfy(r -> {
            assertThat(r.overdue()).isTrue();
            assertThat(r.dueOn()).isBefore(today);
            assertThat(r.status()).isIn(DeviationStatus.REGISTRERAD, DeviationStatus.UTREDNING);
        });
    }

    @Test
    void businessAreaFilterFollowsInheritanceDownTheTree() {
        long lss = ctx.organisation().businessAreas().stream().filter(a -> a.code().equals("LSS")).findFirst().orElseThrow().id();
        Set<Long> scope = ctx.organisation().unitScope(null, lss);
        List<String> names = ctx.units().findAll().stream().filter(u -> scope.contains(u.id())).map(Unit::name).toList();
        assertThat(names).contains("Gruppbostad Lärkan", "Personlig assistans").doesNotContain("Sektion Hamnen");
    }

    @Test
    void patternsCompareTheSamePeriodOfEarlierYearsAndFindTheFallShift() {
        PatternReport r = ctx.patterns().compute(Period.year(2025), null, today);
        long total2025 = r.count(DeviationKind.HSL_AVVIKELSE, PatternReport.TOTAL, 0);
        long total2024 = r.count(DeviationKind.HSL_AVVIKELSE, PatternReport.TOTAL, 1);
        assertThat(total2025).isPositive();
        assertThat(total2024).isPositive();
        assertThat(r.boardStyle(DeviationKind.HSL_AVVIKELSE, PatternReport.TOTAL))
                .isEqualTo(total2025 + " (2024: " + total2024 + ", 2023: " + r.count(DeviationKind.HSL_AVVIKELSE, PatternReport.TOTAL, 2) + ")");
        long sum = 0;
        for (String area : r.areas()) {
            sum += r.count(DeviationKind.HSL_AVVIKELSE, area, 0);
        }
        assertThat(sum).isEqualTo(total2025);
        assertThat(r.topCategories()).isNotEmpty();
        assertThat(r.topCategories().getFirst().count()).isGreaterThanOrEqualTo(r.topCategories().getLast().count());

        Unit linden = ctx.units().findAll().stream().filter(u -> u.name().equals(DemoDataService.SHIFT_UNIT)).findFirst().orElseThrow();
        DeviationFilter before = new DeviationFilter(EnumSet.of(DeviationKind.HSL_AVVIKELSE), Set.of(), Set.of(linden.id()),
                null, LocalDate.of(2023, 3, 1), LocalDate.of(2025, 2, 28), false, "Fall");
        DeviationFilter after = new DeviationFilter(EnumSet.of(DeviationKind.HSL_AVVIKELSE), Set.of(), Set.of(linden.id()),
                null, LocalDate.of(2025, 3, 1), LocalDate.of(2026, 10, 31), false, "Fall");
        double perMonthBefore = ctx.deviations().count(before, today) / 24.0;
        double perMonthAfter = ctx.deviations().count(after, today) / 20.0;
        assertThat(perMonthAfter).isGreaterThan(perMonthBefore * 1.6);
    }

    @Test
    void aUnitEditLeavesAnAuditRowWithBeforeAndAfter() {
        Unit u = ctx.units().findAll().stream().filter(x -> x.name().equals("Rehabenheten")).findFirst().orElseThrow();
        var result = ctx.organisation().save(u.withName("Rehabenheten Centrum"));
        assertThat(result.ok()).isTrue();
        var history = ctx.audit().history("unit", u.id());
        assertThat(history.getFirst().action()).isEqualTo("UPDATE");
        assertThat(history.getFirst().beforeJson()).contains("\"Rehabenheten\"");
        assertThat(history.getFirst().afterJson()).contains("Rehabenheten Centrum");
        assertThat(history.getFirst().actor()).isNotBlank();
    }

    @Test
    void aUnitInUseCannotBeDeleted() {
        Unit u = ctx.units().findAll().stream().filter(x -> x.name().equals("Nattpatrullen")).findFirst().orElseThrow();
        var result = ctx.organisation().delete(u.id());
        assertThat(result.ok()).isFalse();
        assertThat(result.problems().getFirst().messageKey()).isEqualTo("org.validation.inUse");
        assertThat(ctx.units().findAll()).extracting(Unit::name).contains("Nattpatrullen");
    }

    @Test
    void savingAnUnchangedUnitWritesNoAuditRow() {
        Unit u = ctx.units().findAll().stream().filter(x -> x.name().equals("Våning 1")).findFirst().orElseThrow();
        int before = ctx.audit().history("unit", u.id()).size();
        ctx.units().save(u);
        assertThat(ctx.audit().history("unit", u.id())).hasSize(before);
    }
}
