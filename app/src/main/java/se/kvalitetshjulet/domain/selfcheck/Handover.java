package se.kvalitetshjulet.domain.selfcheck;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.OrgLevel;

/**
 * Överlämning av egenkontroll via fil: the coordinator sends one unit's form as a file
 * (formulärfil), the section chief fills it in in a database of their own and sends the answers
 * back as a file (svarsfil). Questions are matched by their stable key, the round by its uid,
 * the template version by a fingerprint of its content and the unit by the coordinator's unit id.
 * These are the contents of the two files and the rules for taking answers in.
 */
public final class Handover {
    private Handover() {
    }

    /** One step of a unit's place in the coordinator's organisation tree, from the root down. */
    public record PathStep(String name, OrgLevel level) { }

    /** The unit as known in the coordinator's database. */
    public record UnitRef(long id, String name, List<PathStep> path) {
        public UnitRef {
            path = path == null ? List.of() : List.copyOf(path);
        }

        /** "Förvaltning › Avdelning › Enhet". */
        public String pathText() {
            return String.join(" › ", path.stream().map(PathStep::name).toList());
        }
    }

    /** An answer by question key. */
    public record KeyedAnswer(String key, String value, String comment, boolean finding) { }

    /** An improvement action raised from the answer to a question. */
    public record KeyedAction(String key, String what, String responsible, LocalDate dueOn, LocalDate doneOn) { }

    /** The round as carried in the files. */
    public record RoundRef(String uid, String name, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn) { }

    /** Formulärfil: one unit's form of a round, with any answers already given. */
    public record FormFile(RoundRef round, Template template, String templateFingerprint, UnitRef unit,
                           ResponseStatus status, List<KeyedAnswer> answers, String exportedBy,
                           LocalDateTime exportedAt) {
        public FormFile {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    /** Svarsfil: one unit's answers to a round, to be taken in by the coordinator. */
    public record AnswerFile(RoundRef round, String templateFingerprint, String templateName, int templateVersion,
                             long unitId, String unitName, String unitPath, ResponseStatus status, String submittedBy, LocalDateTime submittedAt,
                             List<KeyedAnswer> answers, List<KeyedAction> actions, String exportedBy,
                             LocalDateTime exportedAt) {
        public AnswerFile {
            answers = answers == null ? List.of() : List.copyOf(answers);
            actions = actions == null ? List.of() : List.copyOf(actions);
        }

        public boolean submitted() {
            return status == ResponseStatus.SUBMITTED;
        }
    }

    /** What happened to an answer file. */
    public enum ImportOutcome {
        /** The unit had no answers; the file's answers were taken in. */
        IMPORTED,
        /** The unit had other answers; the file's answers replaced them (chosen by the user). */
        REPLACED,
        /** The unit had other answers and they were kept (chosen by the user). */
        KEPT_EXISTING,
        /** The file holds exactly the answers already there. */
        UNCHANGED,
        /** This very file has been taken in before; nothing was done. */
        ALREADY_IMPORTED,
        /** The unit has other answers; the user must choose which to keep. Nothing was written. */
        CONFLICT,
        /** The file was refused. Nothing was written. */
        REJECTED;

        /** Whether the outcome is final (no question left to the user). */
        public boolean settled() {
            return this != CONFLICT;
        }
    }

    /** The user's choice when a unit already has other answers. */
    public enum ConflictChoice { KEEP_EXISTING, USE_FILE }

    /** The answers in template order, by key (only questions with a value or a comment). */
    public static List<KeyedAnswer> keyed(Template t, Map<Long, Answer> answers) {
        List<KeyedAnswer> out = new ArrayList<>();
        t.questions().forEach(q -> {
            Answer a = answers.get(q.id());
            if (a != null && (a.answered() || (a.comment() != null && !a.comment().isBlank()))) {
                String value = a.answered() ? a.value() : null;
                out.add(new KeyedAnswer(q.key(), value, blankToNull(a.comment()), q.isFinding(value)));
            }
        });
        return out;
    }

    /**
     * The answers of a file as answers to the given template version: one per question, empty
     * where the file has none (so that taking the file in replaces every answer). Unknown keys
     * are left out; {@link #validate} reports them.
     */
    public static List<Answer> toAnswers(Template t, List<KeyedAnswer> keyed) {
        Map<String, KeyedAnswer> byKey = new HashMap<>();
        keyed.forEach(k -> byKey.put(k.key(), k));
        List<Answer> out = new ArrayList<>();
        t.questions().forEach(q -> {
            KeyedAnswer k = byKey.get(q.key());
            out.add(new Answer(null, q.id(), k == null ? null : k.value(), k == null ? null : k.comment()));
        });
        return out;
    }

    /**
     * What is wrong with a file's answers for this template version: unknown or repeated
     * question keys, values that do not fit the answer type or the choices, and (when the file
     * says the answers were submitted) required questions left unanswered.
     */
    public static List<Problem> validate(Template t, List<KeyedAnswer> keyed, boolean submitted) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Question> byKey = new HashMap<>();
        t.questions().forEach(q -> byKey.put(q.key(), q));
        Set<String> seen = new HashSet<>();
        Map<Long, String> values = new HashMap<>();
        for (KeyedAnswer k : keyed) {
            Question q = byKey.get(k.key());
            if (q == null) {
                problems.add(new Problem("answers", "selfcheck.handover.unknownQuestion", k.key()));
                continue;
            }
            if (!seen.add(k.key())) {
                problems.add(new Problem("q" + q.id(), "selfcheck.handover.repeatedQuestion", q.text()));
                continue;
            }
            String v = AnswerValues.normalise(q.type(), k.value());
            values.put(q.id(), v);
            problems.addAll(SubmissionRules.checkValue(q, v));
        }
        if (submitted && problems.isEmpty()) {
            problems.addAll(SubmissionRules.validate(t, values));
        }
        return problems;
    }

    /** Whether a unit has anything written: an answer or a comment. */
    public static boolean hasContent(Map<Long, Answer> answers) {
        return answers.values().stream().anyMatch(a -> a.answered() || (a.comment() != null && !a.comment().isBlank()));
    }

    /** Whether the file's answers are the same as the stored ones (values as stored, comments). */
    public static boolean sameAnswers(Template t, Map<Long, Answer> existing, List<KeyedAnswer> keyed) {
        Map<String, KeyedAnswer> byKey = new HashMap<>();
        keyed.forEach(k -> byKey.put(k.key(), k));
        return t.questions().allMatch(q -> {
            Answer a = existing.get(q.id());
            KeyedAnswer k = byKey.get(q.key());
            String storedValue = a == null ? null : AnswerValues.normalise(q.type(), a.value());
            String storedComment = a == null ? null : blankToNull(a.comment());
            String fileValue = k == null ? null : AnswerValues.normalise(q.type(), k.value());
            String fileComment = k == null ? null : blankToNull(k.comment());
            return Objects.equals(storedValue, fileValue) && Objects.equals(storedComment, fileComment);
        });
    }

    /**
     * Whether the unit's stored response is in the way of a file: it has content (a draft with
     * answers or comments, or a submitted response) and its answers differ from the file's.
     */
    public static boolean conflicts(Template t, ResponseStatus status, Map<Long, Answer> existing, AnswerFile file) {
        boolean hasSomething = hasContent(existing) || status == ResponseStatus.SUBMITTED;
        return hasSomething && !sameAnswers(t, existing, file.answers());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
