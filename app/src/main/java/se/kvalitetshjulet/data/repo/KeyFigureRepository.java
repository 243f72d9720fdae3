package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.KF_COMPARISON;
import static se.kvalitetshjulet.data.jooq.Tables.KF_FOLLOWED_KPI;
import static se.kvalitetshjulet.data.jooq.Tables.KF_KPI;
import static se.kvalitetshjulet.data.jooq.Tables.KF_MUNICIPALITY;
import static se.kvalitetshjulet.data.jooq.Tables.KF_OWN_FIGURE;
import static se.kvalitetshjulet.data.jooq.Tables.KF_OWN_VALUE;
import static se.kvalitetshjulet.data.jooq.Tables.KF_VALUE;
import static se.kvalitetshjulet.data.jooq.Tables.SURVEY_RESULT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.KfOwnFigureRecord;
import se.kvalitetshjulet.data.jooq.tables.records.KfOwnValueRecord;
import se.kvalitetshjulet.data.jooq.tables.records.SurveyResultRecord;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.KoladaValue;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.Municipality;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;

/**
 * Key figures (nyckeltal): Kolada's catalogue, municipalities and values, the KPIs followed and the municipalities
 * compared with, own key figures, and the national user survey per unit. Writes happen in the caller's transaction.
 */
public final class KeyFigureRepository {
    public static final String IMPORT_ENTITY = "keyfigure_import";
    static final String OWN_VALUE_ENTITY = "kf_own_value";
    static final String OWN_FIGURE_ENTITY = "kf_own_figure";
    static final String SURVEY_ENTITY = "survey_result";
    static final String SETTINGS_ENTITY = "kf_settings";

    /** What a write of many rows did. */
    public record Written(int inserted, int updated, int unchanged) {
        public Written plus(Written o) {
            return new Written(inserted + o.inserted, updated + o.updated, unchanged + o.unchanged);
        }

        public boolean changedAnything() {
            return inserted + updated > 0;
        }
    }


    private final Database db;
    private final AuditTrail audit;

    public KeyFigureRepository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    // ---- catalogue ---------------------------------------------------------------------

    public Written upsertKpis(DSLContext tx, Collection<Kpi> kpis) {
        int ins = 0;
        int upd = 0;
        int same = 0;
        for (Kpi k : kpis) {
            var before = tx.selectFrom(KF_KPI).where(KF_KPI.ID.eq(k.id())).fetchOne();
            var after = tx.newRecord(KF_KPI);
            after.setId(k.id());
            after.setTitle(k.title());
            after.setDescription(k.description());
            after.setIsDividedByGender(k.dividedByGender());
            after.setMunicipalityType(k.municipalityType());
            after.setOperatingArea(k.operatingArea());
            after.setPerspective(k.perspective());
            after.setHasOuData(k.hasOuData());
            after.setPublPeriod(k.publicationPeriod());
            if (before == null) {
                after.insert();
                ins++;
            } else if (AuditTrail.differs(before, after)) {
                tx.update(KF_KPI).set(after).where(KF_KPI.ID.eq(k.id())).execute();
                upd++;
            } else {
                same++;
            }
        }
        return new Written(ins, upd, same);
    }

