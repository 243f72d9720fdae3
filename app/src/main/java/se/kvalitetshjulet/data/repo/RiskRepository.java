package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.risk.LinkedDeviation;
import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.ANALYSIS_CAUSE;
import static se.kvalitetshjulet.data.jooq.Tables.ANALYSIS_DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.ANALYSIS_STEP;
import static se.kvalitetshjulet.data.jooq.Tables.ANALYSIS_TIMELINE;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_ANALYSIS;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.RISK_TEMPLATE;
import static se.kvalitetshjulet.data.jooq.Tables.UNIT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.AnalysisCauseRecord;
import se.kvalitetshjulet.data.jooq.tables.records.AnalysisDeviationRecord;
import se.kvalitetshjulet.data.jooq.tables.records.AnalysisStepRecord;
import se.kvalitetshjulet.data.jooq.tables.records.AnalysisTimelineRecord;
import se.kvalitetshjulet.data.jooq.tables.records.RiskAnalysisRecord;
import se.kvalitetshjulet.data.jooq.tables.records.RiskItemRecord;
import se.kvalitetshjulet.data.jooq.tables.records.RiskTemplateRecord;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.CauseCategory;
import se.kvalitetshjulet.domain.risk.EventStep;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskAnalysisRow;
import se.kvalitetshjulet.domain.risk.RiskFilter;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.RiskRules;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;

/**
 * Risk and event analyses with their templates, risks, checklist, timeline, causes and linked deviations. An
 * analysis is saved as one aggregate in the caller's transaction; every changed row gets an audit row.
 */
public final class RiskRepository {
    static final String ENTITY = "risk_analysis";
    static final String TEMPLATE_ENTITY = "risk_template";
    static final String RISK_ENTITY = "risk_item";
    static final String DETAIL_ENTITY = "risk_analysis_detail";


    /** Jackson made when it is first needed, not when the database opens (decision 0039). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    private final Database db;
    private final AuditTrail audit;

    public RiskRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    // ---- templates ---------------------------------------------------------------------

    public List<RiskTemplate> templates() {
        return db.dsl().selectFrom(RISK_TEMPLATE).orderBy(RISK_TEMPLATE.ID).fetch(RiskRepository::toTemplate);
    }

    public Optional<RiskTemplate> template(long id) {
        return db.dsl().selectFrom(RISK_TEMPLATE).where(RISK_TEMPLATE.ID.eq(id)).fetchOptional()
                .map(RiskRepository::toTemplate);
    }

    public Optional<RiskTemplate> template(DSLContext tx, long id) {
        return tx.selectFrom(RISK_TEMPLATE).where(RISK_TEMPLATE.ID.eq(id)).fetchOptional().map(RiskRepository::toTemplate);
    }

    /** How many analyses use each template (templates no analysis uses are absent). */
    public java.util.Map<Long, Integer> templateUsage() {
        return templateUsage(db.dsl());
    }

