package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.selfcheck.FindingAction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.SelfCheckRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerDetail;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.ResultLevel;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundComparison;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.SubmissionRules;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;

/**
 * Egenkontroller: templates (versioned, frozen once used), rounds sent to units, drafts that
 * are saved as the unit writes, submission with validation, reopening with a reason, the
 * improvement actions raised from findings, and the compilation of a round.
 */
public final class SelfCheckService {
    /** A unit's self-check opened for filling in. */
    public record Form(ResponseRow response, Template template, Map<Long, Answer> answers,
                       List<FindingAction> actions, long version) { }

    /** A draft saved: how many answers changed, and the response's version now (save the next draft on it). */
    public record DraftSaved(int changed, long version) { }

    /**
     * A draft refused because someone else saved the same self-check since this person opened it (decision 0029):
     * their answers as saved, their version, who saved last and when. Nothing of the refused draft was written.
     */
    public record DraftConflict(long responseId, Map<Long, Answer> theirs, long theirVersion, String changedBy,
                                java.time.LocalDateTime changedAt) { }

    /** A draft (or submission) refused because the self-check changed since it was read. */
    public static final class DraftConflictException extends RuntimeException {
        private final DraftConflict conflict;

        public DraftConflictException(DraftConflict conflict) {
            super("Egenkontrollen har ändrats av " + conflict.changedBy() + " medan du fyllde i den. Inget har sparats; "
                    + "välj vilka svar som ska gälla och spara igen.");
            this.conflict = conflict;
        }

        public DraftConflict conflict() {
            return conflict;
        }
    }

    private final Database db;
    private final SelfCheckRepository repo;
    private final OrganisationService organisation;
    private final Supplier<String> actor;
    private final Clock clock;
    private PrivacyService privacy;

