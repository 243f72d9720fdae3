package se.kvalitetshjulet.data;

import se.kvalitetshjulet.domain.selfcheck.TemplateFamily;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_MEETING;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CAUSE;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ANSWER;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_QUESTION;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_RESPONSE;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ROUND;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_SECTION;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_TEMPLATE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.ChartRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.trend.ActionBacklog;
import se.kvalitetshjulet.domain.trend.Pareto;
import se.kvalitetshjulet.service.TrendService;

/**
 * Pareto, compliance and action-backlog aggregates on a small register whose answers were counted by hand.
 * Units: A with child B, and C. Deviations in 2025: Fall ×5 (A 3, B 2), Läkemedel ×3 (C, lex Sarah),
 * Bemötande ×1 (A), no category ×1 (A); one more Fall in 2024 outside the period.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class ChartRepositoryTest {
    /** The same assertions on a SQLite file and on a real PostgreSQL server (decision 10). */
    @Parameter
    TestDb.Engine engine;

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @TempDir
    Path dir;
    private AppContext ctx;
    private ChartRepository charts;
    private long a;
    private long b;
    private long c;
    private final List<Long> devs = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(engine, dir);
        charts = new ChartRepository(ctx.database());
        a = unit("Enhet A", null);
        b = unit("Sektion B", a);
        c = unit("Enhet C", null);
        long fall = ctx.taxonomies().insert(TaxonomyKind.CATEGORY, "T-Fall");
        long med = ctx.taxonomies().insert(TaxonomyKind.CATEGORY, "T-Läkemedel");
        long care = ctx.taxonomies().insert(TaxonomyKind.CATEGORY, "T-Bemötande");
        long routine = ctx.taxonomies().insert(TaxonomyKind.CAUSE, "T-Rutin saknas");
        long stress = ctx.taxonomies().insert(TaxonomyKind.CAUSE, "T-Stress");
        long training = ctx.taxonomies().insert(TaxonomyKind.MEASURE_TYPE, "T-Utbildning");
        long change = ctx.taxonomies().insert(TaxonomyKind.MEASURE_TYPE, "T-Rutinändring");
        ctx.database().txRun(tx -> {
            long d1 = dev(tx, a, fall, DeviationKind.HSL_AVVIKELSE, "2025-03-10");
            long d2 = dev(tx, a, fall, DeviationKind.HSL_AVVIKELSE, "2025-03-15");
            dev(tx, a, fall, DeviationKind.HSL_AVVIKELSE, "2025-05-02");
            dev(tx, b, fall, DeviationKind.HSL_AVVIKELSE, "2025-06-01");
            dev(tx, b, fall, DeviationKind.HSL_AVVIKELSE, "2025-06-02");
            long d6 = dev(tx, c, med, DeviationKind.LEX_SARAH, "2025-01-20");
            long d7 = dev(tx, c, med, DeviationKind.LEX_SARAH, "2025-02-01");
            dev(tx, c, med, DeviationKind.LEX_SARAH, "2025-07-01");
            dev(tx, a, care, DeviationKind.HSL_AVVIKELSE, "2025-08-01");
            dev(tx, a, null, DeviationKind.HSL_AVVIKELSE, "2025-09-01");
            long d0 = dev(tx, a, fall, DeviationKind.HSL_AVVIKELSE, "2024-06-01");
            cause(tx, d1, routine);
            cause(tx, d1, stress);
            cause(tx, d2, routine);
            cause(tx, d6, routine);
            cause(tx, d0, stress);
            measure(tx, Measure.SOURCE_DEVIATION, d1, a, training, "2025-04-09", "2025-05-05");
            measure(tx, Measure.SOURCE_DEVIATION, d2, a, training, "2025-03-31", null);
            measure(tx, Measure.SOURCE_DEVIATION, d6, c, change, "2025-06-30", "2025-02-10");
            measure(tx, Measure.SOURCE_DEVIATION, d7, c, null, "2025-02-28", "2025-03-01");
            measure(tx, Measure.SOURCE_DEVIATION, d0, a, training, "2024-07-01", "2024-06-20");
            long meeting = tx.insertInto(COUNCIL_MEETING).set(COUNCIL_MEETING.UNIT_ID, a)
                    .set(COUNCIL_MEETING.HELD_ON, LocalDate.parse("2025-04-01")).set(COUNCIL_MEETING.TITLE, "Råd")
                    .set(COUNCIL_MEETING.HELD, true).set(COUNCIL_MEETING.UPDATED_AT, LocalDateTime.now())
                    .returning(COUNCIL_MEETING.ID).fetchOne().getId();
            measure(tx, ActionSource.COUNCIL.code(), meeting, a, training, "2025-04-15", null);
        });
    }

    private long unit(String name, Long parent) {
        return ctx.units().save(new Unit(null, parent, name, parent == null ? OrgLevel.ENHET : OrgLevel.SEKTION, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
    }

    private long dev(DSLContext tx, long unit, Long category, DeviationKind kind, String registered) {
        LocalDate reg = LocalDate.parse(registered);
        Deviation d = ctx.deviations().save(tx, new Deviation(null, null, kind, kind.defaultLaw(), unit, category,
                DeviationStatus.REGISTRERAD, reg, reg, reg, reg.plusDays(14), null, "Undersköterska", "Händelse",
                "Beskrivning", null, null, null, List.of(), null, false, null, null, null, null));
        devs.add(d.id());
        return d.id();
    }

    private static void cause(DSLContext tx, long deviation, long cause) {
        tx.insertInto(DEVIATION_CAUSE).set(DEVIATION_CAUSE.DEVIATION_ID, deviation)
                .set(DEVIATION_CAUSE.CAUSE_CATEGORY_ID, cause).execute();
    }

    private void measure(DSLContext tx, String source, long sourceId, long unit, Long type, String due, String done) {
        ctx.deviations().saveMeasure(tx, new Measure(null, source, sourceId, unit, "Åtgärd", type, "Chef",
                LocalDate.parse(due), done == null ? null : LocalDate.parse(done), null, null));
    }

    private static DeviationFilter period() {
        return DeviationFilter.all().withPeriod(FROM, TO);
    }

    @Test
    void paretoOfCategoriesCountsSortsAndAccumulatesInThePeriod() {
        Pareto p = Pareto.of(charts.paretoCategories(period(), TestDb.TODAY));
        assertThat(p.total()).isEqualTo(10);
        assertThat(p.bars()).extracting(Pareto.Bar::name).containsExactly("T-Fall", "T-Läkemedel", "T-Bemötande", null);
        assertThat(p.bars()).extracting(Pareto.Bar::count).containsExactly(5L, 3L, 1L, 1L);
        assertThat(p.bars()).extracting(Pareto.Bar::cumulativePercent).containsExactly(50.0, 80.0, 90.0, 100.0);
        assertThat(p.vitalFew()).isEqualTo(2);
    }

    @Test
    void paretoFollowsTheUnitSubtreeAndKindFilters() {
        Set<Long> subtreeA = ctx.organisation().unitScope(a, null);
        assertThat(subtreeA).containsExactlyInAnyOrder(a, b);
        Pareto p = Pareto.of(charts.paretoCategories(period().withUnits(subtreeA), TestDb.TODAY));
        assertThat(p.bars()).extracting(Pareto.Bar::count).containsExactly(5L, 1L, 1L);
        assertThat(p.bars().get(0).cumulativePercent()).isCloseTo(500.0 / 7, within(1e-9));
        assertThat(p.bars().get(1).cumulativePercent()).isCloseTo(600.0 / 7, within(1e-9));

        DeviationFilter sarah = new DeviationFilter(EnumSet.of(DeviationKind.LEX_SARAH), Set.of(), null, null,
                FROM, TO, false, null);
        assertThat(charts.paretoCategories(sarah, TestDb.TODAY)).containsExactly(new Pareto.Count("T-Läkemedel", 3));
    }

    @Test
    void paretoOfCausesCountsEveryStatedCauseOfDeviationsInThePeriod() {
        Pareto p = Pareto.of(charts.paretoCauses(period(), TestDb.TODAY));
        assertThat(p.bars()).extracting(Pareto.Bar::name).containsExactly("T-Rutin saknas", "T-Stress");
        assertThat(p.bars()).extracting(Pareto.Bar::count).containsExactly(3L, 1L);
        assertThat(p.bars()).extracting(Pareto.Bar::cumulativePercent).containsExactly(75.0, 100.0);
    }

    @Test
    void paretoOfMeasureTypesCountsOnlyDeviationMeasuresInThePeriod() {
        Pareto p = Pareto.of(charts.paretoMeasureTypes(period(), TestDb.TODAY));
        assertThat(p.bars()).extracting(Pareto.Bar::name).containsExactly("T-Utbildning", "T-Rutinändring", null);
        assertThat(p.bars()).extracting(Pareto.Bar::count).containsExactly(2L, 1L, 1L);
        assertThat(p.bars()).extracting(Pareto.Bar::cumulativePercent).containsExactly(50.0, 75.0, 100.0);
    }

    @Test
    void openAndOverdueActionsAtEachMonthEnd() {
        TrendService trends = ctx.trends();
        List<ActionBacklog.MonthEnd> all = trends.actionBacklog(null, FROM, LocalDate.of(2025, 6, 30));
        assertThat(all).extracting(ActionBacklog.MonthEnd::date).containsExactly(LocalDate.of(2025, 1, 31),
                LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30),
                LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 30));
        assertThat(all).extracting(ActionBacklog.MonthEnd::open).containsExactly(1L, 1L, 2L, 3L, 2L, 2L);
        assertThat(all).extracting(ActionBacklog.MonthEnd::overdue).containsExactly(0L, 0L, 0L, 3L, 2L, 2L);

        Set<Long> subtreeA = ctx.organisation().unitScope(a, null);
        List<ActionBacklog.MonthEnd> fromApril = trends.actionBacklog(subtreeA, LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 6, 30));
        assertThat(fromApril).extracting(ActionBacklog.MonthEnd::open).containsExactly(3L, 2L, 2L);
        assertThat(fromApril).extracting(ActionBacklog.MonthEnd::overdue).containsExactly(3L, 2L, 2L);
        assertThat(trends.actionBacklog(Set.of(c), FROM, LocalDate.of(2025, 3, 31)))
                .extracting(ActionBacklog.MonthEnd::open).containsExactly(1L, 1L, 0L);
    }

    @Test
    void complianceIsTheShareOfJudgedAnswersWithoutFindingPerRoundOfTheFamily() {
        long family = selfChecks();
        List<ChartRepository.RoundCompliance> all = charts.compliance(family, null);
        assertThat(all).extracting(ChartRepository.RoundCompliance::name).containsExactly("Mars", "September");
        assertThat(all).extracting(ChartRepository.RoundCompliance::assessable).containsExactly(4L, 4L);
        assertThat(all).extracting(ChartRepository.RoundCompliance::findings).containsExactly(1L, 2L);
        assertThat(all).extracting(ChartRepository.RoundCompliance::compliant).containsExactly(3L, 2L);

        List<ChartRepository.RoundCompliance> unitA = charts.compliance(family, ctx.organisation().unitScope(a, null));
        assertThat(unitA).extracting(ChartRepository.RoundCompliance::assessable).containsExactly(2L, 2L);
        assertThat(unitA).extracting(ChartRepository.RoundCompliance::findings).containsExactly(1L, 0L);
        assertThat(charts.templateFamilies()).extracting(TemplateFamily::name)
                .contains("Hygien v2", "Annan mall").doesNotContain("Hygien v1");
    }

    /** Family "Hygien" (v1, v2) with a round each, and a round of another template that must not count. */
    private long selfChecks() {
        return ctx.database().tx(tx -> {
            long v1 = template(tx, null, 1, "Hygien v1");
            long v2 = template(tx, v1, 2, "Hygien v2");
            long other = template(tx, null, 1, "Annan mall");
            long[] q1 = questions(tx, v1);
            long[] q2 = questions(tx, v2);
            long[] q3 = questions(tx, other);
            long r1 = round(tx, v1, "Mars", "2025-03-01");
            long r2 = round(tx, v2, "September", "2025-09-01");
            long r3 = round(tx, other, "Annan", "2025-05-01");
            answers(tx, r1, a, "SUBMITTED", q1, "NEJ", true, "JA", false, "text");
            answers(tx, r1, c, "SUBMITTED", q1, "JA", false, "JA", false, null);
            answers(tx, r1, b, "DRAFT", q1, "NEJ", true, "NEJ", true, null);
            answers(tx, r2, a, "SUBMITTED", q2, "JA", false, "JA", false, null);
            answers(tx, r2, c, "SUBMITTED", q2, "NEJ", true, "NEJ", true, "text");
            answers(tx, r3, a, "SUBMITTED", q3, "NEJ", true, "NEJ", true, null);
            return v1;
        });
    }

    private static long template(DSLContext tx, Long family, int version, String name) {
        long id = tx.insertInto(SELF_CHECK_TEMPLATE).set(SELF_CHECK_TEMPLATE.FAMILY_ID, family)
                .set(SELF_CHECK_TEMPLATE.VERSION, (long) version).set(SELF_CHECK_TEMPLATE.NAME, name)
                .set(SELF_CHECK_TEMPLATE.FROZEN, true).set(SELF_CHECK_TEMPLATE.CREATED_AT, LocalDateTime.now())
                .returning(SELF_CHECK_TEMPLATE.ID).fetchOne().getId();
        if (family == null) {
            tx.update(SELF_CHECK_TEMPLATE).set(SELF_CHECK_TEMPLATE.FAMILY_ID, id).where(SELF_CHECK_TEMPLATE.ID.eq(id)).execute();
        }
        return id;
    }

    /** Two yes/no questions with a finding rule and one free-text question without. */
    private static long[] questions(DSLContext tx, long template) {
        long section = tx.insertInto(SELF_CHECK_SECTION).set(SELF_CHECK_SECTION.TEMPLATE_ID, template)
                .set(SELF_CHECK_SECTION.POSITION, 1L).set(SELF_CHECK_SECTION.TITLE, "Avsnitt")
                .returning(SELF_CHECK_SECTION.ID).fetchOne().getId();
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = tx.insertInto(SELF_CHECK_QUESTION).set(SELF_CHECK_QUESTION.SECTION_ID, section)
                    .set(SELF_CHECK_QUESTION.TEMPLATE_ID, template).set(SELF_CHECK_QUESTION.POSITION, (long) i)
                    .set(SELF_CHECK_QUESTION.QUESTION_KEY, "q" + i).set(SELF_CHECK_QUESTION.TEXT, "Fråga " + i)
                    .set(SELF_CHECK_QUESTION.ANSWER_TYPE, i < 2 ? "YES_NO" : "TEXT")
                    .set(SELF_CHECK_QUESTION.REQUIRED, false)
                    .set(SELF_CHECK_QUESTION.FINDING_RULE, i < 2 ? "values:NEJ" : null)
                    .returning(SELF_CHECK_QUESTION.ID).fetchOne().getId();
        }
        return ids;
    }

    private static long round(DSLContext tx, long template, String name, String start) {
        LocalDate s = LocalDate.parse(start);
        return tx.insertInto(SELF_CHECK_ROUND).set(SELF_CHECK_ROUND.NAME, name).set(SELF_CHECK_ROUND.TEMPLATE_ID, template)
                .set(SELF_CHECK_ROUND.PERIOD_START, s).set(SELF_CHECK_ROUND.PERIOD_END, s.plusMonths(1))
                .set(SELF_CHECK_ROUND.DUE_ON, s.plusMonths(1)).set(SELF_CHECK_ROUND.CREATED_AT, LocalDateTime.now())
                .returning(SELF_CHECK_ROUND.ID).fetchOne().getId();
    }

    private static void answers(DSLContext tx, long round, long unit, String status, long[] q, String v1, boolean f1,
                                String v2, boolean f2, String text) {
        long response = tx.insertInto(SELF_CHECK_RESPONSE).set(SELF_CHECK_RESPONSE.ROUND_ID, round)
                .set(SELF_CHECK_RESPONSE.UNIT_ID, unit).set(SELF_CHECK_RESPONSE.STATUS, status)
                .set(SELF_CHECK_RESPONSE.SUBMITTED_AT, status.equals("SUBMITTED") ? LocalDateTime.now() : null)
                .returning(SELF_CHECK_RESPONSE.ID).fetchOne().getId();
        answer(tx, response, q[0], v1, f1);
        answer(tx, response, q[1], v2, f2);
        if (text != null) {
            answer(tx, response, q[2], text, false);
        }
    }

    private static void answer(DSLContext tx, long response, long question, String value, boolean finding) {
        tx.insertInto(SELF_CHECK_ANSWER).set(SELF_CHECK_ANSWER.RESPONSE_ID, response)
                .set(SELF_CHECK_ANSWER.QUESTION_ID, question).set(SELF_CHECK_ANSWER.ANSWER_VALUE, value)
                .set(SELF_CHECK_ANSWER.FINDING, finding).execute();
    }
}
