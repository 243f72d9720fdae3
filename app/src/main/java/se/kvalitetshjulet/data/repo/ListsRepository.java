package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.BUSINESS_AREA;
import static se.kvalitetshjulet.data.jooq.Tables.CAUSE_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_MEETING;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_TYPE;
import static se.kvalitetshjulet.data.jooq.Tables.DEADLINE_RULE;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CAUSE;
import static se.kvalitetshjulet.data.jooq.Tables.LEGAL_LAW;
import static se.kvalitetshjulet.data.jooq.Tables.LEGAL_REFERENCE;
import static se.kvalitetshjulet.data.jooq.Tables.MEASURE_TYPE;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_ANALYSIS;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_REASON;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ROUND;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.lists.DeadlineRule;
import se.kvalitetshjulet.domain.lists.LawEntry;
import se.kvalitetshjulet.domain.lists.LegalReference;
import se.kvalitetshjulet.domain.lists.ListEntry;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.lists.ListsConfig;

/**
 * All SQL of "Listor och regler": the simple lists, deadline rules, laws and legal references; rename, retire and
 * merge with their audit rows; and applying a whole configuration read from a file (decision 0015).
 */
public final class ListsRepository {
    /** One change applied (or, when rejected, that would have been applied), in Swedish. */
    public record Change(String what) { }

    private record Shape(Table<?> table, Field<Long> id, Field<String> code, Field<String> name, Field<Boolean> active,
                         Field<Long> sort) { }

    private final Database db;
    private final AuditTrail audit;

    public ListsRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    private static Shape shape(ListKind k) {
        return switch (k) {
            case BUSINESS_AREA -> new Shape(BUSINESS_AREA, BUSINESS_AREA.ID, BUSINESS_AREA.CODE, BUSINESS_AREA.NAME,
                    BUSINESS_AREA.ACTIVE, BUSINESS_AREA.SORT_ORDER);
            case DEVIATION_CATEGORY -> new Shape(DEVIATION_CATEGORY, DEVIATION_CATEGORY.ID, null, DEVIATION_CATEGORY.NAME,
                    DEVIATION_CATEGORY.ACTIVE, null);
            case CAUSE -> new Shape(CAUSE_CATEGORY, CAUSE_CATEGORY.ID, null, CAUSE_CATEGORY.NAME, CAUSE_CATEGORY.ACTIVE, null);
            case MEASURE_TYPE -> new Shape(MEASURE_TYPE, MEASURE_TYPE.ID, null, MEASURE_TYPE.NAME, MEASURE_TYPE.ACTIVE, null);
            case RISK_REASON -> new Shape(RISK_REASON, RISK_REASON.ID, RISK_REASON.CODE, RISK_REASON.NAME, RISK_REASON.ACTIVE,
                    RISK_REASON.SORT_ORDER);
            case COUNCIL_TYPE -> new Shape(COUNCIL_TYPE, COUNCIL_TYPE.ID, COUNCIL_TYPE.CODE, COUNCIL_TYPE.NAME,
                    COUNCIL_TYPE.ACTIVE, COUNCIL_TYPE.SORT_ORDER);
        };
    }

    private static String entity(ListKind k) {
        return shape(k).table().getName();
    }

    // ---------------------------------------------------------------- reading

    public ListsConfig read() {
        return read(db.dsl());
    }

    public ListsConfig read(DSLContext q) {
        Map<ListKind, List<ListEntry>> lists = new EnumMap<>(ListKind.class);
        for (ListKind k : ListKind.values()) {
            lists.put(k, entries(q, k));
        }
        List<DeadlineRule> deadlines = q.selectFrom(DEADLINE_RULE).fetch(r -> new DeadlineRule(r.getKind(),
                r.getDays().intValue(), r.getLegalReference()));
        List<LawEntry> laws = q.selectFrom(LEGAL_LAW).fetch(r -> new LawEntry(r.getCode(), r.getName(),
                r.getSortOrder().intValue()));
        return new ListsConfig(lists, deadlines, laws, references(q));
    }

    public List<ListEntry> entries(ListKind k) {
        return entries(db.dsl(), k);
    }

