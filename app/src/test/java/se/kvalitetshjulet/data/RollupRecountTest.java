package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.ChartRepository;
import se.kvalitetshjulet.data.repo.DeviationImportRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.ListsRepository;
import se.kvalitetshjulet.data.repo.RollupRepository;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.trend.Pareto;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.ImportResult;

/**
 * The roll-up aggregates (decision 0021) are exact by construction: after random inserts, edits, status changes,
 * cause changes, deletes, list merges, imports (small and bulk) and the migration that creates them, they equal a
 * full recount, and every chart and count answered from them equals the same question asked of the base tables.
 */
class RollupRecountTest {
    private static final LocalDate TODAY = TestDb.TODAY;

    @TempDir
    Path dir;

    private static Deviation change(Deviation d, DeviationKind kind, long unit, Long category, DeviationStatus status,
                                    LocalDate registered, List<Long> causes) {
        return new Deviation(d.id(), d.caseRef(), kind, d.law(), unit, category, status, d.occurredOn(), d.reportedOn(),
                registered, d.dueOn(), d.closedOn(), d.reporterRole(), d.title(), d.description(), d.immediateActions(),
                d.facts(), d.causeText(), causes, d.assessment(), d.serious(), d.ivoReportedOn(), d.ivoReference(),
                null, null, d.ivoDetails());
    }

    private record World(List<Long> units, List<Long> categories, List<Long> causes) { }

    private static World world(AppContext ctx) {
        return new World(ctx.units().findAll().stream().map(Unit::id).toList(),
                ctx.taxonomies().list(TaxonomyKind.CATEGORY).stream().map(Taxonomy::id).toList(),
                ctx.taxonomies().list(TaxonomyKind.CAUSE).stream().map(Taxonomy::id).toList());
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private static List<Long> someCauses(Random rnd, World w) {
        Set<Long> out = new HashSet<>();
        int n = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(pick(rnd, w.causes()));
        }
        return new ArrayList<>(out);
    }

