package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.BOARD_MEETING;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.REPORT_TEXT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.BoardMeetingRecord;
import se.kvalitetshjulet.data.jooq.tables.records.ReportTextRecord;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportTexts;

/**
 * Stored report texts (rapporttexter) and board meetings (nämndsammanträden), and the aggregates the reports need
 * beyond the pattern queries: counts per kind and law, and the deviation descriptions a report may include by choice.
 */
public final class ReportRepository {
    static final String TEXT_ENTITY = "report_text";
    static final String MEETING_ENTITY = "board_meeting";

    /** Count of deviations of one kind under one law in a period. */
    public record KindLawCount(DeviationKind kind, Law law, long count) { }

    /** One deviation's text, for reports that include descriptions by explicit choice. */
    public record DescriptionRow(String caseRef, LocalDate registeredOn, DeviationKind kind, String category,
                                 String title, String description) { }

    private final Database db;
    private final AuditTrail audit;

    public ReportRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    // ---- texts -----------------------------------------------------------------------

    private static Condition textKey(int year, int tertial, Long unitId) {
        return REPORT_TEXT.REPORT_YEAR.eq((long) year).and(REPORT_TEXT.TERTIAL.eq((long) tertial))
                .and(unitId == null ? REPORT_TEXT.UNIT_ID.isNull() : REPORT_TEXT.UNIT_ID.eq(unitId));
    }

    public Optional<ReportTexts> texts(int year, int tertial, Long unitId) {
        return db.dsl().selectFrom(REPORT_TEXT).where(textKey(year, tertial, unitId)).orderBy(REPORT_TEXT.ID)
                .limit(1).fetchOptional(ReportRepository::toTexts);
    }

