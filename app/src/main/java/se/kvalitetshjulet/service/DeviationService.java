package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.Versioned;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.Page;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.DeadlineRules;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationRules;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;

/**
 * Use cases of the deviation register: validate, check free text for identity numbers and
 * names, compute deadlines, move through the workflow. Every write is one transaction.
 */
public final class DeviationService {
    private final Database db;
    private final DeviationRepository repo;
    private final TaxonomyRepository taxonomies;
    private final OrganisationService organisation;
    private final Clock clock;
    private final PrivacyService privacy;
    private final se.kvalitetshjulet.data.repo.BoardFiguresRepository assessedDates;

    public DeviationService(Database db, DeviationRepository repo, TaxonomyRepository taxonomies,
                            OrganisationService organisation, Clock clock) {
        this(db, repo, taxonomies, organisation, clock, null);
    }

    public DeviationService(Database db, DeviationRepository repo, TaxonomyRepository taxonomies,
                            OrganisationService organisation, Clock clock, PrivacyService privacy) {
        this.db = db;
        this.repo = repo;
        this.taxonomies = taxonomies;
        this.organisation = organisation;
        this.clock = clock;
        this.privacy = privacy;
        this.assessedDates = new se.kvalitetshjulet.data.repo.BoardFiguresRepository(db);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Page<DeviationRow> search(DeviationFilter filter, DeviationSort sort, boolean asc, int page, int size) {
        return repo.search(filter, sort, asc, page, size, today());
    }

    /** How many deviations {@code actor} registered ("Mina rapporterade avvikelser"), counted in the database. */
    public long countRegisteredBy(String actor) {
        return repo.count(DeviationFilter.all().withRegisteredBy(actor), today());
    }

    /** Privacy findings in the record's free text (identity numbers, likely names). */
    public List<PrivacyCheck.Finding> privacyFindings(Deviation d) {
        return PrivacyCheck.checkAll(d.freeTexts());
    }

    /**
     * Saves the record (new or changed) in its current status. The status itself never changes here: that is
     * {@link #transition} (forward) or {@link #stepBack} (back, with a reason).
     *
     * @param refuseIdentityNumbers when true, a personnummer in free text blocks saving (beside the policy)
     */
    public SaveResult<Deviation> save(Deviation d, boolean refuseIdentityNumbers) {
        return save(d, refuseIdentityNumbers, null);
    }

    /**
     * What someone else changed while this person edited (decision 10): their saved record, who saved it last and
     * when, and the fields where their version differs from the one being saved. Nothing was written.
     */
    public record Conflict(Deviation theirs, long theirVersion, String changedBy, java.time.LocalDateTime changedAt,
                           List<String> fields) {
    }

    /** A save refused because the record changed since it was read. */
    public static final class ConflictException extends RuntimeException {
        private final Conflict conflict;

        public ConflictException(Conflict conflict) {
            super("Avvikelsen har ändrats av " + conflict.changedBy() + " medan du redigerade (" + String.join(", ",
                    conflict.fields()) + "). Inget har sparats; välj vad som ska gälla och spara igen.");
            this.conflict = conflict;
        }

        public Conflict conflict() {
            return conflict;
        }
    }

    /** The deviation and the version it was read at; save with that version to be told of others' changes. */
    public java.util.Optional<Versioned<Deviation>> openForEdit(long id) {
        return repo.findVersioned(id);
    }

    /**
     * As {@link #save(Deviation, boolean)}, refused with a {@link ConflictException} when the stored record is no
     * longer at {@code expectedVersion} (two people, or two windows, editing the same deviation).
     */
    public SaveResult<Deviation> save(Deviation d, boolean refuseIdentityNumbers, Long expectedVersion) {
        List<Problem> problems = new ArrayList<>(DeviationRules.validate(d, today()));
        problems.addAll(statusUnchanged(d));
        if (refuseIdentityNumbers && privacyFindings(d).stream().anyMatch(PrivacyCheck.Finding::identityNumber)) {
            problems.add(new Problem("privacy", "deviation.validation.identityNumberRefused"));
        }
        privacyRefusal(d).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        Deviation toSave = d;
        if (d.dueOn() == null) {
            toSave = d.withDueOn(deadlines().dueOn(d.kind(), d.registeredOn()));
        }
        Deviation finalToSave = toSave;
        try {
            return SaveResult.saved(db.tx(tx -> repo.save(tx, finalToSave, expectedVersion)));
        } catch (se.kvalitetshjulet.data.StaleRecordException stale) {
            throw new ConflictException(conflict(finalToSave));
        } catch (org.jooq.exception.DataAccessException e) {
            // SQLite: a write after another connection's commit fails on its old snapshot; if that commit changed
            // this record, it is the same conflict.
            if (expectedVersion != null && d.id() != null && repo.version(d.id()) != expectedVersion) {
                throw new ConflictException(conflict(finalToSave));
            }
            throw e;
        }
    }

    private Conflict conflict(Deviation mine) {
        var theirs = repo.findVersioned(mine.id()).orElseThrow();
        var last = repo.lastChange(mine.id()).orElse(null);
        List<String> fields = new ArrayList<>();
        Deviation t = theirs.value();
        compare(fields, "Rubrik", t.title(), mine.title());
        compare(fields, "Beskrivning", t.description(), mine.description());
        compare(fields, "Omedelbara åtgärder", t.immediateActions(), mine.immediateActions());
        compare(fields, "Fakta", t.facts(), mine.facts());
        compare(fields, "Orsak", t.causeText(), mine.causeText());
        compare(fields, "Status", t.status(), mine.status());
        compare(fields, "Bedömning", t.assessment(), mine.assessment());
        compare(fields, "Allvarlig", t.serious(), mine.serious());
        compare(fields, "Enhet", t.unitId(), mine.unitId());
        compare(fields, "Kategori", t.categoryId(), mine.categoryId());
        compare(fields, "Orsaker", new java.util.HashSet<>(t.causeIds()), new java.util.HashSet<>(mine.causeIds()));
        compare(fields, "Anmäld till IVO", t.ivoReportedOn(), mine.ivoReportedOn());
        return new Conflict(t, theirs.version(), last == null ? "okänd" : last.actor(), last == null ? null : last.at(),
                List.copyOf(fields));
    }

    private static void compare(List<String> out, String name, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            out.add(name);
        }
    }