    private static List<ListEntry> entries(DSLContext q, ListKind k) {
        Shape s = shape(k);
        List<Field<?>> fields = new ArrayList<>(List.of(s.id(), s.name(), s.active()));
        if (s.code() != null) {
            fields.add(s.code());
            fields.add(s.sort());
        }
        return q.select(fields).from(s.table()).orderBy(s.sort() != null ? s.sort() : s.name(), s.name())
                .fetch(r -> new ListEntry(r.get(s.id()), s.code() == null ? null : r.get(s.code()), r.get(s.name()),
                        Boolean.TRUE.equals(r.get(s.active())), s.sort() == null ? 0 : r.get(s.sort()).intValue()));
    }

    public List<LegalReference> references() {
        return references(db.dsl());
    }

    private static List<LegalReference> references(DSLContext q) {
        return q.selectFrom(LEGAL_REFERENCE).orderBy(LEGAL_REFERENCE.LAW_CODE, LEGAL_REFERENCE.VALID_FROM)
                .fetch(r -> new LegalReference(r.getId(), r.getLawCode(), r.getCitation(), r.getValidFrom(), r.getValidTo()));
    }

    /** How many records use the entry: deviations, causes, actions, units, rounds, analyses or meetings. */
    public int usage(ListKind k, long id) {
        return usage(db.dsl(), k, id);
    }

    private static int usage(DSLContext q, ListKind k, long id) {
        return switch (k) {
            case BUSINESS_AREA -> q.fetchCount(UNIT, UNIT.BUSINESS_AREA_ID.eq(id))
                    + q.fetchCount(SELF_CHECK_ROUND, SELF_CHECK_ROUND.SCOPE_BUSINESS_AREA_ID.eq(id));
            case DEVIATION_CATEGORY -> q.fetchCount(DEVIATION, DEVIATION.CATEGORY_ID.eq(id));
            case CAUSE -> q.fetchCount(DEVIATION_CAUSE, DEVIATION_CAUSE.CAUSE_CATEGORY_ID.eq(id));
            case MEASURE_TYPE -> q.fetchCount(ACTION_ITEM, ACTION_ITEM.MEASURE_TYPE_ID.eq(id));
            case RISK_REASON -> q.fetchCount(RISK_ANALYSIS, RISK_ANALYSIS.TRIGGER_KIND.eq(
                    q.select(RISK_REASON.CODE).from(RISK_REASON).where(RISK_REASON.ID.eq(id))));
            case COUNCIL_TYPE -> q.fetchCount(COUNCIL_MEETING, COUNCIL_MEETING.COUNCIL_TYPE_ID.eq(id));
        };
    }

    // ---------------------------------------------------------------- single edits (the screen)

    public long add(ListKind k, String code, String name) {
        return db.tx(tx -> {
            Shape s = shape(k);
            int next = s.sort() == null ? 0 : tx.fetchCount(s.table()) + 1;
            return insert(tx, k, new ListEntry(null, code, name.strip(), true, next));
        });
    }

    /** Renames an entry; its records keep pointing at it, so its statistics stay whole. */
    public void rename(ListKind k, long id, String newName) {
        db.txRun(tx -> update(tx, k, id, e -> e.withName(newName.strip())));
    }

    /** Retires (or brings back) an entry: retired entries are not offered for new records but still shown on old ones. */
    public void setActive(ListKind k, long id, boolean active) {
        db.txRun(tx -> update(tx, k, id, e -> new ListEntry(e.id(), e.code(), e.name(), active, e.sortOrder())));
    }

    /** Moves a coded entry one step up ({@code -1}) or down ({@code +1}) in the coordinator's order. */
    public void move(ListKind k, long id, int direction) {
        db.txRun(tx -> {
            List<ListEntry> all = new ArrayList<>(entries(tx, k));
            int i = indexOf(all, id);
            int j = i + direction;
            if (i < 0 || j < 0 || j >= all.size()) {
                return;
            }
            ListEntry a = all.get(i);
            all.set(i, all.get(j));
            all.set(j, a);
            for (int n = 0; n < all.size(); n++) {
                int pos = n + 1;
                ListEntry e = all.get(n);
                if (e.sortOrder() != pos) {
                    update(tx, k, e.id(), x -> new ListEntry(x.id(), x.code(), x.name(), x.active(), pos));
                }
            }
        });
    }

