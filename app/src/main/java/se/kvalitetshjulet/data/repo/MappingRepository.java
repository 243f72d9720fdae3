package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.IMPORT_MAPPING;

import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.audit.AuditAction;

/** Saved column mappings for imports (mapping profiles), by unique name, stored as JSON. */
public final class MappingRepository {
    public static final int MAX_NAME_LENGTH = 200;

    static final String ENTITY = "import_mapping";

    private final Database db;
    private final AuditTrail audit;

    /** For reading only: {@link #save} and {@link #delete} need the audit trail (decision 0035). */
    public MappingRepository(Database db) {
        this(db, null);
    }

    public MappingRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    private AuditTrail audit() {
        if (audit == null) {
            throw new IllegalStateException("MappingRepository utan historik kan bara läsa.");
        }
        return audit;
    }

    /** A mapping's audit image: its name and definition (the id is the same row's, so the name says which). */
    private static java.util.Map<String, Object> image(String name, String json) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        m.put("definition", json);
        return m;
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
        AuditTrail trail = audit();
        db.txRun(tx -> {
            var before = tx.selectFrom(IMPORT_MAPPING).where(IMPORT_MAPPING.NAME.eq(n)).fetchOne();
            if (before == null) {
                long id = tx.insertInto(IMPORT_MAPPING).set(IMPORT_MAPPING.NAME, n).set(IMPORT_MAPPING.DEFINITION, json)
                        .returning(IMPORT_MAPPING.ID).fetchOne().getId();
                trail.appendMaps(tx, ENTITY, id, AuditAction.INSERT, null, image(n, json), null);
            } else if (!before.getDefinition().equals(json)) {
                tx.update(IMPORT_MAPPING).set(IMPORT_MAPPING.DEFINITION, json).where(IMPORT_MAPPING.NAME.eq(n)).execute();
                trail.appendMaps(tx, ENTITY, before.getId(), AuditAction.UPDATE, image(n, before.getDefinition()),
                        image(n, json), null);
            }
        });
    }

    public boolean delete(String name) {
        AuditTrail trail = audit();
        return db.tx(tx -> {
            var before = tx.selectFrom(IMPORT_MAPPING).where(IMPORT_MAPPING.NAME.eq(name)).fetchOne();
            if (before == null) {
                return false;
            }
            tx.deleteFrom(IMPORT_MAPPING).where(IMPORT_MAPPING.ID.eq(before.getId())).execute();
            trail.appendMaps(tx, ENTITY, before.getId(), AuditAction.DELETE, image(name, before.getDefinition()), null,
                    null);
            return true;
        });
    }
}
