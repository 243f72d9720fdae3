package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.IMPORT_MAPPING;

import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.data.Database;

/** Saved column mappings for imports (mapping profiles), by unique name, stored as JSON. */
public final class MappingRepository {
    public static final int MAX_NAME_LENGTH = 200;

    private final Database db;

    public MappingRepository(Database db) {
        this.db = db;
    }

    public List<String> names() {
        return db.dsl().select(IMPORT_MAPPING.NAME).from(IMPORT_MAPPING).orderBy(IMPORT_MAPPING.NAME)
                .fetch(IMPORT_MAPPING.NAME);
    }

    public Optional<String> find(String name) {
        return db.dsl().select(IMPORT_MAPPING.DEFINITION).from(IMPORT_MAPPING).where(IMPORT_MAPPING.NAME.eq(name))
                .fetchOptional(IMPORT_MAPPING.DEFINITION);
    }

    /** Saves or replaces the mapping with this name. */
    public void save(String name, String json) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Mappningens namn måste ha 1–" + MAX_NAME_LENGTH + " tecken.");
        }
        db.txRun(tx -> {
            int updated = tx.update(IMPORT_MAPPING).set(IMPORT_MAPPING.DEFINITION, json).where(IMPORT_MAPPING.NAME.eq(n))
                    .execute();
            if (updated == 0) {
                tx.insertInto(IMPORT_MAPPING).set(IMPORT_MAPPING.NAME, n).set(IMPORT_MAPPING.DEFINITION, json).execute();
            }
        });
    }

    public boolean delete(String name) {
        return db.tx(tx -> tx.deleteFrom(IMPORT_MAPPING).where(IMPORT_MAPPING.NAME.eq(name)).execute()) > 0;
    }
}