    /** KPIs whose id or title contains every word of {@code query} (case-insensitive); all when blank. */
    public List<Kpi> searchKpis(String query, int limit) {
        Condition c = DSL.trueCondition();
        if (query != null) {
            for (String word : query.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    String like = "%" + word.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
                    c = c.and(DSL.lower(KF_KPI.ID).like(like)
                            .or(DSL.function(Database.UNICODE_LOWER, String.class, KF_KPI.TITLE).like(like)));
                }
            }
        }
        return db.dsl().selectFrom(KF_KPI).where(c).orderBy(KF_KPI.ID).limit(limit).fetch(KeyFigureRepository::kpi);
    }

    public Optional<Kpi> kpi(String id) {
        return db.dsl().selectFrom(KF_KPI).where(KF_KPI.ID.eq(id)).fetchOptional(KeyFigureRepository::kpi);
    }

    public int kpiCount() {
        return db.dsl().fetchCount(KF_KPI);
    }

    private static Kpi kpi(se.kvalitetshjulet.data.jooq.tables.records.KfKpiRecord r) {
        return new Kpi(r.getId(), r.getTitle(), r.getDescription(), Boolean.TRUE.equals(r.getIsDividedByGender()),
                r.getMunicipalityType(), r.getOperatingArea(), r.getPerspective(), Boolean.TRUE.equals(r.getHasOuData()),
                r.getPublPeriod());
    }

    public Written upsertMunicipalities(DSLContext tx, Collection<Municipality> ms) {
        int ins = 0;
        int upd = 0;
        int same = 0;
        for (Municipality m : ms) {
            var before = tx.selectFrom(KF_MUNICIPALITY).where(KF_MUNICIPALITY.CODE.eq(m.code())).fetchOne();
            if (before == null) {
                tx.insertInto(KF_MUNICIPALITY).set(KF_MUNICIPALITY.CODE, m.code()).set(KF_MUNICIPALITY.TITLE, m.title())
                        .set(KF_MUNICIPALITY.TYPE, m.type()).execute();
                ins++;
            } else if (!Objects.equals(before.getTitle(), m.title()) || !Objects.equals(before.getType(), m.type())) {
                tx.update(KF_MUNICIPALITY).set(KF_MUNICIPALITY.TITLE, m.title()).set(KF_MUNICIPALITY.TYPE, m.type())
                        .where(KF_MUNICIPALITY.CODE.eq(m.code())).execute();
                upd++;
            } else {
                same++;
            }
        }
        return new Written(ins, upd, same);
    }

    /** Known municipalities by code, in code order. */
    public Map<String, Municipality> municipalities() {
        Map<String, Municipality> out = new LinkedHashMap<>();
        db.dsl().selectFrom(KF_MUNICIPALITY).orderBy(KF_MUNICIPALITY.CODE)
                .forEach(r -> out.put(r.getCode(), new Municipality(r.getCode(), r.getTitle(), r.getType())));
        return out;
    }

    // ---- values ------------------------------------------------------------------------

    /**
     * Writes Kolada values: a value equal to the stored one (value, status, member count) is left alone, so importing
     * the same file twice changes nothing.
     */
    public Written upsertValues(DSLContext tx, Collection<KoladaValue> values, String source) {
        int ins = 0;
        int upd = 0;
        int same = 0;
        for (KoladaValue v : values) {
            Condition key = KF_VALUE.KPI_ID.eq(v.kpiId()).and(KF_VALUE.MUNICIPALITY_CODE.eq(v.municipalityCode()))
                    .and(KF_VALUE.OU_CODE.eq(v.ouCode())).and(KF_VALUE.PERIOD.eq((long) v.period()))
                    .and(KF_VALUE.GENDER.eq(v.gender()));
            var before = tx.selectFrom(KF_VALUE).where(key).fetchOne();
            if (before == null) {
                tx.insertInto(KF_VALUE).set(KF_VALUE.KPI_ID, v.kpiId()).set(KF_VALUE.MUNICIPALITY_CODE, v.municipalityCode())
                        .set(KF_VALUE.OU_CODE, v.ouCode()).set(KF_VALUE.PERIOD, (long) v.period())
                        .set(KF_VALUE.GENDER, v.gender()).set(KF_VALUE.VALUE, v.value()).set(KF_VALUE.STATUS, v.status())
                        .set(KF_VALUE.MEMBER_COUNT, (long) v.memberCount()).set(KF_VALUE.SOURCE, source).execute();
                ins++;
            } else if (!Objects.equals(before.getValue(), v.value()) || !Objects.equals(before.getStatus(), v.status())
                    || before.getMemberCount() != v.memberCount()) {
                tx.update(KF_VALUE).set(KF_VALUE.VALUE, v.value()).set(KF_VALUE.STATUS, v.status())
                        .set(KF_VALUE.MEMBER_COUNT, (long) v.memberCount()).set(KF_VALUE.SOURCE, source)
                        .where(key).execute();
                upd++;
            } else {
                same++;
            }
        }
        return new Written(ins, upd, same);
    }

    /** The values of one KPI for the municipalities (municipality level, not ou), oldest year first. */
    public List<KoladaValue> values(String kpiId, Collection<String> municipalityCodes, String gender) {
        Condition c = KF_VALUE.KPI_ID.eq(kpiId).and(KF_VALUE.OU_CODE.eq(""));
        if (municipalityCodes != null) {
            c = c.and(KF_VALUE.MUNICIPALITY_CODE.in(municipalityCodes));
        }
        if (gender != null) {
            c = c.and(KF_VALUE.GENDER.eq(gender));
        }
        return db.dsl().selectFrom(KF_VALUE).where(c).orderBy(KF_VALUE.PERIOD, KF_VALUE.MUNICIPALITY_CODE, KF_VALUE.GENDER)
                .fetch(r -> new KoladaValue(r.getKpiId(), r.getMunicipalityCode(), r.getOuCode(), r.getPeriod().intValue(),
                        r.getGender(), r.getValue(), r.getStatus(), r.getMemberCount().intValue()));
    }

    public int valueCount() {
        return db.dsl().fetchCount(KF_VALUE);
    }

    /** KPIs that have values, with how many. */
    public Map<String, Integer> kpisWithValues() {
        Map<String, Integer> out = new LinkedHashMap<>();
        db.dsl().select(KF_VALUE.KPI_ID, DSL.count()).from(KF_VALUE).groupBy(KF_VALUE.KPI_ID).orderBy(KF_VALUE.KPI_ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    // ---- what is followed --------------------------------------------------------------

    public List<String> followedKpis() {
        return db.dsl().select(KF_FOLLOWED_KPI.KPI_ID).from(KF_FOLLOWED_KPI)
                .orderBy(KF_FOLLOWED_KPI.SORT_ORDER, KF_FOLLOWED_KPI.KPI_ID).fetch(KF_FOLLOWED_KPI.KPI_ID);
    }

    /** Replaces the followed KPIs; one audit row with before and after. */
    public boolean setFollowedKpis(DSLContext tx, List<String> ids) {
        List<String> before = tx.select(KF_FOLLOWED_KPI.KPI_ID).from(KF_FOLLOWED_KPI)
                .orderBy(KF_FOLLOWED_KPI.SORT_ORDER, KF_FOLLOWED_KPI.KPI_ID).fetch(KF_FOLLOWED_KPI.KPI_ID);
        List<String> after = ids.stream().distinct().toList();
        if (before.equals(after)) {
            return false;
        }
        tx.deleteFrom(KF_FOLLOWED_KPI).execute();
        for (int i = 0; i < after.size(); i++) {
            tx.insertInto(KF_FOLLOWED_KPI).set(KF_FOLLOWED_KPI.KPI_ID, after.get(i))
                    .set(KF_FOLLOWED_KPI.SORT_ORDER, (long) i).execute();
        }
        auditSummary(tx, SETTINGS_ENTITY, 1, Map.of("followed", String.join(",", before)),
                Map.of("followed", String.join(",", after)));
        return true;
    }

    public List<ComparisonChoice> comparisons() {
        return db.dsl().selectFrom(KF_COMPARISON).orderBy(KF_COMPARISON.SORT_ORDER, KF_COMPARISON.MUNICIPALITY_CODE)
                .fetch(r -> new ComparisonChoice(r.getMunicipalityCode(), ComparisonRole.valueOf(r.getRole())));
    }

    /** Replaces the comparison municipalities; one audit row with before and after. */
    public boolean setComparisons(DSLContext tx, List<ComparisonChoice> list) {
        List<ComparisonChoice> before = tx.selectFrom(KF_COMPARISON).orderBy(KF_COMPARISON.SORT_ORDER, KF_COMPARISON.MUNICIPALITY_CODE)
                .fetch(r -> new ComparisonChoice(r.getMunicipalityCode(), ComparisonRole.valueOf(r.getRole())));
        if (before.equals(list)) {
            return false;
        }
        tx.deleteFrom(KF_COMPARISON).execute();
        for (int i = 0; i < list.size(); i++) {
            tx.insertInto(KF_COMPARISON).set(KF_COMPARISON.MUNICIPALITY_CODE, list.get(i).code())
                    .set(KF_COMPARISON.ROLE, list.get(i).role().name()).set(KF_COMPARISON.SORT_ORDER, (long) i).execute();
        }
        auditSummary(tx, SETTINGS_ENTITY, 2, Map.of("comparisons", before.toString()), Map.of("comparisons", list.toString()));
        return true;
    }

    // ---- own key figures ---------------------------------------------------------------

    public List<OwnFigure> ownFigures() {
        return db.dsl().selectFrom(KF_OWN_FIGURE).orderBy(KF_OWN_FIGURE.NAME).fetch(KeyFigureRepository::figure);
    }

    public Optional<OwnFigure> ownFigure(String code) {
        return db.dsl().selectFrom(KF_OWN_FIGURE).where(KF_OWN_FIGURE.CODE.eq(code)).fetchOptional(KeyFigureRepository::figure);
    }

    private static OwnFigure figure(KfOwnFigureRecord r) {
        return new OwnFigure(r.getId(), r.getCode(), r.getName(), OwnFigure.Measure.valueOf(r.getMeasure()),
                r.getUnitLabel(), Boolean.TRUE.equals(r.getLowerIsBetter()), r.getDescription());
    }

    /** Inserts or updates an own figure by code, with an audit row when something changed; returns its id. */
    public long saveOwnFigure(DSLContext tx, OwnFigure f) {
        KfOwnFigureRecord before = tx.selectFrom(KF_OWN_FIGURE).where(KF_OWN_FIGURE.CODE.eq(f.code())).fetchOne();
        KfOwnFigureRecord after = tx.newRecord(KF_OWN_FIGURE);
        after.setCode(f.code());
        after.setName(f.name());
        after.setMeasure(f.measure().name());
        after.setUnitLabel(f.unitLabel());
        after.setLowerIsBetter(f.lowerIsBetter());
        after.setDescription(f.description());
        if (before == null) {
            after.store();
            audit.append(tx, OWN_FIGURE_ENTITY, after.getId(), AuditAction.INSERT, null, after);
            return after.getId();
        }
        after.setId(before.getId());
        if (AuditTrail.differs(before, after)) {
            tx.update(KF_OWN_FIGURE).set(KF_OWN_FIGURE.NAME, f.name()).set(KF_OWN_FIGURE.MEASURE, f.measure().name())
                    .set(KF_OWN_FIGURE.UNIT_LABEL, f.unitLabel()).set(KF_OWN_FIGURE.LOWER_IS_BETTER, f.lowerIsBetter())
                    .set(KF_OWN_FIGURE.DESCRIPTION, f.description()).where(KF_OWN_FIGURE.ID.eq(before.getId())).execute();
            audit.append(tx, OWN_FIGURE_ENTITY, before.getId(), AuditAction.UPDATE, before, after);
        }
        return before.getId();
    }

    /**
     * Writes one value (deleting it when value is null), with an audit row (entity id = the figure) when it changed;
     * {@code withAudit} false for imports, which write one summary row instead.
     */
    public boolean saveOwnValue(DSLContext tx, OwnValue v, boolean withAudit) {
        Condition key = KF_OWN_VALUE.FIGURE_ID.eq(v.figureId()).and(KF_OWN_VALUE.UNIT_ID.eq(v.unitId()))
                .and(KF_OWN_VALUE.YEAR.eq((long) v.year())).and(KF_OWN_VALUE.MONTH.eq((long) v.month()));
        KfOwnValueRecord before = tx.selectFrom(KF_OWN_VALUE).where(key).fetchOne();
        if (v.value() == null) {
            if (before == null) {
                return false;
            }
            tx.deleteFrom(KF_OWN_VALUE).where(key).execute();
            if (withAudit) {
                audit.append(tx, OWN_VALUE_ENTITY, v.figureId(), AuditAction.DELETE, before, null);
            }
            return true;
        }
        KfOwnValueRecord after = tx.newRecord(KF_OWN_VALUE);
        after.setFigureId(v.figureId());
        after.setUnitId(v.unitId());
        after.setYear((long) v.year());
        after.setMonth((long) v.month());
        after.setValue(v.value());
        after.setN(v.n() == null ? null : v.n().longValue());
        if (before != null && !AuditTrail.differs(before, after)) {
            return false;
        }
        if (before == null) {
            tx.insertInto(KF_OWN_VALUE).set(after).execute();
        } else {
            tx.update(KF_OWN_VALUE).set(KF_OWN_VALUE.VALUE, v.value()).set(KF_OWN_VALUE.N, after.getN()).where(key).execute();
        }
        if (withAudit) {
            audit.append(tx, OWN_VALUE_ENTITY, v.figureId(), before == null ? AuditAction.INSERT
                    : AuditAction.UPDATE, before, after);
        }
        return true;
    }

    /** The values of a figure for the units ({@code null}: all), by unit, year and month. */
    public List<OwnValue> ownValues(long figureId, Set<Long> unitIds) {
        Condition c = KF_OWN_VALUE.FIGURE_ID.eq(figureId);
        if (unitIds != null) {
            c = c.and(unitIds.isEmpty() ? DSL.falseCondition() : KF_OWN_VALUE.UNIT_ID.in(unitIds));
        }
        return db.dsl().selectFrom(KF_OWN_VALUE).where(c)
                .orderBy(KF_OWN_VALUE.UNIT_ID, KF_OWN_VALUE.YEAR, KF_OWN_VALUE.MONTH)
                .fetch(r -> new OwnValue(r.getFigureId(), r.getUnitId(), r.getYear().intValue(), r.getMonth().intValue(),
                        r.getValue(), r.getN() == null ? null : r.getN().intValue()));
    }

    // ---- the user survey ---------------------------------------------------------------

    /** Writes one survey result (no per-row audit: imports write one summary row); returns what it did. */
    public Written saveSurvey(DSLContext tx, se.kvalitetshjulet.domain.keyfigure.SurveyResult s, String source) {
        Condition key = SURVEY_RESULT.SURVEY_YEAR.eq((long) s.year()).and(SURVEY_RESULT.UNIT_ID.eq(s.unitId()))
                .and(SURVEY_RESULT.QUESTION_CODE.eq(s.questionCode()));
        SurveyResultRecord before = tx.selectFrom(SURVEY_RESULT).where(key).fetchOne();
        if (before != null && Objects.equals(before.getQuestion(), s.question())
                && Objects.equals(before.getPositiveShare(), s.positiveShare())
                && Objects.equals(toInt(before.getRespondents()), s.respondents())
                && Objects.equals(toInt(before.getInvited()), s.invited())
                && Objects.equals(before.getResponseRate(), s.responseRate())) {
            return new Written(0, 0, 1);
        }
        if (before == null) {
            tx.insertInto(SURVEY_RESULT).set(SURVEY_RESULT.SURVEY_YEAR, (long) s.year()).set(SURVEY_RESULT.UNIT_ID, s.unitId())
                    .set(SURVEY_RESULT.QUESTION_CODE, s.questionCode()).set(SURVEY_RESULT.QUESTION, s.question())
                    .set(SURVEY_RESULT.POSITIVE_SHARE, s.positiveShare()).set(SURVEY_RESULT.RESPONDENTS, toLong(s.respondents()))
                    .set(SURVEY_RESULT.INVITED, toLong(s.invited())).set(SURVEY_RESULT.RESPONSE_RATE, s.responseRate())
                    .set(SURVEY_RESULT.SOURCE, source).execute();
            return new Written(1, 0, 0);
        }
        tx.update(SURVEY_RESULT).set(SURVEY_RESULT.QUESTION, s.question()).set(SURVEY_RESULT.POSITIVE_SHARE, s.positiveShare())
                .set(SURVEY_RESULT.RESPONDENTS, toLong(s.respondents())).set(SURVEY_RESULT.INVITED, toLong(s.invited()))
                .set(SURVEY_RESULT.RESPONSE_RATE, s.responseRate()).set(SURVEY_RESULT.SOURCE, source).where(key).execute();
        return new Written(0, 1, 0);
    }

    /** Survey results for the units ({@code null}: all), by question, unit and year. */
    public List<se.kvalitetshjulet.domain.keyfigure.SurveyResult> surveyResults(Set<Long> unitIds) {
        Condition c = DSL.trueCondition();
        if (unitIds != null) {
            c = unitIds.isEmpty() ? DSL.falseCondition() : SURVEY_RESULT.UNIT_ID.in(unitIds);
        }
        return db.dsl().selectFrom(SURVEY_RESULT).where(c)
                .orderBy(SURVEY_RESULT.QUESTION_CODE, SURVEY_RESULT.UNIT_ID, SURVEY_RESULT.SURVEY_YEAR)
                .fetch(r -> new se.kvalitetshjulet.domain.keyfigure.SurveyResult(r.getSurveyYear().intValue(),
                        r.getUnitId(), r.getQuestionCode(), r.getQuestion(), r.getPositiveShare(),
                        toInt(r.getRespondents()), toInt(r.getInvited()), r.getResponseRate()));
    }

    public int surveyCount() {
        return db.dsl().fetchCount(SURVEY_RESULT);
    }

    // ---- audit of imports --------------------------------------------------------------

    /** One audit row describing an import or a settings change (public data and bulk loads get no per-row audit). */
    public void auditSummary(DSLContext tx, String entity, long entityId, Map<String, ?> before, Map<String, ?> after) {
        audit.append(tx, entity, entityId, before == null ? AuditAction.INSERT : AuditAction.UPDATE,
                record(tx, before), record(tx, after));
    }

    private static Record record(DSLContext tx, Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        List<Field<String>> fields = new ArrayList<>();
        values.keySet().forEach(k -> fields.add(DSL.field(DSL.name(k), String.class)));
        Record r = tx.newRecord(fields.toArray(Field[]::new));
        int i = 0;
        for (Object v : values.values()) {
            r.set(fields.get(i++), v == null ? null : v.toString());
        }
        return r;
    }

    private static Integer toInt(Long v) {
        return v == null ? null : v.intValue();
    }

    private static Long toLong(Integer v) {
        return v == null ? null : v.longValue();
    }
}
