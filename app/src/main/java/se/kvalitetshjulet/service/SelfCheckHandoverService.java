package se.kvalitetshjulet.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.SelfCheckHandoverRepository;
import se.kvalitetshjulet.data.repo.SelfCheckHandoverRepository.FormCopy;
import se.kvalitetshjulet.data.repo.SelfCheckHandoverRepository.RoundIdentity;
import se.kvalitetshjulet.data.repo.SelfCheckRepository;
import se.kvalitetshjulet.data.repo.UnitRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Handover;
import se.kvalitetshjulet.domain.selfcheck.Handover.AnswerFile;
import se.kvalitetshjulet.domain.selfcheck.Handover.ConflictChoice;
import se.kvalitetshjulet.domain.selfcheck.Handover.FormFile;
import se.kvalitetshjulet.domain.selfcheck.Handover.ImportOutcome;
import se.kvalitetshjulet.domain.selfcheck.Handover.KeyedAction;
import se.kvalitetshjulet.domain.selfcheck.Handover.PathStep;
import se.kvalitetshjulet.domain.selfcheck.Handover.RoundRef;
import se.kvalitetshjulet.domain.selfcheck.Handover.UnitRef;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;

/**
 * Överlämning av egenkontroll via fil, for section chiefs who work in a database of their own:
 * the coordinator exports one unit's form (or every unit's) as a file; the section chief opens
 * it, which creates a local copy of the round, the frozen template version and the unit, fills
 * it in with the ordinary form and exports the answers as a file; the coordinator takes the
 * answer files in. A unit's answers are never overwritten silently: when they differ the
 * caller gets a {@link ImportOutcome#CONFLICT} and asks the user which to keep. The same answer
 * file taken in twice changes nothing. Every write is one transaction with audit rows.
 */
public final class SelfCheckHandoverService {
    /** What opening a form file did. */
    public enum OpenOutcome {
        /** The round, template and unit were copied into this database. */
        CREATED,
        /** The form was opened before; the copy was brought up to date with this file. */
        UPDATED,
        /** The same file was opened before; nothing changed. */
        UNCHANGED,
        /** The round was created in this very database; the form is simply opened. */
        ORIGINAL
    }

    /** A form file opened: where the unit's self-check now is in this database. */
    public record Opened(OpenOutcome outcome, long roundId, long responseId, long unitId, String unitName,
                         String roundName) { }

    /** The two versions of a unit's answers when they differ. */
    public record Conflict(ResponseStatus existingStatus, long existingAnswered, LocalDateTime existingUpdatedAt,
                           ResponseStatus fileStatus, long fileAnswered, String fileSubmittedBy,
                           LocalDateTime fileSubmittedAt) { }