    private java.util.Optional<Problem> privacyRefusal(Deviation d) {
        return privacy == null ? java.util.Optional.empty()
                : privacy.refusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.DEVIATION, d.freeTexts());
    }

    /** A saved record's status may only change through a workflow step, never by an ordinary save. */
    private List<Problem> statusUnchanged(Deviation d) {
        if (d.id() == null) {
            return d.status() == DeviationStatus.REGISTRERAD ? List.of()
                    : List.of(new Problem("status", "deviation.validation.newMustBeRegistered"));
        }
        DeviationStatus stored = repo.find(d.id()).map(Deviation::status).orElse(d.status());
        return stored == d.status() ? List.of()
                : List.of(new Problem("status", "deviation.validation.statusChangedElsewhere"));
    }

    /**
     * The law a new deviation of {@code kind} in {@code unitId} starts with: from the unit's verksamhetsområde
     * (LSS unit gives LSS, health care HSL), otherwise the kind's default.
     */
    public se.kvalitetshjulet.domain.deviation.Law defaultLaw(se.kvalitetshjulet.domain.deviation.DeviationKind kind,
                                                             Long unitId) {
        return DeviationRules.defaultLaw(kind, businessAreaCode(unitId));
    }

    /** A warning when the chosen law does not fit the unit (e.g. SoL in an LSS unit); empty when it fits. */
    public java.util.Optional<Problem> lawWarning(Deviation d) {
        return DeviationRules.lawMismatch(d.kind(), d.law(), businessAreaCode(d.unitId()));
    }

    private String businessAreaCode(Long unitId) {
        if (unitId == null) {
            return null;
        }
        Long area = organisation.tree().effectiveBusinessArea(unitId);
        if (area == null) {
            return null;
        }
        return organisation.businessAreas().stream().filter(a -> a.id() == area).map(a -> a.code()).findFirst()
                .orElse(null);
    }

    public DeadlineRules deadlines() {
        return taxonomies.deadlines();
    }

    /** Moves the record forward to {@code next} if the workflow allows it; saves pending edits in the same transaction. */
    public SaveResult<Deviation> transition(Deviation d, DeviationStatus next) {
        return transition(d, next, null);
    }

    /**
     * As {@link #transition(Deviation, DeviationStatus)} on the version the editor read: refused with a
     * {@link RecordChangedException} when someone else saved the case in between (decision 0029); nothing is written.
     */
    public SaveResult<Deviation> transition(Deviation d, DeviationStatus next, Long expectedVersion) {
        refuseIfChanged(d, expectedVersion);
        List<Measure> measures = d.id() == null ? List.of() : repo.measures(d.id());
        List<Problem> problems = new ArrayList<>(DeviationRules.checkTransition(d, next, measures, today()));
        if (d.id() != null) {
            problems.addAll(statusUnchanged(d));
        }
        privacyRefusal(d).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        LocalDate closed = next == DeviationStatus.AVSLUTAD ? today() : null;
        Deviation moved = d.withStatus(next, closed);
        if (moved.dueOn() == null) {
            moved = moved.withDueOn(deadlines().dueOn(d.kind(), d.registeredOn()));
        }
        Deviation finalMoved = moved;
        return SaveResult.saved(guarded(d, expectedVersion, () -> db.tx(tx -> {
            Deviation saved = repo.save(tx, finalMoved, expectedVersion);
            if (next == DeviationStatus.BEDOMD) {
                assessedDates.markAssessed(tx, saved.id(), today()); // the decision date the board counts by
            }
            return saved;
        })));
    }

    /** A step's write; a stale version (or SQLite's stale snapshot of a changed record) becomes a RecordChangedException. */
    private <T> T guarded(Deviation d, Long expectedVersion, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (se.kvalitetshjulet.data.StaleRecordException stale) {
            throw changed(d);
        } catch (org.jooq.exception.DataAccessException e) {
            if (expectedVersion != null && d.id() != null && repo.version(d.id()) != expectedVersion) {
                throw changed(d);
            }
            throw e;
        }
    }

    /**
     * A step on a record already changed by someone else is told so at once (rather than as "status changed
     * elsewhere"); the write itself checks the version again, so a change in between is refused too.
     */
    private void refuseIfChanged(Deviation d, Long expectedVersion) {
        if (expectedVersion != null && d.id() != null && repo.version(d.id()) != expectedVersion) {
            throw changed(d);
        }
    }

    private RecordChangedException changed(Deviation d) {
        var last = repo.lastChange(d.id()).orElse(null);
        return new RecordChangedException("Ärendet " + (d.caseRef() == null ? "" : d.caseRef()).strip(),
                last == null ? null : last.actor(), last == null ? null : last.at(),
                "Tryck Spara för att se vad som ändrats och välja vad som ska gälla, och gör sedan steget igen.");
    }

    /**
     * Sends the record back to {@code target}, or reopens a closed case ("Återöppna …"): only to a status the
     * workflow allows back to, only with a written reason, which is kept in the audit row. A reopened case gets a
     * new deadline from today (the kind's days), so it is investigated again without showing as overdue at once.
     * Pending edits in {@code d} are saved in the same transaction.
     */
    public SaveResult<Deviation> stepBack(Deviation d, DeviationStatus target, String reason) {
        return stepBack(d, target, reason, null);
    }

    /**
     * As {@link #stepBack(Deviation, DeviationStatus, String)} on the version the editor read: refused with a
     * {@link RecordChangedException} when someone else saved the case in between (decision 0029).
     */
    public SaveResult<Deviation> stepBack(Deviation d, DeviationStatus target, String reason, Long expectedVersion) {
        refuseIfChanged(d, expectedVersion);
        List<Problem> problems = new ArrayList<>(DeviationRules.checkStepBack(d, target, reason));
        if (problems.isEmpty()) {
            problems.addAll(statusUnchanged(d));
            problems.addAll(DeviationRules.validate(d, today()));
            privacyRefusal(d).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        boolean reopening = d.status() == DeviationStatus.AVSLUTAD;
        Deviation back = d.withStatus(target, null);
        if (reopening) {
            back = back.withDueOn(deadlines().dueOn(d.kind(), today()));
        }
        Deviation finalBack = back;
        return SaveResult.saved(guarded(d, expectedVersion, () -> db.tx(tx -> {
            Deviation saved = repo.save(tx, finalBack, reason.strip(), expectedVersion);
            if (target.ordinal() < DeviationStatus.BEDOMD.ordinal()) {
                assessedDates.markAssessed(tx, saved.id(), null); // to be assessed again; the new date counts
            }
            return saved;
        })));
    }

    /** When a serious lex Sarah / lex Maria case must be notified to IVO, or null. */
    public LocalDate ivoDueOn(Deviation d) {
        return deadlines().ivoDueOn(d);
    }

    /** Cases registered before this day whose IVO notification is still missing are late (the IVO_ANMALAN rule). */
    public LocalDate ivoLateBefore() {
        return deadlines().ivoLateBefore(today());
    }

    public boolean ivoOverdue(Deviation d) {
        return deadlines().ivoOverdue(d, today());
    }

    public java.util.Optional<Deviation> find(long id) {
        return repo.find(id);
    }

    public List<se.kvalitetshjulet.domain.deviation.DeviationLink> links(long id) {
        return repo.links(id);
    }

    /** How many records match, counted in the database. */
    public long count(DeviationFilter filter) {
        return repo.count(filter, today());
    }

    /** Open measures past their due date, over the whole register. */
    public long countOverdueActions() {
        return repo.countOverdueActions(today());
    }

    public List<Measure> measures(long deviationId) {
        return repo.measures(deviationId);
    }

    public SaveResult<Measure> saveMeasure(Measure m) {
        List<Problem> p = new ArrayList<>();
        p.addAll(se.kvalitetshjulet.domain.action.ActionRules.validate(m));
        if (privacy != null) {
            // A measure is written in the deviation editor: the deviation's policy (decision 0018).
            privacy.refusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.DEVIATION,
                    java.util.Arrays.asList(m.what(), m.effectCheck())).ifPresent(p::add);
        }
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        return SaveResult.saved(MeasureWrites.guarded(repo, m.id(), m.version(), () -> db.tx(tx -> repo.saveMeasure(tx, m))));
    }

    public void deleteMeasure(long id) {
        deleteMeasure(id, null);
    }

    /**
     * Deletes a measure read at {@code expectedVersion} (null: unchecked); refused with a
     * {@link RecordChangedException} when someone else changed it since (decision 0029).
     */
    public void deleteMeasure(long id, Long expectedVersion) {
        MeasureWrites.guarded(repo, id, expectedVersion, () -> {
            db.txRun(tx -> repo.deleteMeasure(tx, id, expectedVersion));
            return null;
        });
    }

    /** The shortest reason a deletion is accepted with (decision 0035): a word or two, not a keystroke. */
    public static final int DELETE_REASON_MIN = 5;

    /**
     * Whether this session may delete deviations at all (decision 0035): a local file, yes; on a server only a
     * kvalitetsutvecklare (or a login the client does not narrow, the owner). The database refuses the others anyway.
     */
    public boolean mayDelete() {
        var access = db.engine().access();
        return !access.server() || access.roles().isEmpty()
                || access.roles().contains(se.kvalitetshjulet.domain.org.AccessRole.KVALITETSUTVECKLARE);
    }

    /**
     * Deletes a deviation registered by mistake (a duplicate, the wrong unit), read at {@code expectedVersion}, with a
     * written reason that goes into the audit row together with the whole deleted record (decision 0035). Refused
     * (nothing written) without a reason, for a role that may not delete, and for a case that others have built on:
     * reported to IVO, part of an event analysis, reviewed by a council (close it instead). Returns the number of
     * measures deleted with it; a {@link RecordChangedException} when someone else changed the case since it was read.
     */
    public SaveResult<Integer> delete(long id, long expectedVersion, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (!mayDelete()) {
            return SaveResult.rejected(List.of(new Problem("delete", "h4.delete.validation.notAllowed")));
        }
        if (why.length() < DELETE_REASON_MIN) {
            return SaveResult.rejected(List.of(new Problem("reason", "h4.delete.validation.reasonMissing")));
        }
        Deviation d = repo.find(id).orElse(null);
        if (d == null) {
            return SaveResult.rejected(List.of(new Problem("delete", "h4.delete.validation.gone")));
        }
        var block = repo.deletionBlock(db.dsl(), id);
        if (block.isPresent()) {
            return SaveResult.rejected(List.of(new Problem("delete", switch (block.get()) {
                case IVO_REPORTED -> "h4.delete.validation.ivoReported";
                case IN_EVENT_ANALYSIS -> "h4.delete.validation.inEventAnalysis";
                case REVIEWED_BY_COUNCIL -> "h4.delete.validation.reviewedByCouncil";
                case MEASURE_IN_PLAN_OR_COUNCIL -> "h4.delete.validation.measureInPlanOrCouncil";
            }, d.caseRef())));
        }
        refuseIfChanged(d, expectedVersion);
        return SaveResult.saved(guarded(d, expectedVersion, () -> db.tx(tx -> {
            // checked again inside the transaction: an analysis or a council may have taken the case up meanwhile
            if (repo.deletionBlock(tx, id).isPresent()) {
                throw changed(d);
            }
            return repo.delete(tx, id, expectedVersion, why);
        })));
    }

    public SaveResult<Void> link(long fromId, String otherCaseRef, String type) {
        var other = repo.findIdByCaseRef(otherCaseRef.strip());
        if (other.isEmpty()) {
            return SaveResult.rejected(List.of(new Problem("link", "deviation.validation.linkTargetMissing", otherCaseRef)));
        }
        if (other.get() == fromId) {
            return SaveResult.rejected(List.of(new Problem("link", "deviation.validation.linkSelf")));
        }
        db.txRun(tx -> repo.link(tx, fromId, other.get(), type));
        // A link that already exists changes nothing and writes no audit row.
        return SaveResult.saved(null);
    }

    public OrganisationService organisation() {
        return organisation;
    }
}
