package se.kvalitetshjulet.service.imports;

import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.data.repo.DeviationImportRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.data.repo.UnitRepository;

/**
 * Imports deviations from another system's export (CSV or XLSX), all or nothing.
 *
 * <p>Two streaming passes, so a million-row file never sits in memory:
 * <ol>
 *   <li>Check: every row is read, converted and validated like a deviation saved by hand
 *       ({@link se.kvalitetshjulet.domain.deviation.DeviationRules}); external ids are checked
 *       against the file (duplicates are errors) and the register (rows already imported from
 *       the same source are "unchanged", never errors and never written again).</li>
 *   <li>Write, only when the check found nothing wrong (or the caller chose to skip rejected
 *       rows): the file is read again and the rows are inserted in one transaction with a
 *       batched multi-row insert on the transaction's connection, each row with its id and real case
 *       reference on a SQLite file (decision 0040; on a server one UPDATE over the new ids sets them), and one audit row (entity {@value #AUDIT_ENTITY})
 *       records the import. A large import into a comparatively small register drops the
 *       deviation table's indexes inside the transaction and builds them again before commit.</li>
 * </ol>
 * A dry run is the first pass alone. Units and categories are resolved by name through maps
 * loaded once; see {@link RowConverter} for the value rules. The write pass is written for SQLite
 * (page-cache pragma, index definitions from {@code sqlite_master}); see decision 0004.
 */
public final class DeviationImporter {
    public static final String AUDIT_ENTITY = "import";
    /** Errors and warnings kept for the report; the rest are only counted. */
    public static final int MAX_PROBLEMS_KEPT = 10_000;
    public static final int MAX_SOURCE_LENGTH = 100;
    static final String PRELIMINARY = DeviationImportRepository.PRELIMINARY;
    /** From this many rows (and at least a quarter of the register) the table's indexes are rebuilt, not updated. */
    static final long BULK_MIN_ROWS = DeviationImportRepository.BULK_MIN_ROWS;

    private static final Logger LOG = LoggerFactory.getLogger(DeviationImporter.class);

    private final DeviationImportRepository rows;
    private final UnitRepository units;
    private final TaxonomyRepository taxonomies;
    private final Clock clock;
    private final java.util.function.BooleanSupplier refusePrivacy;

    public DeviationImporter(Database db, UnitRepository units, TaxonomyRepository taxonomies,
                             AuditTrail audit, Clock clock) {
        this(db, units, taxonomies, audit, clock, () -> false);
    }

    /** @param refusePrivacy whether the privacy policy refuses identifying details in imported text (Inställningar) */
    public DeviationImporter(Database db, UnitRepository units, TaxonomyRepository taxonomies,
                             AuditTrail audit, Clock clock, java.util.function.BooleanSupplier refusePrivacy) {
        this.rows = new DeviationImportRepository(db, audit);
        this.units = units;
        this.taxonomies = taxonomies;
        this.clock = clock;
        this.refusePrivacy = refusePrivacy;
    }

    /**
     * Opens a file to show its headers (for the mapping step).
     *
     * @throws ImportFileException when the file cannot be read as a table
     */
    public TabularReader open(Path file) {
        return TabularReader.open(file);
    }

    /**
     * The first {@code limit} data rows as the mapping reads them, each with its problems.
     *
     * @throws ImportFileException when the file cannot be read or the mapping does not fit it
     */
    public List<PreviewRow> preview(Path file, ImportMapping mapping, int limit) {
        TabularReader reader = TabularReader.open(file);
        List<String> problems = mapping.problems(reader.headers());
        if (!problems.isEmpty()) {
            throw new ImportFileException(String.join("\n", problems));
        }
        RowConverter conv = converter(reader, mapping, "förhandsgranskning");
        List<PreviewRow> out = new ArrayList<>();
        reader.forEachRow((row, values) -> {
            RowConverter.Converted c = conv.convert(row, values, true);
            Map<ImportField, String> shown = new EnumMap<>(ImportField.class);
            for (ImportField f : mapping.columns().keySet()) {
                String v = conv.raw(f, values);
                shown.put(f, v == null ? "" : RowConverter.shorten(v));
            }
            out.add(new PreviewRow(row, shown, c.errors(), c.warnings()));
            return out.size() < limit;
        });
        return out;
    }

    public ImportResult run(Path file, ImportMapping mapping, String source, boolean dryRun,
                            BiConsumer<Double, String> progress, BooleanSupplier cancelled) {
        return run(file, mapping, ImportOptions.of(source, dryRun), progress, cancelled);
    }