    /** Saves the texts of one period and subtree, replacing what was stored; audited in the same transaction. */
    public ReportTexts save(DSLContext tx, ReportTexts t) {
        ReportTextRecord rec = tx.selectFrom(REPORT_TEXT).where(textKey(t.year(), t.tertial(), t.unitId()))
                .orderBy(REPORT_TEXT.ID).limit(1).fetchOne();
        ReportTextRecord before = null;
        if (rec == null) {
            rec = tx.newRecord(REPORT_TEXT);
            rec.setReportYear((long) t.year());
            rec.setTertial((long) t.tertial());
            rec.setUnitId(t.unitId());
        } else {
            before = rec.copy();
            before.setId(rec.getId());
        }
        rec.setSummary(t.summary());
        rec.setPriorities(t.priorities());
        rec.setFollowUp(t.followUp());
        rec.setAnalysis(t.analysis());
        rec.setExternalAudits(t.externalAudits());
        rec.setChartConclusions(t.conclusions().isEmpty() ? null : t.conclusionsText());
        rec.setSectionTexts(sectionsJson(t.sections()));
        if (before == null) {
            rec.setUpdatedAt(LocalDateTime.now());
            rec.store();
            audit.append(tx, TEXT_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        } else if (AuditTrail.differs(before, rec)) {
            rec.setUpdatedAt(LocalDateTime.now());
            rec.update();
            audit.append(tx, TEXT_ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
        }
        return toTexts(rec);
    }

    private static ReportTexts toTexts(ReportTextRecord r) {
        return new ReportTexts(r.getId(), r.getReportYear().intValue(), r.getTertial().intValue(), r.getUnitId(), r.getSummary(),
                r.getPriorities(), r.getFollowUp(), r.getAnalysis(), r.getExternalAudits(),
                ReportTexts.parseConclusions(r.getChartConclusions()), parseSections(r.getSectionTexts()));
    }

    /** Jackson made when it is first needed, not when the window starts (decision 0039). */
    private static final class Json {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    }

    /** The sections as stored: a JSON object of key → text (null when none). */
    static String sectionsJson(java.util.Map<String, String> sections) {
        if (sections.isEmpty()) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsString(new java.util.TreeMap<>(sections));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static java.util.Map<String, String> parseSections(String stored) {
        if (stored == null || stored.isBlank()) {
            return java.util.Map.of();
        }
        try {
            return Json.MAPPER.readValue(stored, new com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, String>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Rapporttexternas avsnitt kunde inte läsas (report_text " + stored.length()
                    + " tecken).", e);
        }
    }

    // ---- board meetings --------------------------------------------------------------

    public List<BoardMeeting> meetings(LocalDate from) {
        return db.dsl().selectFrom(BOARD_MEETING)
                .where(from == null ? DSL.trueCondition() : BOARD_MEETING.MEETING_ON.ge(from))
                .orderBy(BOARD_MEETING.MEETING_ON, BOARD_MEETING.ID)
                .fetch(r -> new BoardMeeting(r.getId(), r.getMeetingOn(), r.getTitle(), r.getUnitId()));
    }

    public BoardMeeting save(DSLContext tx, BoardMeeting m) {
        BoardMeetingRecord rec;
        if (m.id() == null) {
            rec = tx.newRecord(BOARD_MEETING);
            rec.setMeetingOn(m.meetingOn());
            rec.setTitle(m.title());
            rec.setUnitId(m.unitId());
            rec.setUpdatedAt(LocalDateTime.now());
            rec.store();
            audit.append(tx, MEETING_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        } else {
            rec = tx.selectFrom(BOARD_MEETING).where(BOARD_MEETING.ID.eq(m.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Sammanträdet finns inte längre (id " + m.id() + ")."));
            BoardMeetingRecord before = rec.copy();
            before.setId(rec.getId());
            rec.setMeetingOn(m.meetingOn());
            rec.setTitle(m.title());
            rec.setUnitId(m.unitId());
            if (AuditTrail.differs(before, rec)) {
                rec.setUpdatedAt(LocalDateTime.now());
                rec.update();
                audit.append(tx, MEETING_ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
            }
        }
        return m.withId(rec.getId());
    }

    public void deleteMeeting(DSLContext tx, long id) {
        BoardMeetingRecord rec = tx.selectFrom(BOARD_MEETING).where(BOARD_MEETING.ID.eq(id)).fetchOne();
        if (rec != null) {
            rec.delete();
            audit.append(tx, MEETING_ENTITY, id, AuditAction.DELETE, rec, null);
        }
    }

    // ---- aggregates ------------------------------------------------------------------

    /**
     * Counts per kind and law of the deviations in the filter (ordered by kind and law): from the roll-up of V39
     * (decision 0038) for whole months and the deviations for the days at the ends where the filter allows it,
     * otherwise {@link #countsByKindAndLawFromBase}.
     */
    public List<KindLawCount> countsByKindAndLaw(DeviationFilter filter, LocalDate today) {
        if (!Rollups.laws(db, filter)) {
            return countsByKindAndLawFromBase(filter, today);
        }
        var a = se.kvalitetshjulet.data.jooq.Tables.AGG_DEVIATION_LAW_MONTH;
        DSLContext ctx = db.dsl();
        Rollups.Split split = Rollups.split(ctx, filter.from(), filter.to());
        java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
        ctx.select(a.KIND, a.LAW, DSL.sum(a.N).cast(org.jooq.impl.SQLDataType.BIGINT)).from(a)
                .where(Rollups.months(filter, split, Rollups.LAWS)).groupBy(a.KIND, a.LAW)
                .unionAll(ctx.select(DEVIATION.KIND, DEVIATION.LAW, DSL.count().cast(org.jooq.impl.SQLDataType.BIGINT))
                        .from(DEVIATION).where(Rollups.edges(filter, split, today)).groupBy(DEVIATION.KIND, DEVIATION.LAW))
                .forEach(r -> counts.computeIfAbsent(r.value1() + "\u0000" + r.value2(), k -> new long[1])[0] += r.value3());
        List<KindLawCount> out = new java.util.ArrayList<>();
        counts.forEach((k, n) -> {
            if (n[0] > 0) {
                int cut = k.indexOf('\u0000');
                out.add(new KindLawCount(DeviationKind.valueOf(k.substring(0, cut)), Law.valueOf(k.substring(cut + 1)), n[0]));
            }
        });
        return out;
    }

    /** {@link #countsByKindAndLaw} from the deviations themselves, grouped in the database: the reference. */
    public List<KindLawCount> countsByKindAndLawFromBase(DeviationFilter filter, LocalDate today) {
        Field<Integer> n = DSL.count();
        return db.dsl().select(DEVIATION.KIND, DEVIATION.LAW, n).from(DEVIATION)
                .where(DeviationRepository.condition(filter, today))
                .groupBy(DEVIATION.KIND, DEVIATION.LAW)
                .fetch(r -> new KindLawCount(DeviationKind.valueOf(r.value1()), Law.valueOf(r.value2()), r.value3()));
    }

    /** The texts of at most {@code limit} deviations in the filter, newest first. */
    public List<DescriptionRow> descriptions(DeviationFilter filter, LocalDate today, int limit) {
        return db.dsl().select(DEVIATION.CASE_REF, DEVIATION.REGISTERED_ON, DEVIATION.KIND, DEVIATION_CATEGORY.NAME,
                        DEVIATION.TITLE, DEVIATION.DESCRIPTION)
                .from(DEVIATION).leftJoin(DEVIATION_CATEGORY).on(DEVIATION_CATEGORY.ID.eq(DEVIATION.CATEGORY_ID))
                .where(DeviationRepository.condition(filter, today))
                .orderBy(DEVIATION.REGISTERED_ON.desc(), DEVIATION.ID.desc()).limit(limit)
                .fetch(r -> new DescriptionRow(r.value1(), r.value2(), DeviationKind.valueOf(r.value3()),
                        r.value4() == null ? "" : r.value4(), r.value5(), r.value6() == null ? "" : r.value6()));
    }
}
