package se.kvalitetshjulet.data.repo;

import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomCondition;

import se.kvalitetshjulet.data.Engine;

/**
 * Case-insensitive "contains" for free-text search that also folds å, ä, ö, é and the rest of Unicode. How is the
 * engine's business ({@link Engine#containsIgnoreCase}, decisions 7 and 10); the condition asks the engine of the
 * dialect it is rendered for, so filters stay plain static conditions shared by all repositories.
 */
final class TextSearch {
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
}
