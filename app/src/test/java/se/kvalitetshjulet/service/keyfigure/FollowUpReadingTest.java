package se.kvalitetshjulet.service.keyfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.keyfigure.FollowUp;
import se.kvalitetshjulet.domain.keyfigure.FollowUpCount;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.domain.keyfigure.ShareSeries;
import se.kvalitetshjulet.domain.keyfigure.UnitMeasure;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.OrganisationService;

/**
 * Decision 0045: a report reads the follow-up counts once ({@link FollowUpService#reading}, one grouped query) and
 * the organisation once ({@link OrganisationService#frozen}), and answers every unit's and year's figure from them.
 * Every answer must be the one the database gives when asked each time: compared here for random periods (any day as
 * start or end) and unit subtrees on the demo municipality, after random new, changed and deleted follow-ups, on both
 * engines (the grouped query is the same SQL on both, the dates come back through each driver).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class FollowUpReadingTest {
    @Parameter
    TestDb.Engine engine;
    @TempDir
    Path dir;
    private AppContext ctx;

    @BeforeEach
    void open() {
        ctx = TestDb.demo(engine, dir);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    /** One demo municipality per engine (building it is most of the time): the three parts in turn. */
    @Test
    void aReportsReadingAnswersAsTheDatabaseDoes() {
        theUnitKeyFiguresOfAReadingAreTheLiveOnes();
        aReadingSeesTheFollowUpsAsTheyWereWhenItWasRead();
        aReadingCountsAsTheDatabaseDoesForAnyPeriodAndUnitsAfterEdits();
    }

    private void aReadingCountsAsTheDatabaseDoesForAnyPeriodAndUnitsAfterEdits() {
        Random random = new Random(45);
        List<Unit> units = ctx.organisation().tree().all();
        assertThat(ctx.followUps().count()).as("the demo's follow-ups").isGreaterThan(100);
        for (int round = 0; round < 4; round++) {
            if (round > 0) {
                edit(random, units);
            }
            FollowUpService live = ctx.followUps();
            FollowUpService reading = live.reading(ctx.organisation().frozen());
            int nonEmpty = 0;
            for (int i = 0; i < 25; i++) {
                LocalDate from = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(5 * 365));
                LocalDate to = i % 5 == 0 ? from.withDayOfYear(1).plusYears(1).minusDays(1)
                        : from.plusDays(random.nextInt(2 * 365));
                Long unit = i % 3 == 0 ? null : units.get(random.nextInt(units.size())).id();
                String label = "period " + i;
                String expected = text(live.total(unit, null, from, to, label));
                assertThat(text(reading.total(unit, null, from, to, label))).as("total %s–%s, unit %s", from, to, unit)
                        .isEqualTo(expected);
                if (live.total(unit, null, from, to, label).followUps() > 0) {
                    nonEmpty++;
                }
                assertThat(texts(reading.byUnit(unit, null, from, to))).as("per unit %s–%s, unit %s", from, to, unit)
                        .isEqualTo(texts(live.byUnit(unit, null, from, to)));
                assertThat(reading.byTertial(unit, null, from.getYear()).stream().map(r -> r.unitId() + " " + r.unit()
                        + " T" + r.tertial() + " " + text(r.count())).toList()).as("tertials %s, unit %s", from.getYear(), unit)
                        .isEqualTo(live.byTertial(unit, null, from.getYear()).stream().map(r -> r.unitId() + " " + r.unit()
                                + " T" + r.tertial() + " " + text(r.count())).toList());
                FollowUpMeasure m = FollowUpMeasure.values()[random.nextInt(FollowUpMeasure.values().length)];
                YearMonth end = YearMonth.from(to);
                assertThat(text(reading.monthly(unit, null, m, end.minusMonths(23), end)))
                        .as("months of %s to %s, unit %s", m, end, unit)
                        .isEqualTo(text(live.monthly(unit, null, m, end.minusMonths(23), end)));
            }
            assertThat(nonEmpty).as("periods that hold follow-ups (so the comparison is not of empty answers)")
                    .isGreaterThan(5);
        }
    }

    private void aReadingSeesTheFollowUpsAsTheyWereWhenItWasRead() {
        Unit unit = ctx.organisation().tree().all().stream().filter(u -> ctx.organisation().tree().children(u.id()).isEmpty())
                .findFirst().orElseThrow();
        LocalDate day = TestDb.TODAY.minusDays(3);
        FollowUpService reading = ctx.followUps().reading(ctx.organisation().frozen());
        int before = reading.total(unit.id(), null, day, day, "").followUps();
        assertThat(ctx.followUps().save(new FollowUp(null, "LÄS-1", day, unit.id(), "Hemtjänst", true, true, false,
                null, null)).ok()).isTrue();
        assertThat(reading.total(unit.id(), null, day, day, "").followUps()).isEqualTo(before);
        assertThat(ctx.followUps().reading(ctx.organisation().frozen()).total(unit.id(), null, day, day, "").followUps())
                .isEqualTo(before + 1);
    }

    /** The per-unit key figures of the report (decision 0019) read through a reading are the live service's. */
    private void theUnitKeyFiguresOfAReadingAreTheLiveOnes() {
        UnitKeyFigureService live = ctx.unitKeyFigures();
        OrganisationService organisation = ctx.organisation().frozen();
        UnitKeyFigureService reading = live.reading(ctx.followUps().reading(organisation), organisation);
        List<Long> units = live.unitsWithComparableMeasures();
        assertThat(reading.unitsWithComparableMeasures()).isEqualTo(units);
        assertThat(units).as("the demo links measures to KPIs").isNotEmpty();
        int followUpMeasures = 0;
        for (Unit u : ctx.organisation().tree().all()) {
            assertThat(reading.measures(u.id())).as("measures of %s", u.name()).isEqualTo(live.measures(u.id()));
            assertThat(reading.comparableMeasures(u.id())).isEqualTo(live.comparableMeasures(u.id()));
            for (UnitMeasure m : live.measures(u.id())) {
                followUpMeasures += m.kind() == UnitMeasure.Kind.FOLLOW_UP ? 1 : 0;
                List<Integer> years = live.years(u.id(), m);
                assertThat(reading.years(u.id(), m)).as("years of %s, %s", u.name(), m.key()).isEqualTo(years);
                assertThat(reading.linkedKpi(m)).isEqualTo(live.linkedKpi(m));
                assertThat(reading.series(u.id(), m)).as("series of %s, %s", u.name(), m.key())
                        .isEqualTo(live.series(u.id(), m));
                for (int y : years) {
                    assertThat(reading.yearValue(u.id(), m, y, "år")).isEqualTo(live.yearValue(u.id(), m, y, "år"));
                    assertThat(reading.compare(u.id(), m, y)).isEqualTo(live.compare(u.id(), m, y));
                }
            }
        }
        assertThat(followUpMeasures).as("units with follow-up measures").isGreaterThan(0);
    }

    private void edit(Random random, List<Unit> units) {
        List<FollowUp> recent = ctx.followUps().latest(null, null, LocalDate.of(2020, 1, 1), TestDb.TODAY, 400);
        for (int i = 0; i < 6 && !recent.isEmpty(); i++) {
            ctx.followUps().delete(recent.get(random.nextInt(recent.size())).id());
        }
        for (int i = 0; i < 4 && !recent.isEmpty(); i++) {
            FollowUp f = recent.get(random.nextInt(recent.size()));
            try {
                ctx.followUps().save(new FollowUp(f.id(), f.caseRef(), f.date().minusDays(random.nextInt(40)),
                        units.get(random.nextInt(units.size())).id(), f.insats(), answer(random), answer(random),
                        answer(random), answer(random), null));
            } catch (org.jooq.exception.DataAccessException e) {
                // the same case, day and insats is recorded already: another edit then
            }
        }
        for (int i = 0; i < 12; i++) {
            ctx.followUps().save(new FollowUp(null, "SLUMP-" + random.nextInt(1_000_000), TestDb.TODAY
                    .minusDays(random.nextInt(4 * 365)), units.get(random.nextInt(units.size())).id(), "Hemtjänst",
                    answer(random), answer(random), answer(random), answer(random), null));
        }
    }

    private static Boolean answer(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> true;
            default -> false;
        };
    }

    private static String text(FollowUpCount c) {
        return c.label() + ": " + c.followUps() + " " + Arrays.toString(c.assessed()) + " " + Arrays.toString(c.yes());
    }

    private static List<String> texts(List<FollowUpCount> cs) {
        List<String> out = new ArrayList<>();
        cs.forEach(c -> out.add(text(c)));
        return out;
    }

    private static String text(ShareSeries s) {
        return s.labels() + " " + Arrays.toString(s.yes()) + " " + Arrays.toString(s.assessed()) + " " + s.chart();
    }
}
