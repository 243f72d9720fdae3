package se.kvalitetshjulet.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.jooq.DefaultSchema;

/**
 * {@code server migrate --from FILE.db --db URL}: copies a local database into an initialised, empty server database
 * (decision 10). Every table of the schema, the audit trail included, with the same ids, in one server transaction:
 * all of it or nothing. The counts of every table and a digest of the whole audit trail are compared inside that
 * transaction before it commits. A server that already holds an organisation or history is refused untouched, so a
 * re-run changes nothing.
 */
public final class ServerMigration {
    /** One table's rows in the file and on the server. */
    public record TableCount(String table, long inFile, long onServer) {
        public boolean equal() {
            return inFile == onServer;
        }
    }

    /** What was copied. */
    public record Result(List<TableCount> tables, String auditDigest) {
        public long rows() {
            return tables.stream().mapToLong(TableCount::onServer).sum();
        }
    }

    /** The server database already has data: nothing was written. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private static final int CHUNK = 500;

    private ServerMigration() {
    }

    public static Result copy(Database file, Database server, Consumer<String> progress) {
        if (file.engine().isServer() || !server.engine().isServer()) {
            throw new IllegalArgumentException("server migrate kopierar från en databasfil (--from) till en serverdatabas (--db).");
        }
        List<Table<?>> tables = inDependencyOrder();
        return server.tx(tx -> {
            long units = tx.fetchCount(table("unit"));
            long audit = tx.fetchCount(table("audit_log"));
            long deviations = tx.fetchCount(table("deviation"));
            if (units + audit + deviations > 0) {
                throw new Refused("Serverdatabasen " + server.describe() + " innehåller redan data (" + units + " enheter, "
                        + deviations + " avvikelser, " + audit + " rader i ändringsloggen). Inget har ändrats. "
                        + "server migrate flyttar en fil till en tom server, en gång.");
            }
            // Lists and settings the migrations seeded on the server are replaced by the file's own.
            for (Table<?> t : tables.reversed()) {
                tx.deleteFrom(t).execute();
            }
            List<TableCount> counts = new ArrayList<>();
            for (Table<?> t : tables) {
                progress.accept(t.getName());
                long copied = copyTable(file.dsl(), tx, t);
                long inFile = file.dsl().fetchCount(t);
                long onServer = tx.fetchCount(t);
                counts.add(new TableCount(t.getName(), inFile, onServer));
                if (copied != inFile || onServer != inFile) {
                    throw new IllegalStateException("Tabellen " + t.getName() + " har " + inFile + " rader i filen men "
                            + onServer + " på servern. Inget har sparats på servern.");
                }
            }
            for (Table<?> t : tables) {
                if (t.field("id") != null && t.getIdentity() != null && t.field("id").getDataType().isNumeric()) {
                    tx.execute("SELECT setval(pg_get_serial_sequence({0}, 'id'), coalesce((SELECT max(id) FROM {1}), 0) + 1, false)",
                            DSL.inline(t.getName()), DSL.name(t.getName()));
                }
            }
            compareAudit(file.dsl(), tx);
            String serverDigest = auditDigest(tx);
            return new Result(counts, serverDigest);
        });
    }

    private static Table<?> table(String name) {
        return DefaultSchema.DEFAULT_SCHEMA.getTable(name);
    }

    /** Parents before children (foreign keys), self-references aside; the schema has no other cycles. */
    static List<Table<?>> inDependencyOrder() {
        Map<String, Table<?>> all = new LinkedHashMap<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            // the roll-up aggregates are the file's own, kept by its triggers; a server has none (decision 0021)
            if (!t.getName().startsWith(Database.SQLITE_ONLY_TABLE_PREFIX)) {
                all.put(t.getName(), t);
            }
        }
        Set<String> done = new LinkedHashSet<>();
        List<Table<?>> out = new ArrayList<>();
        while (done.size() < all.size()) {
            boolean progressed = false;
            for (Table<?> t : all.values()) {
                if (done.contains(t.getName())) {
                    continue;
                }
                boolean ready = t.getReferences().stream().map(fk -> fk.getKey().getTable().getName())
                        .allMatch(p -> p.equals(t.getName()) || done.contains(p) || !all.containsKey(p));
                if (ready) {
                    done.add(t.getName());
                    out.add(t);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("Cyclic foreign keys among " + all.keySet().stream().filter(n -> !done.contains(n)).toList());
            }
        }
        return out;
    }