    /**
     * What happened to one answer file. {@code message} (Swedish) says why a file was refused;
     * {@code problems} are the per-question errors; {@code earlierOutcome} is what was done the
     * first time for {@link ImportOutcome#ALREADY_IMPORTED}.
     */
    public record AnswerImport(Path file, ImportOutcome outcome, String roundName, String unitName, String message,
                               List<Problem> problems, Conflict conflict, ImportOutcome earlierOutcome) {
        public AnswerImport {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }

    private final Database db;
    private final SelfCheckRepository repo;
    private final SelfCheckHandoverRepository handover;
    private final UnitRepository units;
    private final OrganisationService organisation;
    private final Supplier<String> actor;
    private final Clock clock;
    private PrivacyService privacy;

    /** The privacy check with the coordinator's policy for answer files (set once, by AppContext). */
    public SelfCheckHandoverService withPrivacy(PrivacyService p) {
        this.privacy = p;
        return this;
    }

    public SelfCheckHandoverService(Database db, SelfCheckRepository repo, SelfCheckHandoverRepository handover,
                                    UnitRepository units, OrganisationService organisation, Supplier<String> actor,
                                    Clock clock) {
        this.db = db;
        this.repo = repo;
        this.handover = handover;
        this.units = units;
        this.organisation = organisation;
        this.actor = actor;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- coordinator: export forms ---------------------------------------------------

    /** A file name for one unit's form of a round. */
    public static String formFileName(String roundName, String unitName) {
        return SelfCheckHandoverJson.fileName(roundName, unitName) + SelfCheckHandoverJson.FORM_EXTENSION;
    }

    /** A file name for one unit's answers to a round. */
    public static String answersFileName(String roundName, String unitName) {
        return SelfCheckHandoverJson.fileName("svar", roundName, unitName) + SelfCheckHandoverJson.ANSWERS_EXTENSION;
    }

    /** Writes one unit's form of a round (with any answers already given) to {@code target}. */
    public Path exportForm(long roundId, long unitId, Path target) {
        Round round = round(roundId);
        long responseId = handover.responseId(db.dsl(), roundId, unitId).orElseThrow(() ->
                new IllegalArgumentException("Enheten (id " + unitId + ") ingår inte i omgången ”" + round.name() + "”."));
        String uid = originalRoundUid(roundId, round);
        String secret = roundSecret(roundId);
        writeForm(round, uid, secret, template(round.templateId()), responseId, organisation.tree(), target);
        return target;
    }

    /** Writes the form of every unit of a round into {@code folder}, one file per unit; returns the files. */
    public List<Path> exportAllForms(long roundId, Path folder) {
        Round round = round(roundId);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Mappen " + folder + " finns inte.");
        }
        String uid = originalRoundUid(roundId, round);
        String secret = roundSecret(roundId);
        Template t = template(round.templateId());
        OrgTree tree = organisation.tree();
        List<Path> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ResponseRow r : repo.responses(roundId, null, today())) {
            String name = formFileName(round.name(), r.unitName());
            if (!names.add(name)) {
                name = formFileName(round.name(), r.unitName() + "-" + r.unitId());
            }
            Path target = folder.resolve(name);
            writeForm(round, uid, secret, t, r.id(), tree, target);
            out.add(target);
        }
        return out;
    }

    private String originalRoundUid(long roundId, Round round) {
        String uid = db.tx(tx -> handover.ensureRoundUid(tx, roundId));
        if (handover.findRoundByUid(db.dsl(), uid).map(RoundIdentity::copy).orElse(false)) {
            throw new IllegalArgumentException("Omgången ”" + round.name() + "” är en kopia från en formulärfil. "
                    + "Formulär exporteras från samordnarens databas, där omgången skapades.");
        }
        return uid;
    }

    /** The round's secret for signing (decision 16), made the first time a form of the round is exported. */
    private String roundSecret(long roundId) {
        return db.tx(tx -> handover.ensureRoundSecret(tx, roundId, SelfCheckHandoverJson::newRoundSecret));
    }

    private void writeForm(Round round, String uid, String secret, Template t, long responseId, OrgTree tree,
                           Path target) {
        ResponseRow row = repo.findResponse(responseId, today()).orElseThrow();
        List<PathStep> path = new ArrayList<>();
        Long id = row.unitId();
        while (id != null) {
            Optional<Unit> u = tree.find(id);
            if (u.isEmpty()) {
                break;
            }
            path.addFirst(new PathStep(u.get().name(), u.get().level()));
            id = u.get().parentId();
        }
        FormFile f = new FormFile(roundRef(round, uid), t, SelfCheckHandoverJson.fingerprint(t),
                new UnitRef(row.unitId(), row.unitName(), path), row.status(),
                Handover.keyed(t, repo.answers(responseId)), actor.get(), LocalDateTime.now(clock));
        SelfCheckHandoverJson.write(f, SelfCheckHandoverJson.unitKey(secret, uid, row.unitId()), target);
    }

    private static RoundRef roundRef(Round r, String uid) {
        return new RoundRef(uid, r.name(), r.periodStart(), r.periodEnd(), r.dueOn());
    }

