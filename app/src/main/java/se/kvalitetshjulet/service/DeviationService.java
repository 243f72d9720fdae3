package se.kvalitetshjulet.service;

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

    public DeviationService(Database db, DeviationRepository repo, TaxonomyRepository taxonomies,
                            OrganisationService organisation, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.taxonomies = taxonomies;
        this.organisation = organisation;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Page<DeviationRow> search(DeviationFilter filter, DeviationSort sort, boolean asc, int page, int size) {
        return repo.search(filter, sort, asc, page, size, today());
    }

    /** Privacy findings in the record's free text (identity numbers, likely names). */
    public List<PrivacyCheck.Finding> privacyFindings(Deviation d) {
        return PrivacyCheck.checkAll(d.freeTexts());
    }

    /**
     * Saves the record (new or changed) in its current status.
     *
     * @param refuseIdentityNumbers when true, a personnummer in free text blocks saving
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
    public java.util.Optional<se.kvalitetshjulet.data.repo.DeviationRepository.Versioned<Deviation>> openForEdit(long id) {
        return repo.findVersioned(id);
    }

    /**
     * As {@link #save(Deviation, boolean)}, refused with a {@link ConflictException} when the stored record is no
     * longer at {@code expectedVersion} (two people, or two windows, editing the same deviation).
     */
    public SaveResult<Deviation> save(Deviation d, boolean refuseIdentityNumbers, Long expectedVersion) {
        List<Problem> problems = new ArrayList<>(DeviationRules.validate(d, today()));
        if (refuseIdentityNumbers && privacyFindings(d).stream().anyMatch(PrivacyCheck.Finding::identityNumber)) {
            problems.add(new Problem("privacy", "deviation.validation.identityNumberRefused"));
        }
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

    public DeadlineRules deadlines() {
        return taxonomies.deadlines();
    }

    /** Moves the record to {@code next} if the workflow allows it; saves pending edits in the same transaction. */
    public SaveResult<Deviation> transition(Deviation d, DeviationStatus next) {
        List<Measure> measures = d.id() == null ? List.of() : repo.measures(d.id());
        List<Problem> problems = DeviationRules.checkTransition(d, next, measures, today());
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        LocalDate closed = next == DeviationStatus.AVSLUTAD ? today() : null;
        Deviation moved = d.withStatus(next, closed);
        if (moved.dueOn() == null) {
            moved = moved.withDueOn(deadlines().dueOn(d.kind(), d.registeredOn()));
        }
        Deviation finalMoved = moved;
        return SaveResult.saved(db.tx(tx -> repo.save(tx, finalMoved)));
    }

    public List<Measure> measures(long deviationId) {
        return repo.measures(deviationId);
    }

    public SaveResult<Measure> saveMeasure(Measure m) {
        List<Problem> p = new ArrayList<>();
        p.addAll(se.kvalitetshjulet.domain.action.ActionRules.validate(m));
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        return SaveResult.saved(db.tx(tx -> repo.saveMeasure(tx, m)));
    }

    public void deleteMeasure(long id) {
        db.txRun(tx -> repo.deleteMeasure(tx, id));
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
        return SaveResult.saved(null);
    }

    public OrganisationService organisation() {
        return organisation;
    }
}
