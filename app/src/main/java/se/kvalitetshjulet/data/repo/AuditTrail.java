package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.audit.AuditVerification;
import se.kvalitetshjulet.domain.audit.AuditBreak;
import se.kvalitetshjulet.domain.audit.AuditChange;
import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.APP_SETTING;
import static se.kvalitetshjulet.data.jooq.Tables.AUDIT_LOG;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.kvalitetshjulet.domain.audit.Actor;
import se.kvalitetshjulet.data.AuditChain;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.DefaultSchema;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;

/**
 * Append-only audit trail. Repositories call {@link #append} inside the same transaction as the change, so a
 * change and its audit row are written together or not at all; one change, one row (a record and its children,
 * e.g. a deviation's causes, go into the same row). Each row carries the time from the injected clock with its
 * offset, the actor and where that name came from, the reason of an explicit step (reopening), and its link in
 * the hash chain ({@link AuditChain}). Identity numbers never stay in the before/after images, and names, phone
 * numbers and addresses are masked in free-text fields (data minimisation).
 */
public final class AuditTrail {
    /** Columns that change on every save and say nothing to a reader (the optimistic-lock version included). */
    private static final Set<String> IGNORED_IN_HISTORY = Set.of("updated_at", "id", "version");
    public static final String PURGED_TEXT = "[rensad enligt gallringsregeln]";
    /** Rows read at a time by the walks over the whole trail that write as they go (sealing, gallring). */
    static final int CHUNK = 500;

    /** Jackson made on the first audit row written or read, not when a database opens (decision 0039). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
    private static final Set<String> FREE_TEXT_FIELDS = freeTextFields();

    private final Database db;
    private final Actor actor;
    private final Clock clock;

    public AuditTrail(Database db, Actor actor) {
        this(db, actor, Clock.systemDefaultZone());
    }

    public AuditTrail(Database db, Actor actor, Clock clock) {
        this.db = db;
        this.actor = actor;
        this.clock = clock;
    }

    public void append(DSLContext tx, String entity, long entityId, AuditAction action, Record before, Record after) {
        append(tx, entity, entityId, action, before, after, null);
    }

    public void append(DSLContext tx, String entity, long entityId, AuditAction action, Record before, Record after,
                       String reason) {
        appendMaps(tx, entity, entityId, action, toMap(before), toMap(after), reason);
    }

    /**
     * One audit row from before/after images given as maps (a record with its children, e.g. "causes"); null for
     * the image that does not exist (insert, delete). The caller decides that something changed.
     */
    /** The name this trail writes as the actor (for columns that record who did something, e.g. registered_by). */
    public String actorName() {
        return actor.get();
    }

