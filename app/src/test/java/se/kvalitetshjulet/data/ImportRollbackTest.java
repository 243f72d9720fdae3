package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.DeviationImportRepository;
import se.kvalitetshjulet.data.repo.RollupRepository;
import se.kvalitetshjulet.data.repo.TextIndexRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.ImportResult;
import se.kvalitetshjulet.service.imports.TabularReader;

/**
 * A large import is all or nothing (decisions 0004, 0040): one that fails at its very last row, after the table's
 * indexes were dropped for the bulk write and the rows went in, leaves the file exactly as it was — its bytes, every
 * table's rows, the schema with every index — while another connection reading during the import sees the register
 * as before; the same file imported afterwards gives roll-ups and a free-text index equal to a full recount.
 */
class ImportRollbackTest {
    private static final int ROWS = (int) DeviationImportRepository.BULK_MIN_ROWS;

    @TempDir
    Path dir;

    @Test
    void anImportCancelledAtItsLastRowLeavesTheFileAsItWasIndexesIncluded() throws Exception {
        try (AppContext ctx = TestDb.demo(dir)) {
            Path file = csv(ctx, ROWS);
            long registerBefore = ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY);
            // the import's threshold for dropping the indexes: this import is large for this register
            assertThat(ROWS * 4L).isGreaterThanOrEqualTo(registerBefore);
            Snapshot before = snapshot(ctx);
            assertThat(before.schema()).anyMatch(s -> s.startsWith("index|ix_dev_period|"))
                    .anyMatch(s -> s.startsWith("index|ux_dev_external|"));

            // The importer asks whether it is cancelled every 1 000 rows, in the check and in the write. At the last
            // question (row 20 000 of the write) another connection reads the register, then the import is cancelled.
            int questions = 2 * ROWS / 1000;
            AtomicInteger asked = new AtomicInteger();
            AtomicReference<List<String>> seenSchema = new AtomicReference<>();
            long[] seenCount = {-1};
            double[] progressAtCancel = {0};
            double[] progress = {0};
            assertThatThrownBy(() -> ctx.deviationImporter().run(file, mapping(file), "Gamla systemet", false,
                    (p, m) -> progress[0] = Math.max(progress[0], p), () -> {
                        if (asked.incrementAndGet() < questions) {
                            return false;
                        }
                        progressAtCancel[0] = progress[0];
                        seenCount[0] = ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY);
                        seenSchema.set(schema(ctx));
                        return true;
                    })).isInstanceOf(CancellationException.class);
            assertThat(asked.get()).as("cancelled at the last row of the write").isEqualTo(questions);
            assertThat(progressAtCancel[0]).as("the write had reached its last rows").isGreaterThan(0.9);
            // a reader during the import saw the register as it was, with all its indexes
            assertThat(seenCount[0]).isEqualTo(registerBefore);
            assertThat(seenSchema.get()).isEqualTo(before.schema());

            Snapshot after = snapshot(ctx);
            assertThat(after.schema()).as("tables, indexes, triggers").isEqualTo(before.schema());
            assertThat(after.tables()).as("every table's rows").isEqualTo(before.tables());
            assertThat(after.integrity()).isEqualTo("ok");
            assertThat(after.fileDigest()).as("the file's bytes").isEqualTo(before.fileDigest());
            assertThat(new RollupRepository(ctx.database(), ctx.audit()).verify().exact()).isTrue();
            assertThat(new TextIndexRepository(ctx.database()).verify().exact()).isTrue();

            // and the same file goes in whole afterwards, its roll-ups and free-text index equal to a recount
            ImportResult r = ctx.deviationImporter().run(file, mapping(file), "Gamla systemet", false, (p, m) -> { },
                    () -> false);
            assertThat(r.errors()).isEmpty();
            assertThat(r.imported()).isEqualTo(ROWS);
            assertThat(ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(registerBefore + ROWS);
            assertThat(new RollupRepository(ctx.database(), ctx.audit()).verify().exact()).isTrue();
            TextIndexRepository.Check index = new TextIndexRepository(ctx.database()).verify();
            assertThat(index.exact()).as(index.toString()).isTrue();
            assertThat(index.indexed()).isEqualTo(registerBefore + ROWS);
            assertThat(schema(ctx)).as("the indexes are back after a bulk import").isEqualTo(before.schema());
            assertThat(snapshot(ctx).integrity()).isEqualTo("ok");
            // every imported row has its real case reference, following its id
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ctx.database().file());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM deviation WHERE external_source = 'Gamla systemet' "
                         + "AND case_ref = 'AV-' || strftime('%Y', registered_on) || '-' || printf('%06d', id)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(ROWS);
            }
            assertThat(r.phases()).extracting(ImportResult.Phase::name).contains("kontroll", "index", "fritextindex");
        }
    }

    /** The file's schema, every table's rows (as sorted row digests), the integrity check and the file's bytes. */
    private record Snapshot(List<String> schema, Map<String, String> tables, String integrity, String fileDigest) { }

    private static Snapshot snapshot(AppContext ctx) throws Exception {
        Path db = ctx.database().file();
        Map<String, String> tables = new LinkedHashMap<>();
        String integrity;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String t : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            row.append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v)).append('\u0001');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                rows.forEach(r -> md.update(r.getBytes(StandardCharsets.UTF_8)));
                tables.put(t, rows.size() + " rader " + HexFormat.of().formatHex(md.digest()));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                integrity = rs.next() ? rs.getString(1) : "";
            }
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db)));
        return new Snapshot(schema(ctx), tables, integrity, digest);
    }

    /** Every table, index and trigger with its SQL, as a connection of the pool sees them. */
    private static List<String> schema(AppContext ctx) {
        return ctx.database().dsl().fetch("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
                .map(r -> r.get(0, String.class) + "|" + r.get(1, String.class) + "|" + r.get(2, String.class));
    }

    private static ImportMapping mapping(Path file) {
        return ImportMapping.guess(TabularReader.open(file).headers());
    }

    private Path csv(AppContext ctx, int rows) throws Exception {
        List<Unit> units = ctx.units().findAll();
        List<Taxonomy> cats = ctx.taxonomies().list(TaxonomyKind.CATEGORY).stream().filter(Taxonomy::active).toList();
        List<Taxonomy> causes = ctx.taxonomies().list(TaxonomyKind.CAUSE).stream().filter(Taxonomy::active).toList();
        Random rnd = new Random(rows);
        StringBuilder csv = new StringBuilder("Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Beskrivning;Orsakskategorier\n");
        String[] kinds = {"Kvalitetsavvikelse", "Klagomål", "Lex Sarah", "HSL-avvikelse"};
        for (int i = 0; i < rows; i++) {
            csv.append("G-").append(i).append(';').append(TestDb.TODAY.minusDays(rnd.nextInt(1000))).append(';')
                    .append(units.get(rnd.nextInt(units.size())).name()).append(';')
                    .append(kinds[rnd.nextInt(kinds.length)]).append(';')
                    .append(cats.get(rnd.nextInt(cats.size())).name()).append(";Fallolycka i korridoren ").append(i)
                    .append(";Läkemedel gavs för sent, rad ").append(i).append(';')
                    .append(causes.get(rnd.nextInt(causes.size())).name()).append('\n');
        }
        Path file = dir.resolve("gamla-systemet.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