    /** Whether the coordinator's policy (Inställningar) refuses identifying details in these texts (decision 0018). */
    public boolean privacyRefuses() {
        return privacy != null && privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.SELF_CHECK);
    }

    public SelfCheckService(Database db, SelfCheckRepository repo, OrganisationService organisation,
                            Supplier<String> actor, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.organisation = organisation;
        this.actor = actor;
        this.clock = clock;
    }

    /** The privacy check with the coordinator's policy for self-check comments (set once, by AppContext). */
    public SelfCheckService withPrivacy(PrivacyService p) {
        this.privacy = p;
        return this;
    }

    /** What the privacy check finds in one answer's comment, by question id (in question order). */
    public record CommentFinding(long questionId, String questionText, List<se.kvalitetshjulet.domain.privacy.PrivacyCheck.Finding> findings) { }

    /**
     * The privacy findings in the comments of {@code answers} (names, identity numbers, phone numbers,
     * addresses): for the form to show and ask about before submitting, under the "warn" policy.
     */
    public List<CommentFinding> commentFindings(long templateId, Collection<Answer> answers) {
        Template t = template(templateId);
        Map<Long, String> texts = new HashMap<>();
        t.questions().forEach(q -> texts.put(q.id(), q.text()));
        List<CommentFinding> out = new ArrayList<>();
        for (Answer a : answers) {
            var found = se.kvalitetshjulet.domain.privacy.PrivacyCheck.check(a.comment());
            if (!found.isEmpty()) {
                out.add(new CommentFinding(a.questionId(), texts.getOrDefault(a.questionId(), ""), found));
            }
        }
        return out;
    }

    /** Under "refuse" for self-checks: one problem per comment that holds identifying details. */
    private List<Problem> commentRefusals(long templateId, Collection<Answer> answers) {
        if (privacy == null || !privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.SELF_CHECK)) {
            return List.of();
        }
        return commentFindings(templateId, answers).stream()
                .map(f -> new Problem("comment", "privacy.refusedComment", f.questionText(),
                        PrivacyService.summary(f.findings()))).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- templates -------------------------------------------------------------------

    public List<Template> templates() {
        return repo.latestTemplates();
    }

    public List<Template> history(long familyId) {
        return repo.versions(familyId);
    }

    public Template template(long id) {
        return repo.findTemplate(id).orElseThrow(() -> new IllegalStateException("Mallen finns inte längre (id " + id + ")."));
    }

    /**
     * Saves a template. A version that a round has used is never changed: the edit becomes the
     * next version of the same template, and the old version stays as it was.
     */
    public SaveResult<Template> saveTemplate(Template t) {
        List<Problem> problems = t.validate();
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        if (privacyRefuses()) {
            // under "refuse" a template whose texts hold identifying details is not stored (decision 18)
            List<Problem> findings = templateFindings(t);
            if (!findings.isEmpty()) {
                return SaveResult.rejected(findings);
            }
        }
        return SaveResult.saved(db.tx(tx -> {
            if (t.id() != null) {
                Template stored = repo.findTemplate(tx, t.id()).orElseThrow(() ->
                        new IllegalStateException("Mallen finns inte längre (id " + t.id() + ")."));
                if (stored.frozen()) {
                    Template frozenEdit = new Template(t.id(), stored.familyId(), stored.version(), t.name(),
                            t.description(), true, t.sections());
                    return repo.saveTemplate(tx, frozenEdit.nextVersion(repo.maxVersion(tx, stored.familyId()) + 1));
                }
            }
            return repo.saveTemplate(tx, t);
        }));
    }

    public Template duplicate(long templateId, String newName) {
        Template source = template(templateId);
        return db.tx(tx -> repo.saveTemplate(tx, source.duplicate(newName)));
    }

    public void exportTemplate(long templateId, Path target) {
        SelfCheckTemplateJson.write(template(templateId), target);
    }

    /** Imports a shared template file as a new template; Swedish message in the exception when the file is wrong. */
    /** A template read from a file, with what the privacy check found per question (kinds only, as the file travels). */
    public record TemplateImport(Template template, List<Problem> findings) { }

    /**
     * Reads a template file. Its texts (name, description, sections, questions with their help texts, references and
     * options) go through the privacy check, reported per question; under "refuse" for self-checks a file with
     * findings is rejected whole and nothing is stored.
     */
    public SaveResult<TemplateImport> importTemplateChecked(Path file) {
        Template t = SelfCheckTemplateJson.read(file);
        List<Problem> findings = templateFindings(t);
        if (!findings.isEmpty() && privacy != null
                && privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.SELF_CHECK)) {
            return SaveResult.rejected(findings);
        }
        return SaveResult.saved(new TemplateImport(db.tx(tx -> repo.saveTemplate(tx, t)), findings));
    }

    /** As {@link #importTemplateChecked}; a refused file is an {@link IllegalArgumentException} naming the questions. */
    public Template importTemplate(Path file) {
        SaveResult<TemplateImport> r = importTemplateChecked(file);
        if (!r.ok()) {
            throw new IllegalArgumentException("Mallen innehåller uppgifter som kan identifiera en person och lästes "
                    + "inte in (" + r.problems().size() + " frågor). Ta bort uppgifterna ur filen.");
        }
        return r.value().template();
    }

    /** One problem per question (or the template's own texts) whose texts hold identifying details. */
    public static List<Problem> templateFindings(Template t) {
        List<Problem> out = new ArrayList<>();
        var own = se.kvalitetshjulet.domain.privacy.PrivacyCheck.checkAll(java.util.Arrays.asList(t.name(),
                t.description()));
        if (!own.isEmpty()) {
            out.add(new Problem("template", "privacy.refusedTemplate", PrivacyService.kindsOnly(own)));
        }
        for (var s : t.sections()) {
            var title = se.kvalitetshjulet.domain.privacy.PrivacyCheck.check(s.title());
            if (!title.isEmpty()) {
                out.add(new Problem("section", "privacy.refusedSection", s.title() == null ? "" : s.title(),
                        PrivacyService.kindsOnly(title)));
            }
            for (Question q : s.questions()) {
                List<String> texts = new ArrayList<>(java.util.Arrays.asList(q.text(), q.helpText(), q.reference()));
                texts.addAll(q.options());
                var hits = se.kvalitetshjulet.domain.privacy.PrivacyCheck.checkAll(texts.stream()
                        .map(x -> x == null ? "" : x).toList());
                if (!hits.isEmpty()) {
                    out.add(new Problem("q" + (q.key() == null ? "" : q.key()), "privacy.refusedComment",
                            q.text() == null ? "" : q.text(), PrivacyService.kindsOnly(hits)));
                }
            }
        }
        return out;
    }

    // ---- rounds ----------------------------------------------------------------------

    public List<RoundRow> rounds() {
        return repo.rounds(today());
    }

    public Round round(long id) {
        return repo.findRound(id).orElseThrow(() -> new IllegalStateException("Omgången finns inte längre (id " + id + ")."));
    }

    /**
     * The units a round goes to: within the chosen subtree and/or verksamhetsområde, active on
     * the start of the period, and where the work is done (units without sub-units).
     */
    public List<Unit> targetUnits(Long scopeUnitId, Long businessAreaId, LocalDate on) {
        OrgTree tree = organisation.tree();
        Set<Long> scope = organisation.unitScope(scopeUnitId, businessAreaId);
        return tree.all().stream()
                .filter(u -> scope == null || scope.contains(u.id()))
                .filter(u -> tree.children(u.id()).isEmpty())
                .filter(u -> u.activeOn(on))
                .toList();
    }

    /** Creates a round, freezes its template version and sends it to the target units. */
    public SaveResult<Round> createRound(Round r) {
        List<Problem> problems = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            problems.add(new Problem("name", "selfcheck.round.nameRequired"));
        }
        if (r.periodStart() == null || r.periodEnd() == null || r.periodEnd().isBefore(r.periodStart())) {
            problems.add(new Problem("period", "selfcheck.round.periodInvalid"));
        }
        if (r.dueOn() == null || (r.periodStart() != null && r.dueOn().isBefore(r.periodStart()))) {
            problems.add(new Problem("dueOn", "selfcheck.round.dueInvalid"));
        }
        if (repo.findTemplate(r.templateId()).isEmpty()) {
            problems.add(new Problem("template", "selfcheck.round.templateRequired"));
        }
        List<Unit> targets = problems.isEmpty()
                ? targetUnits(r.scopeUnitId(), r.scopeBusinessAreaId(), r.periodStart()) : List.of();
        if (problems.isEmpty() && targets.isEmpty()) {
            problems.add(new Problem("scope", "selfcheck.round.noUnits"));
        }
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        return SaveResult.saved(db.tx(tx -> {
            repo.freeze(tx, r.templateId());
            Round saved = repo.insertRound(tx, r);
            for (Unit u : targets) {
                repo.insertResponse(tx, saved.id(), u.id());
            }
            return saved;
        }));
    }

    /**
     * Creates a round and sends it to a chosen set of units, of any level (a check the board reports per enhet is
     * sent per enhet): one response per unit, as Bilaga 2 will have one row per check and unit. Units must exist and
     * be active on the start of the period.
     */
    public SaveResult<Round> createRound(Round r, java.util.Collection<Long> unitIds) {
        List<Problem> problems = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            problems.add(new Problem("name", "selfcheck.round.nameRequired"));
        }
        if (r.periodStart() == null || r.periodEnd() == null || r.periodEnd().isBefore(r.periodStart())) {
            problems.add(new Problem("period", "selfcheck.round.periodInvalid"));
        }
        if (r.dueOn() == null || (r.periodStart() != null && r.dueOn().isBefore(r.periodStart()))) {
            problems.add(new Problem("dueOn", "selfcheck.round.dueInvalid"));
        }
        if (repo.findTemplate(r.templateId()).isEmpty()) {
            problems.add(new Problem("template", "selfcheck.round.templateRequired"));
        }
        OrgTree tree = organisation.tree();
        List<Unit> targets = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(unitIds)) {
            var u = tree.find(id);
            if (u.isEmpty() || (r.periodStart() != null && !u.get().activeOn(r.periodStart()))) {
                problems.add(new Problem("units", "selfcheck.round.unitInactive", u.map(Unit::name).orElse("#" + id)));
            } else {
                targets.add(u.get());
            }
        }
        if (problems.isEmpty() && targets.isEmpty()) {
            problems.add(new Problem("scope", "selfcheck.round.noUnits"));
        }
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        return SaveResult.saved(db.tx(tx -> {
            repo.freeze(tx, r.templateId());
            Round saved = repo.insertRound(tx, r);
            for (Unit u : targets) {
                repo.insertResponse(tx, saved.id(), u.id());
            }
            return saved;
        }));
    }

    /** Responses of a round and/or a unit, pending ones first. */
    public List<ResponseRow> responses(Long roundId, Long unitId) {
        return repo.responses(roundId, unitId, today());
    }

    /** Units that have been sent at least one self-check, in tree order (for "min enhet"). */
    public List<Unit> respondingUnits() {
        Set<Long> ids = new java.util.HashSet<>(repo.unitsWithResponses());
        return organisation.tree().all().stream().filter(u -> ids.contains(u.id())).toList();
    }

    // ---- filling in ------------------------------------------------------------------

    public Form open(long responseId) {
        ResponseRow row = repo.findResponse(responseId, today()).orElseThrow(() ->
                new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ")."));
        long version = repo.version(responseId);
        return new Form(row, template(row.templateId()), repo.answers(responseId), repo.actions(responseId, null),
                version);
    }

    /**
     * Saves the answers as a draft (any state is accepted; nothing is validated). Refused when
     * the self-check has been submitted. Returns how many answers changed.
     */
    public int saveDraft(long responseId, Collection<Answer> answers) {
        return saveDraft(responseId, answers, null).changed();
    }

    /**
     * As {@link #saveDraft(long, Collection)}, refused with a {@link DraftConflictException} when answers would change
     * and the response is no longer at {@code expectedVersion} (two people, or two windows, on the same self-check).
     * A draft that changes nothing is never refused; its result carries the current version.
     */
    public DraftSaved saveDraft(long responseId, Collection<Answer> answers, Long expectedVersion) {
        try {
            return saveDraftOnce(responseId, answers, expectedVersion);
        } catch (se.kvalitetshjulet.data.StaleRecordException stale) {
            throw new DraftConflictException(draftConflict(responseId));
        } catch (org.jooq.exception.DataAccessException e) {
            if (se.kvalitetshjulet.data.ConnectionFailures.lost(e)) {
                throw e; // h6: the server does not answer: asking it for the version would wait out the pool again
            }
            // SQLite: a write after another connection's commit fails on its old snapshot; if that commit changed
            // this response, it is the same conflict.
            if (expectedVersion != null && repo.version(responseId) != expectedVersion) {
                throw new DraftConflictException(draftConflict(responseId));
            }
            throw e;
        }
    }

    private DraftConflict draftConflict(long responseId) {
        var last = repo.lastChange(responseId).orElse(null);
        return new DraftConflict(responseId, repo.answers(responseId), repo.version(responseId),
                last == null ? null : last.actor(), last == null ? null : last.at());
    }

    private DraftSaved saveDraftOnce(long responseId, Collection<Answer> answers, Long expectedVersion) {
        ResponseRow row = repo.findResponse(responseId, today()).orElseThrow(() ->
                new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ")."));
        Template t = template(row.templateId());
        // Under "refuse" a comment with identifying details is never stored, not even in a draft: the stored comment
        // of that question stays as it was (decision 0018); the form says which comment was held back.
        java.util.Set<Long> refused = new java.util.HashSet<>();
        refusedComments(t.id(), answers).forEach(f -> refused.add(f.questionId()));
        return db.tx(tx -> {
            if (!repo.status(tx, responseId).editable()) {
                throw new IllegalStateException("Egenkontrollen är inskickad och låst. Be samordnaren att återöppna den.");
            }
            Collection<Answer> stored = answers;
            if (!refused.isEmpty()) {
                Map<Long, Answer> before = repo.answers(tx, responseId);
                stored = answers.stream().map(a -> !refused.contains(a.questionId()) ? a
                        : new Answer(a.id(), a.questionId(), a.value(),
                                before.containsKey(a.questionId()) ? before.get(a.questionId()).comment() : null))
                        .toList();
            }
            int changed = repo.saveAnswers(tx, responseId, stored, t, expectedVersion);
            return new DraftSaved(changed, SelfCheckRepository.version(tx, responseId));
        });
    }

    /**
     * Under "refuse" for self-checks: the comments of {@code answers} that are not stored because they hold
     * identifying details (empty under "warn").
     */
    public List<CommentFinding> refusedComments(long templateId, Collection<Answer> answers) {
        if (privacy == null || !privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.SELF_CHECK)) {
            return List.of();
        }
        return commentFindings(templateId, answers);
    }

    /**
     * Saves the answers and submits them when every required question is answered and every
     * answer is valid; otherwise keeps the draft and returns the problems.
     */
    public SaveResult<ResponseRow> submit(long responseId, Collection<Answer> answers) {
        return submit(responseId, answers, null);
    }

    /**
     * As {@link #submit(long, Collection)} on the version the form was read at: refused with a
     * {@link DraftConflictException} when someone else saved the self-check in between (decision 0029).
     */
    /** The response's version as stored now (a refused submission still saved the answers as a draft). */
    public long version(long responseId) {
        return repo.version(responseId);
    }

    public SaveResult<ResponseRow> submit(long responseId, Collection<Answer> answers, Long expectedVersion) {
        long version = saveDraft(responseId, answers, expectedVersion).version();
        Form form = open(responseId);
        // The comments as typed (a refused one was not stored, so the stored answers would not show it) and as stored.
        List<Problem> refused = commentRefusals(form.template().id(), answers);
        if (refused.isEmpty()) {
            refused = commentRefusals(form.template().id(), form.answers().values());
        }
        if (!refused.isEmpty()) {
            return SaveResult.rejected(refused);
        }
        Map<Long, String> values = new HashMap<>();
        form.answers().forEach((q, a) -> values.put(q, a.value()));
        List<Problem> problems = SubmissionRules.validate(form.template(), values);
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        try {
            db.txRun(tx -> {
                if (!repo.status(tx, responseId).editable()) {
                    throw new IllegalStateException("Egenkontrollen är redan inskickad.");
                }
                repo.updateStatus(tx, responseId, ResponseStatus.SUBMITTED, actor.get(), null,
                        expectedVersion == null ? null : version);
            });
        } catch (se.kvalitetshjulet.data.StaleRecordException stale) {
            throw new DraftConflictException(draftConflict(responseId));
        }
        return SaveResult.saved(repo.findResponse(responseId, today()).orElseThrow());
    }

    /** Reopens a submitted self-check so the unit can change it; the reason is kept in the audit trail. */
    public SaveResult<ResponseRow> reopen(long responseId, String reason) {
        if (reason == null || reason.isBlank()) {
            return SaveResult.rejected(List.of(new Problem("reason", "selfcheck.reopen.reasonRequired")));
        }
        db.txRun(tx -> {
            if (repo.status(tx, responseId) != ResponseStatus.SUBMITTED) {
                throw new IllegalStateException("Bara en inskickad egenkontroll kan återöppnas.");
            }
            repo.updateStatus(tx, responseId, ResponseStatus.REOPENED, null, reason.strip());
        });
        return SaveResult.saved(repo.findResponse(responseId, today()).orElseThrow());
    }

    /**
     * Creates an improvement action for a question of a response (linked to its answer) in
     * action_item with source type SELF_CHECK.
     */
    public SaveResult<Measure> addAction(long responseId, long questionId, String what, String responsible,
                                         LocalDate dueOn) {
        List<Problem> problems = new ArrayList<>();
        if (what == null || what.isBlank()) {
            problems.add(new Problem("what", "selfcheck.action.whatRequired"));
        }
        if (responsible == null || responsible.isBlank()) {
            problems.add(new Problem("responsible", "selfcheck.action.responsibleRequired"));
        }
        if (dueOn == null) {
            problems.add(new Problem("dueOn", "selfcheck.action.dueRequired"));
        }
        if (privacy != null) {
            privacy.refusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.SELF_CHECK,
                    java.util.Arrays.asList(what)).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        ResponseRow row = repo.findResponse(responseId, today()).orElseThrow();
        template(row.templateId()).question(questionId).orElseThrow(() ->
                new IllegalArgumentException("Frågan hör inte till mallen för den här egenkontrollen."));
        return SaveResult.saved(db.tx(tx -> {
            long answerId = repo.answerId(tx, responseId, questionId);
            return repo.insertAction(tx, new Measure(null, SelfCheckRepository.SOURCE_SELF_CHECK, answerId, row.unitId(),
                    what, null, responsible.strip(), dueOn, null, null, null));
        }));
    }

    public void markActionDone(long actionId, LocalDate doneOn) {
        db.txRun(tx -> repo.markActionDone(tx, actionId, doneOn));
    }

    // ---- compilation -----------------------------------------------------------------

    public Compilation compile(long roundId) {
        Round round = round(roundId);
        Template t = template(round.templateId());
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        for (var vc : repo.valueCounts(roundId)) {
            counts.computeIfAbsent(vc.questionId(), k -> new TreeMap<>()).put(vc.value(), vc.count());
        }
        for (var vc : repo.multipleChoiceValues(roundId)) {
            for (String v : AnswerValues.split(vc.value())) {
                counts.computeIfAbsent(vc.questionId(), k -> new TreeMap<>()).merge(v, 1L, Long::sum);
            }
        }
        Map<Long, SelfCheckRepository.QuestionAggregate> agg = new HashMap<>();
        repo.questionAggregates(roundId).forEach(a -> agg.put(a.questionId(), a));
        List<Compilation.QuestionStats> questions = new ArrayList<>();
        for (TemplateSection s : t.sections()) {
            for (Question q : s.questions()) {
                var a = agg.get(q.id());
                questions.add(new Compilation.QuestionStats(q.id(), q.key(), s.title(), q.text(), q.type(),
                        a == null ? 0 : a.answered(), counts.getOrDefault(q.id(), Map.of()),
                        q.type().numeric() && a != null ? a.mean() : null, a == null ? 0 : a.findings(),
                        a == null ? 0 : a.assessable()));
            }
        }

        OrgTree tree = organisation.tree();
        Map<Long, String> areaNames = new HashMap<>();
        for (BusinessArea b : organisation.businessAreas()) {
            areaNames.put(b.id(), b.name());
        }
        Map<Long, SelfCheckRepository.ResponseAggregate> perResponse = new HashMap<>();
        repo.responseAggregates(roundId).forEach(a -> perResponse.put(a.responseId(), a));
        Map<Long, List<FindingAction>> actions = new HashMap<>();
        repo.actions(null, roundId).forEach(a -> actions.computeIfAbsent(a.responseId(), k -> new ArrayList<>()).add(a));
        Map<Long, SelfCheckRepository.Bilaga2Edit> edits = repo.bilaga2Edits(roundId);

        List<Compilation.UnitResult> units = new ArrayList<>();
        for (ResponseRow r : repo.responses(roundId, null, today())) {
            var a = perResponse.get(r.id());
            long answered = a == null ? 0 : a.answered();
            long findings = a == null ? 0 : a.findings();
            long assessable = a == null ? 0 : a.assessable();
            List<FindingAction> acts = actions.getOrDefault(r.id(), List.of());
            // "Processer och rutiner som förbättrats" is what the coordinator writes; the question's legal reference
            // is not a routine that was improved and is never pasted in (issue 21).
            Set<String> routines = new LinkedHashSet<>();
            Long area = tree.effectiveBusinessArea(r.unitId());
            ResultLevel derived = ResultLevel.of(r.status() == ResponseStatus.SUBMITTED, findings, assessable);
            var edit = edits.get(r.id());
            ResultLevel chosen = edit == null || edit.resultOverride() == null ? null : ResultLevel.valueOf(edit.resultOverride());
            units.add(new Compilation.UnitResult(r.id(), r.unitId(), r.unitName(),
                    area == null ? "" : areaNames.getOrDefault(area, ""), r.status(), answered, findings, assessable,
                    chosen == null ? derived : chosen, acts.stream().map(x -> x.measure().what()).toList(),
                    List.copyOf(routines), derived, chosen != null, edit == null ? null : edit.routines()));
        }
        units.sort(java.util.Comparator.comparing(Compilation.UnitResult::area).thenComparing(Compilation.UnitResult::unitName));

        Map<String, long[]> byArea = new LinkedHashMap<>();
        for (var u : units) {
            long[] v = byArea.computeIfAbsent(u.area(), k -> new long[4]);
            v[0]++;
            if (u.status() == ResponseStatus.SUBMITTED) {
                v[1]++;
                v[2] += u.findings();
                if (u.findings() > 0) {
                    v[3]++;
                }
            }
        }
        List<Compilation.AreaSummary> areas = byArea.entrySet().stream()
                .map(e -> new Compilation.AreaSummary(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .toList();
        return new Compilation(round, t, questions, units, areas);
    }

    /**
     * Compares a round with an earlier round of the same template family: finding share per question (matched by
     * question key across versions), compliance per unit, response rate and compliance overall.
     */
    public RoundComparison compare(long roundId, long previousRoundId) {
        Round current = round(roundId);
        Round previous = round(previousRoundId);
        long family = familyOf(current);
        if (familyOf(previous) != family) {
            throw new IllegalArgumentException("Omgångarna hör inte till samma mall och kan inte jämföras.");
        }
        return RoundComparison.of(compile(previousRoundId), compile(roundId));
    }

    /** The other rounds of the same template family (any version), newest period first. */
    public List<Round> comparableRounds(long roundId) {
        Round current = round(roundId);
        return repo.roundsOfFamily(familyOf(current)).stream().filter(r -> !r.id().equals(current.id())).toList();
    }

    /** The round to compare with by default: the latest earlier round of the same template family, by period. */
    public java.util.Optional<Round> previousRound(long roundId) {
        Round current = round(roundId);
        return RoundComparison.previousOf(current, repo.roundsOfFamily(familyOf(current)));
    }

    private long familyOf(Round r) {
        Template t = template(r.templateId());
        return t.familyId() == null ? t.id() : t.familyId();
    }

    /** Every answer of one unit's self-check in template order, with comments, findings and improvement actions. */
    public List<AnswerDetail> unitAnswers(long responseId) {
        Form f = open(responseId);
        Map<Long, List<String>> acts = new HashMap<>();
        for (var a : f.actions()) {
            acts.computeIfAbsent(a.questionId(), k -> new ArrayList<>()).add(a.measure().what());
        }
        List<AnswerDetail> out = new ArrayList<>();
        for (TemplateSection s : f.template().sections()) {
            for (Question q : s.questions()) {
                Answer a = f.answers().get(q.id());
                String value = a == null ? null : a.value();
                out.add(new AnswerDetail(responseId, f.response().unitName(), f.response().status(), s.title(), q.text(),
                        q.type(), value, a == null ? null : a.comment(), q.isFinding(value),
                        acts.getOrDefault(q.id(), List.of())));
            }
        }
        return out;
    }

    /**
     * Every unit's answer to one question of a round, in the order of the compilation's units. Only submitted
     * responses show an answer (as in the compilation); the others are listed with their status.
     */
    public List<AnswerDetail> questionAnswers(long roundId, long questionId) {
        Round round = round(roundId);
        Template t = template(round.templateId());
        String section = null;
        Question question = null;
        for (TemplateSection s : t.sections()) {
            for (Question q : s.questions()) {
                if (q.id() == questionId) {
                    section = s.title();
                    question = q;
                }
            }
        }
        if (question == null) {
            throw new IllegalArgumentException("Frågan hör inte till mallen för den här omgången.");
        }
        Map<Long, Answer> answers = repo.answersToQuestion(roundId, questionId);
        Map<Long, List<String>> acts = new HashMap<>();
        for (var a : repo.actions(null, roundId)) {
            if (a.questionId() == questionId) {
                acts.computeIfAbsent(a.responseId(), k -> new ArrayList<>()).add(a.measure().what());
            }
        }
        List<ResponseRow> rows = new ArrayList<>(repo.responses(roundId, null, today()));
        rows.sort(java.util.Comparator.comparing(ResponseRow::unitName));
        List<AnswerDetail> out = new ArrayList<>();
        for (ResponseRow r : rows) {
            Answer a = answers.get(r.id());
            String value = a == null ? null : a.value();
            out.add(new AnswerDetail(r.id(), r.unitName(), r.status(), section, question.text(), question.type(), value,
                    a == null ? null : a.comment(), question.isFinding(value), acts.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    /**
     * Sets a unit's row of Bilaga 2: the result phrase ({@code null}, or the derived one: follow the answers) and
     * "Processer och rutiner som förbättrats" ({@code null}: the routines of the done actions). Only a submitted
     * self-check has a row; identity numbers in the text are refused (the report is public).
     */
    public SaveResult<Compilation.UnitResult> saveBilaga2(long responseId, ResultLevel result, String routines) {
        ResponseRow row = repo.findResponse(responseId, today()).orElseThrow(() ->
                new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ")."));
        if (row.status() != ResponseStatus.SUBMITTED) {
            throw new IllegalStateException("Bara en inskickad egenkontroll har en rad i bilaga 2.");
        }
        String text = routines == null ? null : routines.strip();
        if (text != null && se.kvalitetshjulet.domain.privacy.PrivacyCheck.check(text).stream()
                .anyMatch(se.kvalitetshjulet.domain.privacy.PrivacyCheck.Finding::identityNumber)) {
            return SaveResult.rejected(List.of(new Problem("routines", "deviation.validation.identityNumberRefused")));
        }
        Compilation.UnitResult before = unitResult(row);
        String override = result == null || result == before.derivedResult() ? null : result.name();
        String routinesText = text == null || text.equals(before.derivedRoutines()) ? null : text;
        db.txRun(tx -> repo.saveBilaga2(tx, responseId, override, routinesText));
        return SaveResult.saved(unitResult(row));
    }

    private Compilation.UnitResult unitResult(ResponseRow row) {
        return compile(row.roundId()).units().stream().filter(u -> u.responseId() == row.id()).findFirst().orElseThrow();
    }

    /** Whether the type is counted per choice in the compilation. */
    public static boolean counted(AnswerType type) {
        return type == AnswerType.YES_NO || type.hasOptions();
    }

    /** The improvement actions raised from a response's answers (or a whole round's when responseId is null). */
    public List<se.kvalitetshjulet.domain.selfcheck.FindingAction> actions(Long responseId, Long roundId) {
        return repo.actions(responseId, roundId);
    }
}