    /** Copies one table; columns that point into the same table are set after all its rows are in. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static long copyTable(DSLContext from, DSLContext to, Table<?> t) {
        List<Field<?>> selfRefs = new ArrayList<>();
        for (ForeignKey<?, ?> fk : t.getReferences()) {
            if (fk.getKey().getTable().getName().equals(t.getName())) {
                selfRefs.addAll(fk.getFields());
            }
        }
        Field<?>[] fields = t.fields();
        long n = 0;
        List<Object[]> later = new ArrayList<>();
        try (Cursor<? extends Record> cursor = from.selectFrom(t).fetchLazy()) {
            List<Record> chunk = new ArrayList<>(CHUNK);
            while (cursor.hasNext()) {
                Record r = cursor.fetchNext();
                if (!selfRefs.isEmpty()) {
                    Object[] row = new Object[selfRefs.size() + 1];
                    row[0] = r.get("id");
                    for (int i = 0; i < selfRefs.size(); i++) {
                        row[i + 1] = r.get(selfRefs.get(i));
                        r.set((Field) selfRefs.get(i), null);
                    }
                    later.add(row);
                }
                chunk.add(r);
                if (chunk.size() == CHUNK) {
                    n += insert(to, t, fields, chunk);
                    chunk.clear();
                }
            }
            n += insert(to, t, fields, chunk);
        }
        for (Object[] row : later) {
            var update = to.update(t).set((Field) selfRefs.getFirst(), row[1]);
            for (int i = 1; i < selfRefs.size(); i++) {
                update = update.set((Field) selfRefs.get(i), row[i + 1]);
            }
            update.where(((Field) t.field("id")).eq(row[0])).execute();
        }
        return n;
    }

    private static long insert(DSLContext to, Table<?> t, Field<?>[] fields, List<Record> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        // Columns and values untyped by the generated classes: those come from the SQLite schema, where TIMESTAMP
        // has precision 0, and PostgreSQL would round every copied timestamp to the second.
        Field<?>[] columns = new Field<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = DSL.field(DSL.name(fields[i].getName()));
        }
        var step = to.insertInto(DSL.table(DSL.name(t.getName()))).columns(columns);
        for (Record r : rows) {
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                Object v = exact(r.get(fields[i]));
                values[i] = v == null ? DSL.val(null, fields[i].getDataType()) : DSL.val(v);
            }
            step = step.values(values);
        }
        return step.execute();
    }

    /**
     * PostgreSQL keeps timestamps to the microsecond and would round the nanoseconds a file may hold; the copy cuts
     * them off itself, the same way on both sides of the comparison, so that what is compared is what is stored.
     */
    private static Object exact(Object v) {
        return v instanceof java.time.LocalDateTime t ? t.truncatedTo(java.time.temporal.ChronoUnit.MICROS) : v;
    }

    /** Every audit row of the file, field by field, against the server's, in id order; the first difference stops. */
    private static void compareAudit(DSLContext file, DSLContext server) {
        Table<?> audit = table("audit_log");
        try (Cursor<? extends Record> a = file.selectFrom(audit).orderBy(audit.field("id")).fetchLazy();
             Cursor<? extends Record> b = server.selectFrom(audit).orderBy(audit.field("id")).fetchLazy()) {
            while (a.hasNext()) {
                Record ra = a.fetchNext();
                Record rb = b.hasNext() ? b.fetchNext() : null;
                for (Field<?> f : audit.fields()) {
                    String va = String.valueOf(exact(ra.get(f)));
                    String vb = rb == null ? "(saknas)" : String.valueOf(exact(rb.get(f)));
                    if (!va.equals(vb)) {
                        throw new IllegalStateException("Ändringsloggen på servern skiljer sig från filens (rad "
                                + ra.get("id") + ", " + f.getName() + ": " + shorten(va) + " i filen, " + shorten(vb)
                                + " på servern). Inget har sparats på servern.");
                    }
                }
            }
        }
    }

    private static String shorten(String v) {
        return v.length() <= 60 ? "'" + v + "'" : "'" + v.substring(0, 57) + "…'";
    }

    /** SHA-256 over every audit row in id order: equal digests mean an identical history. */
    static String auditDigest(DSLContext dsl) {
        Table<?> audit = table("audit_log");
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Cursor<? extends Record> c = dsl.selectFrom(audit).orderBy(audit.field("id")).fetchLazy()) {
            while (c.hasNext()) {
                Record r = c.fetchNext();
                for (Field<?> f : audit.fields()) {
                    md.update(String.valueOf(exact(r.get(f))).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
                md.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
