package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ANSWER_IMPORT;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_FORM_COPY;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_RESPONSE;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_ROUND;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckAnswerImportRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckFormCopyRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckResponseRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckRoundRecord;
import se.kvalitetshjulet.domain.selfcheck.Handover.RoundRef;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;

/**
 * Överlämning via fil: the round's uid, a section chief's local copies of forms (which unit of
 * the coordinator's database a local response stands for) and the log of answer files taken in.
 * Every write is audited in the caller's transaction.
 */
public final class SelfCheckHandoverRepository {
    static final String FORM_COPY_ENTITY = "self_check_form_copy";
    static final String ANSWER_IMPORT_ENTITY = "self_check_answer_import";

    /** A round found by its uid: its id here, its template, and whether it is a copy from a form file. */
    public record RoundIdentity(long roundId, long templateId, String name, boolean copy) { }

    /** A local copy of one unit's form. */
    public record FormCopy(long id, long responseId, long roundId, long localUnitId, long sourceUnitId,
                           String sourceUnitName, String sourceUnitPath, String templateHash, String fileChecksum) { }

    /** Who submitted a response and when. */
    public record Submission(String by, LocalDateTime at) { }

    private final AuditTrail audit;

    public SelfCheckHandoverRepository(AuditTrail audit) {
        this.audit = audit;
    }

    // ---- round identity --------------------------------------------------------------

    /** The round's uid, giving it one (audited) if it was created before rounds had one. */
    public String ensureRoundUid(DSLContext tx, long roundId) {
        SelfCheckRoundRecord rec = tx.selectFrom(SELF_CHECK_ROUND).where(SELF_CHECK_ROUND.ID.eq(roundId)).fetchOptional()
                .orElseThrow(() -> new IllegalStateException("Omgången finns inte längre (id " + roundId + ")."));
        if (rec.getUid() != null) {
            return rec.getUid();
        }
        SelfCheckRoundRecord before = rec.copy();
        before.setId(rec.getId());
        rec.setUid(UUID.randomUUID().toString());
        rec.update();
        audit.append(tx, SelfCheckRepository.ROUND_ENTITY, roundId, AuditAction.UPDATE, before, rec);
        return rec.getUid();
    }

    public Optional<String> roundUid(DSLContext ctx, long roundId) {
        return ctx.select(SELF_CHECK_ROUND.UID).from(SELF_CHECK_ROUND).where(SELF_CHECK_ROUND.ID.eq(roundId))
                .fetchOptional(SELF_CHECK_ROUND.UID);
    }

    public Optional<RoundIdentity> findRoundByUid(DSLContext ctx, String uid) {
        return ctx.selectFrom(SELF_CHECK_ROUND).where(SELF_CHECK_ROUND.UID.eq(uid)).fetchOptional()
                .map(r -> new RoundIdentity(r.getId(), r.getTemplateId(), r.getName(),
                        Boolean.TRUE.equals(r.getHandoverCopy())));
    }

