package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;

/**
 * The register's free-text index of migration V35 (decision 0032) as a whole: compared with the deviations it indexes,
 * rebuilt from them, and filled for an import's id range. Its triggers keep it exact on every write; this is the check
 * that they did, and the repair if something outside the application changed the file without them. A PostgreSQL
 * server has no such index (its search reads the table, with pg_trgm where the server has it).
 */
public final class TextIndexRepository {
    private static final String INDEX = TextSearch.DEVIATION_INDEX;
    /** One row per indexed deviation (FTS5's document sizes, keyed by the deviation's id). */
    private static final String DOCUMENTS = INDEX + "_docsize";
    /** How many searches a check compares with the LIKE path. */
    static final int SAMPLE_SEARCHES = 6;

    /**
     * What a check found: deviations, indexed documents, deviations missing from the index, documents of no
     * deviation, whether FTS5's own check (the index against the text it was built from) passed (null: not run, the
     * file is write-protected and FTS5 runs its check as a write), and sample
     * searches whose index answer differed from the LIKE answer, of {@code samples} compared.
     */
    public record Check(long deviations, long indexed, long missing, long extra, Boolean consistent, int samples,
            List<String> differingSearches) {
        public Check {
            differingSearches = List.copyOf(differingSearches);
        }

        public boolean exact() {
            return missing == 0 && extra == 0 && !Boolean.FALSE.equals(consistent) && differingSearches.isEmpty()
                    && deviations == indexed;
        }
    }

    private final Database db;

    public TextIndexRepository(Database db) {
        this.db = db;
    }

    /** Whether this database keeps the index (a local file does; a server does not). */
    public boolean kept() {
        return !db.engine().isServer();
    }

    /** Compares the index with the table, and a few searches with the LIKE path ({@link #sampleTerms}). */
    public Check verify() {
        return verify(db.dsl());
    }

    static Check verify(DSLContext q) {
        long deviations = q.fetchCount(DEVIATION);
        long indexed = one(q, "SELECT count(*) FROM " + DOCUMENTS);
        long missing = one(q, "SELECT count(*) FROM deviation d WHERE NOT EXISTS (SELECT 1 FROM " + DOCUMENTS
                + " s WHERE s.id = d.id)");
        long extra = one(q, "SELECT count(*) FROM " + DOCUMENTS + " s WHERE NOT EXISTS (SELECT 1 FROM deviation d "
                + "WHERE d.id = s.id)");
        Boolean consistent = consistent(q);
        List<String> terms = sampleTerms(q);
        List<String> differing = new ArrayList<>();
        for (String t : terms) {
            long viaIndex = q.fetchCount(DEVIATION, TextSearch.deviationText(t));
            long viaScan = q.fetchCount(DEVIATION, TextSearch.deviationTextScan(t));
            if (viaIndex != viaScan) {
                differing.add("\"" + t + "\": " + viaIndex + " med indexet, " + viaScan + " utan");
            }
        }
        return new Check(deviations, indexed, missing, extra, consistent, terms.size(), differing);
    }

    /**
     * FTS5's own integrity check: for an external-content table it tokenizes the text of every row again and
     * compares the result with the index, so a title changed behind the triggers' back is found.
     */
    private static Boolean consistent(DSLContext q) {
        try {
            // rank 1: compare with the content table too (without it FTS5 checks only the index's own structure)
            q.execute("INSERT INTO " + INDEX + " (" + INDEX + ", rank) VALUES ('integrity-check', 1)");
            return true;
        } catch (org.jooq.exception.DataAccessException e) {
            if (String.valueOf(e.getMessage()).contains("SQLITE_READONLY")) {
                return null; // a write-protected file: the counts and sample searches still check it
            }
            return false;
        }
    }

