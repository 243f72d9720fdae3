package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Engine;

/**
 * Case-insensitive "contains" for free-text search that also folds å, ä, ö, é and the rest of Unicode. How is the
 * engine's business ({@link Engine#containsIgnoreCase}, decisions 7 and 10); the condition asks the engine of the
 * dialect it is rendered for, so filters stay plain static conditions shared by all repositories.
 */
final class TextSearch {
    /** The register's FTS5 trigram index (migration V35, decision 0032): title, description and case reference. */
    static final String DEVIATION_INDEX = "deviation_fts";
    /** A trigram index helps from three characters on; shorter terms keep the LIKE path. */
    static final int INDEX_MIN_CHARACTERS = 3;

    private TextSearch() {
    }

    static Condition containsIgnoreCase(Field<String> field, String term) {
        return new CustomCondition() {
            @Override
            public void accept(Context<?> ctx) {
                ctx.visit(Engine.containsIgnoreCase(ctx.family() == SQLDialect.POSTGRES ? SQLDialect.POSTGRES
                        : SQLDialect.SQLITE, field, term));
            }
        };
    }

    /**
     * The register's free text: {@code term} anywhere in the title, the description or the case reference. On a
     * SQLite file a term the index can answer reads the FTS5 trigram index ({@link #usesIndex}); otherwise, and on
     * PostgreSQL, the same "contains" on each column as {@link #containsIgnoreCase}. Both find the same rows
     * ({@code FreeTextIndexTest}).
     */
    static Condition deviationText(String term) {
        return deviationText(term, false);
    }

    /**
     * {@link #deviationText}, where {@code asFilter} true writes the index's membership test so that SQLite cannot
     * drive the query from it ({@code +deviation.id in (…)}: the unary plus keeps the term out of the planner's index
     * choice). The planner then reads the rows in the order of an index on the sort column and tests each against the
     * set of matches, so a page of a frequent term stops after its rows instead of sorting every match (decision
     * 0041). The same rows either way.
     */
    static Condition deviationText(String term, boolean asFilter) {
        Condition scan = deviationTextScan(term);
        if (!usesIndex(term)) {
            return scan;
        }
        return new CustomCondition() {
            @Override
            public void accept(Context<?> ctx) {
                if (ctx.family() != SQLDialect.SQLITE) {
                    ctx.visit(scan);
                } else {
                    ctx.sql(asFilter ? "+" : "").visit(DEVIATION.ID).sql(" in (select rowid from " + DEVIATION_INDEX + " where " + DEVIATION_INDEX
                            + " match ").visit(DSL.val(phrase(term))).sql(")");
                }
            }
        };
    }

    /**
     * The count of a filter that holds nothing but an indexed term, answered by the index alone (it holds one document
     * per deviation, {@code check} verifies it): no look-up of each match in the table. Empty otherwise, and on
     * PostgreSQL.
     */
    static java.util.Optional<org.jooq.ResultQuery<org.jooq.Record1<Integer>>> indexOnlyCount(org.jooq.DSLContext ctx,
            se.kvalitetshjulet.domain.deviation.DeviationFilter f) {
        if (ctx.family() != SQLDialect.SQLITE || !indexOnly(f)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ctx.selectCount().from(DSL.table(DSL.name(DEVIATION_INDEX)))
                .where(DSL.condition(DSL.name(DEVIATION_INDEX) + " match {0}", DSL.val(phrase(f.text().strip())))));
    }

    /** Whether the filter holds nothing but a term the index answers (its count then reads the index alone). */
    static boolean indexOnly(se.kvalitetshjulet.domain.deviation.DeviationFilter f) {
        return f.text() != null && usesIndex(f.text().strip())
                && f.withText(null).equals(se.kvalitetshjulet.domain.deviation.DeviationFilter.all());
    }

    /** The register's free text without the index: "contains" on each of the three columns (decision 0007). */
    static Condition deviationTextScan(String term) {
        return containsIgnoreCase(DEVIATION.TITLE, term).or(containsIgnoreCase(DEVIATION.DESCRIPTION, term))
                .or(containsIgnoreCase(DEVIATION.CASE_REF, term));
    }

    /**
     * Whether the index answers {@code term} exactly as the LIKE path does: at least three characters (a trigram),
     * and only letters whose upper/lower-case pairs SQLite's FTS5 folds as Java's {@code toLowerCase(Locale.ROOT)}
     * does (Latin script up to Latin Extended-B: Swedish, Finnish, Sámi, the rest of Europe's Latin alphabets; and
     * every digit, space and punctuation mark there). Any other term (Greek, Cyrillic, the Turkish dotted İ, ß) keeps
     * the LIKE path: slower, never different.
     */
    static boolean usesIndex(String term) {
        if (term == null || term.codePointCount(0, term.length()) < INDEX_MIN_CHARACTERS) {
            return false;
        }
        return term.codePoints().allMatch(cp -> cp < 0x250 && cp != 0x130 && cp != 0x131 && cp != 0xDF
                && cp != 0x17F && !Character.isISOControl(cp));
    }

    /** {@code term} as one FTS5 phrase: a string in double quotes (doubled inside), so no character is syntax. */
    static String phrase(String term) {
        return '"' + term.replace("\"", "\"\"") + '"';
    }
}
