package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.selfcheck.FindingAction;
import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ANSWER;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_QUESTION;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_RESPONSE;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ROUND;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_SECTION;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_TEMPLATE;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.StaleRecordException;
import se.kvalitetshjulet.data.jooq.tables.records.ActionItemRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckAnswerRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckQuestionRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckResponseRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckRoundRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckSectionRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckTemplateRecord;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;

/**
 * Self-checks (egenkontroller): templates with their sections and questions, rounds, one
 * response per unit and round, answers, and the improvement actions raised from findings.
 * Every write is audited in the caller's transaction; aggregates are grouped in the database.
 */
public final class SelfCheckRepository {
    public static final String SOURCE_SELF_CHECK = "SELF_CHECK";
    static final String TEMPLATE_ENTITY = "self_check_template";
    static final String ROUND_ENTITY = "self_check_round";
    static final String RESPONSE_ENTITY = "self_check_response";

    /** Count of one stored value of one question among submitted responses. */
    public record ValueCount(long questionId, String value, long count) { }

    /**
     * Per question among submitted responses: answered, findings, mean of numeric answers, and the answers that can
     * be judged (the question has a finding rule, or the answer was marked a finding).
     */
    public record QuestionAggregate(long questionId, long answered, long findings, Double mean, long assessable) { }

    /** Per response: answered questions, findings and answered questions that have a finding rule. */
    public record ResponseAggregate(long responseId, long answered, long findings, long assessable) { }

    /** The coordinator's edits of a response's Bilaga 2 row: a result level name and/or the routines text (null: none). */
    public record Bilaga2Edit(String resultOverride, String routines) { }


    private final Database db;
    private final AuditTrail audit;

    public SelfCheckRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    // ---- templates -------------------------------------------------------------------

    public Optional<Template> findTemplate(long id) {
        return findTemplate(db.dsl(), id);
    }

    public Optional<Template> findTemplate(DSLContext ctx, long id) {
        SelfCheckTemplateRecord t = ctx.selectFrom(SELF_CHECK_TEMPLATE).where(SELF_CHECK_TEMPLATE.ID.eq(id)).fetchOne();
        if (t == null) {
            return Optional.empty();
        }
        List<SelfCheckSectionRecord> sections = ctx.selectFrom(SELF_CHECK_SECTION)
                .where(SELF_CHECK_SECTION.TEMPLATE_ID.eq(id)).orderBy(SELF_CHECK_SECTION.POSITION).fetch();
        Map<Long, List<Question>> bySection = new LinkedHashMap<>();
        for (SelfCheckQuestionRecord q : ctx.selectFrom(SELF_CHECK_QUESTION).where(SELF_CHECK_QUESTION.TEMPLATE_ID.eq(id))
                .orderBy(SELF_CHECK_QUESTION.POSITION).fetch()) {
            bySection.computeIfAbsent(q.getSectionId(), k -> new ArrayList<>()).add(toQuestion(q));
        }
        List<TemplateSection> out = sections.stream()
                .map(s -> new TemplateSection(s.getId(), s.getTitle(), bySection.getOrDefault(s.getId(), List.of())))
                .toList();
        return Optional.of(new Template(t.getId(), t.getFamilyId(), t.getVersion().intValue(), t.getName(),
                t.getDescription(), Boolean.TRUE.equals(t.getFrozen()), out));
    }

    /** The newest version of every template, by name. */
    public List<Template> latestTemplates() {
        var newer = SELF_CHECK_TEMPLATE.as("newer");
        return db.dsl().select(SELF_CHECK_TEMPLATE.ID).from(SELF_CHECK_TEMPLATE)
                .whereNotExists(DSL.selectOne().from(newer).where(newer.FAMILY_ID.eq(SELF_CHECK_TEMPLATE.FAMILY_ID)
                        .and(newer.VERSION.gt(SELF_CHECK_TEMPLATE.VERSION))))
                .orderBy(SELF_CHECK_TEMPLATE.NAME).fetch(SELF_CHECK_TEMPLATE.ID)
                .stream().map(id -> findTemplate(id).orElseThrow()).toList();
    }

    /** Every version of one template, newest first (its history). */
    public List<Template> versions(long familyId) {
        return db.dsl().select(SELF_CHECK_TEMPLATE.ID).from(SELF_CHECK_TEMPLATE)
                .where(SELF_CHECK_TEMPLATE.FAMILY_ID.eq(familyId)).orderBy(SELF_CHECK_TEMPLATE.VERSION.desc())
                .fetch(SELF_CHECK_TEMPLATE.ID).stream().map(id -> findTemplate(id).orElseThrow()).toList();
    }

