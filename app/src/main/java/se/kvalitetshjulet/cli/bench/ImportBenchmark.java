package se.kvalitetshjulet.cli.bench;

import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ResourceBundle;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.BenchReferenceFiles;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.imports.DeviationImporter;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.ImportResult;
import se.kvalitetshjulet.service.imports.TabularReader;

/**
 * Import speed: an N-row CSV (semicolons, Swedish names of kinds, units and categories, as
 * another system would export it) through the real importer with validation, into a fresh
 * database with the demo organisation; against {@code sqlite3 .import} of the same file into
 * a plain table.
 */
final class ImportBenchmark {
    /**
     * {@code referenceSeconds}: sqlite3 .import into a bare table; {@code indexedSeconds}: sqlite3 .import of the
     * same file into the same indexed {@code deviation} table of a copy of the same database (null: no sqlite3).
     */
    record Result(long rows, double seconds, Double referenceSeconds, Double indexedSeconds, String detail) { }

    private ImportBenchmark() {
    }

    static Result run(AppContext source, Path dir, long n, LocalDate today, Optional<SqliteCli> sqlite) throws IOException {
        Path csv = dir.resolve("import-" + n + ".csv");
        writeCsv(source, csv, n, today);
        Path target = dir.resolve("import-" + n + ".db");
        Files.deleteIfExists(target);
        double seconds;
        long imported;
        String timing;
        try (AppContext ctx = new AppContext(Database.open(target), Clock.systemDefaultZone())) {
            ctx.demoData().generate(42, today, p -> { });
        }
        Path indexed = dir.resolve("import-ref-indexed-" + n + ".db");
        Files.copy(target, indexed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (AppContext ctx = new AppContext(Database.open(target), Clock.systemDefaultZone())) {
            DeviationImporter importer = ctx.deviationImporter();
            TabularReader reader = importer.open(csv);
            ImportMapping mapping = ImportMapping.guess(reader.headers());
            long t0 = System.nanoTime();
            ImportResult r = importer.run(csv, mapping, "bench", false, (p, m) -> { }, () -> false);
            seconds = (System.nanoTime() - t0) / 1e9;
            if (!r.ok()) {
                throw new IOException("The benchmark's own CSV was rejected: " + r.errors().stream().limit(5).toList());
            }
            imported = r.imported();
            timing = r.timing();
        }
        Double ref = null;
        Double indexedRef = null;
        String detail = "appen %.2f s (%s)".formatted(seconds, timing);
        if (sqlite.isPresent()) {
            Path refDb = dir.resolve("import-ref-" + n + ".db");
            Files.deleteIfExists(refDb);
            ref = sqlite.get().timeImport(refDb, "CREATE TABLE deviation_import (external_id TEXT, kind TEXT, law TEXT, "
                    + "unit TEXT, category TEXT, status TEXT, occurred_on TEXT, reported_on TEXT, registered_on TEXT, "
                    + "reporter_role TEXT, title TEXT, description TEXT)", csv, "deviation_import");
            detail += ", sqlite3 .import %.2f s (bar tabell)".formatted(ref);
            BenchReferenceFiles.dropRollupTriggers(indexed);
            Map<String, String> kinds = new java.util.LinkedHashMap<>();
            ResourceBundle sv = swedish();
            for (DeviationKind k : DeviationKind.values()) {
                kinds.put(sv.getString("enum.DeviationKind." + k.name()), k.name());
            }
            indexedRef = sqlite.get().timeScript(indexed, BenchReferenceFiles.indexedImportScript(csv, kinds));
            long there = BenchReferenceFiles.referenceRows(indexed);
            if (there != n) {
                throw new IOException("sqlite3 .import into the indexed table wrote " + there + " rows, not " + n);
            }
            detail += ", sqlite3 .import i samma indexerade tabell %.2f s".formatted(indexedRef);
        }
        return new Result(imported, seconds, ref, indexedRef, detail);
    }

    private static ResourceBundle swedish() {
        return ResourceBundle.getBundle("i18n.messages", java.util.Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static void writeCsv(AppContext ctx, Path csv, long n, LocalDate today) throws IOException {
        List<Unit> units = ctx.units().findAll().stream().filter(u -> u.level() != OrgLevel.FORVALTNING).toList();
        List<Taxonomy> cats = ctx.taxonomies().list(TaxonomyKind.CATEGORY);
        ResourceBundle sv = ResourceBundle.getBundle("i18n.messages", java.util.Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        DeviationKind[] kinds = DeviationKind.values();
        Random rnd = new Random(11);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("Ärendenummer;Typ;Lagrum;Enhet;Kategori;Status;Inträffad;Rapporterad;Registrerad;"
                    + "Rapporterad av (roll);Rubrik;Beskrivning\n");
            for (long i = 1; i <= n; i++) {
                DeviationKind k = kinds[rnd.nextInt(kinds.length)];
                LocalDate reg = today.minusDays(30 + rnd.nextInt(1000));
                String title = "Händelse " + i + " i verksamheten";
                w.write("EXT-" + i + ';' + sv.getString("enum.DeviationKind." + k.name()) + ';'
                        + k.defaultLaw().name() + ';' + units.get(rnd.nextInt(units.size())).name() + ';'
                        + cats.get(rnd.nextInt(cats.size())).name() + ";Registrerad;" + reg.minusDays(1) + ';' + reg + ';'
                        + reg + ";Undersköterska;" + title + ";\"" + title + ", beskriven utan namn; se referens.\"\n");
            }
        }
    }
}