    /**
     * Search terms taken from the register itself, so each finds something: four letters from the middle of the
     * titles of a few rows spread over the ids, upper-cased in every other one (Ä must find ä), plus a case-reference
     * fragment. Deterministic, so a check is repeatable.
     */
    static List<String> sampleTerms(DSLContext q) {
        List<String> out = new ArrayList<>();
        var range = q.select(DSL.min(DEVIATION.ID), DSL.max(DEVIATION.ID)).from(DEVIATION).fetchOne();
        List<String> titles = new ArrayList<>();
        if (range != null && range.value1() != null) {
            long lo = range.value1();
            long hi = range.value2();
            for (int i = 0; i < SAMPLE_SEARCHES - 1; i++) {
                long at = lo + (hi - lo) * i / Math.max(1, SAMPLE_SEARCHES - 2);
                titles.add(q.select(DEVIATION.TITLE).from(DEVIATION).where(DEVIATION.ID.ge(at)).orderBy(DEVIATION.ID)
                        .limit(1).fetchOne(DEVIATION.TITLE));
            }
        }
        for (String title : titles) {
            if (title == null) {
                continue;
            }
            String t = title.strip();
            int n = t.codePointCount(0, t.length());
            if (n < 4) {
                continue;
            }
            int from = t.offsetByCodePoints(0, (n - 4) / 2);
            String term = t.substring(from, t.offsetByCodePoints(from, 4));
            if (!TextSearch.usesIndex(term) || term.isBlank()) {
                continue;
            }
            out.add(out.size() % 2 == 1 ? term.toUpperCase(java.util.Locale.ROOT) : term);
        }
        String ref = q.select(DEVIATION.CASE_REF).from(DEVIATION).orderBy(DEVIATION.ID.desc()).limit(1)
                .fetchOne(DEVIATION.CASE_REF);
        if (ref != null && ref.length() >= 6) {
            out.add(ref.substring(ref.length() - 6).toLowerCase(java.util.Locale.ROOT));
        }
        return out.stream().distinct().toList();
    }

    /** The check in one Swedish sentence (for {@code check} and the audit row of a rebuild). */
    public static String describe(Check c) {
        return c.indexed() + " avvikelser i indexet av " + c.deviations() + ", " + c.missing() + " saknas, " + c.extra()
                + " överblivna, FTS5-kontrollen " + (c.consistent() == null ? "ej körd (skrivskyddad fil)"
                : c.consistent() ? "utan fel" : "hittade fel") + ", " + c.differingSearches().size() + " av "
                + c.samples() + " provsökningar skilde sig från sökning utan index"
                + (c.differingSearches().isEmpty() ? "" : " (" + String.join("; ", c.differingSearches()) + ")");
    }

    /** The bytes the index's tables take in the file (SQLite's dbstat); empty where dbstat is not compiled in. */
    public java.util.OptionalLong bytes() {
        try {
            Long n = db.dsl().fetchOne("SELECT sum(pgsize) FROM dbstat WHERE name LIKE '" + INDEX + "%'")
                    .get(0, Long.class);
            return n == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(n);
        } catch (org.jooq.exception.DataAccessException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Builds the whole index again from the table, inside {@code tx}. */
    static void rebuild(DSLContext tx) {
        tx.execute("INSERT INTO " + INDEX + " (" + INDEX + ") VALUES ('rebuild')");
    }

    /**
     * Indexes the deviations with ids in [first, last] inside the import's transaction {@code tx}: new rows, written
     * while {@code agg_suspension} held the index's insert and update triggers back (decision 0032).
     */
    static void addImported(DSLContext tx, long first, long last) {
        // FTS5 collects new entries in memory and writes them out as a segment whenever they pass its hash size
        // (1 MB by default); the segments are merged again and again as they pile up. For a large range a bigger
        // hash means far fewer, larger segments and much less merging (decision 0040). The setting is stored in the
        // index's own config table, so it is set back in the same transaction: other writers keep the default.
        boolean large = last - first + 1 >= LARGE_IMPORT_ROWS;
        if (large) {
            tx.execute("INSERT INTO " + INDEX + " (" + INDEX + ", rank) VALUES ('hashsize', " + IMPORT_HASH_BYTES + ")");
        }
        tx.execute("INSERT INTO " + INDEX + " (rowid, title, description, case_ref) SELECT id, title, description, "
                + "case_ref FROM deviation WHERE id BETWEEN " + first + " AND " + last);
        if (large) {
            tx.execute("INSERT INTO " + INDEX + " (" + INDEX + ", rank) VALUES ('hashsize', " + DEFAULT_HASH_BYTES + ")");
        }
    }

    /** From this many imported rows the index's in-memory hash is enlarged while they are indexed. */
    static final long LARGE_IMPORT_ROWS = 20_000;
    /** The hash size during a large import: 64 MB of native memory, outside the Java heap. */
    static final long IMPORT_HASH_BYTES = 64L * 1024 * 1024;
    /** FTS5's default hash size (FTS5_DEFAULT_HASHSIZE). */
    static final long DEFAULT_HASH_BYTES = 1024L * 1024;

    private static long one(DSLContext q, String sql) {
        return q.fetchOne(sql).get(0, Long.class);
    }
}
