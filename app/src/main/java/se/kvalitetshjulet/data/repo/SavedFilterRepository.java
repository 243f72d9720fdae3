package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.SavedFilter;
import static se.kvalitetshjulet.data.jooq.Tables.SAVED_FILTER;

import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.data.Database;

/** Named filters per screen, stored as JSON. */
public final class SavedFilterRepository {
    public static final String DEVIATIONS = "deviations";


    private final Database db;

    public SavedFilterRepository(Database db) {
        this.db = db;
    }

    public List<String> names(String screen) {
        return db.dsl().select(SAVED_FILTER.NAME).from(SAVED_FILTER).where(SAVED_FILTER.SCREEN.eq(screen))
                .orderBy(SAVED_FILTER.NAME).fetch(SAVED_FILTER.NAME);
    }

    public Optional<String> find(String screen, String name) {
        return db.dsl().select(SAVED_FILTER.DEFINITION).from(SAVED_FILTER)
                .where(SAVED_FILTER.SCREEN.eq(screen).and(SAVED_FILTER.NAME.eq(name))).fetchOptional(SAVED_FILTER.DEFINITION);
    }

    /** Saves or replaces the filter with this name. */
    public void save(String screen, String name, String json) {
        db.txRun(tx -> {
            int n = tx.update(SAVED_FILTER).set(SAVED_FILTER.DEFINITION, json)
                    .where(SAVED_FILTER.SCREEN.eq(screen).and(SAVED_FILTER.NAME.eq(name))).execute();
            if (n == 0) {
                tx.insertInto(SAVED_FILTER).set(SAVED_FILTER.SCREEN, screen).set(SAVED_FILTER.NAME, name)
                        .set(SAVED_FILTER.DEFINITION, json).execute();
            }
        });
    }

    /** The screen's filters in the order they were saved (a chart deck's order). */
    public List<SavedFilter> inOrder(String screen) {
        return db.dsl().select(SAVED_FILTER.NAME, SAVED_FILTER.DEFINITION).from(SAVED_FILTER)
                .where(SAVED_FILTER.SCREEN.eq(screen)).orderBy(SAVED_FILTER.ID)
                .fetch(r -> new SavedFilter(r.value1(), r.value2()));
    }

    /**
     * Replaces all of the screen's filters by these, in this order, in one transaction (a reordered, renamed or
     * shortened chart deck). Rows are written anew so that their order is the order of the list.
     */
    public void replaceAll(String screen, List<SavedFilter> filters) {
        db.txRun(tx -> {
            tx.deleteFrom(SAVED_FILTER).where(SAVED_FILTER.SCREEN.eq(screen)).execute();
            for (SavedFilter f : filters) {
                tx.insertInto(SAVED_FILTER).set(SAVED_FILTER.SCREEN, screen).set(SAVED_FILTER.NAME, f.name())
                        .set(SAVED_FILTER.DEFINITION, f.definition()).execute();
            }
        });
    }
}