    /**
     * Merges entry {@code fromId} into {@code intoId}: every record of {@code fromId} is moved (each with an audit
     * row), then {@code fromId} is removed with an audit row naming where its records went. Returns the records moved.
     */
    public int merge(ListKind k, long fromId, long intoId) {
        if (!k.mergeable() || fromId == intoId) {
            throw new IllegalArgumentException("Kan inte slå ihop " + k + " " + fromId + " med " + intoId);
        }
        return db.tx(tx -> {
            Shape s = shape(k);
            Record from = tx.selectFrom(s.table()).where(s.id().eq(fromId)).fetchOne();
            Record into = tx.selectFrom(s.table()).where(s.id().eq(intoId)).fetchOne();
            if (from == null || into == null) {
                throw new IllegalStateException("Posten finns inte längre.");
            }
            int moved;
            switch (k) {
                case DEVIATION_CATEGORY -> {
                    List<Long> ids = tx.select(DEVIATION.ID).from(DEVIATION).where(DEVIATION.CATEGORY_ID.eq(fromId))
                            .fetch(DEVIATION.ID);
                    tx.update(DEVIATION).set(DEVIATION.CATEGORY_ID, intoId).where(DEVIATION.CATEGORY_ID.eq(fromId)).execute();
                    for (long d : ids) {
                        audit.append(tx, "deviation", d, AuditAction.UPDATE, pair("category_id", fromId),
                                pair("category_id", intoId));
                    }
                    moved = ids.size();
                }
                case CAUSE -> {
                    List<Long> ids = tx.select(DEVIATION_CAUSE.DEVIATION_ID).from(DEVIATION_CAUSE)
                            .where(DEVIATION_CAUSE.CAUSE_CATEGORY_ID.eq(fromId)).fetch(DEVIATION_CAUSE.DEVIATION_ID);
                    for (long d : ids) {
                        boolean hasInto = tx.fetchExists(DEVIATION_CAUSE, DEVIATION_CAUSE.DEVIATION_ID.eq(d)
                                .and(DEVIATION_CAUSE.CAUSE_CATEGORY_ID.eq(intoId)));
                        if (!hasInto) {
                            tx.insertInto(DEVIATION_CAUSE).set(DEVIATION_CAUSE.DEVIATION_ID, d)
                                    .set(DEVIATION_CAUSE.CAUSE_CATEGORY_ID, intoId).execute();
                        }
                        audit.append(tx, "deviation", d, AuditAction.UPDATE, pair("cause_category_id", fromId),
                                pair("cause_category_id", intoId));
                    }
                    tx.deleteFrom(DEVIATION_CAUSE).where(DEVIATION_CAUSE.CAUSE_CATEGORY_ID.eq(fromId)).execute();
                    moved = ids.size();
                }
                case MEASURE_TYPE -> {
                    List<Long> ids = tx.select(ACTION_ITEM.ID).from(ACTION_ITEM).where(ACTION_ITEM.MEASURE_TYPE_ID.eq(fromId))
                            .fetch(ACTION_ITEM.ID);
                    tx.update(ACTION_ITEM).set(ACTION_ITEM.MEASURE_TYPE_ID, intoId)
                            .set(ACTION_ITEM.VERSION, ACTION_ITEM.VERSION.plus(1))
                            .where(ACTION_ITEM.MEASURE_TYPE_ID.eq(fromId)).execute();
                    for (long a : ids) {
                        audit.append(tx, "action_item", a, AuditAction.UPDATE, pair("measure_type_id", fromId),
                                pair("measure_type_id", intoId));
                    }
                    moved = ids.size();
                }
                default -> throw new IllegalArgumentException(k.name());
            }
            tx.deleteFrom(s.table()).where(s.id().eq(fromId)).execute();
            Record note = DSL.using(SQLDialect.SQLITE).newRecord(DSL.field("merged_into_id", Long.class),
                    DSL.field("merged_into_name", String.class), DSL.field("records_moved", Integer.class));
            note.set(DSL.field("merged_into_id", Long.class), intoId);
            note.set(DSL.field("merged_into_name", String.class), into.get(s.name()));
            note.set(DSL.field("records_moved", Integer.class), moved);
            audit.append(tx, entity(k), fromId, AuditAction.DELETE, from, note);
            return moved;
        });
    }

    public void saveDeadline(DeadlineRule rule) {
        db.txRun(tx -> saveDeadline(tx, rule));
    }

    public void saveReference(LegalReference ref) {
        db.txRun(tx -> saveReference(tx, ref));
    }