    public java.util.Map<Long, Integer> templateUsage(DSLContext tx) {
        java.util.Map<Long, Integer> out = new java.util.HashMap<>();
        tx.select(RISK_ANALYSIS.TEMPLATE_ID, DSL.count()).from(RISK_ANALYSIS).groupBy(RISK_ANALYSIS.TEMPLATE_ID)
                .fetch().forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Whether another template than {@code exceptId} already has this name. */
    public boolean templateNameTaken(DSLContext tx, String name, Long exceptId) {
        var cond = RISK_TEMPLATE.NAME.eq(name.strip());
        if (exceptId != null) {
            cond = cond.and(RISK_TEMPLATE.ID.ne(exceptId));
        }
        return tx.fetchExists(RISK_TEMPLATE, cond);
    }

    public RiskTemplate saveTemplate(DSLContext tx, RiskTemplate t) {
        RiskTemplateRecord rec;
        if (t.id() == null) {
            rec = tx.newRecord(RISK_TEMPLATE);
            fillTemplate(rec, t);
            rec.store();
            audit.append(tx, TEMPLATE_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        } else {
            rec = tx.selectFrom(RISK_TEMPLATE).where(RISK_TEMPLATE.ID.eq(t.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Mallen finns inte längre (id " + t.id() + ")."));
            RiskTemplateRecord before = rec.copy();
            before.setId(rec.getId());
            fillTemplate(rec, t);
            if (AuditTrail.differs(before, rec)) {
                rec.update();
                audit.append(tx, TEMPLATE_ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
            }
        }
        return toTemplate(rec);
    }

    // ---- queries ---------------------------------------------------------------------

    /**
     * The analyses matching the filter, newest first, with risk counts and due state for {@code today}. Analyses are
     * few (tens to hundreds a year); the due-only filter is applied to the computed rows so that it uses exactly the
     * domain rule.
     */
    public List<RiskAnalysisRow> search(RiskFilter f, LocalDate today) {
        var counts = DSL.select(RISK_ITEM.ANALYSIS_ID, DSL.count().as("n"),
                        DSL.max(RISK_ITEM.PROBABILITY.mul(RISK_ITEM.CONSEQUENCE)).as("max_score"))
                .from(RISK_ITEM).groupBy(RISK_ITEM.ANALYSIS_ID).asTable("rc");
        Field<Long> rcId = counts.field(RISK_ITEM.ANALYSIS_ID);
        Field<Integer> rcN = counts.field("n", Integer.class);
        Field<Long> rcMax = counts.field("max_score", Long.class);
        var successor = RISK_ANALYSIS.as("successor");
        Field<Boolean> hasSuccessor = DSL.field(DSL.exists(DSL.selectOne().from(successor)
                .where(successor.PREVIOUS_ID.eq(RISK_ANALYSIS.ID))));
        List<RiskAnalysisRow> rows = db.dsl()
                .select(RISK_ANALYSIS.ID, RISK_ANALYSIS.KIND, RISK_ANALYSIS.STATUS, RISK_ANALYSIS.TITLE,
                        RISK_ANALYSIS.ANALYSIS_LEVEL, RISK_ANALYSIS.UNIT_ID, UNIT.NAME, RISK_ANALYSIS.TRIGGER_KIND,
                        RISK_ANALYSIS.ANALYSED_ON, RISK_ANALYSIS.FOLLOW_UP_ON, hasSuccessor, rcN, rcMax)
                .from(RISK_ANALYSIS)
                .join(UNIT).on(UNIT.ID.eq(RISK_ANALYSIS.UNIT_ID))
                .leftJoin(counts).on(rcId.eq(RISK_ANALYSIS.ID))
                .where(condition(f))
                .orderBy(RISK_ANALYSIS.ANALYSED_ON.desc(), RISK_ANALYSIS.ID.desc())
                .fetch(r -> {
                    AnalysisLevel level = AnalysisLevel.valueOf(r.value5());
                    AnalysisStatus status = AnalysisStatus.valueOf(r.value3());
                    LocalDate analysed = r.value9();
                    boolean successorExists = Boolean.TRUE.equals(r.value11());
                    return new RiskAnalysisRow(r.value1(), AnalysisKind.valueOf(r.value2()), status, r.value4(), level,
                            r.value6(), r.value7(), r.value8() == null ? null : RiskTrigger.valueOf(r.value8()),
                            analysed, r.value10(),
                            successorExists ? null : RiskRules.nextRecurrence(level, analysed).orElse(null),
                            RiskRules.followUpDue(status, r.value10(), today),
                            RiskRules.recurrenceDue(level, analysed, successorExists, today),
                            r.value12() == null ? 0 : r.value12(), r.value13() == null ? null : r.value13().intValue());
                });
        return f.dueOnly() ? rows.stream().filter(RiskAnalysisRow::due).toList() : rows;
    }

    private static Condition condition(RiskFilter f) {
        List<Condition> c = new ArrayList<>();
        if (f.kind() != null) {
            c.add(RISK_ANALYSIS.KIND.eq(f.kind().name()));
        }
        if (f.level() != null) {
            c.add(RISK_ANALYSIS.ANALYSIS_LEVEL.eq(f.level().name()));
        }
        if (f.unitIds() != null) {
            c.add(f.unitIds().isEmpty() ? DSL.falseCondition() : RISK_ANALYSIS.UNIT_ID.in(f.unitIds()));
        }
        if (f.trigger() != null) {
            c.add(RISK_ANALYSIS.TRIGGER_KIND.eq(f.trigger().name()));
        }
        if (f.year() != null) {
            c.add(RISK_ANALYSIS.ANALYSED_ON.between(LocalDate.of(f.year(), 1, 1), LocalDate.of(f.year(), 12, 31)));
        }
        return DSL.and(c);
    }

    public Optional<RiskAnalysis> find(long id) {
        RiskAnalysisRecord r = db.dsl().selectFrom(RISK_ANALYSIS).where(RISK_ANALYSIS.ID.eq(id)).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        DSLContext q = db.dsl();
        List<Risk> risks = q.selectFrom(RISK_ITEM).where(RISK_ITEM.ANALYSIS_ID.eq(id))
                .orderBy(RISK_ITEM.SORT_ORDER, RISK_ITEM.ID).fetch(RiskRepository::toRisk);
        List<EventStep> steps = q.selectFrom(ANALYSIS_STEP).where(ANALYSIS_STEP.ANALYSIS_ID.eq(id))
                .orderBy(ANALYSIS_STEP.STEP_NO)
                .fetch(s -> new EventStep(s.getStepNo().intValue(), nz(s.getStepText()), Boolean.TRUE.equals(s.getDone())));
        List<TimelineEntry> timeline = q.selectFrom(ANALYSIS_TIMELINE).where(ANALYSIS_TIMELINE.ANALYSIS_ID.eq(id))
                .orderBy(ANALYSIS_TIMELINE.HAPPENED_AT, ANALYSIS_TIMELINE.ID)
                .fetch(t -> new TimelineEntry(t.getHappenedAt(), t.getWhat()));
        List<UnderlyingCause> causes = q.selectFrom(ANALYSIS_CAUSE).where(ANALYSIS_CAUSE.ANALYSIS_ID.eq(id))
                .orderBy(ANALYSIS_CAUSE.ID)
                .fetch(c -> new UnderlyingCause(CauseCategory.valueOf(c.getCategory()), c.getCauseText()));
        List<Long> deviations = q.select(ANALYSIS_DEVIATION.DEVIATION_ID).from(ANALYSIS_DEVIATION)
                .where(ANALYSIS_DEVIATION.ANALYSIS_ID.eq(id)).orderBy(ANALYSIS_DEVIATION.DEVIATION_ID)
                .fetch(ANALYSIS_DEVIATION.DEVIATION_ID);
        return Optional.of(new RiskAnalysis(r.getId(), r.getTemplateId(), AnalysisKind.valueOf(r.getKind()),
                AnalysisStatus.valueOf(r.getStatus()), r.getTitle(), AnalysisLevel.valueOf(r.getAnalysisLevel()),
                r.getUnitId(), r.getTriggerKind() == null ? null : RiskTrigger.valueOf(r.getTriggerKind()),
                r.getAnalysedOn(), nz(r.getParticipants()), nz(r.getProcessDescription()), nz(r.getNoMeasuresReason()),
                nz(r.getImprovedRoutines()), r.getFollowUpOn(), r.getDecidedBy(), r.getDecidedOn(), r.getPreviousId(),
                risks, steps, timeline, causes, deviations));
    }

    /** The improvement actions of an analysis, in the order they were added. */
    public List<Measure> measures(long analysisId) {
        return db.dsl().selectFrom(ACTION_ITEM)
                .where(ACTION_ITEM.SOURCE_TYPE.eq(RiskAnalysis.SOURCE).and(ACTION_ITEM.SOURCE_ID.eq(analysisId)))
                .orderBy(ACTION_ITEM.ID).fetch(DeviationRepository::toMeasure);
    }

    /** Measures of many analyses at once (reports), keyed by analysis id. */
    public Map<Long, List<Measure>> measures(Set<Long> analysisIds) {
        Map<Long, List<Measure>> out = new HashMap<>();
        if (analysisIds.isEmpty()) {
            return out;
        }
        db.dsl().selectFrom(ACTION_ITEM)
                .where(ACTION_ITEM.SOURCE_TYPE.eq(RiskAnalysis.SOURCE).and(ACTION_ITEM.SOURCE_ID.in(analysisIds)))
                .orderBy(ACTION_ITEM.ID)
                .forEach(r -> out.computeIfAbsent(r.getSourceId(), k -> new ArrayList<>()).add(DeviationRepository.toMeasure(r)));
        return out;
    }

    public List<LinkedDeviation> linkedDeviations(long analysisId) {
        return db.dsl().select(DEVIATION.ID, DEVIATION.CASE_REF, DEVIATION.TITLE).from(ANALYSIS_DEVIATION)
                .join(DEVIATION).on(DEVIATION.ID.eq(ANALYSIS_DEVIATION.DEVIATION_ID))
                .where(ANALYSIS_DEVIATION.ANALYSIS_ID.eq(analysisId)).orderBy(DEVIATION.CASE_REF)
                .fetch(r -> new LinkedDeviation(r.value1(), r.value2(), r.value3()));
    }

    // ---- writes ----------------------------------------------------------------------

    /** Inserts or updates the analysis and all its parts, with audit rows, in the caller's transaction. */
    public RiskAnalysis save(DSLContext tx, RiskAnalysis a) {
        RiskAnalysisRecord rec;
        if (a.id() == null) {
            rec = tx.newRecord(RISK_ANALYSIS);
            fill(rec, a);
            rec.store();
            audit.append(tx, ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
        } else {
            rec = tx.selectFrom(RISK_ANALYSIS).where(RISK_ANALYSIS.ID.eq(a.id())).fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("Analysen finns inte längre (id " + a.id() + ")."));
            RiskAnalysisRecord before = rec.copy();
            before.setId(rec.getId());
            LocalDateTime stamp = rec.getUpdatedAt();
            fill(rec, a);
            rec.setUpdatedAt(stamp);
            if (AuditTrail.differs(before, rec)) {
                rec.setUpdatedAt(LocalDateTime.now());
                rec.update();
                audit.append(tx, ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
            }
        }
        long id = rec.getId();
        List<Risk> savedRisks = saveRisks(tx, id, a.risks());
        saveSteps(tx, id, a.steps());
        saveTimeline(tx, id, a.timeline());
        saveCauses(tx, id, a.causes());
        saveDeviationLinks(tx, id, a.deviationIds());
        return a.withId(id).withRisks(savedRisks);
    }

    private List<Risk> saveRisks(DSLContext tx, long analysisId, List<Risk> risks) {
        Map<Long, RiskItemRecord> existing = new HashMap<>();
        tx.selectFrom(RISK_ITEM).where(RISK_ITEM.ANALYSIS_ID.eq(analysisId)).forEach(r -> existing.put(r.getId(), r));
        Set<Long> kept = new HashSet<>();
        List<Risk> out = new ArrayList<>();
        int order = 0;
        for (Risk r : risks) {
            RiskItemRecord rec = r.id() == null ? null : existing.get(r.id());
            if (rec == null) {
                rec = tx.newRecord(RISK_ITEM);
                fillRisk(rec, analysisId, order++, r);
                rec.store();
                audit.append(tx, RISK_ENTITY, rec.getId(), AuditAction.INSERT, null, rec);
            } else {
                RiskItemRecord before = rec.copy();
                before.setId(rec.getId());
                fillRisk(rec, analysisId, order++, r);
                if (AuditTrail.differs(before, rec)) {
                    rec.update();
                    audit.append(tx, RISK_ENTITY, rec.getId(), AuditAction.UPDATE, before, rec);
                }
            }
            kept.add(rec.getId());
            out.add(toRisk(rec));
        }
        for (RiskItemRecord old : existing.values()) {
            if (!kept.contains(old.getId())) {
                old.delete();
                audit.append(tx, RISK_ENTITY, old.getId(), AuditAction.DELETE, old, null);
            }
        }
        return out;
    }

    private void saveSteps(DSLContext tx, long id, List<EventStep> steps) {
        List<AnalysisStepRecord> old = tx.selectFrom(ANALYSIS_STEP).where(ANALYSIS_STEP.ANALYSIS_ID.eq(id))
                .orderBy(ANALYSIS_STEP.STEP_NO).fetch();
        List<EventStep> stored = old.stream().map(s -> new EventStep(s.getStepNo().intValue(), nz(s.getStepText()),
                Boolean.TRUE.equals(s.getDone()))).toList();
        List<EventStep> wanted = steps.stream().map(s -> new EventStep(s.number(), nz(s.text()), s.done())).toList();
        if (stored.equals(wanted)) {
            return;
        }
        replace(tx, old, () -> tx.deleteFrom(ANALYSIS_STEP).where(ANALYSIS_STEP.ANALYSIS_ID.eq(id)).execute(), id);
        for (EventStep s : wanted) {
            AnalysisStepRecord rec = tx.newRecord(ANALYSIS_STEP);
            rec.setAnalysisId(id);
            rec.setStepNo((long) s.number());
            rec.setStepText(s.text());
            rec.setDone(s.done());
            rec.store();
            audit.append(tx, DETAIL_ENTITY, id, AuditAction.INSERT, null, rec);
        }
    }

    private void saveTimeline(DSLContext tx, long id, List<TimelineEntry> timeline) {
        List<AnalysisTimelineRecord> old = tx.selectFrom(ANALYSIS_TIMELINE).where(ANALYSIS_TIMELINE.ANALYSIS_ID.eq(id))
                .orderBy(ANALYSIS_TIMELINE.HAPPENED_AT, ANALYSIS_TIMELINE.ID).fetch();
        List<TimelineEntry> stored = old.stream().map(t -> new TimelineEntry(t.getHappenedAt(), t.getWhat())).toList();
        List<TimelineEntry> wanted = timeline.stream()
                .sorted(java.util.Comparator.comparing(TimelineEntry::at)).toList();
        if (stored.equals(wanted)) {
            return;
        }
        replace(tx, old, () -> tx.deleteFrom(ANALYSIS_TIMELINE).where(ANALYSIS_TIMELINE.ANALYSIS_ID.eq(id)).execute(), id);
        for (TimelineEntry t : wanted) {
            AnalysisTimelineRecord rec = tx.newRecord(ANALYSIS_TIMELINE);
            rec.setAnalysisId(id);
            rec.setHappenedAt(t.at());
            rec.setWhat(t.what());
            rec.store();
            audit.append(tx, DETAIL_ENTITY, id, AuditAction.INSERT, null, rec);
        }
    }

    private void saveCauses(DSLContext tx, long id, List<UnderlyingCause> causes) {
        List<AnalysisCauseRecord> old = tx.selectFrom(ANALYSIS_CAUSE).where(ANALYSIS_CAUSE.ANALYSIS_ID.eq(id))
                .orderBy(ANALYSIS_CAUSE.ID).fetch();
        List<UnderlyingCause> stored = old.stream()
                .map(c -> new UnderlyingCause(CauseCategory.valueOf(c.getCategory()), c.getCauseText())).toList();
        if (stored.equals(causes)) {
            return;
        }
        replace(tx, old, () -> tx.deleteFrom(ANALYSIS_CAUSE).where(ANALYSIS_CAUSE.ANALYSIS_ID.eq(id)).execute(), id);
        for (UnderlyingCause c : causes) {
            AnalysisCauseRecord rec = tx.newRecord(ANALYSIS_CAUSE);
            rec.setAnalysisId(id);
            rec.setCategory(c.category().name());
            rec.setCauseText(c.text());
            rec.store();
            audit.append(tx, DETAIL_ENTITY, id, AuditAction.INSERT, null, rec);
        }
    }

    private void saveDeviationLinks(DSLContext tx, long id, List<Long> deviationIds) {
        List<AnalysisDeviationRecord> old = tx.selectFrom(ANALYSIS_DEVIATION)
                .where(ANALYSIS_DEVIATION.ANALYSIS_ID.eq(id)).fetch();
        if (old.stream().map(AnalysisDeviationRecord::getDeviationId).collect(java.util.stream.Collectors.toSet())
                .equals(new HashSet<>(deviationIds))) {
            return;
        }
        replace(tx, old, () -> tx.deleteFrom(ANALYSIS_DEVIATION).where(ANALYSIS_DEVIATION.ANALYSIS_ID.eq(id)).execute(), id);
        for (Long d : new java.util.LinkedHashSet<>(deviationIds)) {
            AnalysisDeviationRecord rec = tx.newRecord(ANALYSIS_DEVIATION);
            rec.setAnalysisId(id);
            rec.setDeviationId(d);
            rec.store();
            audit.append(tx, DETAIL_ENTITY, id, AuditAction.INSERT, null, rec);
        }
    }

    private void replace(DSLContext tx, List<? extends org.jooq.Record> old, Runnable delete, long id) {
        for (org.jooq.Record r : old) {
            audit.append(tx, DETAIL_ENTITY, id, AuditAction.DELETE, r, null);
        }
        delete.run();
    }

    // ---- mapping ---------------------------------------------------------------------

    private static void fill(RiskAnalysisRecord r, RiskAnalysis a) {
        r.setTemplateId(a.templateId());
        r.setKind(a.kind().name());
        r.setStatus(a.status().name());
        r.setTitle(a.title().strip());
        r.setAnalysisLevel(a.level().name());
        r.setUnitId(a.unitId());
        r.setTriggerKind(a.trigger() == null ? null : a.trigger().name());
        r.setAnalysedOn(a.analysedOn());
        r.setParticipants(a.participants());
        r.setProcessDescription(a.processDescription());
        r.setNoMeasuresReason(a.noMeasuresReason());
        r.setImprovedRoutines(a.improvedRoutines());
        r.setFollowUpOn(a.followUpOn());
        r.setDecidedBy(a.decidedBy());
        r.setDecidedOn(a.decidedOn());
        r.setPreviousId(a.previousId());
        r.setUpdatedAt(LocalDateTime.now());
    }

    private static void fillRisk(RiskItemRecord rec, long analysisId, int order, Risk r) {
        rec.setAnalysisId(analysisId);
        rec.setSortOrder((long) order);
        rec.setDescription(r.description().strip());
        rec.setCauses(r.causes());
        rec.setBarriers(r.barriers());
        rec.setProbability(toLong(r.probability()));
        rec.setConsequence(toLong(r.consequence()));
        rec.setResidualProbability(toLong(r.residualProbability()));
        rec.setResidualConsequence(toLong(r.residualConsequence()));
    }

    private static Risk toRisk(RiskItemRecord r) {
        return new Risk(r.getId(), r.getDescription(), nz(r.getCauses()), nz(r.getBarriers()), toInt(r.getProbability()),
                toInt(r.getConsequence()), toInt(r.getResidualProbability()), toInt(r.getResidualConsequence()));
    }

    private static void fillTemplate(RiskTemplateRecord rec, RiskTemplate t) {
        rec.setName(t.name().strip());
        rec.setKind(t.kind().name());
        rec.setActive(t.active());
        try {
            rec.setStepsJson(Json.MAPPER.writeValueAsString(t.steps()));
            rec.setMatrixJson(Json.MAPPER.writeValueAsString(t.matrix()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RiskTemplate toTemplate(RiskTemplateRecord r) {
        try {
            List<String> steps = Json.MAPPER.readValue(r.getStepsJson(), new TypeReference<List<String>>() { });
            RiskMatrix matrix = Json.MAPPER.readValue(r.getMatrixJson(), RiskMatrix.class);
            return new RiskTemplate(r.getId(), r.getName(), AnalysisKind.valueOf(r.getKind()), steps, matrix,
                    Boolean.TRUE.equals(r.getActive()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Mallen " + r.getName() + " har en skadad matris: " + e.getOriginalMessage(), e);
        }
    }

    private static Long toLong(Integer i) {
        return i == null ? null : i.longValue();
    }

    private static Integer toInt(Long l) {
        return l == null ? null : l.intValue();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The coordinator's risk-analysis reasons (Listor och regler), active and retired, in the coordinator's order. */
    public List<se.kvalitetshjulet.domain.lists.ListEntry> reasons() {
        return new ListsRepository(db, audit).entries(se.kvalitetshjulet.domain.lists.ListKind.RISK_REASON);
    }
}
