package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository.PagePlan;
import se.kvalitetshjulet.data.repo.DeviationRepository.Reader;
import se.kvalitetshjulet.domain.Page;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * The register's page and count (decision 0041) are the same whichever way they are read: the free-text matches sorted
 * ({@code SORTED}, as before), or the rows read in the order of an index with the matches as a filter
 * ({@code INDEX_ORDER}), or the plan the register chooses, each equal to what a user expects, worked out here in Java
 * from every row (the term anywhere in title, description or case reference, lower-cased the Swedish way; the sort
 * column, SQLite's order of text and nulls, ties by id in the same direction) over many filters, sorts and pages of a
 * demo register with random edits, deletes and rows registered on the same day.
 */
class RegisterPlanTest {
    private static final LocalDate TODAY = TestDb.TODAY;
    private static final String[] TERMS = {"fall", "FALL", "läkemedel", "LÄKEMEDEL", "Dos", "besök", "natt", "ÄLDRE",
        "öpp", "AV-20", "av-2025-0", "zqxw", "a", "Ö", "nä", "  fall  "};
    private static final String[] WORDS = {"fall", "Fallolycka", "läkemedel", "ÄLDREBOENDE", "natt", "besök", "öppen",
        "Öppenvård", "dusch", "kvällsdos", "Sjöström"};

    @TempDir
    static Path dir;
    /** One demo register for both tests (building it is most of their time); the tests only read it. */
    private static AppContext ctx;

    @BeforeAll
    static void demoWithRandomEdits() {
        ctx = TestDb.demo(dir);
        ctx.demoData().addBulkDeviations(9, 1_500, TODAY, p -> { });
        randomEdits(ctx, 41);
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    /** One row as the register shows it, with what the filters and sorts read. */
    private record Row(long id, String caseRef, String kind, String status, long unitId, String unitName,
                       Long categoryId, String categoryName, LocalDate registeredOn, LocalDate dueOn, String title,
                       String description) {
        boolean matches(String term) {
            String t = term.strip().toLowerCase(Locale.ROOT);
            return has(title, t) || has(description, t) || has(caseRef, t);
        }

        private static boolean has(String text, String lowerTerm) {
            return text != null && text.toLowerCase(Locale.ROOT).contains(lowerTerm);
        }
    }

    private static List<Row> rows(AppContext ctx) {
        return ctx.database().dsl().select(DEVIATION.ID, DEVIATION.CASE_REF, DEVIATION.KIND, DEVIATION.STATUS,
                        DEVIATION.UNIT_ID, UNIT.NAME, DEVIATION.CATEGORY_ID, DEVIATION_CATEGORY.NAME,
                        DEVIATION.REGISTERED_ON, DEVIATION.DUE_ON, DEVIATION.TITLE, DEVIATION.DESCRIPTION)
                .from(DEVIATION).join(UNIT).on(UNIT.ID.eq(DEVIATION.UNIT_ID))
                .leftJoin(DEVIATION_CATEGORY).on(DEVIATION_CATEGORY.ID.eq(DEVIATION.CATEGORY_ID))
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
    }

    /** SQLite's order of text (BINARY: UTF-8 bytes, that is code points), nulls first when ascending. */
    private static final Comparator<String> TEXT = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private static Comparator<Row> order(DeviationSort sort, boolean asc) {
        Comparator<Row> column = switch (sort) {
            case REGISTERED_ON -> by(Row::registeredOn, Comparator.naturalOrder());
            case CASE_REF -> by(Row::caseRef, TEXT);
            case KIND -> by(Row::kind, TEXT);
            case STATUS -> by(Row::status, TEXT);
            case UNIT -> by(Row::unitName, TEXT);
            case CATEGORY -> by(Row::categoryName, TEXT);
            case DUE_ON -> by(Row::dueOn, Comparator.naturalOrder());
            case TITLE -> by(Row::title, TEXT);
        };
        Comparator<Row> both = column.thenComparingLong(Row::id);
        return asc ? both : both.reversed();
    }

    private static <T> Comparator<Row> by(Function<Row, T> key, Comparator<T> c) {
        return Comparator.comparing(key, Comparator.nullsFirst(c));
    }

    private static boolean expected(Row r, DeviationFilter f) {
        return (f.kinds() == null || f.kinds().isEmpty() || f.kinds().stream().anyMatch(k -> k.name().equals(r.kind())))
                && (f.statuses() == null || f.statuses().isEmpty()
                        || f.statuses().stream().anyMatch(s -> s.name().equals(r.status())))
                && (f.unitIds() == null || f.unitIds().contains(r.unitId()))
                && (f.categoryId() == null || f.categoryId().equals(r.categoryId()))
                && (f.from() == null || !r.registeredOn().isBefore(f.from()))
                && (f.to() == null || !r.registeredOn().isAfter(f.to()))
                && (!f.overdueOnly() || (r.dueOn() != null && r.dueOn().isBefore(TODAY)
                        && (r.status().equals("REGISTRERAD") || r.status().equals("UTREDNING"))))
                && (f.text() == null || f.text().isBlank() || r.matches(f.text()));
    }

    private static Deviation copy(Deviation d, String title, String description) {
        return new Deviation(null, null, d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(), title, description,
                d.immediateActions(), d.facts(), d.causeText(), d.causeIds(), d.assessment(), d.serious(),
                d.ivoReportedOn(), d.ivoReference(), null, null, d.ivoDetails());
    }

    private static String sentence(Random rnd) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    /** Random writes: copies registered the same day as their original (ties), new texts, status changes, deletes. */
    private static void randomEdits(AppContext ctx, long seed) {
        Random rnd = new Random(seed);
        DeviationRepository repo = ctx.deviations();
        List<Long> ids = ctx.database().dsl().select(DEVIATION.ID).from(DEVIATION).fetch(DEVIATION.ID);
        List<Long> added = new ArrayList<>();
        for (int op = 0; op < 150; op++) {
            int kind = rnd.nextInt(5);
            ctx.database().txRun(tx -> {
                Deviation d = repo.find(ids.get(rnd.nextInt(ids.size()))).orElseThrow();
                switch (kind) {
                    case 0, 1 -> added.add(repo.save(tx, copy(d, rnd.nextBoolean() ? d.title() : sentence(rnd),
                            rnd.nextBoolean() ? null : sentence(rnd))).id());
                    case 2 -> repo.save(tx, d.withStatus(DeviationStatus.values()[rnd.nextInt(DeviationStatus.values()
                            .length)], null));
                    case 3 -> {
                        Deviation renamed = copy(d, sentence(rnd), d.description());
                        repo.save(tx, new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(),
                                d.status(), d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(),
                                d.reporterRole(), renamed.title(), d.description(), d.immediateActions(), d.facts(),
                                d.causeText(), d.causeIds(), d.assessment(), d.serious(), d.ivoReportedOn(),
                                d.ivoReference(), d.externalSource(), d.externalId(), d.ivoDetails()));
                    }
                    default -> {
                        if (!added.isEmpty()) {
                            long gone = added.remove(rnd.nextInt(added.size()));
                            assertThat(tx.deleteFrom(DEVIATION).where(DEVIATION.ID.eq(gone)).execute()).isOne();
                        }
                    }
                }
            });
        }
    }

    private static void assertPage(DeviationRepository repo, List<Row> all, DeviationFilter f, DeviationSort sort,
                                   boolean asc, int pageIndex, int pageSize, String what) {
        List<Long> expected = all.stream().filter(r -> expected(r, f)).sorted(order(sort, asc)).map(Row::id).toList();
        List<Long> page = expected.subList(Math.min(expected.size(), pageIndex * pageSize),
                Math.min(expected.size(), (pageIndex + 1) * pageSize));
        Page<DeviationRow> chosen = repo.search(f, sort, asc, pageIndex, pageSize, TODAY);
        for (PagePlan plan : new PagePlan[] {PagePlan.SORTED, PagePlan.INDEX_ORDER, null}) {
            // the register's own reader (plain JDBC on a file, decision 0044) and jOOQ's, each in every plan
            for (Reader reader : new Reader[] {null, Reader.JOOQ}) {
                Page<DeviationRow> p = plan == null && reader == null ? chosen
                        : repo.search(f, sort, asc, pageIndex, pageSize, TODAY, plan, reader);
                String as = what + " " + sort + (asc ? " ↑" : " ↓") + " page " + pageIndex + " plan " + plan
                        + " reader " + reader;
                assertThat(p.total()).as("count, " + as).isEqualTo(expected.size());
                assertThat(p.rows()).extracting(DeviationRow::id).as(as).containsExactlyElementsOf(page);
                // every column of every row the same, whichever plan and reader read it
                assertThat(p.rows()).as("rows, " + as).isEqualTo(chosen.rows());
            }
        }
    }

    @Test
    void everyPlanGivesTheRowsTheOrderAndTheCountAUserExpects() {
        DeviationRepository repo = ctx.deviations();
        List<Row> all = rows(ctx);
        List<Long> units = ctx.units().findAll().stream().map(Unit::id).sorted().toList();
        Long category = all.stream().map(Row::categoryId).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        List<DeviationFilter> others = List.of(DeviationFilter.all(),
                DeviationFilter.all().withKinds(EnumSet.of(DeviationKind.HSL_AVVIKELSE, DeviationKind.LEX_SARAH)),
                DeviationFilter.all().withStatuses(EnumSet.of(DeviationStatus.REGISTRERAD, DeviationStatus.AVSLUTAD)),
                DeviationFilter.all().withUnits(Set.copyOf(units.subList(0, units.size() / 3))),
                new DeviationFilter(Set.of(), Set.of(), null, category, null, null, false, null),
                DeviationFilter.all().withPeriod(TODAY.minusMonths(7).withDayOfMonth(12), TODAY.minusDays(3)),
                DeviationFilter.all().withOverdueOnly(true));
        Random rnd = new Random(410);
        DeviationSort[] sorts = DeviationSort.values();
        for (String term : TERMS) {
            for (DeviationFilter other : others) {
                DeviationFilter f = other.withText(term);
                String what = "\"" + term + "\" with " + other;
                assertPage(repo, all, f, DeviationSort.REGISTERED_ON, false, 0, 100, what);
                int pageIndex = rnd.nextInt(4) == 0 ? 7 : rnd.nextInt(3);
                assertPage(repo, all, f, sorts[rnd.nextInt(sorts.length)], rnd.nextBoolean(), pageIndex, 25, what);
            }
        }
        // every sort, both ways, of a frequent term, the first pages and one far down
        for (DeviationSort sort : sorts) {
            for (boolean asc : new boolean[] {true, false}) {
                for (int pageIndex : new int[] {0, 1, 9}) {
                    assertPage(repo, all, DeviationFilter.all().withText("fall"), sort, asc, pageIndex, 30, "fall");
                }
            }
        }
        // and the register without any text, as the list opens
        assertPage(repo, all, DeviationFilter.all(), DeviationSort.REGISTERED_ON, false, 0, 100, "no filter");
    }

    @Test
    void aFrequentTermIsReadInIndexOrderARareOneSortedAndTheBenchRunsExactlyThatSql() {
        DeviationRepository repo = ctx.deviations();
        List<Row> all = rows(ctx);
        // the most common title word of the demo register, and a term that finds a handful
        String frequent = "fall";
        long frequentCount = all.stream().filter(r -> r.matches(frequent)).count();
        assertThat(frequentCount).as("demo rows with \"fall\"").isGreaterThan(all.size() / 20);
        String rare = all.stream().filter(r -> r.caseRef() != null && !r.caseRef().equals("preliminary"))
                .map(r -> r.caseRef().substring(0, r.caseRef().length() - 1)).findFirst().orElseThrow();
        for (String term : List.of(frequent, rare)) {
            DeviationFilter f = DeviationFilter.all().withText(term);
            List<String> sql = repo.searchSql(f, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY);
            String page = sql.getLast();
            assertThat(page).as("the page query is recorded last").startsWith("select `deviation`.`id`");
            assertThat(page.contains("+`deviation`.`id` in (select rowid from deviation_fts"))
                    .as("\"" + term + "\" read in index order").isEqualTo(term.equals(frequent));
            assertThat(sql.getFirst()).as("the count of the text alone comes from the index alone")
                    .startsWith("select count(*) from `deviation_fts`");
            // the recorded statements, run by themselves, give the app's count and page
            Page<DeviationRow> app = repo.search(f, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY);
            assertThat(((Number) ctx.database().dsl().fetchValue(sql.getFirst())).longValue()).as("recorded count")
                    .isEqualTo(app.total());
            assertThat(ctx.database().dsl().fetch(page).getValues(0, Long.class)).as("recorded page")
                    .containsExactlyElementsOf(app.rows().stream().map(DeviationRow::id).toList());
        }
        // a filter the roll-ups answer is counted there, and the recorded SQL says so
        DeviationFilter rolled = DeviationFilter.all().withKinds(EnumSet.of(DeviationKind.HSL_AVVIKELSE))
                .withPeriod(TODAY.minusYears(1), TODAY);
        List<String> sql = repo.searchSql(rolled, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY);
        assertThat(sql).anyMatch(s -> s.contains("from `agg_deviation_"));
        assertThat(repo.search(rolled, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY).total())
                .isEqualTo(all.stream().filter(r -> expected(r, rolled)).count());
    }

    /**
     * The register's JDBC reader (decision 0044) runs exactly the statements jOOQ would, in the same order, with the same
     * values: what it records for the benchmark (its own executions, values inlined) is what jOOQ's listener records
     * when jOOQ runs the same search, for filters of every kind; and no statement shape had values that differed from
     * jOOQ's own.
     */
    @Test
    void theJdbcReaderRunsTheSqlJooqWouldWithTheSameValues() {
        DeviationRepository repo = ctx.deviations();
        List<Long> units = ctx.units().findAll().stream().map(Unit::id).sorted().toList();
        Long category = rows(ctx).stream().map(Row::categoryId).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow();
        DeviationFilter subtree = new DeviationFilter(EnumSet.of(DeviationKind.HSL_AVVIKELSE), Set.of(),
                Set.copyOf(units.subList(0, 5)), null, TODAY.minusYears(1), TODAY, false, null);
        List<DeviationFilter> filters = List.of(DeviationFilter.all(), subtree, subtree.withText("fall"),
                subtree.withPeriod(TODAY.minusMonths(2).withDayOfMonth(10), TODAY.minusDays(20)),
                subtree.withPeriod(TODAY.withDayOfMonth(1), TODAY),
                subtree.withStatuses(EnumSet.of(DeviationStatus.REGISTRERAD, DeviationStatus.UTREDNING)),
                DeviationFilter.all().withUnits(Set.of()),
                new DeviationFilter(Set.of(), Set.of(), null, category, TODAY.minusYears(2), null, false, null),
                DeviationFilter.all().withOverdueOnly(true).withText("läkemedel"),
                DeviationFilter.all().withIvoLateBefore(TODAY.minusDays(7)),
                DeviationFilter.all().withRegisteredBy("demo"),
                DeviationFilter.all().withText("fall"), DeviationFilter.all().withText("zqxw"),
                DeviationFilter.all().withText("AV-20"), DeviationFilter.all().withText("nä"));
        for (DeviationFilter f : filters) {
            for (DeviationSort sort : new DeviationSort[] {DeviationSort.REGISTERED_ON, DeviationSort.UNIT}) {
                for (int pageIndex : new int[] {0, 2}) {
                    String as = f + " " + sort + " page " + pageIndex;
                    List<String> jdbc = repo.searchSql(f, sort, false, pageIndex, 25, TODAY);
                    List<String> jooq = repo.searchSql(f, sort, false, pageIndex, 25, TODAY, Reader.JOOQ);
                    assertThat(jdbc).as("statements, " + as).isNotEmpty().containsExactlyElementsOf(jooq);
                    assertThat(repo.search(f, sort, false, pageIndex, 25, TODAY))
                            .as("page, " + as).isEqualTo(repo.search(f, sort, false, pageIndex, 25, TODAY, null, Reader.JOOQ));
                }
            }
        }
        assertThat(repo.readerMismatches()).as("statement shapes whose values differed from jOOQ's").isZero();
    }

    /**
     * The JDBC reader keeps its prepared statements between searches (decision 0044); none of them keeps the database
     * as it was: a deviation registered after a search is found by the next one, by its text and in its unit's count,
     * and is gone from both once deleted.
     */
    @Test
    void aSearchFindsWhatWasWrittenSinceTheLastOne() {
        DeviationRepository repo = ctx.deviations();
        Deviation original = repo.find(rows(ctx).getFirst().id()).orElseThrow();
        DeviationFilter text = DeviationFilter.all().withText("Kvällspromenad");
        DeviationFilter unit = new DeviationFilter(EnumSet.of(original.kind()), Set.of(), Set.of(original.unitId()), null,
                original.registeredOn().minusMonths(3), original.registeredOn().plusDays(3), false, null);
        for (int i = 0; i < 3; i++) { // the same shapes again, so the kept statements are the ones read
            assertThat(repo.search(text, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY).total()).isZero();
        }
        long before = repo.search(unit, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY).total();
        long id = ctx.database().tx(tx -> repo.save(tx, copy(original, "Kvällspromenad utan följe", null)).id());
        Page<DeviationRow> found = repo.search(text, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY);
        assertThat(found.total()).isOne();
        assertThat(found.rows()).extracting(DeviationRow::id).containsExactly(id);
        assertThat(found.rows().getFirst().title()).isEqualTo("Kvällspromenad utan följe");
        assertThat(repo.search(unit, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY).total()).isEqualTo(before + 1);
        ctx.database().txRun(tx -> assertThat(tx.deleteFrom(DEVIATION).where(DEVIATION.ID.eq(id)).execute()).isOne());
        assertThat(repo.search(text, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY).total()).isZero();
        assertThat(repo.search(unit, DeviationSort.REGISTERED_ON, false, 0, 100, TODAY).total()).isEqualTo(before);
    }
}