    public int maxVersion(DSLContext tx, long familyId) {
        Long v = tx.select(DSL.max(SELF_CHECK_TEMPLATE.VERSION)).from(SELF_CHECK_TEMPLATE)
                .where(SELF_CHECK_TEMPLATE.FAMILY_ID.eq(familyId)).fetchOne(0, Long.class);
        return v == null ? 0 : v.intValue();
    }

    /**
     * Inserts a template (a new one, a new version or a copy) or replaces the content of an
     * unfrozen one. Refuses to change a frozen version: the service creates a new version instead.
     */
    public Template saveTemplate(DSLContext tx, Template t) {
        SelfCheckTemplateRecord rec;
        if (t.id() == null) {
            rec = tx.newRecord(SELF_CHECK_TEMPLATE);
            rec.setFamilyId(t.familyId());
            rec.setVersion((long) t.version());
            rec.setName(t.name().strip());
            rec.setDescription(t.description());
            rec.setFrozen(false);
            rec.setCreatedAt(LocalDateTime.now());
            rec.store();
            if (t.familyId() == null) {
                rec.setFamilyId(rec.getId());
                rec.update();
            }
            audit.append(tx, TEMPLATE_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        } else {
            rec = tx.selectFrom(SELF_CHECK_TEMPLATE).where(SELF_CHECK_TEMPLATE.ID.eq(t.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Mallen finns inte längre (id " + t.id() + ")."));
            if (Boolean.TRUE.equals(rec.getFrozen())) {
                throw new IllegalStateException("Mallversionen används i en omgång och får inte ändras; spara en ny version.");
            }
            SelfCheckTemplateRecord before = rec.copy();
            before.setId(rec.getId());
            rec.setName(t.name().strip());
            rec.setDescription(t.description());
            rec.update();
            audit.append(tx, TEMPLATE_ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
            tx.deleteFrom(SELF_CHECK_QUESTION).where(SELF_CHECK_QUESTION.TEMPLATE_ID.eq(t.id())).execute();
            tx.deleteFrom(SELF_CHECK_SECTION).where(SELF_CHECK_SECTION.TEMPLATE_ID.eq(t.id())).execute();
        }
        long templateId = rec.getId();
        int sectionPos = 0;
        int questionPos = 0;
        for (TemplateSection s : t.sections()) {
            SelfCheckSectionRecord sr = tx.newRecord(SELF_CHECK_SECTION);
            sr.setTemplateId(templateId);
            sr.setPosition((long) sectionPos++);
            sr.setTitle(s.title().strip());
            sr.store();
            for (Question q : s.questions()) {
                SelfCheckQuestionRecord qr = tx.newRecord(SELF_CHECK_QUESTION);
                qr.setSectionId(sr.getId());
                qr.setTemplateId(templateId);
                qr.setPosition((long) questionPos++);
                qr.setQuestionKey(q.key());
                qr.setText(q.text().strip());
                qr.setAnswerType(q.type().name());
                qr.setRequired(q.required());
                qr.setHelpText(q.helpText());
                qr.setReferenceText(q.reference());
                qr.setOptions(q.options().isEmpty() ? null : AnswerValues.join(q.options()));
                qr.setFindingRule(q.findingRule().isNone() ? null : q.findingRule().encode());
                qr.store();
            }
        }
        return findTemplate(tx, templateId).orElseThrow();
    }

    public void freeze(DSLContext tx, long templateId) {
        SelfCheckTemplateRecord rec = tx.selectFrom(SELF_CHECK_TEMPLATE).where(SELF_CHECK_TEMPLATE.ID.eq(templateId))
                .fetchOne();
        if (rec != null && !Boolean.TRUE.equals(rec.getFrozen())) {
            SelfCheckTemplateRecord before = rec.copy();
            before.setId(rec.getId());
            rec.setFrozen(true);
            rec.update();
            audit.append(tx, TEMPLATE_ENTITY, templateId, AuditAction.UPDATE, before, rec);
        }
    }

    // ---- rounds and responses --------------------------------------------------------

    public Round insertRound(DSLContext tx, Round r) {
        SelfCheckRoundRecord rec = tx.newRecord(SELF_CHECK_ROUND);
        rec.setUid(java.util.UUID.randomUUID().toString());
        rec.setName(r.name().strip());
        rec.setTemplateId(r.templateId());
        rec.setPeriodStart(r.periodStart());
        rec.setPeriodEnd(r.periodEnd());
        rec.setDueOn(r.dueOn());
        rec.setScopeUnitId(r.scopeUnitId());
        rec.setScopeBusinessAreaId(r.scopeBusinessAreaId());
        rec.setCreatedAt(LocalDateTime.now());
        rec.store();
        audit.append(tx, ROUND_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        return toRound(rec);
    }

    public long insertResponse(DSLContext tx, long roundId, long unitId) {
        SelfCheckResponseRecord rec = tx.newRecord(SELF_CHECK_RESPONSE);
        rec.setRoundId(roundId);
        rec.setUnitId(unitId);
        rec.setStatus(ResponseStatus.NOT_STARTED.name());
        rec.store();
        audit.append(tx, RESPONSE_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        return rec.getId();
    }

    public Optional<Round> findRound(long id) {
        return Optional.ofNullable(db.dsl().selectFrom(SELF_CHECK_ROUND).where(SELF_CHECK_ROUND.ID.eq(id)).fetchOne())
                .map(SelfCheckRepository::toRound);
    }

    /** Every round, newest period first, with counts of the units' statuses grouped in the database. */
    public List<RoundRow> rounds(LocalDate today) {
        var r = SELF_CHECK_RESPONSE;
        Field<Integer> units = DSL.count(r.ID);
        Field<Integer> submitted = DSL.count(r.ID).filterWhere(r.STATUS.eq(ResponseStatus.SUBMITTED.name()));
        Field<Integer> drafts = DSL.count(r.ID).filterWhere(r.STATUS.in(ResponseStatus.DRAFT.name(),
                ResponseStatus.REOPENED.name()));
        Field<Integer> notStarted = DSL.count(r.ID).filterWhere(r.STATUS.eq(ResponseStatus.NOT_STARTED.name()));
        Field<Integer> overdue = DSL.count(r.ID).filterWhere(r.STATUS.ne(ResponseStatus.SUBMITTED.name())
                .and(SELF_CHECK_ROUND.DUE_ON.lt(today)));
        return db.dsl().select(SELF_CHECK_ROUND.asterisk(), SELF_CHECK_TEMPLATE.NAME, SELF_CHECK_TEMPLATE.VERSION,
                        units, submitted, drafts, notStarted, overdue)
                .from(SELF_CHECK_ROUND)
                .join(SELF_CHECK_TEMPLATE).on(SELF_CHECK_TEMPLATE.ID.eq(SELF_CHECK_ROUND.TEMPLATE_ID))
                .leftJoin(r).on(r.ROUND_ID.eq(SELF_CHECK_ROUND.ID))
                .groupBy(groupFields())
                .orderBy(SELF_CHECK_ROUND.PERIOD_START.desc(), SELF_CHECK_ROUND.ID.desc())
                .fetch(x -> new RoundRow(toRound(x.into(SELF_CHECK_ROUND)),
                        x.get(SELF_CHECK_TEMPLATE.NAME) + " (v" + x.get(SELF_CHECK_TEMPLATE.VERSION) + ")",
                        x.get(units), x.get(submitted), x.get(drafts), x.get(notStarted), x.get(overdue)));
    }

    /**
     * Responses for a round and/or a unit ({@code null} = any). Pending ones first, then by due
     * date, so a section chief sees what is waiting at the top.
     */
    public List<ResponseRow> responses(Long roundId, Long unitId, LocalDate today) {
        List<Condition> c = new ArrayList<>();
        if (roundId != null) {
            c.add(SELF_CHECK_RESPONSE.ROUND_ID.eq(roundId));
        }
        if (unitId != null) {
            c.add(SELF_CHECK_RESPONSE.UNIT_ID.eq(unitId));
        }
        Field<Integer> doneLast = DSL.when(SELF_CHECK_RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED.name()), DSL.inline(1))
                .otherwise(DSL.inline(0));
        return db.dsl().select(SELF_CHECK_RESPONSE.asterisk(), SELF_CHECK_ROUND.NAME, SELF_CHECK_ROUND.TEMPLATE_ID,
                        SELF_CHECK_ROUND.DUE_ON, UNIT.NAME)
                .from(SELF_CHECK_RESPONSE)
                .join(SELF_CHECK_ROUND).on(SELF_CHECK_ROUND.ID.eq(SELF_CHECK_RESPONSE.ROUND_ID))
                .join(UNIT).on(UNIT.ID.eq(SELF_CHECK_RESPONSE.UNIT_ID))
                .where(DSL.and(c))
                .orderBy(doneLast, SELF_CHECK_ROUND.DUE_ON.desc(), UNIT.NAME, SELF_CHECK_RESPONSE.ID)
                .fetch(x -> toRow(x, today));
    }

    public Optional<ResponseRow> findResponse(long id, LocalDate today) {
        return db.dsl().select(SELF_CHECK_RESPONSE.asterisk(), SELF_CHECK_ROUND.NAME, SELF_CHECK_ROUND.TEMPLATE_ID,
                        SELF_CHECK_ROUND.DUE_ON, UNIT.NAME)
                .from(SELF_CHECK_RESPONSE)
                .join(SELF_CHECK_ROUND).on(SELF_CHECK_ROUND.ID.eq(SELF_CHECK_RESPONSE.ROUND_ID))
                .join(UNIT).on(UNIT.ID.eq(SELF_CHECK_RESPONSE.UNIT_ID))
                .where(SELF_CHECK_RESPONSE.ID.eq(id)).fetchOptional(x -> toRow(x, today));
    }

    /** Ids of the units that have been sent at least one self-check. */
    public List<Long> unitsWithResponses() {
        return db.dsl().selectDistinct(SELF_CHECK_RESPONSE.UNIT_ID).from(SELF_CHECK_RESPONSE)
                .fetch(SELF_CHECK_RESPONSE.UNIT_ID);
    }

    public ResponseStatus status(DSLContext tx, long responseId) {
        String s = tx.select(SELF_CHECK_RESPONSE.STATUS).from(SELF_CHECK_RESPONSE)
                .where(SELF_CHECK_RESPONSE.ID.eq(responseId)).fetchOptional(SELF_CHECK_RESPONSE.STATUS)
                .orElseThrow(() -> new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ")."));
        return ResponseStatus.valueOf(s);
    }

    /** Changes the status of a response (with who submitted, or why it was reopened), audited. */
    public void updateStatus(DSLContext tx, long responseId, ResponseStatus status, String submittedBy, String reopenReason) {
        updateStatus(tx, responseId, status, submittedBy, reopenReason, null);
    }

    /**
     * As {@link #updateStatus(DSLContext, long, ResponseStatus, String, String)}, written only if the response is still
     * at {@code expectedVersion} (when given); raises the version (decision 0029).
     *
     * @throws StaleRecordException when someone else changed the response in between; nothing is written
     */
    public void updateStatus(DSLContext tx, long responseId, ResponseStatus status, String submittedBy, String reopenReason,
                             Long expectedVersion) {
        SelfCheckResponseRecord rec = tx.selectFrom(SELF_CHECK_RESPONSE).where(SELF_CHECK_RESPONSE.ID.eq(responseId))
                .fetchOne();
        long base = expectedVersion != null ? expectedVersion : rec.getVersion();
        if (rec.getVersion() != base) {
            throw new StaleRecordException(RESPONSE_ENTITY, responseId, base, rec.getVersion());
        }
        SelfCheckResponseRecord before = rec.copy();
        before.setId(rec.getId());
        rec.setStatus(status.name());
        rec.setUpdatedAt(LocalDateTime.now());
        if (status == ResponseStatus.SUBMITTED) {
            rec.setSubmittedAt(LocalDateTime.now());
            rec.setSubmittedBy(submittedBy);
        }
        if (reopenReason != null) {
            rec.setReopenReason(reopenReason);
        }
        writeVersioned(tx, rec, base);
        audit.append(tx, RESPONSE_ENTITY, responseId, AuditAction.UPDATE, before, rec);
    }

    /** Writes the response if it is still at {@code base}, raising its version; the check is part of the UPDATE. */
    private static void writeVersioned(DSLContext tx, SelfCheckResponseRecord rec, long base) {
        rec.setVersion(base + 1);
        int written = tx.update(SELF_CHECK_RESPONSE).set(rec)
                .where(SELF_CHECK_RESPONSE.ID.eq(rec.getId()).and(SELF_CHECK_RESPONSE.VERSION.eq(base))).execute();
        if (written == 0) {
            throw new StaleRecordException(RESPONSE_ENTITY, rec.getId(), base, version(tx, rec.getId()));
        }
        rec.changed(false);
    }

    /** The response's current version (decision 0029: a draft saved on an older one is refused). */
    public static long version(DSLContext ctx, long responseId) {
        return ctx.select(SELF_CHECK_RESPONSE.VERSION).from(SELF_CHECK_RESPONSE)
                .where(SELF_CHECK_RESPONSE.ID.eq(responseId)).fetchOptional(SELF_CHECK_RESPONSE.VERSION)
                .orElseThrow(() -> new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ")."));
    }

    public long version(long responseId) {
        return version(db.dsl(), responseId);
    }

    /** The newest row of the response's history: who changed it last, and when. */
    public Optional<se.kvalitetshjulet.domain.audit.AuditEntry> lastChange(long responseId) {
        var h = audit.history(RESPONSE_ENTITY, responseId);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.getFirst());
    }

    // ---- answers ---------------------------------------------------------------------

    public Map<Long, Answer> answers(long responseId) {
        return answers(db.dsl(), responseId);
    }

    public Map<Long, Answer> answers(DSLContext ctx, long responseId) {
        Map<Long, Answer> out = new LinkedHashMap<>();
        for (SelfCheckAnswerRecord a : ctx.selectFrom(SELF_CHECK_ANSWER).where(SELF_CHECK_ANSWER.RESPONSE_ID.eq(responseId))
                .orderBy(SELF_CHECK_ANSWER.ID).fetch()) {
            out.put(a.getQuestionId(), new Answer(a.getId(), a.getQuestionId(), a.getAnswerValue(), a.getComment()));
        }
        return out;
    }

    /**
     * Writes the answers (insert or update per question; unchanged ones are left alone), with
     * the finding flag computed from each question's rule. Returns how many answers changed.
     */
    public int saveAnswers(DSLContext tx, long responseId, Collection<Answer> answers, Template template) {
        return saveAnswers(tx, responseId, answers, template, null);
    }

    /**
     * As {@link #saveAnswers(DSLContext, long, Collection, Template)}; when anything changed, written only if the
     * response is still at {@code expectedVersion} (when given), raising its version (decision 0029). A save that
     * changes nothing writes nothing and is never refused.
     *
     * @throws StaleRecordException when someone else saved the response in between; nothing is written
     */
    public int saveAnswers(DSLContext tx, long responseId, Collection<Answer> answers, Template template,
                           Long expectedVersion) {
        Map<Long, SelfCheckAnswerRecord> existing = new LinkedHashMap<>();
        for (SelfCheckAnswerRecord a : tx.selectFrom(SELF_CHECK_ANSWER).where(SELF_CHECK_ANSWER.RESPONSE_ID.eq(responseId))
                .fetch()) {
            existing.put(a.getQuestionId(), a);
        }
        int changed = 0;
        // The changed answers, old and new, go into the response's one audit row (children of the record).
        java.util.List<String> oldAnswers = new java.util.ArrayList<>();
        java.util.List<String> newAnswers = new java.util.ArrayList<>();
        for (Answer a : answers) {
            Question q = template.question(a.questionId()).orElseThrow(() ->
                    new IllegalArgumentException("Frågan hör inte till mallen för den här egenkontrollen."));
            String value = AnswerValues.normalise(q.type(), a.value());
            String comment = a.comment() == null || a.comment().isBlank() ? null : a.comment();
            SelfCheckAnswerRecord rec = existing.get(a.questionId());
            if (rec == null) {
                if (value == null && comment == null) {
                    continue;
                }
                rec = tx.newRecord(SELF_CHECK_ANSWER);
                rec.setResponseId(responseId);
                rec.setQuestionId(a.questionId());
            }
            boolean finding = q.isFinding(value);
            if (rec.getId() != null && java.util.Objects.equals(rec.getAnswerValue(), value)
                    && java.util.Objects.equals(rec.getComment(), comment) && Boolean.valueOf(finding).equals(rec.getFinding())) {
                continue;
            }
            String label = q.key() != null ? q.key() : Long.toString(q.id());
            oldAnswers.add(label + ": " + answerText(rec.getAnswerValue(), rec.getComment()));
            newAnswers.add(label + ": " + answerText(value, comment));
            rec.setAnswerValue(value);
            rec.setComment(comment);
            rec.setFinding(finding);
            rec.store();
            changed++;
        }
        if (changed > 0) {
            SelfCheckResponseRecord resp = tx.selectFrom(SELF_CHECK_RESPONSE).where(SELF_CHECK_RESPONSE.ID.eq(responseId))
                    .fetchOne();
            long base = expectedVersion != null ? expectedVersion : resp.getVersion();
            if (resp.getVersion() != base) {
                throw new StaleRecordException(RESPONSE_ENTITY, responseId, base, resp.getVersion());
            }
            SelfCheckResponseRecord before = resp.copy();
            before.setId(resp.getId());
            if (ResponseStatus.NOT_STARTED.name().equals(resp.getStatus())) {
                resp.setStatus(ResponseStatus.DRAFT.name());
            }
            resp.setUpdatedAt(LocalDateTime.now());
            writeVersioned(tx, resp, base);
            var beforeImage = AuditTrail.toMap(before);
            beforeImage.put("answers", oldAnswers);
            var afterImage = AuditTrail.toMap(resp);
            afterImage.put("answers", newAnswers);
            audit.appendMaps(tx, RESPONSE_ENTITY, responseId, AuditAction.UPDATE, beforeImage, afterImage, null);
        }
        return changed;
    }

    private static String answerText(String value, String comment) {
        String v = value == null ? "–" : value;
        return comment == null || comment.isBlank() ? v : v + " (" + comment + ")";
    }

    /** The id of the answer row for a question, creating an empty one if the unit has not answered yet. */
    public long answerId(DSLContext tx, long responseId, long questionId) {
        return tx.select(SELF_CHECK_ANSWER.ID).from(SELF_CHECK_ANSWER)
                .where(SELF_CHECK_ANSWER.RESPONSE_ID.eq(responseId).and(SELF_CHECK_ANSWER.QUESTION_ID.eq(questionId)))
                .fetchOptional(SELF_CHECK_ANSWER.ID)
                .orElseGet(() -> {
                    SelfCheckAnswerRecord rec = tx.newRecord(SELF_CHECK_ANSWER);
                    rec.setResponseId(responseId);
                    rec.setQuestionId(questionId);
                    rec.setFinding(false);
                    rec.store();
                    return rec.getId();
                });
    }

    // ---- improvement actions ---------------------------------------------------------

    public Measure insertAction(DSLContext tx, Measure m) {
        ActionItemRecord rec = tx.newRecord(ACTION_ITEM);
        rec.setSourceType(SOURCE_SELF_CHECK);
        rec.setSourceId(m.sourceId());
        rec.setUnitId(m.unitId());
        rec.setWhat(m.what().strip());
        rec.setResponsible(m.responsible());
        rec.setDueOn(m.dueOn());
        rec.setDoneOn(m.doneOn());
        rec.store();
        audit.append(tx, DeviationRepository.ACTION_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        return toMeasure(rec);
    }

    /** Improvement actions raised from the answers of the given responses ({@code null} = one round's all). */
    public List<FindingAction> actions(Long responseId, Long roundId) {
        Condition c = responseId != null ? SELF_CHECK_ANSWER.RESPONSE_ID.eq(responseId)
                : SELF_CHECK_RESPONSE.ROUND_ID.eq(roundId);
        return db.dsl().select(ACTION_ITEM.asterisk(), SELF_CHECK_ANSWER.RESPONSE_ID, SELF_CHECK_ANSWER.QUESTION_ID,
                        SELF_CHECK_QUESTION.REFERENCE_TEXT)
                .from(ACTION_ITEM)
                .join(SELF_CHECK_ANSWER).on(ACTION_ITEM.SOURCE_TYPE.eq(SOURCE_SELF_CHECK)
                        .and(ACTION_ITEM.SOURCE_ID.eq(SELF_CHECK_ANSWER.ID)))
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_ANSWER.RESPONSE_ID))
                .join(SELF_CHECK_QUESTION).on(SELF_CHECK_QUESTION.ID.eq(SELF_CHECK_ANSWER.QUESTION_ID))
                .where(c).orderBy(ACTION_ITEM.ID)
                .fetch(x -> new FindingAction(x.get(SELF_CHECK_ANSWER.RESPONSE_ID), x.get(SELF_CHECK_ANSWER.QUESTION_ID),
                        toMeasure(x.into(ACTION_ITEM)), x.get(SELF_CHECK_QUESTION.REFERENCE_TEXT)));
    }

    public void markActionDone(DSLContext tx, long actionId, LocalDate doneOn) {
        ActionItemRecord rec = tx.selectFrom(ACTION_ITEM).where(ACTION_ITEM.ID.eq(actionId)).fetchOne();
        ActionItemRecord before = rec.copy();
        before.setId(rec.getId());
        rec.setDoneOn(doneOn);
        rec.setVersion(rec.getVersion() + 1); // decision 0029: every change of an action raises its version
        rec.update();
        audit.append(tx, DeviationRepository.ACTION_ENTITY, actionId, AuditAction.UPDATE, before, rec);
    }

    private static List<Field<?>> groupFields() {
        List<Field<?>> g = new ArrayList<>(List.of(SELF_CHECK_ROUND.fields()));
        g.add(SELF_CHECK_TEMPLATE.NAME);
        g.add(SELF_CHECK_TEMPLATE.VERSION);
        return g;
    }

    // ---- compilation (grouped in the database; submitted responses only) -------------

    private static Condition submittedIn(long roundId) {
        return SELF_CHECK_RESPONSE.ROUND_ID.eq(roundId).and(SELF_CHECK_RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED.name()));
    }

