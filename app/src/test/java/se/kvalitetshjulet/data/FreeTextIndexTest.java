package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.TextIndexRepository;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * The register's free-text search through the FTS5 trigram index (V35, decision 0032) finds exactly the deviations
 * whose title, description or case reference contain the term, ignoring case the Swedish way (Ä finds ä, a does not
 * find ä), with every other filter, sort, page and count; and the index stays exact through saves, edits, deletes,
 * imports, the migration of a database that already has rows, and a rebuild.
 */
class FreeTextIndexTest {
    private static final LocalDate TODAY = TestDb.TODAY;
    private static final String[] WORDS = {"fall", "Fallolycka", "läkemedel", "LÄKEMEDELSHANTERING", "äldreboende",
        "Äldre", "aldrig", "måltid", "MÅLTIDER", "öppen", "Öppenvård", "oppna", "dusch", "rullstol", "natt", "\"citat\"",
        "50%", "a_b", "Sjöström", "hemtjänst", "Brukare", "éclair", "Ångest", "anhörig", "(paus)", "fel-dos"};
    private static final String[] TERMS = {"fall", "FALL", "Fal", "läkemedel", "LÄKEMEDEL", "ÄLDRE", "äldre", "ald",
        "ÅNG", "ång", "ang", "MÅLTID", "öpp", "ÖPPEN", "opp", "sjöström", "ä", "Äl", "a", "al", "dusch natt", "e d",
        "\"", "\"citat", "citat\"", "*", "fa*", "-fall", "fall OR natt", "fall AND natt", "NOT fall", "(paus)", "(", ")",
        "NEAR(fall natt)", "title:fall", "^fall", "'", "''", "\\", "%", "50%", "_", "a_b", "fel-dos", "ÉCLAIR", "eclair",
        "AV-20", "av-2026-0", "{fall}", "fall;", ":", "fall\"OR\"natt", "   natt   "};

    @TempDir
    Path dir;

