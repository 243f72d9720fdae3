package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.Engine;
import se.kvalitetshjulet.domain.deviation.Deviation;

/**
 * The SQL of a deviation import (decision 0004), kept here so that the importer in {@code service.imports} holds
 * only the rules: the external ids already imported from a source, and the bulk write of one transaction (batched
 * multi-row insert on the transaction's connection, a bigger page cache, the deviation indexes dropped and built
 * again for a large import, case references set by one UPDATE, one audit row). What differs per engine
 * (page cache, dropping indexes, date casts) is behind {@link Engine}.
 */
public final class DeviationImportRepository {
    /** The case reference of a row until the UPDATE at the end of the import gives it its real one. */
    public static final String PRELIMINARY = "preliminary";
    /** From this many rows (and at least a quarter of the register) the table's indexes are rebuilt, not updated. */
    public static final long BULK_MIN_ROWS = 20_000;
    private static final int ROWS_PER_STATEMENT = 50;
    private static final int STATEMENTS_PER_BATCH = 20;
    private static final String[] COLUMNS = {"case_ref", "kind", "law", "unit_id", "category_id", "status", "occurred_on",
            "reported_on", "registered_on", "due_on", "closed_on", "reporter_role", "title", "description",
            "immediate_actions", "facts", "cause_text", "assessment", "serious", "ivo_reported_on", "ivo_reference",
            "external_source", "external_id", "updated_at", "registered_by"};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private static final Logger LOG = LoggerFactory.getLogger(DeviationImportRepository.class);

    private final Database db;
    private final AuditTrail audit;

    public DeviationImportRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Every external id already imported from {@code source}, streamed (a million rows never sit in a list). */
    public void forEachExternalId(String source, Consumer<String> id) {
        try (var existing = db.dsl().select(DEVIATION.EXTERNAL_ID).from(DEVIATION)
                .where(DEVIATION.EXTERNAL_SOURCE.eq(source)).fetchSize(10_000).fetchLazy()) {
            for (var r : existing) {
                if (r.value1() != null) {
                    id.accept(r.value1());
                }
            }
        }
    }

    /** Receives the rows of an import one by one. */
    @FunctionalInterface
    public interface Sink {
        void add(Deviation d);
    }

