package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.council.OrderedAnalysis;
import se.kvalitetshjulet.domain.council.MeetingRow;
import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_AGENDA_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_FOLLOW_UP;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_MEETING;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_ORDERED_ANALYSIS;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_PARTICIPANT;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_TYPE;
import static se.kvalitetshjulet.data.jooq.Tables.COUNCIL_REVIEWED_DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_ANALYSIS;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.StaleRecordException;
import se.kvalitetshjulet.data.jooq.tables.records.CouncilAgendaItemRecord;
import se.kvalitetshjulet.data.jooq.tables.records.CouncilFollowUpRecord;
import se.kvalitetshjulet.data.jooq.tables.records.CouncilMeetingRecord;
import se.kvalitetshjulet.data.jooq.tables.records.CouncilOrderedAnalysisRecord;
import se.kvalitetshjulet.data.jooq.tables.records.CouncilReviewedDeviationRecord;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.council.AgendaItem;
import se.kvalitetshjulet.domain.council.FollowUpOutcome;
import se.kvalitetshjulet.domain.council.Meeting;

/** Quality council meetings (kvalitetsråd): participants, added agenda items, reviewed deviations, follow-ups. */
public final class CouncilRepository {
    static final String ENTITY = "council_meeting";


    /** A follow-up recorded at a meeting. */
    public record FollowUp(long meetingId, long actionId, FollowUpOutcome outcome, String note) { }


    private final Database db;
    private final AuditTrail audit;

    public CouncilRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    // ---- meetings ----------------------------------------------------------------------

    public Meeting save(DSLContext tx, Meeting m) {
        return save(tx, m, null);
    }