    /**
     * Checks the file and, unless it is a dry run or a row was rejected, imports it.
     * File-level problems (unreadable file, mapping that does not fit) come back as errors on
     * row 0; nothing is thrown for bad input.
     *
     * @throws CancellationException when {@code cancelled} turns true (nothing is written)
     */
    public ImportResult run(Path file, ImportMapping mapping, ImportOptions options,
                            BiConsumer<Double, String> progress, BooleanSupplier cancelled) {
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String source = options.source() == null ? "" : options.source().strip();
        ImportResult.Builder result = new ImportResult.Builder(fileName, source, options.dryRun());
        if (source.isEmpty()) {
            return result.fileError("Ange källsystemets namn (t.ex. 'Treserva' eller 'gamla avvikelseregistret'). "
                    + "Importen minns varje rad med källa och externt id, så samma rad aldrig importeras två gånger.").build();
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            return result.fileError("Källans namn får vara högst " + MAX_SOURCE_LENGTH + " tecken.").build();
        }
        TabularReader reader;
        try {
            reader = TabularReader.open(file);
        } catch (ImportFileException e) {
            return result.fileError(e.getMessage()).build();
        }
        result.format(reader.describe());
        List<String> problems = mapping.problems(reader.headers());
        if (!problems.isEmpty()) {
            problems.forEach(result::fileError);
            return result.build();
        }
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < reader.headers().size(); i++) {
            String h = reader.headers().get(i);
            boolean mapped = false;
            for (String c : mapping.columns().values()) {
                if (ImportMapping.indexOf(reader.headers(), c) == i) {
                    mapped = true;
                    break;
                }
            }
            if (!mapped) {
                unused.add(h);
            }
        }
        result.note("Kolumner: " + mapping.describe() + ".");
        if (!unused.isEmpty()) {
            result.note("Kolumner som inte importeras: " + String.join(", ", unused) + ".");
        }
        RowConverter conv = converter(reader, mapping, source);

        // ---- pass 1: check ------------------------------------------------------------
        // external id → row of its first occurrence (> 0); 0 = already in the register;
        // -row = already in the register and seen in the file on that row. Compact (decision 0046).
        ExternalIds ids = new ExternalIds();
        rows.forEachExternalId(source, id -> ids.put(id, 0L));
        long[] counter = {0};
        long started = System.nanoTime();
        long cpuStarted = se.kvalitetshjulet.data.repo.ImportPhases.cpu();
        ReadAhead.Timing reading;
        try {
            reading = ReadAhead.forEachRow(reader, (row, values) -> {
                if (++counter[0] % 1000 == 0) {
                    checkCancelled(cancelled);
                    double f = reader.fractionRead();
                    progress.accept(f < 0 ? -1.0 : f * 0.5, null);
                }
                result.read();
                String ext = conv.externalId(values);
                RowError duplicate = null;
                if (ext != null && conv.widthOk(values)) {
                    long seen = ids.get(ext);
                    if (seen == ExternalIds.ABSENT) {
                        ids.put(ext, row);
                    } else if (seen == 0L) {
                        ids.put(ext, -row);
                        result.unchanged();
                        return true;
                    } else {
                        long first = Math.abs(seen);
                        duplicate = new RowError(row, conv.header(ImportField.EXTERNAL_ID), RowConverter.shorten(ext),
                                "Id '" + ext + "' finns redan på rad " + first + " i filen. Varje id får bara förekomma "
                                        + "en gång: ta bort dubbletten eller ge raderna olika id.");
                    }
                }
                RowConverter.Converted c = conv.convert(row, values, true);
                List<RowError> errors = c.errors();
                if (duplicate != null) {
                    errors = new ArrayList<>(errors);
                    errors.addFirst(duplicate);
                }
                result.row(errors, c.warnings());
                return true;
            });
        } catch (ImportFileException e) {
            return result.fileError(e.getMessage()).build();
        }
        long cpuChecked = se.kvalitetshjulet.data.repo.ImportPhases.cpu();
        result.phase(new ImportResult.Phase("kontroll", (System.nanoTime() - started) / 1_000_000,
                cpuStarted < 0 || cpuChecked < 0 ? -1 : (cpuChecked - cpuStarted) / 1_000_000));
        result.phase(new ImportResult.Phase("kontroll: filläsning (egen tråd)", reading.wallMs(), reading.cpuMs()));
        LOG.info("Import check of {} ({}): {} rows, {} can be imported, {} errors, in {} ms; {} external ids in {} MB",
                fileName, reader.describe(), counter[0], result.valid(), result.errorCount(),
                (System.nanoTime() - started) / 1_000_000, ids.size(), ids.bytes() / (1024 * 1024));
        if (counter[0] == 0) {
            return result.fileError("Filen " + fileName + " innehåller bara en rubrikrad och inga avvikelser. Kontrollera "
                    + "att exporten innehåller rader.").build();
        }
        if (conv.privacyRefusedRows() > 0) {
            // Under "refuse" the whole file is rejected, even with --skip-invalid: nothing identifying is stored.
            return result.fileError(conv.privacyRefusedRows() + " rader innehåller personnummer, namn, telefonnummer "
                    + "eller adresser, och integritetsinställningen för import nekar sådana uppgifter. Inget har sparats; "
                    + "rätta raderna som listas och importera igen.").build();
        }
        if (result.hasErrors() && !options.skipInvalid()) {
            return result.build();
        }
        if (result.hasFileErrors() || options.dryRun() || result.valid() == 0) {
            return result.build();
        }

