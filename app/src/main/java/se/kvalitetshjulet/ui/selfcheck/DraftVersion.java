package se.kvalitetshjulet.ui.selfcheck;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import se.kvalitetshjulet.domain.ThreeWay;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.ui.common.ConflictQuestion;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The version the open self-check was read at, the answers as read (the base of a three-way comparison), and a draft
 * refused because someone else saved the same self-check in between (decision 0029). While such a conflict waits for
 * the person's choice, autosave is paused: two windows never overwrite each other back and forth. The question goes
 * through {@link DialogService#resolveConflict}, one row per answer that differs.
 */
final class DraftVersion {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Long version;
    private Map<Long, Answer> base = Map.of();
    private SelfCheckService.DraftConflict pending;

    /** What the person chose: the answers to save on their version, or empty to show theirs (take theirs). */
    record Resolution(Optional<List<Answer>> save, long theirVersion) { }

    /** A form was read (opened or reloaded). */
    void read(long v, Map<Long, Answer> answers) {
        version = v;
        base = Map.copyOf(answers);
        pending = null;
    }

    /** A draft was saved: the stored answers are now {@code saved}, at {@code v}. */
    void saved(long v, Collection<Answer> saved) {
        version = v;
        Map<Long, Answer> next = new LinkedHashMap<>(base);
        saved.forEach(a -> next.put(a.questionId(), a));
        base = next;
    }

    Long version() {
        return version;
    }

    boolean paused() {
        return pending != null;
    }

    void refused(SelfCheckService.DraftConflict c) {
        pending = c;
    }

    /**
     * Asks what should hold for the answers in {@code mine}; empty when the person cancels (autosave stays paused,
     * the form keeps mine, the next explicit save asks again).
     */
    Optional<Resolution> ask(DialogService dialogs, I18n i18n, Template template, List<Answer> mine) {
        SelfCheckService.DraftConflict c = pending;
        Map<Long, String> baseText = texts(base.values());
        Map<Long, String> mineText = texts(mine);
        Map<Long, String> theirText = texts(c.theirs().values());
        List<ThreeWay.Difference<Long>> diffs = ThreeWay.differences(baseText, mineText, theirText);
        List<ConflictQuestion.Row> rows = new ArrayList<>();
        for (ThreeWay.Difference<Long> d : diffs) {
            ConflictQuestion.Changed changed = d.both() ? ConflictQuestion.Changed.BOTH
                    : d.changedByMe() ? ConflictQuestion.Changed.MINE : ConflictQuestion.Changed.THEIRS;
            String question = template.question(d.key()).map(Question::text).orElse(String.valueOf(d.key()));
            rows.add(new ConflictQuestion.Row(question, shown(i18n, mineText.get(d.key())),
                    shown(i18n, theirText.get(d.key())), changed, i18n.get("deviation.conflict.changedBy." + changed.name())));
        }
        String who = c.changedBy() == null ? i18n.get("deviation.conflict.someone") : c.changedBy();
        String when = c.changedAt() == null ? "" : c.changedAt().format(WHEN);
        ConflictQuestion q = new ConflictQuestion(i18n.get("selfcheck.conflict.title"),
                i18n.get("selfcheck.conflict.message", who, when) + "\n\n" + i18n.get("selfcheck.conflict.keepMineHint")
                        + "\n" + i18n.get("selfcheck.conflict.mergeHint"), rows,
                new ConflictQuestion.Labels(i18n.get("selfcheck.conflict.mine"), i18n.get("deviation.conflict.theirs", who),
                        i18n.get("selfcheck.conflict.column.question"), i18n.get("deviation.conflict.column.changed"),
                        i18n.get("deviation.conflict.keepMine"), i18n.get("deviation.conflict.takeTheirs"),
                        i18n.get("deviation.conflict.merge"), i18n.get("common.cancel"),
                        i18n.get("selfcheck.conflict.bothHint"), i18n.get("deviation.conflict.pickMine"),
                        i18n.get("deviation.conflict.pickTheirs")));
        Optional<ConflictQuestion.Answer> answer = dialogs.resolveConflict(q);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        long theirVersion = c.theirVersion();
        Map<Long, Answer> theirs = c.theirs();
        pending = null;
        version = theirVersion;
        base = Map.copyOf(theirs);
        return Optional.of(switch (answer.get().choice()) {
            case KEEP_MINE -> new Resolution(Optional.of(List.copyOf(mine)), theirVersion);
            case TAKE_THEIRS -> new Resolution(Optional.empty(), theirVersion);
            case MERGE -> {
                Set<Long> mineWins = new HashSet<>();
                for (int i : answer.get().mineRows()) {
                    mineWins.add(diffs.get(i).key());
                }
                Map<Long, ThreeWay.Difference<Long>> byKey = new LinkedHashMap<>();
                diffs.forEach(d -> byKey.put(d.key(), d));
                List<Answer> merged = new ArrayList<>();
                for (Answer a : mine) {
                    ThreeWay.Difference<Long> d = byKey.get(a.questionId());
                    boolean takeMine = d == null || (d.both() ? mineWins.contains(d.key()) : d.changedByMe());
                    Answer t = theirs.get(a.questionId());
                    merged.add(takeMine ? a : t != null ? t : new Answer(null, a.questionId(), "", ""));
                }
                yield new Resolution(Optional.of(List.copyOf(merged)), theirVersion);
            }
        });
    }

    /** Puts {@code answers} into the form's items (the chosen answers after a conflict). */
    static void fill(List<SelfCheckViewModel.QuestionItem> items, List<Answer> answers) {
        for (Answer a : answers) {
            items.stream().filter(i -> i.question().id() == a.questionId()).findFirst().ifPresent(i -> {
                i.valueProperty().set(a.value() == null ? "" : a.value());
                i.commentProperty().set(a.comment() == null ? "" : a.comment());
            });
        }
    }

    /** An answer as compared: value and comment, blank as empty (the form shows a missing answer as blank). */
    private static Map<Long, String> texts(Collection<Answer> answers) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Answer a : answers) {
            String v = Objects.requireNonNullElse(a.value(), "").strip();
            String c = Objects.requireNonNullElse(a.comment(), "").strip();
            if (!v.isEmpty() || !c.isEmpty()) {
                out.put(a.questionId(), c.isEmpty() ? v : v + " – " + c);
            }
        }
        return out;
    }

    private static String shown(I18n i18n, String text) {
        return text == null ? i18n.get("deviation.conflict.empty") : text;
    }
}