    /** A random filter on the dimensions the roll-ups keep, with periods that start and end on any day. */
    private static DeviationFilter randomFilter(Random rnd, World w) {
        Set<DeviationKind> kinds = EnumSet.noneOf(DeviationKind.class);
        if (rnd.nextBoolean()) {
            for (DeviationKind k : DeviationKind.values()) {
                if (rnd.nextBoolean()) {
                    kinds.add(k);
                }
            }
        }
        Set<DeviationStatus> statuses = EnumSet.noneOf(DeviationStatus.class);
        if (rnd.nextInt(3) == 0) {
            statuses.add(pick(rnd, List.of(DeviationStatus.values())));
        }
        Set<Long> units = null;
        if (rnd.nextBoolean()) {
            units = new HashSet<>();
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                units.add(pick(rnd, w.units()));
            }
        }
        Long category = rnd.nextInt(4) == 0 ? pick(rnd, w.categories()) : null;
        LocalDate from = rnd.nextInt(5) == 0 ? null : TODAY.minusDays(rnd.nextInt(4 * 365));
        LocalDate to = rnd.nextInt(5) == 0 ? null
                : (from == null ? TODAY.minusDays(rnd.nextInt(3 * 365)) : from.plusDays(rnd.nextInt(500) - 10));
        return new DeviationFilter(kinds, statuses, units, category, from, to, false, null);
    }

    private static Map<String, Long> pareto(List<Pareto.Count> counts) {
        Map<String, Long> m = new HashMap<>();
        counts.forEach(c -> m.merge(String.valueOf(c.name()), c.count(), Long::sum));
        return m;
    }

    /** A query's rows keyed by all columns but the last, the last summed (what the base-table SQL answers). */
    private static Map<String, Long> rows(DSLContext q, String sql) {
        Map<String, Long> m = new HashMap<>();
        for (var r : q.fetch(sql)) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < r.size() - 1; i++) {
                key.append(r.get(i)).append('|');
            }
            m.merge(key.toString(), r.get(r.size() - 1, Long.class), Long::sum);
        }
        return m;
    }

    /** The roll-ups equal a recount, and every answer read from them equals the base tables' answer. */
    private static void assertExact(AppContext ctx, Random rnd, World w, String when) {
        RollupRepository.Verification v = new RollupRepository(ctx.database(), ctx.audit()).verify();
        assertThat(v.exact()).as("roll-ups equal a full recount " + when + ": " + v).isTrue();
        DeviationRepository repo = ctx.deviations();
        ChartRepository charts = new ChartRepository(ctx.database());
        DSLContext q = ctx.database().dsl();
        for (int i = 0; i < 12; i++) {
            DeviationFilter f = randomFilter(rnd, w);
            String as = when + ", " + f;
            assertThat(repo.count(f, TODAY)).as("count " + as).isEqualTo(q.fetchOne(repo.countSql(f, TODAY)).get(0, Long.class));
            Map<String, Long> base = new HashMap<>();
            rows(q, charts.paretoCategoriesSql(f, TODAY)).forEach((k, n) -> base.put(k.substring(0, k.length() - 1), n));
            assertThat(pareto(charts.paretoCategories(f, TODAY))).as("categories " + as).isEqualTo(base);
            Map<String, Long> causes = new HashMap<>();
            rows(q, charts.paretoCausesSql(f, TODAY)).forEach((k, n) -> causes.put(k.substring(0, k.length() - 1), n));
            assertThat(pareto(charts.paretoCauses(f, TODAY))).as("causes " + as).isEqualTo(causes);
            Map<String, Long> trend = new HashMap<>();
            repo.monthlyCountsByCategory(f, TODAY).forEach(c -> trend.merge(
                    c.category() + "|" + "%04d-%02d".formatted(c.year(), c.month()) + "|", c.count(), Long::sum));
            assertThat(trend).as("trend " + as).isEqualTo(rows(q, repo.monthlyCountsByCategorySql(f, TODAY)));
            long totals = repo.monthlyTotals(f, TODAY).stream().mapToLong(DeviationRepository.MonthTotal::count).sum();
            assertThat(totals).as("monthly totals " + as).isEqualTo(repo.count(f, TODAY));
            if (f.from() != null && f.to() != null) {
                Map<String, Long> tertial = new HashMap<>();
                repo.monthlyCounts(f.from(), f.to()).forEach(c -> tertial.merge(c.unitId() + "|" + c.kind() + "|"
                        + "%04d-%02d".formatted(c.year(), c.month()) + "|", c.count(), Long::sum));
                assertThat(tertial).as("tertial " + as).isEqualTo(rows(q, repo.monthlyCountsSql(f.from(), f.to())));
            }
        }
    }

    @Test
    void afterRandomEditsDeletesMergesAndImportsTheRollupsEqualARecount() throws Exception {
        try (AppContext ctx = TestDb.demo(dir)) {
            ctx.demoData().addBulkDeviations(7, 2_000, TODAY, p -> { });
            Random rnd = new Random(2026);
            World w = world(ctx);
            DeviationRepository repo = ctx.deviations();
            assertExact(ctx, rnd, w, "after the demo data");
            List<Long> ours = new ArrayList<>();
            List<Long> all = ctx.database().dsl().select(DEVIATION.ID).from(DEVIATION).fetch(DEVIATION.ID);
            for (int op = 0; op < 240; op++) {
                int kind = rnd.nextInt(10);
                ctx.database().txRun(tx -> {
                    switch (kind) {
                        case 0, 1 -> { // a new deviation, like one saved in the editor
                            Deviation template = repo.find(pick(rnd, all)).orElseThrow();
                            Deviation d = change(template, pick(rnd, List.of(DeviationKind.values())), pick(rnd, w.units()),
                                    rnd.nextInt(5) == 0 ? null : pick(rnd, w.categories()),
                                    pick(rnd, List.of(DeviationStatus.values())), TODAY.minusDays(rnd.nextInt(1200)),
                                    someCauses(rnd, w));
                            d = new Deviation(null, null, d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(),
                                    d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(),
                                    d.title(), d.description(), d.immediateActions(), d.facts(), d.causeText(), d.causeIds(),
                                    d.assessment(), d.serious(), d.ivoReportedOn(), d.ivoReference(), null, null, d.ivoDetails());
                            ours.add(repo.save(tx, d).id());
                        }
                        case 2, 3, 4 -> { // an edit of every dimension the roll-ups keep
                            Deviation d = repo.find(pick(rnd, all)).orElseThrow();
                            repo.save(tx, change(d, rnd.nextBoolean() ? d.kind() : pick(rnd, List.of(DeviationKind.values())),
                                    rnd.nextBoolean() ? d.unitId() : pick(rnd, w.units()),
                                    rnd.nextInt(4) == 0 ? null : pick(rnd, w.categories()),
                                    pick(rnd, List.of(DeviationStatus.values())),
                                    rnd.nextBoolean() ? d.registeredOn() : d.registeredOn().plusDays(rnd.nextInt(90) - 45),
                                    rnd.nextBoolean() ? d.causeIds() : someCauses(rnd, w)));
                        }
                        case 5, 6 -> { // a status change (the workflow)
                            Deviation d = repo.find(pick(rnd, all)).orElseThrow();
                            repo.save(tx, d.withStatus(pick(rnd, List.of(DeviationStatus.values())), null));
                        }
                        case 7 -> { // only the causes
                            Deviation d = repo.find(pick(rnd, all)).orElseThrow();
                            repo.save(tx, change(d, d.kind(), d.unitId(), d.categoryId(), d.status(), d.registeredOn(),
                                    someCauses(rnd, w)));
                        }
                        default -> { // a delete of one of the deviations this test made (the demo's have links)
                            if (!ours.isEmpty()) {
                                long id = ours.remove(rnd.nextInt(ours.size()));
                                assertThat(tx.deleteFrom(DEVIATION).where(DEVIATION.ID.eq(id)).execute()).isOne();
                            }
                        }
                    }
                });
                if (op % 60 == 59) {
                    assertExact(ctx, rnd, w, "after " + (op + 1) + " random writes");
                }
            }
            // merges of lists move deviations and causes to another entry
            ListsRepository lists = new ListsRepository(ctx.database(), ctx.audit());
            lists.merge(ListKind.DEVIATION_CATEGORY, w.categories().get(0), w.categories().get(1));
            lists.merge(ListKind.CAUSE, w.causes().get(0), w.causes().get(1));
            World merged = world(ctx);
            assertExact(ctx, rnd, merged, "after merging a category and a cause");
            // an import of another system's export, causes included
            ImportResult r = importRows(ctx, 300, "Litet");
            assertThat(r.imported()).isEqualTo(300);
            assertExact(ctx, rnd, merged, "after an import");
        }
    }

    /** A CSV of {@code rows} deviations in the demo's units, categories and causes, imported all or nothing. */
    private ImportResult importRows(AppContext ctx, int rows, String source) throws Exception {
        List<Unit> units = ctx.units().findAll();
        List<Taxonomy> cats = ctx.taxonomies().list(TaxonomyKind.CATEGORY).stream().filter(Taxonomy::active).toList();
        List<Taxonomy> causes = ctx.taxonomies().list(TaxonomyKind.CAUSE).stream().filter(Taxonomy::active).toList();
        Random rnd = new Random(rows);
        StringBuilder csv = new StringBuilder("Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Orsakskategorier\n");
        String[] kinds = {"Kvalitetsavvikelse", "Klagomål", "Lex Sarah", "HSL-avvikelse"};
        for (int i = 0; i < rows; i++) {
            csv.append(source).append('-').append(i).append(';').append(TODAY.minusDays(rnd.nextInt(1000))).append(';')
                    .append(pick(rnd, units).name()).append(';').append(pick(rnd, List.of(kinds))).append(';')
                    .append(pick(rnd, cats).name()).append(";Importerad händelse ").append(i).append(';')
                    .append(pick(rnd, causes).name()).append('\n');
        }
        Path file = dir.resolve(source + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        var reader = se.kvalitetshjulet.service.imports.TabularReader.open(file);
        ImportMapping mapping = ImportMapping.guess(reader.headers());
        ImportResult r = ctx.deviationImporter().run(file, mapping, source, false, (p, s) -> { }, () -> false);
        assertThat(r.errors()).as("import errors").isEmpty();
        return r;
    }

    @Test
    void aBulkImportThatDropsAndRebuildsIndexesKeepsTheRollupsExact() throws Exception {
        try (AppContext ctx = TestDb.demo(dir)) {
            ImportResult r = importRows(ctx, (int) DeviationImportRepository.BULK_MIN_ROWS, "Stort");
            assertThat(r.imported()).isEqualTo(DeviationImportRepository.BULK_MIN_ROWS);
            assertExact(ctx, new Random(7), world(ctx), "after a bulk import");
        }
    }

    @Test
    void theMigrationFillsTheRollupsFromTheRowsAlreadyThere() throws Exception {
        Path demo = Files.createDirectories(dir.resolve("demo"));
        try (AppContext ctx = TestDb.demo(demo)) {
            ctx.demoData().addBulkDeviations(3, 500, TODAY, p -> { });
        }
        // a database at schema 24 (before the roll-ups) holding the demo's organisation, lists, deviations and causes
        Path old = dir.resolve("old.db");
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + old, null, null).locations("classpath:db/migration")
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY", "sqlite_only", "")).target("24").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("ATTACH DATABASE '" + demo.resolve("test.db") + "' AS demo");
            for (String t : List.of("business_area", "unit", "deviation_category", "cause_category", "deviation",
                    "deviation_cause")) {
                List<String> columns = new ArrayList<>();
                try (var rs = st.executeQuery("SELECT name FROM pragma_table_info('" + t + "', 'main')")) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                String cols = String.join(", ", columns);
                st.execute("DELETE FROM main." + t);
                st.execute("INSERT INTO main." + t + " (" + cols + ") SELECT " + cols + " FROM demo." + t);
            }
        }
        try (AppContext ctx = new AppContext(Database.open(old), TestDb.clock())) {
            assertThat(ctx.deviations().count(DeviationFilter.all().withText("a"), TODAY)).as("rows were there").isPositive();
            RollupRepository.Verification v = new RollupRepository(ctx.database(), ctx.audit()).verify();
            assertThat(v.rows()).as("filled by the migration").isPositive();
            assertExact(ctx, new Random(25), world(ctx), "after migrating a database with rows");
        }
    }
}