    /** Counts per stored value of the ja/nej and single-choice questions. */
    public List<ValueCount> valueCounts(long roundId) {
        Field<Integer> n = DSL.count();
        return db.dsl().select(SELF_CHECK_ANSWER.QUESTION_ID, SELF_CHECK_ANSWER.ANSWER_VALUE, n)
                .from(SELF_CHECK_ANSWER)
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_ANSWER.RESPONSE_ID))
                .join(SELF_CHECK_QUESTION).on(SELF_CHECK_QUESTION.ID.eq(SELF_CHECK_ANSWER.QUESTION_ID))
                .where(submittedIn(roundId).and(SELF_CHECK_ANSWER.ANSWER_VALUE.isNotNull())
                        .and(SELF_CHECK_QUESTION.ANSWER_TYPE.in(AnswerType.YES_NO.name(), AnswerType.SINGLE_CHOICE.name())))
                .groupBy(SELF_CHECK_ANSWER.QUESTION_ID, SELF_CHECK_ANSWER.ANSWER_VALUE)
                .fetch(x -> new ValueCount(x.value1(), x.value2(), x.value3()));
    }

    public List<QuestionAggregate> questionAggregates(long roundId) {
        Field<Integer> answered = DSL.count(SELF_CHECK_ANSWER.ANSWER_VALUE);
        Field<Integer> findings = DSL.count().filterWhere(SELF_CHECK_ANSWER.FINDING.isTrue());
        Field<Double> mean = DSL.avg(DSL.when(SELF_CHECK_QUESTION.ANSWER_TYPE.in(AnswerType.NUMBER.name(),
                        AnswerType.PERCENTAGE.name()), SELF_CHECK_ANSWER.ANSWER_VALUE.cast(SQLDataType.DOUBLE)))
                .cast(SQLDataType.DOUBLE);
        Field<Integer> assessable = DSL.count(SELF_CHECK_ANSWER.ANSWER_VALUE).filterWhere(SelfCheckJudged.condition());
        return db.dsl().select(SELF_CHECK_ANSWER.QUESTION_ID, answered, findings, mean, assessable)
                .from(SELF_CHECK_ANSWER)
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_ANSWER.RESPONSE_ID))
                .join(SELF_CHECK_QUESTION).on(SELF_CHECK_QUESTION.ID.eq(SELF_CHECK_ANSWER.QUESTION_ID))
                .where(submittedIn(roundId))
                .groupBy(SELF_CHECK_ANSWER.QUESTION_ID)
                .fetch(x -> new QuestionAggregate(x.value1(), x.value2(), x.value3(), x.value4(), x.value5()));
    }

    /** Per response of the round (any status): answered, findings, assessable answers. */
    public List<ResponseAggregate> responseAggregates(long roundId) {
        Field<Integer> answered = DSL.count(SELF_CHECK_ANSWER.ANSWER_VALUE);
        Field<Integer> findings = DSL.count(SELF_CHECK_ANSWER.ID).filterWhere(SELF_CHECK_ANSWER.FINDING.isTrue());
        Field<Integer> assessable = DSL.count(SELF_CHECK_ANSWER.ANSWER_VALUE).filterWhere(SelfCheckJudged.condition());
        return db.dsl().select(SELF_CHECK_RESPONSE.ID, answered, findings, assessable)
                .from(SELF_CHECK_RESPONSE)
                .leftJoin(SELF_CHECK_ANSWER).on(SELF_CHECK_ANSWER.RESPONSE_ID.eq(SELF_CHECK_RESPONSE.ID))
                .leftJoin(SELF_CHECK_QUESTION).on(SELF_CHECK_QUESTION.ID.eq(SELF_CHECK_ANSWER.QUESTION_ID))
                .where(SELF_CHECK_RESPONSE.ROUND_ID.eq(roundId))
                .groupBy(SELF_CHECK_RESPONSE.ID)
                .fetch(x -> new ResponseAggregate(x.value1(), x.value2(), x.value3(), x.value4()));
    }

    /** Every stored value of the multiple-choice questions (split and counted by the service). */
    public List<ValueCount> multipleChoiceValues(long roundId) {
        return db.dsl().select(SELF_CHECK_ANSWER.QUESTION_ID, SELF_CHECK_ANSWER.ANSWER_VALUE)
                .from(SELF_CHECK_ANSWER)
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_ANSWER.RESPONSE_ID))
                .join(SELF_CHECK_QUESTION).on(SELF_CHECK_QUESTION.ID.eq(SELF_CHECK_ANSWER.QUESTION_ID))
                .where(submittedIn(roundId).and(SELF_CHECK_ANSWER.ANSWER_VALUE.isNotNull())
                        .and(SELF_CHECK_QUESTION.ANSWER_TYPE.eq(AnswerType.MULTIPLE_CHOICE.name())))
                .fetch(x -> new ValueCount(x.value1(), x.value2(), 1));
    }

    /** Every unit's answer to one question of a round (submitted responses only), by response id. */
    public Map<Long, Answer> answersToQuestion(long roundId, long questionId) {
        Map<Long, Answer> out = new LinkedHashMap<>();
        db.dsl().select(SELF_CHECK_ANSWER.asterisk()).from(SELF_CHECK_ANSWER)
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_ANSWER.RESPONSE_ID))
                .where(submittedIn(roundId).and(SELF_CHECK_ANSWER.QUESTION_ID.eq(questionId)))
                .fetch(x -> x.into(SELF_CHECK_ANSWER))
                .forEach(a -> out.put(a.getResponseId(),
                        new Answer(a.getId(), a.getQuestionId(), a.getAnswerValue(), a.getComment())));
        return out;
    }

    /** The rounds of one template family (any version), newest period first. */
    public List<Round> roundsOfFamily(long familyId) {
        return db.dsl().select(SELF_CHECK_ROUND.asterisk()).from(SELF_CHECK_ROUND)
                .join(SELF_CHECK_TEMPLATE).on(SELF_CHECK_TEMPLATE.ID.eq(SELF_CHECK_ROUND.TEMPLATE_ID))
                .where(SELF_CHECK_TEMPLATE.FAMILY_ID.eq(familyId))
                .orderBy(SELF_CHECK_ROUND.PERIOD_START.desc(), SELF_CHECK_ROUND.ID.desc())
                .fetch(x -> toRound(x.into(SELF_CHECK_ROUND)));
    }

    // ---- Bilaga 2 edits --------------------------------------------------------------

    /** The coordinator's Bilaga 2 edits of a round's responses (only those with an edit), by response id. */
    public Map<Long, Bilaga2Edit> bilaga2Edits(long roundId) {
        Map<Long, Bilaga2Edit> out = new LinkedHashMap<>();
        db.dsl().select(SELF_CHECK_RESPONSE.ID, SELF_CHECK_RESPONSE.RESULT_OVERRIDE, SELF_CHECK_RESPONSE.IMPROVED_ROUTINES)
                .from(SELF_CHECK_RESPONSE)
                .where(SELF_CHECK_RESPONSE.ROUND_ID.eq(roundId)
                        .and(SELF_CHECK_RESPONSE.RESULT_OVERRIDE.isNotNull().or(SELF_CHECK_RESPONSE.IMPROVED_ROUTINES.isNotNull())))
                .forEach(x -> out.put(x.value1(), new Bilaga2Edit(x.value2(), x.value3())));
        return out;
    }

    /**
     * Stores the coordinator's Bilaga 2 row of a response: the result level name ({@code null}: follow the answers)
     * and the routines text ({@code null}: the routines of the done actions). Audited; returns whether anything
     * changed.
     */
    public boolean saveBilaga2(DSLContext tx, long responseId, String resultOverride, String routines) {
        SelfCheckResponseRecord rec = tx.selectFrom(SELF_CHECK_RESPONSE).where(SELF_CHECK_RESPONSE.ID.eq(responseId))
                .fetchOptional().orElseThrow(() ->
                        new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ")."));
        if (java.util.Objects.equals(rec.getResultOverride(), resultOverride)
                && java.util.Objects.equals(rec.getImprovedRoutines(), routines)) {
            return false;
        }
        SelfCheckResponseRecord before = rec.copy();
        before.setId(rec.getId());
        rec.setResultOverride(resultOverride);
        rec.setImprovedRoutines(routines);
        rec.update();
        audit.append(tx, RESPONSE_ENTITY, responseId, AuditAction.UPDATE, before, rec);
        return true;
    }

    // ---- mapping ---------------------------------------------------------------------

    private static Question toQuestion(SelfCheckQuestionRecord q) {
        return new Question(q.getId(), q.getQuestionKey(), q.getText(), AnswerType.valueOf(q.getAnswerType()),
                Boolean.TRUE.equals(q.getRequired()), q.getHelpText(), q.getReferenceText(),
                AnswerValues.split(q.getOptions()), FindingRule.decode(q.getFindingRule()));
    }

    private static Round toRound(SelfCheckRoundRecord r) {
        return new Round(r.getId(), r.getName(), r.getTemplateId(), r.getPeriodStart(), r.getPeriodEnd(), r.getDueOn(),
                r.getScopeUnitId(), r.getScopeBusinessAreaId());
    }

    private static ResponseRow toRow(Record x, LocalDate today) {
        ResponseStatus status = ResponseStatus.valueOf(x.get(SELF_CHECK_RESPONSE.STATUS));
        LocalDate due = x.get(SELF_CHECK_ROUND.DUE_ON);
        return new ResponseRow(x.get(SELF_CHECK_RESPONSE.ID), x.get(SELF_CHECK_RESPONSE.ROUND_ID), x.get(SELF_CHECK_ROUND.NAME),
                x.get(SELF_CHECK_ROUND.TEMPLATE_ID), x.get(SELF_CHECK_RESPONSE.UNIT_ID), x.get(UNIT.NAME), status, due,
                x.get(SELF_CHECK_RESPONSE.UPDATED_AT), x.get(SELF_CHECK_RESPONSE.SUBMITTED_AT),
                status.pending() && due != null && due.isBefore(today));
    }

    private static Measure toMeasure(ActionItemRecord r) {
        return new Measure(r.getId(), r.getSourceType(), r.getSourceId(), r.getUnitId(), r.getWhat(),
                r.getMeasureTypeId(), r.getResponsible(), r.getDueOn(), r.getDoneOn(), r.getEffectCheck(),
                r.getEffective());
    }
}
