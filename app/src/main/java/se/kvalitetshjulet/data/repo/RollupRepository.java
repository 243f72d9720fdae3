package se.kvalitetshjulet.data.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.audit.AuditAction;

/**
 * The roll-up aggregates of migrations V27_5 (decision 0021), V34 (decision 0031), V39 (decision 0038) and V42 (decision 0042) as a whole: compared with a full
 * recount of the deviations, their causes, measures and actions, and rebuilt from them. The triggers keep them exact on every write; this is the check that they
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

    /**
     * A roll-up table and how it is recounted: V27_5's from the deviations (and their causes) by the dimensions it
     * counts by, V34's (decision 0031) from their views {@code agg_action_row} and {@code agg_measure_row}.
     */
    private record Rollup(String table, List<String> dimensions, boolean causes, String view,
                          Map<String, String> expressions, String filter) {
        private static final Map<String, String> EXPRESSIONS = Map.of(
                "ym", "substr(CAST(d.registered_on AS VARCHAR), 1, 7)", "unit_id", "d.unit_id", "kind", "d.kind",
                "category_key", "coalesce(d.category_id, 0)", "status", "d.status", "law", "d.law",
                "assessment_key", "coalesce(d.assessment, '')",
                "ivo", "CASE WHEN d.ivo_reported_on IS NULL THEN 0 ELSE 1 END");

        Rollup(String table, List<String> dimensions, boolean causes) {
            this(table, dimensions, causes, null, Map.of(), null);
        }

        Rollup(String table, List<String> dimensions, boolean causes, String view) {
            this(table, dimensions, causes, view, Map.of(), null);
        }

        /** A roll-up of the deviations with its own expressions for some dimensions and a filter on the rows it counts. */
        Rollup(String table, List<String> dimensions, Map<String, String> expressions, String filter) {
            this(table, dimensions, false, null, expressions, filter);
        }

        /**
         * Whether the roll-up is a plain grouping of the deviations by the common expressions (no causes, view, own
         * expression or filter): then the import sums it from the one finest grouping of its range (decision 0040);
         * the others (V42's, with the month of assessment and a filter) are recounted over the range themselves.
         */
        boolean plainGrouping() {
            return view == null && !causes && expressions.isEmpty() && filter == null;
        }

        private String expression(String dimension) {
            return expressions.getOrDefault(dimension, EXPRESSIONS.get(dimension));
        }

        String keys() {
            return String.join(", ", dimensions) + (causes ? ", cause_category_id" : "");
        }

        String columns() {
            return keys() + ", n";
        }

        /** The same rows computed from the base tables with GROUP BY. */
        String recount() {
            return recount("1 = 1");
        }

        /** The rows of the deviations whose ids are in [first, last] (and their causes and measures). */
        String recountOfDeviations(long first, long last) {
            String range = " BETWEEN " + first + " AND " + last;
            if (view == null) {
                return recount("d.id" + range);
            }
            return recount("v.source_type = 'DEVIATION' AND v.source_id" + range);
        }

        private String recount(String where) {
            if (view != null) {
                return "SELECT " + keys() + ", count(*) FROM " + view + " v WHERE " + where + " GROUP BY " + keys();
            }
            String keys = String.join(", ", dimensions.stream().map(this::expression).toList())
                    + (causes ? ", c.cause_category_id" : "");
            return "SELECT " + keys + ", count(*) FROM deviation d"
                    + (causes ? " JOIN deviation_cause c ON c.deviation_id = d.id" : "") + " WHERE " + where
                    + (filter == null ? "" : " AND (" + filter + ")")
                    + " GROUP BY " + keys;
        }

        String stored() {
            return "SELECT " + columns() + " FROM " + table;
        }
    }

    /** The roll-ups of V27_5 and V34, kept in step with the migrations by {@code RollupRecountTest}. */
    private static final List<Rollup> ROLLUPS = List.of(
            new Rollup("agg_deviation_month", List.of("unit_id", "ym", "kind", "category_key", "status"), false),
            new Rollup("agg_deviation_unit_month", List.of("unit_id", "ym", "kind"), false),
            new Rollup("agg_deviation_category_month", List.of("ym", "kind", "category_key"), false),
            new Rollup("agg_deviation_status_month", List.of("status", "kind", "ym"), false),
            // V46 (decision 0047): per unit x month x category, every kind and status together
            new Rollup("agg_deviation_unit_category_month", List.of("unit_id", "ym", "category_key"), false),
            new Rollup("agg_cause_month", List.of("unit_id", "ym", "kind"), true),
            new Rollup("agg_cause_kind_month", List.of("ym", "kind"), true),
            new Rollup("agg_action_month", List.of("unit_key", "om", "dm", "ofm"), false, "agg_action_row"),
            new Rollup("agg_action_all_month", List.of("om", "dm", "ofm"), false, "agg_action_row"),
            new Rollup("agg_measure_month", List.of("unit_id", "ym", "kind", "measure_key"), false, "agg_measure_row"),
            new Rollup("agg_measure_kind_month", List.of("ym", "kind", "measure_key"), false, "agg_measure_row"),
            // V39 (decision 0038): the kvalitetsberättelse's counts by law, assessment and IVO notification
            new Rollup("agg_deviation_law_month", List.of("unit_id", "ym", "kind", "law", "assessment_key", "ivo"), false),
            // V42 (decision 0042): counting by the month of assessment, and the assessed without a date by registration
            new Rollup("agg_deviation_assessed_month", List.of("dated", "ym", "unit_id", "kind"),
                    Map.of("ym", "substr(CAST(coalesce(d.assessed_on, d.registered_on) AS VARCHAR), 1, 7)",
                            "dated", "CASE WHEN d.assessed_on IS NULL THEN 0 ELSE 1 END"),
                    "d.assessed_on IS NOT NULL OR d.assessment IS NOT NULL"));

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
            tx.execute("DELETE FROM agg_suspension");
            for (Rollup r : ROLLUPS) {
                tx.execute("DELETE FROM " + r.table());
                tx.execute("INSERT INTO " + r.table() + " (" + r.columns() + ") " + r.recount());
            }
            Verification after = verify(tx);
            if (!after.exact()) {
                throw new IllegalStateException("Sammanställningarna stämmer inte ens efter ombyggnaden: " + after);
            }
            // the register's free-text index (V35, decision 0032) is rebuilt with them
            TextIndexRepository.Check indexBefore = TextIndexRepository.verify(tx);
            TextIndexRepository.rebuild(tx);
            TextIndexRepository.Check indexAfter = TextIndexRepository.verify(tx);
            if (!indexAfter.exact()) {
                throw new IllegalStateException("Fritextindexet stämmer inte ens efter ombyggnaden: " + indexAfter);
            }
            Map<String, Object> was = image(before);
            was.put(TextSearch.DEVIATION_INDEX, image(indexBefore));
            Map<String, Object> is = image(after);
            is.put(TextSearch.DEVIATION_INDEX, image(indexAfter));
            audit.appendMaps(tx, ENTITY, 0, AuditAction.UPDATE, was, is, "check --rebuild-aggregates");
            return before;
        });
    }

    /**
     * Inside a bulk import's transaction {@code tx}: the INSERT triggers of every roll-up do nothing from now until
     * {@link #addImported} (V34's {@code agg_suspension}). Nothing on a server, which keeps no roll-ups. Only for
     * inserts of new deviations (and their causes and measures): updates and deletes are maintained as always, except
     * that the free-text index (V35) also leaves the updates of title, description and case reference to
     * {@link #addImported} (the import updates only its own new rows: their preliminary case references).
     */
    public void suspendForImport(DSLContext tx) {
        if (kept()) {
            tx.execute("INSERT INTO agg_suspension (reason) VALUES ('import')");
        }
    }

    /**
     * Ends {@link #suspendForImport} in the same transaction: every roll-up gets the contributions of the deviations
     * with ids in [first, last] (the import's rows: they are new, so they were in none), with their causes and
     * measures, grouped once per roll-up instead of one upsert per row and table.
     */
    public void addImported(DSLContext tx, long first, long last) {
        addImported(tx, first, last, new ImportPhases());
    }

    /**
     * As {@link #addImported(DSLContext, long, long)}, timing its phases. The deviations' own roll-ups (V27_5's four
     * without causes and V39's) are all coarser groupings of one finest grouping: the range is grouped once into a
     * temporary table by every dimension any of them has (a few thousand rows, whatever the import's size), and each
     * roll-up sums that table — one pass over the imported rows instead of one per roll-up (decision 0040). The
     * expressions are the recount's own, so the sums are what a recount of the range gives.
     */
    void addImported(DSLContext tx, long first, long last, ImportPhases phases) {
        if (!kept()) {
            return;
        }
        if (first > 0 && last >= first) {
            phases.start("sammanställningar");
            List<String> finest = new ArrayList<>();
            for (Rollup r : ROLLUPS) {
                if (r.plainGrouping()) {
                    r.dimensions().stream().filter(d -> !finest.contains(d)).forEach(finest::add);
                }
            }
            String names = String.join(", ", finest);
            String exprs = String.join(", ", finest.stream().map(d -> Rollup.EXPRESSIONS.get(d) + " AS " + d).toList());
            String groups = String.join(", ", finest.stream().map(Rollup.EXPRESSIONS::get).toList());
            tx.execute("DROP TABLE IF EXISTS temp." + IMPORT_GROUPS);
            tx.execute("CREATE TEMP TABLE " + IMPORT_GROUPS + " AS SELECT " + exprs + ", count(*) AS n FROM deviation d "
                    + "WHERE d.id BETWEEN " + first + " AND " + last + " GROUP BY " + groups);
            for (Rollup r : ROLLUPS) {
                String select = r.plainGrouping()
                        ? "SELECT " + r.keys() + ", sum(n) FROM temp." + IMPORT_GROUPS + " GROUP BY " + r.keys()
                        : r.recountOfDeviations(first, last);
                tx.execute("INSERT INTO " + r.table() + " (" + r.columns() + ") " + select
                        + " ON CONFLICT (" + r.keys() + ") DO UPDATE SET n = n + excluded.n");
            }
            tx.execute("DROP TABLE temp." + IMPORT_GROUPS);
            phases.start("fritextindex");
            TextIndexRepository.addImported(tx, first, last);
        }
        tx.execute("DELETE FROM agg_suspension");
    }

    /** The temporary table of {@link #addImported}: the imported range grouped by every deviation dimension. */
    private static final String IMPORT_GROUPS = "kvh_import_groups";

    private static String image(TextIndexRepository.Check c) {
        return TextIndexRepository.describe(c);
    }

    private static Map<String, Object> image(Verification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TableCheck t : v.tables()) {
            m.put(t.table(), t.rows() + " rader, " + t.differences() + " avvikande");
        }
        return m;
    }
}