    /** What the user expects: the term anywhere in the three columns, both lower-cased (Java's Unicode rules). */
    private static boolean contains(String text, String term) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(term.strip().toLowerCase(Locale.ROOT));
    }

    private record Text(long id, String title, String description, String caseRef) {
        boolean matches(String term) {
            return contains(title, term) || contains(description, term) || contains(caseRef, term);
        }
    }

    private static List<Text> texts(AppContext ctx) {
        return ctx.database().dsl().select(DEVIATION.ID, DEVIATION.TITLE, DEVIATION.DESCRIPTION, DEVIATION.CASE_REF)
                .from(DEVIATION).fetch(r -> new Text(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static String sentence(Random rnd) {
        StringBuilder s = new StringBuilder();
        int n = 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    /** Every term counts what the user expects, alone and with other filters, on the page and in the count. */
    private static void assertSearchesExact(AppContext ctx, String when) {
        TextIndexRepository.Check check = new TextIndexRepository(ctx.database()).verify();
        assertThat(check.exact()).as("the index equals the register " + when + ": " + check).isTrue();
        DeviationRepository repo = ctx.deviations();
        List<Text> all = texts(ctx);
        List<Long> units = ctx.units().findAll().stream().map(Unit::id).toList();
        DeviationFilter some = DeviationFilter.all().withUnits(Set.copyOf(units.subList(0, units.size() / 2)))
                .withKinds(Set.of(DeviationKind.KVALITETSAVVIKELSE, DeviationKind.LEX_SARAH));
        // combined with a unit and kind filter, sorted, one page: the same rows as filtering without text
        var withoutText = repo.search(some, DeviationSort.REGISTERED_ON, false, 0, 100_000, TODAY);
        Map<Long, Text> byId = new java.util.HashMap<>();
        all.forEach(t -> byId.put(t.id(), t));
        for (String term : TERMS) {
            long expected = all.stream().filter(t -> t.matches(term)).count();
            assertThat(repo.count(DeviationFilter.all().withText(term), TODAY)).as("count of \"" + term + "\" " + when)
                    .isEqualTo(expected);
            List<Long> expectedIds = withoutText.rows().stream().filter(r -> byId.get(r.id()).matches(term))
                    .map(DeviationRow::id).toList();
            var page = repo.search(some.withText(term), DeviationSort.REGISTERED_ON, false, 1, 20, TODAY);
            assertThat(page.total()).as("filtered count of \"" + term + "\" " + when).isEqualTo(expectedIds.size());
            assertThat(page.rows()).extracting(DeviationRow::id).as("second page of \"" + term + "\" " + when)
                    .containsExactlyElementsOf(expectedIds.subList(Math.min(20, expectedIds.size()),
                            Math.min(40, expectedIds.size())));
        }
    }

    private static String csvField(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static Deviation withText(Deviation d, Long id, String title, String description) {
        return new Deviation(id, id == null ? null : d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(),
                d.status(), d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(),
                title, description, d.immediateActions(), d.facts(), d.causeText(), d.causeIds(), d.assessment(),
                d.serious(), d.ivoReportedOn(), d.ivoReference(), null, null, d.ivoDetails());
    }

    @Test
    void swedishLettersFoldTheirOwnCaseAndStayLetters() {
        try (AppContext ctx = TestDb.demo(dir)) {
            DeviationRepository repo = ctx.deviations();
            Deviation any = repo.find(ctx.database().dsl().select(DSL.min(DEVIATION.ID)).from(DEVIATION).fetchOne()
                    .value1()).orElseThrow();
            List<Long> ids = new ArrayList<>();
            ctx.database().txRun(tx -> {
                for (String t : List.of("Zqäldreboende Solgården", "ZQÄLDRE i natt", "Zqaldrig tidigare", "Zqöppen dörr",
                        "ZQÖPPEN", "Zqoppna fönster", "Zqångest", "Zqangel")) {
                    ids.add(repo.save(tx, withText(any, null, t, null)).id());
                }
            });
            long ae = repo.count(DeviationFilter.all().withText("zqäldre"), TODAY);
            assertThat(ae).as("ä finds ä and Ä").isEqualTo(2);
            assertThat(repo.count(DeviationFilter.all().withText("ZQÄLDRE"), TODAY)).as("Ä finds ä and Ä").isEqualTo(2);
            assertThat(repo.count(DeviationFilter.all().withText("zqald"), TODAY)).as("a does not find ä").isEqualTo(1);
            assertThat(repo.count(DeviationFilter.all().withText("ZQÖPP"), TODAY)).as("Ö finds ö").isEqualTo(2);
            assertThat(repo.count(DeviationFilter.all().withText("zqopp"), TODAY)).as("o does not find ö").isEqualTo(1);
            assertThat(repo.count(DeviationFilter.all().withText("ZQÅNG"), TODAY)).as("Å finds å").isEqualTo(1);
            assertThat(repo.count(DeviationFilter.all().withText("zqang"), TODAY)).as("a does not find å").isEqualTo(1);
            // one and two letters keep the LIKE path and still fold the same way
            List<Text> all = texts(ctx);
            for (String shortTerm : List.of("Ä", "ä", "Öp", "åN", "a", "zq")) {
                assertThat(repo.count(DeviationFilter.all().withText(shortTerm), TODAY)).as(shortTerm)
                        .isEqualTo(all.stream().filter(t -> t.matches(shortTerm)).count());
            }
        }
    }

    @Test
    void whatUsersTypeIsTextNeverSearchSyntax() {
        try (AppContext ctx = TestDb.demo(dir)) {
            ctx.demoData().addBulkDeviations(3, 300, TODAY, p -> { });
            Random rnd = new Random(22);
            DeviationRepository repo = ctx.deviations();
            Deviation any = repo.find(ctx.database().dsl().select(DSL.min(DEVIATION.ID)).from(DEVIATION).fetchOne()
                    .value1()).orElseThrow();
            ctx.database().txRun(tx -> {
                for (int i = 0; i < 120; i++) {
                    repo.save(tx, withText(any, null, sentence(rnd), rnd.nextBoolean() ? null : sentence(rnd)));
                }
            });
            for (String term : TERMS) {
                assertThatCode(() -> repo.search(DeviationFilter.all().withText(term), DeviationSort.TITLE, true, 0, 25,
                        TODAY)).as(term).doesNotThrowAnyException();
            }
            assertSearchesExact(ctx, "after saves of hostile text");
        }
    }

    @Test
    void randomSavesEditsDeletesAndImportsKeepTheIndexExact() throws Exception {
        try (AppContext ctx = TestDb.demo(dir)) {
            ctx.demoData().addBulkDeviations(5, 1_000, TODAY, p -> { });
            assertSearchesExact(ctx, "after the demo data and a bulk of synthetic rows");
            Random rnd = new Random(2032);
            DeviationRepository repo = ctx.deviations();
            List<Long> all = ctx.database().dsl().select(DEVIATION.ID).from(DEVIATION).fetch(DEVIATION.ID);
            List<Long> ours = new ArrayList<>();
            for (int op = 0; op < 120; op++) {
                int kind = rnd.nextInt(6);
                ctx.database().txRun(tx -> {
                    switch (kind) {
                        case 0, 1 -> ours.add(repo.save(tx, withText(repo.find(all.get(rnd.nextInt(all.size())))
                                .orElseThrow(), null, sentence(rnd), rnd.nextBoolean() ? null : sentence(rnd))).id());
                        case 2, 3 -> {
                            Deviation d = repo.find(all.get(rnd.nextInt(all.size()))).orElseThrow();
                            repo.save(tx, withText(d, d.id(), rnd.nextBoolean() ? d.title() : sentence(rnd),
                                    rnd.nextInt(3) == 0 ? null : sentence(rnd)));
                        }
                        case 4 -> { // a write that touches no searched column: the index is left alone
                            Deviation d = repo.find(all.get(rnd.nextInt(all.size()))).orElseThrow();
                            repo.save(tx, d.withStatus(d.status(), null));
                        }
                        default -> {
                            if (!ours.isEmpty()) {
                                long id = ours.remove(rnd.nextInt(ours.size()));
                                assertThat(tx.deleteFrom(DEVIATION).where(DEVIATION.ID.eq(id)).execute()).isOne();
                            }
                        }
                    }
                });
            }
            assertSearchesExact(ctx, "after 120 random writes");
            // an import adds its rows to the index once, in its transaction
            Path csv = dir.resolve("import.csv");
            StringBuilder s = new StringBuilder("Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Beskrivning\n");
            String unit = ctx.units().findAll().get(3).name();
            String category = ctx.taxonomies().list(se.kvalitetshjulet.domain.deviation.TaxonomyKind.CATEGORY).stream()
                    .filter(se.kvalitetshjulet.domain.deviation.Taxonomy::active).findFirst().orElseThrow().name();
            for (int i = 0; i < 250; i++) {
                s.append("X-").append(i).append(';').append(TODAY.minusDays(rnd.nextInt(900))).append(';').append(unit)
                        .append(";Kvalitetsavvikelse;").append(category).append(';').append(csvField(sentence(rnd)))
                        .append(';').append(csvField(sentence(rnd))).append('\n');
            }
            Files.writeString(csv, s);
            var reader = se.kvalitetshjulet.service.imports.TabularReader.open(csv);
            var mapping = se.kvalitetshjulet.service.imports.ImportMapping.guess(reader.headers());
            var result = ctx.deviationImporter().run(csv, mapping, "Test", false, (p, st) -> { }, () -> false);
            assertThat(result.errors()).isEmpty();
            assertThat(result.imported()).isEqualTo(250);
            assertThat(ctx.database().dsl().fetchCount(DSL.table(DSL.name("agg_suspension")))).isZero();
            assertSearchesExact(ctx, "after an import");
            // an imported row edited afterwards is found by its new text and no longer by its old one
            long last = ctx.database().dsl().select(DSL.max(DEVIATION.ID)).from(DEVIATION).fetchOne().value1();
            Deviation d = repo.find(last).orElseThrow();
            ctx.database().txRun(tx -> repo.save(tx, withText(d, d.id(), "Xylofonrummet", null)));
            assertThat(repo.count(DeviationFilter.all().withText("XYLOFON"), TODAY)).isOne();
            assertThat(repo.count(DeviationFilter.all().withText(d.title()), TODAY))
                    .isEqualTo(texts(ctx).stream().filter(t -> t.matches(d.title())).count());
        }
    }

    @Test
    void theMigrationIndexesTheRowsAlreadyThereAndARebuildRepairsAnIndexChangedBehindItsBack() throws Exception {
        Path demo = Files.createDirectories(dir.resolve("demo"));
        try (AppContext ctx = TestDb.demo(demo)) {
            ctx.demoData().addBulkDeviations(3, 500, TODAY, p -> { });
        }
        Path old = dir.resolve("old.db");
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + old, null, null).locations("classpath:db/migration")
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY", "sqlite_only", "")).target("34").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("ATTACH DATABASE '" + demo.resolve("test.db") + "' AS demo");
            for (String t : List.of("business_area", "unit", "deviation_category", "cause_category", "deviation")) {
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
            TextIndexRepository.Check check = new TextIndexRepository(ctx.database()).verify();
            assertThat(check.indexed()).as("indexed by the migration").isEqualTo(check.deviations()).isGreaterThan(500);
            assertSearchesExact(ctx, "after migrating a database with rows");
            // another tool changes a title with the index held back: the check sees it, the rebuild repairs it
            ctx.database().dsl().execute("INSERT INTO agg_suspension (reason) VALUES ('ett annat verktyg')");
            ctx.database().dsl().execute("UPDATE deviation SET title = 'Kvastskaft' WHERE id = (SELECT max(id) FROM deviation)");
            ctx.database().dsl().execute("DELETE FROM agg_suspension");
            TextIndexRepository.Check stale = new TextIndexRepository(ctx.database()).verify();
            assertThat(stale.exact()).as(stale.toString()).isFalse();
            assertThat(stale.consistent()).isFalse();
            new se.kvalitetshjulet.data.repo.RollupRepository(ctx.database(), ctx.audit()).rebuild();
            assertThat(ctx.deviations().count(DeviationFilter.all().withText("kvastskaft"), TODAY)).isOne();
            assertSearchesExact(ctx, "after a rebuild");
        }
    }
}