    // ---- section chief: open a form, export the answers ------------------------------

    /**
     * Opens a form file in this database: copies the round (same uid), the frozen template
     * version and the unit (found by its path from the root, created where missing), with the
     * answers in the file. Opening the same file again changes nothing; a newer file for the
     * same unit updates the round's dates and fills in answers only if none were written here.
     *
     * @throws IllegalArgumentException with a Swedish message when the file is refused
     */
    public Opened openForm(Path file) {
        SelfCheckHandoverJson.Read<FormFile> read = SelfCheckHandoverJson.readForm(file);
        FormFile f = read.content();
        String checksum = read.checksum();
        return db.tx(tx -> {
            Optional<RoundIdentity> existing = handover.findRoundByUid(tx, f.round().uid());
            if (existing.isPresent() && !existing.get().copy()) {
                long roundId = existing.get().roundId();
                long responseId = handover.responseId(tx, roundId, f.unit().id()).orElseThrow(() ->
                        new IllegalArgumentException("Formuläret gäller enheten ”" + f.unit().name()
                                + "”, som inte ingår i omgången ”" + existing.get().name() + "” i den här databasen."));
                return new Opened(OpenOutcome.ORIGINAL, roundId, responseId, f.unit().id(), f.unit().name(),
                        existing.get().name());
            }
            long roundId;
            long templateId;
            boolean changed = false;
            if (existing.isEmpty()) {
                templateId = handover.templateByFingerprint(tx, f.templateFingerprint()).orElseGet(() -> {
                    Template saved = repo.saveTemplate(tx, f.template());
                    repo.freeze(tx, saved.id());
                    return saved.id();
                });
                roundId = handover.insertRoundCopy(tx, f.round(), templateId);
                changed = true;
            } else {
                roundId = existing.get().roundId();
                templateId = existing.get().templateId();
                String hash = handover.copiedTemplateHash(tx, roundId).orElse(f.templateFingerprint());
                if (!hash.equals(f.templateFingerprint())) {
                    throw new IllegalArgumentException("Formulärfilen hör till omgången ”" + f.round().name()
                            + "” men till en annan version av mallen än den som redan finns här. Be samordnaren om en ny fil.");
                }
                changed = handover.updateRoundCopy(tx, roundId, f.round());
            }
            Template t = repo.findTemplate(tx, templateId).orElseThrow();
            Optional<FormCopy> copy = handover.formCopy(tx, roundId, f.unit().id());
            if (copy.isPresent()) {
                FormCopy c = copy.get();
                if (c.fileChecksum().equals(checksum) && !changed) {
                    return new Opened(OpenOutcome.UNCHANGED, roundId, c.responseId(), c.localUnitId(), f.unit().name(),
                            f.round().name());
                }
                if (!c.fileChecksum().equals(checksum)) {
                    handover.updateFormCopy(tx, c.id(), f.unit().name(), f.unit().pathText(), checksum);
                    if (read.answerKey() != null) {
                        handover.setFormKey(tx, c.id(), read.answerKey());
                    }
                }
                if (!Handover.hasContent(repo.answers(tx, c.responseId())) && !f.answers().isEmpty()) {
                    repo.saveAnswers(tx, c.responseId(), Handover.toAnswers(t, f.answers()), t);
                }
                return new Opened(OpenOutcome.UPDATED, roundId, c.responseId(), c.localUnitId(), f.unit().name(),
                        f.round().name());
            }
            long localUnit = ensureUnit(tx, f.unit());
            long responseId = handover.responseId(tx, roundId, localUnit)
                    .orElseGet(() -> repo.insertResponse(tx, roundId, localUnit));
            long copyId = handover.insertFormCopy(tx, responseId, f.unit().id(), f.unit().name(), f.unit().pathText(),
                    f.templateFingerprint(), checksum);
            if (read.answerKey() != null) {
                handover.setFormKey(tx, copyId, read.answerKey());
            }
            if (!f.answers().isEmpty()) {
                repo.saveAnswers(tx, responseId, Handover.toAnswers(t, f.answers()), t);
            }
            return new Opened(OpenOutcome.CREATED, roundId, responseId, localUnit, f.unit().name(), f.round().name());
        });
    }

