package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.AUDIT_LOG;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.kvalitetshjulet.data.Actor;
import se.kvalitetshjulet.data.Database;

/**
 * Append-only audit trail. Repositories call {@link #append} inside the same transaction
 * as the change, so a change and its audit row are written together or not at all.
 */
public final class AuditTrail {
    public enum Action { INSERT, UPDATE, DELETE }

    /** One row of a record's history, as shown in the UI. */
    public record Entry(LocalDateTime at, String actor, String action, String beforeJson, String afterJson) { }

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Database db;
    private final Actor actor;

    public AuditTrail(Database db, Actor actor) {
        this.db = db;
        this.actor = actor;
    }

    public void append(DSLContext tx, String entity, long entityId, Action action, Record before, Record after) {
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.AT, LocalDateTime.now())
                .set(AUDIT_LOG.ACTOR, actor.get())
                .set(AUDIT_LOG.ENTITY, entity)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.ACTION, action.name())
                .set(AUDIT_LOG.BEFORE_JSON, toJson(before))
                .set(AUDIT_LOG.AFTER_JSON, toJson(after))
                .execute();
    }

    public List<Entry> history(String entity, long entityId) {
        return db.dsl().select(AUDIT_LOG.AT, AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.BEFORE_JSON, AUDIT_LOG.AFTER_JSON)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY.eq(entity).and(AUDIT_LOG.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_LOG.ID.desc())
                .fetch(r -> new Entry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public int count() {
        return db.dsl().fetchCount(AUDIT_LOG);
    }

    /**
     * Whether two versions of a record differ in anything but the ignored fields. jOOQ marks a
     * field changed whenever it is set, even to the same value, so "changed" alone would write
     * audit rows for saves that changed nothing.
     */
    public static boolean differs(Record before, Record after, org.jooq.Field<?>... ignored) {
        java.util.Set<String> skip = new java.util.HashSet<>();
        for (var f : ignored) {
            skip.add(f.getName());
        }
        for (var f : after.fields()) {
            if (!skip.contains(f.getName()) && !java.util.Objects.equals(before.get(f.getName()), after.get(f))) {
                return true;
            }
        }
        return false;
    }

    static String toJson(Record r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (var f : r.fields()) {
            map.put(f.getName(), r.get(f));
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