    /** Produces the rows of an import into a sink (reads the file, converts, reports progress). */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Sink sink);
    }

    /** What the import wrote: how many rows, the range of their ids, and where the time went (decision 0040). */
    public record Written(long rows, long firstId, long lastId, List<ImportPhases.Phase> phases) {
        public Written {
            phases = List.copyOf(phases);
        }

        public Written(long rows, long firstId, long lastId) {
            this(rows, firstId, lastId, List.of());
        }
    }

    /** What the audit row of an import says. */
    public record ImportRecord(String file, String source, String mapping) { }

    /**
     * The cause categories and measure types of one imported row (by its external id), written once the rows have
     * their ids: one deviation_cause row per cause, one measure (action_item) per measure type.
     */
    public record Children(List<Long> causeIds, List<Long> measureTypeIds) { }

    /**
     * The children of an imported row by its external id (null when it has none), asked once per imported row while
     * they are written: the importer keeps them compactly by row (decision 0046), not in a map of a million records.
     */
    @FunctionalInterface
    public interface ChildrenLookup {
        Children of(String externalId);

        /** True when no written row has children (asked after the rows were written): nothing to look up. */
        default boolean isEmpty() {
            return false;
        }
    }

    /**
     * Writes the rows in one transaction and, if any were written, one audit row for the import (entity
     * {@code auditEntity}, id = the first new id). An exception from {@code rows} rolls everything back.
     */
    public Written write(long expectedRows, LocalDateTime now, String auditEntity, ImportRecord what, Rows rows) {
        return write(expectedRows, now, auditEntity, what, rows, null, Map.of());
    }

    /**
     * As {@link #write(long, LocalDateTime, String, ImportRecord, Rows)}, and in the same transaction the causes and
     * measure types of the written rows, as {@code children} gives them by external id once {@code rows} has written
     * them (null: none). {@code measureNames} gives the text of a measure of each type.
     */
    public Written write(long expectedRows, LocalDateTime now, String auditEntity, ImportRecord what, Rows rows,
            ChildrenLookup children, Map<Long, String> measureNames) {
        RollupRepository rollups = new RollupRepository(db, audit);
        ImportPhases phases = new ImportPhases();
        Written w = db.tx(tx -> {
            // The roll-ups' row triggers stand aside; the new rows are added to them once, grouped (decision 0031).
            rollups.suspendForImport(tx);
            Written written = write(tx, expectedRows, now, auditEntity, what, rows, phases);
            if (written.rows() > 0 && children != null && !children.isEmpty()) {
                phases.start("orsaker och åtgärder");
                writeChildren(tx, written.firstId(), written.lastId(), children, measureNames);
            }
            rollups.addImported(tx, written.firstId(), written.lastId(), phases);
            phases.start("commit");
            return written;
        });
        List<ImportPhases.Phase> measured = phases.phases();
        LOG.info("Import of {} rows: {}", w.rows(), ImportPhases.describe(measured));
        return new Written(w.rows(), w.firstId(), w.lastId(), measured);
    }

    /** One deviation_cause row per cause, one measure per measure type (done on the closing day of a closed case). */
    private static void writeChildren(DSLContext tx, long firstId, long lastId, ChildrenLookup children,
            Map<Long, String> measureNames) {
        var ai = se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
        var dc = se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CAUSE;
        List<org.jooq.Query> batch = new ArrayList<>();
        try (var cursor = tx.select(DEVIATION.ID, DEVIATION.EXTERNAL_ID, DEVIATION.UNIT_ID, DEVIATION.STATUS,
                        DEVIATION.CLOSED_ON).from(DEVIATION).where(DEVIATION.ID.between(firstId, lastId))
                .fetchSize(10_000).fetchLazy()) {
            for (var r : cursor) {
                Children ch = r.value2() == null ? null : children.of(r.value2());
                if (ch == null) {
                    continue;
                }
                for (Long cause : ch.causeIds()) {
                    batch.add(tx.insertInto(dc).set(dc.DEVIATION_ID, r.value1()).set(dc.CAUSE_CATEGORY_ID, cause));
                }
                boolean closed = se.kvalitetshjulet.domain.deviation.DeviationStatus.AVSLUTAD.name().equals(r.value4());
                for (Long type : ch.measureTypeIds()) {
                    batch.add(tx.insertInto(ai).set(ai.SOURCE_TYPE, "DEVIATION").set(ai.SOURCE_ID, r.value1())
                            .set(ai.UNIT_ID, r.value3()).set(ai.WHAT, measureNames.getOrDefault(type, ""))
                            .set(ai.MEASURE_TYPE_ID, type).set(ai.DONE_ON, closed ? r.value5() : null));
                }
                if (batch.size() >= 500) {
                    tx.batch(batch).execute();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            tx.batch(batch).execute();
        }
    }

    private Written write(DSLContext tx, long expectedRows, LocalDateTime now, String auditEntity, ImportRecord what,
            Rows rows, ImportPhases phases) {
        long[] written = {0};
        long[] range = {0, 0};
        boolean server = db.engine().isServer();
        tx.connection(c -> {
            // What a large import needs differs per engine (SQLite: page cache, indexes dropped and rebuilt; see
            // Engine.beginBulkImport). All of it is inside this transaction: a failure or cancellation undoes it.
            phases.start("förberedelse");
            Engine.Bulk bulk = db.engine().beginBulkImport(c, expectedRows, count(c));
            boolean ok = false;
            try {
                // SQLite: the transaction holds the write lock from BEGIN (IMMEDIATE), so the ids after max(id) are the
                // import's; each row goes in with its id and its real case reference (decision 0040), so no UPDATE
                // rewrites the rows afterwards. PostgreSQL takes ids from its identity column (see Inserter).
                long next = server ? -1 : maxId(c) + 1;
                phases.start("läsning, kontroll och skrivning av raderna");
                try (Inserter ins = new Inserter(c, now, server, audit.actorName(), next)) {
                    rows.writeTo(d -> {
                        try {
                            ins.add(d);
                        } catch (SQLException e) {
                            throw new IllegalStateException("Importen kunde inte skrivas till databasen; inget har "
                                    + "sparats.", e);
                        }
                        written[0]++;
                    });
                    ins.flush();
                    range[0] = ins.firstId();
                    range[1] = maxId(c);
                }
                if (written[0] > 0 && server) {
                    // Case references follow the ids (decision 0002): one portable UPDATE over the new rows,
                    // before the indexes are built again. The id is padded to six digits, never cut.
                    phases.start("ärendenummer");
                    tx.update(DEVIATION).set(DEVIATION.CASE_REF, DSL.concat(DSL.inline("AV-"),
                                    DSL.year(DEVIATION.REGISTERED_ON).cast(String.class), DSL.inline("-"),
                                    DSL.when(DEVIATION.ID.lt(1_000_000L), DSL.lpad(DEVIATION.ID.cast(String.class), 6, "0"))
                                            .otherwise(DEVIATION.ID.cast(String.class))))
                            .where(DEVIATION.ID.between(range[0], range[1]).and(DEVIATION.CASE_REF.eq(PRELIMINARY)))
                            .execute();
                }
                phases.start("index");
                ok = true;
            } finally {
                bulk.finish(ok);
            }
        });
        if (written[0] == 0) {
            return new Written(0, 0, 0);
        }
        phases.start("ändringslogg");
        Field<String> fFile = DSL.field("file", String.class);
        Field<String> fSource = DSL.field("source", String.class);
        Field<String> fMapping = DSL.field("mapping", String.class);
        Field<Long> fImported = DSL.field("imported", Long.class);
        Field<Long> fFirst = DSL.field("first_id", Long.class);
        Field<Long> fLast = DSL.field("last_id", Long.class);
        Record after = tx.newRecord(fFile, fSource, fMapping, fImported, fFirst, fLast);
        after.set(fFile, what.file());
        after.set(fSource, what.source());
        after.set(fMapping, what.mapping());
        after.set(fImported, written[0]);
        after.set(fFirst, range[0]);
        after.set(fLast, range[1]);
        audit.append(tx, auditEntity, range[0], AuditAction.INSERT, null, after);
        return new Written(written[0], range[0], range[1]);
    }

    /** A deviation's case reference from its id (decision 0002): AV-year-id, the id padded to six digits, never cut. */
    static String caseRef(LocalDate registeredOn, long id) {
        return "AV-" + String.format(java.util.Locale.ROOT, "%04d", registeredOn.getYear()) + "-"
                + (id < 1_000_000L ? String.format(java.util.Locale.ROOT, "%06d", id) : Long.toString(id));
    }

    private static long count(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM deviation")) {
            return rs.next() ? rs.getLong(1) : 0;
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

    /**
     * Batched multi-row insert on the transaction's connection. SQLite: every row with its id (from {@code nextId}
     * on) and its real case reference. PostgreSQL: the first row goes in alone, so that {@code max(id)} gives the
     * first id of the import, with a preliminary case reference that one UPDATE replaces; the last id is
     * {@code max(id)} at the end.
     */
    private static final class Inserter implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement multi;
        private final String now;
        private final String actor;
        private final Object[][] pending = new Object[ROWS_PER_STATEMENT][];
        private int pendingRows;
        private int batched;
        private long firstId = -1;
        private long nextId;

        private final boolean server;

        Inserter(Connection c, LocalDateTime now, boolean server, String actor, long nextId) throws SQLException {
            this.c = c;
            this.now = timestamp(now);
            this.server = server;
            this.actor = actor;
            this.nextId = nextId;
            if (!server) {
                firstId = nextId;
            }
            this.multi = c.prepareStatement(sql(ROWS_PER_STATEMENT));
        }

        /** One row's placeholders: SQLite stores dates as text; PostgreSQL gets them as DATE and TIMESTAMP values. */
        private String row() {
            StringBuilder sb = new StringBuilder(server ? "(" : "(?,");
            for (int i = 0; i < COLUMNS.length; i++) {
                String col = COLUMNS[i];
                sb.append(i == 0 ? "" : ",");
                if (server && col.endsWith("_on")) {
                    sb.append("CAST(? AS DATE)");
                } else if (server && col.endsWith("_at")) {
                    sb.append("CAST(? AS TIMESTAMP)");
                } else {
                    sb.append('?');
                }
            }
            return sb.append(')').toString();
        }

        private String sql(int rows) {
            String one = row();
            StringBuilder sb = new StringBuilder("INSERT INTO deviation (").append(server ? "" : "id, ")
                    .append(String.join(", ", COLUMNS))
                    .append(") VALUES ");
            for (int i = 0; i < rows; i++) {
                sb.append(i == 0 ? "" : ",").append(one);
            }
            return sb.toString();
        }

        void add(Deviation d) throws SQLException {
            Object[] values = {PRELIMINARY, d.kind().name(), d.law().name(), d.unitId(),
                    d.categoryId(), d.status().name(), date(d.occurredOn()), date(d.reportedOn()), date(d.registeredOn()),
                    date(d.dueOn()), date(d.closedOn()), d.reporterRole(), d.title().strip(), d.description(),
                    d.immediateActions(), d.facts(), d.causeText(), d.assessment() == null ? null : d.assessment().name(),
                    d.serious(), date(d.ivoReportedOn()), d.ivoReference(), d.externalSource(), d.externalId(), now, actor};
            if (!server) {
                long id = nextId++;
                values[0] = caseRef(d.registeredOn(), id);
                Object[] withId = new Object[values.length + 1];
                withId[0] = id;
                System.arraycopy(values, 0, withId, 1, values.length);
                values = withId;
            }
            pending[pendingRows++] = values;
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
                    } else if (v instanceof Boolean b) {
                        ps.setBoolean(p++, b);
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
}
