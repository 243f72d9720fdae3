package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.council.OrderedAnalysis;
import se.kvalitetshjulet.domain.council.MeetingRow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.ActionRepository;
import se.kvalitetshjulet.data.repo.CouncilRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionRules;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.council.AgendaBuilder;
import se.kvalitetshjulet.domain.council.AgendaItem;
import se.kvalitetshjulet.domain.council.ChartSignals;
import se.kvalitetshjulet.domain.council.FollowUpItem;
import se.kvalitetshjulet.domain.council.FollowUpOutcome;
import se.kvalitetshjulet.domain.council.FollowUpRules;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.trend.Granularity;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.domain.trend.TrendPoint;

/**
 * Kvalitetsråd: meetings per unit or section whose agenda builds itself from the register (deviations since the
 * previous meeting in the unit's subtree, the previous decisions to follow up, overdue actions, new run chart
 * signals), decisions recorded as actions (source COUNCIL) and followed up at the next meeting until done.
 */
public final class CouncilService {
    private PrivacyService privacy;

    /** Whether the coordinator's policy (Inställningar) refuses identifying details in these texts (decision 0018). */
    public boolean privacyRefuses() {
        return privacy != null && privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.COUNCIL);
    }

    /** The privacy check with the coordinator's policy (Inställningar); set once by AppContext. */
    public CouncilService withPrivacy(PrivacyService p) {
        this.privacy = p;
        return this;
    }

    private java.util.Optional<Problem> privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind kind,
                                                       List<String> texts) {
        return privacy == null ? java.util.Optional.empty() : privacy.refusal(kind, texts);
    }

    /** How many deviations since the previous meeting are listed (all are counted). */
    public static final int DEVIATION_LIST_LIMIT = 200;
    /** Months of the run chart behind a signal, and how many recent months a signal must touch. */
    public static final int CHART_MONTHS = 24;
    public static final int RECENT_MONTHS = 12;

    private final Database db;
    private final CouncilRepository councils;
    private final ActionRepository actions;
    private final DeviationRepository deviations;
    private final TrendService trends;
    private final RiskService risks;
    private final OrganisationService organisation;
    private final Clock clock;

    public CouncilService(Database db, CouncilRepository councils, ActionRepository actions,
                          DeviationRepository deviations, TrendService trends, RiskService risks,
                          OrganisationService organisation, Clock clock) {
        this.db = db;
        this.councils = councils;
        this.actions = actions;
        this.deviations = deviations;
        this.trends = trends;
        this.risks = risks;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** Everything shown while holding a meeting. */
    public record MeetingView(Meeting meeting, String unitName, Meeting previous, LocalDate since, long deviationCount,
                              List<DeviationRow> deviations, Set<Long> reviewed, List<FollowUpItem> followUps,
                              List<ActionRow> overdue, List<AgendaItem> agenda, List<ActionRow> decisions,
                              List<OrderedAnalysis> analyses, long version) { }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public OrganisationService organisation() {
        return organisation;
    }

    // ---- meetings ------------------------------------------------------------------------

    /** Meetings of a unit's subtree (null: all units), newest first. */
    public List<MeetingRow> meetings(Long unitId) {
        return councils.list(unitId == null ? null : organisation.unitScope(unitId, null));
    }

    public Optional<Meeting> find(long id) {
        return councils.find(id);
    }

    public SaveResult<Meeting> save(Meeting m) {
        return save(m, null);
    }

    /** The meeting and the version it was read at; save with that version to be told of others' changes. */
    public Optional<se.kvalitetshjulet.domain.Versioned<Meeting>> openForEdit(long id) {
        return councils.findVersioned(id);
    }

    /**
     * A save of a meeting refused because someone else saved it since it was read (decision 0029): their meeting as
     * saved, its version, who saved it last and when. Nothing was written.
     */
    public record MeetingConflict(Meeting theirs, long theirVersion, String changedBy, java.time.LocalDateTime changedAt) {
    }

    /** A meeting save refused because the meeting changed since it was read. */
    public static final class MeetingConflictException extends RuntimeException {
        private final MeetingConflict conflict;

        public MeetingConflictException(MeetingConflict conflict) {
            super("Mötet har ändrats av " + conflict.changedBy() + " medan du redigerade det. Inget har sparats; välj "
                    + "vad som ska gälla och spara igen.");
            this.conflict = conflict;
        }

        public MeetingConflict conflict() {
            return conflict;
        }
    }

    private MeetingConflict meetingConflict(long id) {
        var theirs = councils.findVersioned(id).orElseThrow();
        var last = councils.lastChange(id).orElse(null);
        return new MeetingConflict(theirs.value(), theirs.version(), last == null ? null : last.actor(),
                last == null ? null : last.at());
    }

    /**
     * As {@link #save(Meeting)}, refused with a {@link MeetingConflictException} when the stored meeting is no longer
     * at {@code expectedVersion} (two council members, or two windows, editing the same meeting).
     */
    public SaveResult<Meeting> save(Meeting m, Long expectedVersion) {
        List<Problem> p = new ArrayList<>();
        privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.COUNCIL,
                java.util.Arrays.asList(m.title(), m.patterns(), m.notes())).ifPresent(p::add);
        if (m.title() == null || m.title().isBlank()) {
            p.add(new Problem("title", "council.validation.titleRequired"));
        }
        if (m.heldOn() == null) {
            p.add(new Problem("heldOn", "council.validation.dateRequired"));
        }
        if (m.held() && m.heldOn() != null && m.heldOn().isAfter(today())) {
            p.add(new Problem("held", "council.validation.heldInFuture"));
        }
        councilTypeProblem(m).ifPresent(p::add);
        for (Meeting.Participant pa : m.participants()) {
            if (pa.name() == null || pa.name().isBlank() || pa.role() == null || pa.role().isBlank()) {
                p.add(new Problem("participants", "council.validation.participant"));
                break;
            }
        }
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        try {
            return SaveResult.saved(db.tx(tx -> councils.save(tx, m, expectedVersion)));
        } catch (se.kvalitetshjulet.data.StaleRecordException stale) {
            throw new MeetingConflictException(meetingConflict(m.id()));
        } catch (org.jooq.exception.DataAccessException e) {
            // SQLite: a stale snapshot's failed write is the same conflict when the meeting's version moved on
            if (expectedVersion != null && m.id() != null
                    && councils.findVersioned(m.id()).map(v -> v.version() != expectedVersion).orElse(false)) {
                throw new MeetingConflictException(meetingConflict(m.id()));
            }
            throw e;
        }
    }

    /**
     * The coordinator's council types (Listor och regler), active and retired, in the coordinator's order. The editor
     * offers the active ones; a retired one is still shown on a meeting that has it.
     */
    public List<se.kvalitetshjulet.domain.lists.ListEntry> councilTypes() {
        return councils.councilTypes();
    }

    /**
     * A meeting's type must be on the list, and a retired type may not be chosen anew: only a meeting that already
     * had it keeps it.
     */
    private Optional<Problem> councilTypeProblem(Meeting m) {
        if (m.councilTypeId() == null) {
            return Optional.empty();
        }
        var type = councilTypes().stream().filter(t -> m.councilTypeId().equals(t.id())).findFirst();
        if (type.isEmpty()) {
            return Optional.of(new Problem("councilType", "council.validation.typeUnknown"));
        }
        if (!type.get().active()) {
            Long stored = m.id() == null ? null : councils.find(m.id()).map(Meeting::councilTypeId).orElse(null);
            if (!m.councilTypeId().equals(stored)) {
                return Optional.of(new Problem("councilType", "council.validation.typeRetired"));
            }
        }
        return Optional.empty();
    }

    /** A new meeting of the same council, planned a month after this one, with the same participants. */
    public Meeting planNext(long meetingId) {
        Meeting m = require(meetingId);
        Meeting next = new Meeting(null, m.unitId(), m.heldOn().plusMonths(1), m.title(), false, null, null,
                m.participants(), m.councilTypeId());
        return db.tx(tx -> councils.save(tx, next));
    }

    // ---- the meeting ---------------------------------------------------------------------

    public MeetingView view(long meetingId) {
        var read = councils.findVersioned(meetingId).orElseThrow(() ->
                new IllegalStateException("Mötet finns inte längre (id " + meetingId + ")."));
        Meeting m = read.value(); // with the version it was read at: the minutes are saved on it (decision 0029)
        OrgTree tree = organisation.tree();
        Set<Long> scope = tree.subtreeIds(m.unitId());
        List<Meeting> earlier = councils.earlier(m);
        Meeting previous = earlier.isEmpty() ? null : earlier.getLast();
        LocalDate since = previous == null ? m.heldOn().minusMonths(1) : previous.heldOn();
        LocalDate today = today();

        DeviationFilter devFilter = DeviationFilter.all().withUnits(scope).withPeriod(since.plusDays(1), m.heldOn());
        long devCount = deviations.count(devFilter, today);
        List<DeviationRow> devs = deviations.search(devFilter, DeviationSort.REGISTERED_ON, true, 0,
                DEVIATION_LIST_LIMIT, today).rows();

        List<FollowUpItem> followUps = followUps(m, earlier);
        List<ActionRow> overdue = actions.search(ActionFilter.all().withUnits(scope).withOverdueOnly(true), 0, 100,
                today).rows();
        List<AgendaBuilder.Signal> signals = signals(scope, m.heldOn().isBefore(today) ? m.heldOn() : today);
        List<AgendaItem> agenda = AgendaBuilder.build(new AgendaBuilder.Input(since, devCount,
                devs.stream().map(DeviationRow::id).toList(),
                followUps.stream().map(f -> f.action().id()).toList(),
                overdue.stream().map(r -> r.measure().id()).toList(), signals, councils.addedItems(meetingId)));
        List<ActionRow> decisions = actions.rows(actions.bySource(ActionSource.COUNCIL.code(), List.of(meetingId))
                .stream().map(Measure::id).toList());
        return new MeetingView(m, tree.find(m.unitId()).map(Unit::name).orElse(""), previous, since, devCount, devs,
                councils.reviewed(meetingId), followUps, overdue, agenda, decisions, councils.orderedAnalyses(meetingId),
                read.version());
    }

    /** The actions this meeting follows up (FollowUpRules over the council's earlier meetings) with recorded outcomes. */
    List<FollowUpItem> followUps(Meeting m, List<Meeting> earlier) {
        List<Long> ids = earlier.stream().map(Meeting::id).toList();
        List<Long> withThis = new ArrayList<>(ids);
        withThis.add(m.id());
        Map<Long, Map<Long, CouncilRepository.FollowUp>> recorded = councils.followUps(withThis);
        Map<Long, Long> decidedAt = new LinkedHashMap<>();
        Map<Long, Measure> byId = new LinkedHashMap<>();
        for (Measure d : actions.bySource(ActionSource.COUNCIL.code(), ids)) {
            decidedAt.put(d.id(), d.sourceId());
            byId.put(d.id(), d);
        }
        List<FollowUpRules.MeetingRecord> records = new ArrayList<>();
        for (Meeting e : earlier) {
            List<Long> decided = byId.values().stream().filter(d -> d.sourceId().equals(e.id())).map(Measure::id).toList();
            Map<Long, FollowUpOutcome> outcomes = new LinkedHashMap<>();
            recorded.getOrDefault(e.id(), Map.of()).forEach((a, f) -> outcomes.put(a, f.outcome()));
            records.add(new FollowUpRules.MeetingRecord(e.id(), decided, outcomes));
        }
        Map<Long, CouncilRepository.FollowUp> here = recorded.getOrDefault(m.id(), Map.of());
        List<FollowUpItem> out = new ArrayList<>();
        for (Long id : FollowUpRules.actionsToFollowUp(records)) {
            Measure a = byId.get(id);
            if (a == null) {
                continue;
            }
            CouncilRepository.FollowUp f = here.get(id);
            out.add(new FollowUpItem(a, decidedAt.get(id), f == null ? null : f.outcome(), f == null ? null : f.note()));
        }
        return out;
    }

    /** Recent run chart signals of a unit's subtree (null: the whole organisation), as of today: for the home screen. */
    public List<AgendaBuilder.Signal> recentSignals(Long unitId) {
        return signals(unitId == null ? null : organisation.unitScope(unitId, null), today());
    }

    /** Meetings from today up to {@code days} ahead, earliest first. */
    public List<MeetingRow> upcoming(int days) {
        return councils.between(null, today(), today().plusDays(days));
    }

    /** Run chart signals of the subtree's monthly deviation counts (all kinds, then each kind) in the last 12 months. */
    List<AgendaBuilder.Signal> signals(Set<Long> scope, LocalDate asOf) {
        LocalDate to = asOf.withDayOfMonth(1).minusDays(1);
        LocalDate from = to.withDayOfMonth(1).minusMonths(CHART_MONTHS - 1);
        List<AgendaBuilder.Signal> out = new ArrayList<>();
        List<DeviationFilter> filters = new ArrayList<>();
        List<String> names = new ArrayList<>();
        filters.add(DeviationFilter.all().withUnits(scope));
        names.add("ALL");
        for (DeviationKind k : DeviationKind.values()) {
            filters.add(DeviationFilter.all().withUnits(scope).withKinds(EnumSet.of(k)));
            names.add(k.name());
        }
        for (int i = 0; i < filters.size(); i++) {
            List<Double> values = trends.series(filters.get(i), Granularity.MONTH, TrendMeasure.COUNT, from, to, today())
                    .stream().map(TrendPoint::value).toList();
            if (ChartSignals.recentSignal(values, RECENT_MONTHS)) {
                out.add(new AgendaBuilder.Signal(names.get(i), ChartSignals.median(values), values.getLast()));
            }
        }
        return out;
    }

    /** Adds a point to the agenda; refused without a title and, under "refuse", with identifying details. */
    public SaveResult<Void> addAgendaItem(long meetingId, String title, String detail) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Dagordningspunkten saknar rubrik.");
        }
        Optional<Problem> refused = privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.COUNCIL,
                java.util.Arrays.asList(title, detail));
        if (refused.isPresent()) {
            return SaveResult.rejected(List.of(refused.get()));
        }
        db.txRun(tx -> councils.addItem(tx, meetingId, title, detail));
        return SaveResult.saved(null);
    }

    public void setReviewed(long meetingId, long deviationId, boolean reviewed) {
        db.txRun(tx -> councils.setReviewed(tx, meetingId, deviationId, reviewed));
    }

    /** Records a decision: an action with source COUNCIL on the meeting's unit. */
    public SaveResult<Measure> addDecision(long meetingId, String what, String responsible, LocalDate dueOn) {
        Meeting m = require(meetingId);
        Measure decision = new Measure(null, ActionSource.COUNCIL.code(), meetingId, m.unitId(),
                what == null ? null : what.strip(), null, responsible == null ? null : responsible.strip(), dueOn,
                null, null, null);
        List<Problem> p = new ArrayList<>(ActionRules.validate(decision));
        privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.COUNCIL,
                java.util.Arrays.asList(decision.what())).ifPresent(p::add);
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        return SaveResult.saved(db.tx(tx -> deviations.saveMeasure(tx, decision)));
    }

    /**
     * Records how an action was followed up at this meeting. DONE marks the action done on the meeting's date (its
     * effect is still to be checked in the action list); CARRIED_OVER keeps the same action on the next meeting's
     * follow-up, with a new due date when one is given.
     */
    public SaveResult<Void> followUp(long meetingId, long actionId, FollowUpOutcome outcome, String note,
                                     LocalDate newDueOn) {
        Meeting m = require(meetingId);
        if (outcome == FollowUpOutcome.CARRIED_OVER && newDueOn != null && newDueOn.isBefore(m.heldOn())) {
            return SaveResult.rejected(List.of(new Problem("dueOn", "council.validation.newDueBeforeMeeting")));
        }
        Optional<Problem> refused = privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.COUNCIL,
                java.util.Arrays.asList(note));
        if (refused.isPresent()) {
            return SaveResult.rejected(List.of(refused.get()));
        }
        db.txRun(tx -> {
            Measure a = actions.lockForUpdate(tx, actionId);
            if (outcome == FollowUpOutcome.DONE && !a.done()) {
                LocalDate doneOn = m.heldOn().isAfter(today()) ? today() : m.heldOn();
                deviations.saveMeasure(tx, ActionRules.withDone(a, doneOn));
            } else if (outcome == FollowUpOutcome.CARRIED_OVER && newDueOn != null) {
                deviations.saveMeasure(tx, ActionRules.withDue(a, newDueOn));
            }
            councils.setFollowUp(tx, meetingId, actionId, outcome, note == null || note.isBlank() ? null : note.strip());
        });
        return SaveResult.saved(null);
    }

    /** Orders a risk or event analysis from a decision: a draft analysis on the meeting's unit, linked to the decision. */
    public SaveResult<RiskAnalysis> orderAnalysis(long meetingId, long actionId, AnalysisKind kind) {
        Meeting m = require(meetingId);
        Measure decision = actions.find(actionId)
                .orElseThrow(() -> new IllegalStateException("Beslutet finns inte längre (id " + actionId + ")."));
        Optional<RiskTemplate> template = risks.templates().stream().filter(t -> t.kind() == kind && t.active()).findFirst();
        if (template.isEmpty()) {
            return SaveResult.rejected(List.of(new Problem("template", "council.validation.noTemplate")));
        }
        RiskAnalysis d = RiskAnalysis.newDraft(template.get(), m.unitId(), today());
        RiskAnalysis draft = new RiskAnalysis(null, d.templateId(), d.kind(), d.status(), decision.what(), d.level(),
                d.unitId(), d.trigger(), d.analysedOn(), participants(m), d.processDescription(), d.noMeasuresReason(),
                d.improvedRoutines(), d.followUpOn(), d.decidedBy(), d.decidedOn(), d.previousId(), d.risks(), d.steps(),
                d.timeline(), d.causes(), d.deviationIds());
        SaveResult<RiskAnalysis> saved = risks.save(draft, false);
        if (saved.ok()) {
            db.txRun(tx -> councils.addOrderedAnalysis(tx, meetingId, actionId, saved.value().id()));
        }
        return saved;
    }

    private static String participants(Meeting m) {
        return String.join(", ", m.participants().stream().map(p -> p.name() + " (" + p.role() + ")").toList());
    }

    private Meeting require(long id) {
        return councils.find(id).orElseThrow(() -> new IllegalStateException("Mötet finns inte längre (id " + id + ")."));
    }
}