    public void appendMaps(DSLContext tx, String entity, long entityId, AuditAction action, Map<String, Object> before,
                           Map<String, Object> after, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String atText = now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String beforeJson = toJson(minimise(before));
        String afterJson = toJson(minimise(after));
        String who = actor.get();
        String source = actor.source();
        String why = reason == null ? null : PrivacyCheck.maskAll(reason.strip());
        if (db.engine().sealsAuditTrail()) {
            // PostgreSQL: the database names the login, takes the chain's lock and seals the row (decision 0029)
            tx.insertInto(AUDIT_LOG)
                    .set(AUDIT_LOG.AT, now.toLocalDateTime())
                    .set(AUDIT_LOG.AT_TEXT, atText)
                    .set(AUDIT_LOG.ACTOR, who)
                    .set(AUDIT_LOG.ACTOR_SOURCE, source)
                    .set(AUDIT_LOG.ENTITY, entity)
                    .set(AUDIT_LOG.ENTITY_ID, entityId)
                    .set(AUDIT_LOG.ACTION, action.name())
                    .set(AUDIT_LOG.BEFORE_JSON, beforeJson)
                    .set(AUDIT_LOG.AFTER_JSON, afterJson)
                    .set(AUDIT_LOG.REASON, why)
                    .execute();
            return;
        }
        String prev = chainTip(tx);
        String payload = AuditChain.payloadHash(beforeJson, afterJson);
        String hash = AuditChain.rowHash(prev, atText, who, source, entity, entityId, action.name(), why, payload);
        Long id = tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.AT, now.toLocalDateTime())
                .set(AUDIT_LOG.AT_TEXT, atText)
                .set(AUDIT_LOG.ACTOR, who)
                .set(AUDIT_LOG.ACTOR_SOURCE, source)
                .set(AUDIT_LOG.ENTITY, entity)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.ACTION, action.name())
                .set(AUDIT_LOG.BEFORE_JSON, beforeJson)
                .set(AUDIT_LOG.AFTER_JSON, afterJson)
                .set(AUDIT_LOG.REASON, why)
                .set(AUDIT_LOG.PAYLOAD_HASH, payload)
                .set(AUDIT_LOG.PREV_HASH, prev)
                .set(AUDIT_LOG.ROW_HASH, hash)
                .returningResult(AUDIT_LOG.ID)
                .fetchOne(AUDIT_LOG.ID);
        putHead(tx, AuditChain.head(id, hash));
    }

    /** The hash of the newest row; rows written before the chain existed (V12) are sealed first, once. */
    private String chainTip(DSLContext tx) {
        var last = tx.select(AUDIT_LOG.ID, AUDIT_LOG.ROW_HASH).from(AUDIT_LOG).orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchOne();
        if (last == null) {
            return AuditChain.GENESIS;
        }
        if (last.value2() == null) {
            return sealUnchained(tx);
        }
        return last.value2();
    }

    /**
     * Gives rows from before the chain (null row_hash) their hashes, in id order; returns the new tip. The trail is
     * read {@value #CHUNK} rows at a time (decision 0046): a register of a million deviations has millions of audit
     * rows, and their images do not fit in the heap at once.
     */
    private String sealUnchained(DSLContext tx) {
        String prev = AuditChain.GENESIS;
        long lastId = 0;
        while (true) {
            List<Record> rows = tx.select(AUDIT_LOG.asterisk()).from(AUDIT_LOG).where(AUDIT_LOG.ID.gt(lastId))
                    .orderBy(AUDIT_LOG.ID).limit(CHUNK).fetch();
            if (rows.isEmpty()) {
                break;
            }
            for (Record r : rows) {
                if (r.get(AUDIT_LOG.ROW_HASH) != null) {
                    prev = r.get(AUDIT_LOG.ROW_HASH);
                    lastId = r.get(AUDIT_LOG.ID);
                    continue;
                }
                prev = seal(tx, r, prev);
                lastId = r.get(AUDIT_LOG.ID);
            }
        }
        putHead(tx, AuditChain.head(lastId, prev));
        return prev;
    }

    /** Seals one row from before the chain after {@code prev}; returns its hash. */
    private static String seal(DSLContext tx, Record r, String prev) {
        String atText = r.get(AUDIT_LOG.AT_TEXT) != null ? r.get(AUDIT_LOG.AT_TEXT) : r.get(AUDIT_LOG.AT).toString();
        String payload = AuditChain.payloadHash(r.get(AUDIT_LOG.BEFORE_JSON), r.get(AUDIT_LOG.AFTER_JSON));
        String hash = AuditChain.rowHash(prev, atText, r.get(AUDIT_LOG.ACTOR), r.get(AUDIT_LOG.ACTOR_SOURCE),
                r.get(AUDIT_LOG.ENTITY), r.get(AUDIT_LOG.ENTITY_ID), r.get(AUDIT_LOG.ACTION), r.get(AUDIT_LOG.REASON),
                payload);
        tx.update(AUDIT_LOG).set(AUDIT_LOG.AT_TEXT, atText).set(AUDIT_LOG.PAYLOAD_HASH, payload)
                .set(AUDIT_LOG.PREV_HASH, prev).set(AUDIT_LOG.ROW_HASH, hash)
                .where(AUDIT_LOG.ID.eq(r.get(AUDIT_LOG.ID))).execute();
        return hash;
    }

    /** Seals rows from before the chain, if any (e.g. right after the upgrade), so verify covers them. */
    public void sealLegacyRows() {
        if (db.engine().sealsAuditTrail()) {
            return; // the server seals every row itself; a migrated file's rows arrive sealed
        }
        db.txRun(tx -> {
            if (tx.fetchExists(tx.selectOne().from(AUDIT_LOG).where(AUDIT_LOG.ROW_HASH.isNull()))) {
                sealUnchained(tx);
            }
        });
    }

    private static void putHead(DSLContext tx, String head) {
        int n = tx.update(APP_SETTING).set(APP_SETTING.SETTING_VALUE, head)
                .where(APP_SETTING.SETTING_KEY.eq(AuditChain.HEAD_SETTING)).execute();
        if (n == 0) {
            tx.insertInto(APP_SETTING).set(APP_SETTING.SETTING_KEY, AuditChain.HEAD_SETTING)
                    .set(APP_SETTING.SETTING_VALUE, head).execute();
        }
    }

    /**
     * Walks the whole trail in id order and recomputes every link: a row edited, inserted or deleted outside the
     * application, or the newest rows removed, shows as a break.
     */
    public AuditVerification verify() {
        List<AuditBreak> breaks = new ArrayList<>();
        long rows = 0;
        long purged = 0;
        String prev = AuditChain.GENESIS;
        long lastId = 0;
        try (Cursor<Record> cursor = db.dsl().select(AUDIT_LOG.asterisk()).from(AUDIT_LOG).orderBy(AUDIT_LOG.ID)
                .fetchSize(1000).fetchLazy()) {
            for (Record r : cursor) {
                rows++;
                long id = r.get(AUDIT_LOG.ID);
                String rowHash = r.get(AUDIT_LOG.ROW_HASH);
                if (rowHash == null) {
                    breaks.add(new AuditBreak(id, "raden saknar kedjehash (skriven utanför programmet?)"));
                    prev = "?";
                    lastId = id;
                    continue;
                }
                boolean isPurged = r.get(AUDIT_LOG.PURGED_ON) != null;
                if (isPurged) {
                    purged++;
                } else if (!AuditChain.payloadHash(r.get(AUDIT_LOG.BEFORE_JSON), r.get(AUDIT_LOG.AFTER_JSON))
                        .equals(r.get(AUDIT_LOG.PAYLOAD_HASH))) {
                    breaks.add(new AuditBreak(id, "före/efter-bilden har ändrats i efterhand"));
                }
                if (!prev.equals(r.get(AUDIT_LOG.PREV_HASH))) {
                    breaks.add(new AuditBreak(id, "kedjan bryts före raden: en rad före den har tagits bort eller lagts till"));
                }
                String expected = AuditChain.rowHash(r.get(AUDIT_LOG.PREV_HASH), r.get(AUDIT_LOG.AT_TEXT),
                        r.get(AUDIT_LOG.ACTOR), r.get(AUDIT_LOG.ACTOR_SOURCE), r.get(AUDIT_LOG.ENTITY),
                        r.get(AUDIT_LOG.ENTITY_ID), r.get(AUDIT_LOG.ACTION), r.get(AUDIT_LOG.REASON),
                        r.get(AUDIT_LOG.PAYLOAD_HASH));
                if (!expected.equals(rowHash)) {
                    breaks.add(new AuditBreak(id, "raden har ändrats i efterhand (tid, vem, vad eller skäl)"));
                }
                prev = rowHash;
                lastId = id;
            }
        }
        String head = db.dsl().select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(AuditChain.HEAD_SETTING)).fetchOne(APP_SETTING.SETTING_VALUE);
        if (rows > 0 || head != null) {
            String expectedHead = AuditChain.head(lastId, prev);
            if (head == null) {
                breaks.add(new AuditBreak(0, "kedjans slutpunkt saknas"));
            } else if (!head.equals(expectedHead)) {
                breaks.add(new AuditBreak(0, "kedjans slutpunkt stämmer inte: de senaste raderna har tagits bort eller ändrats"
                        + " (väntad " + head.substring(0, Math.min(head.length(), 20)) + "…)"));
            }
        }
        return new AuditVerification(rows, purged, breaks);
    }

    /**
     * Gallring: replaces the free-text values of audit rows older than {@code cutoff} by a marker, keeping who,
     * when and which fields changed; the payload hash keeps the chain verifiable. Returns the rows purged.
     */
    public int purgeFreeTextBefore(LocalDate cutoff, LocalDate today) {
        // one transaction (all or nothing), read CHUNK rows at a time in id order (decision 0046): the first gallring
        // of a register with years of history touches millions of rows, whose images would not fit in the heap at once
        return db.tx(tx -> {
            int n = 0;
            long after = 0;
            while (true) {
                var rows = tx.select(AUDIT_LOG.ID, AUDIT_LOG.BEFORE_JSON, AUDIT_LOG.AFTER_JSON).from(AUDIT_LOG)
                        .where(AUDIT_LOG.AT.lt(cutoff.atStartOfDay()).and(AUDIT_LOG.PURGED_ON.isNull())
                                .and(AUDIT_LOG.ID.gt(after)))
                        .orderBy(AUDIT_LOG.ID).limit(CHUNK).fetch();
                if (rows.isEmpty()) {
                    return n;
                }
                for (var r : rows) {
                    tx.update(AUDIT_LOG).set(AUDIT_LOG.BEFORE_JSON, purge(r.value2()))
                            .set(AUDIT_LOG.AFTER_JSON, purge(r.value3()))
                            .set(AUDIT_LOG.PURGED_ON, today).where(AUDIT_LOG.ID.eq(r.value1())).execute();
                    n++;
                    after = r.value1();
                }
            }
        });
    }

    private static String purge(String json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> m = parse(json);
        for (var e : m.entrySet()) {
            if (e.getValue() instanceof String && FREE_TEXT_FIELDS.contains(e.getKey())) {
                e.setValue(PURGED_TEXT);
            }
        }
        return toJson(m);
    }

    /** The fields that differ between a before and an after image, in column order. */
    static List<AuditChange> changes(String beforeJson, String afterJson) {
        Map<String, Object> b = parse(beforeJson);
        Map<String, Object> a = parse(afterJson);
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        List<AuditChange> out = new ArrayList<>();
        for (String k : keys) {
            if (IGNORED_IN_HISTORY.contains(k)) {
                continue;
            }
            Object bv = b.get(k);
            Object av = a.get(k);
            if (!Objects.equals(bv, av)) {
                out.add(new AuditChange(k, bv, av));
            }
        }
        return List.copyOf(out);
    }

    public List<AuditEntry> history(String entity, long entityId) {
        return db.dsl().select(AUDIT_LOG.AT, AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.BEFORE_JSON, AUDIT_LOG.AFTER_JSON,
                        AUDIT_LOG.AT_TEXT, AUDIT_LOG.ACTOR_SOURCE, AUDIT_LOG.REASON)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY.eq(entity).and(AUDIT_LOG.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_LOG.ID.desc())
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), changes(r.value4(), r.value5())));
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
        Set<String> skip = new HashSet<>();
        for (var f : ignored) {
            skip.add(f.getName());
        }
        for (var f : after.fields()) {
            if (!skip.contains(f.getName()) && !Objects.equals(before.get(f.getName()), after.get(f))) {
                return true;
            }
        }
        return false;
    }

    /** A record as an ordered map of column name to value (the audit image). */
    public static Map<String, Object> toMap(Record r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (var f : r.fields()) {
            map.put(f.getName(), r.get(f));
        }
        return map;
    }

    /**
     * Data minimisation: identity numbers are masked in every value; names, phone numbers and addresses in the
     * free-text fields (long text columns and titles). The record itself holds the current text.
     */
    static Map<String, Object> minimise(Map<String, Object> image) {
        if (image == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : image.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s && !s.isEmpty()) {
                v = FREE_TEXT_FIELDS.contains(e.getKey()) ? PrivacyCheck.maskAll(s)
                        : PrivacyCheck.mask(s, java.util.EnumSet.of(PrivacyCheck.Kind.IDENTITY_NUMBER));
            } else if (v instanceof java.util.Collection<?> c) {
                // A child list (e.g. a response's changed answers with their comments) is free text.
                v = c.stream().map(x -> x instanceof String s ? PrivacyCheck.maskAll(s) : x).toList();
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** Columns of free text in the schema: long text (CLOB) and the titles. */
    private static Set<String> freeTextFields() {
        Set<String> out = new HashSet<>();
        for (var t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (var f : t.fields()) {
                var type = f.getDataType();
                if (type.getType() == String.class && (type.isLob() || f.getName().equals("title")
                        || type.length() >= 300)) {
                    out.add(f.getName());
                }
            }
        }
        out.remove("before_json");
        out.remove("after_json");
        return Set.copyOf(out);
    }

    static String toJson(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toJson(Record r) {
        return toJson(toMap(r));
    }

    private static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }
}
