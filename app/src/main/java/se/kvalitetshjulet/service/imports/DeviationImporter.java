package se.kvalitetshjulet.service.imports;

import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.service.OrganisationService;

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
 *       batched multi-row insert on the transaction's connection; case references are set by one
 *       UPDATE over the new ids at the end, and one audit row (entity {@value #AUDIT_ENTITY})
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
    static final String PRELIMINARY = "preliminary";
    private static final int ROWS_PER_STATEMENT = 50;
    /** From this many rows (and at least a quarter of the register) the table's indexes are rebuilt, not updated. */
    static final long BULK_MIN_ROWS = 20_000;
    /** SQLite page cache (KiB, outside the Java heap) while the rows of an import are written. */
    private static final long IMPORT_CACHE_KIB = 256 * 1024;
    private static final int STATEMENTS_PER_BATCH = 20;
    private static final String[] COLUMNS = {"case_ref", "kind", "law", "unit_id", "category_id", "status", "occurred_on",
            "reported_on", "registered_on", "due_on", "closed_on", "reporter_role", "title", "description",
            "immediate_actions", "facts", "cause_text", "assessment", "serious", "ivo_reported_on", "ivo_reference",
            "external_source", "external_id", "updated_at"};

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Logger LOG = LoggerFactory.getLogger(DeviationImporter.class);

    private final Database db;
    private final OrganisationService organisation;
    private final TaxonomyRepository taxonomies;
    private final AuditTrail audit;
    private final Clock clock;
    private final java.util.function.BooleanSupplier refusePrivacy;

    public DeviationImporter(Database db, OrganisationService organisation, TaxonomyRepository taxonomies,
                             AuditTrail audit, Clock clock) {
        this(db, organisation, taxonomies, audit, clock, () -> false);
    }

    /** @param refusePrivacy whether the privacy policy refuses identifying details in imported text (Inställningar) */
    public DeviationImporter(Database db, OrganisationService organisation, TaxonomyRepository taxonomies,
                             AuditTrail audit, Clock clock, java.util.function.BooleanSupplier refusePrivacy) {
        this.db = db;
        this.organisation = organisation;
        this.taxonomies = taxonomies;
        this.audit = audit;
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
        // -row = already in the register and seen in the file on that row.
        Map<String, Long> ids = new HashMap<>();
        try (var existing = db.dsl().select(DEVIATION.EXTERNAL_ID).from(DEVIATION)
                .where(DEVIATION.EXTERNAL_SOURCE.eq(source)).fetchSize(10_000).fetchLazy()) {
            for (var r : existing) {
                if (r.value1() != null) {
                    ids.put(r.value1(), 0L);
                }
            }
        }
        long[] counter = {0};
        long started = System.nanoTime();
        try {
            reader.forEachRow((row, values) -> {
                if (++counter[0] % 1000 == 0) {
                    checkCancelled(cancelled);
                    double f = reader.fractionRead();
                    progress.accept(f < 0 ? -1.0 : f * 0.5, null);
                }
                result.read();
                String ext = conv.externalId(values);
                RowError duplicate = null;
                if (ext != null && conv.widthOk(values)) {
                    Long seen = ids.get(ext);
                    if (seen == null) {
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
        LOG.info("Import check of {} ({}): {} rows, {} can be imported, {} errors, in {} ms", fileName,
                reader.describe(), counter[0], result.valid(), result.errorCount(), (System.nanoTime() - started) / 1_000_000);
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
        long written = db.tx(tx -> write(tx, reader, conv, ids, options, source, fileName, mapping, toWrite, progress,
                cancelled));
        LOG.info("Import of {}: {} rows written in {} ms", fileName, written, (System.nanoTime() - writeStarted) / 1_000_000);
        result.imported(written);
        progress.accept(1.0, null);
        return result.build();
    }

    private RowConverter converter(TabularReader reader, ImportMapping mapping, String source) {
        var tree = organisation.tree();
        Map<Long, String> codes = new HashMap<>();
        organisation.businessAreas().forEach(a -> codes.put(a.id(), a.code()));
        return new RowConverter(reader, mapping, source, tree,
                taxonomies.list(TaxonomyRepository.Kind.CATEGORY), taxonomies.deadlines(), LocalDate.now(clock))
                .refusePrivacy(refusePrivacy.getAsBoolean())
                .areaCodes(id -> {
                    Long area = tree.effectiveBusinessArea(id);
                    return area == null ? null : codes.get(area);
                });
    }

    private long write(DSLContext tx, TabularReader reader, RowConverter conv, Map<String, Long> ids,
                       ImportOptions options, String source, String fileName, ImportMapping mapping, long toWrite,
                       BiConsumer<Double, String> progress, BooleanSupplier cancelled) {
        long[] written = {0};
        long[] range = {0, 0};
        LocalDateTime now = LocalDateTime.now(clock);
        tx.connection(c -> {
            // A bigger page cache for this transaction: with SQLite's default 2 MB the indexes of a
            // large import no longer fit, and dirty pages are spilled and rewritten over and over.
            long cacheBefore = pragma(c, "cache_size");
            pragma(c, "cache_size", -IMPORT_CACHE_KIB);
            try {
                // A large import into a comparatively small register: drop the indexes of the table and build
                // them again afterwards (sorting once is far cheaper than a million random index inserts). The
                // statements are DDL inside this transaction, so a failure or cancellation brings them back.
                List<String> indexes = toWrite >= BULK_MIN_ROWS && toWrite * 4 >= count(c) ? dropIndexes(c) : List.of();
                try (Inserter ins = new Inserter(c, now)) {
                    reader.forEachRow((row, values) -> {
                        String ext = conv.externalId(values);
                        Long mark = ext == null ? null : ids.get(ext);
                        if (mark == null || mark != row) {
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
                        try {
                            ins.add(d.deviation());
                        } catch (SQLException e) {
                            throw new IllegalStateException("Importen kunde inte skrivas till databasen: "
                                    + e.getMessage(), e);
                        }
                        if (++written[0] % 1000 == 0) {
                            checkCancelled(cancelled);
                            progress.accept(0.5 + 0.45 * written[0] / Math.max(1, toWrite), null);
                        }
                        return true;
                    });
                    ins.flush();
                    range[0] = ins.firstId();
                    range[1] = maxId(c);
                }
                if (written[0] > 0) {
                    // Case references follow the ids (decision 0002): one portable UPDATE over the new rows,
                    // before the indexes are built again. The id is padded to six digits, never cut.
                    tx.update(DEVIATION).set(DEVIATION.CASE_REF, DSL.concat(DSL.inline("AV-"),
                                    DSL.year(DEVIATION.REGISTERED_ON).cast(String.class), DSL.inline("-"),
                                    DSL.when(DEVIATION.ID.lt(1_000_000L), DSL.lpad(DEVIATION.ID.cast(String.class), 6, "0"))
                                            .otherwise(DEVIATION.ID.cast(String.class))))
                            .where(DEVIATION.ID.between(range[0], range[1]).and(DEVIATION.CASE_REF.eq(PRELIMINARY)))
                            .execute();
                }
                progress.accept(0.97, null);
                try (var st = c.createStatement()) {
                    for (String sql : indexes) {
                        st.execute(sql);
                    }
                }
            } finally {
                pragma(c, "cache_size", cacheBefore);
            }
        });
        if (written[0] == 0) {
            return 0;
        }
        long firstId = range[0];
        long lastId = range[1];
        Field<String> fFile = DSL.field("file", String.class);
        Field<String> fSource = DSL.field("source", String.class);
        Field<String> fMapping = DSL.field("mapping", String.class);
        Field<Long> fImported = DSL.field("imported", Long.class);
        Field<Long> fFirst = DSL.field("first_id", Long.class);
        Field<Long> fLast = DSL.field("last_id", Long.class);
        Record after = tx.newRecord(fFile, fSource, fMapping, fImported, fFirst, fLast);
        after.set(fFile, fileName);
        after.set(fSource, source);
        after.set(fMapping, mapping.describe());
        after.set(fImported, written[0]);
        after.set(fFirst, firstId);
        after.set(fLast, lastId);
        audit.append(tx, AUDIT_ENTITY, firstId, AuditTrail.Action.INSERT, null, after);
        return written[0];
    }

    private static long count(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM deviation")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Drops the indexes of the deviation table and returns the statements that create them again. */
    private static List<String> dropIndexes(Connection c) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT name, sql FROM sqlite_master "
                + "WHERE type = 'index' AND tbl_name = 'deviation' AND sql IS NOT NULL ORDER BY name")) {
            while (rs.next()) {
                found.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> create = new ArrayList<>();
        try (var st = c.createStatement()) {
            for (String[] idx : found) {
                st.execute("DROP INDEX \"" + idx[0].replace("\"", "\"\"") + "\"");
                create.add(idx[1]);
            }
        }
        return create;
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void pragma(Connection c, String name, long value) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("PRAGMA " + name + " = " + value);
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    /**
     * Batched multi-row insert on the transaction's connection. The first row goes in alone, so
     * that the transaction holds the write lock from then on and {@code max(id)} gives the first
     * id of the import; the last id is {@code max(id)} at the end.
     */
    private static final class Inserter implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement multi;
        private final String now;
        private final Object[][] pending = new Object[ROWS_PER_STATEMENT][];
        private int pendingRows;
        private int batched;
        private long firstId = -1;

        Inserter(Connection c, LocalDateTime now) throws SQLException {
            this.c = c;
            this.now = timestamp(now);
            this.multi = c.prepareStatement(sql(ROWS_PER_STATEMENT));
        }

        private static String sql(int rows) {
            String one = "(" + "?,".repeat(COLUMNS.length - 1) + "?)";
            StringBuilder sb = new StringBuilder("INSERT INTO deviation (").append(String.join(", ", COLUMNS))
                    .append(") VALUES ");
            for (int i = 0; i < rows; i++) {
                sb.append(i == 0 ? "" : ",").append(one);
            }
            return sb.toString();
        }

        void add(se.kvalitetshjulet.domain.deviation.Deviation d) throws SQLException {
            pending[pendingRows++] = new Object[] {PRELIMINARY, d.kind().name(), d.law().name(), d.unitId(),
                    d.categoryId(), d.status().name(), date(d.occurredOn()), date(d.reportedOn()), date(d.registeredOn()),
                    date(d.dueOn()), date(d.closedOn()), d.reporterRole(), d.title().strip(), d.description(),
                    d.immediateActions(), d.facts(), d.causeText(), d.assessment() == null ? null : d.assessment().name(),
                    d.serious() ? 1 : 0, date(d.ivoReportedOn()), d.ivoReference(), d.externalSource(), d.externalId(), now};
            if (firstId < 0) {
                try (PreparedStatement one = c.prepareStatement(sql(1))) {
                    bind(one, 1);
                    one.executeUpdate();
                }
                pendingRows = 0;
                firstId = maxId(c);
                return;
            }
            if (pendingRows == ROWS_PER_STATEMENT) {
                bind(multi, pendingRows);
                multi.addBatch();
                pendingRows = 0;
                if (++batched == STATEMENTS_PER_BATCH) {
                    multi.executeBatch();
                    batched = 0;
                }
            }
        }

        void flush() throws SQLException {
            if (batched > 0) {
                multi.executeBatch();
                batched = 0;
            }
            if (pendingRows > 0) {
                try (PreparedStatement rest = c.prepareStatement(sql(pendingRows))) {
                    bind(rest, pendingRows);
                    rest.executeUpdate();
                }
                pendingRows = 0;
            }
        }

        long firstId() {
            return firstId;
        }

        private void bind(PreparedStatement ps, int rows) throws SQLException {
            int p = 1;
            for (int r = 0; r < rows; r++) {
                for (Object v : pending[r]) {
                    if (v == null) {
                        ps.setNull(p++, Types.NULL);
                    } else if (v instanceof String s) {
                        ps.setString(p++, s);
                    } else if (v instanceof Long l) {
                        ps.setLong(p++, l);
                    } else if (v instanceof Integer i) {
                        ps.setInt(p++, i);
                    } else {
                        ps.setObject(p++, v);
                    }
                }
                pending[r] = null;
            }
        }

        @Override
        public void close() throws SQLException {
            multi.close();
        }
    }

    private static long maxId(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT max(id) FROM deviation")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** As jOOQ stores timestamps in SQLite here: yyyy-MM-dd HH:mm:ss.SSS. */
    static String timestamp(LocalDateTime t) {
        return TIMESTAMP.format(t);
    }
}