    /** The unit in this database with the same path of names from the root, created (with its parents) where missing. */
    private long ensureUnit(DSLContext tx, UnitRef u) {
        List<PathStep> path = new ArrayList<>(u.path());
        if (path.isEmpty() || !path.getLast().name().equals(u.name())) {
            path.add(new PathStep(u.name(), null));
        }
        Long parent = null;
        OrgLevel parentLevel = null;
        for (PathStep step : path) {
            OrgLevel level = step.level() != null ? step.level()
                    : parentLevel == null ? OrgLevel.ENHET
                    : parentLevel.childLevel() != null ? parentLevel.childLevel() : OrgLevel.SEKTION;
            Long p = parent;
            parent = handover.unitByName(tx, p, step.name()).orElseGet(() -> units.save(tx, new Unit(null, p,
                    step.name(), level, null, ProviderKind.KOMMUNAL, null, null, null)).id());
            parentLevel = level;
        }
        return parent;
    }

    /** Writes the answers of a self-check in this database (normally a copy opened from a form file). */
    public Path exportAnswers(long responseId, Path target) {
        ResponseRow row = repo.findResponse(responseId, today()).orElseThrow(() ->
                new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ")."));
        Template t = template(row.templateId());
        Round round = round(row.roundId());
        Optional<FormCopy> copy = handover.formCopyOfResponse(db.dsl(), responseId);
        String uid;
        long unitId;
        String unitName;
        String unitPath;
        String signingKey;
        if (copy.isPresent()) {
            uid = handover.roundUid(db.dsl(), row.roundId()).orElseThrow();
            unitId = copy.get().sourceUnitId();
            unitName = copy.get().sourceUnitName();
            unitPath = copy.get().sourceUnitPath();
            signingKey = handover.formKey(db.dsl(), copy.get().id()).orElseThrow(() -> new IllegalArgumentException(
                    "Formuläret för ”" + copy.get().sourceUnitName() + "” öppnades från en fil från en äldre version av "
                    + "Kvalitetshjulet, och svaren kan därför inte skrivas under. Samordnaren tar bara emot "
                    + "underskrivna svarsfiler. Be samordnaren om en ny formulärfil och öppna den: svaren du har "
                    + "skrivit finns kvar. Exportera sedan svaren igen."));
        } else {
            uid = db.tx(tx -> handover.ensureRoundUid(tx, row.roundId()));
            unitId = row.unitId();
            unitName = row.unitName();
            unitPath = organisation.tree().path(row.unitId());
            signingKey = SelfCheckHandoverJson.unitKey(roundSecret(row.roundId()), uid, unitId);
        }
        Map<Long, String> keys = new HashMap<>();
        t.questions().forEach(q -> keys.put(q.id(), q.key()));
        List<KeyedAction> actions = repo.actions(responseId, null).stream()
                .map(a -> new KeyedAction(keys.get(a.questionId()), a.measure().what(), a.measure().responsible(),
                        a.measure().dueOn(), a.measure().doneOn()))
                .toList();
        SelfCheckHandoverRepository.Submission s = handover.submission(db.dsl(), responseId);
        boolean submitted = row.status() == ResponseStatus.SUBMITTED;
        AnswerFile f = new AnswerFile(roundRef(round, uid),
                copy.map(FormCopy::templateHash).orElseGet(() -> SelfCheckHandoverJson.fingerprint(t)), t.name(),
                t.version(), unitId, unitName, unitPath, submitted ? ResponseStatus.SUBMITTED : ResponseStatus.DRAFT,
                submitted ? s.by() : null, submitted ? s.at() : null, Handover.keyed(t, repo.answers(responseId)),
                actions, actor.get(), LocalDateTime.now(clock));
        SelfCheckHandoverJson.write(f, signingKey, target);
        return target;
    }

    /**
     * The self-check of a unit in a round of this database: by the unit's id here or, for a
     * copy opened from a form file, by the unit's id in the coordinator's database.
     */
    public Optional<Long> responseFor(long roundId, long unitId) {
        return handover.responseId(db.dsl(), roundId, unitId)
                .or(() -> handover.formCopy(db.dsl(), roundId, unitId).map(FormCopy::responseId));
    }

    /** A round of this database by its uid. */
    public Optional<Long> roundByUid(String uid) {
        return handover.findRoundByUid(db.dsl(), uid).map(RoundIdentity::roundId);
    }

    // ---- coordinator: take answer files in -------------------------------------------

    /**
     * Takes one answer file in. Refused (nothing written) when the file is damaged, belongs to a
     * round or template version not in this database, names a unit outside the round or holds
     * invalid answers. When the unit already has other answers and {@code choice} is
     * {@code null}, returns {@link ImportOutcome#CONFLICT} without writing; call again with the
     * user's choice. A file taken in before gives {@link ImportOutcome#ALREADY_IMPORTED}.
     */
    public AnswerImport importAnswers(Path file, ConflictChoice choice) {
        SelfCheckHandoverJson.Read<AnswerFile> read;
        try {
            read = SelfCheckHandoverJson.readAnswers(file);
        } catch (IllegalArgumentException e) {
            return rejected(file, null, null, e.getMessage(), List.of());
        }
        AnswerFile f = read.content();
        String roundName = f.round().name();
        Optional<String> earlier = handover.importedOutcome(db.dsl(), read.checksum());
        if (earlier.isPresent()) {
            return new AnswerImport(file, ImportOutcome.ALREADY_IMPORTED, roundName, f.unitName(), null, List.of(), null,
                    ImportOutcome.valueOf(earlier.get()));
        }
        Optional<RoundIdentity> found = handover.findRoundByUid(db.dsl(), f.round().uid());
        if (found.isEmpty()) {
            return rejected(file, roundName, f.unitName(), "Filen hör till en annan omgång (”" + roundName
                    + "”) som inte finns i den här databasen. Svarsfiler läses in i den databas där omgången skapades.",
                    List.of());
        }
        RoundIdentity round = found.get();
        if (round.copy()) {
            return rejected(file, roundName, f.unitName(), "Filen hör till en annan omgång: ”" + roundName
                    + "” är här bara en kopia från en formulärfil. Svarsfiler läses in i den databas där omgången skapades.",
                    List.of());
        }
        Template t = template(round.templateId());
        if (!SelfCheckHandoverJson.fingerprint(t).equals(f.templateFingerprint())) {
            return rejected(file, roundName, f.unitName(), "Filen hör till en annan omgång eller mallversion: svaren gäller ”"
                    + f.templateName() + "” version " + f.templateVersion() + ", men omgången ”" + round.name()
                    + "” använder ”" + t.name() + "” version " + t.version() + ".", List.of());
        }
        Optional<Long> responseId = handover.responseId(db.dsl(), round.roundId(), f.unitId());
        if (responseId.isEmpty()) {
            return rejected(file, roundName, f.unitName(), "Enheten ”" + f.unitName() + "” (id " + f.unitId()
                    + ") ingår inte i omgången ”" + round.name() + "”.", List.of());
        }
        Optional<String> refusal = signatureRefusal(read, round, f);
        if (refusal.isPresent()) {
            return rejected(file, roundName, f.unitName(), refusal.get(), List.of());
        }
        List<Problem> problems = new ArrayList<>(Handover.validate(t, f.answers(), f.submitted()));
        Map<String, Question> byKey = new HashMap<>();
        t.questions().forEach(q -> byKey.put(q.key(), q));
        for (KeyedAction a : f.actions()) {
            if (!byKey.containsKey(a.key())) {
                problems.add(new Problem("actions", "selfcheck.handover.unknownQuestion", a.key()));
            }
        }
        if (!problems.isEmpty()) {
            return rejected(file, roundName, f.unitName(), "Svaren i filen kan inte läsas in:", problems);
        }
        // The privacy check on every comment (and action text) in the file, reported per question.
        List<Problem> privacyFindings = new ArrayList<>();
        for (var a : f.answers()) {
            var hits = se.kvalitetshjulet.domain.privacy.PrivacyCheck.check(a.comment());
            if (!hits.isEmpty()) {
                privacyFindings.add(new Problem("comment", "privacy.refusedComment",
                        byKeyText(t, a.key()), PrivacyService.kindsOnly(hits)));
            }
        }
        for (KeyedAction a : f.actions()) {
            var hits = se.kvalitetshjulet.domain.privacy.PrivacyCheck.check(a.what());
            if (!hits.isEmpty()) {
                privacyFindings.add(new Problem("actions", "privacy.refusedComment", byKeyText(t, a.key()),
                        PrivacyService.kindsOnly(hits)));
            }
        }
        if (!privacyFindings.isEmpty() && privacy != null
                && privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.SELF_CHECK)) {
            return rejected(file, roundName, f.unitName(), "Svarsfilen innehåller uppgifter som kan identifiera en person, "
                    + "och integritetsinställningen för egenkontroller nekar sådana uppgifter. Inget har lästs in; be "
                    + "enheten ta bort uppgifterna och skicka filen igen:", privacyFindings);
        }
        long id = responseId.get();
        ResponseRow row = repo.findResponse(id, today()).orElseThrow();
        Map<Long, Answer> existing = repo.answers(id);
        boolean same = Handover.sameAnswers(t, existing, f.answers());
        boolean conflict = Handover.conflicts(t, row.status(), existing, f);
        if (conflict && choice == null) {
            return new AnswerImport(file, ImportOutcome.CONFLICT, roundName, row.unitName(), null, List.of(),
                    new Conflict(row.status(), existing.values().stream().filter(Answer::answered).count(),
                            row.updatedAt(), f.status(), f.answers().stream().filter(a -> a.value() != null
                            && !a.value().isBlank()).count(), f.submittedBy(), f.submittedAt()), null);
        }
        Set<String> knownActions = new HashSet<>();
        Map<Long, String> keys = new HashMap<>();
        t.questions().forEach(q -> keys.put(q.id(), q.key()));
        repo.actions(id, null).forEach(a -> knownActions.add(keys.get(a.questionId()) + "\n" + a.measure().what().strip()));
        List<KeyedAction> newActions = f.actions().stream()
                .filter(a -> !knownActions.contains(a.key() + "\n" + a.what().strip())).toList();
        boolean takeStatus = f.submitted() && row.status() != ResponseStatus.SUBMITTED;
        ImportOutcome outcome = conflict
                ? (choice == ConflictChoice.KEEP_EXISTING ? ImportOutcome.KEPT_EXISTING : ImportOutcome.REPLACED)
                : same && !takeStatus && newActions.isEmpty() ? ImportOutcome.UNCHANGED : ImportOutcome.IMPORTED;
        db.txRun(tx -> {
            if (outcome == ImportOutcome.IMPORTED || outcome == ImportOutcome.REPLACED) {
                if (!same) {
                    repo.saveAnswers(tx, id, Handover.toAnswers(t, f.answers()), t);
                }
                if (f.submitted()) {
                    handover.setStatusFromFile(tx, id, ResponseStatus.SUBMITTED,
                            f.submittedBy() != null ? f.submittedBy() : f.exportedBy(),
                            f.submittedAt() != null ? f.submittedAt() : f.exportedAt());
                } else if (outcome == ImportOutcome.REPLACED && row.status() == ResponseStatus.SUBMITTED) {
                    // A submitted response replaced by a draft is reopened, with the reason kept, as a coordinator's
                    // reopening would be: it is not silently back to "utkast".
                    handover.setStatusFromFile(tx, id, ResponseStatus.REOPENED, null, null,
                            "Ersatt med utkastet i svarsfilen " + file.getFileName() + " vid import.");
                }
                for (KeyedAction a : newActions) {
                    long answerId = repo.answerId(tx, id, byKey.get(a.key()).id());
                    repo.insertAction(tx, new Measure(null, SelfCheckRepository.SOURCE_SELF_CHECK, answerId, row.unitId(),
                            a.what(), null, a.responsible(), a.dueOn(), a.doneOn(), null, null));
                }
            }
            handover.logImport(tx, read.checksum(), round.roundId(), f.unitId(), file.getFileName().toString(),
                    outcome.name());
        });
        // Under "warn" the answers are read in and each finding is listed, so the coordinator can follow it up.
        return new AnswerImport(file, outcome, roundName, row.unitName(), privacyFindings.isEmpty() ? null
                : "Varning: svarsfilen innehåller uppgifter som kan identifiera en person (se listan). Ta bort dem i "
                        + "egenkontrollen.", privacyFindings, null, null);
    }

    /**
     * Why an answer file's signature is not accepted, if it is not (decision 16): the file must be signed with the
     * key this database gave the unit's form of this round. A file without a signature (an older version's, or one
     * written by hand) and one whose content was changed after it was signed are both refused.
     */
    private Optional<String> signatureRefusal(SelfCheckHandoverJson.Read<AnswerFile> read, RoundIdentity round,
                                              AnswerFile f) {
        if (!read.signed()) {
            return Optional.of("Svarsfilen saknar underskrift. Den är skapad av en äldre version av Kvalitetshjulet "
                    + "eller skriven utanför programmet, och det går inte att se att svaren kommer från formuläret för "
                    + "”" + f.unitName() + "”. Inget har lästs in. Skicka en ny formulärfil till enheten; när den är "
                    + "öppnad (svaren finns kvar) kan enheten exportera svaren igen.");
        }
        Optional<String> secret = handover.roundSecret(db.dsl(), round.roundId());
        String key = secret.map(s -> SelfCheckHandoverJson.unitKey(s, f.round().uid(), f.unitId())).orElse(null);
        if (!read.signedWith(key)) {
            return Optional.of("Svarsfilen är inte underskriven med nyckeln i formuläret som den här databasen skickade "
                    + "till ”" + f.unitName() + "” i omgången ”" + round.name() + "”: den har ändrats efter att den "
                    + "sparades, eller kommer från ett annat formulär. Inget har lästs in. Be enheten exportera svaren "
                    + "på nytt från formuläret du skickade.");
        }
        return Optional.empty();
    }

    private static String byKeyText(Template t, String key) {
        return t.questions().filter(q -> q.key().equals(key)).map(Question::text).findFirst().orElse(key);
    }

    private static AnswerImport rejected(Path file, String roundName, String unitName, String message,
                                         List<Problem> problems) {
        return new AnswerImport(file, ImportOutcome.REJECTED, roundName, unitName, message, problems, null, null);
    }

    // ---- helpers ---------------------------------------------------------------------

    private Round round(long id) {
        return repo.findRound(id).orElseThrow(() -> new IllegalArgumentException("Omgången finns inte (id " + id + ")."));
    }

    private Template template(long id) {
        return repo.findTemplate(id).orElseThrow(() -> new IllegalStateException("Mallen finns inte längre (id " + id + ")."));
    }

    /** The fingerprint of a template version (its identity in every database). */
    public static String fingerprint(Template t) {
        return SelfCheckHandoverJson.fingerprint(t);
    }

}