    /** Inserts the local copy of a round from a form file, with the coordinator's uid. */
    public long insertRoundCopy(DSLContext tx, RoundRef round, long templateId) {
        SelfCheckRoundRecord rec = tx.newRecord(SELF_CHECK_ROUND);
        rec.setUid(round.uid());
        rec.setHandoverCopy(true);
        rec.setName(round.name().strip());
        rec.setTemplateId(templateId);
        rec.setPeriodStart(round.periodStart());
        rec.setPeriodEnd(round.periodEnd());
        rec.setDueOn(round.dueOn());
        rec.setCreatedAt(LocalDateTime.now());
        rec.store();
        audit.append(tx, SelfCheckRepository.ROUND_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        return rec.getId();
    }

    /** Brings a local copy's name, period and due date up to date with a newer form file; whether anything changed. */
    public boolean updateRoundCopy(DSLContext tx, long roundId, RoundRef round) {
        SelfCheckRoundRecord rec = tx.selectFrom(SELF_CHECK_ROUND).where(SELF_CHECK_ROUND.ID.eq(roundId)).fetchOne();
        SelfCheckRoundRecord before = rec.copy();
        before.setId(rec.getId());
        rec.setName(round.name().strip());
        rec.setPeriodStart(round.periodStart());
        rec.setPeriodEnd(round.periodEnd());
        rec.setDueOn(round.dueOn());
        if (!AuditTrail.differs(before, rec)) {
            return false;
        }
        rec.update();
        audit.append(tx, SelfCheckRepository.ROUND_ENTITY, roundId, AuditAction.UPDATE, before, rec);
        return true;
    }

    /** A template already copied here from a form file with this fingerprint (so a copy is reused). */
    public Optional<Long> templateByFingerprint(DSLContext ctx, String fingerprint) {
        return ctx.select(SELF_CHECK_ROUND.TEMPLATE_ID).from(SELF_CHECK_FORM_COPY)
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_FORM_COPY.RESPONSE_ID))
                .join(SELF_CHECK_ROUND).on(SELF_CHECK_ROUND.ID.eq(SELF_CHECK_RESPONSE.ROUND_ID))
                .where(SELF_CHECK_FORM_COPY.TEMPLATE_HASH.eq(fingerprint))
                .limit(1).fetchOptional(SELF_CHECK_ROUND.TEMPLATE_ID);
    }

    // ---- units and responses ---------------------------------------------------------

    /** A unit with exactly this name directly under {@code parentId} (a root when {@code null}). */
    public Optional<Long> unitByName(DSLContext ctx, Long parentId, String name) {
        return ctx.select(UNIT.ID).from(UNIT)
                .where(parentId == null ? UNIT.PARENT_ID.isNull() : UNIT.PARENT_ID.eq(parentId))
                .and(UNIT.NAME.eq(name.strip()))
                .orderBy(UNIT.ID).limit(1).fetchOptional(UNIT.ID);
    }

    public Optional<Long> responseId(DSLContext ctx, long roundId, long unitId) {
        return ctx.select(SELF_CHECK_RESPONSE.ID).from(SELF_CHECK_RESPONSE)
                .where(SELF_CHECK_RESPONSE.ROUND_ID.eq(roundId).and(SELF_CHECK_RESPONSE.UNIT_ID.eq(unitId)))
                .fetchOptional(SELF_CHECK_RESPONSE.ID);
    }

    public Submission submission(DSLContext ctx, long responseId) {
        return ctx.select(SELF_CHECK_RESPONSE.SUBMITTED_BY, SELF_CHECK_RESPONSE.SUBMITTED_AT).from(SELF_CHECK_RESPONSE)
                .where(SELF_CHECK_RESPONSE.ID.eq(responseId))
                .fetchOptional(r -> new Submission(r.value1(), r.value2()))
                .orElseThrow(() -> new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ")."));
    }

    /**
     * Sets the status of a response taken from a file: submitted with who and when from the
     * file, or a draft (not submitted). Audited; nothing is written when nothing changes.
     */
    public void setStatusFromFile(DSLContext tx, long responseId, ResponseStatus status, String submittedBy,
                                  LocalDateTime submittedAt) {
        setStatusFromFile(tx, responseId, status, submittedBy, submittedAt, null);
    }

    /** As above; {@code reopenReason} is kept (in the response and the audit row) when the status is REOPENED. */
    public void setStatusFromFile(DSLContext tx, long responseId, ResponseStatus status, String submittedBy,
                                  LocalDateTime submittedAt, String reopenReason) {
        SelfCheckResponseRecord rec = tx.selectFrom(SELF_CHECK_RESPONSE).where(SELF_CHECK_RESPONSE.ID.eq(responseId))
                .fetchOne();
        SelfCheckResponseRecord before = rec.copy();
        before.setId(rec.getId());
        rec.setStatus(status.name());
        if (status == ResponseStatus.REOPENED && reopenReason != null) {
            rec.setReopenReason(reopenReason);
        }
        if (status == ResponseStatus.SUBMITTED) {
            rec.setSubmittedBy(submittedBy);
            rec.setSubmittedAt(submittedAt);
        } else {
            rec.setSubmittedBy(null);
            rec.setSubmittedAt(null);
        }
        if (!AuditTrail.differs(before, rec)) {
            return;
        }
        rec.setUpdatedAt(LocalDateTime.now());
        rec.update();
        audit.append(tx, SelfCheckRepository.RESPONSE_ENTITY, responseId, AuditAction.UPDATE, before, rec);
    }

    // ---- local form copies -----------------------------------------------------------

    public Optional<FormCopy> formCopy(DSLContext ctx, long roundId, long sourceUnitId) {
        return ctx.select(SELF_CHECK_FORM_COPY.asterisk(), SELF_CHECK_RESPONSE.ROUND_ID, SELF_CHECK_RESPONSE.UNIT_ID)
                .from(SELF_CHECK_FORM_COPY)
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_FORM_COPY.RESPONSE_ID))
                .where(SELF_CHECK_RESPONSE.ROUND_ID.eq(roundId).and(SELF_CHECK_FORM_COPY.SOURCE_UNIT_ID.eq(sourceUnitId)))
                .fetchOptional(SelfCheckHandoverRepository::toFormCopy);
    }

    public Optional<FormCopy> formCopyOfResponse(DSLContext ctx, long responseId) {
        return ctx.select(SELF_CHECK_FORM_COPY.asterisk(), SELF_CHECK_RESPONSE.ROUND_ID, SELF_CHECK_RESPONSE.UNIT_ID)
                .from(SELF_CHECK_FORM_COPY)
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_FORM_COPY.RESPONSE_ID))
                .where(SELF_CHECK_FORM_COPY.RESPONSE_ID.eq(responseId))
                .fetchOptional(SelfCheckHandoverRepository::toFormCopy);
    }

    /** The template fingerprint recorded for any form of this round copied here. */
    public Optional<String> copiedTemplateHash(DSLContext ctx, long roundId) {
        return ctx.select(SELF_CHECK_FORM_COPY.TEMPLATE_HASH).from(SELF_CHECK_FORM_COPY)
                .join(SELF_CHECK_RESPONSE).on(SELF_CHECK_RESPONSE.ID.eq(SELF_CHECK_FORM_COPY.RESPONSE_ID))
                .where(SELF_CHECK_RESPONSE.ROUND_ID.eq(roundId)).limit(1).fetchOptional(SELF_CHECK_FORM_COPY.TEMPLATE_HASH);
    }

    public void insertFormCopy(DSLContext tx, long responseId, long sourceUnitId, String sourceUnitName,
                               String sourceUnitPath, String templateHash, String fileChecksum) {
        SelfCheckFormCopyRecord rec = tx.newRecord(SELF_CHECK_FORM_COPY);
        rec.setResponseId(responseId);
        rec.setSourceUnitId(sourceUnitId);
        rec.setSourceUnitName(sourceUnitName);
        rec.setSourceUnitPath(sourceUnitPath);
        rec.setTemplateHash(templateHash);
        rec.setFileChecksum(fileChecksum);
        rec.setOpenedAt(LocalDateTime.now());
        rec.store();
        audit.append(tx, FORM_COPY_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
    }

    /** Records that a newer form file for the same unit was opened. */
    public void updateFormCopy(DSLContext tx, long formCopyId, String sourceUnitName, String sourceUnitPath,
                               String fileChecksum) {
        SelfCheckFormCopyRecord rec = tx.selectFrom(SELF_CHECK_FORM_COPY).where(SELF_CHECK_FORM_COPY.ID.eq(formCopyId))
                .fetchOne();
        SelfCheckFormCopyRecord before = rec.copy();
        before.setId(rec.getId());
        rec.setSourceUnitName(sourceUnitName);
        rec.setSourceUnitPath(sourceUnitPath);
        rec.setFileChecksum(fileChecksum);
        rec.setOpenedAt(LocalDateTime.now());
        rec.update();
        audit.append(tx, FORM_COPY_ENTITY, formCopyId, AuditAction.UPDATE, before, rec);
    }

    // ---- answer files taken in -------------------------------------------------------

    /** The outcome recorded when a file with this checksum was taken in before. */
    public Optional<String> importedOutcome(DSLContext ctx, String fileChecksum) {
        return ctx.select(SELF_CHECK_ANSWER_IMPORT.OUTCOME).from(SELF_CHECK_ANSWER_IMPORT)
                .where(SELF_CHECK_ANSWER_IMPORT.FILE_CHECKSUM.eq(fileChecksum))
                .orderBy(SELF_CHECK_ANSWER_IMPORT.ID.desc()).limit(1).fetchOptional(SELF_CHECK_ANSWER_IMPORT.OUTCOME);
    }

    public void logImport(DSLContext tx, String fileChecksum, long roundId, long unitId, String fileName, String outcome) {
        SelfCheckAnswerImportRecord rec = tx.newRecord(SELF_CHECK_ANSWER_IMPORT);
        rec.setFileChecksum(fileChecksum);
        rec.setRoundId(roundId);
        rec.setUnitId(unitId);
        rec.setFileName(fileName == null || fileName.length() <= 300 ? fileName : fileName.substring(0, 300));
        rec.setImportedAt(LocalDateTime.now());
        rec.setOutcome(outcome);
        rec.store();
        audit.append(tx, ANSWER_IMPORT_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
    }

    public int importCount(DSLContext ctx) {
        return ctx.fetchCount(SELF_CHECK_ANSWER_IMPORT);
    }

    private static FormCopy toFormCopy(org.jooq.Record r) {
        return new FormCopy(r.get(SELF_CHECK_FORM_COPY.ID), r.get(SELF_CHECK_FORM_COPY.RESPONSE_ID),
                r.get(SELF_CHECK_RESPONSE.ROUND_ID), r.get(SELF_CHECK_RESPONSE.UNIT_ID),
                r.get(SELF_CHECK_FORM_COPY.SOURCE_UNIT_ID), r.get(SELF_CHECK_FORM_COPY.SOURCE_UNIT_NAME),
                r.get(SELF_CHECK_FORM_COPY.SOURCE_UNIT_PATH), r.get(SELF_CHECK_FORM_COPY.TEMPLATE_HASH),
                r.get(SELF_CHECK_FORM_COPY.FILE_CHECKSUM));
    }
}