    public void deleteReference(long id) {
        db.txRun(tx -> {
            Record before = tx.selectFrom(LEGAL_REFERENCE).where(LEGAL_REFERENCE.ID.eq(id)).fetchOne();
            if (before != null) {
                tx.deleteFrom(LEGAL_REFERENCE).where(LEGAL_REFERENCE.ID.eq(id)).execute();
                audit.append(tx, "legal_reference", id, AuditAction.DELETE, before, null);
            }
        });
    }

    // ---------------------------------------------------------------- applying a whole configuration (the file)

    /**
     * Makes the database's lists equal to {@code cfg} inside {@code tx}: entries matched by code (coded lists) or
     * by name are updated, new ones added; entries the file leaves out are removed when no record uses them and
     * retired when some do, so history stays readable. Every change has its audit row. Throws
     * {@link IllegalArgumentException} with a Swedish message when the file would remove a law still in use.
     */
    public List<Change> apply(DSLContext tx, ListsConfig cfg) {
        List<Change> changes = new ArrayList<>();
        for (ListKind k : ListKind.values()) {
            applyList(tx, k, cfg.list(k), changes);
        }
        Map<String, DeadlineRule> current = new HashMap<>();
        tx.selectFrom(DEADLINE_RULE).forEach(r -> current.put(r.getKind(), new DeadlineRule(r.getKind(),
                r.getDays().intValue(), r.getLegalReference())));
        for (DeadlineRule d : cfg.deadlines()) {
            DeadlineRule old = current.remove(d.kind());
            if (!d.equals(old)) {
                saveDeadline(tx, d);
                changes.add(new Change((old == null ? "Ny frist: " : "Ändrad frist: ") + d.kind() + " " + d.days() + " dagar"));
            }
        }
        for (String gone : current.keySet()) {
            Record before = tx.selectFrom(DEADLINE_RULE).where(DEADLINE_RULE.KIND.eq(gone)).fetchOne();
            tx.deleteFrom(DEADLINE_RULE).where(DEADLINE_RULE.KIND.eq(gone)).execute();
            audit.append(tx, "deadline_rule", 0, AuditAction.DELETE, before, null);
            changes.add(new Change("Borttagen frist (standardfristen gäller): " + gone));
        }
        applyLaws(tx, cfg, changes);
        return changes;
    }

    private void applyList(DSLContext tx, ListKind k, List<ListEntry> wanted, List<Change> changes) {
        List<ListEntry> existing = entries(tx, k);
        Map<String, ListEntry> byKey = new HashMap<>();
        for (ListEntry e : existing) {
            byKey.put(key(k, e), e);
        }
        int pos = 0;
        for (ListEntry w : wanted) {
            pos++;
            ListEntry target = new ListEntry(null, w.code(), w.name().strip(), w.active(), k.coded() ? pos : 0);
            ListEntry old = byKey.remove(key(k, target));
            if (old == null) {
                insert(tx, k, target);
                changes.add(new Change("Ny post i " + k.fileKey() + ": " + target.name()));
            } else if (!same(old, target)) {
                update(tx, k, old.id(), e -> new ListEntry(e.id(), e.code(), target.name(), target.active(), target.sortOrder()));
                changes.add(new Change("Ändrad post i " + k.fileKey() + ": " + target.name()
                        + (old.active() && !target.active() ? " (avaktiverad)" : "")));
            }
        }
        Shape s = shape(k);
        for (ListEntry gone : byKey.values()) {
            int used = usage(tx, k, gone.id());
            if (used > 0) {
                if (gone.active()) {
                    update(tx, k, gone.id(), e -> new ListEntry(e.id(), e.code(), e.name(), false, e.sortOrder()));
                    changes.add(new Change("Avaktiverad i " + k.fileKey() + " (används av " + used + " poster): " + gone.name()));
                }
            } else {
                Record before = tx.selectFrom(s.table()).where(s.id().eq(gone.id())).fetchOne();
                tx.deleteFrom(s.table()).where(s.id().eq(gone.id())).execute();
                audit.append(tx, entity(k), gone.id(), AuditAction.DELETE, before, null);
                changes.add(new Change("Borttagen ur " + k.fileKey() + ": " + gone.name()));
            }
        }
    }

