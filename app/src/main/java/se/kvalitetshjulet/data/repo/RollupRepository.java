package se.kvalitetshjulet.data.repo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.audit.AuditAction;

/**
 * The roll-up aggregates of migration V25 (decision 0021) as a whole: compared with a full recount of the deviations
 * and their causes, and rebuilt from them. The triggers keep them exact on every write; this is the check that they
 * did, and the repair if something outside the application changed the file without them.
 */
public final class RollupRepository {
    static final String ENTITY = "aggregates";

    /** What a comparison with a full recount found: rows of each roll-up, and rows that differ (missing, extra, wrong). */
    public record Verification(long deviationRows, long deviationDifferences, long causeRows, long causeDifferences) {
        public boolean exact() {
            return deviationDifferences == 0 && causeDifferences == 0;
        }
    }

    private static final String DEVIATION_RECOUNT = "SELECT substr(CAST(registered_on AS VARCHAR), 1, 7) AS ym, unit_id, kind, "
            + "coalesce(category_id, 0) AS category_key, status, count(*) AS n FROM deviation "
            + "GROUP BY substr(CAST(registered_on AS VARCHAR), 1, 7), unit_id, kind, coalesce(category_id, 0), status";
    private static final String CAUSE_RECOUNT = "SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7) AS ym, d.unit_id, "
            + "d.kind, c.cause_category_id, count(*) AS n FROM deviation d JOIN deviation_cause c ON c.deviation_id = d.id "
            + "GROUP BY substr(CAST(d.registered_on AS VARCHAR), 1, 7), d.unit_id, d.kind, c.cause_category_id";
    private static final String DEVIATION_STORED = "SELECT ym, unit_id, kind, category_key, status, n FROM agg_deviation_month";
    private static final String CAUSE_STORED = "SELECT ym, unit_id, kind, cause_category_id, n FROM agg_cause_month";

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
        return new Verification(count(q, DEVIATION_STORED), differences(q, DEVIATION_RECOUNT, DEVIATION_STORED),
                count(q, CAUSE_STORED), differences(q, CAUSE_RECOUNT, CAUSE_STORED));
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
            tx.execute("DELETE FROM agg_cause_month");
            tx.execute("DELETE FROM agg_deviation_month");
            tx.execute("INSERT INTO agg_deviation_month (ym, unit_id, kind, category_key, status, n) " + DEVIATION_RECOUNT);
            tx.execute("INSERT INTO agg_cause_month (ym, unit_id, kind, cause_category_id, n) " + CAUSE_RECOUNT);
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
        m.put("deviation_rows", v.deviationRows());
        m.put("deviation_differences", v.deviationDifferences());
        m.put("cause_rows", v.causeRows());
        m.put("cause_differences", v.causeDifferences());
        return m;
    }
}
