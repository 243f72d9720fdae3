package se.kvalitetshjulet.data.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.audit.AuditAction;

/**
 * The roll-up aggregates of migration V27_5 (decision 0021) as a whole: compared with a full recount of the deviations
 * and their causes, and rebuilt from them. The triggers keep them exact on every write; this is the check that they
 * did, and the repair if something outside the application changed the file without them.
 */
public final class RollupRepository {
    static final String ENTITY = "aggregates";

    /** One roll-up table compared with a full recount: its rows, and rows that differ (missing, extra or wrong). */
    public record TableCheck(String table, long rows, long differences) { }

    /** What a comparison of every roll-up with a full recount found. */
    public record Verification(List<TableCheck> tables) {
        public Verification {
            tables = List.copyOf(tables);
        }

        public boolean exact() {
            return differences() == 0;
        }

        public long rows() {
            return tables.stream().mapToLong(TableCheck::rows).sum();
        }

        public long differences() {
            return tables.stream().mapToLong(TableCheck::differences).sum();
        }
    }

    /** A roll-up table of V27_5 and the dimensions it counts by (causes: and the cause). */
    private record Rollup(String table, List<String> dimensions, boolean causes) {
        private static final Map<String, String> EXPRESSIONS = Map.of(
                "ym", "substr(CAST(d.registered_on AS VARCHAR), 1, 7)", "unit_id", "d.unit_id", "kind", "d.kind",
                "category_key", "coalesce(d.category_id, 0)", "status", "d.status");

        String columns() {
            return String.join(", ", dimensions) + (causes ? ", cause_category_id" : "") + ", n";
        }

        /** The same rows computed from the deviations (and their causes) with GROUP BY. */
        String recount() {
            String keys = String.join(", ", dimensions.stream().map(EXPRESSIONS::get).toList())
                    + (causes ? ", c.cause_category_id" : "");
            return "SELECT " + keys + ", count(*) FROM deviation d"
                    + (causes ? " JOIN deviation_cause c ON c.deviation_id = d.id" : "") + " GROUP BY " + keys;
        }

        String stored() {
            return "SELECT " + columns() + " FROM " + table;
        }
    }

    /** The six roll-ups of V27_5, kept in step with the migration by {@code RollupRecountTest}. */
    private static final List<Rollup> ROLLUPS = List.of(
            new Rollup("agg_deviation_month", List.of("unit_id", "ym", "kind", "category_key", "status"), false),
            new Rollup("agg_deviation_unit_month", List.of("unit_id", "ym", "kind"), false),
            new Rollup("agg_deviation_category_month", List.of("ym", "kind", "category_key"), false),
            new Rollup("agg_deviation_status_month", List.of("status", "kind", "ym"), false),
            new Rollup("agg_cause_month", List.of("unit_id", "ym", "kind"), true),
            new Rollup("agg_cause_kind_month", List.of("ym", "kind"), true));

    private final Database db;
    private final AuditTrail audit;

    public RollupRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Whether this database keeps roll-ups at all (a local file does; a PostgreSQL server reads its base tables). */
    public boolean kept() {
        return !db.engine().isServer();
    }

    /** Compares the roll-ups with a full recount of the deviations and their causes (reads only). */
    public Verification verify() {
        return verify(db.dsl());
    }

    private static Verification verify(DSLContext q) {
        List<TableCheck> out = new ArrayList<>();
        for (Rollup r : ROLLUPS) {
            out.add(new TableCheck(r.table(), count(q, r.stored()), differences(q, r.recount(), r.stored())));
        }
        return new Verification(out);
    }

    private static long count(DSLContext q, String sql) {
        return q.fetchOne("SELECT count(*) FROM (" + sql + ") x").get(0, Long.class);
    }

    /** Rows in one and not in the other, both ways: a missing, extra or wrong count is one or two differences. */
    private static long differences(DSLContext q, String recount, String stored) {
        return count(q, recount + " EXCEPT " + stored) + count(q, stored + " EXCEPT " + recount);
    }

    /**
     * Rebuilds both roll-ups from the deviations and their causes in one transaction with its audit row (what was
     * found before, what holds after), and verifies them again inside it: the result is exact or nothing is written.
     */
    public Verification rebuild() {
        if (!kept()) {
            throw new IllegalStateException("En PostgreSQL-databas har inga sammanställningstabeller: den räknar i grundtabellerna.");
        }
        return db.tx(tx -> {
            Verification before = verify(tx);
            for (Rollup r : ROLLUPS) {
                tx.execute("DELETE FROM " + r.table());
                tx.execute("INSERT INTO " + r.table() + " (" + r.columns() + ") " + r.recount());
            }
            Verification after = verify(tx);
            if (!after.exact()) {
                throw new IllegalStateException("Sammanställningarna stämmer inte ens efter ombyggnaden: " + after);
            }
            audit.appendMaps(tx, ENTITY, 0, AuditAction.UPDATE, image(before), image(after),
                    "check --rebuild-aggregates");
            return before;
        });
    }

    private static Map<String, Object> image(Verification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TableCheck t : v.tables()) {
            m.put(t.table(), t.rows() + " rader, " + t.differences() + " avvikande");
        }
        return m;
    }
}