    /**
     * Inserts or updates the meeting and its participants; an update that changes anything is written only if the
     * meeting is still at {@code expectedVersion} (when given) and raises the version (decision 0029), the check
     * being part of the UPDATE, so two people saving the same meeting at once cannot both win.
     *
     * @throws StaleRecordException when someone else saved the meeting in between; nothing is written
     */
    public Meeting save(DSLContext tx, Meeting m, Long expectedVersion) {
        CouncilMeetingRecord rec;
        if (m.id() == null) {
            rec = tx.newRecord(COUNCIL_MEETING);
            fill(rec, m);
            rec.store();
            audit.append(tx, ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        } else {
            rec = tx.selectFrom(COUNCIL_MEETING).where(COUNCIL_MEETING.ID.eq(m.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Mötet finns inte längre (id " + m.id() + ")."));
            long base = expectedVersion != null ? expectedVersion : rec.getVersion();
            if (rec.getVersion() != base) {
                throw new StaleRecordException(ENTITY, m.id(), base, rec.getVersion());
            }
            CouncilMeetingRecord before = rec.copy();
            before.setId(rec.getId());
            fill(rec, m);
            boolean changed = AuditTrail.differs(before, rec, COUNCIL_MEETING.UPDATED_AT, COUNCIL_MEETING.VERSION);
            if (changed || !participants(tx, m.id()).equals(m.participants())) {
                rec.setUpdatedAt(LocalDateTime.now());
                rec.setVersion(base + 1);
                int written = tx.update(COUNCIL_MEETING).set(rec)
                        .where(COUNCIL_MEETING.ID.eq(m.id()).and(COUNCIL_MEETING.VERSION.eq(base))).execute();
                if (written == 0) {
                    throw new StaleRecordException(ENTITY, m.id(), base, version(tx, m.id()));
                }
                rec.changed(false);
            }
            if (changed) {
                audit.append(tx, ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
            }
        }
        long id = rec.getId();
        List<Meeting.Participant> old = participants(tx, id);
        if (!old.equals(m.participants())) {
            tx.deleteFrom(COUNCIL_PARTICIPANT).where(COUNCIL_PARTICIPANT.MEETING_ID.eq(id)).execute();
            for (Meeting.Participant p : m.participants()) {
                var pr = tx.newRecord(COUNCIL_PARTICIPANT);
                pr.setMeetingId(id);
                pr.setName(p.name().strip());
                pr.setRole(p.role().strip());
                pr.store();
                audit.append(tx, "council_participant", pr.getId(), AuditAction.INSERT, null, pr);
            }
        }
        return toMeeting(rec, participants(tx, id));
    }

    /** The meeting's current version (decision 0029). */
    public static long version(DSLContext ctx, long id) {
        return ctx.select(COUNCIL_MEETING.VERSION).from(COUNCIL_MEETING).where(COUNCIL_MEETING.ID.eq(id))
                .fetchOptional(COUNCIL_MEETING.VERSION)
                .orElseThrow(() -> new IllegalStateException("Mötet finns inte längre (id " + id + ")."));
    }

    /** The meeting with the version it was read at, for an editor that saves with {@link #save(DSLContext, Meeting, Long)}. */
    public Optional<se.kvalitetshjulet.domain.Versioned<Meeting>> findVersioned(long id) {
        return db.dsl().selectFrom(COUNCIL_MEETING).where(COUNCIL_MEETING.ID.eq(id)).fetchOptional()
                .map(r -> new se.kvalitetshjulet.domain.Versioned<>(toMeeting(r, participants(db.dsl(), id)),
                        r.getVersion()));
    }

    /** The newest row of the meeting's history: who changed it last, and when. */
    public Optional<se.kvalitetshjulet.domain.audit.AuditEntry> lastChange(long id) {
        var h = audit.history(ENTITY, id);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.getFirst());
    }

    public Optional<Meeting> find(long id) {
        return db.dsl().selectFrom(COUNCIL_MEETING).where(COUNCIL_MEETING.ID.eq(id)).fetchOptional()
                .map(r -> toMeeting(r, participants(db.dsl(), id)));
    }

    /** Meetings of the given units (null: all), newest first. */
    public List<MeetingRow> list(Set<Long> unitIds) {
        org.jooq.Field<Integer> decisions = DSL.field(DSL.selectCount().from(ACTION_ITEM)
                .where(ACTION_ITEM.SOURCE_TYPE.eq(ActionSource.COUNCIL.code()).and(ACTION_ITEM.SOURCE_ID.eq(COUNCIL_MEETING.ID))))
                .as("decisions");
        return db.dsl().select(COUNCIL_MEETING.ID, COUNCIL_MEETING.UNIT_ID, UNIT.NAME, COUNCIL_MEETING.HELD_ON,
                        COUNCIL_MEETING.TITLE, COUNCIL_MEETING.HELD, decisions, COUNCIL_TYPE.NAME)
                .from(COUNCIL_MEETING).join(UNIT).on(UNIT.ID.eq(COUNCIL_MEETING.UNIT_ID))
                .leftJoin(COUNCIL_TYPE).on(COUNCIL_TYPE.ID.eq(COUNCIL_MEETING.COUNCIL_TYPE_ID))
                .where(unitIds == null ? DSL.trueCondition()
                        : unitIds.isEmpty() ? DSL.falseCondition() : COUNCIL_MEETING.UNIT_ID.in(unitIds))
                .orderBy(COUNCIL_MEETING.HELD_ON.desc(), COUNCIL_MEETING.ID.desc())
                .fetch(r -> new MeetingRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        Boolean.TRUE.equals(r.value6()), r.value7() == null ? 0 : r.value7().longValue(), r.value8()));
    }

    /** The council's meetings before this one (same unit), oldest first. */
    public List<Meeting> earlier(Meeting m) {
        var before = COUNCIL_MEETING.HELD_ON.lt(m.heldOn())
                .or(COUNCIL_MEETING.HELD_ON.eq(m.heldOn()).and(COUNCIL_MEETING.ID.lt(m.id() == null ? Long.MAX_VALUE : m.id())));
        return db.dsl().selectFrom(COUNCIL_MEETING)
                .where(COUNCIL_MEETING.UNIT_ID.eq(m.unitId()).and(before))
                .orderBy(COUNCIL_MEETING.HELD_ON, COUNCIL_MEETING.ID)
                .fetch(r -> toMeeting(r, List.of()));
    }

    /** Meetings between two dates (inclusive) in the given units, earliest first: for the home screen. */
    public List<MeetingRow> between(Set<Long> unitIds, LocalDate from, LocalDate to) {
        return list(unitIds).stream().filter(r -> !r.heldOn().isBefore(from) && !r.heldOn().isAfter(to))
                .sorted(java.util.Comparator.comparing(MeetingRow::heldOn)).toList();
    }

    /** The coordinator's council types (Listor och regler), active and retired, in the coordinator's order. */
    public List<se.kvalitetshjulet.domain.lists.ListEntry> councilTypes() {
        return new ListsRepository(db, audit).entries(se.kvalitetshjulet.domain.lists.ListKind.COUNCIL_TYPE);
    }

    // ---- agenda items added by hand -------------------------------------------------------

    public List<AgendaItem> addedItems(long meetingId) {
        return db.dsl().selectFrom(COUNCIL_AGENDA_ITEM).where(COUNCIL_AGENDA_ITEM.MEETING_ID.eq(meetingId))
                .orderBy(COUNCIL_AGENDA_ITEM.POSITION, COUNCIL_AGENDA_ITEM.ID)
                .fetch(r -> AgendaItem.added(r.getId(), r.getTitle(), r.getDetail()));
    }

    public void addItem(DSLContext tx, long meetingId, String title, String detail) {
        Long max = tx.select(DSL.max(COUNCIL_AGENDA_ITEM.POSITION)).from(COUNCIL_AGENDA_ITEM)
                .where(COUNCIL_AGENDA_ITEM.MEETING_ID.eq(meetingId)).fetchOne(0, Long.class);
        CouncilAgendaItemRecord r = tx.newRecord(COUNCIL_AGENDA_ITEM);
        r.setMeetingId(meetingId);
        r.setPosition(max == null ? 1L : max + 1);
        r.setTitle(title.strip());
        r.setDetail(detail);
        r.store();
        audit.append(tx, "council_agenda_item", r.getId(), AuditAction.INSERT, null, r);
    }

    // ---- reviewed deviations ---------------------------------------------------------------

    public Set<Long> reviewed(long meetingId) {
        return new LinkedHashSet<>(db.dsl().select(COUNCIL_REVIEWED_DEVIATION.DEVIATION_ID).from(COUNCIL_REVIEWED_DEVIATION)
                .where(COUNCIL_REVIEWED_DEVIATION.MEETING_ID.eq(meetingId)).fetch(COUNCIL_REVIEWED_DEVIATION.DEVIATION_ID));
    }

    public void setReviewed(DSLContext tx, long meetingId, long deviationId, boolean reviewed) {
        CouncilReviewedDeviationRecord r = tx.selectFrom(COUNCIL_REVIEWED_DEVIATION)
                .where(COUNCIL_REVIEWED_DEVIATION.MEETING_ID.eq(meetingId)
                        .and(COUNCIL_REVIEWED_DEVIATION.DEVIATION_ID.eq(deviationId))).fetchOne();
        if (reviewed && r == null) {
            r = tx.newRecord(COUNCIL_REVIEWED_DEVIATION);
            r.setMeetingId(meetingId);
            r.setDeviationId(deviationId);
            r.store();
            audit.append(tx, ENTITY, meetingId, AuditAction.INSERT, null, r);
        } else if (!reviewed && r != null) {
            r.delete();
            audit.append(tx, ENTITY, meetingId, AuditAction.DELETE, r, null);
        }
    }

    // ---- follow-ups ------------------------------------------------------------------------

    /** Follow-ups recorded at the given meetings: meeting id → (action id → follow-up). */
    public Map<Long, Map<Long, FollowUp>> followUps(Collection<Long> meetingIds) {
        Map<Long, Map<Long, FollowUp>> out = new HashMap<>();
        if (meetingIds.isEmpty()) {
            return out;
        }
        db.dsl().selectFrom(COUNCIL_FOLLOW_UP).where(COUNCIL_FOLLOW_UP.MEETING_ID.in(meetingIds)).forEach(r ->
                out.computeIfAbsent(r.getMeetingId(), k -> new LinkedHashMap<>()).put(r.getActionId(),
                        new FollowUp(r.getMeetingId(), r.getActionId(), FollowUpOutcome.valueOf(r.getOutcome()), r.getNote())));
        return out;
    }

    public void setFollowUp(DSLContext tx, long meetingId, long actionId, FollowUpOutcome outcome, String note) {
        CouncilFollowUpRecord r = tx.selectFrom(COUNCIL_FOLLOW_UP)
                .where(COUNCIL_FOLLOW_UP.MEETING_ID.eq(meetingId).and(COUNCIL_FOLLOW_UP.ACTION_ID.eq(actionId))).fetchOne();
        if (r == null) {
            r = tx.newRecord(COUNCIL_FOLLOW_UP);
            r.setMeetingId(meetingId);
            r.setActionId(actionId);
            r.setOutcome(outcome.name());
            r.setNote(note);
            r.store();
            audit.append(tx, "council_follow_up", meetingId, AuditAction.INSERT, null, r);
        } else {
            CouncilFollowUpRecord before = r.copy();
            before.setMeetingId(meetingId);
            before.setActionId(actionId);
            r.setOutcome(outcome.name());
            r.setNote(note);
            if (AuditTrail.differs(before, r)) {
                r.update();
                audit.append(tx, "council_follow_up", meetingId, AuditAction.UPDATE, before, r);
            }
        }
    }

    // ---- ordered analyses ------------------------------------------------------------------

    public void addOrderedAnalysis(DSLContext tx, long meetingId, long actionId, long analysisId) {
        CouncilOrderedAnalysisRecord r = tx.newRecord(COUNCIL_ORDERED_ANALYSIS);
        r.setMeetingId(meetingId);
        r.setActionId(actionId);
        r.setAnalysisId(analysisId);
        r.store();
        audit.append(tx, "council_ordered_analysis", meetingId, AuditAction.INSERT, null, r);
    }

    public List<OrderedAnalysis> orderedAnalyses(long meetingId) {
        return db.dsl().select(COUNCIL_ORDERED_ANALYSIS.ACTION_ID, COUNCIL_ORDERED_ANALYSIS.ANALYSIS_ID,
                        RISK_ANALYSIS.TITLE, RISK_ANALYSIS.STATUS)
                .from(COUNCIL_ORDERED_ANALYSIS).join(RISK_ANALYSIS).on(RISK_ANALYSIS.ID.eq(COUNCIL_ORDERED_ANALYSIS.ANALYSIS_ID))
                .where(COUNCIL_ORDERED_ANALYSIS.MEETING_ID.eq(meetingId))
                .orderBy(COUNCIL_ORDERED_ANALYSIS.ANALYSIS_ID)
                .fetch(r -> new OrderedAnalysis(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    // ---- mapping ---------------------------------------------------------------------------

    private static List<Meeting.Participant> participants(DSLContext ctx, long meetingId) {
        return ctx.selectFrom(COUNCIL_PARTICIPANT).where(COUNCIL_PARTICIPANT.MEETING_ID.eq(meetingId))
                .orderBy(COUNCIL_PARTICIPANT.ID).fetch(r -> new Meeting.Participant(r.getName(), r.getRole()));
    }

    private static void fill(CouncilMeetingRecord r, Meeting m) {
        r.setUnitId(m.unitId());
        r.setHeldOn(m.heldOn());
        r.setTitle(m.title().strip());
        r.setHeld(m.held());
        r.setCouncilTypeId(m.councilTypeId());
        r.setPatterns(m.patterns());
        r.setNotes(m.notes());
        if (r.getUpdatedAt() == null) {
            r.setUpdatedAt(LocalDateTime.now());
        }
    }

    private static Meeting toMeeting(CouncilMeetingRecord r, List<Meeting.Participant> participants) {
        return new Meeting(r.getId(), r.getUnitId(), r.getHeldOn(), r.getTitle(), Boolean.TRUE.equals(r.getHeld()),
                r.getPatterns(), r.getNotes(), participants, r.getCouncilTypeId());
    }
}