        // ---- pass 2: write --------------------------------------------------------------
        if (!reader.unchangedSinceOpen()) {
            return result.fileError("Filen ändrades medan den kontrollerades. Inget har sparats; försök igen när filen "
                    + "är färdigsparad.").build();
        }
        long toWrite = result.valid();
        long writeStarted = System.nanoTime();
        long written = write(reader, conv, ids, options, source, fileName, mapping, toWrite, progress, cancelled, result);
        LOG.info("Import of {}: {} rows written in {} ms", fileName, written, (System.nanoTime() - writeStarted) / 1_000_000);
        result.imported(written);
        progress.accept(1.0, null);
        return result.build();
    }

    private RowConverter converter(TabularReader reader, ImportMapping mapping, String source) {
        var tree = new se.kvalitetshjulet.domain.org.OrgTree(units.findAll());
        Map<Long, String> codes = new HashMap<>();
        units.businessAreas().forEach(a -> codes.put(a.id(), a.code()));
        return new RowConverter(reader, mapping, source, tree,
                taxonomies.list(TaxonomyKind.CATEGORY), taxonomies.deadlines(), LocalDate.now(clock))
                .withLists(taxonomies.list(TaxonomyKind.CAUSE),
                        taxonomies.list(TaxonomyKind.MEASURE_TYPE))
                .refusePrivacy(refusePrivacy.getAsBoolean())
                .areaCodes(id -> {
                    Long area = tree.effectiveBusinessArea(id);
                    return area == null ? null : codes.get(area);
                });
    }

    private long write(TabularReader reader, RowConverter conv, ExternalIds ids,
                       ImportOptions options, String source, String fileName, ImportMapping mapping, long toWrite,
                       BiConsumer<Double, String> progress, BooleanSupplier cancelled, ImportResult.Builder out) {
        long[] written = {0};
        ReadAhead.Timing[] reading = {null};
        // Causes and measure types of the rows that have them, by row, written once the ids are known (decision 0046).
        RowChildren lists = new RowChildren();
        DeviationImportRepository.ChildrenLookup children = new DeviationImportRepository.ChildrenLookup() {
            @Override
            public DeviationImportRepository.Children of(String externalId) {
                long row = ids.get(externalId);
                if (row <= 0) {
                    return null;
                }
                List<Long> causes = lists.causes(row);
                List<Long> measures = lists.measureTypes(row);
                return causes.isEmpty() && measures.isEmpty() ? null
                        : new DeviationImportRepository.Children(causes, measures);
            }

            @Override
            public boolean isEmpty() {
                return lists.isEmpty();
            }
        };
        Map<Long, String> measureNames = new java.util.HashMap<>();
        taxonomies.list(TaxonomyKind.MEASURE_TYPE).forEach(t -> measureNames.put(t.id(), t.name()));
        var result = rows.write(toWrite, LocalDateTime.now(clock), AUDIT_ENTITY,
                new DeviationImportRepository.ImportRecord(fileName, source, mapping.describe()),
                sink -> reading[0] = ReadAhead.forEachRow(reader, (row, values) -> {
                    String ext = conv.externalId(values);
                    long mark = ext == null ? ExternalIds.ABSENT : ids.get(ext);
                    if (mark != row) {
                        return true;
                    }
                    RowConverter.Converted d = conv.convert(row, values, false);
                    if (d.deviation() == null) {
                        if (options.skipInvalid()) {
                            return true;
                        }
                        throw new IllegalStateException("Rad " + row + " gick att läsa vid kontrollen men inte vid "
                                + "importen; filen har troligen ändrats. Inget har sparats.");
                    }
                    lists.add(row, d.deviation().causeIds(), d.measureTypeIds());
                    sink.add(d.deviation());
                    if (++written[0] % 1000 == 0) {
                        checkCancelled(cancelled);
                        progress.accept(0.5 + 0.45 * written[0] / Math.max(1, toWrite), null);
                    }
                    return true;
                }), children, measureNames);
        progress.accept(0.97, null);
        result.phases().forEach(p -> out.phase(new ImportResult.Phase(p.name(), p.wallMs(), p.cpuMs())));
        if (reading[0] != null) {
            out.phase(new ImportResult.Phase("skrivning: filläsning (egen tråd)", reading[0].wallMs(), reading[0].cpuMs()));
        }
        return result.rows();
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }
}
