package se.kvalitetshjulet.data.repo;

import java.util.Locale;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;

/**
 * Case-insensitive "contains" for free-text search that also folds å, ä, ö, é and the rest of Unicode. SQLite's
 * {@code lower()} and {@code LIKE} fold only A–Z, so a term with other letters goes through the Unicode
 * lower-case function the database registers on each connection; a plain A–Z term keeps SQLite's fast path.
 */
final class TextSearch {
    private TextSearch() {
    }

    static Condition containsIgnoreCase(Field<String> field, String term) {
        boolean ascii = term.chars().allMatch(ch -> ch < 128);
        if (ascii) {
            return field.containsIgnoreCase(term);
        }
        // SQLite's own LIKE (native, A–Z folded) with '_' for each other letter narrows the rows first, so the
        // Unicode function (a call into Java) runs only on candidates: ~1× instead of ~3× the A–Z search time.
        StringBuilder pattern = new StringBuilder("%");
        term.codePoints().forEach(cp -> {
            if (cp >= 128) {
                pattern.append('_');
            } else {
                if (cp == '%' || cp == '_' || cp == '!') {
                    pattern.append('!');
                }
                pattern.appendCodePoint(cp);
            }
        });
        pattern.append('%');
        return field.likeIgnoreCase(pattern.toString(), '!')
                .and(DSL.function(Database.UNICODE_LOWER, String.class, field).contains(term.toLowerCase(Locale.ROOT)));
    }
}