    private void applyLaws(DSLContext tx, ListsConfig cfg, List<Change> changes) {
        Map<String, LawEntry> laws = new HashMap<>();
        tx.selectFrom(LEGAL_LAW).forEach(r -> laws.put(r.getCode(), new LawEntry(r.getCode(), r.getName(),
                r.getSortOrder().intValue())));
        int pos = 0;
        for (LawEntry l : cfg.laws()) {
            pos++;
            LawEntry target = new LawEntry(l.code(), l.name().strip(), pos);
            LawEntry old = laws.remove(l.code());
            if (old == null) {
                tx.insertInto(LEGAL_LAW).set(LEGAL_LAW.CODE, target.code()).set(LEGAL_LAW.NAME, target.name())
                        .set(LEGAL_LAW.SORT_ORDER, (long) pos).execute();
                audit.append(tx, "legal_law", 0, AuditAction.INSERT, null,
                        tx.selectFrom(LEGAL_LAW).where(LEGAL_LAW.CODE.eq(target.code())).fetchOne());
                changes.add(new Change("Ny lag: " + target.code() + " " + target.name()));
            } else if (!old.equals(target)) {
                Record before = tx.selectFrom(LEGAL_LAW).where(LEGAL_LAW.CODE.eq(target.code())).fetchOne();
                tx.update(LEGAL_LAW).set(LEGAL_LAW.NAME, target.name()).set(LEGAL_LAW.SORT_ORDER, (long) pos)
                        .where(LEGAL_LAW.CODE.eq(target.code())).execute();
                audit.append(tx, "legal_law", 0, AuditAction.UPDATE, before,
                        tx.selectFrom(LEGAL_LAW).where(LEGAL_LAW.CODE.eq(target.code())).fetchOne());
                changes.add(new Change("Ändrad lag: " + target.code() + " " + target.name()));
            }
        }
        Map<String, LegalReference> refs = new HashMap<>();
        for (LegalReference r : references(tx)) {
            refs.put(r.lawCode() + "\u0000" + r.citation(), r);
        }
        for (LegalReference r : cfg.references()) {
            LegalReference old = refs.remove(r.lawCode() + "\u0000" + r.citation().strip());
            LegalReference target = new LegalReference(old == null ? null : old.id(), r.lawCode(), r.citation().strip(),
                    r.validFrom(), r.validTo());
            if (old == null || !Objects.equals(old, target)) {
                saveReference(tx, target);
                changes.add(new Change((old == null ? "Nytt lagrum: " : "Ändrat lagrum: ") + target.citation()));
            }
        }
        for (LegalReference gone : refs.values()) {
            Record before = tx.selectFrom(LEGAL_REFERENCE).where(LEGAL_REFERENCE.ID.eq(gone.id())).fetchOne();
            tx.deleteFrom(LEGAL_REFERENCE).where(LEGAL_REFERENCE.ID.eq(gone.id())).execute();
            audit.append(tx, "legal_reference", gone.id(), AuditAction.DELETE, before, null);
            changes.add(new Change("Borttaget lagrum: " + gone.citation()));
        }
        for (String gone : laws.keySet()) {
            int used = tx.fetchCount(DEVIATION, DEVIATION.LAW.eq(gone));
            if (used > 0) {
                throw new IllegalArgumentException("Lagen " + gone + " saknas i filen men används av " + used
                        + " avvikelser. Ta med lagen i filen.");
            }
            Record before = tx.selectFrom(LEGAL_LAW).where(LEGAL_LAW.CODE.eq(gone)).fetchOne();
            tx.deleteFrom(LEGAL_LAW).where(LEGAL_LAW.CODE.eq(gone)).execute();
            audit.append(tx, "legal_law", 0, AuditAction.DELETE, before, null);
            changes.add(new Change("Borttagen lag: " + gone));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String key(ListKind k, ListEntry e) {
        return k.coded() ? e.code() : e.name().strip().toLowerCase(Locale.ROOT);
    }

    private static boolean same(ListEntry a, ListEntry b) {
        return a.name().equals(b.name()) && a.active() == b.active() && a.sortOrder() == b.sortOrder()
                && Objects.equals(a.code(), b.code());
    }

    private static int indexOf(List<ListEntry> all, long id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private long insert(DSLContext tx, ListKind k, ListEntry e) {
        Shape s = shape(k);
        var ins = tx.insertInto(s.table()).set(s.name(), e.name()).set(s.active(), e.active());
        if (s.code() != null) {
            ins = ins.set(s.code(), e.code()).set(s.sort(), (long) e.sortOrder());
        }
        long id = ins.returning(s.id()).fetchOne().get(s.id());
        audit.append(tx, entity(k), id, AuditAction.INSERT, null,
                tx.selectFrom(s.table()).where(s.id().eq(id)).fetchOne());
        return id;
    }

    private void update(DSLContext tx, ListKind k, long id, java.util.function.UnaryOperator<ListEntry> change) {
        Shape s = shape(k);
        Record before = tx.selectFrom(s.table()).where(s.id().eq(id)).fetchOne();
        if (before == null) {
            throw new IllegalStateException("Posten finns inte längre (id " + id + ").");
        }
        ListEntry old = entries(tx, k).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        ListEntry now = change.apply(old);
        if (same(old, now)) {
            return;
        }
        var upd = tx.update(s.table()).set(s.name(), now.name()).set(s.active(), now.active());
        if (s.sort() != null) {
            upd = upd.set(s.sort(), (long) now.sortOrder());
        }
        upd.where(s.id().eq(id)).execute();
        audit.append(tx, entity(k), id, AuditAction.UPDATE, before,
                tx.selectFrom(s.table()).where(s.id().eq(id)).fetchOne());
    }

    private void saveDeadline(DSLContext tx, DeadlineRule d) {
        Record before = tx.selectFrom(DEADLINE_RULE).where(DEADLINE_RULE.KIND.eq(d.kind())).fetchOne();
        if (before == null) {
            tx.insertInto(DEADLINE_RULE).set(DEADLINE_RULE.KIND, d.kind()).set(DEADLINE_RULE.DAYS, (long) d.days())
                    .set(DEADLINE_RULE.LEGAL_REFERENCE, blankToNull(d.legalReference())).execute();
        } else {
            tx.update(DEADLINE_RULE).set(DEADLINE_RULE.DAYS, (long) d.days())
                    .set(DEADLINE_RULE.LEGAL_REFERENCE, blankToNull(d.legalReference()))
                    .where(DEADLINE_RULE.KIND.eq(d.kind())).execute();
        }
        audit.append(tx, "deadline_rule", 0, before == null ? AuditAction.INSERT : AuditAction.UPDATE, before,
                tx.selectFrom(DEADLINE_RULE).where(DEADLINE_RULE.KIND.eq(d.kind())).fetchOne());
    }

    private void saveReference(DSLContext tx, LegalReference r) {
        if (r.id() == null) {
            long id = tx.insertInto(LEGAL_REFERENCE).set(LEGAL_REFERENCE.LAW_CODE, r.lawCode())
                    .set(LEGAL_REFERENCE.CITATION, r.citation().strip()).set(LEGAL_REFERENCE.VALID_FROM, r.validFrom())
                    .set(LEGAL_REFERENCE.VALID_TO, r.validTo()).returning(LEGAL_REFERENCE.ID).fetchOne().getId();
            audit.append(tx, "legal_reference", id, AuditAction.INSERT, null,
                    tx.selectFrom(LEGAL_REFERENCE).where(LEGAL_REFERENCE.ID.eq(id)).fetchOne());
        } else {
            Record before = tx.selectFrom(LEGAL_REFERENCE).where(LEGAL_REFERENCE.ID.eq(r.id())).fetchOne();
            tx.update(LEGAL_REFERENCE).set(LEGAL_REFERENCE.LAW_CODE, r.lawCode())
                    .set(LEGAL_REFERENCE.CITATION, r.citation().strip()).set(LEGAL_REFERENCE.VALID_FROM, r.validFrom())
                    .set(LEGAL_REFERENCE.VALID_TO, r.validTo()).where(LEGAL_REFERENCE.ID.eq(r.id())).execute();
            audit.append(tx, "legal_reference", r.id(), AuditAction.UPDATE, before,
                    tx.selectFrom(LEGAL_REFERENCE).where(LEGAL_REFERENCE.ID.eq(r.id())).fetchOne());
        }
    }

    private static Record pair(String name, long value) {
        Record r = DSL.using(SQLDialect.SQLITE).newRecord(DSL.field(name, Long.class));
        r.set(DSL.field(name, Long.class), value);
        return r;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
